"""``scripts/demo_snow.py`` renders SCD and SMOD with their legends (headless QGIS)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from qgis.PyQt.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_demo_snow_renders_scd_and_smod_with_legends(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    completed = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo_snow.py"), "--output", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-3000:]
    for name in ("snow_scd.png", "snow_smod.png"):
        image = QImage(str(tmp_path / name))
        assert not image.isNull(), name
        assert image.width() == 700 + 230  # map + legend panel
        # the legend panel holds coloured swatches, not only white
        swatches = {image.pixelColor(715, y).name() for y in range(40, min(image.height(), 350), 4)}
        assert len(swatches - {"#ffffff"}) >= 4, name
    assert list((tmp_path / "snow" / "l3b").glob("*REPORT*.html"))
