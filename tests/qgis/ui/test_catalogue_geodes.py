"""The dock on the built-in-style GEODES connection, pointed at the local GEODES-like
service: paging by page number up to ``context.matched``, footprints, quicklooks."""

from __future__ import annotations

from tests.qgis.ui.conftest import wait_until
from tests.qgis.ui.test_catalogue_dock import run_search
from tests.servers.geodes.data import L2A as GEODES_L2A
from tests.servers.geodes.data import TILES


def test_geodes_search_pages_to_matched_with_footprints_and_quicklooks(
    dock_factory, geodes_service
):
    dock = dock_factory(geodes_service.stac_url, "geodes")
    assert dock.connection().kind == "geodes"
    dock.set_collections([GEODES_L2A])
    west, south, east, north = TILES["T32TLR"]
    dock.set_bbox((west + 0.2, south + 0.2, east - 0.2, north - 0.2))
    want = {
        i["id"]
        for i in geodes_service.items(dataset=GEODES_L2A)
        if i["properties"]["grid:code"] == "T32TLR"
    }
    assert 100 < len(want) < 150  # three pages of 50
    run_search(dock)
    counts = [dock.model.rowCount()]
    while dock.more_button.isEnabled():
        dock.more_button.click()
        wait_until(lambda: not dock.is_searching())
        counts.append(dock.model.rowCount())
    # the button goes off with the last page: context.matched said so, no empty page asked
    assert counts == [50, 100, len(want)]
    searches = [r for r in geodes_service.requests if r.path == "/api/stac/search"]
    assert len(searches) == 3
    assert {i.id for i in dock.model.items} == want
    assert dock.status_label.text() == f"{len(want)} results"
    layer = dock.footprints.layer
    assert layer.featureCount() == len(want)
    assert {f["id"] for f in layer.getFeatures()} == want
    # quicklooks from /api/quicklook become thumbnails
    wait_until(lambda: len(dock.model.thumbnails) == len(want))
    assert all(not pixmap.isNull() for pixmap in dock.model.thumbnails.values())
    quicklooks = [r for r in geodes_service.requests if r.path.startswith("/api/quicklook/")]
    assert len(quicklooks) >= len(want)
