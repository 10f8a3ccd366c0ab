#!/usr/bin/env python3
"""The headless demo: QGIS without a window, the plugin, a generated Theia product, a map.

1. start QGIS headless and the Theia plugin (Processing mode, as qgis_process does);
2. generate a Sentinel-2 L2A product in Theia's exact layout (tests/data/theia_synth);
3. open it with the plugin's product reader and render a true-colour map with QGIS;
4. run the plugin's "Several indices at once" algorithm (NDVI and NDSI, clouds masked) on it
   and render both, styled as the plugin styles them, with their legends;
5. the catalogue demo (scripts/demo_catalogue.py): a search of the local Theia-like STAC API,
   a signed COG streamed from the private asset server, a WMS layer from qgis_mapserver;
6. the DSM-OPT demo (scripts/demo_dsmopt.py): a job submitted to the local DSM-OPT service,
   followed to completion, its results loaded as XYZ and WMS layers and rendered;
7. the snow demo (scripts/demo_snow.py): detection over a generated hydrological year, the
   annual synthesis, SCD and SMOD maps with calendar-date legends.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.headless import headless_qgis  # noqa: E402  (sets up the headless platform first)


def step(message: str) -> None:
    print(f"[demo] {message}", flush=True)


def make_sample_product(out_dir: Path) -> Path:
    from tests.data.theia_synth import write_l2a_product

    info = write_l2a_product(
        out_dir,
        date(2019, 1, 15),
        size_10m=600,
        seed=7,
        world_seed=2019,
        snowline_m=1400,
        cloud_fraction=0.18,
        zip=True,
    )
    return Path(info.path)


def render_true_colour(product_path: Path, out_dir: Path) -> Path:
    from qgis.core import QgsApplication, QgsRasterLayer
    from qgis.PyQt.QtGui import QColor

    from theia_plugin.core.raster.composite import build_composite_vrt
    from theia_plugin.core.raster.theia_l2a import open_l2a
    from theia_plugin.toolbelt.render import apply_true_colour_renderer, render_to_png

    assert QgsApplication.processingRegistry().providerById("theia") is not None
    product = open_l2a(product_path)
    vrt = build_composite_vrt(product, out_dir / f"{product.product_id}_RGB.vrt")
    layer = QgsRasterLayer(str(vrt), product.product_id, "gdal")
    if not layer.isValid():
        raise RuntimeError(f"QGIS could not open {vrt}: {layer.error().summary()}")
    apply_true_colour_renderer(layer, 0, 2500)
    title = (
        f"{product.platform} {product.tile} {product.acquired:%Y-%m-%d} — Theia L2A, true colour"
    )
    return render_to_png(
        [layer], out_dir / "true_colour.png", width=900, title=title, background=QColor(45, 45, 48)
    )


def render_indices(product_path: Path, out_dir: Path) -> list[Path]:
    """NDVI and NDSI through Processing, as a user would run them, then rendered to PNG."""
    import processing
    from qgis.core import QgsRasterLayer
    from qgis.PyQt.QtGui import QColor

    from theia_plugin.toolbelt.legend import add_legend
    from theia_plugin.toolbelt.render import render_to_png
    from theia_plugin.toolbelt.styling import apply_ramp

    result = processing.run(
        "theia:severalindices",
        {
            "INPUT": str(product_path),
            "INDICES": ["NDVI", "NDSI"],
            "OUTPUT_FOLDER": str(out_dir / "indices"),
        },
    )
    pngs = []
    for path, name in zip(result["OUTPUT_FILES"], ("NDVI", "NDSI")):
        layer = QgsRasterLayer(path, name, "gdal")
        if not layer.isValid():
            raise RuntimeError(f"QGIS could not open {path}")
        apply_ramp(layer, "RdYlGn", -1.0, 1.0)  # what the algorithm applies when it loads
        png = render_to_png(
            [layer], out_dir / f"{name.lower()}.png", width=700,
            title=f"{name}, clouds and swath edge masked", background=QColor(255, 255, 255),
        )  # fmt: skip
        pngs.append(add_legend(png, layer, name))
    return pngs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "demo")
    args = parser.parse_args(argv)
    out_dir = args.output.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with headless_qgis():
        step("QGIS started headless; Theia Processing provider registered")
        product_path = make_sample_product(out_dir / "data")
        step(f"generated sample product {product_path.name}")
        png = render_true_colour(product_path, out_dir)
        step(f"true-colour map: {png}")
        for png in render_indices(product_path, out_dir):
            step(f"index map: {png}")
        from scripts import demo_catalogue, demo_dsmopt, demo_snow

        for name, path in demo_catalogue.run(out_dir).items():
            step(f"catalogue {name.removesuffix('_PNG')}: {path}")
        for name, path in demo_dsmopt.run(out_dir).items():
            step(f"{name}: {path}")

        for name, path in demo_snow.run(out_dir).items():
            if name.endswith("_PNG") or name == "REPORT":
                step(f"snow {name.removesuffix('_PNG')}: {path}")
    step(f"done in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
