"""Generate the full-size synthetic tile the benchmarks read (never committed).

Writes, into ``bench/data/`` (git-ignored), one full Sentinel-2 tile in the Theia L2A layout
(10980² at 10 m, 5490² at 20 m), its 20 m DEM and truth, unless they are already there; and,
for the snow synthesis, a year of per-date snow products (SEB codes) on that tile's grid
(``ensure_snow_series``).

    python -m bench.generate_data [--force] [--zip] [--snow-series]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))

from tests.data.theia_synth import TILE_SIZE_10M, write_l2a_product  # noqa: E402

DATA_DIR = ROOT / "bench" / "data"
FULL_TILE_DIR = DATA_DIR / "full-tile"
MANIFEST = "full-tile.json"
#: One fixed scene, so that every run benchmarks the same data.
SEED = 2019
DAY = date(2019, 2, 10)


def ensure_full_tile(
    data_dir: Path = FULL_TILE_DIR, *, force: bool = False, zip: bool = False, threads: int = 2
) -> dict:
    """Return the manifest of the full tile, generating it first if it is missing."""
    manifest_path = data_dir / MANIFEST
    if manifest_path.exists() and not force:
        manifest = json.loads(manifest_path.read_text())
        if Path(manifest["product"]).exists():
            return manifest
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    started = time.perf_counter()
    dem = data_dir / "dem" / "DEM_T31TCH_R2.tif"
    info = write_l2a_product(
        data_dir,
        DAY,
        size_10m=TILE_SIZE_10M,
        seed=SEED,
        snowline_m=1200.0,
        cloud_fraction=0.3,
        edge_fraction=0.15,
        zip=zip,
        threads=threads,
        dem_path=dem,
        progress=lambda done, total: print(f"  rows {done}/{total}", flush=True),
    )
    manifest = {
        "product": str(info.path),
        "product_id": info.product_id,
        "dem": str(dem),
        "truth": {name: str(path) for name, path in info.truth.items()},
        "seconds": round(time.perf_counter() - started, 1),
    }
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


SNOW_SERIES_DIR = DATA_DIR / "snow-series"
SNOW_MANIFEST = "snow-series.json"
#: One product every 5 days over the hydrological year 2018-19 and its 15-day margins.
SNOW_FIRST, SNOW_LAST, SNOW_STEP = date(2018, 8, 20), date(2019, 9, 12), 5
#: Coarse cell (pixels) of the random cloud and snowline-noise fields.
_CELL = 64


def _coarse_field(rng, shape: tuple[int, int]) -> np.ndarray:
    """A smooth random field in [0, 1] on a grid of ``_CELL``-pixel cells (a few kB)."""
    coarse = rng.random((shape[0] // _CELL + 4, shape[1] // _CELL + 4))
    # one 3×3 box blur: cloud blobs a few cells wide rather than single cells
    blurred = sum(
        coarse[i : i + coarse.shape[0] - 2, j : j + coarse.shape[1] - 2]
        for i in range(3)
        for j in range(3)
    )
    low, high = blurred.min(), blurred.max()
    return (blurred - low) / (high - low)


def _upsample_rows(field: np.ndarray, row0: int, rows: int, width: int) -> np.ndarray:
    """Rows ``row0 : row0 + rows`` of ``field`` bilinearly upsampled by ``_CELL``."""
    y = (np.arange(row0, row0 + rows) + 0.5) / _CELL
    x = (np.arange(width) + 0.5) / _CELL
    y0, x0 = np.floor(y).astype(int), np.floor(x).astype(int)
    fy, fx = (y - y0)[:, None], (x - x0)[None, :]
    top = field[y0][:, x0] * (1 - fx) + field[y0][:, x0 + 1] * fx
    bottom = field[y0 + 1][:, x0] * (1 - fx) + field[y0 + 1][:, x0 + 1] * fx
    return top * (1 - fy) + bottom * fy


def snowline_m(day: date) -> float:
    """A season: no snow until October, the snowline down to 700 m in February, gone by July."""
    season = (day - date(day.year if day.month >= 9 else day.year - 1, 10, 1)).days / 280
    if not 0 < season < 1:
        return 4000.0
    return 4000.0 - 3300.0 * np.sin(np.pi * season) ** 1.5


def ensure_snow_series(
    dem_path: str | Path | None = None,
    data_dir: Path = SNOW_SERIES_DIR,
    *,
    force: bool = False,
    block_rows: int = 512,
) -> dict:
    """A year of SEB-like snow products (0 snow-free, 100 snow, 205 cloud, 255 no data) named
    like this plugin's detection outputs, on the grid of the full tile's DEM; generated once.

    Snow lies above a seasonal snowline over the DEM (with ±150 m of smooth noise and ±60 m
    per pixel), clouds are smooth random blobs covering 0–80 % of each date, and every other
    date misses the western fifth of the tile (the other orbit's swath). Written window by
    window: the generator holds a few rows of the tile, never a whole raster.
    """
    import rasterio
    from rasterio.windows import Window

    from theia_plugin.core.snow.naming import l2b_name

    manifest_path = data_dir / SNOW_MANIFEST
    if manifest_path.exists() and not force:
        manifest = json.loads(manifest_path.read_text())
        if all(Path(p).exists() for p in manifest["files"]):
            return manifest
    dem_path = Path(dem_path or ensure_full_tile()["dem"])
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    started = time.perf_counter()
    days = [
        SNOW_FIRST + timedelta(days=k)
        for k in range(0, (SNOW_LAST - SNOW_FIRST).days + 1, SNOW_STEP)
    ]
    files = []
    with rasterio.open(dem_path) as dem:
        profile = {
            "driver": "GTiff", "width": dem.width, "height": dem.height, "count": 1,
            "dtype": "uint8", "crs": dem.crs, "transform": dem.transform, "nodata": 255,
            "tiled": True, "blockxsize": 512, "blockysize": 512, "compress": "DEFLATE",
        }  # fmt: skip
        for n, day in enumerate(days):
            rng = np.random.default_rng(SEED + n)
            clouds = _coarse_field(rng, (dem.height, dem.width))
            noise = _coarse_field(rng, (dem.height, dem.width))
            cloud_limit = rng.uniform(0.0, 0.8)
            edge = dem.width // 5 if n % 2 else 0
            zs = snowline_m(day)
            acquired = datetime.combine(day, dt_time(10, 37, 31))
            path = data_dir / l2b_name("SEB", "T31TCH", acquired, "bench")
            part = path.with_name(f".{path.name}.part")
            with rasterio.open(part, "w", **profile) as out:
                for row0 in range(0, dem.height, block_rows):
                    rows = min(block_rows, dem.height - row0)
                    window = Window(0, row0, dem.width, rows)
                    height = dem.read(1, window=window).astype(np.float32)
                    wobble = 300.0 * (_upsample_rows(noise, row0, rows, dem.width) - 0.5)
                    # per-pixel jitter: a ragged snow edge, compressed like a real one
                    wobble += rng.uniform(-60.0, 60.0, size=height.shape).astype(np.float32)
                    codes = np.where(height + wobble > zs, 100, 0).astype(np.uint8)
                    cover = _upsample_rows(clouds, row0, rows, dem.width)
                    codes[cover < cloud_limit] = 205
                    codes[:, :edge] = 255
                    out.write(codes, 1, window=window)
            part.replace(path)
            files.append(str(path))
            print(f"  snow product {n + 1}/{len(days)} ({day})", flush=True)
    manifest = {
        "files": files,
        "dem": str(dem_path),
        "seconds": round(time.perf_counter() - started, 1),
    }
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="regenerate even if present")
    parser.add_argument("--zip", action="store_true", help="write the product as a zip")
    parser.add_argument(
        "--snow-series", action="store_true", help="also a year of snow products (synthesis)"
    )
    args = parser.parse_args(argv)
    manifest = ensure_full_tile(force=args.force, zip=args.zip)
    print(json.dumps(manifest, indent=1))
    if args.snow_series:
        series = ensure_snow_series(manifest["dem"], force=args.force)
        print(f"{len(series['files'])} snow products in {SNOW_SERIES_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
