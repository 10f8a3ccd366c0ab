"""Snow on a generated full Sentinel-2 tile (5490² at 20 m): detection of one date and the
annual synthesis of a year of dates, next to the figures Let It Snow publishes.

Each step runs in its own process (wall, CPU, peak RSS of exactly that process):
- detection of the full-tile L2A product with its DEM (SEB, FSC-TOC, NDSI, expert mask);
- the annual synthesis (SCD, SOD, SMOD, NOBS, NSP) of a year of SEB products of that tile,
  generated once into ``bench/data/snow-series`` (``generate_data.ensure_snow_series``).
Let It Snow is not run here: its rows are the resources its operators publish per tile-date
and per tile-year (snow.md §4), printed for comparison only.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from bench.measure import Measure, measure

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"

#: Targets on this 2-core machine (issue 5): seconds and MB.
DETECTION_TARGET = (60.0, 3 * 1024.0)
SYNTHESIS_TARGET = (600.0, 4 * 1024.0)

#: Published Let It Snow resources (not measured here): (cpus, memory, wall) per run.
LIS_DETECTION = ("1 CPU", "4 GB", "< 1 h")
LIS_SYNTHESIS = ("8 CPU", "20 GB", "4 h 20")


# -- children (run inside the measured process) ------------------------------------------------
def child(kind: str, *args: str) -> None:
    sys.path.insert(0, str(ROOT))
    if kind == "detect":
        from theia_plugin.core.snow.run_detection import detect_product

        product, dem, out_dir = args
        detect_product(product, dem, out_dir)
    elif kind == "synthesize":
        from theia_plugin.core.snow.parameters import SynthesisParameters
        from theia_plugin.core.snow.run_synthesis import synthesize_files

        series, out_dir = args
        outputs = synthesize_files([series], out_dir, SynthesisParameters(year=2018))
        print(len(outputs.inputs))


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def _row(name: str, row: Measure, target: tuple[float, float]) -> str:
    ok = row.wall_s <= target[0] and row.peak_mb <= target[1]
    verdict = "within" if ok else "OVER"
    return (
        f"{name:<44} {row.wall_s:8.1f} {row.cpu_s:8.1f} {row.peak_mb:9.0f}  "
        f"{verdict} target (≤ {target[0]:.0f} s, ≤ {target[1]:.0f} MB); {row.note}"
    )


def _published(name: str, figures: tuple[str, str, str]) -> str:
    cpus, memory, wall = figures
    return (
        f"{name:<44} {wall:>8} {cpus:>8} {memory:>9}  "
        "published requirement per run, NOT measured here"
    )


def run() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.generate_data import ensure_full_tile, ensure_snow_series

    tile = ensure_full_tile()
    series = ensure_snow_series(tile["dem"])
    me = [sys.executable, "-m", "bench.bench_snow", "--child"]
    work = Path(tempfile.mkdtemp(prefix="theia-bench-snow-", dir=DATA))
    try:
        detection = measure(
            "plugin detection (1 date)",
            [*me, "detect", tile["product"], tile["dem"], str(work / "l2b")],
            env=_env(),
        )
        written = sorted((work / "l2b").glob("*.tif"))
        size_mb = sum(p.stat().st_size for p in written) / 1e6
        detection.note = f"{len(written)} rasters, {size_mb:.0f} MB out"
        synthesis = measure(
            f"plugin annual synthesis ({len(series['files'])} dates)",
            [*me, "synthesize", str(Path(series["files"][0]).parent), str(work / "l3b")],
            env=_env(),
        )
        written = sorted((work / "l3b").glob("*.tif"))
        synthesis.note = f"{len(written)} rasters, 2018-09-01 – 2019-08-31, 15-day margin"
    finally:
        shutil.rmtree(work, ignore_errors=True)
    header = f"{'':<44} {'wall s':>8} {'cpu s':>8} {'peak MB':>9}  note"
    print(f"\nSnow, full tile 5490² at 20 m (this machine: {os.cpu_count()} cores)")
    print(header)
    print("-" * len(header))
    print(_row(detection.name, detection, DETECTION_TARGET))
    print(_published("Let It Snow detection (1 tile-date)", LIS_DETECTION))
    print(_row(synthesis.name, synthesis, SYNTHESIS_TARGET))
    print(_published("Let It Snow annual synthesis (1 tile-year)", LIS_SYNTHESIS))
    print(
        "Let It Snow rows: the resources its operators request per run (Gascoin et al.; "
        "snow.md §4), as wall / CPUs / memory — not a measurement on this machine."
    )


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        child(*sys.argv[2:])
    else:
        run()
