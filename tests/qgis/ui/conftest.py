"""Fixtures of the catalogue dock tests: the dock on the test iface, searching the real local
STAC API (directly or through a proxy that can hold searches)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Callable

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtTest import QTest

from tests.servers.fixtures import clear_proxy_env
from tests.servers.stac_proxy import HoldingStacProxy
from theia_plugin.core.catalogue.connections import Connection
from theia_plugin.toolbelt.connection_settings import QgsSettingsStorage
from theia_plugin.ui.catalogue_dock import CatalogueDock


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


def make_dock(iface, url: str) -> CatalogueDock:
    dock = CatalogueDock(iface, iface.mainWindow())
    dock.add_connection(Connection("Local STAC", url, "stac"))
    wait_until(lambda: dock.collections_list.count() > 0)
    dock.set_bbox(None)
    return dock


@pytest.fixture
def dock_factory(qgis_iface, qgis_new_project) -> Iterator[Callable[[str], CatalogueDock]]:
    storage = QgsSettingsStorage()
    saved = storage.read()  # the connections, restored afterwards
    docks: list[CatalogueDock] = []

    def factory(url: str) -> CatalogueDock:
        docks.append(make_dock(qgis_iface, url))
        return docks[-1]

    yield factory
    for dock in docks:
        dock.cancel()
        wait_until(lambda dock=dock: not dock.is_searching())
        dock.shutdown()
        dock.deleteLater()
    QgsProject.instance().removeAllMapLayers()
    storage.write(saved)


@pytest.fixture
def dock(dock_factory, stac_api) -> CatalogueDock:
    return dock_factory(stac_api.url)
