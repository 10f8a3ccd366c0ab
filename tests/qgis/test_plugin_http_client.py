"""The plugin's clients use QGIS's network stack with the timeout and retries of its settings."""

from __future__ import annotations

from qgis.core import QgsSettings

from theia_plugin.net.qgis_transport import QgisTransport
from theia_plugin.toolbelt.network import plugin_http_client
from theia_plugin.toolbelt.preferences import SETTINGS_PREFIX


def test_client_follows_the_settings(qgis_app, http_server):
    settings = QgsSettings()
    settings.setValue(SETTINGS_PREFIX + "network_timeout_s", 7)
    settings.setValue(SETTINGS_PREFIX + "network_max_retries", 1)
    try:
        client = plugin_http_client()
        assert isinstance(client.transport, QgisTransport)
        assert client.timeout == 7
        assert client.max_retries == 1
        assert client.get_json(http_server.url("/json")) == {"ok": True, "items": [1, 2, 3]}
    finally:
        settings.remove(SETTINGS_PREFIX.rstrip("/"))
