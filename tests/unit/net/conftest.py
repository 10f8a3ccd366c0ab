"""Fixtures of the network-layer tests (plain Python: the ``requests`` transport)."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from tests.servers.fixtures import (
    FAST_CLIENT_OPTIONS,
    clear_proxy_env,
)
from theia_plugin.net import HttpClient
from theia_plugin.net.requests_transport import RequestsTransport


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's proxy variables must not route loopback test traffic elsewhere."""
    clear_proxy_env(monkeypatch)


@pytest.fixture
def make_client() -> Callable[..., HttpClient]:
    """``make_client(**client_kwargs, transport=dict(...))``: a requests-based client."""
    made: list[HttpClient] = []

    def factory(transport: dict[str, Any] | None = None, **kwargs: Any) -> HttpClient:
        options = {**FAST_CLIENT_OPTIONS, **kwargs}
        client = HttpClient(RequestsTransport(**(transport or {})), **options)
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., HttpClient]) -> HttpClient:
    return make_client()
