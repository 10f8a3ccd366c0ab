"""The Theia Browser node against the real local services: a STAC API whose assets need signing,
the GEODES-like service and qgis_mapserver (WMS/WMTS). Children are populated the way the
Browser does it (in a worker thread), and asset items become valid layers through their mime
URIs."""

from __future__ import annotations

import gc

import numpy as np
import pytest
import rasterio
from qgis.core import (
    Qgis,
    QgsDataItem,
    QgsErrorItem,
    QgsLayerItem,
    QgsMimeDataUtils,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

from tests.qgis.test_map_services import data_extent, opaque_share, render
from tests.servers.fixtures import clear_proxy_env
from tests.servers.qgis_auth import AuthConfigs
from theia_plugin.core.catalogue.connections import Connection, ConnectionRegistry, MemoryStorage
from theia_plugin.ui import browser
from theia_plugin.ui.browser import PAGE_SIZE, TheiaDataItemProvider, live_children


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch):
    clear_proxy_env(monkeypatch)


@pytest.fixture
def auth_configs(qgis_app):
    configs = AuthConfigs()
    yield configs
    configs.cleanup()


def make_root(*connections: Connection) -> QgsDataItem:
    storage = MemoryStorage([c.to_dict() for c in connections])
    provider = TheiaDataItemProvider(lambda: ConnectionRegistry(storage, builtins=()))
    root = provider.createDataItem("", None)
    assert root is not None and root.name() == "Theia"
    return root


def populate(item: QgsDataItem) -> list[QgsDataItem]:
    """Populate like the Browser panel: in a worker thread unless the item is Fast, while this
    (the UI) thread keeps turning its event loop."""
    item.populate()
    if item.state() != Qgis.BrowserItemState.Populated:
        # threaded: the call returned at once, children arrive through the event loop.
        # (stateChanged cannot reach Python on 3.22: its scoped-enum argument fails to convert)
        assert item.state() == Qgis.BrowserItemState.Populating
        loop = QEventLoop()
        ticks = QTimer()
        ticks.timeout.connect(loop.quit)
        ticks.start(20)
        turns = 0
        while item.state() != Qgis.BrowserItemState.Populated:
            loop.exec()
            turns += 1
            assert turns < 6000, "population never finished"  # a hang guard, not a timing check
        ticks.stop()
    # duplicates a refresh replaced are deleted later: let that happen
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()  # the children must survive a collection of Python garbage
    children = live_children(item)
    assert len(children) == item.rowCount()
    return children


def child(item: QgsDataItem, name: str) -> QgsDataItem:
    children = populate(item)
    errors = [c.name() for c in children if isinstance(c, QgsErrorItem)]
    assert not errors, errors
    for c in children:
        if c.name() == name or c.item_path.rsplit("/", 1)[-1] == name:
            return c
    raise AssertionError(f"{name} not among {[c.name() for c in children]}")


def find_item(collection: QgsDataItem, item_id: str) -> QgsDataItem:
    """Walks the pages ("more…" nodes) of a collection until ``item_id``."""
    node, pages = collection, 0
    while True:
        children = populate(node)
        pages += 1
        for c in children:
            if c.item_path.endswith("/" + item_id):
                return c
        more = [c for c in children if c.item_path.endswith("/more")]
        assert more, f"{item_id} not found in {pages} pages"
        assert len(children) == PAGE_SIZE + 1  # a full page, then "more…"
        node = more[0]


def test_stac_collections_items_and_a_signed_asset_layer_with_real_pixels(
    stac_api_signed_assets, signed_l2a, signing_env, auth_configs
):
    from tests.servers.stac_api import theia_data as data

    authcfg = auth_configs.api_header(signing_env.signing.credentials)
    signing = signing_env.signing.url("").rstrip("/")
    root = make_root(
        Connection(
            "Local STAC", stac_api_signed_assets.url, "stac", authcfg=authcfg, signing_url=signing
        )
    )
    connection = child(root, "Local STAC")
    collections = populate(connection)
    assert {c.item_path.rsplit("/", 1)[-1] for c in collections} == set(data.COLLECTION_IDS)
    collection = child(connection, "sentinel2-l2a-theia")
    item = find_item(collection, signed_l2a.item["id"])
    assets = populate(item)
    keys = {a.name() for a in assets}
    assert {"B04", "B08", "CLM_R1"} <= keys and "ql" not in keys and "MD" not in keys
    b04 = next(a for a in assets if a.name() == "B04")
    assert isinstance(b04, QgsLayerItem)
    # the batch was signed with the API key of the authcfg
    assert signing_env.signing.signed_batches()
    assert signing_env.signing.requests_to("/sign_urls")[0].header("access-key")

    # dragged: QGIS's own mime URIs, decoded like the canvas / Layers panel do
    mime = QgsMimeDataUtils.encodeUriList(b04.mimeUris())
    (uri,) = QgsMimeDataUtils.decodeUriList(mime)
    assert uri.layerType == "raster" and uri.providerKey == "gdal"
    assert uri.uri.startswith("/vsicurl/http") and "X-Amz-Signature=" in uri.uri
    layer = QgsRasterLayer(uri.uri, uri.name, uri.providerKey)
    assert layer.isValid(), layer.error().summary()
    block = layer.dataProvider().block(1, layer.extent(), layer.width(), layer.height())
    pixels = np.frombuffer(bytes(block.data()), dtype=np.int16).reshape(
        layer.height(), layer.width()
    )
    with rasterio.open(signed_l2a.cogs["B04"]) as dataset:
        expected = dataset.read(1)
    assert np.array_equal(pixels, expected)


def test_unsigned_asset_is_refused_so_signing_matters(stac_api_signed_assets, signing_env):
    """Without a signing service the same asset is not readable (the server answers 403)."""
    root = make_root(Connection("Plain", stac_api_signed_assets.url, "stac"))
    collection = child(child(root, "Plain"), "forms-t")
    item = populate(collection)[0]
    asset = populate(item)[0]
    assert "X-Amz-Signature" not in asset.uri()
    assert not QgsRasterLayer(asset.uri(), "x", "gdal").isValid()


def test_geodes_collections_and_items(geodes_service):
    root = make_root(Connection("Local GEODES", geodes_service.stac_url, "geodes"))
    connection = child(root, "Local GEODES")
    ids = {c.item_path.rsplit("/", 1)[-1] for c in populate(connection)}
    assert ids == {c["id"] for c in geodes_service.data.collections}
    first = sorted(ids)[0]
    items = populate(child(connection, first))
    expected = [i for i in geodes_service.items() if i["collection"] == first]
    assert len(items) == min(len(expected), PAGE_SIZE) + (len(expected) > PAGE_SIZE)


def test_wms_and_wmts_layers_are_valid(map_server):
    root = make_root(
        Connection("Local WMS", map_server.ows_url, "wms"),
        Connection("Local WMTS", map_server.ows_url, "wmts"),
    )
    for name in ("Local WMS", "Local WMTS"):
        layers = populate(child(root, name))
        by_name = {layer.item_path.rsplit("/", 1)[-1]: layer for layer in layers}
        assert {"ndvi", "red"} <= set(by_name)
        (uri,) = QgsMimeDataUtils.decodeUriList(
            QgsMimeDataUtils.encodeUriList(by_name["ndvi"].mimeUris())
        )
        assert uri.providerKey == "wms"
        layer = QgsRasterLayer(uri.uri, uri.name, "wms")
        assert layer.isValid(), (name, uri.uri, layer.error().summary())
        assert opaque_share(render(layer, data_extent(map_server))) > 0.5  # real pixels


def test_a_failing_server_becomes_an_error_item(geodes_service):
    geodes_service.add_fault("500", "/api/stac/collections", times=10)
    root = make_root(Connection("Broken", geodes_service.stac_url, "geodes"))
    children = populate(child(root, "Broken"))
    assert len(children) == 1 and isinstance(children[0], QgsErrorItem)
    assert "500" in children[0].name()


def test_provider_lists_connections_without_network(qgis_app):
    root = make_root(Connection("A", "http://127.0.0.1:9/ows", "wms"))
    root.populate()
    assert root.state() == Qgis.BrowserItemState.Populated  # Fast: no thread needed
    assert [c.name() for c in live_children(root)] == ["A"]
    assert root.path() == browser.ROOT_PATH


def test_refresh_after_the_connections_changed_keeps_the_tree_usable(qgis_app, map_server):
    storage = MemoryStorage([Connection("A", map_server.ows_url, "wms").to_dict()])
    provider = TheiaDataItemProvider(lambda: ConnectionRegistry(storage, builtins=()))
    root = provider.createDataItem("", None)
    assert [c.name() for c in populate(root)] == ["A"]
    ConnectionRegistry(storage, builtins=()).add(Connection("B", map_server.ows_url, "wmts"))
    provider.refresh()
    names = sorted(c.name() for c in populate(root))
    assert names == ["A", "B"]
    wmts = next(c for c in live_children(root) if c.name() == "B")
    assert len(populate(wmts)) == 2


def test_the_browser_model_shows_the_node_while_the_provider_is_registered(qgis_app):
    from qgis.core import QgsApplication, QgsBrowserModel

    def theia_rows(model: QgsBrowserModel) -> list[str]:
        names = [model.index(row, 0).data() for row in range(model.rowCount())]
        return [n for n in names if n == "Theia"]

    registry = QgsApplication.dataItemProviderRegistry()
    model = QgsBrowserModel()
    model.initialize()
    assert theia_rows(model) == []
    storage = MemoryStorage([Connection("A", "http://127.0.0.1:9/ows", "wms").to_dict()])
    provider = TheiaDataItemProvider(lambda: ConnectionRegistry(storage, builtins=()))
    registry.addProvider(provider)
    try:
        assert theia_rows(model) == ["Theia"]
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Theia")
        root = model.index(row, 0)
        model.fetchMore(root)
        QCoreApplication.processEvents()
        assert model.rowCount(root) == 1 and model.index(0, 0, root).data() == "A"
    finally:
        registry.removeProvider(provider)  # deletes it, and the model drops its node
    assert theia_rows(model) == []
