"""Command line: ``python -m tests.data.theia_synth {product,series,dem,full-tile} --help``."""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from . import SIZES, write_dem, write_l2a_product, write_time_series
from .grid import TILE_SIZE_10M


def _size(text: str) -> int:
    if text in SIZES:
        return SIZES[text]
    value = int(text)
    if value < 4 or value % 2:
        raise argparse.ArgumentTypeError("size must be even and >= 4")
    return value


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _report(what: str, started: float) -> None:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{what} in {time.perf_counter() - started:.2f} s (peak RSS {peak_mb:.0f} MB)")


def _progress(done: int, total: int) -> None:
    print(f"  rows {done}/{total}", file=sys.stderr, flush=True)


def _product(args: argparse.Namespace, size: int, *, dem: bool = False) -> None:
    started = time.perf_counter()
    out = Path(args.out)
    info = write_l2a_product(
        out,
        args.date,
        size_10m=size,
        seed=args.seed,
        snowline_m=args.snowline,
        cloud_fraction=args.cloud_fraction,
        high_cloud_fraction=args.high_cloud_fraction,
        edge_fraction=args.edge_fraction,
        platform=args.platform,
        zip=args.zip,
        sre=args.sre,
        threads=args.threads,
        block_rows=args.block_rows,
        dem_path=out / "dem" / f"DEM_T31TCH_{size}_R2.tif" if dem else None,
        progress=_progress if size > 2048 else None,
    )
    print(info.path)
    print(
        f"cloud {info.cloud_percent:.1f} %, snow {info.snow_percent:.1f} %, "
        f"nodata {info.nodata_percent:.1f} % (of 20 m pixels)"
    )
    _report(f"{size}x{size} product", started)


def _add_product_options(parser: argparse.ArgumentParser, default_size: str) -> None:
    parser.add_argument("out", help="output folder (products, truth/ and dem/ go inside)")
    parser.add_argument(
        "--size",
        type=_size,
        default=SIZES[default_size],
        help=f"tiny, small, medium, full or a number of 10 m pixels "
        f"({', '.join(f'{k}={v}' for k, v in SIZES.items())})",
    )
    parser.add_argument("--date", type=_day, default=date(2019, 1, 15))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--snowline", type=float, default=1500.0, help="metres")
    parser.add_argument("--cloud-fraction", type=float, default=0.3)
    parser.add_argument("--high-cloud-fraction", type=float, default=None)
    parser.add_argument("--edge-fraction", type=float, default=0.15)
    parser.add_argument("--platform", default="SENTINEL2A")
    parser.add_argument("--zip", action="store_true", help="write <ID>.zip instead of <ID>/")
    parser.add_argument("--sre", action="store_true", help="also write SRE bands")
    parser.add_argument("--threads", type=int, default=1, help="GDAL compression threads")
    parser.add_argument("--block-rows", type=int, default=None)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.data.theia_synth",
        description="Synthetic Theia L2A (MAJA) products, time series and DEMs.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    product = commands.add_parser("product", help="one L2A product (+ truth)")
    _add_product_options(product, "tiny")

    full = commands.add_parser(
        "full-tile", help="a product with its 20 m DEM, sized for benchmarks (default: full)"
    )
    _add_product_options(full, "full")

    series = commands.add_parser("series", help="a hydrological year of products (+ truth)")
    series.add_argument("out")
    series.add_argument("--size", type=_size, default=SIZES["tiny"])
    series.add_argument("--start", type=_day, default=date(2018, 9, 1))
    series.add_argument("--end", type=_day, default=date(2019, 8, 31))
    series.add_argument("--n-dates", type=int, default=None)
    series.add_argument("--seed", type=int, default=0)
    series.add_argument("--duplicates", type=int, default=1)
    series.add_argument("--all-cloud-dates", type=int, default=1)
    series.add_argument("--margin-days", type=int, default=0)
    series.add_argument("--zip", action="store_true")

    dem = commands.add_parser("dem", help="the DEM of a scene, in any CRS/resolution")
    dem.add_argument("out", help="output GeoTIFF")
    dem.add_argument("--size", type=_size, default=SIZES["tiny"])
    dem.add_argument("--seed", type=int, default=0)
    dem.add_argument("--crs", default=None, help="e.g. EPSG:4326 (default: the tile's UTM)")
    dem.add_argument("--resolution", type=float, default=20.0, help="in units of --crs")
    dem.add_argument("--dtype", choices=("int16", "float32"), default="int16")
    dem.add_argument("--margin", type=float, default=0.0, help="metres around the tile")

    args = parser.parse_args(argv)
    if args.command == "product":
        _product(args, args.size)
    elif args.command == "full-tile":
        if args.size == TILE_SIZE_10M and args.threads == 1:
            args.threads = 2
        _product(args, args.size, dem=True)
    elif args.command == "series":
        started = time.perf_counter()
        products = write_time_series(
            args.out,
            args.start,
            args.end,
            n_dates=args.n_dates,
            size_10m=args.size,
            seed=args.seed,
            zip=args.zip,
            duplicates=args.duplicates,
            all_cloud_dates=args.all_cloud_dates,
            margin_days=args.margin_days,
        )
        _report(f"{len(products)} products of {args.size}x{args.size}", started)
    else:
        started = time.perf_counter()
        path = write_dem(
            args.out,
            size_10m=args.size,
            seed=args.seed,
            crs=args.crs,
            resolution=args.resolution,
            dtype=args.dtype,
            margin_m=args.margin,
        )
        print(path)
        _report("DEM", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
