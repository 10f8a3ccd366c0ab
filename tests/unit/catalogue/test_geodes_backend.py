"""GEODES: request bodies, response parsing (real responses) and page-number paging.

No GEODES double exists yet: paging runs against a stub client replaying the real response.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from theia_plugin.core.catalogue.geodes_backend import MAX_LIMIT, GeodesCatalogue
from theia_plugin.core.catalogue.model import SearchRequest, SortOrder
from theia_plugin.net import InvalidResponseError

HERE = Path(__file__).parent / "real_responses"
SEARCH = json.loads((HERE / "geodes-search-response-eodag-fixture.json").read_text("utf-8"))
ITEM = json.loads((HERE / "geodes-item-PEPS_S1_L1-pygeodes-fixture.json").read_text("utf-8"))


def test_body_full():
    request = SearchRequest(
        bbox=(1.3, 43.5, 1.5, 43.7),
        start="2024-01-01",
        end="2024-03-31",
        collections=("THEIA_REFLECTANCE_SENTINEL2_L2A",),
        max_cloud_cover=30,
        filters={"s2:mgrs_tile": ("=", "31tcj"), "sat:relative_orbit": ("in", [8, 51])},
        page_size=200,
    )
    body = GeodesCatalogue().body(request, page=3)
    assert body == {
        "page": 3,
        "limit": MAX_LIMIT,
        "collections": ["THEIA_REFLECTANCE_SENTINEL2_L2A"],
        "bbox": [1.3, 43.5, 1.5, 43.7],
        "query": {
            "end_datetime": {"gte": "2024-01-01T00:00:00Z"},
            "start_datetime": {"lte": "2024-03-31T23:59:59.999999Z"},
            "eo:cloud_cover": {"lte": 30.0},
            "grid:code": {"eq": "T31TCJ"},
            "sat:relative_orbit": {"in": [8, 51]},
        },
        "sortBy": [{"field": "start_datetime", "direction": "dsc"}],
    }
    json.dumps(body)  # serialisable as is


def test_body_minimal_and_ascending():
    body = GeodesCatalogue().body(SearchRequest(sort=SortOrder("datetime", True), page_size=10))
    assert body == {
        "page": 1,
        "limit": 10,
        "sortBy": [{"field": "start_datetime", "direction": "asc"}],
    }


def test_body_open_intervals_and_like():
    body = GeodesCatalogue().body(
        SearchRequest(start="2024-01-01", filters={"identifier": ("like", "%T31TCJ%")})
    )
    assert body["query"] == {
        "end_datetime": {"gte": "2024-01-01T00:00:00Z"},
        "identifier": {"contains": "T31TCJ"},
    }


def test_body_themes():
    catalogue = GeodesCatalogue()
    body = catalogue.body(SearchRequest(themes=("cryosphere",)))
    assert body["collections"] == [
        "THEIA_SNOW_SENTINEL2_L2B",
        "THEIA_SNOW_LANDSAT8_L2B",
        "THEIA_SNOW_MULTISAT_L3B",
    ]
    discovered = [{"id": "THEIA_GLACIERS_X", "title": "Glacier outlines", "keywords": ["glacier"]}]
    body = catalogue.body(SearchRequest(themes=("cryosphere.glaciers",)), discovered=discovered)
    assert body["collections"] == ["THEIA_GLACIERS_X"]
    assert catalogue.body(SearchRequest(themes=("inland-waters.irrigation",))) is None


def test_parse_real_search_response():
    page = GeodesCatalogue.parse_page(SEARCH)
    assert page.matched == 37273723
    assert [item.collection for item in page.items] == ["PEPS_S2_L1C"]


def test_parse_rejects_non_search_responses():
    with pytest.raises(InvalidResponseError, match="without a “features” list"):
        GeodesCatalogue.parse_page({"detail": "oops"})


class StubClient:
    """Replays GEODES pages built from the real item; records the bodies."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bodies: list[dict[str, Any]] = []

    def post_json(self, url: str, json: Any, **kwargs: Any) -> Any:
        assert url == "https://geodes.test/api/stac/search"
        assert kwargs.get("idempotent") is True
        self.bodies.append(copy.deepcopy(json))
        first = (json["page"] - 1) * json["limit"]
        count = max(0, min(json["limit"], self.total - first))
        features = []
        for n in range(first, first + count):
            feature = copy.deepcopy(ITEM)
            feature["id"] = f"URN:FEATURE:DATA:gdh:{n:04d}:V1"
            feature["properties"]["identifier"] = f"S1C_PRODUCT_{n:04d}"
            features.append(feature)
        return {
            "type": "FeatureCollection",
            "features": features,
            "context": {"returned": count, "limit": json["limit"], "matched": self.total},
        }


@pytest.mark.parametrize("total", [0, 7, 80, 205])
def test_paging_by_page_number(total):
    stub = StubClient(total)
    catalogue = GeodesCatalogue("https://geodes.test/api/stac/", stub)  # type: ignore[arg-type]
    pages = list(catalogue.search(SearchRequest(page_size=100)))
    ids = [item.id for page in pages for item in page]
    assert len(ids) == len(set(ids)) == total
    assert [b["page"] for b in stub.bodies] == list(range(1, max(1, -(-total // 80)) + 1))
    assert all(b["limit"] == 80 for b in stub.bodies)


def test_keywords_are_matched_on_the_client():
    stub = StubClient(30)
    catalogue = GeodesCatalogue("https://geodes.test/api/stac", stub)  # type: ignore[arg-type]
    pages = list(catalogue.search(SearchRequest(keywords="product_0012", page_size=10)))
    assert [item.id for page in pages for item in page] == ["URN:FEATURE:DATA:gdh:0012:V1"]
    assert "q" not in stub.bodies[0]


@pytest.mark.parametrize("total", [7, 80, 205])
def test_session_knows_the_last_page_from_matched(total):
    from theia_plugin.core.catalogue.session import SearchSession

    stub = StubClient(total)
    catalogue = GeodesCatalogue("https://geodes.test/api/stac", stub)  # type: ignore[arg-type]
    session = SearchSession(catalogue, SearchRequest(page_size=80))
    seen = 0
    while not session.exhausted:
        seen += len(session.next_page())
    assert seen == total
    # no request past the end: "Load more" can be disabled with the last page
    assert len(stub.bodies) == -(-total // 80)
