"""GeodesCatalogue against the GEODES-like local service (tests/servers/geodes): real HTTP."""

from __future__ import annotations

import json
import math
from datetime import datetime, timezone

import pytest

from tests.servers.fixtures import FAST_CLIENT_OPTIONS, clear_proxy_env
from tests.servers.geodes import GeodesService
from theia_plugin.core.catalogue.geodes_backend import MAX_LIMIT, GeodesCatalogue
from theia_plugin.core.catalogue.model import SearchRequest, SortOrder
from theia_plugin.net import (
    AuthenticationError,
    CancellationToken,
    CancelledError,
    ConnectionFailedError,
    HttpClient,
    InvalidResponseError,
    NotFoundError,
    RateLimitedError,
    RequestTimeoutError,
    ServerError,
)
from theia_plugin.net.requests_transport import RequestsTransport

L2A = "THEIA_REFLECTANCE_SENTINEL2_L2A"
L3A = "THEIA_REFLECTANCE_SENTINEL2_L3A"
SNOW = "THEIA_SNOW_SENTINEL2_L2B"
OSO = "THEIA_OSO_RASTER_L3B"
SEARCH = "/api/stac/search"


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_proxy_env(monkeypatch)


@pytest.fixture
def client():
    with HttpClient(RequestsTransport(), **FAST_CLIENT_OPTIONS) as made:
        yield made


@pytest.fixture
def geodes(geodes_service: GeodesService, client: HttpClient) -> GeodesCatalogue:
    return GeodesCatalogue(geodes_service.stac_url, client)


def run(catalogue: GeodesCatalogue, request: SearchRequest, feedback=None) -> list:
    return [item for page in catalogue.search(request, feedback) for item in page]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


# --- searching ----------------------------------------------------------------------------------


def test_collections_are_the_theia_ones(geodes: GeodesCatalogue, geodes_service):
    ids = [c["id"] for c in geodes.collections()]
    assert L2A in ids and SNOW in ids and OSO in ids
    assert geodes_service.requests_to("/api/stac/collections")[0].method == "POST"


def test_search_by_bbox_tile_and_cloud_cover(geodes: GeodesCatalogue, geodes_service):
    alps = (6.5, 45.2, 6.9, 45.6)  # inside T32TLR only
    items = run(geodes, SearchRequest(bbox=alps, collections=(L2A,), page_size=80))
    expected = geodes_service.items(dataset=L2A, **{"grid:code": "T32TLR"})
    assert len(items) == len(expected) > 0
    assert {i.properties["grid:code"] for i in items} == {"T32TLR"}

    request = SearchRequest(
        collections=(L2A,), filters={"s2:mgrs_tile": ("=", "31tch")}, max_cloud_cover=25
    )
    items = run(geodes, request)
    expected = [
        i
        for i in geodes_service.items(dataset=L2A, **{"grid:code": "T31TCH"})
        if i["properties"]["eo:cloud_cover"] <= 25
    ]
    assert sorted(i.id for i in items) == sorted(i["id"] for i in expected)
    assert items and all(i.cloud_cover <= 25 for i in items)
    body = json.loads(geodes_service.requests_to(SEARCH)[-1].body)
    assert body["query"]["grid:code"] == {"eq": "T31TCH"}


def test_search_by_drawn_geometry(geodes: GeodesCatalogue, geodes_service):
    triangle = {
        "type": "Polygon",
        "coordinates": [[[0.5, 43.5], [1.2, 43.5], [0.8, 43.9], [0.5, 43.5]]],
    }
    items = run(geodes, SearchRequest(intersects=triangle, collections=(L2A, SNOW)))
    assert items and {i.properties["grid:code"] for i in items} == {"T31TCH"}
    assert json.loads(geodes_service.requests_to(SEARCH)[0].body)["intersects"] == triangle


def test_search_by_dates_newest_first(geodes: GeodesCatalogue):
    request = SearchRequest(start="2023-03-01", end="2023-03-31", collections=(L2A,))
    items = run(geodes, request)
    assert items
    assert all(utc(2023, 3, 1) <= i.datetime <= utc(2023, 3, 31, 23, 59, 59) for i in items)
    assert [i.datetime for i in items] == sorted((i.datetime for i in items), reverse=True)
    # 3 tiles, an acquisition every 5 days
    assert len(items) in (18, 19, 20, 21)

    oldest = run(geodes, SearchRequest(collections=(L2A,), sort=SortOrder("datetime", True)))
    assert [i.datetime for i in oldest] == sorted(i.datetime for i in oldest)


def test_range_items_overlap_the_dates(geodes: GeodesCatalogue):
    request = SearchRequest(start="2023-03-10", end="2023-03-20", collections=(L3A, OSO))
    items = run(geodes, request)
    # the March 2023 monthly synthesis and the 2023 land-cover map, nothing else
    assert sorted((i.collection, i.start, i.end) for i in items) == [
        (OSO, utc(2023, 1, 1), utc(2023, 12, 31, 23, 59, 59)),
        (L3A, utc(2023, 3, 1), utc(2023, 3, 31, 23, 59, 59)),
    ]
    assert all(i.overlaps(utc(2023, 3, 10), utc(2023, 3, 20, 23, 59, 59)) for i in items)


def test_themes_select_collections(geodes: GeodesCatalogue):
    items = run(geodes, SearchRequest(themes=("cryosphere",), start="2023-01-01", end="2023-01-31"))
    assert items and {i.collection for i in items} == {SNOW}


def test_paging_through_all_pages_with_context_matched(geodes: GeodesCatalogue, geodes_service):
    request = SearchRequest(collections=(L2A,), page_size=50)
    pages = list(geodes.search(request))
    total = len(geodes_service.items(dataset=L2A))
    assert total > 200
    assert [len(p) for p in pages[:-1]] == [50] * (len(pages) - 1)
    items = [i for page in pages for i in page]
    assert len(items) == len({i.id for i in items}) == total
    calls = geodes_service.requests_to(SEARCH)
    assert len(calls) == math.ceil(total / 50)  # stopped at context.matched, no empty page
    assert [json.loads(c.body)["page"] for c in calls] == list(range(1, len(calls) + 1))


def test_page_size_above_the_server_maximum(geodes: GeodesCatalogue, geodes_service):
    pages = list(geodes.search(SearchRequest(collections=(SNOW,), page_size=500)))
    total = len(geodes_service.items(dataset=SNOW))
    assert sum(len(p) for p in pages) == total
    assert json.loads(geodes_service.requests_to(SEARCH)[0].body)["limit"] == MAX_LIMIT


def test_the_service_refuses_limits_above_80(client: HttpClient, geodes_service):
    from theia_plugin.net import HttpError

    with pytest.raises(HttpError) as caught:
        client.post_json(geodes_service.stac_url + "/search", {"page": 1, "limit": 81})
    assert caught.value.status == 400
    assert "at most 80" in str(caught.value)


def test_cancel_between_pages(geodes: GeodesCatalogue, geodes_service):
    token = CancellationToken()
    pages = geodes.search(SearchRequest(collections=(L2A,), page_size=20), token)
    assert len(next(pages)) == 20
    token.cancel()
    with pytest.raises(CancelledError):
        next(pages)
    assert len(geodes_service.requests_to(SEARCH)) <= 2


# --- faults --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "error", "words"),
    [
        ("401", AuthenticationError, "Authentication failed"),
        ("403", AuthenticationError, "Access denied"),
        ("404", NotFoundError, "was not found"),
        ("500", ServerError, "failed to process"),
        ("503", ServerError, "temporarily unavailable"),
        ("429", RateLimitedError, "too many requests"),
        ("reset", ConnectionFailedError, "connect"),
        ("malformed", InvalidResponseError, "expected a JSON document"),
    ],
)
def test_faults_become_typed_errors(geodes_service, client, kind, error, words):
    geodes_service.add_fault(kind, SEARCH, times=10, retry_after=0)
    catalogue = GeodesCatalogue(geodes_service.stac_url, client)
    with pytest.raises(error) as caught:
        run(catalogue, SearchRequest(collections=(L2A,)))
    message = str(caught.value)
    assert words.lower() in message.lower()
    assert "/api/stac/search" in message
    if kind not in ("reset", "malformed"):
        assert caught.value.status == int(kind)
    if kind in ("401", "403", "404", "500", "503", "429"):
        assert "server said" in message  # GEODES's own detail is shown


def test_fault_prefix_url(client, geodes_service):
    catalogue = GeodesCatalogue(geodes_service.url("/fault/503/api/stac"), client)
    with pytest.raises(ServerError, match="maintenance"):
        run(catalogue, SearchRequest())


def test_slow_server_times_out(geodes_service):
    geodes_service.add_fault("slow", SEARCH, times=10, seconds=3)
    client = HttpClient(RequestsTransport(), timeout=0.3, max_retries=0)
    with client, pytest.raises(RequestTimeoutError, match=r"0\.3 s"):
        run(GeodesCatalogue(geodes_service.stac_url, client), SearchRequest())


@pytest.mark.parametrize("kind", ["503", "reset"])
def test_transient_faults_are_retried(geodes: GeodesCatalogue, geodes_service, kind):
    geodes_service.add_fault(kind, SEARCH, times=2, retry_after=0)
    items = run(geodes, SearchRequest(collections=(SNOW,)))
    assert len(items) == len(geodes_service.items(dataset=SNOW))
    assert len(geodes_service.requests_to(SEARCH)) == 3


def test_429_retry_after_is_honoured(geodes: GeodesCatalogue, geodes_service):
    geodes_service.add_fault("429", SEARCH, times=1, retry_after=1)
    items = run(geodes, SearchRequest(collections=(SNOW,)))
    assert items
    first, second = geodes_service.requests_to(SEARCH)[:2]
    # the client's own backoff is 0.05 s: only Retry-After explains a 1 s wait
    assert second.time - first.time >= 1.0
