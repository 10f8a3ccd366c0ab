"""`make demo`'s script runs headless: true colour, NDVI/NDSI, catalogue (signed COG, WMS),
DSM-OPT results (XYZ, WMS) and snow SCD/SMOD maps."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from qgis.PyQt.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_demo_renders_true_colour_indices_and_snow_maps(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    completed = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py"), "--output", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "Theia Processing provider registered" in completed.stdout
    image = QImage(str(tmp_path / "true_colour.png"))
    assert not image.isNull()
    assert image.width() == 900
    # A real scene, not a blank canvas: snow (bright), vegetation (green-dominant) and the
    # no-data background beyond the swath edge are all present.
    colours = [image.pixelColor(x, y) for x in range(0, 900, 15) for y in range(40, 900, 15)]
    bright = sum(c.lightness() > 200 for c in colours)
    green = sum(c.green() > c.red() + 10 and c.green() > c.blue() for c in colours)
    background = sum((c.red(), c.green(), c.blue()) == (45, 45, 48) for c in colours)
    assert bright > len(colours) * 0.05
    assert green > len(colours) * 0.05
    assert background > 0
    assert list((tmp_path / "data").glob("SENTINEL2A_*_L2A_T31TCH_C_V2-2.zip"))

    # NDVI and NDSI through the plugin's algorithm: a diverging ramp with its legend.
    for name in ("ndvi.png", "ndsi.png"):
        image = QImage(str(tmp_path / name))
        assert image.width() == 700 + 230, name  # map + legend panel
        colours = {
            image.pixelColor(x, y).name()
            for x in range(0, 700, 10)
            for y in range(40, image.height(), 10)
        }
        assert len(colours) > 20, name  # a real index map, not a flat image
    assert len(list((tmp_path / "indices").glob("*_NDVI.tif"))) == 1
    # Snow: SCD and SMOD with legends, and the season report.
    for name in ("snow_scd.png", "snow_smod.png"):
        image = QImage(str(tmp_path / name))
        assert not image.isNull(), name
        assert image.width() == 700 + 230
        swatches = {image.pixelColor(715, y).name() for y in range(40, min(image.height(), 350), 4)}
        assert len(swatches - {"#ffffff"}) >= 4, name
    assert list((tmp_path / "snow" / "l3b").glob("*REPORT*.html"))
    # Catalogue: a signed COG streamed from the private asset server, and a WMS layer.
    for name in ("catalogue_cog.png", "catalogue_wms.png"):
        image = QImage(str(tmp_path / name))
        assert image.width() == 700, name
        colours = {
            image.pixelColor(x, y).name()
            for x in range(0, 700, 10)
            for y in range(40, image.height(), 10)
        }
        assert len(colours) > 20, name  # real pixels came through
    # DSM-OPT: a job's results through XYZ and WMS.
    for name in ("dsmopt_xyz.png", "dsmopt_wms.png"):
        image = QImage(str(tmp_path / name))
        assert not image.isNull(), name
        colours = {
            image.pixelColor(x, y).name()
            for x in range(0, image.width(), 10)
            for y in range(40, image.height(), 10)
        }
        assert len(colours) > 20, name
