"""Qt-free core of the network layer: request/response types, feedback, transport interface and
the :class:`HttpClient` (retries with backoff, typed errors, atomic downloads).

A :class:`Transport` moves bytes (QGIS network stack or ``requests``); the client adds the
policy: default headers, retry of idempotent requests on connection errors, timeouts, 429 and
502/503/504 (honouring ``Retry-After``), cancellable waits, mapping of HTTP error statuses to the
typed errors of :mod:`theia_plugin.net.errors`, JSON helpers, and downloads streamed to
``<dest>.part`` then renamed.
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
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, Callable, Optional, Protocol, Union, runtime_checkable
from urllib.parse import urlencode, urlsplit, urlunsplit

from theia_plugin.core.i18n import tr

from .errors import (
    CancelledError,
    ConnectionFailedError,
    InvalidResponseError,
    NetworkError,
    RequestTimeoutError,
    error_for_status,
    parse_retry_after,
)
from .redact import redact_url

__all__ = [
    "IDEMPOTENT_METHODS",
    "RETRY_STATUSES",
    "CancellationToken",
    "CredentialProvider",
    "Feedback",
    "Headers",
    "HttpClient",
    "HttpRequest",
    "HttpResponse",
    "ProgressCallback",
    "Transport",
    "is_canceled",
]

LOGGER_NAME = "theia.net"

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})
#: Statuses retried (for idempotent requests) before an error is raised.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
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


class Headers(MutableMapping):
    """Case-insensitive header mapping that keeps the original spelling of names."""

    def __init__(self, data: Mapping[str, str] | Iterable[tuple[str, str]] | None = None):
        self._store: dict[str, tuple[str, str]] = {}
        if data:
            self.update(data)

    def __setitem__(self, key: str, value: str) -> None:
        self._store[key.lower()] = (key, value)

    def __getitem__(self, key: str) -> str:
        return self._store[key.lower()][1]

    def __delitem__(self, key: str) -> None:
        del self._store[key.lower()]

    def __iter__(self) -> Iterator[str]:
        return (original for original, _value in self._store.values())

    def __len__(self) -> int:
        return len(self._store)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._store

    def copy(self) -> Headers:
        return Headers(self.items())

    def __repr__(self) -> str:
        from .redact import redact_headers

        return f"Headers({redact_headers(dict(self.items()))!r})"


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


@dataclass
class HttpRequest:
    """One HTTP request, as given to :meth:`Transport.send`.

    ``json`` (when not None) is serialised as the body with ``Content-Type:
    application/json``; ``params`` are added to the URL's query string. Transports receive
    prepared requests (see :meth:`prepare`): only ``method``, ``url``, ``headers``, ``body``
    and ``timeout`` matter to them.

    ``timeout`` is the number of seconds without any progress (connecting, or waiting for the
    next bytes) after which the request fails with :class:`RequestTimeoutError`.
    ``idempotent`` (None: decided by the method) allows retries; set it to True for a POST
    that only reads (e.g. a STAC item search).
    """

    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    params: ParamsType = None
    body: bytes | None = None
    json: Any = None
    timeout: float | None = None
    idempotent: bool | None = None

    def __post_init__(self) -> None:
        self.method = self.method.upper()

    @property
    def is_idempotent(self) -> bool:
        if self.idempotent is not None:
            return self.idempotent
        return self.method in IDEMPOTENT_METHODS

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


@dataclass
class HttpResponse:
    """A received response (any status: transports do not raise for HTTP errors)."""

    status: int
    headers: Headers
    content: bytes
    url: str
    request: HttpRequest | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.headers, Headers):
            self.headers = Headers(self.headers or {})

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
            snippet = self.content[:80].decode("utf-8", errors="replace")
            snippet = " ".join(snippet.split())
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
            ) from None

    def raise_for_status(self, secrets: Iterable[str] = ()) -> None:
        if self.status >= 400:
            method = self.request.method if self.request is not None else ""
            raise error_for_status(
                self.status,
                url=self.url,
                method=method,
                content=self.content,
                headers=self.headers,
                secrets=secrets,
            )


@runtime_checkable
class CredentialProvider(Protocol):
    """Something that adds authentication headers to requests (outside QGIS).

    Inside QGIS, use an ``authcfg`` id instead: the QGIS auth manager applies it.
    """

    def headers_for(self, url: str) -> Mapping[str, str]: ...


# -- transport interface -----------------------------------------------------------------------


class Transport(abc.ABC):
    """Moves bytes. Implementations: :class:`~theia_plugin.net.qgis_transport.QgisTransport`
    and :class:`~theia_plugin.net.requests_transport.RequestsTransport`.

    Transports do not retry and do not raise for HTTP error statuses: they return the
    response. They raise :class:`NetworkError` subclasses for transport failures
    (connection, timeout, proxy, TLS) and :class:`CancelledError` when ``feedback`` is
    cancelled.
    """

    name = "abstract"

    @abc.abstractmethod
    def send(self, request: HttpRequest, feedback: Feedback | None = None) -> HttpResponse:
        """Perform a prepared request and return the whole response."""

    @abc.abstractmethod
    def download(
        self,
        request: HttpRequest,
        fileobj_or_path: BinaryIO | str | os.PathLike,
        feedback: Feedback | None = None,
        progress_cb: ProgressCallback | None = None,
    ) -> HttpResponse:
        """Stream the body of a successful (2xx) response into a file.

        ``fileobj_or_path`` is a binary file object (written at its current position) or a
        path (created/truncated). When the object has a ``begin(status, headers)`` method it
        is called once before the first byte of a 2xx body is written. For a non-2xx response
        nothing is written and the returned response carries the (bounded) error body.
        ``progress_cb(received, total)`` counts bytes of this response.
        """

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
        """Secret values this transport sends (masked in server messages)."""
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


class _PartFile:
    """The ``<dest>.part`` file of a download: truncates or appends according to the response
    (200 restarts, 206 resumes), counts bytes, reports progress, refuses writes once closed
    (a cancelled transport thread may still try)."""

    def __init__(self, path: Path, progress: Callable[[int, int | None], None] | None) -> None:
        self.path = path
        self._file = open(path, "wb")  # noqa: SIM115 - closed by close()
        self._lock = threading.Lock()
        self._closed = False
        self._progress = progress
        self.size = 0  # bytes in the file
        self.received = 0  # bytes of the current response
        self.expected: int | None = None  # bytes announced by the current response
        self.total: int | None = None  # size of the whole resource when known

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
                if start != self.size:  # not the range we asked for: restart
                    raise InvalidResponseError(
                        tr("The server resumed the download at the wrong position")
                    )
            else:
                self.total = self.expected
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

    def _report(self) -> None:
        if self._progress is not None:
            self._progress(self.size, self.total)

    def flush(self) -> None:
        with self._lock:
            if not self._closed:
                self._file.flush()

    @property
    def truncated(self) -> bool:
        return self.expected is not None and self.received < self.expected

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._file.close()


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


class HttpClient:
    """The plugin's HTTP client: one small interface over a :class:`Transport`.

    Args:
        transport: where bytes go (QGIS network stack or ``requests``).
        timeout: default seconds without progress before a request fails.
        max_retries: retries of an idempotent request after a connection error, a timeout,
            429, 502, 503 or 504 (0 disables).
        backoff_factor: first backoff delay in seconds; doubles at each retry, with jitter.
        max_backoff: cap of any wait, including a server's ``Retry-After``.
        logger: a ``logging.Logger`` (default ``logging.getLogger("theia.net")``); only
            redacted URLs are logged.
        headers: headers sent with every request (e.g. ``Accept-Language``). Do not put
            secrets here inside QGIS: use an authcfg.
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
        """Send a request, retrying when allowed; raise a typed error for 4xx/5xx."""
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
        """Send a prepared :class:`HttpRequest` (see :meth:`build_request`)."""
        request = request.prepare()
        if request.timeout is None:
            request.timeout = self.timeout
        attempt = 0
        while True:
            if is_canceled(feedback):
                raise CancelledError(url=request.url, method=request.method)
            started = time.monotonic()
            try:
                response = self.transport.send(request, feedback)
            except (ConnectionFailedError, RequestTimeoutError) as exc:
                if self._may_retry(request, attempt):
                    attempt += 1
                    self._wait(request, attempt, None, _brief(exc), feedback)
                    continue
                self.log.debug("%s %s failed: %s", request.method, request.safe_url, exc)
                raise
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
            if response.status in RETRY_STATUSES and self._may_retry(request, attempt):
                attempt += 1
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                self._wait(request, attempt, retry_after, f"HTTP {response.status}", feedback)
                continue
            if raise_for_status and response.status >= 400:
                raise self.error_for(response)
            return response

    def error_for(self, response: HttpResponse) -> NetworkError:
        """The typed error for an error response (server text scrubbed of our secrets)."""
        request = response.request
        secrets = list(self.transport.secrets())
        if request is not None:
            from .redact import is_sensitive_header

            secrets.extend(v for k, v in request.headers.items() if is_sensitive_header(k))
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
        except CancelledError:
            raise CancelledError(url=request.url, method=request.method) from None

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

        The body goes to ``<dest>.part`` in the same folder, renamed over ``dest_path`` only
        when complete (and matching ``expected_size`` / ``checksum`` — ``"md5:<hex>"`` or
        ``"sha256:<hex>"`` — when given). On any error or cancellation the ``.part`` file is
        removed and an existing ``dest_path`` is left untouched. Interrupted transfers are
        retried, resuming with a ``Range`` request when the server allows it (``resume=False``
        restarts from the first byte instead).

        ``progress_cb(bytes_done, total_or_None)`` is called as data arrives; a feedback's
        ``setProgress`` receives the percentage when the size is known.
        """
        dest = Path(dest_path)
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        request = self.build_request("GET", url, params=params, headers=headers, timeout=timeout)

        def report(done: int, total: int | None) -> None:
            if progress_cb is not None:
                progress_cb(done, total)
            if feedback is not None and total:
                _set_progress(feedback, min(100.0, 100.0 * done / total))

        sink = _PartFile(part, report)
        self.log.debug("download %s -> %s", request.safe_url, dest)
        try:
            self._download_into(request, sink, feedback, resume)
            sink.close()
            self._verify(request, part, sink, expected_size, checksum)
            os.replace(part, dest)
        except BaseException:
            sink.close()
            with contextlib.suppress(FileNotFoundError):
                part.unlink()
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
            if resume and sink.size > 0:
                current = replace(
                    request, headers={**request.headers, "Range": f"bytes={sink.size}-"}
                )
            try:
                response = self.transport.download(current, sink, feedback, None)
                if response.request is None:
                    response.request = current
                if 200 <= response.status < 300 and sink.truncated:
                    raise ConnectionFailedError(
                        tr("The download was interrupted"),
                        url=request.url,
                        method=request.method,
                        detail=tr("{received} of {expected} bytes received").format(
                            received=sink.received, expected=sink.expected
                        ),
                    )
            except (ConnectionFailedError, RequestTimeoutError) as exc:
                if attempt < self.max_retries:
                    attempt += 1
                    self._wait(request, attempt, None, _brief(exc), feedback)
                    continue
                raise
            if response.status in RETRY_STATUSES and attempt < self.max_retries:
                attempt += 1
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                self._wait(request, attempt, retry_after, f"HTTP {response.status}", feedback)
                continue
            if response.status == 416 and sink.size > 0 and attempt < self.max_retries:
                # our Range is beyond the resource (changed on the server): start again
                attempt += 1
                sink.begin(200, {})
                continue
            if response.status >= 400:
                raise self.error_for(response)
            if not 200 <= response.status < 300:
                raise InvalidResponseError(
                    tr("Unexpected HTTP {status} for a download").format(status=response.status),
                    url=request.url,
                    method=request.method,
                    status=response.status,
                )
            return

    def _verify(
        self,
        request: HttpRequest,
        part: Path,
        sink: _PartFile,
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
