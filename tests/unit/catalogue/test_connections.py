"""Connections: validation, the registry with its built-ins, and testing them against the real
local services (STAC API, GEODES-like service, qgis_mapserver, plain HTTP server)."""

from __future__ import annotations

import socket

import pytest

from tests.servers.assets.fixtures import requests_client
from tests.servers.fixtures import clear_proxy_env
from theia_plugin.core.catalogue.connections import (
    BUILTIN_CONNECTIONS,
    Connection,
    ConnectionRegistry,
    MemoryStorage,
    builtin_connections,
    capabilities_url,
    check_connection,
    connections_from_json,
    connections_to_json,
    fetch_ows_layers,
    open_catalogue,
)
from theia_plugin.core.catalogue.geodes_backend import GeodesCatalogue
from theia_plugin.core.catalogue.stac_backend import StacCatalogue
from theia_plugin.net import create_client

MTD, GEODES, MAPS = (c.name for c in BUILTIN_CONNECTIONS)


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch):
    clear_proxy_env(monkeypatch)


@pytest.fixture
def client():
    with requests_client() as http:
        yield http


# --- model and registry ----------------------------------------------------------------------


def test_builtins_point_at_the_real_endpoints():
    by_name = {c.name: c for c in BUILTIN_CONNECTIONS}
    assert by_name[MTD].url == "https://api.stac.teledetection.fr"
    assert by_name[MTD].signing_url == "https://signing.stac.teledetection.fr"
    assert by_name[GEODES].url == "https://geodes-portal.cnes.fr/api/stac"
    assert by_name[GEODES].kind == "geodes"
    assert by_name[MAPS].kind == "wmts" and "maps.theia-land.fr" in by_name[MAPS].url
    assert all(c.builtin for c in BUILTIN_CONNECTIONS)
    # the dock searches the catalogues only
    assert builtin_connections() == [by_name[MTD], by_name[GEODES]]


def test_catalogue_api_of_the_dock_is_kept(stac_api):
    mine = Connection("Mine", "https://stac.example.org/api", authcfg="abc1234")
    ows = Connection("Maps", "https://maps.example.org/wms", "wms")
    text = connections_to_json([*BUILTIN_CONNECTIONS, mine, ows])
    assert "teledetection" not in text and connections_from_json(text) == [mine, ows]
    assert mine.kind == "stac" and mine.catalogue == "mtd"
    with create_client() as http:
        assert isinstance(open_catalogue(mine, http), StacCatalogue)
        assert isinstance(open_catalogue(BUILTIN_CONNECTIONS[1], http), GeodesCatalogue)
        with pytest.raises(ValueError, match="map service, not a catalogue"):
            open_catalogue(ows, http)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": " ", "kind": "stac", "url": "http://x"}, "needs a name"),
        ({"name": "a/b", "kind": "stac", "url": "http://x"}, "must not contain"),
        ({"name": "a", "kind": "wfs", "url": "http://x"}, "Unknown catalogue kind “wfs”"),
        ({"name": "a", "kind": "stac", "url": "ftp://x"}, "must start with http"),
        ({"name": "a", "kind": "stac", "url": ""}, "must start with http"),
        ({"name": "a", "url": "http://x", "signing_url": "s3://x"}, "signing service URL"),
        ({"name": "a", "kind": "wms", "url": "http://x", "signing_url": "http://s"}, "Only STAC"),
    ],
)
def test_invalid_connections_are_refused_with_a_clear_message(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Connection(**kwargs)


def test_registry_add_edit_remove_persist_through_storage():
    storage = MemoryStorage()
    registry = ConnectionRegistry(storage)
    assert registry.names() == [MTD, GEODES, MAPS]
    registry.add(Connection("Local STAC", "http://127.0.0.1:1/", "stac", authcfg="abc1234"))
    registry.add(Connection("A WMS", "http://127.0.0.1:2/ows", "wms"))
    # a fresh registry on the same storage sees the same list (user ones sorted by name)
    again = ConnectionRegistry(storage)
    assert again.names() == [MTD, GEODES, MAPS, "A WMS", "Local STAC"]
    assert again.get("Local STAC").authcfg == "abc1234"
    assert next(r for r in storage.records if r["name"] == "Local STAC") == {
        "name": "Local STAC",
        "kind": "stac",
        "url": "http://127.0.0.1:1/",
        "authcfg": "abc1234",
        "signing_url": "",
    }
    again.update("Local STAC", Connection("Renamed", "http://127.0.0.1:3/", "stac"))
    assert ConnectionRegistry(storage).get("Renamed").url == "http://127.0.0.1:3/"
    with pytest.raises(KeyError):
        again.get("Local STAC")
    with pytest.raises(ValueError, match="already exists"):
        again.add(Connection("A WMS", "http://x", "wmts"))
    with pytest.raises(ValueError, match="already exists"):
        again.update("Renamed", Connection("A WMS", "http://x", "stac"))
    again.remove("A WMS")
    assert ConnectionRegistry(storage).names() == [MTD, GEODES, MAPS, "Renamed"]


def test_builtins_cannot_be_removed_or_repointed_but_take_an_authcfg():
    storage = MemoryStorage()
    registry = ConnectionRegistry(storage)
    with pytest.raises(ValueError, match="cannot be removed"):
        registry.remove(MTD)
    mtd = registry.get(MTD)
    with pytest.raises(ValueError, match="cannot be changed"):
        registry.update(MTD, Connection(MTD, "http://elsewhere", "stac"))
    with pytest.raises(ValueError, match="already exists"):
        registry.add(Connection(GEODES, "http://x", "geodes"))
    registry.update(
        MTD, Connection(mtd.name, mtd.url, mtd.kind, authcfg="key1234", signing_url=mtd.signing_url)
    )
    assert storage.records == [{"name": MTD, "authcfg": "key1234"}]
    assert ConnectionRegistry(storage).get(MTD).authcfg == "key1234"
    assert ConnectionRegistry(storage).get(MTD).builtin


def test_records_edited_by_hand_are_skipped_not_fatal():
    storage = MemoryStorage(
        [
            {"name": "bad", "kind": "ftp", "url": "http://x"},
            {"name": "good", "kind": "wms", "url": "http://x"},
        ]
    )
    assert ConnectionRegistry(storage).names()[-1:] == ["good"]


def test_capabilities_url_keeps_the_services_own_parameters():
    conn = Connection("m", "http://h/ows?MAP=/a.qgs&service=WFS&request=x", "wms")
    assert capabilities_url(conn) == (
        "http://h/ows?MAP=%2Fa.qgs&SERVICE=WMS&REQUEST=GetCapabilities"
    )
    assert "SERVICE=WMTS" in capabilities_url(Connection("t", "http://h/wmts", "wmts"))


# --- testing against the real services -------------------------------------------------------


def test_stac_api_passes(stac_api, client):
    result = check_connection(Connection("s", stac_api.url, "stac"), client)
    assert result.ok, result
    assert "item search supported" in result.message
    assert "item-search" in result.detail


def test_stac_test_fails_on_a_server_that_is_not_stac(geodes_service, client):
    # the GEODES-like landing page at /api is not a STAC landing page
    result = check_connection(Connection("s", geodes_service.url("/api/nothing"), "stac"), client)
    assert not result.ok
    assert "does not look like a STAC API" in result.message


def test_unreachable_server_is_reported(client):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: nothing listens there
    result = check_connection(Connection("s", f"http://127.0.0.1:{port}", "stac"), client)
    assert not result.ok
    assert "is unreachable" in result.message


def test_401_hints_at_choosing_an_authcfg(http_server, client):
    result = check_connection(Connection("s", http_server.url("/status/401"), "stac"), client)
    assert not result.ok
    assert "choose an authentication configuration" in result.message
    assert "401" in result.detail
    # with an authcfg, the hint says to check that one (no QGIS needed to build the message)
    result = check_connection(
        Connection("s", http_server.url("/status/401"), "stac", authcfg="abc1234"), client
    )
    assert "“abc1234”" in result.message


def test_geodes_passes_and_its_faults_are_reported(geodes_service, client):
    conn = Connection("g", geodes_service.stac_url, "geodes")
    result = check_connection(conn, client)
    assert result.ok, result
    count = len(geodes_service.data.collections)
    assert f"{count} collections" in result.message
    geodes_service.add_fault("500", "/api/stac/collections", times=10)
    result = check_connection(conn, client)
    assert not result.ok and "answered with an error" in result.message
    assert "500" in result.detail


def test_wms_and_wmts_pass_with_their_layers(map_server, client):
    for kind in ("wms", "wmts"):
        conn = Connection(kind, map_server.ows_url, kind)
        result = check_connection(conn, client)
        assert result.ok, result
        assert "2 layers" in result.message
        _, layers = fetch_ows_layers(conn, client)
        by_name = {layer.name: layer for layer in layers}
        assert {"ndvi", "red"} <= set(by_name)
        if kind == "wmts":
            sets = by_name["ndvi"].tile_matrix_sets
            assert sets and len(by_name["ndvi"].crs) == len(sets)
            assert "EPSG:3857" in by_name["ndvi"].crs  # from urn:ogc:def:crs:EPSG::3857
        else:
            assert "EPSG:3857" in by_name["ndvi"].crs and "image/png" in by_name["ndvi"].formats


def test_wms_test_fails_on_a_stac_api(stac_api, client):
    result = check_connection(Connection("w", stac_api.url, "wms"), client)
    assert not result.ok
    assert "does not look like a WMS service" in result.message


def test_names_made_from_urls_are_valid_connection_names():
    from theia_plugin.core.catalogue.connections import Connection, name_for_url

    assert name_for_url("http://127.0.0.1:8080/api/stac/") == "127.0.0.1:8080 api stac"
    assert name_for_url("https://api.stac.teledetection.fr") == "api.stac.teledetection.fr"
    url = "https://example.org/a/b"
    assert Connection(name_for_url(url), url, "stac").name == "example.org a b"
