"""Typed network errors with a message a user can act on.

Every error raised by the network layer is a :class:`NetworkError`. Its text is one readable
sentence: what failed (and on which, already redacted, URL), the HTTP status, the server's own
error text, and a hint (``Check the API key in Settings › Options › Authentication``…). The
attributes carry the same pieces for code that wants to present them differently.

No secret ever reaches these objects: URLs are redacted on construction, server messages are
scrubbed of credentials (before being shortened, so that no piece of a secret survives the
cut), and the underlying library exception is never chained — neither ``__cause__`` nor
``__context__``: errors are raised outside the ``except`` block that caught the library's
exception, whose text may contain a signed URL. A redacted copy of that text is kept in
:attr:`NetworkError.detail`.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Mapping
from email.utils import parsedate_to_datetime

from theia_plugin.core.i18n import tr

from .headers import Headers
from .redact import redact_text, redact_url

__all__ = [
    "AuthenticationError",
    "CancelledError",
    "ConnectionFailedError",
    "HttpError",
    "InvalidResponseError",
    "NetworkError",
    "NotFoundError",
    "ProxyError",
    "RateLimitedError",
    "RequestTimeoutError",
    "ServerError",
    "SslError",
    "error_for_status",
    "extract_server_message",
]

#: Longest server message kept (characters).
MAX_SERVER_MESSAGE = 300


def settings_auth() -> str:
    """Where QGIS keeps credentials (the menu path, translated like QGIS's own menus)."""
    return tr("Settings › Options › Authentication")


def settings_network() -> str:
    return tr("Settings › Options › Network")


class NetworkError(Exception):
    """Base class of every error of the network layer.

    Attributes:
        reason: what failed, as a short translated phrase ("Authentication failed").
        url: the request URL, redacted.
        method: the HTTP method ("GET"), or "".
        status: the HTTP status code, or None when no response was received.
        server_message: the server's own error text (extracted from a JSON ``detail``,
            ``message``… member, an XML ``<Message>`` or a short text body), truncated.
        hint: what the user can do about it (translated).
        detail: technical detail (e.g. the library's error text), redacted.
    """

    def __init__(
        self,
        reason: str | None = None,
        *,
        url: object = "",
        method: str = "",
        status: int | None = None,
        server_message: str = "",
        hint: str | None = None,
        detail: str = "",
        secrets: Iterable[str] = (),
    ) -> None:
        secrets = tuple(secrets)
        self.url = redact_url(url) if url else ""
        self.method = (method or "").upper()
        self.status = status
        self.reason = reason or self.default_reason()
        self.server_message = _truncate(redact_text(server_message or "", secrets))
        self.hint = self.default_hint() if hint is None else hint
        self.detail = _truncate(redact_text(detail or "", secrets), 500)
        super().__init__(self._compose())

    # -- defaults overridden by subclasses ---------------------------------------------------
    def default_reason(self) -> str:
        return tr("The network request failed")

    def default_hint(self) -> str:
        return ""

    # -- text ----------------------------------------------------------------------------------
    def _compose(self) -> str:
        text = self.reason
        target = " ".join(part for part in (self.method, self.url) if part)
        if target:
            text += f" ({target})"
        if self.status is not None:
            text += ": " + tr("HTTP {status}").format(status=self.status)
        elif self.detail:
            text += f": {self.detail}"
        if self.server_message:
            text += " — " + tr("server said: “{message}”").format(message=self.server_message)
        text = text.rstrip(". ") + "."
        if self.hint:
            text += " " + self.hint.rstrip(". ") + "."
        return text

    def __str__(self) -> str:
        return self.args[0] if self.args else self._compose()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"

    def __reduce__(self):  # picklable across processes/threads without secrets
        return (_rebuild, (type(self), self.__dict__.copy(), self.args))


def _rebuild(cls, state, args):
    obj = cls.__new__(cls)
    obj.__dict__.update(state)
    obj.args = args
    return obj


class HttpError(NetworkError):
    """The server answered with an HTTP error status (4xx/5xx) not covered by a subclass."""

    def default_reason(self) -> str:
        return tr("The server rejected the request")

    def default_hint(self) -> str:
        if self.status is not None and 400 <= self.status < 500:
            return tr("Check the request parameters")
        return ""


class AuthenticationError(HttpError):
    """401/403, or an authentication configuration that cannot be used."""

    def default_reason(self) -> str:
        if self.status == 403:
            return tr("Access denied")
        return tr("Authentication failed")

    def default_hint(self) -> str:
        if self.status == 403:
            return tr(
                "Check that your account or API key gives access to this resource, and the "
                "authentication configuration selected for this connection ({settings})"
            ).format(settings=settings_auth())
        return tr(
            "Check the API key or the user name and password of the authentication "
            "configuration selected for this connection ({settings})"
        ).format(settings=settings_auth())


class NotFoundError(HttpError):
    """404 Not Found / 410 Gone."""

    def default_reason(self) -> str:
        if self.status == 410:
            return tr("The resource is no longer available")
        return tr("The resource was not found")

    def default_hint(self) -> str:
        if self.status == 410:
            return tr("The link may have expired: search again to get a fresh one")
        return tr("Check the URL; the item may have been removed or moved")


class RateLimitedError(HttpError):
    """429 Too Many Requests (after the retries were exhausted)."""

    def __init__(self, *args, retry_after: float | None = None, **kwargs) -> None:
        self.retry_after = retry_after
        super().__init__(*args, **kwargs)

    def default_reason(self) -> str:
        return tr("The server received too many requests")

    def default_hint(self) -> str:
        if self.retry_after:
            seconds = max(1, round(self.retry_after))
            return tr("Wait {seconds} s and try again").format(seconds=seconds)
        return tr("Wait a moment and try again")


class ServerError(HttpError):
    """5xx: the server failed."""

    def default_reason(self) -> str:
        if self.status in (502, 503, 504):
            return tr("The service is temporarily unavailable")
        return tr("The server failed to process the request")

    def default_hint(self) -> str:
        return tr("Try again later; if the problem persists, contact the service operator")


class RequestTimeoutError(NetworkError):
    """No answer (or no progress) within the timeout."""

    def __init__(self, *args, timeout: float | None = None, **kwargs) -> None:
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def default_reason(self) -> str:
        if self.timeout:
            return tr("The server did not answer within {seconds} s").format(
                seconds=_format_seconds(self.timeout)
            )
        return tr("The request timed out")

    def default_hint(self) -> str:
        return tr(
            "The server may be overloaded or your connection slow: try again later, or "
            "increase the timeout ({settings} › Timeout)"
        ).format(settings=settings_network())


class ConnectionFailedError(NetworkError):
    """The connection could not be made or was broken (refused, reset, DNS failure)."""

    def default_reason(self) -> str:
        return tr("Could not connect to the server")

    def default_hint(self) -> str:
        return tr(
            "Check the address and your Internet connection, and whether a proxy is needed "
            "({settings})"
        ).format(settings=settings_network())


class ProxyError(NetworkError):
    """The proxy refused the connection or requires authentication."""

    def default_reason(self) -> str:
        if self.status == 407:
            return tr("The proxy requires authentication")
        return tr("The proxy refused the connection")

    def default_hint(self) -> str:
        if self.status == 407:
            return tr("Check the proxy user name and password in {settings}").format(
                settings=settings_network()
            )
        return tr("Check the proxy host and port in {settings}").format(settings=settings_network())


class SslError(NetworkError):
    """TLS handshake or certificate verification failed."""

    def default_reason(self) -> str:
        return tr("The secure connection (TLS/SSL) failed")

    def default_hint(self) -> str:
        return tr(
            "Check the computer's date and time; if your organisation inspects HTTPS traffic, "
            "add its certificate authority in {settings} › Certificate Manager"
        ).format(settings=settings_auth())


class CancelledError(NetworkError):
    """The user cancelled the operation."""

    def default_reason(self) -> str:
        return tr("Cancelled by the user")


class InvalidResponseError(NetworkError):
    """The response could not be understood (malformed JSON, truncated download…)."""

    def default_reason(self) -> str:
        return tr("The server sent an invalid response")

    def default_hint(self) -> str:
        return tr("Check that the URL points to the service's API; the server may be misconfigured")


# -- status mapping --------------------------------------------------------------------------


def _format_seconds(value: float) -> str:
    return f"{value:g}"


def _truncate(text: str, limit: int = MAX_SERVER_MESSAGE) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        return text[: limit - 1].rstrip() + "…"
    return text


_MESSAGE_KEYS = (
    "detail",
    "message",
    "description",
    "error_description",
    "error",
    "title",
    "errors",
    "msg",
    "reason",
    "code",
)
_XML_MESSAGE = re.compile(
    r"<(?:\w+:)?(Message|ExceptionText|ServiceException|faultstring)\b[^>]*>(.*?)</",
    re.IGNORECASE | re.DOTALL,
)
_XML_CODE = re.compile(r"<(?:\w+:)?Code\b[^>]*>(.*?)</", re.IGNORECASE | re.DOTALL)
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def _message_from_json(value: object, depth: int = 0) -> str:
    if depth > 4 or value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float, bool)):
        return str(value)
    if isinstance(value, list):
        texts = [_message_from_json(entry, depth + 1) for entry in value[:5]]
        return "; ".join(text for text in texts if text)
    if isinstance(value, Mapping):
        # FastAPI validation errors: {"loc": [...], "msg": "...", "type": "..."}
        if "msg" in value and "loc" in value:
            loc = ".".join(str(part) for part in value.get("loc") or [])
            return f"{loc}: {value['msg']}" if loc else str(value["msg"])
        for key in _MESSAGE_KEYS:
            if key in value:
                text = _message_from_json(value[key], depth + 1)
                if text:
                    return text
    return ""


def extract_server_message(
    content: bytes | str | None, content_type: str = "", secrets: Iterable[str] = ()
) -> str:
    """The server's own error text from an error response body, or "".

    The text is scrubbed of ``secrets`` (and of anything that looks like a credential)
    first, then shortened to :data:`MAX_SERVER_MESSAGE` characters.
    """
    return _truncate(redact_text(_server_text(content, content_type), secrets))


def _server_text(content: bytes | str | None, content_type: str) -> str:
    if not content:
        return ""
    if isinstance(content, bytes):
        text = content[:65536].decode("utf-8", errors="replace")
    else:
        text = content[:65536]
    stripped = text.strip()
    if not stripped:
        return ""
    ctype = (content_type or "").lower()
    if stripped[:1] in "{[" or "json" in ctype:
        try:
            message = _message_from_json(json.loads(stripped))
        except ValueError:
            message = ""
        if message:
            return message
    if stripped.startswith("<"):
        if "html" in ctype or stripped[:100].lower().startswith(("<!doctype html", "<html")):
            title = _HTML_TITLE.search(stripped)
            body = title.group(1) if title else _TAGS.sub(" ", stripped)
            return _TAGS.sub(" ", body)
        match = _XML_MESSAGE.search(stripped)
        code = _XML_CODE.search(stripped)
        parts = [m.group(m.lastindex).strip() for m in (code, match) if m]
        if parts:
            return ": ".join(_TAGS.sub(" ", part) for part in parts)
        return _TAGS.sub(" ", stripped)
    return stripped


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def error_for_status(
    status: int,
    *,
    url: object = "",
    method: str = "",
    content: bytes | str | None = None,
    headers: Mapping[str, str] | None = None,
    secrets: Iterable[str] = (),
    hint: str | None = None,
) -> NetworkError:
    """The typed error for an HTTP error ``status`` (the single mapping of the layer)."""
    headers = Headers(headers or {})
    secrets = tuple(secrets)
    server_message = extract_server_message(content, headers.get("Content-Type", ""), secrets)
    common = {
        "url": url,
        "method": method,
        "status": status,
        "server_message": server_message,
        "secrets": secrets,
        "hint": hint,
    }
    if status in (401, 403):
        return AuthenticationError(**common)
    if status in (404, 410):
        return NotFoundError(**common)
    if status == 407:
        return ProxyError(**common)
    if status == 429:
        return RateLimitedError(retry_after=parse_retry_after(headers.get("Retry-After")), **common)
    if 500 <= status < 600:
        return ServerError(**common)
    return HttpError(**common)
