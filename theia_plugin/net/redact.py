"""Masking of secrets in URLs, headers and free text.

Every log line and every exception text of the network layer goes through these functions:
credentials in a URL (``user:password@``), signed-URL query parameters (S3 SigV4
``X-Amz-Signature``…), API keys and tokens, and authentication headers are replaced by
``***`` so that they can be shown to a user, written to the QGIS message log or pasted into a
bug report safely.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
from collections.abc import Iterable, Mapping
from urllib.parse import unquote, urlsplit, urlunsplit

__all__ = [
    "MASK",
    "RedactingFilter",
    "header_secrets",
    "install_log_redaction",
    "is_sensitive_header",
    "is_sensitive_param",
    "redact_headers",
    "redact_text",
    "redact_url",
    "secrets_in_headers",
]

MASK = "***"

#: Query parameters whose value is always masked (compared lower-case).
SENSITIVE_PARAMS = frozenset(
    {
        "x-amz-signature",
        "x-amz-credential",
        "x-amz-security-token",
        "x-goog-signature",
        "x-goog-credential",
        "signature",
        "sig",
        "token",
        "access_token",
        "refresh_token",
        "id_token",
        "api_key",
        "apikey",
        "api-key",
        "key",
        "password",
        "passwd",
        "pwd",
        "secret",
        "client_secret",
        "authorization",
        "auth",
        "code",
        "session",
        "sessionid",
    }
)
# Any parameter whose name contains one of these fragments is masked as well.
_SENSITIVE_PARAM_FRAGMENTS = ("signature", "token", "secret", "password", "credential", "apikey")

#: Header names whose value is always masked (compared lower-case).
SENSITIVE_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "access-key",
        "secret-key",
        "x-api-key",
        "x-amz-security-token",
    }
)
_SENSITIVE_HEADER_FRAGMENTS = (
    "key",
    "token",
    "secret",
    "password",
    "passwd",
    "auth",
    "credential",
    "signature",
    "session",
    "cookie",
)

# Credentials embedded in free text: "Basic dXNlcjpwYXNz", "Bearer eyJ...", "Token abc123".
# The credential must look like one (a digit, or 16 characters or more): "Token expired" and
# 'Basic realm="x"' are words. Literal values sent by the transports are masked separately.
_SCHEME_CREDENTIALS = re.compile(
    r"\b(Basic|Bearer|Token|Digest|AWS4-HMAC-SHA256)\s+([A-Za-z0-9._~+/=\-,:]+)", re.IGNORECASE
)


def _mask_scheme_credential(match: re.Match) -> str:
    credential = match.group(2)
    if len(credential) >= 16 or any(char.isdigit() for char in credential):
        return f"{match.group(1)} {MASK}"
    return match.group(0)


_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s\"'<>]+")
# "api_key=...", "password: ..." outside URLs (e.g. in a server message)
_KEY_VALUE_IN_TEXT = re.compile(
    r"(?i)\b((?:x-)?(?:api[_-]?key|access[_-]?key|secret[_-]?key|secret|password|passwd|"
    r"access_token|refresh_token|token|x-amz-signature|x-amz-credential|signature))"
    r"(\s*[=:]\s*)(\"[^\"]*\"|'[^']*'|[^\s&,;\"']+)"
)


def is_sensitive_param(name: str) -> bool:
    """Whether the value of query parameter ``name`` must be masked."""
    lowered = unquote(name).strip().lower()
    if lowered in SENSITIVE_PARAMS:
        return True
    compact = lowered.replace("-", "").replace("_", "")
    return any(fragment in compact for fragment in _SENSITIVE_PARAM_FRAGMENTS)


def is_sensitive_header(name: str) -> bool:
    """Whether the value of header ``name`` must be masked."""
    lowered = name.strip().lower()
    if lowered in SENSITIVE_HEADERS:
        return True
    return any(fragment in lowered for fragment in _SENSITIVE_HEADER_FRAGMENTS)


def header_secrets(name: str, value: object, *, always: bool = False) -> list[str]:
    """The secret strings a header carries, for literal masking in server texts.

    Empty unless ``name`` is an authentication-related header (or ``always``: e.g. every
    header of an authentication configuration). Besides the whole value, a server may echo
    its parts: the credential after the scheme (``Bearer <token>``) and, for ``Basic``, the
    decoded ``user:password`` and the password alone.
    """
    text = value.decode("latin-1") if isinstance(value, bytes) else str(value or "")
    text = text.strip()
    if not text or not (always or is_sensitive_header(name)):
        return []
    found = [text]
    scheme, sep, credential = text.partition(" ")
    credential = credential.strip()
    if sep and credential:
        found.append(credential)
        if scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(credential, validate=True).decode("utf-8")
            except (binascii.Error, ValueError):
                decoded = ""
            if decoded:
                found.append(decoded)
                _user, colon, password = decoded.partition(":")
                if colon and password:
                    found.append(password)
    return found


def secrets_in_headers(
    headers: Mapping[str, object] | Iterable[tuple[str, object]] | None, *, always: bool = False
) -> list[str]:
    """:func:`header_secrets` of every header of ``headers``."""
    if not headers:
        return []
    items = headers.items() if isinstance(headers, Mapping) else headers
    found: list[str] = []
    for name, value in items:
        key = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        found.extend(header_secrets(key, value, always=always))
    return found


def _redact_query(query: str) -> str:
    if not query:
        return query
    parts = []
    for piece in query.split("&"):
        name, sep, _value = piece.partition("=")
        if sep and is_sensitive_param(name):
            parts.append(f"{name}={MASK}")
        else:
            parts.append(piece)
    return "&".join(parts)


def redact_url(url: object) -> str:
    """Return ``url`` without user info and with secret query parameter values masked.

    Safe on anything: a value that is not a parsable URL is returned as text with the same
    masking applied on a best-effort basis.
    """
    if url is None:
        return ""
    text = str(url)
    try:
        parts = urlsplit(text)
    except ValueError:
        return _redact_free_text(text)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{MASK}@{netloc.rpartition('@')[2]}"
    query = _redact_query(parts.query)
    fragment = _redact_query(parts.fragment) if "=" in parts.fragment else parts.fragment
    if not parts.scheme and not parts.netloc:
        # relative reference or plain text
        return urlunsplit(("", "", parts.path, query, fragment))
    return urlunsplit((parts.scheme, netloc, parts.path, query, fragment))


def redact_headers(headers: Mapping[str, object] | Iterable[tuple[str, object]] | None) -> dict:
    """Copy of ``headers`` with the values of authentication-related headers masked."""
    if not headers:
        return {}
    items = headers.items() if isinstance(headers, Mapping) else headers
    redacted = {}
    for name, value in items:
        key = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        if is_sensitive_header(key):
            redacted[key] = MASK
        else:
            redacted[key] = value.decode("latin-1") if isinstance(value, bytes) else value
    return redacted


# "?X-Amz-Signature=…&token=…" in a request line or a relative URL
_QUERY_PAIR_IN_TEXT = re.compile(r"([?&])([^=&\s\"'#]+)=([^&\s\"'#]*)")


def _mask_query_pair(match: re.Match) -> str:
    if is_sensitive_param(match.group(2)):
        return f"{match.group(1)}{match.group(2)}={MASK}"
    return match.group(0)


def _redact_free_text(text: str) -> str:
    text = _QUERY_PAIR_IN_TEXT.sub(_mask_query_pair, text)
    text = _SCHEME_CREDENTIALS.sub(_mask_scheme_credential, text)
    text = _KEY_VALUE_IN_TEXT.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    return text


class RedactingFilter(logging.Filter):
    """Logging filter masking secrets in records of third-party loggers (urllib3 logs
    request lines with their query string at DEBUG level)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            return True
        redacted = redact_text(message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        return True


def install_log_redaction(logger_name: str) -> None:
    """Attach a :class:`RedactingFilter` to ``logger_name`` (once)."""
    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())


def redact_text(text: object, secrets: Iterable[str] = ()) -> str:
    """Mask secrets in free text (server messages, exception texts from libraries).

    Masks URLs found in the text (see :func:`redact_url`), ``Basic``/``Bearer`` credentials,
    ``key=value`` pairs with a secret-looking key, and every literal value in ``secrets``
    (values shorter than 4 characters are ignored to avoid masking ordinary words).
    """
    if text is None:
        return ""
    result = str(text)
    for secret in sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True):
        result = result.replace(secret, MASK)
    result = _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), result)
    return _redact_free_text(result)
