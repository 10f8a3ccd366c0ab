"""Fixtures of the DSM-OPT client tests: the local service, a requests-based client, one
backend of each kind, and a fast poll policy (the service's stages last a fraction of a
second)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Callable

import pytest

from tests.servers.dsmopt.service import DsmOptService
from tests.servers.fixtures import FAST_CLIENT_OPTIONS, clear_proxy_env
from theia_plugin.core.dsmopt import JobBackend, PollPolicy, open_backend
from theia_plugin.net import HttpClient
from theia_plugin.net.requests_transport import RequestsTransport

#: What a stereo pair submission looks like (image ids of the DINAMIS catalogue).
INPUTS = {
    "images": ["DS_PHR1A_202307101052_FR1_PX_E001N42_0615_01234", "DS_PHR1A_202307101053_FR1_PX"],
    "zoomF": 2,
    "preset": "Montagne",
}

FAST_POLL = PollPolicy(initial=0.02, factor=1.5, maximum=0.1)


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_proxy_env(monkeypatch)


@pytest.fixture
def make_client() -> Iterator[Callable[..., HttpClient]]:
    """``make_client(headers=..., basic=..., **client_options)``."""
    made: list[HttpClient] = []

    def factory(transport: dict[str, Any] | None = None, **kwargs: Any) -> HttpClient:
        client = HttpClient(
            RequestsTransport(**(transport or {})), **{**FAST_CLIENT_OPTIONS, **kwargs}
        )
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()


def service_url(service: DsmOptService, kind: str) -> str:
    return service.ogc_url if kind == "ogc" else service.gdm_url


@pytest.fixture(params=["ogc", "gdm"])
def kind(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def backend(kind: str, dsmopt_service: DsmOptService, make_client) -> JobBackend:
    return open_backend(kind, service_url(dsmopt_service, kind), make_client())
