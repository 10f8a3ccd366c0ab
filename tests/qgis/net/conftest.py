"""Fixtures of the QGIS network-transport tests (pytest-qgis provides the QgsApplication)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Callable

import pytest

from tests.servers.fixtures import (
    FAST_CLIENT_OPTIONS,
    clear_proxy_env,
)
from tests.servers.qgis_auth import AuthConfigs
from theia_plugin.net import HttpClient
from theia_plugin.net.qgis_transport import QgisTransport


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's proxy variables must not route loopback test traffic elsewhere."""
    clear_proxy_env(monkeypatch)


@pytest.fixture
def auth_configs(qgis_app: Any) -> Iterator[AuthConfigs]:
    """Store authentication configurations in the test profile; removed after the test."""
    configs = AuthConfigs()
    yield configs
    configs.cleanup()


@pytest.fixture
def make_client(qgis_app: Any) -> Callable[..., HttpClient]:
    """``make_client(authcfg=None, headers=None, **client_options)``: a QGIS-based client."""

    def factory(
        authcfg: str | None = None, headers: dict[str, str] | None = None, **kwargs: Any
    ) -> HttpClient:
        return HttpClient(
            QgisTransport(authcfg, headers=headers), **{**FAST_CLIENT_OPTIONS, **kwargs}
        )

    return factory


@pytest.fixture
def client(make_client: Callable[..., HttpClient]) -> HttpClient:
    return make_client()
