"""GeoTIFF creation options shared by every raster the generator writes."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import rasterio
from affine import Affine
from rasterio.crs import CRS

#: GDAL block cache while writing: enough for a few rows of tiles of every open file.
GDAL_CACHE_MB = 256
#: No-data value of int16 DEMs (outside a warped DEM's footprint).
DEM_NODATA = -32768


def profile(
    *,
    size: int,
    crs: CRS,
    transform: Affine,
    dtype: str,
    nodata: float | None = None,
    threads: int = 1,
) -> dict[str, Any]:
    """Square, tiled, DEFLATE-compressed single-band GeoTIFF like Theia's.

    Small rasters get one tile (rounded up to a multiple of 16, as TIFF requires).
    """
    block = 256 if size >= 256 else 16 * math.ceil(size / 16)
    options: dict[str, Any] = {
        "driver": "GTiff",
        "width": size,
        "height": size,
        "count": 1,
        "dtype": dtype,
        "crs": crs,
        "transform": transform,
        "tiled": True,
        "blockxsize": block,
        "blockysize": block,
        "compress": "deflate",
    }
    if nodata is not None:
        options["nodata"] = nodata
    if threads > 1:
        options["num_threads"] = threads
    return options


def open_for_writing(path: Path, **kwargs: Any) -> rasterio.io.DatasetWriter:
    path.parent.mkdir(parents=True, exist_ok=True)
    return rasterio.open(path, "w", **profile(**kwargs))
