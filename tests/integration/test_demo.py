"""`make demo`'s script runs headless and renders a real true-colour map."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from qgis.PyQt.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_demo_renders_the_true_colour_map(tmp_path):
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
