"""pystac-client through our HTTP client: behaviour shared by both transports.

Subclasses provide ``stac_client`` (an :class:`HttpClient` that sends the MTD-like
``access-key``/``secret-key`` headers of ``http_server``, by whatever means the transport
uses) and ``anonymous_client``.
"""

from __future__ import annotations

import warnings

import pytest
from pystac_client.exceptions import APIError

from tests.servers.http_server import LocalHttpServer
from theia_plugin.net import (
    AuthenticationError,
    CancellationToken,
    CancelledError,
    HttpClient,
    InvalidResponseError,
)
from theia_plugin.net.stac_io import ClientStacApiIO, open_stac_api


def _require_keys(server: LocalHttpServer) -> dict[str, str]:
    keys = {"access-key": server.access_key, "secret-key": server.secret_key}
    server.stac_required_headers = keys
    return keys


class StacContract:
    @pytest.mark.parametrize("method", ["POST", "GET"])
    def test_search_pages_with_auth_on_every_request(
        self, stac_client: HttpClient, http_server: LocalHttpServer, method: str
    ) -> None:
        keys = _require_keys(http_server)
        http_server.stac_item_count = 5
        api = open_stac_api(http_server.url("/stac"), stac_client)
        search = api.search(
            collections=["sentinel2-l2a-theia"], bbox=[3, 43, 4, 44], limit=2, method=method
        )
        items = list(search.items())
        assert [item.id for item in items] == [f"SENTINEL2A_2023{i:04d}-T31TEJ" for i in range(5)]
        searches = http_server.requests_to("/stac/search")
        assert len(searches) == 3  # 2 + 2 + 1 items: really paged
        assert {r.method for r in searches} == {method}
        all_stac = [r for r in http_server.requests if r.path.startswith("/stac")]
        for request in all_stac:
            for name, value in keys.items():
                assert request.header(name) == value, (request.path, name)
        if method == "POST":
            import json

            bodies = [json.loads(r.body) for r in searches]
            assert bodies[0]["collections"] == ["sentinel2-l2a-theia"]
            assert [b.get("token") for b in bodies] == [None, "page:2", "page:4"]
        else:
            assert [r.query.get("token") for r in searches] == [None, ["page:2"], ["page:4"]]

    def test_collections(self, stac_client: HttpClient, http_server: LocalHttpServer) -> None:
        _require_keys(http_server)
        api = open_stac_api(http_server.url("/stac"), stac_client)
        assert api.get_collection("sentinel2-l2a-theia").id == "sentinel2-l2a-theia"
        # pystac-client turns a 404 APIError into None: our errors must keep that working
        assert api.get_collection("no-such-collection") is None
        assert [c.id for c in api.get_collections()] == ["sentinel2-l2a-theia"]

    def test_missing_credentials_give_typed_error_with_server_text(
        self, anonymous_client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        _require_keys(http_server)
        with pytest.raises(AuthenticationError) as caught:
            open_stac_api(http_server.url("/stac"), anonymous_client)
        error = caught.value
        assert isinstance(error, APIError)  # what pystac-client users catch
        assert error.status_code == 401
        assert error.__cause__ is None and error.__context__ is None  # nothing chained
        assert "Missing or invalid access-key header" in str(error)
        assert "Settings › Options › Authentication" in str(error)

    def test_malformed_landing_page(
        self, anonymous_client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        with pytest.raises(InvalidResponseError) as caught:
            open_stac_api(http_server.url("/malformed"), anonymous_client)
        assert "Expected a STAC JSON document" in str(caught.value)
        assert caught.value.__context__ is None  # the decoder's error holds the document

    def test_extra_headers_parameters_and_request_modifier(
        self, anonymous_client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        def modifier(request):
            request.headers["X-Modified"] = "yes"

        stac_io = ClientStacApiIO(
            anonymous_client,
            headers={"X-Tenant": "theia"},
            parameters={"lang": "fr"},
            request_modifier=modifier,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pystac_client

            api = pystac_client.Client.open(http_server.url("/stac"), stac_io=stac_io)
        list(api.search(collections=["sentinel2-l2a-theia"], limit=10).items())
        for request in http_server.requests:
            assert request.header("X-Tenant") == "theia"
            assert request.header("X-Modified") == "yes"
            assert request.query.get("lang") == ["fr"]

    def test_cancellation(self, anonymous_client: HttpClient, http_server: LocalHttpServer) -> None:
        api = open_stac_api(http_server.url("/stac"), anonymous_client)
        token = CancellationToken()
        api._stac_io.feedback = token
        token.cancel()
        with pytest.raises(CancelledError):
            list(api.search(collections=["sentinel2-l2a-theia"], limit=2).items())
        assert http_server.requests_to("/stac/search") == []
