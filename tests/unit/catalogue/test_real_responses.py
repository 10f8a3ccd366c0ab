"""Every real catalogue response (``real_responses/``, copied byte for byte from
``shared/data/real-responses``) goes through the parsers.

JSON files: STAC item pages and GEODES searches/items become :class:`CatalogueItem`; the GEODES
collection is classified into CES themes. XML files (MTD collections after a JSON→XML
conversion) are not a format the plugin reads from servers: their id, title, description and
keywords are read back into a collection dict and classified.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from theia_plugin.core.catalogue.model import CatalogueItem
from theia_plugin.core.catalogue.themes import load_themes

HERE = Path(__file__).parent / "real_responses"
# The shared folder every developer and CI machine has beside the project (../shared).
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "real-responses"
FILES = sorted(p.name for p in HERE.iterdir() if p.suffix in (".json", ".xml"))
UTC = timezone.utc


def load(name: str) -> Any:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def test_every_file_has_a_test():
    tested = {name for name, _ in CASES}
    assert tested == set(FILES)
    assert len(FILES) == 10


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared data folder not present")
def test_copies_are_identical_to_the_shared_files():
    for name in FILES:
        assert (HERE / name).read_bytes() == (SHARED / name).read_bytes(), name


def check_mtd_page(name: str) -> None:
    page = load(name)
    assert page["context"] == {"limit": 12, "returned": 12}  # no total: never needed
    items = [CatalogueItem.from_stac(f) for f in page["features"]]
    assert len(items) == 12
    for item, feature in zip(items, page["features"]):
        assert item.id == feature["id"]
        assert item.collection == "sentinel2-l2a-sen2cor"
        assert item.datetime is not None and item.datetime.tzinfo == UTC
        assert item.start == item.end == item.datetime
        assert item.cloud_cover == feature["properties"]["eo:cloud_cover"]
        assert item.properties["s2:mgrs_tile"] == feature["properties"]["s2:mgrs_tile"]
        assert item.geometry["type"] == "Polygon"
        assert len(item.bbox) == 4
        assert item.self_href.endswith("/items/" + item.id)
        # the fixture authors emptied (or removed) the assets
        assert set(item.assets) == set(feature.get("assets") or {})
    nxt = next(link for link in page["links"] if link["rel"] == "next")
    assert "token=next:sentinel2-l2a-sen2cor:" in nxt["href"]


def check_mtd_page_1(name: str) -> None:
    check_mtd_page(name)
    first = CatalogueItem.from_stac(load(name)["features"][0])
    assert first.id == "S2C_20251029T071221025000Z_38LQH_0511_afbd406add"
    assert first.datetime == datetime(2025, 10, 29, 7, 12, 21, 25000, tzinfo=UTC)
    assert first.cloud_cover == 0.22


def check_mtd_date_modified(name: str) -> None:
    check_mtd_page(name)
    years = {CatalogueItem.from_stac(f).datetime.year for f in load(name)["features"]}
    assert years <= {2016, 2017, 2018, 2019}


def check_geodes_search(name: str) -> None:
    from theia_plugin.core.catalogue.geodes_backend import GeodesCatalogue

    page = GeodesCatalogue.parse_page(load(name))
    assert page.matched == 37273723 and page.returned == 1
    (item,) = page.items
    assert item.source == "geodes"
    assert item.id == "URN:FEATURE:DATA:gdh:25416e3f-1a7f-379a-9b65-a6539b1fd95b:V1"
    assert item.collection == "PEPS_S2_L1C"
    # GEODES' "datetime" is the publication time: acquisition is start_datetime
    assert item.datetime == item.start == datetime(2025, 4, 2, 17, 57, 41, 24000, tzinfo=UTC)
    assert item.properties["datetime"].startswith("2025-04-03")
    assert item.title == "S2A_MSIL1C_20250402T175741_N0511_R141_T14ULD_20250403T022035"
    assert item.properties["grid:code"] == "T14ULD"
    assert round(item.cloud_cover, 2) == 67.55
    assert item.thumbnail.startswith("https://geodes-portal.cnes.fr/api/quicklook/")
    zips = [a for a in item.assets.values() if a.type == "application/zip"]
    assert len(zips) == 1 and "/api/download/" in zips[0].href and zips[0].roles == ("data",)


def check_geodes_item(name: str) -> None:
    item = CatalogueItem.from_geodes(load(name))
    assert item.collection == "PEPS_S1_L1"
    assert item.start == datetime(2025, 12, 17, 23, 2, 48, 679000, tzinfo=UTC)
    assert item.end == datetime(2025, 12, 17, 23, 3, 17, 958000, tzinfo=UTC)
    assert item.datetime == item.start
    assert item.thumbnail.endswith("?scope=gdh")
    assert item.self_href.endswith(item.id)
    assert any(a.href.split("/files/")[0].endswith(item.id) for a in item.assets.values())


def check_geodes_collection(name: str) -> None:
    collection = load(name)
    themes = load_themes().classify(collection)
    # keywords "sar", "backscatter" and summaries.theme "cryosphere", "bioSphere",
    # "terrestrial hydrosphere"
    assert "imaging.radar" in themes and "imaging" in themes
    assert "cryosphere" in themes
    assert "vegetation" in themes
    assert "inland-waters" in themes


def xml_collection(name: str) -> dict[str, Any]:
    """The top-level id/title/description/keywords of a JSON→XML converted collection."""
    root = ET.parse(HERE / name).getroot()
    out: dict[str, Any] = {"keywords": [k.text for k in root.findall("keywords") if k.text]}
    for key in ("id", "title", "description"):
        element = root.find(key)
        if element is not None and element.text:
            out[key] = element.text
    return out


def check_xml(expected_themes: set[str]):
    def check(name: str) -> None:
        collection = xml_collection(name)
        assert collection["id"] in name
        assert expected_themes <= set(load_themes().classify(collection))

    return check


CASES = [
    ("mtd-sen2cor-items-stac-items-page-1.json", check_mtd_page_1),
    ("mtd-sen2cor-items-stac-items-page-2.json", check_mtd_page),
    ("mtd-sen2cor-items-stac-items-no-date.json", check_mtd_page),
    ("mtd-sen2cor-items-stac-items-date-modified.json", check_mtd_date_modified),
    ("geodes-search-response-eodag-fixture.json", check_geodes_search),
    ("geodes-item-PEPS_S1_L1-pygeodes-fixture.json", check_geodes_item),
    ("geodes-collection-PEPS_S1_L1-pygeodes-fixture.json", check_geodes_collection),
    ("mtd-collection-forms-t.geonetwork-harvester-input.xml", check_xml({"vegetation.forests"})),
    (
        "mtd-collection-s1-grd-sigma0-ortho.geonetwork-harvester-input.xml",
        check_xml({"imaging.radar"}),
    ),
    (
        "mtd-collection-sentinel-2-radiometric-indices.geonetwork-harvester-input.xml",
        check_xml({"imaging.indices"}),
    ),
]


@pytest.mark.parametrize(("name", "check"), CASES, ids=[name for name, _ in CASES])
def test_real_response(name, check):
    check(name)
