""" "Search Theia catalogue" through processing.run against the real local STAC API."""

from __future__ import annotations

import pytest
from qgis import processing
from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from tests.servers.fixtures import clear_proxy_env
from tests.servers.stac_api import theia_data as data
from theia_plugin.core.catalogue.model import parse_datetime
from theia_plugin.processing.provider import TheiaProvider

ALG = "theia:searchcatalogue"
ITEMS = data.items()


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch):
    clear_proxy_env(monkeypatch)


@pytest.fixture(scope="module")
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    provider = TheiaProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


def test_listed_in_the_provider(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    assert algorithm is not None and algorithm.groupId() == "catalogue"


def test_search_outputs_footprints_and_asset_urls(provider, stac_api, tmp_path):
    urls = tmp_path / "urls.txt"
    result = processing.run(
        ALG,
        {
            "CATALOGUE": stac_api.url,
            "COLLECTIONS": data.S2_L2A,
            "EXTENT": "1.3,1.5,43.5,43.7 [EPSG:4326]",
            "START": "2020-01-01",
            "END": "2020-12-31",
            "MAX_CLOUD": 50,
            "MAX_ITEMS": 100,
            "ASSETS": "B04,B08",
            "OUTPUT": str(tmp_path / "footprints.gpkg"),
            "URLS": str(urls),
        },
        feedback=QgsProcessingFeedback(),
    )
    start, end = parse_datetime("2020-01-01"), parse_datetime("2020-12-31", end=True)
    want = [
        i
        for i in ITEMS
        if i["collection"] == data.S2_L2A
        and i["properties"]["s2:mgrs_tile"] == "31TCJ"
        and start <= parse_datetime(i["properties"]["datetime"]) <= end
        and i["properties"]["eo:cloud_cover"] <= 50
    ]
    assert want and result["COUNT"] == len(want)
    layer = QgsVectorLayer(result["OUTPUT"], "footprints", "ogr")
    assert layer.isValid() and layer.featureCount() == len(want)
    assert {f["id"] for f in layer.getFeatures()} == {i["id"] for i in want}
    assert {f["s2:mgrs_tile"] for f in layer.getFeatures()} == {"31TCJ"}
    lines = urls.read_text().splitlines()
    assert sorted(lines) == sorted(i["assets"][k]["href"] for i in want for k in ("B04", "B08"))


def test_max_items_stops_paging(provider, stac_api, tmp_path):
    result = processing.run(
        ALG,
        {
            "CATALOGUE": stac_api.url,
            "COLLECTIONS": data.S2_L2A,
            "MAX_ITEMS": 7,
            "OUTPUT": "memory:",
            "URLS": str(tmp_path / "urls.txt"),
        },
    )
    assert result["COUNT"] == 7
    # main assets: the ten bands of each item
    assert len((tmp_path / "urls.txt").read_text().splitlines()) == 7 * len(data.S2_BANDS)


def test_bad_dates_and_failing_server_are_named(provider, stac_api, http_server, tmp_path):
    with pytest.raises(QgsProcessingException, match="start date"):
        processing.run(
            ALG,
            {
                "CATALOGUE": stac_api.url,
                "START": "2021-06-01",
                "END": "2020-01-01",
                "OUTPUT": "memory:",
                "URLS": str(tmp_path / "u.txt"),
            },
        )
    http_server.add_route("/down", lambda h, r: h.send_json(500, {"detail": "pgstac is down"}))
    with pytest.raises(QgsProcessingException, match="failed"):
        processing.run(
            ALG,
            {
                "CATALOGUE": http_server.url("/down"),
                "OUTPUT": "memory:",
                "URLS": str(tmp_path / "u.txt"),
            },
        )
    assert not (tmp_path / "u.txt").exists()  # nothing half-written
