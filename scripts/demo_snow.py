#!/usr/bin/env python3
"""Snow demo: detection on a generated sample series, the annual synthesis, SCD and SMOD maps.

``run(output_dir)`` expects a running QGIS application (``scripts/demo.py`` calls it inside
``headless_qgis``); run this file directly to use it on its own. It writes, in ``output_dir``:
``snow_scd.png`` and ``snow_smod.png`` (styled maps with their legends, SMOD in calendar
dates), and under ``snow/`` the series, the per-date snow products and the synthesis with
its season report.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

START, END = date(2018, 9, 1), date(2019, 8, 31)


def run(output_dir: str | Path, *, size_10m: int = 400, n_dates: int = 30) -> dict[str, Path]:
    """Generate a series, detect snow on every date, synthesise the year, render SCD and SMOD.

    Returns the written paths by name (``SCD_PNG``, ``SMOD_PNG``, ``REPORT``, ``CHART``, and
    the five L3B rasters).
    """
    from qgis.core import QgsRasterLayer
    from qgis.PyQt.QtGui import QColor

    from tests.data.theia_synth import read_manifest, write_time_series
    from theia_plugin.core.snow.parameters import SynthesisParameters
    from theia_plugin.core.snow.run_detection import detect_product
    from theia_plugin.core.snow.run_synthesis import synthesize_files
    from theia_plugin.processing.snow import style_synthesis_layer, write_report
    from theia_plugin.toolbelt.legend import add_legend
    from theia_plugin.toolbelt.render import render_to_png

    out = Path(output_dir)
    work = out / "snow"
    series = work / "series"
    write_time_series(
        series, START, END, n_dates=n_dates, interval_days=10, size_10m=size_10m, seed=2019,
        margin_days=15,
    )  # fmt: skip
    manifest = read_manifest(series)
    dem = series / manifest["static"]["DEM"]
    for product in manifest["products"]:
        detect_product(series / product["path"], dem, work / "l2b", expert=False)
    synthesis = synthesize_files([work / "l2b"], work / "l3b", SynthesisParameters(year=2018))
    report, chart = write_report(synthesis)

    written: dict[str, Path] = {"REPORT": report, "CHART": chart, **synthesis.paths}
    titles = {
        "SCD": "Snow cover duration (SCD), 2018–19",
        "SMOD": "Snow melt-out date (SMOD), 2018–19",
    }
    for kind, title in titles.items():
        layer = QgsRasterLayer(str(synthesis.paths[kind]), kind, "gdal")
        if not layer.isValid():
            raise RuntimeError(f"QGIS could not open {synthesis.paths[kind]}")
        maximum = (END - START).days + 1 if kind == "SCD" else None
        style_synthesis_layer(layer, kind, START, END, maximum)
        png = render_to_png(
            [layer], out / f"snow_{kind.lower()}.png", width=700, title=title,
            background=QColor(255, 255, 255),
        )  # fmt: skip
        written[f"{kind}_PNG"] = add_legend(png, layer, kind)
    return written


def main() -> int:
    import argparse

    from scripts.headless import headless_qgis

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "demo")
    args = parser.parse_args()
    with headless_qgis():
        for name, path in run(args.output.resolve()).items():
            print(f"[demo] {name}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
