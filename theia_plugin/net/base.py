"""Qt-free core of the network layer: request/response types, feedback, transport interface and
the :class:`HttpClient` (redirects, retries with backoff, typed errors, atomic downloads).

A :class:`Transport` moves bytes (QGIS network stack or ``requests``) for one request: it never
follows redirects and never retries. The client adds the policy: default headers; redirects
followed here for both transports (at most :data:`MAX_REDIRECTS`; 303 becomes a GET, 307/308
keep the method and body; credentials are dropped as soon as the redirect leaves the original
scheme/host/port, and an https → http redirect is refused); retry of idempotent requests on
connection errors, timeouts, 429 and 502/503/504 (honouring ``Retry-After``); cancellable
waits; mapping of HTTP error statuses to the typed errors of :mod:`theia_plugin.net.errors`;
JSON helpers; and downloads streamed to a unique ``<dest>.<random>.part`` file in the
destination folder, then renamed.
"""

from __future__ import annotations

import abc
import contextlib
import hashlib
import json as jsonlib
import logging
import os
import random
import threading
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Optional, Protocol, Union, runtime_checkable
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

from theia_plugin.core.i18n import tr

from .errors import (
    CancelledError,
    ConnectionFailedError,
    InvalidResponseError,
    NetworkError,
    RequestTimeoutError,
    SslError,
    error_for_status,
    parse_retry_after,
)
from .headers import Headers
from .redact import is_sensitive_header, redact_headers, redact_text, redact_url, secrets_in_headers

__all__ = [
    "IDEMPOTENT_METHODS",
    "MAX_REDIRECTS",
    "REDIRECT_STATUSES",
    "RETRY_STATUSES",
    "CancellationToken",
    "CredentialProvider",
    "DownloadSink",
    "Feedback",
    "Headers",
    "HttpClient",
    "HttpRequest",
    "HttpResponse",
    "ProgressCallback",
    "Transport",
    "is_canceled",
    "same_origin",
]

LOGGER_NAME = "theia.net"

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})
#: Statuses retried (for idempotent requests) before an error is raised.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
#: Redirect statuses followed by the client (with a ``Location`` header).
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Most redirects followed for one request.
MAX_REDIRECTS = 10
#: Largest error body kept in memory by a download (bytes).
MAX_ERROR_BODY = 65536

ProgressCallback = Callable[[int, Optional[int]], None]
"""``progress_cb(bytes_received, total_bytes_or_None)``."""


# -- feedback / cancellation -------------------------------------------------------------------


@runtime_checkable
class Feedback(Protocol):
    """What the layer needs from a feedback object: a ``QgsFeedback`` (or
    ``QgsProcessingFeedback``) fits, so does :class:`CancellationToken`.

    Optional methods used when present: ``setProgress(percent: float)``,
    ``pushInfo(text)``, ``pushDebugInfo(text)``.
    """

    def isCanceled(self) -> bool: ...


class CancellationToken:
    """A thread-safe cancellation flag for code running outside QGIS (CLI, tests, threads).

    Has the same ``isCanceled()``/``cancel()`` API as ``QgsFeedback``, and an optional
    ``setProgress`` that records the last percentage.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self.progress: float = 0.0

    def cancel(self) -> None:
        self._event.set()

    def isCanceled(self) -> bool:
        return self._event.is_set()

    def setProgress(self, progress: float) -> None:
        self.progress = float(progress)

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds; True if cancelled."""
        return self._event.wait(timeout)


def is_canceled(feedback: object) -> bool:
    """True when ``feedback`` (which may be None) reports cancellation."""
    if feedback is None:
        return False
    try:
        return bool(feedback.isCanceled())
    except RuntimeError:  # wrapped C++ object already deleted: nobody can cancel any more
        return False


def _set_progress(feedback: object, percent: float) -> None:
    setter = getattr(feedback, "setProgress", None)
    if setter is not None:
        with contextlib.suppress(RuntimeError):
            setter(float(percent))


# -- request / response ------------------------------------------------------------------------


def same_origin(url_a: str, url_b: str) -> bool:
    """Whether two URLs have the same scheme, host and port (an http → https upgrade of the
    same host on the default ports counts as the same origin, as in ``requests``)."""
    a, b = urlsplit(url_a), urlsplit(url_b)
    try:
        port_a, port_b = a.port, b.port
    except ValueError:
        return False
    host_a, host_b = (a.hostname or "").lower(), (b.hostname or "").lower()
    scheme_a, scheme_b = a.scheme.lower(), b.scheme.lower()
    defaults = {"http": 80, "https": 443}
    port_a = port_a or defaults.get(scheme_a)
    port_b = port_b or defaults.get(scheme_b)
    if host_a != host_b:
        return False
    if (scheme_a, port_a) == (scheme_b, port_b):
        return True
    return (scheme_a, port_a, scheme_b, port_b) == ("http", 80, "https", 443)


ParamsType = Union[Mapping[str, Any], Iterable[tuple[str, Any]], None]


def _encode_params(params: ParamsType) -> str:
    if not params:
        return ""
    items = params.items() if isinstance(params, Mapping) else params
    pairs: list[tuple[str, Any]] = []
    for key, value in items:
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            pairs.extend((key, _param_text(v)) for v in value)
        else:
            pairs.append((key, _param_text(value)))
    return urlencode(pairs)


def _param_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def merge_url_params(url: str, params: ParamsType) -> str:
    """``url`` with ``params`` appended to its query string."""
    encoded = _encode_params(params)
    if not encoded:
        return url
    parts = urlsplit(url)
    query = f"{parts.query}&{encoded}" if parts.query else encoded
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


@dataclass(repr=False)
class HttpRequest:
    """One HTTP request, as given to :meth:`Transport.send`.

    ``json`` (when not None) is serialised as the body with ``Content-Type:
    application/json``; ``params`` are added to the URL's query string. Transports receive
    prepared requests (see :meth:`prepare`): only ``method``, ``url``, ``headers``, ``body``,
    ``timeout``, ``is_idempotent`` and ``with_credentials`` matter to them.

    ``timeout`` is the number of seconds without any progress (connecting, or waiting for the
    next bytes) after which the request fails with :class:`RequestTimeoutError`.
    ``idempotent`` (None: decided by the method) allows retries; set it to True for a POST
    that only reads (e.g. a STAC item search). ``with_credentials`` False tells the transport
    not to add its own credentials (authcfg, authentication headers): the client sets it on a
    redirect that left the original origin.

    The ``repr`` masks secrets (URL parameters, authentication headers) and omits the body.
    """

    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    params: ParamsType = None
    body: bytes | None = None
    json: Any = None
    timeout: float | None = None
    idempotent: bool | None = None
    with_credentials: bool = True

    def __post_init__(self) -> None:
        self.method = self.method.upper()

    def __repr__(self) -> str:
        body = "None" if self.body is None else f"<{len(self.body)} bytes>"
        return (
            f"HttpRequest(method={self.method!r}, url={self.safe_url!r}, "
            f"headers={redact_headers(self.headers)!r}, body={body}, timeout={self.timeout!r}, "
            f"idempotent={self.idempotent!r}, with_credentials={self.with_credentials!r})"
        )

    @property
    def is_idempotent(self) -> bool:
        if self.idempotent is not None:
            return self.idempotent
        return self.method in IDEMPOTENT_METHODS

    @property
    def is_prepared(self) -> bool:
        return self.params is None and self.json is None

    @property
    def safe_url(self) -> str:
        """The URL with secrets masked, for logs and messages."""
        return redact_url(self.url)

    def prepare(self) -> HttpRequest:
        """Copy with params merged into the URL and ``json`` serialised into ``body``."""
        headers = dict(self.headers)
        body = self.body
        if self.json is not None:
            body = jsonlib.dumps(self.json, separators=(",", ":")).encode("utf-8")
            if not any(name.lower() == "content-type" for name in headers):
                headers["Content-Type"] = "application/json"
        return replace(
            self,
            url=merge_url_params(self.url, self.params),
            headers=headers,
            params=None,
            body=body,
            json=None,
        )


@dataclass(repr=False)
class HttpResponse:
    """A received response (any status: transports do not raise for HTTP error statuses).

    ``url`` is the address that answered: after redirects, the last one. ``sent_secrets``
    holds the credential values the transport sent with the request (to mask them if the
    server echoes them). The ``repr`` masks secrets and omits the body.
    """

    status: int
    headers: Headers
    content: bytes
    url: str
    request: HttpRequest | None = field(default=None, compare=False)
    sent_secrets: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.headers, Headers):
            self.headers = Headers(self.headers or {})
        self.sent_secrets = tuple(self.sent_secrets)

    def __repr__(self) -> str:
        return (
            f"HttpResponse(status={self.status}, url={redact_url(self.url)!r}, "
            f"headers={self.headers!r}, content=<{len(self.content)} bytes>)"
        )

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 400

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "")

    @property
    def encoding(self) -> str:
        for part in self.content_type.split(";")[1:]:
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset" and value:
                return value.strip("\"' ")
        return "utf-8"

    @property
    def text(self) -> str:
        try:
            return self.content.decode(self.encoding, errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """The body parsed as JSON; :class:`InvalidResponseError` saying what came instead."""
        try:
            return jsonlib.loads(self.content.decode(self.encoding, errors="strict"))
        except (ValueError, LookupError):
            pass  # raised below, outside the handler: the decoder's error holds the document
        snippet = self.content[:80].decode("utf-8", errors="replace")
        snippet = redact_text(" ".join(snippet.split()), self.sent_secrets)
        if not self.content:
            what = tr("an empty body")
        else:
            what = tr("{type} starting with “{snippet}”").format(
                type=self.content_type or tr("content of unknown type"), snippet=snippet
            )
        method = self.request.method if self.request is not None else ""
        raise InvalidResponseError(
            tr("Expected a JSON document but received {what}").format(what=what),
            url=self.url,
            method=method,
        )

    def raise_for_status(self, secrets: Iterable[str] = ()) -> None:
        if self.status >= 400:
            method = self.request.method if self.request is not None else ""
            raise error_for_status(
                self.status,
                url=self.url,
                method=method,
                content=self.content,
                headers=self.headers,
                secrets=(*secrets, *self.sent_secrets),
            )


@runtime_checkable
class CredentialProvider(Protocol):
    """Something that adds authentication headers to requests (outside QGIS).

    Inside QGIS, use an ``authcfg`` id instead: the QGIS auth manager applies it. Every
    header it returns is treated as a secret.
    """

    def headers_for(self, url: str) -> Mapping[str, str]: ...


# -- transport interface -----------------------------------------------------------------------


class DownloadSink(Protocol):
    """Where a transport streams the body of a successful (2xx) download response."""

    def begin(self, status: int, headers: Headers) -> None:
        """Called once, before the first byte of a 2xx body (also for an empty body)."""

    def write(self, data: bytes) -> int: ...


class Transport(abc.ABC):
    """Moves bytes. Implementations: :class:`~theia_plugin.net.qgis_transport.QgisTransport`
    and :class:`~theia_plugin.net.requests_transport.RequestsTransport`.

    Transports do not retry, do not follow redirects (a 3xx is returned like any response)
    and do not raise for HTTP error statuses: they return the response, with the URL of the
    request and the credential values they sent (:attr:`HttpResponse.sent_secrets`). They
    add their credentials only when :attr:`HttpRequest.with_credentials` is true, never
    re-send a request that is not idempotent, and raise :class:`NetworkError` subclasses for
    transport failures (connection, timeout, proxy, TLS) — never chained to the library's
    exception — and :class:`CancelledError` when ``feedback`` is cancelled.
    """

    name = "abstract"

    @abc.abstractmethod
    def send(self, request: HttpRequest, feedback: Feedback | None = None) -> HttpResponse:
        """Perform a prepared request and return the whole response."""

    @abc.abstractmethod
    def download(
        self, request: HttpRequest, sink: DownloadSink, feedback: Feedback | None = None
    ) -> HttpResponse:
        """Stream the body of a successful (2xx) response into ``sink`` as sent (no content
        decoding), calling ``sink.begin(status, headers)`` first. For any other status
        nothing is written and the returned response carries the (bounded) body."""

    def sleep(self, seconds: float, feedback: Feedback | None = None) -> None:
        """Wait ``seconds``; raise :class:`CancelledError` as soon as feedback is cancelled."""
        deadline = time.monotonic() + seconds
        while True:
            if is_canceled(feedback):
                raise CancelledError()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            wait = getattr(feedback, "wait", None)
            if isinstance(feedback, CancellationToken) and wait is not None:
                wait(min(remaining, 0.25))
            else:
                time.sleep(min(remaining, 0.05))

    def secrets(self) -> list[str]:
        """Secret values this transport is configured with (masked in server messages);
        the values actually sent are in :attr:`HttpResponse.sent_secrets`."""
        return []

    def describe(self) -> str:
        """Short description for logs (no secrets)."""
        return self.name

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release resources (sessions…)."""


# -- client ------------------------------------------------------------------------------------


def _default_user_agent() -> str:
    try:
        from theia_plugin.__about__ import __version__

        return f"theia-qgis-plugin/{__version__}"
    except Exception:  # metadata not readable (vendored use): not worth failing for
        return "theia-qgis-plugin"


def _create_part_file(dest: Path) -> tuple[Path, int]:
    """A new, unique ``<dest>.<random>.part`` file next to ``dest`` (path, descriptor).

    Not ``tempfile.mkstemp``: its files are private (0600) and the rename would give the
    downloaded file those permissions; this one gets the usual ones (0666 minus umask).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        path = dest.with_name(f"{dest.name}.{uuid.uuid4().hex[:8]}.part")
        try:
            return path, os.open(path, flags, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name for {dest.name}")  # pragma: no cover


def _validator(headers: Headers) -> str | None:
    """What to send in ``If-Range`` to resume this response: a strong ETag, else
    ``Last-Modified``; None when the server gave neither (resuming would be unsafe)."""
    etag = (headers.get("ETag") or "").strip()
    if etag and not etag.startswith("W/"):
        return etag
    return (headers.get("Last-Modified") or "").strip() or None


class _PartFile:
    """The temporary file of one download (a :class:`DownloadSink`): truncates or appends
    according to the response (200 restarts, 206 resumes), counts bytes, remembers the
    validator for ``If-Range``, reports progress, refuses writes once closed (a cancelled
    transport thread may still try)."""

    def __init__(self, dest: Path, progress: Callable[[int, int | None], None] | None) -> None:
        self.path, fd = _create_part_file(dest)
        self._file = os.fdopen(fd, "wb")
        self._lock = threading.Lock()
        self._closed = False
        self._progress = progress
        self.size = 0  # bytes in the file
        self.received = 0  # bytes of the current response
        self.expected: int | None = None  # bytes announced by the current response
        self.total: int | None = None  # size of the whole resource when known
        self.validator: str | None = None  # If-Range value for a resume

    def begin(self, status: int, headers: Mapping[str, str]) -> None:
        headers = headers if isinstance(headers, Headers) else Headers(headers)
        with self._lock:
            if self._closed:
                raise ValueError("download file closed")
            length = headers.get("Content-Length")
            self.expected = int(length) if length and length.strip().isdigit() else None
            self.received = 0
            start = 0
            if status == 206:
                content_range = headers.get("Content-Range", "")
                # "bytes 100-199/1000"
                try:
                    span, _, total = content_range.split(" ", 1)[1].partition("/")
                    start = int(span.split("-")[0])
                    self.total = int(total) if total.strip().isdigit() else None
                except (IndexError, ValueError):
                    start = -1
                if start != self.size:  # not the range we asked for
                    raise InvalidResponseError(
                        tr("The server resumed the download at the wrong position")
                    )
            else:
                self.total = self.expected
                self.validator = _validator(headers)
            if start == 0:
                self._file.seek(0)
                self._file.truncate()
                self.size = 0
        self._report()

    def write(self, data: bytes) -> int:
        with self._lock:
            if self._closed:
                raise ValueError("download file closed")
            self._file.write(data)
            self.size += len(data)
            self.received += len(data)
        self._report()
        return len(data)

    def restart(self) -> None:
        """Forget what was received: the next response starts from the first byte."""
        with self._lock:
            if not self._closed:
                self._file.seek(0)
                self._file.truncate()
            self.size = 0
            self.validator = None

    def _report(self) -> None:
        if self._progress is not None:
            self._progress(self.size, self.total)

    @property
    def truncated(self) -> bool:
        return self.expected is not None and self.received < self.expected

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._file.close()

    def discard(self) -> None:
        self.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def _brief(error: NetworkError) -> str:
    """Short form of an error for retry log lines."""
    return f"{error.reason} ({error.detail})" if error.detail else error.reason


def _checksum_matches(path: Path, checksum: str) -> tuple[bool, str]:
    algorithm, sep, expected = checksum.partition(":")
    if not sep:
        algorithm, expected = ("md5" if len(checksum) == 32 else "sha256"), checksum
    digest = hashlib.new(algorithm.lower().replace("-", ""))
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    actual = digest.hexdigest()
    return actual.lower() == expected.strip().lower(), f"{algorithm}:{actual}"


def _without(headers: Mapping[str, str], *names: str) -> dict[str, str]:
    lowered = {name.lower() for name in names}
    return {k: v for k, v in headers.items() if k.lower() not in lowered}


class HttpClient:
    """The plugin's HTTP client: one small interface over a :class:`Transport`.

    Args:
        transport: where bytes go (QGIS network stack or ``requests``).
        timeout: default seconds without progress before a request fails.
        max_retries: retries of an idempotent request after a connection error, a timeout,
            429, 502, 503 or 504 (0 disables), for one call.
        backoff_factor: first backoff delay in seconds; doubles at each retry, with jitter.
        max_backoff: cap of any wait, including a server's ``Retry-After``.
        logger: a ``logging.Logger`` (default ``logging.getLogger("theia.net")``); only
            redacted URLs are logged.
        headers: headers sent with every request (e.g. ``Accept-Language``). Do not put
            secrets here inside QGIS: use an authcfg.

    Redirects (301, 302, 303, 307, 308) are followed here, whatever the transport: at most
    :data:`MAX_REDIRECTS`; 303 (and 301/302 after a POST) becomes a GET without body, 307
    and 308 keep the method and body. When a redirect leaves the original scheme/host/port,
    authentication headers are removed and the transport's credentials (authcfg, API keys)
    are no longer applied, for the rest of the chain; a redirect from https to http is
    refused (:class:`SslError`). :attr:`HttpResponse.url` is the last URL.
    """

    def __init__(
        self,
        transport: Transport,
        timeout: float = 30,
        max_retries: int = 3,
        backoff_factor: float = 0.5,
        max_backoff: float = 60,
        logger: logging.Logger | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.transport = transport
        self.timeout = timeout
        self.max_retries = max(0, int(max_retries))
        self.backoff_factor = backoff_factor
        self.max_backoff = max_backoff
        self.log = logger or logging.getLogger(LOGGER_NAME)
        self.headers: dict[str, str] = {"User-Agent": _default_user_agent()}
        if headers:
            self.headers.update(headers)

    # -- context manager -----------------------------------------------------------------------
    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.transport.close()

    def __repr__(self) -> str:
        return f"HttpClient({self.transport.describe()}, timeout={self.timeout})"

    # -- requests ------------------------------------------------------------------------------
    def build_request(
        self,
        method: str,
        url: str,
        *,
        params: ParamsType = None,
        headers: Mapping[str, str] | None = None,
        body: bytes | str | None = None,
        json: Any = None,
        timeout: float | None = None,
        idempotent: bool | None = None,
    ) -> HttpRequest:
        """A prepared :class:`HttpRequest` with the client's headers and timeout."""
        merged = dict(self.headers)
        if headers:
            merged.update(headers)
        if isinstance(body, str):
            body = body.encode("utf-8")
        return HttpRequest(
            method=method,
            url=url,
            headers=merged,
            params=params,
            body=body,
            json=json,
            timeout=self.timeout if timeout is None else timeout,
            idempotent=idempotent,
        ).prepare()

    def request(
        self,
        method: str,
        url: str,
        *,
        params: ParamsType = None,
        headers: Mapping[str, str] | None = None,
        body: bytes | str | None = None,
        json: Any = None,
        timeout: float | None = None,
        idempotent: bool | None = None,
        feedback: Feedback | None = None,
        raise_for_status: bool = True,
    ) -> HttpResponse:
        """Send a request, following redirects and retrying when allowed; raise a typed
        error for 4xx/5xx."""
        request = self.build_request(
            method,
            url,
            params=params,
            headers=headers,
            body=body,
            json=json,
            timeout=timeout,
            idempotent=idempotent,
        )
        return self.send(request, feedback=feedback, raise_for_status=raise_for_status)

    def send(
        self,
        request: HttpRequest,
        *,
        feedback: Feedback | None = None,
        raise_for_status: bool = True,
    ) -> HttpResponse:
        """Send an :class:`HttpRequest` (see :meth:`build_request`), following redirects."""
        current = request if request.is_prepared else request.prepare()
        if current.timeout is None:
            current = replace(current, timeout=self.timeout)
        attempt = 0
        hops = 0
        while True:
            if is_canceled(feedback):
                raise CancelledError(url=current.url, method=current.method)
            started = time.monotonic()
            failure: NetworkError | None = None
            try:
                response = self.transport.send(current, feedback)
            except (ConnectionFailedError, RequestTimeoutError) as exc:
                failure = exc
            if failure is not None:
                if not self._may_retry(current, attempt):
                    self.log.debug("%s %s failed: %s", current.method, current.safe_url, failure)
                    raise failure
                attempt += 1
                self._wait(current, attempt, None, _brief(failure), feedback)
                continue
            self._received(current, response, started)
            if response.status in RETRY_STATUSES and self._may_retry(current, attempt):
                attempt += 1
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                self._wait(current, attempt, retry_after, f"HTTP {response.status}", feedback)
                continue
            follow = self._redirect(current, response, hops)
            if follow is not None:
                hops += 1
                current = follow
                continue
            if raise_for_status and response.status >= 400:
                raise self.error_for(response)
            return response

    def _received(self, request: HttpRequest, response: HttpResponse, started: float) -> None:
        if response.request is None:
            response.request = request
        self.log.debug(
            "%s %s -> %s (%d bytes, %.0f ms, %s)",
            request.method,
            request.safe_url,
            response.status,
            len(response.content),
            (time.monotonic() - started) * 1000,
            self.transport.name,
        )

    def _redirect(
        self, request: HttpRequest, response: HttpResponse, hops: int
    ) -> HttpRequest | None:
        """The request a redirect response leads to, or None when it is not a redirect."""
        location = (response.headers.get("Location") or "").strip()
        if response.status not in REDIRECT_STATUSES or not location:
            return None
        target = urlunsplit(urlsplit(urljoin(request.url, location))._replace(fragment=""))
        scheme = urlsplit(target).scheme.lower()
        common = {"url": request.url, "method": request.method, "detail": target}
        if scheme not in ("http", "https"):
            raise InvalidResponseError(
                tr("The server redirected to an unsupported address"), **common
            )
        if scheme == "http" and urlsplit(request.url).scheme.lower() == "https":
            raise SslError(
                tr("The server redirected to an insecure (http) address"),
                hint=tr(
                    "Redirections from https to http are not followed, as they would expose "
                    "the data and credentials; check the address of the service or contact "
                    "its operator"
                ),
                **common,
            )
        if hops >= MAX_REDIRECTS:
            raise InvalidResponseError(
                tr("Too many redirects"),
                hint=tr("The server redirects in a loop: check the address of the service"),
                **common,
            )
        method, body, idempotent = request.method, request.body, request.idempotent
        headers = dict(request.headers)
        if (response.status == 303 and method != "HEAD") or (
            response.status in (301, 302) and method == "POST"
        ):
            method, body, idempotent = "GET", None, None
            headers = _without(headers, "Content-Type", "Content-Length", "Transfer-Encoding")
        credentials = request.with_credentials and same_origin(request.url, target)
        if not credentials:
            headers = {k: v for k, v in headers.items() if not is_sensitive_header(k)}
        self.log.debug(
            "%s %s: HTTP %d, redirected to %s%s",
            request.method,
            request.safe_url,
            response.status,
            redact_url(target),
            "" if credentials else " (without credentials)",
        )
        return replace(
            request,
            method=method,
            url=target,
            headers=headers,
            body=body,
            idempotent=idempotent,
            with_credentials=credentials,
        )

    def error_for(self, response: HttpResponse) -> NetworkError:
        """The typed error for an error response (server text scrubbed of our secrets)."""
        request = response.request
        secrets = [*self.transport.secrets(), *response.sent_secrets]
        if request is not None:
            secrets.extend(secrets_in_headers(request.headers))
        return error_for_status(
            response.status,
            url=response.url or (request.url if request else ""),
            method=request.method if request else "",
            content=response.content,
            headers=response.headers,
            secrets=secrets,
        )

    def _may_retry(self, request: HttpRequest, attempt: int) -> bool:
        return request.is_idempotent and attempt < self.max_retries

    def backoff_delay(self, attempt: int) -> float:
        """Exponential backoff with jitter for retry number ``attempt`` (1-based), capped."""
        base = min(self.max_backoff, self.backoff_factor * (2 ** (attempt - 1)))
        return min(self.max_backoff, base / 2 + random.uniform(0, base / 2))

    def _wait(
        self,
        request: HttpRequest,
        attempt: int,
        retry_after: float | None,
        reason: str,
        feedback: Feedback | None,
    ) -> None:
        delay = self.backoff_delay(attempt)
        if retry_after is not None:
            delay = min(self.max_backoff, max(retry_after, 0.0))
        self.log.info(
            "%s %s: %s; retry %d/%d in %.1f s",
            request.method,
            request.safe_url,
            reason,
            attempt,
            self.max_retries,
            delay,
        )
        info = getattr(feedback, "pushDebugInfo", None)
        if info is not None:
            with contextlib.suppress(RuntimeError):
                info(
                    tr("{reason}: retrying in {seconds} s").format(
                        reason=reason, seconds=f"{delay:.1f}"
                    )
                )
        try:
            self.transport.sleep(delay, feedback)
            return
        except CancelledError:
            pass  # raised below with the URL, outside the handler (no chained exception)
        raise CancelledError(url=request.url, method=request.method)

    # -- verbs ---------------------------------------------------------------------------------
    def get(self, url: str, **kwargs: Any) -> HttpResponse:
        return self.request("GET", url, **kwargs)

    def head(self, url: str, **kwargs: Any) -> HttpResponse:
        return self.request("HEAD", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> HttpResponse:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> HttpResponse:
        return self.request("PUT", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> HttpResponse:
        return self.request("DELETE", url, **kwargs)

    def get_json(self, url: str, **kwargs: Any) -> Any:
        """GET and parse JSON (:class:`InvalidResponseError` if the body is not JSON)."""
        headers = {"Accept": "application/json", **(kwargs.pop("headers", None) or {})}
        return self.get(url, headers=headers, **kwargs).json()

    def post_json(self, url: str, json: Any, **kwargs: Any) -> Any:
        """POST a JSON body and parse the JSON answer. Not retried unless
        ``idempotent=True`` (e.g. a search)."""
        headers = {"Accept": "application/json", **(kwargs.pop("headers", None) or {})}
        return self.post(url, json=json, headers=headers, **kwargs).json()

    # -- download ------------------------------------------------------------------------------
    def download(
        self,
        url: str,
        dest_path: str | os.PathLike,
        *,
        feedback: Feedback | None = None,
        progress_cb: ProgressCallback | None = None,
        params: ParamsType = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        expected_size: int | None = None,
        checksum: str | None = None,
        resume: bool = True,
    ) -> Path:
        """Stream ``url`` to ``dest_path`` atomically.

        The body goes to a new ``<dest>.<random>.part`` file in the same folder (so that
        concurrent downloads to one destination cannot mix their bytes), renamed over
        ``dest_path`` only when complete (and matching ``expected_size`` / ``checksum`` —
        ``"md5:<hex>"`` or ``"sha256:<hex>"`` — when given). On any error or cancellation the
        ``.part`` file is removed and an existing ``dest_path`` is left untouched.

        The body is requested and saved as is (``Accept-Encoding: identity``, no content
        decoding), so sizes, ranges and checksums all refer to the bytes sent. Interrupted
        transfers are retried; the retry resumes with ``Range`` and ``If-Range`` (the
        response's ETag or Last-Modified) when the server gave a validator, and starts
        again from the first byte when the resource changed meanwhile (the server answers
        200) or ``resume=False``. Resuming only happens within one call.

        ``progress_cb(bytes_done, total_or_None)`` is called as data arrives; a feedback's
        ``setProgress`` receives the percentage when the size is known.
        """
        dest = Path(dest_path)
        dest.parent.mkdir(parents=True, exist_ok=True)
        request = self.build_request(
            "GET",
            url,
            params=params,
            headers={**_without(headers or {}, "Accept-Encoding"), "Accept-Encoding": "identity"},
            timeout=timeout,
        )

        def report(done: int, total: int | None) -> None:
            if progress_cb is not None:
                progress_cb(done, total)
            if feedback is not None and total:
                _set_progress(feedback, min(100.0, 100.0 * done / total))

        sink = _PartFile(dest, report)
        self.log.debug("download %s -> %s", request.safe_url, dest)
        try:
            self._download_into(request, sink, feedback, resume)
            sink.close()
            self._verify(request, sink.path, expected_size, checksum)
            os.replace(sink.path, dest)
        except BaseException:
            sink.discard()
            raise
        self.log.debug("downloaded %s (%d bytes)", request.safe_url, sink.size)
        return dest

    def _download_into(
        self, request: HttpRequest, sink: _PartFile, feedback: Feedback | None, resume: bool
    ) -> None:
        attempt = 0
        while True:
            if is_canceled(feedback):
                raise CancelledError(url=request.url, method=request.method)
            current = request
            if sink.size > 0:
                if resume and sink.validator:
                    current = replace(
                        request,
                        headers={
                            **request.headers,
                            "Range": f"bytes={sink.size}-",
                            "If-Range": sink.validator,
                        },
                    )
                else:
                    sink.restart()
            failure: NetworkError | None = None
            try:
                response = self._download_hops(current, sink, feedback)
            except (ConnectionFailedError, RequestTimeoutError) as exc:
                failure = exc
            else:
                if 200 <= response.status < 300 and sink.truncated:
                    failure = ConnectionFailedError(
                        tr("The download was interrupted"),
                        url=request.url,
                        method=request.method,
                        detail=tr("{received} of {expected} bytes received").format(
                            received=sink.received, expected=sink.expected
                        ),
                    )
            if failure is not None:
                if attempt < self.max_retries:
                    attempt += 1
                    self._wait(request, attempt, None, _brief(failure), feedback)
                    continue
                raise failure
            if response.status in RETRY_STATUSES and attempt < self.max_retries:
                attempt += 1
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                self._wait(request, attempt, retry_after, f"HTTP {response.status}", feedback)
                continue
            if response.status == 416 and sink.size > 0 and attempt < self.max_retries:
                # our Range is beyond the resource (changed on the server): start again
                attempt += 1
                sink.restart()
                continue
            if response.status >= 400:
                raise self.error_for(response)
            if not 200 <= response.status < 300:
                raise InvalidResponseError(
                    tr("Unexpected HTTP {status} for a download").format(status=response.status),
                    url=response.url,
                    method=request.method,
                    status=response.status,
                )
            return

    def _download_hops(
        self, request: HttpRequest, sink: _PartFile, feedback: Feedback | None
    ) -> HttpResponse:
        """One download request and the redirects it leads to."""
        current = request
        hops = 0
        while True:
            started = time.monotonic()
            response = self.transport.download(current, sink, feedback)
            self._received(current, response, started)
            follow = self._redirect(current, response, hops)
            if follow is None:
                return response
            hops += 1
            current = follow

    def _verify(
        self,
        request: HttpRequest,
        part: Path,
        expected_size: int | None,
        checksum: str | None,
    ) -> None:
        size = part.stat().st_size
        if expected_size is not None and size != expected_size:
            raise InvalidResponseError(
                tr("The downloaded file has {size} bytes instead of {expected}").format(
                    size=size, expected=expected_size
                ),
                url=request.url,
                method=request.method,
            )
        if checksum:
            matches, actual = _checksum_matches(part, checksum)
            if not matches:
                raise InvalidResponseError(
                    tr("The downloaded file is corrupted (checksum {actual})").format(
                        actual=actual
                    ),
                    url=request.url,
                    method=request.method,
                    hint=tr("Try the download again"),
                )
