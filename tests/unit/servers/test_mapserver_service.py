"""The WMS/WMTS/XYZ test service (qgis_mapserver) seen by OWSLib and plain HTTP."""

from __future__ import annotations

import urllib.error
import urllib.request
import warnings

import numpy as np
import pytest
from rasterio.errors import NotGeoreferencedWarning
from rasterio.io import MemoryFile
from rasterio.warp import transform_bounds

from tests.servers.mapserver import LAYERS, MapServerService
from tests.servers.mapserver.service import lonlat_to_tile

owslib_wms = pytest.importorskip("owslib.wms")
owslib_wmts = pytest.importorskip("owslib.wmts")


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as answer:
        assert answer.status == 200
        return answer.read()


def opaque_pixels(png: bytes) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NotGeoreferencedWarning)  # a PNG has no georeference
        with MemoryFile(png) as memory, memory.open() as image:
            alpha = image.read(image.count) if image.count in (2, 4) else np.full((1,), 255)
    return int((alpha > 0).sum())


def data_bounds(service: MapServerService, crs: str = "EPSG:4326") -> tuple[float, ...]:
    import rasterio

    with rasterio.open(service.rasters["ndvi"]) as src:
        return transform_bounds(src.crs, crs, *src.bounds)


def test_wms_capabilities_list_the_layers(map_server: MapServerService):
    wms = owslib_wms.WebMapService(map_server.ows_url, version="1.3.0")
    assert set(LAYERS) <= set(wms.contents)
    west, south, east, north = data_bounds(map_server)
    box = wms["ndvi"].boundingBoxWGS84
    assert box[0] <= west + 1e-3 and box[2] >= east - 1e-3
    assert box[1] <= south + 1e-3 and box[3] >= north - 1e-3
    assert "EPSG:3857" in wms["ndvi"].crsOptions
    image = wms.getmap(
        layers=["ndvi"],
        srs="EPSG:3857",
        bbox=data_bounds(map_server, "EPSG:3857"),
        size=(128, 128),
        format="image/png",
        transparent=True,
    )
    assert opaque_pixels(image.read()) > 128 * 128 / 2


def test_wmts_capabilities_list_the_layers(map_server: MapServerService):
    wmts = owslib_wmts.WebMapTileService(map_server.capabilities_url("WMTS"))
    assert set(LAYERS) <= set(wmts.contents)
    assert "EPSG:3857" in wmts.tilematrixsets


def test_xyz_tiles(map_server: MapServerService):
    west, south, east, north = data_bounds(map_server)
    z = 13
    x, y = lonlat_to_tile((west + east) / 2, (south + north) / 2, z)
    tile = fetch(map_server.xyz_url.format(z=z, x=x, y=y))
    assert tile.startswith(b"\x89PNG") and opaque_pixels(tile) > 0
    far = fetch(map_server.xyz_url.format(z=z, x=0, y=0))  # the Arctic: no data
    assert opaque_pixels(far) == 0
    with pytest.raises(urllib.error.HTTPError) as caught:
        fetch(map_server.xyz_url.format(z=1, x=5, y=0))
    assert caught.value.code == 404
