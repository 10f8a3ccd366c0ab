"""Generate the full-size synthetic tile the benchmarks read (never committed).

Writes, into ``bench/data/`` (git-ignored), one full Sentinel-2 tile in the Theia L2A layout
(10980² at 10 m, 5490² at 20 m), its 20 m DEM and truth, unless they are already there.

    python -m bench.generate_data [--force] [--zip]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="regenerate even if present")
    parser.add_argument("--zip", action="store_true", help="write the product as a zip")
    args = parser.parse_args(argv)
    manifest = ensure_full_tile(force=args.force, zip=args.zip)
    print(json.dumps(manifest, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
