"""A hydrological year of products over one landscape, with the truth to score a synthesis.

Dates follow the 5-day Sentinel-2 revisit, thinned at random; two orbits alternate (one sees
the whole tile, the other only part of it) as do the platforms. The snowline follows the
seasonal curve of ``snow.seasonal_snowline`` plus a few storms that briefly bring it down.
Cloud cover varies from nearly clear to overcast.

Layout of ``out_dir``::

    <ID>/ or <ID>.zip                 the products
    dem/DEM_<tile>_R2.tif             DEM on the 20 m grid (int16 m)
    truth/series.json                 daily snowline, products, file index
    truth/<ID>_SNOW_TRUTH_R2.tif      true snow (0/1) of each product
    truth/<ID>_FSC_TRUTH_R2.tif       true top-of-canopy snow fraction (%)
    truth/SNOW_THRESHOLD_ALTITUDE_<tile>_R2.tif   Z*: snow on day d <=> snowline(d) <= Z*
    truth/LANDCOVER_<tile>_R1.tif
    truth/{SCD,SOD,SMOD,NSP}_TRUTH_<tile>_<start>_<end>.tif   true annual indicators
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import rasterio
from rasterio.windows import Window

from .blocks import mean_2x2
from .geotiff import DEM_NODATA, GDAL_CACHE_MB, open_for_writing
from .grid import ProductGrid
from .noise import derive_key
from .product import ProductInfo, write_l2a_product
from .scene import World
from .snow import annual_indicators, seasonal_snowline, threshold_altitude

MANIFEST = "series.json"
#: Orbits seeing the tile: (relative orbit, share of the width outside the swath).
ORBITS = ((8, 0.0), (51, 0.3))


def daily_snowline(first: date, last: date, seed: int) -> dict[date, float]:
    """Snowline altitude (m) of every day: the seasonal curve plus a few storms.

    A storm drops the snowline by a few hundred metres for a week or two; outside the
    storms the curve is monotonic down to winter and up again.
    """
    rng = np.random.default_rng(derive_key(seed, "storms"))
    days = (last - first).days + 1
    storms = [
        (rng.uniform(0, days), rng.uniform(150.0, 400.0), rng.uniform(3.0, 7.0))
        for _ in range(max(1, days // 90))
    ]
    curve = {}
    for t in range(days):
        day = first + timedelta(days=t)
        drop = sum(
            depth * math.exp(-(((t - centre) / width) ** 2)) for centre, depth, width in storms
        )
        curve[day] = round(seasonal_snowline(day) - drop, 1)
    return curve


def _cloud_fractions(rng: np.random.Generator, count: int, all_cloud_dates: int) -> list[float]:
    """Per-date cloud fractions: about a third nearly clear, a third broken, a third heavy,
    with at least one nearly clear and one ~90 % cloudy date, plus overcast dates."""
    kind = rng.integers(0, 3, size=count)
    low = np.array([0.0, 0.15, 0.6])[kind]
    high = np.array([0.08, 0.6, 0.95])[kind]
    fractions = rng.uniform(low, high)
    order = rng.permutation(count)
    if count >= 2:
        fractions[order[0]] = 0.02
        fractions[order[1]] = 0.9
    for index in order[2 : 2 + all_cloud_dates]:
        fractions[index] = 1.0
    return [round(float(f), 3) for f in fractions]


def _write_static_truth(
    out_dir: Path, world: World, curve: dict[date, float], start: date, end: date, tile: str
) -> dict[str, Path]:
    """DEM, land cover, Z* and the true annual indicators, window by window."""
    grid = world.grid
    period = [curve[start + timedelta(days=t)] for t in range((end - start).days + 1)]
    indicators = annual_indicators(np.asarray(period))
    span = f"{start:%Y%m%d}_{end:%Y%m%d}"
    paths = {
        "DEM": out_dir / "dem" / f"DEM_{tile}_R2.tif",
        "LANDCOVER": out_dir / "truth" / f"LANDCOVER_{tile}_R1.tif",
        "Z_STAR": out_dir / "truth" / f"SNOW_THRESHOLD_ALTITUDE_{tile}_R2.tif",
    }
    for name in ("SCD", "SOD", "SMOD", "NSP"):
        paths[name] = out_dir / "truth" / f"{name}_TRUTH_{tile}_{span}.tif"
    dtypes = {"DEM": "int16", "LANDCOVER": "uint8", "Z_STAR": "float32"}
    size = grid.size_10m
    block_rows = size if size <= 1024 else 512
    with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB):
        outputs = {
            name: open_for_writing(
                path,
                size=grid.size("R1" if name == "LANDCOVER" else "R2"),
                crs=grid.crs,
                transform=grid.transform("R1" if name == "LANDCOVER" else "R2"),
                dtype=dtypes.get(name, "uint16"),
                nodata=DEM_NODATA if name == "DEM" else None,
            )
            for name, path in paths.items()
        }
        try:
            for row0 in range(0, size, block_rows):
                row1 = min(size, row0 + block_rows)
                static = world.static(row0, row1)
                win1 = Window(0, row0, size, row1 - row0)
                win2 = Window(0, row0 // 2, size // 2, (row1 - row0) // 2)
                z_star = threshold_altitude(static.z_eff, static.visible)
                dem = np.rint(mean_2x2(static.elevation)).astype(np.int16)
                outputs["DEM"].write(dem, 1, window=win2)
                outputs["LANDCOVER"].write(static.landcover, 1, window=win1)
                outputs["Z_STAR"].write(z_star, 1, window=win2)
                for name, values in indicators.lookup(z_star).items():
                    outputs[name].write(values, 1, window=win2)
        finally:
            for dataset in outputs.values():
                dataset.close()
    return paths


def write_time_series(
    out_dir: str | Path,
    start: date = date(2018, 9, 1),
    end: date = date(2019, 8, 31),
    *,
    n_dates: int | None = None,
    interval_days: int = 5,
    size_10m: int = 120,
    seed: int = 0,
    tile: str = "T31TCH",
    zip: bool = False,
    duplicates: int = 1,
    all_cloud_dates: int = 1,
    margin_days: int = 0,
    sre: bool = False,
    world_extent_m: float | None = None,
    progress: Callable[[int, int, ProductInfo], None] | None = None,
) -> list[ProductInfo]:
    """Write a time series of products over one landscape; return them by acquisition time.

    Candidate dates run every ``interval_days`` from ``start - margin_days`` to
    ``end + margin_days``; ``n_dates`` of them are kept (default: about 85 %, at random).
    ``duplicates`` dates get a second product of the other platform on the same day;
    ``all_cloud_dates`` dates are overcast. The truth folder (see module doc) describes
    the true snow state of every day of ``[start, end]``.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(derive_key(seed, "series"))
    first, last = start - timedelta(days=margin_days), end + timedelta(days=margin_days)
    slots = [first + timedelta(days=t) for t in range(0, (last - first).days + 1, interval_days)]
    if n_dates is None:
        keep = np.flatnonzero(rng.random(len(slots)) < 0.85)
    elif n_dates > len(slots):
        raise ValueError(f"only {len(slots)} dates fit between {first} and {last}")
    else:
        keep = np.sort(rng.choice(len(slots), size=n_dates, replace=False))
    curve = daily_snowline(first, last, seed)
    clouds = _cloud_fractions(rng, len(keep), all_cloud_dates)
    doubled = set(rng.choice(keep, size=min(duplicates, len(keep)), replace=False).tolist())

    grid = ProductGrid(tile=tile, size_10m=size_10m)
    world = World(grid, seed, world_extent_m)
    # one plan per product: (slot, platform, orbit, swath edge, cloud fraction)
    plans: list[tuple[int, str, int, float, float]] = []
    for index, slot in enumerate(keep.tolist()):
        orbit, edge = ORBITS[slot % 2]
        platform = ("SENTINEL2A", "SENTINEL2B")[(slot // 2) % 2]
        plans.append((slot, platform, orbit, edge, clouds[index]))
        if slot in doubled:  # the other satellite the same day, under other clouds
            other = "SENTINEL2B" if platform == "SENTINEL2A" else "SENTINEL2A"
            plans.append((slot, other, orbit, edge, round(min(1.0, 0.7 * clouds[index] + 0.1), 3)))

    products: list[ProductInfo] = []
    for index, (slot, platform, orbit, edge, cloud_fraction) in enumerate(plans):
        day = slots[slot]
        info = write_l2a_product(
            out_dir,
            day,
            tile=tile,
            size_10m=size_10m,
            seed=derive_key(seed, "date", slot, platform) % 2**31,
            world_seed=seed,
            world=world,
            snowline_m=curve[day],
            cloud_fraction=cloud_fraction,
            edge_fraction=edge,
            platform=platform,
            orbit=orbit,
            zip=zip,
            sre=sre,
            landcover_truth=False,
        )
        products.append(info)
        if progress:
            progress(index + 1, len(plans), info)
    products.sort(key=lambda p: p.acquired)

    static = _write_static_truth(out_dir, world, curve, start, end, tile)
    manifest = {
        "tile": tile,
        "seed": seed,
        "size_10m": size_10m,
        "world_extent_m": world.extent_m,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "margin_days": margin_days,
        "definition": "a 20 m pixel is snow-covered on day d iff snowline_daily[d] <= Z_STAR",
        "snowline_daily": {day.isoformat(): z for day, z in curve.items()},
        "static": {name: path.relative_to(out_dir).as_posix() for name, path in static.items()},
        "products": [
            {
                "product_id": p.product_id,
                "path": p.path.relative_to(out_dir).as_posix(),
                "date": p.date.isoformat(),
                "acquired": p.acquired.isoformat(timespec="milliseconds"),
                "platform": p.platform,
                "snowline_m": p.snowline_m,
                "cloud_fraction": p.cloud_fraction,
                "cloud_percent": round(p.cloud_percent, 2),
                "snow_percent": round(p.snow_percent, 2),
                "nodata_percent": round(p.nodata_percent, 2),
                "truth": {k: v.relative_to(out_dir).as_posix() for k, v in p.truth.items()},
            }
            for p in products
        ],
    }
    (out_dir / "truth" / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
    return products


def read_manifest(out_dir: str | Path) -> dict[str, Any]:
    """The series manifest, with ``snowline_daily`` keyed by ``date``."""
    manifest = json.loads((Path(out_dir) / "truth" / MANIFEST).read_text())
    manifest["snowline_daily"] = {
        date.fromisoformat(day): z for day, z in manifest["snowline_daily"].items()
    }
    return manifest
