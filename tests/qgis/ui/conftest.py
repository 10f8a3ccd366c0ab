"""Fixtures of the UI tests: the catalogue dock on the test iface, searching the real local
STAC API (directly or through a proxy that can hold searches); a finished job on the local
DSM-OPT service and event-loop waits for the DSM-OPT dock."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Callable

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop
from qgis.PyQt.QtTest import QTest

from tests.servers.fixtures import clear_proxy_env
from tests.servers.stac_proxy import HoldingStacProxy
from theia_plugin.core.catalogue.connections import Connection
from theia_plugin.core.dsmopt import PollPolicy, follow, open_backend
from theia_plugin.net import create_client
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


def make_dock(iface, url: str, kind: str = "stac", authcfg: str = "") -> CatalogueDock:
    dock = CatalogueDock(iface, iface.mainWindow())
    name = "Local GEODES" if kind == "geodes" else "Local STAC"
    dock.add_connection(Connection(name, url, kind, authcfg))
    wait_until(lambda: dock.collections_list.count() > 0)
    dock.set_bbox(None)
    return dock


@pytest.fixture
def dock_factory(qgis_iface, qgis_new_project) -> Iterator[Callable[[str], CatalogueDock]]:
    storage = QgsSettingsStorage()
    saved = storage.read()  # the connections, restored afterwards
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
    storage.write(saved)


@pytest.fixture
def dock(dock_factory, stac_api) -> CatalogueDock:
    return dock_factory(stac_api.url)


# -- DSM-OPT ----------------------------------------------------------------------------------
FAST_POLL = PollPolicy(initial=0.05, factor=1.0, maximum=0.05)
INPUTS = {"images": ["PHR1A_20230710_F", "PHR1A_20230710_B"], "zoomF": 2}


def spin_until(condition: Callable[[], bool], limit: float = 120.0) -> None:
    """Turn the Qt event loop until ``condition()`` (fails the test after ``limit`` s)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met while the event loop turned")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


@pytest.fixture
def no_proxy(monkeypatch):
    clear_proxy_env(monkeypatch)


@pytest.fixture
def finished_ogc_job(dsmopt_service, no_proxy):
    """(backend, job) of a successful job on the OGC API of the local service."""
    backend = open_backend("ogc", dsmopt_service.ogc_url, create_client(prefer_qgis=False))
    job = backend.submit(INPUTS, name="terrain")
    job = follow(backend, job, policy=FAST_POLL)
    assert job.status == "successful"
    return backend, job
