"""Write the scene's DEM on the product grid, or in another CRS/resolution to test resampling.

Snow detection needs a DEM on the 20 m grid; users bring one in whatever CRS and resolution
they have. On the product grid (10 m or 20 m, optionally with a margin around the tile) the
DEM is written directly; otherwise the 10/20 m DEM is warped with GDAL window by window.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine
from rasterio.crs import CRS
from rasterio.enums import Resampling
from rasterio.vrt import WarpedVRT
from rasterio.warp import calculate_default_transform
from rasterio.windows import Window

from .blocks import mean_2x2
from .geotiff import DEM_NODATA, GDAL_CACHE_MB, profile
from .grid import ProductGrid
from .scene import World

_NODATA = {"int16": DEM_NODATA, "float32": float("nan")}


def _write_native(
    path: Path, world: World, resolution: float, dtype: str, margin_px: int, block_rows: int
) -> None:
    """DEM on the product's own grid (10 or 20 m), extended by ``margin_px`` on each side."""
    factor = round(resolution / 10.0)
    size = world.grid.size_10m // factor + 2 * margin_px
    base = world.grid.transform("R1" if factor == 1 else "R2")
    transform = base * Affine.translation(-margin_px, -margin_px)
    first_col = -margin_px * factor
    cols = np.arange(first_col, first_col + size * factor)
    options = profile(
        size=size, crs=world.grid.crs, transform=transform, dtype=dtype, nodata=_NODATA[dtype]
    )
    with rasterio.open(path, "w", **options) as dst:
        for out_row in range(0, size, block_rows):
            rows_out = min(block_rows, size - out_row)
            first = (out_row - margin_px) * factor
            z, _ = world.elevation(np.arange(first, first + rows_out * factor), cols)
            if factor == 2:
                z = mean_2x2(z)
            values = np.rint(z).astype(np.int16) if dtype == "int16" else z.astype(np.float32)
            dst.write(values, 1, window=Window(0, out_row, size, rows_out))


def write_dem(
    path: str | Path,
    *,
    tile: str = "T31TCH",
    size_10m: int = 120,
    seed: int = 0,
    world_extent_m: float | None = None,
    row_off: int = 0,
    col_off: int = 0,
    crs: str | CRS | None = None,
    resolution: float = 20.0,
    dtype: str = "int16",
    margin_m: float = 0.0,
    resampling: Resampling = Resampling.bilinear,
    block_rows: int = 512,
    world: World | None = None,
) -> Path:
    """Write the DEM (metres) of the scene ``(tile, size_10m, seed)`` and return its path.

    Same ``seed``/``size_10m`` as a product (its ``world_seed``) gives that product's terrain.
    ``crs``/``resolution`` (in the CRS's units) select the output grid: the product's CRS
    at 10 or 20 m is written exactly, anything else is warped from it with ``resampling``.
    ``margin_m`` extends the DEM beyond the product on every side (whole pixels).
    ``dtype`` is ``int16`` (like MAJA's ALT files; nodata −32768) or ``float32`` (nodata NaN).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if dtype not in _NODATA:
        raise ValueError(f"dtype must be one of {sorted(_NODATA)}")
    grid = ProductGrid(tile=tile, size_10m=size_10m, row_off=row_off, col_off=col_off)
    world = world or World(grid, seed, world_extent_m)
    target_crs = CRS.from_user_input(crs) if crs is not None else grid.crs
    native = target_crs == grid.crs and resolution in (10.0, 20.0)
    source_resolution = resolution if native else (20.0 if resolution >= 20.0 else 10.0)
    margin_px = round(margin_m / source_resolution)

    with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB):
        if native:
            _write_native(path, world, resolution, dtype, margin_px, block_rows)
            return path
        with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
            source = Path(tmp) / "native.tif"
            _write_native(source, world, source_resolution, "float32", margin_px, block_rows)
            with rasterio.open(source) as src:
                transform, width, height = calculate_default_transform(
                    src.crs,
                    target_crs,
                    src.width,
                    src.height,
                    *src.bounds,
                    resolution=resolution,
                )
                with WarpedVRT(
                    src,
                    crs=target_crs,
                    transform=transform,
                    width=width,
                    height=height,
                    resampling=resampling,
                    nodata=float("nan"),
                ) as vrt:
                    options = profile(
                        size=width,
                        crs=target_crs,
                        transform=transform,
                        dtype=dtype,
                        nodata=_NODATA[dtype],
                    )
                    options["height"] = height
                    with rasterio.open(path, "w", **options) as dst:
                        for row in range(0, height, block_rows):
                            window = Window(0, row, width, min(block_rows, height - row))
                            z = vrt.read(1, window=window)
                            if dtype == "int16":
                                z = np.where(np.isnan(z), _NODATA["int16"], np.rint(z))
                            dst.write(z.astype(dtype), 1, window=window)
    return path
