"""SearchRequest validation and saved-search round trip; STAC/GEODES item parsing."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from theia_plugin.core.catalogue.model import (
    CatalogueItem,
    SearchRequest,
    SortOrder,
    parse_datetime,
)

UTC = timezone.utc


def full_request() -> SearchRequest:
    return SearchRequest(
        keywords="  forêt   biomasse ",
        bbox=(1.3, 43.5, 1.5, 43.7),
        start=date(2021, 6, 1),
        end="2021-06-30",
        collections=("forms-t", "sentinel2-l2a-theia", "forms-t"),
        themes=("vegetation",),
        max_cloud_cover=20,
        filters={"s2:mgrs_tile": ("=", "31TCJ"), "sat:relative_orbit": ("in", [8, 51])},
        sort=SortOrder("eo:cloud_cover", ascending=True),
        page_size=25,
    )


def test_defaults_are_newest_first_and_unbounded():
    request = SearchRequest()
    assert request.sort == SortOrder("datetime", ascending=False)
    assert request.bbox is None and request.start is None and request.end is None
    assert request.keyword_terms == []


def test_normalisation():
    request = full_request()
    assert request.keywords == "forêt biomasse"
    assert request.keyword_terms == ["forêt", "biomasse"]
    assert request.collections == ("forms-t", "sentinel2-l2a-theia")  # duplicates dropped
    assert request.start == datetime(2021, 6, 1, tzinfo=UTC)
    # an end *date* includes that whole day
    assert request.end == datetime(2021, 6, 30, 23, 59, 59, 999999, tzinfo=UTC)
    assert request.filters["sat:relative_orbit"] == ("in", (8, 51))
    assert request.max_cloud_cover == 20.0


def test_datetimes_become_timezone_aware_utc():
    paris = timezone(timedelta(hours=2))
    request = SearchRequest(start=datetime(2021, 6, 1, 2, 0, tzinfo=paris), end="2021-06-02T10:00")
    assert request.start == datetime(2021, 6, 1, 0, 0, tzinfo=UTC)
    assert request.start.tzinfo == UTC
    assert request.end == datetime(2021, 6, 2, 10, 0, tzinfo=UTC)  # naive: taken as UTC
    assert parse_datetime("2025-10-29T07:12:21.025Z") == datetime(
        2025, 10, 29, 7, 12, 21, 25000, tzinfo=UTC
    )
    assert parse_datetime("..") is None


def test_open_intervals_are_allowed():
    assert SearchRequest(start="2020-01-01").end is None
    assert SearchRequest(end="2020-01-01").start is None


def test_round_trip_through_json():
    request = full_request()
    saved = json.loads(json.dumps(request.to_dict()))
    restored = SearchRequest.from_dict(saved)
    assert restored == request
    assert restored.to_dict() == request.to_dict()
    assert hash(restored) == hash(request)
    assert SearchRequest.from_dict(SearchRequest().to_dict()) == SearchRequest()
    micro = SearchRequest(start=datetime(2020, 1, 1, 0, 0, 0, 123456, tzinfo=UTC))
    assert SearchRequest.from_dict(micro.to_dict()) == micro


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"bbox": (1, 2, 3)}, "four numbers: west, south, east, north"),
        ({"bbox": ("a", 2, 3, 4)}, "four numbers"),
        ({"bbox": (-200, 40, 1, 45)}, "longitudes must be between -180 and 180"),
        ({"bbox": (0, -95, 1, 45)}, "latitudes must be between -90 and 90"),
        ({"bbox": (5, 40, 1, 45)}, r"west \(5.0\) must be less than its east \(1.0\)"),
        ({"bbox": (0, 45, 1, 40)}, r"south \(45.0\) must be less than its north \(40.0\)"),
        (
            {"start": "2021-07-01", "end": "2021-06-01"},
            r"start date \(2021-07-01T00:00:00Z\) is after the end date",
        ),
        ({"start": "yesterday"}, "start date “yesterday” is not a date"),
        ({"end": "2021-13-45"}, "end date “2021-13-45” is not a date"),
        ({"max_cloud_cover": 120}, "between 0 and 100 %, not 120"),
        ({"max_cloud_cover": "lots"}, "between 0 and 100"),
        ({"filters": {"eo:cloud_cover": ("~", 3)}}, "filter on “eo:cloud_cover” must be"),
        ({"filters": {"platform": "sentinel-2a"}}, "must be \\(operator, value\\)"),
        ({"page_size": 0}, "page size must be a whole number from 1 to 1000, not 0"),
        ({"page_size": 2.5}, "page size"),
        ({"sort": SortOrder("")}, "sort order needs a field"),
    ],
)
def test_validation_messages(kwargs, message):
    with pytest.raises(ValueError, match=message):
        SearchRequest(**kwargs)


def test_from_dict_rejects_unknown_fields_and_non_objects():
    with pytest.raises(ValueError, match="Unknown fields in the saved search: colour"):
        SearchRequest.from_dict({"colour": "red"})
    with pytest.raises(ValueError, match="JSON object"):
        SearchRequest.from_dict(["keywords"])  # type: ignore[arg-type]


def stac_item(**properties):
    return {
        "type": "Feature",
        "stac_version": "1.1.0",
        "id": "X",
        "collection": "c",
        "geometry": {"type": "Point", "coordinates": [1, 43]},
        "bbox": [1, 43, 1, 43],
        "properties": properties,
        "assets": {
            "B04": {"href": "https://h/B04.tif", "type": "image/tiff", "roles": ["data"]},
            "ql": {"href": "https://h/ql.jpg", "roles": ["thumbnail"], "title": "Quicklook"},
        },
        "links": [{"rel": "self", "href": "https://h/items/X"}],
    }


def test_from_stac_instant():
    item = CatalogueItem.from_stac(
        stac_item(datetime="2020-05-01T10:00:00Z", **{"eo:cloud_cover": 3})
    )
    moment = datetime(2020, 5, 1, 10, tzinfo=UTC)
    assert item.datetime == item.start == item.end == moment
    assert item.cloud_cover == 3.0
    assert item.thumbnail == "https://h/ql.jpg"
    assert item.self_href == "https://h/items/X"
    assert item.assets["B04"].roles == ("data",)
    assert item.assets["ql"].title == "Quicklook"
    assert item.bbox == (1, 43, 1, 43)
    assert item.geometry == {"type": "Point", "coordinates": [1, 43]}


@pytest.mark.parametrize("with_null", [True, False])
def test_from_stac_range_with_null_or_missing_datetime(with_null):
    props = {"start_datetime": "2021-01-01T00:00:00Z", "end_datetime": "2021-12-31T23:59:59Z"}
    if with_null:
        props["datetime"] = None
    item = CatalogueItem.from_stac(stac_item(**props))
    assert item.datetime is None
    assert item.start == datetime(2021, 1, 1, tzinfo=UTC)
    assert item.end == datetime(2021, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert item.sort_datetime == item.start
    assert item.overlaps(datetime(2021, 6, 1, tzinfo=UTC), datetime(2021, 6, 30, tzinfo=UTC))
    assert not item.overlaps(datetime(2022, 1, 1, tzinfo=UTC), None)
    assert item.cloud_cover is None


def test_from_stac_rejects_non_items():
    with pytest.raises(ValueError, match="Not a STAC item"):
        CatalogueItem.from_stac({"type": "Feature"})


TOULOUSE = {
    "type": "Polygon",
    "coordinates": [[[1.3, 43.5], [1.5, 43.5], [1.5, 43.7], [1.3, 43.7], [1.3, 43.5]]],
}


def test_intersects_geometry():
    request = SearchRequest(intersects=TOULOUSE)
    assert request.intersects == TOULOUSE
    assert SearchRequest.from_dict(json.loads(json.dumps(request.to_dict()))) == request
    with pytest.raises(ValueError, match="bounding box or a geometry, not both"):
        SearchRequest(bbox=(1, 2, 3, 4), intersects=TOULOUSE)
    with pytest.raises(ValueError, match="must be a GeoJSON Point/MultiPoint/"):
        SearchRequest(intersects={"type": "Feature", "geometry": TOULOUSE})
