"""Saved searches restore exactly the request that was saved."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from theia_plugin.core.catalogue.model import SearchRequest, SortOrder
from theia_plugin.core.catalogue.saved_searches import (
    SavedSearch,
    SavedSearchFile,
    dumps,
    loads,
)

PARIS_SUMMER = timezone(timedelta(hours=2))
FULL = SearchRequest(
    keywords="  neige   Pyrénées ",
    bbox=(0.1 + 0.2, 42.123456789012345, 3.0000000001, 43.9),
    start=datetime(2021, 6, 1, 10, 30, 15, 123456, tzinfo=PARIS_SUMMER),
    end=datetime(2021, 9, 30, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=-5))),
    collections=("sentinel2-l2a-theia", "theia-snow-l2b"),
    themes=("cryosphere", "cryosphere.snow"),
    max_cloud_cover=12.5,
    filters={
        "s2:mgrs_tile": ("in", ["31TCH", "30TYN"]),
        "sat:relative_orbit": ("=", 51),
        "platform": ("like", "sentinel-2%"),
        "eo:snow_cover": (">=", 0.25),
    },
    sort=SortOrder("eo:cloud_cover", ascending=True),
    page_size=80,
)


def test_a_full_request_round_trips_through_json_text_exactly():
    saved = SavedSearch("Snow, summer 2021", FULL, connection="Theia MTD (STAC)")
    text = dumps(saved)
    json.loads(text)  # plain JSON
    again = loads(text)
    assert again == saved
    assert again.request == FULL and hash(again.request) == hash(FULL)
    assert again.request.to_dict() == FULL.to_dict()
    # the instants are kept to the microsecond, whatever zone they were given in
    assert again.request.start == datetime(2021, 6, 1, 8, 30, 15, 123456, tzinfo=timezone.utc)
    assert again.request.end.utcoffset() == timedelta(0)
    assert again.request.end == FULL.end
    assert again.request.bbox == (0.1 + 0.2, 42.123456789012345, 3.0000000001, 43.9)
    assert again.request.filters["s2:mgrs_tile"] == ("in", ("31TCH", "30TYN"))
    assert list(again.request.filters) == list(FULL.filters)  # order kept (CQL2 order)
    assert again.request.sort == SortOrder("eo:cloud_cover", True)
    assert dumps(again) == text  # stable text


def test_geometry_and_open_dates_round_trip():
    request = SearchRequest(
        intersects={"type": "Polygon", "coordinates": [[[1, 43], [2, 43], [2, 44], [1, 43]]]},
        end="2020-12-31",
    )
    again = loads(dumps(SavedSearch("drawn", request)))
    assert again.request == request
    assert again.request.start is None
    assert again.request.end == datetime(2020, 12, 31, 23, 59, 59, 999999, tzinfo=timezone.utc)


def test_equal_requests_hash_equal_whatever_the_filter_order():
    a = SearchRequest(filters={"a": ("=", 1), "b": ("=", 2)})
    b = SearchRequest(filters={"b": ("=", 2), "a": ("=", 1)})
    assert a == b and hash(a) == hash(b)


def test_default_request_round_trips():
    assert loads(dumps(SavedSearch("all", SearchRequest()))).request == SearchRequest()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", '"name" and "request"'),
        ('{"name": "x", "request": {"bbox": [1, 2]}}', "“x” is not valid: The bounding box"),
        ('{"name": "x", "request": {"colour": "red"}}', "Unknown fields in the saved search"),
        ('{"name": "", "request": {}}', "needs a name"),
        ('{"name": "x", "request": {"start": "tomorrow"}}', "start date “tomorrow”"),
    ],
)
def test_bad_saved_searches_say_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message):
        loads(text)


def test_file_store_add_replace_remove_atomically(tmp_path):
    store = SavedSearchFile(tmp_path / "sub" / "searches.json")
    assert store.searches() == []
    store.save(SavedSearch("a", FULL, "c1"))
    store.save(SavedSearch("b", SearchRequest(keywords="forêt")))
    with pytest.raises(ValueError, match="already exists"):
        store.save(SavedSearch("a", SearchRequest()))
    store.save(SavedSearch("a", SearchRequest(max_cloud_cover=5)), replace=True)
    again = SavedSearchFile(store.path)
    assert again.names() == ["b", "a"]
    assert again.get("a").request == SearchRequest(max_cloud_cover=5)
    assert again.get("b").request.keywords == "forêt"
    again.remove("b")
    assert SavedSearchFile(store.path).names() == ["a"]
    assert [p.name for p in store.path.parent.iterdir()] == ["searches.json"]  # no temp left
    with pytest.raises(KeyError):
        again.get("b")


def test_file_store_refuses_a_foreign_file(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"version": 7, "searches": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="version 7; expected 1"):
        SavedSearchFile(path).searches()
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(ValueError, match="cannot be read"):
        SavedSearchFile(path).searches()
