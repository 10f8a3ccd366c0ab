"""The plugin's HTTP clients, configured from its settings (timeout, retries)."""

from __future__ import annotations

from theia_plugin.net import HttpClient, create_client
from theia_plugin.toolbelt.preferences import PlgOptionsManager


def plugin_http_client(authcfg: str | None = None) -> HttpClient:
    """An :class:`HttpClient` on the QGIS network stack with the user's timeout and retries.

    ``authcfg`` is the id of a QGIS authentication configuration; the credentials it holds
    are applied by QGIS and never pass through the plugin's settings.
    """
    settings = PlgOptionsManager.get_plg_settings()
    return create_client(
        authcfg or None,
        timeout=settings.network_timeout_s,
        max_retries=settings.network_max_retries,
    )
