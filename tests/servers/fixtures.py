"""pytest fixtures for the local test servers.

Import the ones you need in a ``conftest.py``::

    from tests.servers.fixtures import http_server, http_server_session, proxy_server  # noqa: F401

``http_server_session`` runs one :class:`LocalHttpServer` for the whole session;
``http_server`` is the same server, reset (records, counters, credentials) for each test.
``proxy_server`` is a session-wide proxy.py; ``auth_proxy_server`` one that requires
``proxyuser:proxy-Secret-9`` (``AUTH_PROXY_CREDENTIALS``). ``no_machine_proxy`` removes the
machine's proxy variables (use it as an autouse fixture in network test folders).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers.http_server import LocalHttpServer
from tests.servers.proxy_server import ProxyServer

AUTH_PROXY_CREDENTIALS = ("proxyuser", "proxy-Secret-9")

#: Proxy variables of the machine, removed by ``no_machine_proxy`` so that loopback test
#: traffic is not routed elsewhere.
PROXY_ENV = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
)

#: HttpClient options for tests: short waits keep suites fast, the behaviour (retry count,
#: Retry-After) is unchanged.
FAST_CLIENT_OPTIONS = {"timeout": 2.0, "max_retries": 3, "backoff_factor": 0.05, "max_backoff": 5.0}


def clear_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove the machine's proxy environment variables for the current test."""
    for name in PROXY_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def no_machine_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove the machine's proxy environment variables for the test."""
    clear_proxy_env(monkeypatch)


@pytest.fixture(scope="session")
def http_server_session() -> Iterator[LocalHttpServer]:
    with LocalHttpServer() as server:
        yield server


@pytest.fixture
def http_server(http_server_session: LocalHttpServer) -> LocalHttpServer:
    http_server_session.reset()
    return http_server_session


@pytest.fixture(scope="session")
def proxy_server() -> Iterator[ProxyServer]:
    with ProxyServer() as proxy:
        yield proxy


@pytest.fixture(scope="session")
def auth_proxy_server() -> Iterator[ProxyServer]:
    with ProxyServer(basic_auth=":".join(AUTH_PROXY_CREDENTIALS)) as proxy:
        yield proxy
