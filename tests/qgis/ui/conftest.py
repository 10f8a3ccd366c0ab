"""Fixtures of the catalogue dock tests: the dock on the test iface, searching the real local
STAC API (directly or through a proxy that can hold searches)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Callable

import pytest
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtTest import QTest

from tests.servers.fixtures import clear_proxy_env
from tests.servers.stac_proxy import HoldingStacProxy
from theia_plugin.core.catalogue.connections import Connection
from theia_plugin.ui.catalogue_dock import CONNECTIONS_KEY, CatalogueDock


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_proxy_env(monkeypatch)
    # The test data keeps Theia MTD's real asset hosts: never ask the real signing service.
    monkeypatch.setenv("THEIA_SIGNED_HOSTS", "signed.invalid")


def wait_until(condition: Callable[[], bool], timeout_ms: int = 30000) -> None:
    """Turn the event loop until ``condition()`` (a deadline only to fail instead of hanging)."""
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise AssertionError("condition not reached while the event loop turned")
        QTest.qWait(20)
        waited += 20


@pytest.fixture
def stac_proxy(stac_api, http_server) -> Iterator[HoldingStacProxy]:
    proxy = HoldingStacProxy(http_server, stac_api.url)
    yield proxy
    proxy.release()


def make_dock(iface, url: str, kind: str = "stac", authcfg: str = "") -> CatalogueDock:
    dock = CatalogueDock(iface, iface.mainWindow())
    name = "Local GEODES" if kind == "geodes" else "Local STAC"
    dock.add_connection(Connection(name, url, kind, authcfg))
    wait_until(lambda: dock.collections_list.count() > 0)
    dock.set_bbox(None)
    return dock


@pytest.fixture
def dock_factory(qgis_iface, qgis_new_project) -> Iterator[Callable[[str], CatalogueDock]]:
    settings = QgsSettings()
    saved = settings.value(CONNECTIONS_KEY)
    docks: list[CatalogueDock] = []

    def factory(url: str, kind: str = "stac", authcfg: str = "") -> CatalogueDock:
        docks.append(make_dock(qgis_iface, url, kind, authcfg))
        return docks[-1]

    yield factory
    for dock in docks:
        dock.cancel()
        for task in list(dock.tasks):  # downloads still running
            task.cancel()
        wait_until(lambda dock=dock: not dock.tasks)
        wait_until(lambda dock=dock: not dock.is_searching())
        dock.shutdown()
        dock.deleteLater()
    QgsProject.instance().removeAllMapLayers()
    if saved is None:
        settings.remove(CONNECTIONS_KEY)
    else:
        settings.setValue(CONNECTIONS_KEY, saved)


@pytest.fixture
def dock(dock_factory, stac_api) -> CatalogueDock:
    return dock_factory(stac_api.url)
