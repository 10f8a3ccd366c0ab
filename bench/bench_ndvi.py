"""NDVI on a generated full Sentinel-2 tile (10980² at 10 m, int16): the plugin vs its peers.

Every contender runs in its own process (wall, CPU, peak RSS of exactly that process) and
writes float32 NDVI with DEFLATE compression:
- the plugin's engine (unmasked, for a like-for-like comparison, and with CLM/EDG masks);
- ``gdal_calc.py --type=Float32`` with the same compression, alone (a tiled GeoTIFF without
  overviews) and followed by ``gdal_translate -of COG`` (the same product as the plugin's);
- ``otbcli_RadiometricIndices`` (Debian ``otb-bin``), when installed;
- the plugin and ``gdal_calc.py`` again with ZSTD, the plugin's faster codec option;
- QGIS's ``QgsRasterCalculator`` (its own output options: uncompressed GeoTIFF);
- the I/O floor: the plugin's pipeline reading both bands and writing one float32 COG,
  with no computation.
The same figures are printed for a quarter tile (5490²) to show that peak memory does not
grow with the raster.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from bench.measure import Measure, measure, print_table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"


def quarter_tile() -> Path:
    from tests.data.theia_synth import write_l2a_product

    folder = DATA / "quarter-tile"
    products = sorted(folder.glob("SENTINEL2*_L2A_*"))
    if products:
        return products[0]
    info = write_l2a_product(folder, date(2019, 2, 10), size_10m=5490, seed=2019, threads=2)
    return Path(info.path)


def full_tile() -> Path:
    from bench.generate_data import ensure_full_tile

    return Path(ensure_full_tile()["product"])


# -- children (run inside the measured process) ------------------------------------------------
def child(kind: str, product_path: str, dest: str) -> None:
    sys.path.insert(0, str(ROOT))
    from theia_plugin.core.raster.theia_l2a import open_l2a

    product = open_l2a(product_path)
    if kind.startswith("plugin"):
        from theia_plugin.core.indices.compute import IndexRequest, MaskOptions, compute_indices

        masks = MaskOptions(False, False) if kind == "plugin" else MaskOptions()
        codec = "ZSTD" if kind.endswith("zstd") else "DEFLATE"
        compute_indices(
            product, [IndexRequest.from_catalogue("NDVI")], [dest], masks=masks, compression=codec
        )
    elif kind == "floor":
        import numpy as np

        from theia_plugin.core.indices.compute import output_grid
        from theia_plugin.core.raster.cog import CogWriter
        from theia_plugin.core.raster.engine import run_windows

        grid = output_grid(product, 10)
        profile = dict(width=grid.width, height=grid.height, count=1, crs=grid.crs,
                       transform=grid.transform, dtype="float32", nodata=float("nan"))  # fmt: skip
        with CogWriter(dest, profile) as writer:
            run_windows(
                {"N": product.band("B8"), "R": product.band("B4")},
                grid,
                lambda arrays, window: [arrays["N"].astype(np.float32)],
                lambda outputs, window: writer.write(outputs[0], window),
            )
    elif kind == "qgis":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from qgis.analysis import QgsRasterCalculator, QgsRasterCalculatorEntry
        from qgis.core import QgsApplication, QgsCoordinateTransformContext, QgsRasterLayer

        app = QgsApplication([], False)
        app.initQgis()
        entries, layers = [], []  # entries do not keep their layers alive: this list does
        for ref, band in (("n@1", "B8"), ("r@1", "B4")):
            layers.append(QgsRasterLayer(product.band(band), ref))
            entry = QgsRasterCalculatorEntry()
            entry.ref = ref
            entry.raster = layers[-1]
            entry.bandNumber = 1
            entries.append(entry)
        layer = entries[0].raster
        calc = QgsRasterCalculator(
            '("n@1" - "r@1") / ("n@1" + "r@1")', dest, "GTiff", layer.extent(), layer.crs(),
            layer.width(), layer.height(), entries, QgsCoordinateTransformContext(),
        )  # fmt: skip
        result = calc.processCalculation()
        if result != 0:
            raise SystemExit(f"QgsRasterCalculator failed: {result}")
        # The output is closed; skip QGIS's teardown, which crashes with live layer entries.
        os._exit(0)


def contenders(product: Path, work: Path) -> dict[str, list[str]]:
    from theia_plugin.core.raster.theia_l2a import open_l2a

    l2a = open_l2a(product)
    me = [sys.executable, "-m", "bench.bench_ndvi", "--child"]
    commands = {
        "I/O floor (read 2 bands, write COG)": [*me, "floor", str(product), "{dest}"],
        "plugin (unmasked)": [*me, "plugin", str(product), "{dest}"],
        "plugin (CLM+EDG masked)": [*me, "plugin-masked", str(product), "{dest}"],
        "gdal_calc.py --type=Float32": [
            "gdal_calc.py", "--quiet", "-A", l2a.band("B8"), "-B", l2a.band("B4"),
            "--calc=(A.astype(numpy.float32)-B)/(A.astype(numpy.float32)+B)",
            "--type=Float32", "--co=COMPRESS=DEFLATE", "--co=PREDICTOR=3", "--co=TILED=YES",
            "--outfile={dest}",
        ],
        "gdal_calc.py, then gdal_translate -of COG": ["bash", "-c", (
            f"gdal_calc.py --quiet -A {l2a.band('B8')} -B {l2a.band('B4')} "
            "--calc='(A.astype(numpy.float32)-B)/(A.astype(numpy.float32)+B)' --type=Float32 "
            "--co=COMPRESS=DEFLATE --co=PREDICTOR=3 --co=TILED=YES --outfile={dest}.plain.tif "
            "&& gdal_translate -q -of COG -co COMPRESS=DEFLATE -co PREDICTOR=3 "
            "-co NUM_THREADS=ALL_CPUS {dest}.plain.tif {dest} && rm {dest}.plain.tif"
        )],
        "QgsRasterCalculator": [*me, "qgis", str(product), "{dest}"],
        "plugin (CLM+EDG masked), ZSTD": [*me, "plugin-masked-zstd", str(product), "{dest}"],
        "gdal_calc.py --type=Float32, ZSTD": [
            "gdal_calc.py", "--quiet", "-A", l2a.band("B8"), "-B", l2a.band("B4"),
            "--calc=(A.astype(numpy.float32)-B)/(A.astype(numpy.float32)+B)",
            "--type=Float32", "--co=COMPRESS=ZSTD", "--co=PREDICTOR=3", "--co=TILED=YES",
            "--outfile={dest}",
        ],
    }  # fmt: skip
    if shutil.which("otbcli_RadiometricIndices"):
        from osgeo import gdal

        stack = work / "stack.vrt"
        gdal.BuildVRT(str(stack), [l2a.band("B4"), l2a.band("B8")], separate=True)
        commands["otbcli_RadiometricIndices"] = [
            "otbcli_RadiometricIndices", "-in", str(stack), "-list", "Vegetation:NDVI",
            "-channels.red", "1", "-channels.nir", "2",
            "-out", "{dest}?&gdal:co:COMPRESS=DEFLATE&gdal:co:PREDICTOR=3&gdal:co:TILED=YES",
            "float",
        ]  # fmt: skip
    return commands


def run_one(label: str, product: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix="theia-bench-ndvi-", dir=DATA))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), "/usr/share/qgis/python/plugins", env.get("PYTHONPATH")) if p
    )
    env.setdefault("OTB_MAX_RAM_HINT", "512")
    rows: list[Measure] = []
    try:
        for name, argv in contenders(product, work).items():
            dest = work / f"out-{len(rows)}.tif"
            try:
                row = measure(name, [a.replace("{dest}", str(dest)) for a in argv], env=env)
            except RuntimeError as exc:
                print(f"  {name}: failed ({str(exc)[:300]})")
                continue
            row.note = f"{dest.stat().st_size / 1e6:.0f} MB out" if dest.exists() else ""
            rows.append(row)
            dest.unlink(missing_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table(f"NDVI, {label}", rows, reference="I/O floor (read 2 bands, write COG)")


def run() -> None:
    sys.path.insert(0, str(ROOT))
    run_one("quarter tile 5490² at 10 m", quarter_tile())
    run_one("full tile 10980² at 10 m", full_tile())


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(*sys.argv[2:])
    else:
        run()
