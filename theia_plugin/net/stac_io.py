"""pystac-client on top of the plugin's :class:`~theia_plugin.net.base.HttpClient`.

``pystac_client`` does its HTTP through a ``StacApiIO`` object; :class:`ClientStacApiIO`
replaces its ``requests`` session by our client, so STAC calls honour the QGIS proxy, SSL and
auth settings (authcfg), timeouts, retries and cancellation, and fail with our typed errors
(carrying the server's text and a hint).

Errors raised through pystac-client are also instances of ``pystac_client.exceptions.APIError``
(with ``status_code``), because pystac-client relies on that (e.g. a 404 from
``get_collection`` means "no such collection").
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Callable

import pystac_client
from pystac_client.exceptions import APIError
from pystac_client.stac_api_io import StacApiIO

from theia_plugin.core.i18n import tr

from .base import Feedback, HttpClient
from .errors import InvalidResponseError, NetworkError
from .redact import redact_text

__all__ = ["ClientStacApiIO", "as_api_error", "open_stac_api"]

_BODY_METHODS = ("POST", "PUT", "PATCH")
_API_ERROR_CLASSES: dict[type, type] = {}


def as_api_error(error: NetworkError) -> NetworkError:
    """``error`` re-typed as a subclass of both its own class and pystac-client's APIError.

    ``isinstance(result, AuthenticationError)`` and ``isinstance(result, APIError)`` both
    hold; the message, attributes and ``status_code`` are kept.
    """
    if isinstance(error, APIError):
        return error
    cls = type(error)
    combined = _API_ERROR_CLASSES.get(cls)
    if combined is None:
        combined = type(f"Stac{cls.__name__}", (cls, APIError), {"__module__": __name__})
        _API_ERROR_CLASSES[cls] = combined
    converted = combined.__new__(combined)
    converted.__dict__.update(error.__dict__)
    converted.args = error.args
    converted.status_code = error.status
    return converted


class ClientStacApiIO(StacApiIO):
    """A ``StacApiIO`` whose every request goes through an :class:`HttpClient`.

    Args:
        client: the HTTP client (its transport carries proxy/auth settings).
        headers: headers for every STAC request.
        parameters: query parameters for every STAC request.
        feedback: cancellation/progress object used by all requests (can be changed
            between searches through the ``feedback`` attribute).
        timeout: per-request timeout in seconds (default: the client's).
    """

    def __init__(
        self,
        client: HttpClient,
        headers: Mapping[str, str] | None = None,
        parameters: Mapping[str, Any] | None = None,
        feedback: Feedback | None = None,
        timeout: float | None = None,
        request_modifier: Callable[[Any], Any] | None = None,
    ) -> None:
        self.client = client
        self.feedback = feedback
        self._headers: dict[str, str] = {}
        self._parameters: dict[str, Any] = {}
        self._timeout: float | None = None
        # The parent creates a requests.Session (never used for I/O here) and calls update().
        super().__init__(
            headers=dict(headers or {}),
            parameters=dict(parameters or {}),
            request_modifier=request_modifier,
            timeout=timeout,
            max_retries=None,
        )

    def update(
        self,
        headers: dict[str, str] | None = None,
        parameters: dict[str, Any] | None = None,
        request_modifier: Callable[[Any], Any] | None = None,
        timeout: Any = None,
    ) -> None:
        """Merge headers/parameters; keep the modifier and timeout unless new ones are given
        (pystac-client calls this with ``None`` everywhere when opening a client)."""
        self._headers.update(headers or {})
        self._parameters.update(parameters or {})
        if request_modifier is not None:
            self._req_modifier = request_modifier
        elif not hasattr(self, "_req_modifier"):
            self._req_modifier = None
        if timeout is not None:
            if isinstance(timeout, (tuple, list)):
                timeout = max(t for t in timeout if t is not None)
            self._timeout = float(timeout)
        self.timeout = self._timeout

    def request(
        self,
        href: str,
        method: str | None = None,
        headers: dict[str, str] | None = None,
        parameters: dict[str, Any] | None = None,
    ) -> str:
        """Send a STAC API request through the HTTP client; return the body as text."""
        method = (method or "GET").upper()
        all_headers = {"Accept": "application/geo+json, application/json", **self._headers}
        all_headers.update(headers or {})
        query: dict[str, Any] = dict(self._parameters)
        body_json: Any = None
        if method in _BODY_METHODS:
            body_json = parameters if parameters is not None else {}
        else:
            query.update(parameters or {})
        url = href
        if self._req_modifier is not None:
            method, url, all_headers, query, body_json = self._apply_modifier(
                method, url, all_headers, query, body_json
            )
        try:
            response = self.client.request(
                method,
                url,
                params=query or None,
                headers=all_headers,
                json=body_json,
                timeout=self._timeout,
                # pystac-client only POSTs searches: reading, safe to retry
                idempotent=True if method == "POST" else None,
                feedback=self.feedback,
            )
        except NetworkError as error:
            failure = as_api_error(error)
        else:
            return response.content.decode("utf-8", errors="replace")
        raise failure  # outside the handler: no chained exception (see errors)

    def _apply_modifier(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        query: dict[str, Any],
        body_json: Any,
    ) -> tuple[str, str, dict[str, str], dict[str, Any], Any]:
        """Support pystac-client's ``request_modifier`` (it works on ``requests.Request``)."""
        from requests import Request

        request = Request(method=method, url=url, headers=headers, params=query, json=body_json)
        modified = self._req_modifier(request) or request
        return (
            (modified.method or method).upper(),
            modified.url,
            dict(modified.headers or {}),
            dict(modified.params or {}),
            modified.json,
        )

    def read_json(self, source: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Read and parse JSON; a body that is not JSON raises :class:`InvalidResponseError`."""
        text = self.read_text(source, *args, **kwargs)
        try:
            return json.loads(text)
        except ValueError:
            pass  # raised below, outside the handler: the decoder's error holds the document
        href = source.href if hasattr(source, "href") else str(source)
        snippet = redact_text(" ".join(text[:80].split()))
        raise as_api_error(
            InvalidResponseError(
                tr("Expected a STAC JSON document but received “{snippet}”").format(
                    snippet=snippet
                ),
                url=href,
            )
        )


def open_stac_api(
    url: str,
    client: HttpClient,
    *,
    headers: Mapping[str, str] | None = None,
    parameters: Mapping[str, Any] | None = None,
    feedback: Feedback | None = None,
    timeout: float | None = None,
    **kwargs: Any,
) -> pystac_client.Client:
    """Open a STAC API with pystac-client, all I/O going through ``client``.

    Extra keyword arguments go to ``pystac_client.Client.open`` (``modifier``…).
    """
    stac_io = ClientStacApiIO(
        client, headers=headers, parameters=parameters, feedback=feedback, timeout=timeout
    )
    return pystac_client.Client.open(url, stac_io=stac_io, **kwargs)
