"""Helpers for the DSM-OPT UI tests: a finished job on the local service, event-loop waits."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop

from tests.servers.fixtures import clear_proxy_env
from theia_plugin.core.dsmopt import PollPolicy, follow, open_backend
from theia_plugin.net import create_client

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
