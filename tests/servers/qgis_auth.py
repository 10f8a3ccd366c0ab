"""QGIS auth-manager and proxy helpers for tests (needs a running QgsApplication).

* :func:`unlock_auth_db` sets a known master password on the test profile's auth database
  (pytest-qgis keeps the profile under ``.qgis-settings/``); a database left by a run with
  another password is erased first — test profiles only.
* :class:`AuthConfigs` stores configurations (Basic, API header…) and removes them afterwards.
* :func:`qgis_proxy` points QGIS at a proxy through the same settings as Settings › Options ›
  Network, and restores them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from qgis.core import (
    QgsApplication,
    QgsAuthManager,
    QgsAuthMethodConfig,
    QgsNetworkAccessManager,
    QgsSettings,
)

__all__ = ["TEST_MASTER_PASSWORD", "AuthConfigs", "qgis_proxy", "unlock_auth_db"]

TEST_MASTER_PASSWORD = "theia-tests-master-password"

PROXY_KEYS = (
    "proxy/proxyEnabled",
    "proxy/proxyType",
    "proxy/proxyHost",
    "proxy/proxyPort",
    "proxy/proxyUser",
    "proxy/proxyPassword",
    "proxy/proxyExcludedUrls",
    "proxy/noProxyUrls",
)


def unlock_auth_db() -> QgsAuthManager:
    """The auth manager, unlocked with :data:`TEST_MASTER_PASSWORD`."""
    manager = QgsApplication.authManager()
    assert manager is not None and not manager.isDisabled(), manager.disabledMessage()
    if manager.masterPasswordIsSet():
        return manager
    if manager.setMasterPassword(TEST_MASTER_PASSWORD, True):
        return manager
    # A database from an earlier run with another master password: start from scratch.
    manager.clearMasterPassword()
    assert manager.eraseAuthenticationDatabase(False), "could not reset the test auth database"
    assert manager.setMasterPassword(TEST_MASTER_PASSWORD, True), "could not unlock auth db"
    return manager


class AuthConfigs:
    """Creates authentication configurations and removes them on :meth:`cleanup`."""

    def __init__(self) -> None:
        self.manager = unlock_auth_db()
        self.ids: list[str] = []

    def add(self, method: str, config: Mapping[str, str], name: str = "theia-test") -> str:
        cfg = QgsAuthMethodConfig()
        cfg.setName(name)
        cfg.setMethod(method)
        for key, value in config.items():
            cfg.setConfig(key, value)
        ok, stored = self.manager.storeAuthenticationConfig(cfg)
        assert ok, f"could not store the {method} configuration"
        authcfg = stored.id() or cfg.id()
        self.ids.append(authcfg)
        return authcfg

    def basic(self, username: str, password: str) -> str:
        return self.add("Basic", {"username": username, "password": password}, "theia-basic")

    def api_header(self, headers: Mapping[str, str]) -> str:
        """An "API Header" configuration (the method exists from QGIS 3.24; the plugin applies
        such configurations itself on older versions)."""
        return self.add("APIHeader", headers, "theia-api-header")

    def cleanup(self) -> None:
        for authcfg in self.ids:
            self.manager.removeAuthenticationConfig(authcfg)
        self.ids.clear()


@contextmanager
def qgis_proxy(
    host: str,
    port: int,
    *,
    proxy_type: str = "HttpProxy",
    user: str | None = None,
    password: str | None = None,
) -> Iterator[None]:
    """Configure the QGIS proxy (as the Network options page does) for the duration."""
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in PROXY_KEYS}
    try:
        settings.setValue("proxy/proxyEnabled", True)
        settings.setValue("proxy/proxyType", proxy_type)
        settings.setValue("proxy/proxyHost", host)
        settings.setValue("proxy/proxyPort", str(port))
        settings.setValue("proxy/proxyUser", user or "")
        settings.setValue("proxy/proxyPassword", password or "")
        settings.setValue("proxy/proxyExcludedUrls", "")
        settings.setValue("proxy/noProxyUrls", "")
        QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
        QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
