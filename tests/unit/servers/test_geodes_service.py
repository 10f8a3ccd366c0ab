"""The GEODES-like service itself: request validation, files, faults, command line."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.servers.geodes import GeodesService

ROOT = Path(__file__).parents[3]


def search(service: GeodesService, body) -> requests.Response:
    return requests.post(service.stac_url + "/search", json=body, timeout=10)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"limit": 81}, "limit must be at most 80"),
        ({"limit": 0}, "limit must be a whole number"),
        ({"page": "2"}, "page must be a whole number"),
        ({"query": {"eo:cloud_cover": {"lt": 10}}}, "Unknown operator 'lt'"),
        ({"bbox": [1, 2, 3]}, "bbox must be [west, south, east, north]"),
        ({"sortBy": [{"field": "start_datetime", "direction": "up"}]}, "asc or dsc"),
        ({"collections": "THEIA_OSO_RASTER_L3B"}, "collections must be a list"),
    ],
)
def test_bad_search_bodies_get_400(geodes_service, body, words):
    answer = search(geodes_service, body)
    assert answer.status_code == 400
    assert words in answer.json()["detail"]


def test_query_operators(geodes_service):
    def identifiers(query) -> list[str]:
        body = {"limit": 80, "collections": ["THEIA_OSO_RASTER_L3B"], "query": query}
        return [
            f["properties"]["identifier"] for f in search(geodes_service, body).json()["features"]
        ]

    years = [f"OCS_{y}_CESBIO" for y in range(2018, 2024)]
    assert sorted(identifiers({})) == years
    assert identifiers({"identifier": {"eq": "OCS_2020_CESBIO"}}) == ["OCS_2020_CESBIO"]
    assert "OCS_2020_CESBIO" not in identifiers({"identifier": {"neq": "OCS_2020_CESBIO"}})
    assert sorted(identifiers({"identifier": {"in": years[:2]}})) == years[:2]
    assert identifiers({"identifier": {"contains": "2019"}}) == ["OCS_2019_CESBIO"]
    both = {"start_datetime": {"gte": "2021-01-01T00:00:00Z", "lte": "2022-06-01T00:00:00Z"}}
    assert sorted(identifiers(both)) == ["OCS_2021_CESBIO", "OCS_2022_CESBIO"]


def test_context_and_next_link(geodes_service):
    body = {"page": 2, "limit": 10, "collections": ["THEIA_SNOW_SENTINEL2_L2B"]}
    answer = search(geodes_service, body).json()
    total = len(geodes_service.items(dataset="THEIA_SNOW_SENTINEL2_L2B"))
    assert answer["context"] == {"returned": 10, "limit": 10, "matched": total}
    assert any(link["rel"] == "next" and "page=3" in link["href"] for link in answer["links"])


def test_quicklooks_are_anonymous_pngs(geodes_service):
    item = geodes_service.downloadable_items()[0]
    (quicklook,) = [a for a in item["assets"].values() if "overview" in a["roles"]]
    answer = requests.get(quicklook["href"], timeout=10)
    assert answer.status_code == 200 and answer.content.startswith(b"\x89PNG")
    md5 = quicklook["href"].split("/files/")[1].split("?")[0]
    assert hashlib.md5(answer.content).hexdigest() == md5


def test_download_head_and_ranges(geodes_service):
    item = geodes_service.downloadable_items()[0]
    (archive,) = [a for a in item["assets"].values() if "data" in a["roles"]]
    key = {"X-API-Key": geodes_service.api_key}
    head = requests.head(archive["href"], headers=key, timeout=10)
    size = int(head.headers["Content-Length"])
    assert head.headers["Accept-Ranges"] == "bytes"
    assert f"File size: {size} bytes" in archive["description"]
    tail = requests.get(archive["href"], headers={**key, "Range": f"bytes={size - 4}-"}, timeout=10)
    assert tail.status_code == 206 and len(tail.content) == 4
    beyond = requests.get(archive["href"], headers={**key, "Range": f"bytes={size}-"}, timeout=10)
    assert beyond.status_code == 416
    stale = {**key, "Range": "bytes=10-", "If-Range": '"other"'}
    assert requests.get(archive["href"], headers=stale, timeout=10).status_code == 200


def test_faults_by_url_prefix(geodes_service):
    answer = requests.post(geodes_service.url("/fault/429/api/stac/search"), json={}, timeout=10)
    assert answer.status_code == 429 and answer.headers["Retry-After"] == "1"
    assert requests.get(geodes_service.url("/fault/999/api/stac"), timeout=10).status_code == 404
    with pytest.raises(ValueError, match="unknown fault"):
        geodes_service.add_fault("418")


def test_command_line(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.servers.geodes", "--dir", str(tmp_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()
        url = line.split()[2]
        assert url.endswith("/api/stac")
        collections = requests.post(url + "/collections", json={}, timeout=10).json()
        assert "THEIA_SNOW_SENTINEL2_L2B" in [c["id"] for c in collections["collections"]]
    finally:
        process.terminate()
        process.wait(10)
    assert len(list(tmp_path.glob("*.zip"))) == 3
