"""The only place of the plugin that talks HTTP.

Use :func:`create_client` and the returned :class:`HttpClient`::

    client = create_client(authcfg="abc1234")          # QGIS proxy/SSL/auth apply
    items = client.get_json(url, params={"limit": 10}, feedback=feedback)
    client.download(asset_url, "/data/B04.tif", feedback=feedback)

Inside QGIS (a ``QgsApplication`` exists) requests go through the QGIS network stack; outside
(plain pytest, command line) through ``requests``. Every failure is a
:class:`NetworkError` subclass whose text is safe to show (no secrets) and tells the user
what to do. STAC APIs: :func:`theia_plugin.net.stac_io.open_stac_api`.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

from .base import (
    CancellationToken,
    CredentialProvider,
    Feedback,
    HttpClient,
    HttpRequest,
    HttpResponse,
    Transport,
)
from .errors import (
    AuthenticationError,
    CancelledError,
    ConnectionFailedError,
    HttpError,
    InvalidResponseError,
    NetworkError,
    NotFoundError,
    ProxyError,
    RateLimitedError,
    RequestTimeoutError,
    ServerError,
    SslError,
)
from .redact import redact_headers, redact_text, redact_url

__all__ = [
    "AuthenticationError",
    "CancellationToken",
    "CancelledError",
    "ConnectionFailedError",
    "CredentialProvider",
    "Feedback",
    "HttpClient",
    "HttpError",
    "HttpRequest",
    "HttpResponse",
    "InvalidResponseError",
    "NetworkError",
    "NotFoundError",
    "ProxyError",
    "RateLimitedError",
    "RequestTimeoutError",
    "ServerError",
    "SslError",
    "Transport",
    "create_client",
    "qgis_running",
    "redact_headers",
    "redact_text",
    "redact_url",
]

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 3


def qgis_running() -> bool:
    """True when QGIS is loaded in this process and a ``QgsApplication`` exists.

    Only looks at modules already imported: outside QGIS, loading its libraries just to
    find there is no application would cost a command-line user a second and 100 MB.
    """
    core = sys.modules.get("qgis.core")
    return core is not None and core.QgsApplication.instance() is not None


def create_client(
    authcfg: str | None = None,
    *,
    timeout: float | None = None,
    max_retries: int | None = None,
    headers: Mapping[str, str] | None = None,
    prefer_qgis: bool = True,
) -> HttpClient:
    """An :class:`HttpClient` for the current environment.

    Args:
        authcfg: id of a QGIS authentication configuration applied to every request
            (needs QGIS).
        timeout: seconds without progress before a request fails (default 30).
        max_retries: retries of idempotent requests (default 3).
        headers: extra headers for every request. Outside QGIS this is also how API keys
            are given (e.g. ``{"X-API-Key": key}``); inside QGIS use ``authcfg``.
        prefer_qgis: use the QGIS network stack when a QgsApplication exists.

    Raises:
        ValueError: an ``authcfg`` was given but QGIS is not running.
    """
    use_qgis = prefer_qgis and qgis_running()
    if use_qgis:
        from .qgis_transport import QgisTransport

        transport: Transport = QgisTransport(authcfg=authcfg, headers=headers)
    else:
        if authcfg:
            from theia_plugin.core.i18n import tr

            raise ValueError(
                tr(
                    "An authentication configuration ({id}) can only be used inside QGIS; "
                    "pass the credentials as headers instead"
                ).format(id=authcfg)
            )
        from .requests_transport import RequestsTransport

        transport = RequestsTransport(headers=headers)
    return HttpClient(
        transport,
        timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
        max_retries=DEFAULT_MAX_RETRIES if max_retries is None else max_retries,
    )
