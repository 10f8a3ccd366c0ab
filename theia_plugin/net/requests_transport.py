"""Transport on top of ``requests``: used outside QGIS (plain pytest, command line).

Proxies come from the environment (``HTTP_PROXY``, ``HTTPS_PROXY``, ``NO_PROXY``) unless an
explicit ``proxies`` mapping is given. Authentication: fixed ``headers`` (e.g. the Theia MTD
``access-key``/``secret-key`` pair or ``X-API-Key``), ``basic=(user, password)``, or a
:class:`~theia_plugin.net.base.CredentialProvider`.

When a feedback object is given, the request runs in a helper thread so that cancellation is
immediate even while the server is silent; without one it runs in the calling thread.
"""

from __future__ import annotations

import base64
import contextlib
import os
import socket
import threading
from collections.abc import Mapping
from typing import Any, BinaryIO, Callable

import requests
from requests import exceptions as rexc

from theia_plugin.core.i18n import tr

from .base import (
    MAX_ERROR_BODY,
    CredentialProvider,
    Feedback,
    Headers,
    HttpRequest,
    HttpResponse,
    ProgressCallback,
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
from .redact import install_log_redaction, is_sensitive_header, redact_text

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
        self._basic = basic
        if basic is not None:
            token = base64.b64encode(f"{basic[0]}:{basic[1]}".encode()).decode("ascii")
            self.auth_headers["Authorization"] = f"Basic {token}"

    # -- Transport API -------------------------------------------------------------------------
    def describe(self) -> str:
        return "requests" + (" via explicit proxy" if self.proxies else "")

    def secrets(self) -> list[str]:
        values = [v for k, v in self.auth_headers.items() if is_sensitive_header(k)]
        if self._basic is not None:
            values.append(self._basic[1])
        return values

    def close(self) -> None:
        self.session.close()

    def send(self, request: HttpRequest, feedback: Feedback | None = None) -> HttpResponse:
        def work(state: _State) -> HttpResponse:
            response = self._open(request, stream=True)
            state.response = response
            try:
                chunks = []
                for chunk in response.iter_content(self.chunk_size):
                    if state.cancelled:
                        raise _CancelledError()
                    chunks.append(chunk)
                content = b"".join(chunks)
            finally:
                response.close()
            return self._response(request, response, content)

        return self._run(request, feedback, work, linger=0.0)

    def download(
        self,
        request: HttpRequest,
        fileobj_or_path: BinaryIO | str | os.PathLike,
        feedback: Feedback | None = None,
        progress_cb: ProgressCallback | None = None,
    ) -> HttpResponse:
        def work(state: _State) -> HttpResponse:
            response = self._open(request, stream=True)
            state.response = response
            try:
                if not 200 <= response.status_code < 300:
                    content = response.raw.read(MAX_ERROR_BODY, decode_content=True) or b""
                    return self._response(request, response, content)
                total = _content_length(response.headers)
                if isinstance(fileobj_or_path, (str, os.PathLike)):
                    with open(fileobj_or_path, "wb") as stream:
                        self._stream(response, stream, state, progress_cb, total)
                else:
                    begin = getattr(fileobj_or_path, "begin", None)
                    if begin is not None:
                        begin(response.status_code, Headers(response.headers))
                    self._stream(response, fileobj_or_path, state, progress_cb, total)
                return self._response(request, response, b"")
            finally:
                response.close()

        return self._run(request, feedback, work, linger=1.0)

    # -- internals -----------------------------------------------------------------------------
    def _headers(self, request: HttpRequest) -> dict[str, str]:
        headers = dict(request.headers)
        headers.update(self.auth_headers)
        if self.credentials is not None:
            headers.update(self.credentials.headers_for(request.url))
        return headers

    def _open(self, request: HttpRequest, stream: bool) -> requests.Response:
        timeout = request.timeout
        kwargs: dict[str, Any] = {
            "headers": self._headers(request),
            "data": request.body,
            "timeout": (timeout, timeout) if timeout else None,
            "stream": stream,
            "allow_redirects": True,
            "verify": self.verify,
        }
        if self.proxies is not None:
            kwargs["proxies"] = self.proxies
        return self.session.request(request.method, request.url, **kwargs)

    def _stream(
        self,
        response: requests.Response,
        stream: BinaryIO,
        state: _State,
        progress_cb: ProgressCallback | None,
        total: int | None,
    ) -> None:
        received = 0
        for chunk in response.iter_content(self.chunk_size):
            if state.cancelled:
                raise _CancelledError()
            if not chunk:
                continue
            stream.write(chunk)
            received += len(chunk)
            if progress_cb is not None:
                progress_cb(received, total)

    @staticmethod
    def _response(
        request: HttpRequest, response: requests.Response, content: bytes
    ) -> HttpResponse:
        return HttpResponse(
            status=response.status_code,
            headers=Headers(response.headers),
            content=content,
            url=response.url or request.url,
            request=request,
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
        wait for a worker that is blocked on a silent server.
        """
        state = _State()
        if is_canceled(feedback):
            raise CancelledError(url=request.url, method=request.method)
        if feedback is None:
            try:
                return work(state)
            except Exception as exc:
                raise self._map_exception(exc, request) from None

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
            exc = result["error"]
            if isinstance(exc, _CancelledError):
                raise CancelledError(url=request.url, method=request.method)
            raise self._map_exception(exc, request) from None
        return result["response"]

    def _map_exception(self, exc: BaseException, request: HttpRequest) -> BaseException:
        if isinstance(exc, NetworkError):
            return exc
        if isinstance(exc, _CancelledError):
            return CancelledError(url=request.url, method=request.method)
        text = str(exc)
        detail = redact_text(_short_reason(exc), self.secrets())
        common = {"url": request.url, "method": request.method, "detail": detail}
        if isinstance(exc, rexc.ProxyError):
            if "proxy authentication required" in text.lower() or "failed: 407" in text:
                return ProxyError(status=407, **common)
            return ProxyError(**common)
        if isinstance(exc, rexc.SSLError):
            return SslError(**common)
        if isinstance(exc, rexc.Timeout) or (
            isinstance(exc, rexc.ConnectionError) and "timed out" in text.lower()
        ):
            return RequestTimeoutError(
                timeout=request.timeout, url=request.url, method=request.method
            )
        if isinstance(exc, (rexc.InvalidURL, rexc.MissingSchema, rexc.InvalidSchema)):
            return NetworkError(
                tr("Invalid URL"), hint=tr("Check the address of the service"), **common
            )
        if isinstance(exc, (rexc.ConnectionError, rexc.ChunkedEncodingError)):
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
        if isinstance(exc, rexc.RequestException):
            return NetworkError(**common)
        return exc


class _State:
    """Shared between the caller and the worker thread of one request."""

    def __init__(self) -> None:
        self.cancelled = False
        self.response: requests.Response | None = None

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


def _content_length(headers: Mapping[str, str]) -> int | None:
    value = headers.get("Content-Length")
    if value and value.strip().isdigit():
        return int(value)
    return None
