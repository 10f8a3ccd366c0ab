"""Transport on top of ``requests``: used outside QGIS (plain pytest, command line).

Proxies come from the environment (``HTTP_PROXY``, ``HTTPS_PROXY``, ``NO_PROXY``) unless an
explicit ``proxies`` mapping is given. Authentication: fixed ``headers`` (e.g. the Theia MTD
``access-key``/``secret-key`` pair or ``X-API-Key``), ``basic=(user, password)``, or a
:class:`~theia_plugin.net.base.CredentialProvider`; none of them is added to a request whose
``with_credentials`` is false (a redirect to another host). Redirects are not followed here
(``allow_redirects=False``): :class:`~theia_plugin.net.base.HttpClient` follows them.

Downloads are streamed as sent (``decode_content=False``): the client asks for
``Accept-Encoding: identity`` and checks sizes and ranges against the bytes received.

When a feedback object is given, the request runs in a helper thread so that cancellation is
immediate even while the server is silent; without one it runs in the calling thread.
"""

from __future__ import annotations

import base64
import contextlib
import socket
import threading
from collections.abc import Mapping
from typing import Any, Callable

import requests
from requests import exceptions as rexc
from urllib3 import exceptions as u3exc

from theia_plugin.core.i18n import tr

from .base import (
    MAX_ERROR_BODY,
    CredentialProvider,
    DownloadSink,
    Feedback,
    Headers,
    HttpRequest,
    HttpResponse,
    Transport,
    is_canceled,
)
from .errors import (
    CancelledError,
    ConnectionFailedError,
    NetworkError,
    ProxyError,
    RequestTimeoutError,
    SslError,
)
from .redact import install_log_redaction, redact_text, secrets_in_headers

__all__ = ["RequestsTransport"]

_POLL = 0.05


class _CancelledError(Exception):
    """Internal: the worker noticed the cancellation between two chunks."""


class RequestsTransport(Transport):
    """:class:`Transport` implemented with a ``requests.Session``.

    Args:
        session: an existing session (default: a new one).
        proxies: explicit ``{"http": ..., "https": ...}``; None uses the environment.
        trust_env: read proxies/``.netrc``/CA bundle from the environment (requests' default).
        headers: headers added to every request (e.g. API keys for CLI use).
        basic: ``(user, password)`` for HTTP Basic authentication.
        credentials: an object with ``headers_for(url) -> Mapping[str, str]``.
        verify: TLS verification (True, False or a CA bundle path).
        chunk_size: download chunk size in bytes.
    """

    name = "requests"

    def __init__(
        self,
        session: requests.Session | None = None,
        *,
        proxies: Mapping[str, str] | None = None,
        trust_env: bool = True,
        headers: Mapping[str, str] | None = None,
        basic: tuple[str, str] | None = None,
        credentials: CredentialProvider | None = None,
        verify: bool | str = True,
        chunk_size: int = 256 * 1024,
    ) -> None:
        install_log_redaction("urllib3.connectionpool")
        self.session = session or requests.Session()
        self.session.trust_env = trust_env
        self.proxies = dict(proxies) if proxies is not None else None
        self.auth_headers = dict(headers or {})
        self.credentials = credentials
        self.verify = verify
        self.chunk_size = chunk_size
        if basic is not None:
            token = base64.b64encode(f"{basic[0]}:{basic[1]}".encode()).decode("ascii")
            self.auth_headers["Authorization"] = f"Basic {token}"

    # -- Transport API -------------------------------------------------------------------------
    def describe(self) -> str:
        return "requests" + (" via explicit proxy" if self.proxies else "")

    def secrets(self) -> list[str]:
        return secrets_in_headers(self.auth_headers)

    def close(self) -> None:
        self.session.close()

    def send(self, request: HttpRequest, feedback: Feedback | None = None) -> HttpResponse:
        def work(state: _State) -> HttpResponse:
            response = self._open(request, state)
            try:
                chunks = []
                for chunk in response.iter_content(self.chunk_size):
                    if state.cancelled:
                        raise _CancelledError()
                    chunks.append(chunk)
                content = b"".join(chunks)
            finally:
                response.close()
            return self._response(request, response, content, state)

        return self._run(request, feedback, work, linger=0.0)

    def download(
        self, request: HttpRequest, sink: DownloadSink, feedback: Feedback | None = None
    ) -> HttpResponse:
        def work(state: _State) -> HttpResponse:
            response = self._open(request, state)
            try:
                if not 200 <= response.status_code < 300:
                    content = response.raw.read(MAX_ERROR_BODY, decode_content=True) or b""
                    return self._response(request, response, content, state)
                sink.begin(response.status_code, Headers(response.headers))
                for chunk in response.raw.stream(self.chunk_size, decode_content=False):
                    if state.cancelled:
                        raise _CancelledError()
                    if chunk:
                        sink.write(chunk)
                return self._response(request, response, b"", state)
            finally:
                response.close()

        return self._run(request, feedback, work, linger=1.0)

    # -- internals -----------------------------------------------------------------------------
    def _headers(self, request: HttpRequest) -> tuple[dict[str, str], list[str]]:
        """The headers to send and the secret values among them."""
        headers = dict(request.headers)
        secrets = secrets_in_headers(headers)
        if request.with_credentials:
            headers.update(self.auth_headers)
            secrets.extend(secrets_in_headers(self.auth_headers))
            if self.credentials is not None:
                provided = dict(self.credentials.headers_for(request.url))
                headers.update(provided)
                secrets.extend(secrets_in_headers(provided, always=True))
        return headers, secrets

    def _open(self, request: HttpRequest, state: _State) -> requests.Response:
        timeout = request.timeout
        headers, state.secrets = self._headers(request)
        kwargs: dict[str, Any] = {
            "headers": headers,
            "data": request.body,
            "timeout": (timeout, timeout) if timeout else None,
            "stream": True,
            "allow_redirects": False,
            "verify": self.verify,
        }
        if self.proxies is not None:
            kwargs["proxies"] = self.proxies
        response = self.session.request(request.method, request.url, **kwargs)
        state.response = response
        return response

    @staticmethod
    def _response(
        request: HttpRequest, response: requests.Response, content: bytes, state: _State
    ) -> HttpResponse:
        return HttpResponse(
            status=response.status_code,
            headers=Headers(response.headers),
            content=content,
            url=request.url,
            request=request,
            sent_secrets=tuple(state.secrets),
        )

    def _run(
        self,
        request: HttpRequest,
        feedback: Feedback | None,
        work: Callable[[_State], HttpResponse],
        linger: float,
    ) -> HttpResponse:
        """Run ``work`` (in a helper thread when cancellable) and map its exceptions.

        On cancellation the worker is told to stop and given ``linger`` seconds to do so (a
        download must stop writing before the caller removes its file); the caller does not
        wait for a worker that is blocked on a silent server. Errors are raised outside any
        ``except`` block: the library's exception (whose text may hold a signed URL) is
        neither their ``__cause__`` nor their ``__context__``.
        """
        state = _State()
        if is_canceled(feedback):
            raise CancelledError(url=request.url, method=request.method)
        if feedback is None:
            try:
                return work(state)
            except Exception as exc:
                error = self._map_exception(exc, request, state.secrets)
            raise error

        result: dict[str, Any] = {}

        def target() -> None:
            try:
                result["response"] = work(state)
            except BaseException as exc:
                result["error"] = exc

        thread = threading.Thread(target=target, name="theia-net-requests", daemon=True)
        thread.start()
        while thread.is_alive():
            thread.join(_POLL)
            if thread.is_alive() and is_canceled(feedback):
                state.cancel()
                if linger:
                    thread.join(linger)
                raise CancelledError(url=request.url, method=request.method)
        if "error" in result:
            raise self._map_exception(result.pop("error"), request, state.secrets)
        return result["response"]

    def _map_exception(
        self, exc: BaseException, request: HttpRequest, sent_secrets: list[str]
    ) -> BaseException:
        if isinstance(exc, NetworkError):
            return exc
        if isinstance(exc, _CancelledError):
            return CancelledError(url=request.url, method=request.method)
        text = str(exc)
        detail = redact_text(_short_reason(exc), [*self.secrets(), *sent_secrets])
        common = {"url": request.url, "method": request.method, "detail": detail}
        if isinstance(exc, rexc.ProxyError):
            if "proxy authentication required" in text.lower() or "failed: 407" in text:
                return ProxyError(status=407, **common)
            return ProxyError(**common)
        if isinstance(exc, (rexc.SSLError, u3exc.SSLError)):  # urllib3's: from raw stream reads
            return SslError(**common)
        # downloads read ``response.raw`` directly: urllib3's errors arrive unwrapped
        if isinstance(exc, (rexc.Timeout, u3exc.TimeoutError)) or (
            isinstance(exc, rexc.ConnectionError) and "timed out" in text.lower()
        ):
            return RequestTimeoutError(
                timeout=request.timeout, url=request.url, method=request.method
            )
        if isinstance(exc, (rexc.InvalidURL, rexc.MissingSchema, rexc.InvalidSchema)):
            return NetworkError(
                tr("Invalid URL"), hint=tr("Check the address of the service"), **common
            )
        if isinstance(exc, (rexc.ConnectionError, rexc.ChunkedEncodingError, u3exc.ProtocolError)):
            lowered = text.lower()
            if any(
                marker in lowered
                for marker in (
                    "name or service not known",
                    "nodename nor servname",
                    "getaddrinfo failed",
                    "nameresolutionerror",
                    "temporary failure in name resolution",
                    "no address associated",
                )
            ):
                return ConnectionFailedError(
                    tr("The server name could not be resolved"),
                    hint=tr("Check the address, your Internet connection and DNS"),
                    **common,
                )
            if detail in _INTERRUPTED:
                return ConnectionFailedError(
                    tr("The connection to the server was interrupted"),
                    hint=tr("Try again; if it persists, check your connection or proxy"),
                    **common,
                )
            return ConnectionFailedError(**common)
        if isinstance(exc, (rexc.ContentDecodingError, OSError)):
            return ConnectionFailedError(**common)
        if isinstance(exc, (rexc.RequestException, u3exc.HTTPError)):
            return NetworkError(**common)
        return exc


class _State:
    """Shared between the caller and the worker thread of one request."""

    def __init__(self) -> None:
        self.cancelled = False
        self.response: requests.Response | None = None
        self.secrets: list[str] = []

    def cancel(self) -> None:
        self.cancelled = True
        # Unblock a worker waiting for bytes: shut the socket down (close() alone does not
        # interrupt a blocked recv on Linux).
        response = self.response
        if response is None:
            return
        raw = getattr(response, "raw", None)
        connection = getattr(raw, "connection", None) or getattr(raw, "_connection", None)
        sock = getattr(connection, "sock", None)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


_KNOWN_REASONS = (
    "Connection refused",
    "Connection reset by peer",
    "Remote end closed connection without response",
    "Connection aborted",
    "Name or service not known",
    "Temporary failure in name resolution",
    "No route to host",
    "Network is unreachable",
    "certificate verify failed",
    "wrong version number",
    "Proxy Authentication Required",
    "Tunnel connection failed",
    "IncompleteRead",
    "Read timed out",
)
_INTERRUPTED = frozenset(
    {
        "Connection reset by peer",
        "Remote end closed connection without response",
        "Connection aborted",
        "IncompleteRead",
    }
)


def _short_reason(exc: BaseException) -> str:
    """A short, human-readable cause from a requests/urllib3 exception text."""
    text = str(exc)
    for reason in _KNOWN_REASONS:
        if reason.lower() in text.lower():
            return reason
    return type(exc).__name__
