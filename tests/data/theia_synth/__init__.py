"""Synthetic Sentinel-2 L2A products in the exact Theia (MAJA/MUSCATE) layout, for tests and
benchmarks: seedable, deterministic, no network, any size from a few pixels to a full tile.

Public API::

    write_l2a_product(out_dir, day, *, size_10m=120, seed=0, snowline_m=1500.0, ...) -> ProductInfo
    write_time_series(out_dir, start, end, *, n_dates=None, size_10m=120, seed=0, ...)
        -> list[ProductInfo]
    write_dem(path, *, size_10m=120, seed=0, crs=None, resolution=20.0, ...) -> Path
    read_manifest(series_dir) -> dict

Command line: ``python -m tests.data.theia_synth --help``.
"""

from __future__ import annotations

from .dem import write_dem
from .grid import TILE_SIZE_10M, ProductGrid
from .landcover import CLASS_NAMES, FOREST, GRASS, ROCK, SOIL, WATER
from .naming import PRODUCT_ID_RE, band_file, mask_file, parse_product_id, product_id
from .product import ProductInfo, write_l2a_product
from .reflectance import BANDS, BANDS_R1, BANDS_R2
from .series import read_manifest, write_time_series
from .snow import seasonal_snowline

#: Named product sizes (10 m pixels): tests, quick looks, benchmarks.
SIZES = {"tiny": 120, "small": 600, "medium": 2196, "full": TILE_SIZE_10M}

__all__ = [
    "BANDS",
    "BANDS_R1",
    "BANDS_R2",
    "CLASS_NAMES",
    "FOREST",
    "GRASS",
    "PRODUCT_ID_RE",
    "ROCK",
    "SIZES",
    "SOIL",
    "TILE_SIZE_10M",
    "WATER",
    "ProductGrid",
    "ProductInfo",
    "band_file",
    "mask_file",
    "parse_product_id",
    "product_id",
    "read_manifest",
    "seasonal_snowline",
    "write_dem",
    "write_l2a_product",
    "write_time_series",
]
