"""The catalogue dock driven offscreen against the real local STAC API (pgstac)."""

from __future__ import annotations

import pytest
from qgis.core import Qgis, QgsMimeDataUtils, QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt, QTimer

from tests.qgis.ui.conftest import wait_until
from tests.servers.stac_api import theia_data as data
from theia_plugin.core.catalogue.model import parse_datetime

TOULOUSE_BBOX = (1.3, 43.5, 1.5, 43.7)  # inside T31TCJ only
ITEMS = data.items()
BY_ID = {i["id"]: i for i in ITEMS}


def expected_s2_toulouse() -> list[dict]:
    return [
        i
        for i in ITEMS
        if i["collection"] == data.S2_L2A and i["properties"]["s2:mgrs_tile"] == "31TCJ"
    ]


def check_collection(dock, collection_id: str) -> None:
    dock.set_collections([collection_id])
    assert [c.data(Qt.ItemDataRole.UserRole + 3) for c in dock._checked_list_items()] == [
        collection_id
    ]


def run_search(dock) -> None:
    dock.search_button.click()
    wait_until(lambda: not dock.is_searching())


def test_collections_listed_from_the_server(dock):
    ids = {
        dock.collections_list.item(i).data(Qt.ItemDataRole.UserRole + 3)
        for i in range(dock.collections_list.count())
    }
    assert ids == set(data.COLLECTION_IDS)
    assert dock.connection_combo.currentText() == "Local STAC"
    # the built-in catalogues come first
    assert dock.connection_combo.itemData(0) == "https://api.stac.teledetection.fr"
    assert "geodes" in dock.connection_combo.itemData(1)


def test_search_pages_footprints_and_load_more(dock):
    check_collection(dock, data.S2_L2A)
    dock.set_bbox(TOULOUSE_BBOX)
    want = expected_s2_toulouse()
    assert len(want) > 50  # more than one page of 50
    run_search(dock)
    assert dock.model.rowCount() == 50
    assert dock.more_button.isEnabled()
    layer = dock.footprints.layer
    assert QgsProject.instance().mapLayer(layer.id()) is layer
    assert layer.featureCount() == 50
    dock.load_more()
    wait_until(lambda: not dock.is_searching())
    assert dock.model.rowCount() == len(want)
    assert {i.id for i in dock.model.items} == {i["id"] for i in want}
    # keyset paging has no total: the end is known when the next page comes back empty
    dock.more_button.click()
    wait_until(lambda: not dock.is_searching())
    assert dock.model.rowCount() == len(want)
    assert not dock.more_button.isEnabled()
    assert dock.status_label.text() == f"{len(want)} results"
    assert layer.featureCount() == len(want)
    # newest first
    moments = [i.sort_datetime for i in dock.model.items]
    assert moments == sorted(moments, reverse=True)
    # item properties as attributes
    names = layer.fields().names()
    assert {"id", "collection", "eo:cloud_cover", "s2:mgrs_tile", "sat:relative_orbit"} <= set(
        names
    )
    for feature in layer.getFeatures():
        source = BY_ID[feature["id"]]
        assert feature["collection"] == data.S2_L2A
        assert feature["s2:mgrs_tile"] == "31TCJ"
        assert feature["eo:cloud_cover"] == source["properties"]["eo:cloud_cover"]
        assert feature["sat:relative_orbit"] == source["properties"]["sat:relative_orbit"]
        assert feature.geometry().boundingBox().contains(1.4, 43.6)


def test_filters_dates_cloud_and_oldest_first(dock):
    check_collection(dock, data.S2_L2A)
    dock.set_bbox(TOULOUSE_BBOX)
    dock.dates_group.setChecked(True)
    from qgis.PyQt.QtCore import QDate

    dock.start_edit.setDate(QDate(2020, 1, 1))
    dock.end_edit.setDate(QDate(2021, 12, 31))
    dock.cloud_check.setChecked(True)
    dock.cloud_spin.setValue(40)
    dock.sort_combo.setCurrentIndex(1)  # oldest first
    run_search(dock)
    start, end = parse_datetime("2020-01-01"), parse_datetime("2021-12-31", end=True)
    want = {
        i["id"]
        for i in expected_s2_toulouse()
        if start <= parse_datetime(i["properties"]["datetime"]) <= end
        and i["properties"]["eo:cloud_cover"] <= 40
    }
    assert want and {i.id for i in dock.model.items} == want
    moments = [i.sort_datetime for i in dock.model.items]
    assert moments == sorted(moments)


def test_range_items_found_by_date_overlap(dock):
    check_collection(dock, data.OSO)
    dock.dates_group.setChecked(True)
    from qgis.PyQt.QtCore import QDate

    dock.start_edit.setDate(QDate(2021, 6, 1))
    dock.end_edit.setDate(QDate(2021, 6, 30))
    run_search(dock)
    start, end = parse_datetime("2021-06-01"), parse_datetime("2021-06-30", end=True)
    want = {
        i["id"]
        for i in ITEMS
        if i["collection"] == data.OSO
        and parse_datetime(i["properties"]["start_datetime"]) <= end
        and parse_datetime(i["properties"]["end_datetime"]) >= start
    }
    assert want and {i.id for i in dock.model.items} == want
    assert all(i.datetime is None for i in dock.model.items)
    assert all("→" in dock.model.index(r, 1).data() for r in range(dock.model.rowCount()))
    feature = next(dock.footprints.layer.getFeatures())
    assert feature["start_datetime"] and feature["end_datetime"]


def test_themes_filter_collections_and_search(dock):
    dock.set_themes(["cryosphere"])
    listed = {
        dock.collections_list.item(i).data(Qt.ItemDataRole.UserRole + 3)
        for i in range(dock.collections_list.count())
    }
    assert listed == {data.SNOW_L2B, data.SNOW_L3B}
    run_search(dock)
    assert dock.model.rowCount() > 0
    assert {i.collection for i in dock.model.items} <= {data.SNOW_L2B, data.SNOW_L3B}
    dock.set_themes([])
    assert dock.collections_list.count() == len(data.COLLECTION_IDS)


@pytest.mark.parametrize(
    ("locale", "labels"),
    [
        ("fr_FR", ["Imagerie & radiométrie", "Cryosphère", "Eaux continentales"]),
        ("en_GB", ["Imaging & radiometry", "Cryosphere", "Inland waters"]),
    ],
)
def test_theme_labels_follow_the_qgis_locale(dock_factory, stac_api, locale, labels):
    settings = QgsSettings()
    old = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", locale)
    try:
        dock = dock_factory(stac_api.url)
    finally:
        settings.setValue("locale/overrideFlag", old[0] or False)
        settings.setValue("locale/userLocale", old[1] or "")
    tree = dock.theme_tree
    shown = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert shown[:3] == labels
    snow = tree.topLevelItem(1).child(0).text(0)
    assert snow == ("Surfaces enneigées (neige)" if locale.startswith("fr") else snow)


def test_removing_the_footprints_layer_during_a_search(dock):
    check_collection(dock, data.S2_L2A)
    run_search(dock)
    QgsProject.instance().removeMapLayer(dock.footprints.layer.id())
    dock.load_more()  # the next page arrives after its layer is gone
    wait_until(lambda: not dock.is_searching())
    assert dock.model.rowCount() > 50
    dock.view.selectRow(0)  # selection without a footprints layer: no error
    assert dock.footprints is None
    assert dock.selected_items() == [dock.model.items[0]]


def test_selection_sync_details_and_mime(dock):
    check_collection(dock, data.S2_L2A)
    dock.set_bbox(TOULOUSE_BBOX)
    run_search(dock)
    layer = dock.footprints.layer
    # result -> footprint
    dock.view.selectRow(3)
    item = dock.model.items[3]
    assert layer.selectedFeatureIds() == [dock.footprints.fid_by_item[item.id]]
    assert next(layer.getSelectedFeatures())["id"] == item.id
    assert item.id in dock.details.toPlainText()
    assert "s2:mgrs_tile" in dock.details.toPlainText()
    keys = [
        dock.asset_list.item(i).data(Qt.ItemDataRole.UserRole + 3)
        for i in range(dock.asset_list.count())
    ]
    assert sorted(keys) == sorted(BY_ID[item.id]["assets"])  # pgstac may reorder assets
    # footprint -> result
    other = dock.model.items[7]
    layer.selectByIds([dock.footprints.fid_by_item[other.id]])
    assert [i.id for i in dock.selected_items()] == [other.id]
    assert other.id in dock.details.toPlainText()
    # drag and drop: QGIS layer URIs of the item's bands
    mime = dock.model.mimeData([dock.model.index(7, 0), dock.model.index(7, 2)])
    uris = QgsMimeDataUtils.decodeUriList(mime)
    hrefs = [BY_ID[other.id]["assets"][k]["href"] for k in data.S2_BANDS]
    assert sorted(u.uri for u in uris) == sorted("/vsicurl/" + h for h in hrefs)
    assert {u.providerKey for u in uris} == {"gdal"}
    assert {u.layerType for u in uris} == {"raster"}
    # an asset dragged from the details panel
    row = keys.index("B04")
    asset_mime = dock.asset_list.mimeData([dock.asset_list.item(row)])
    (uri,) = QgsMimeDataUtils.decodeUriList(asset_mime)
    assert uri.uri == "/vsicurl/" + BY_ID[other.id]["assets"]["B04"]["href"]
    # copy URL
    dock.asset_list.setCurrentRow(row)
    dock.copy_selected_url()
    from qgis.PyQt.QtWidgets import QApplication

    assert QApplication.clipboard().text() == BY_ID[other.id]["assets"]["B04"]["href"]


def test_each_search_has_its_own_footprints_layer(dock):
    check_collection(dock, data.FORMS_T)
    run_search(dock)
    first = dock.footprints.layer
    run_search(dock)
    second = dock.footprints.layer
    assert first.id() != second.id()
    assert first.featureCount() == second.featureCount() == dock.model.rowCount() > 0


def test_slow_search_keeps_the_event_loop_turning(dock_factory, stac_proxy):
    dock = dock_factory(stac_proxy.url)
    check_collection(dock, data.FORMS_T)
    stac_proxy.hold()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    dock.search()
    wait_until(stac_proxy.waiting.is_set)  # the server holds the search request
    held_at = len(ticks)
    wait_until(lambda: len(ticks) >= held_at + 10)  # the UI thread keeps running timers
    assert dock.is_searching() and dock.model.rowCount() == 0  # still waiting for the server
    assert dock.cancel_button.isEnabled()
    stac_proxy.release()
    wait_until(lambda: not dock.is_searching())
    timer.stop()
    want = {i["id"] for i in ITEMS if i["collection"] == data.FORMS_T}
    assert {i.id for i in dock.model.items} == want


def test_cancel_stops_the_search(dock_factory, stac_proxy):
    dock = dock_factory(stac_proxy.url)
    check_collection(dock, data.FORMS_T)
    stopped = []
    dock.searchStopped.connect(lambda: stopped.append(1))
    stac_proxy.hold()
    dock.search()
    wait_until(stac_proxy.waiting.is_set)
    dock.cancel_button.click()
    wait_until(lambda: not dock.is_searching())  # returns while the server still holds it
    assert stopped == [1]
    assert dock.model.rowCount() == 0
    assert "cancel" in dock.status_label.text().lower()
    assert not dock.more_button.isEnabled()
    stac_proxy.release()


FAULTS = {
    "500": (lambda h, r: h.send_json(500, {"detail": "pgstac is down"}), ["500"]),
    "401": (
        lambda h, r: h.send_json(401, {"detail": "no"}, {"WWW-Authenticate": 'Basic realm="x"'}),
        ["401"],
    ),
    "403": (lambda h, r: h.send_json(403, {"detail": "forbidden"}), ["403"]),
    "404": (lambda h, r: h.send_json(404, {"detail": "no such API"}), ["404"]),
    "malformed": (lambda h, r: h.send_body(200, b'{"links": [tru'), ["JSON"]),
    "reset": (lambda h, r: h.reset_connection(), ["connection"]),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_server_fault_reaches_the_message_bar(dock_factory, http_server, qgis_iface, fault):
    handler, words = FAULTS[fault]
    http_server.add_route("/broken-stac", handler)
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    from theia_plugin.core.catalogue.connections import Connection
    from theia_plugin.ui.catalogue_dock import CatalogueDock

    dock = CatalogueDock(qgis_iface, qgis_iface.mainWindow())
    try:
        dock.add_connection(Connection("Broken", http_server.url("/broken-stac"), "stac"))
        wait_until(lambda: bar.currentItem() is not None)
        item = bar.currentItem()
        assert http_server.url("/broken-stac") in item.title()  # which catalogue failed
        assert item.level() == Qgis.MessageLevel.Critical
        text = item.text()
        assert any(word.lower() in text.lower() for word in words), text
    finally:
        dock.shutdown()
        dock.deleteLater()


def test_add_item_as_group_with_true_colour(dock, http_server, tmp_path, monkeypatch):
    from qgis.core import QgsRasterLayer

    from tests.servers.static_files import make_cog, static_route
    from theia_plugin.core.catalogue.model import CatalogueItem
    from theia_plugin.toolbelt.preferences import PlgOptionsManager

    monkeypatch.setattr(
        PlgOptionsManager.get_plg_settings().__class__,
        "resolved_cache_folder",
        lambda self: tmp_path / "cache",
    )
    for key in ("B02", "B03", "B04", "B08"):
        make_cog(tmp_path / "files" / f"{key}.tif")
    http_server.add_route("/files", static_route(tmp_path / "files", "/files"))
    signed = []

    def signer(urls):
        signed.append(list(urls))
        return {u: u + "?sig=ok" for u in urls}

    dock.signer = signer
    cog = "image/tiff; application=geotiff; profile=cloud-optimized"
    item = CatalogueItem.from_stac(
        {
            "id": "S2B_TEST",
            "collection": data.S2_L2A,
            "properties": {"datetime": "2022-07-01T10:53:00Z"},
            "assets": {
                k: {"href": http_server.url(f"/files/{k}.tif"), "type": cog, "roles": ["data"]}
                for k in ("B02", "B03", "B04", "B08")
            },
        }
    )
    dock.last_true_colour = None
    group = dock.add_item_group(item)
    wait_until(lambda: dock.last_true_colour is not None)
    layers = [node.layer() for node in group.findLayers()]
    assert all(isinstance(layer, QgsRasterLayer) and layer.isValid() for layer in layers)
    assert len(layers) == 5  # true colour first, then the four bands
    rgb = layers[0]
    assert rgb is dock.last_true_colour and rgb.bandCount() == 3
    assert rgb.renderer().type() == "multibandcolor"
    assert group.findLayers()[0].itemVisibilityChecked()
    assert not any(node.itemVisibilityChecked() for node in group.findLayers()[1:])
    assert all(layer.source().endswith("?sig=ok") for layer in layers[1:])
    assert len(signed) == 1 and len(signed[0]) == 4  # one batch for the item
    hrefs = {a.href for a in item.assets.values()}
    assert {layer.customProperty("theia/source_url") for layer in layers[1:]} == hrefs


def test_unreachable_asset_is_reported(dock, qgis_iface, http_server):
    from theia_plugin.core.catalogue.layers import LayerSpec

    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    layer = dock.add_layer(LayerSpec("gdal", "/vsicurl/" + http_server.url("/status/404"), "gone"))
    assert layer is None
    item = bar.currentItem()
    assert item is not None and "gone" in item.text()


def test_saved_search_restores_exactly(dock_factory, stac_api, tmp_path, monkeypatch):
    from qgis.PyQt.QtCore import QDate

    from theia_plugin.core.catalogue.saved_searches import SavedSearchFile
    from theia_plugin.ui import catalogue_dock

    file = SavedSearchFile(tmp_path / "saved-searches.json")
    monkeypatch.setattr(catalogue_dock, "saved_search_file", lambda: file)
    first = dock_factory(stac_api.url)
    first.keywords_edit.setText("Toulouse forêt")
    first.set_bbox(TOULOUSE_BBOX)
    first.dates_group.setChecked(True)
    first.start_edit.setDate(QDate(2019, 3, 1))
    first.end_edit.setDate(QDate(2020, 10, 31))
    first.cloud_check.setChecked(True)
    first.cloud_spin.setValue(25)
    first.sort_combo.setCurrentIndex(1)
    first.set_themes(["vegetation"])
    check_collection(first, data.FORMS_T)
    saved = first.request()
    first.save_search("forests")
    assert file.names() == ["forests"]  # the profile's file, written atomically
    second = dock_factory(stac_api.url)
    second.connection_combo.setCurrentIndex(0)  # another catalogue selected meanwhile
    assert [second.saved_combo.itemText(i) for i in range(second.saved_combo.count())][1:] == [
        "forests"
    ]
    second.restore_search("forests")
    wait_until(lambda: second._checked_list_items())
    assert second.connection().url == stac_api.url
    assert second.request() == saved
    assert second.request().to_dict() == saved.to_dict()


def test_area_follows_the_map_until_the_user_sets_one(dock, qgis_iface):
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    dock.extent_box.setChecked(True)
    dock.use_canvas_extent()
    canvas.setExtent(QgsRectangle(1.0, 43.0, 2.0, 44.0))
    west, south, east, north = dock.bbox()
    assert west <= 1.0 and east >= 2.0 and south <= 43.0 and north >= 44.0
    canvas.setExtent(QgsRectangle(5.0, 45.0, 6.0, 46.0))
    assert dock.bbox()[0] <= 5.0 and dock.bbox()[2] >= 6.0
    dock.set_bbox(TOULOUSE_BBOX)  # chosen by the user: the map no longer moves it
    canvas.setExtent(QgsRectangle(-1.0, 42.0, 0.0, 43.0))
    assert dock.bbox() == pytest.approx(TOULOUSE_BBOX)


def test_add_asset_from_the_details_panel(dock, http_server, tmp_path):
    from tests.servers.static_files import make_cog, static_route
    from theia_plugin.core.catalogue.model import CatalogueItem

    make_cog(tmp_path / "height.tif")
    http_server.add_route("/files", static_route(tmp_path, "/files"))
    item = CatalogueItem.from_stac(
        {
            "id": "FORMS-T_TEST",
            "collection": data.FORMS_T,
            "properties": {
                "start_datetime": "2021-01-01T00:00:00Z",
                "end_datetime": "2021-12-31T23:59:59Z",
            },
            "assets": {
                "height": {
                    "href": http_server.url("/files/height.tif"),
                    "type": "image/tiff",
                    "title": "Height",
                },
                "md": {"href": http_server.url("/files/md.xml"), "type": "application/xml"},
            },
        }
    )
    signed = []
    dock.signer = lambda urls: signed.extend(urls) or {u: u for u in urls}
    dock._show_details(item)
    project = QgsProject.instance()
    before = set(project.mapLayers())
    dock.asset_list.setCurrentRow(0)
    dock.add_asset_button.click()
    wait_until(lambda: set(project.mapLayers()) - before)
    (layer_id,) = set(project.mapLayers()) - before
    layer = project.mapLayer(layer_id)
    assert layer.isValid() and layer.name() == "FORMS-T_TEST — Height"
    assert signed == [item.assets["height"].href]
