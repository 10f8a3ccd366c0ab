"""Presigned URLs of the local asset server, shaped like S3 SigV4 query signatures.

A signed URL carries ``X-Amz-Algorithm``, ``X-Amz-Credential``, ``X-Amz-Date``
(``YYYYMMDDTHHMMSSZ``), ``X-Amz-Expires`` (seconds) and ``X-Amz-Signature``: an HMAC-SHA256 of
the path, the date and the lifetime under the server's secret. Like S3, the method is not part
of what a client sees, and any other query parameter is rejected (a signature covers the whole
URL).
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

AMZ_DATE_FORMAT = "%Y%m%dT%H%M%SZ"
SIGNED_PARAMS = (
    "X-Amz-Algorithm",
    "X-Amz-Credential",
    "X-Amz-Date",
    "X-Amz-Expires",
    "X-Amz-SignedHeaders",
    "X-Amz-Signature",
)


def _digest(secret: bytes, path: str, amz_date: str, expires: str) -> str:
    message = f"GET\n{path}\n{amz_date}\n{expires}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def sign_url(url: str, secret: bytes, *, issued: datetime, duration: int) -> str:
    """``url`` (without query) signed for ``duration`` seconds from ``issued``."""
    parts = urlsplit(url)
    amz_date = issued.astimezone(timezone.utc).strftime(AMZ_DATE_FORMAT)
    expires = str(int(duration))
    query = urlencode(
        {
            "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
            "X-Amz-Credential": f"TESTKEY/{amz_date[:8]}/fr-lez/s3/aws4_request",
            "X-Amz-Date": amz_date,
            "X-Amz-Expires": expires,
            "X-Amz-SignedHeaders": "host",
            "X-Amz-Signature": _digest(secret, parts.path, amz_date, expires),
        }
    )
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def check_signature(path: str, query: str, secret: bytes, now: datetime) -> str | None:
    """None when ``path?query`` is validly signed and not expired, else why it is refused."""
    params = parse_qs(query, keep_blank_values=True)
    if "X-Amz-Signature" not in params:
        return "AccessDenied: request is not signed"
    unknown = sorted(set(params) - set(SIGNED_PARAMS))
    if unknown or any(len(v) != 1 for v in params.values()):
        return f"AccessDenied: unexpected query parameters {unknown}"
    value = {k: v[0] for k, v in params.items()}
    try:
        issued = datetime.strptime(value["X-Amz-Date"], AMZ_DATE_FORMAT)
        lifetime = int(value["X-Amz-Expires"])
    except (KeyError, ValueError):
        return "AuthorizationQueryParametersError: bad X-Amz-Date or X-Amz-Expires"
    expected = _digest(secret, path, value["X-Amz-Date"], value["X-Amz-Expires"])
    if not hmac.compare_digest(expected, value["X-Amz-Signature"]):
        return "SignatureDoesNotMatch"
    if now >= issued.replace(tzinfo=timezone.utc) + timedelta(seconds=lifetime):
        return "AccessDenied: Request has expired"
    return None
