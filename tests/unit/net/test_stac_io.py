"""pystac-client over the ``requests`` transport."""

from __future__ import annotations

import pytest

from tests.servers.http_server import LocalHttpServer
from tests.unit.net.stac_contract import StacContract
from theia_plugin.net import HttpClient


class TestStacOverRequests(StacContract):
    @pytest.fixture
    def stac_client(self, make_client, http_server: LocalHttpServer) -> HttpClient:
        keys = {"access-key": http_server.access_key, "secret-key": http_server.secret_key}
        return make_client(transport={"headers": keys})

    @pytest.fixture
    def anonymous_client(self, client: HttpClient) -> HttpClient:
        return client
