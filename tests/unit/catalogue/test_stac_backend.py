"""StacCatalogue against the real local STAC API (PostgreSQL + pgstac + stac-fastapi-pgstac).

Expected results are computed from the same deterministic data
(:mod:`tests.servers.stac_api.theia_data`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any, Callable

import pytest

from tests.servers.stac_api import theia_data as data
from theia_plugin.core.catalogue.model import CatalogueItem, SearchRequest, SortOrder
from theia_plugin.core.catalogue.stac_backend import Capabilities, StacCatalogue
from theia_plugin.net import CancelledError, HttpError, NetworkError, create_client

ITEMS = data.items()
TOULOUSE_BBOX = (1.3, 43.5, 1.5, 43.7)  # inside T31TCJ only
UTC = timezone.utc


def expected(predicate: Callable[[dict[str, Any]], bool]) -> set[str]:
    return {i["id"] for i in ITEMS if predicate(i)}


def tile(item: dict[str, Any]) -> str:
    return item["properties"].get("s2:mgrs_tile", "")


def year(item: dict[str, Any]) -> int:
    props = item["properties"]
    return int((props.get("datetime") or props["start_datetime"])[:4])


@pytest.fixture
def catalogue(stac_api) -> Iterator[StacCatalogue]:
    with create_client() as client:
        yield StacCatalogue(stac_api.url, client)


def run(catalogue: StacCatalogue, request: SearchRequest) -> list[list[CatalogueItem]]:
    return list(catalogue.search(request))


def ids(pages: list[list[CatalogueItem]]) -> list[str]:
    return [item.id for page in pages for item in page]


def test_capabilities_and_collections(catalogue):
    caps = catalogue.capabilities()
    assert caps.item_search and caps.query and caps.filter and caps.sort
    assert not caps.free_text  # free text only for collections on this server
    assert {c["id"] for c in catalogue.collections()} == set(data.COLLECTION_IDS)
    assert catalogue.capabilities() is caps  # read once


def test_queryables(catalogue):
    s2 = catalogue.queryables([data.S2_L2A])
    assert {"eo:cloud_cover", "s2:mgrs_tile", "sat:relative_orbit", "platform"} <= set(s2)
    assert s2["eo:cloud_cover"]["type"] == "number"
    assert "geometry" not in s2
    both = catalogue.queryables([data.SNOW_L2B, data.SNOW_L3B])
    assert {"eo:snow_cover", "s2:mgrs_tile"} <= set(both)
    assert "datetime" in catalogue.queryables()  # server-wide
    assert catalogue.queryables(["no-such-collection"]) == {}


def test_collection_bbox_dates(catalogue):
    request = SearchRequest(
        collections=(data.S2_L2A,), bbox=TOULOUSE_BBOX, start="2020-01-01", end="2020-12-31"
    )
    pages = run(catalogue, request)
    want = expected(
        lambda i: i["collection"] == data.S2_L2A and tile(i) == "31TCJ" and year(i) == 2020
    )
    assert len(want) == data.S2_PER_TILE_YEAR
    assert set(ids(pages)) == want
    item = pages[0][0]
    assert item.collection == data.S2_L2A
    assert item.datetime is not None and item.datetime.year == 2020
    assert {*data.S2_BANDS, "ql"} <= set(item.assets)
    assert item.thumbnail.endswith("/ql.jpg")
    assert item.assets["B04"].href.startswith(data.DEFAULT_ASSETS_BASE)
    assert item.properties["s2:mgrs_tile"] == "31TCJ"


def test_intersects_geometry(catalogue):
    polygon = {
        "type": "Polygon",
        "coordinates": [[[1.3, 43.5], [1.5, 43.5], [1.5, 43.7], [1.3, 43.7], [1.3, 43.5]]],
    }
    request = SearchRequest(collections=(data.S2_L2A,), intersects=polygon, start="2020-01-01",
                            end="2020-12-31")  # fmt: skip
    want = expected(
        lambda i: i["collection"] == data.S2_L2A and tile(i) == "31TCJ" and year(i) == 2020
    )
    assert set(ids(run(catalogue, request))) == want


def test_plans_follow_conformance(catalogue):
    base = "https://api.stacspec.org/v1.0.0/item-search"
    request = SearchRequest(
        keywords="snow", max_cloud_cover=15, filters={"platform": ("=", "sentinel-2a")}
    )
    # free text and the query extension
    catalogue._capabilities = Capabilities([base, base + "#free-text", base + "#query"])
    plan = catalogue.plan(request)
    assert plan.extra == {"q": "snow"}
    assert plan.parameters["query"] == {
        "eo:cloud_cover": {"lte": 15.0},
        "platform": {"eq": "sentinel-2a"},
    }
    assert "filter" not in plan.parameters and "sortby" not in plan.parameters
    assert plan.client_filters == {} and plan.keyword_collections is None
    # CQL2 only: cloud cover and queryables in the filter
    catalogue._capabilities = Capabilities(
        [base, base + "#filter", "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json"]
    )
    plan = catalogue.plan(request)
    assert "query" not in plan.parameters
    args = plan.parameters["filter"]["args"]
    assert args[1:] == [
        {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 15.0]},
        {"op": "=", "args": [{"property": "platform"}, "sentinel-2a"]},
    ]
    assert args[0]["op"] == "or"  # the keyword


def test_keywords_match_collections_metadata(catalogue):
    # "cryosphere" is only in the snow collections' keywords
    pages = run(catalogue, SearchRequest(keywords="Cryosphère", page_size=100))
    want = expected(lambda i: i["collection"] in (data.SNOW_L2B, data.SNOW_L3B))
    got = ids(pages)
    assert len(got) == len(set(got)) == len(want)
    assert set(got) == want
    assert catalogue.plan(SearchRequest(keywords="x")).parameters["filter"]["op"] == "or"


def test_keywords_match_item_ids(catalogue):
    pages = run(catalogue, SearchRequest(keywords="forms-t_t31tcj"))
    assert set(ids(pages)) == expected(lambda i: i["id"].startswith("FORMS-T_T31TCJ_"))


def test_cloud_cover(catalogue):
    request = SearchRequest(collections=(data.S2_L2A,), max_cloud_cover=10, page_size=200)
    plan = catalogue.plan(request)
    assert plan.parameters["query"] == {"eo:cloud_cover": {"lte": 10.0}}
    got = ids(run(catalogue, request))
    want = expected(
        lambda i: i["collection"] == data.S2_L2A and i["properties"]["eo:cloud_cover"] <= 10
    )
    assert 10 < len(want) < 200
    assert sorted(got) == sorted(want)


@pytest.mark.parametrize(
    ("collection", "start", "end", "years"),
    [
        (data.FORMS_T, "2021-06-01", "2021-06-30", {2021}),
        (data.FORMS_T, "2020-12-15", "2021-01-15", {2020, 2021}),
        (data.FORMS_T, "2024-03-01", None, {2024}),
        (data.FORMS_T, None, "2018-02-01", {2018}),
        (data.SNOW_L3B, "2020-01-01", "2020-01-31", {2019}),  # hydrological year 2019-09..2020-08
    ],
)
def test_range_datetime_items_found_by_overlap(catalogue, collection, start, end, years):
    request = SearchRequest(collections=(collection,), start=start, end=end, page_size=100)
    items = [item for page in run(catalogue, request) for item in page]
    want = expected(lambda i: i["collection"] == collection and year(i) in years)
    assert want and {i.id for i in items} == want
    for item in items:
        assert item.datetime is None  # pgstac drops the null datetime of range items
        assert item.start is not None and item.end is not None
        assert item.overlaps(request.start, request.end)


@pytest.mark.parametrize(
    ("collection", "start", "end"),
    [
        (data.FORMS_T, "2030-01-01", "2030-12-31"),
        (data.FORMS_T, "2010-01-01", "2017-12-31"),
        (data.SNOW_L3B, "2018-01-01", "2018-08-31"),  # before the first hydrological year
    ],
)
def test_range_datetime_items_not_found_by_disjoint_interval(catalogue, collection, start, end):
    assert run(catalogue, SearchRequest(collections=(collection,), start=start, end=end)) == []


@pytest.mark.parametrize("ascending", [False, True])
def test_sort(catalogue, ascending):
    request = SearchRequest(
        collections=(data.S2_L2A,), sort=SortOrder("datetime", ascending), page_size=30
    )
    pages = catalogue.search(request)
    first = next(pages)
    dates = [item.datetime for item in first]
    assert dates == sorted(dates, reverse=not ascending)
    all_dates = [
        datetime.fromisoformat(i["properties"]["datetime"].replace("Z", "+00:00"))
        for i in ITEMS
        if i["collection"] == data.S2_L2A
    ]
    assert dates[0] == (min(all_dates) if ascending else max(all_dates))
    assert SearchRequest().sort.ascending is False  # newest first by default


def test_paging_returns_every_item_exactly_once(catalogue):
    request = SearchRequest(collections=(data.S2_L2A,), bbox=TOULOUSE_BBOX, page_size=10)
    pages = run(catalogue, request)
    want = expected(lambda i: i["collection"] == data.S2_L2A and tile(i) == "31TCJ")
    assert len(want) == len(data.YEARS) * data.S2_PER_TILE_YEAR
    assert len(pages) >= 3
    assert all(len(page) <= 10 for page in pages)
    got = ids(pages)
    assert len(got) == len(set(got)) == len(want)
    assert set(got) == want
    newest_first = [item.datetime for page in pages for item in page]
    assert newest_first == sorted(newest_first, reverse=True)


def test_cql2_queryable_filter_on_tile(catalogue):
    request = SearchRequest(
        collections=(data.S2_L2A,),
        filters={"s2:mgrs_tile": ("=", "31TGM"), "eo:cloud_cover": ("<", 30)},
        page_size=200,
    )
    plan = catalogue.plan(request)
    assert plan.parameters["filter_lang"] == "cql2-json"
    assert plan.parameters["filter"] == {
        "op": "and",
        "args": [
            {"op": "=", "args": [{"property": "s2:mgrs_tile"}, "31TGM"]},
            {"op": "<", "args": [{"property": "eo:cloud_cover"}, 30]},
        ],
    }
    want = expected(
        lambda i: (
            i["collection"] == data.S2_L2A
            and tile(i) == "31TGM"
            and i["properties"]["eo:cloud_cover"] < 30
        )
    )
    assert want and set(ids(run(catalogue, request))) == want
    orbits = SearchRequest(collections=(data.S2_L2A,), filters={"sat:relative_orbit": ("in", [8])})
    got = [i for page in run(catalogue, orbits) for i in page]
    assert got and {i.properties["sat:relative_orbit"] for i in got} == {8}


def test_themes_select_known_and_classified_collections(catalogue):
    # the snow collections of this server are not in the themes file: classified by keywords
    request = SearchRequest(themes=("cryosphere",), start="2021-01-01", end="2021-01-31")
    assert set(catalogue.plan(request).parameters["collections"]) == {
        data.SNOW_L2B,
        data.SNOW_L3B,
    }
    got = set(ids(run(catalogue, request)))
    want = expected(
        lambda i: (
            (i["collection"] == data.SNOW_L2B and i["properties"]["datetime"].startswith("2021-01"))
            or (i["collection"] == data.SNOW_L3B and year(i) == 2020)
        )  # 2020-09 .. 2021-08
    )
    assert any(i.startswith("SNOW-L3B") for i in want)
    assert got == want
    # known ids of the file present on this server
    forests = catalogue.plan(SearchRequest(themes=("vegetation.forests",)))
    assert forests.parameters["collections"] == [data.FORMS_T]
    # a theme without any collection here finds nothing (and does not search everything)
    assert run(catalogue, SearchRequest(themes=("inland-waters.irrigation",))) == []


def test_fallbacks_without_query_filter_or_sort(catalogue):
    """A bare item-search server: keywords, cloud cover and queryables are checked here."""
    catalogue._capabilities = Capabilities(["https://api.stacspec.org/v1.0.0/item-search"])
    request = SearchRequest(
        keywords="cryosphere",
        max_cloud_cover=20,
        filters={"s2:mgrs_tile": ("=", "31TGM")},
        page_size=50,
    )
    plan = catalogue.plan(request)
    assert not {"query", "filter", "sortby"} & set(plan.parameters)
    got = [item for page in run(catalogue, request) for item in page]
    want = expected(
        lambda i: (
            i["collection"] in (data.SNOW_L2B, data.SNOW_L3B)
            and tile(i) == "31TGM"
            and (i["properties"].get("eo:cloud_cover") is not None)
            and i["properties"]["eo:cloud_cover"] <= 20
        )
    )
    assert want and {i.id for i in got} == want


def test_server_error_is_a_typed_network_error_with_the_server_text(catalogue):
    # a server with the query extension only: "in" is a valid STAC query operator that
    # stac-fastapi rejects with a 400 and a JSON "detail"
    catalogue._capabilities = Capabilities(
        [
            "https://api.stacspec.org/v1.0.0/item-search",
            "https://api.stacspec.org/v1.0.0/item-search#query",
        ]
    )
    request = SearchRequest(collections=(data.S2_L2A,), filters={"platform": ("in", ["x"])})
    with pytest.raises(NetworkError) as caught:
        run(catalogue, request)
    error = caught.value
    assert isinstance(error, HttpError)
    assert error.status == 400
    assert "Input should be 'eq'" in error.server_message
    assert "HTTP 400" in str(error) and "Input should be" in str(error)


def test_cancel_between_pages(catalogue):
    class Feedback:
        canceled = False

        def isCanceled(self) -> bool:
            return self.canceled

    feedback = Feedback()
    pages = catalogue.search(SearchRequest(collections=(data.S2_L2A,), page_size=5), feedback)
    assert len(next(pages)) == 5
    feedback.canceled = True
    with pytest.raises(CancelledError):
        next(pages)


def test_unreachable_server_is_a_typed_error():
    with create_client(max_retries=0, timeout=5) as client:
        catalogue = StacCatalogue("http://127.0.0.1:9/stac", client)
        with pytest.raises(NetworkError):
            catalogue.capabilities()
