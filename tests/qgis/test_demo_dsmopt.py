"""The DSM-OPT part of ``make demo``: a job on the local service, its results as XYZ and WMS
layers rendered to PNG."""

from __future__ import annotations

import numpy as np
from osgeo import gdal

from scripts import demo_dsmopt


def test_demo_renders_xyz_and_wms_layers(qgis_app, tmp_path) -> None:
    written = demo_dsmopt.run(tmp_path, stage_seconds=0.1)
    assert set(written) == {"DSMOPT_XYZ", "DSMOPT_WMS"}
    for path in written.values():
        rgb = gdal.Open(str(path)).ReadAsArray()[:3].astype(float)
        painted = (rgb < 250).any(axis=0)
        assert painted.mean() > 0.5 and np.std(rgb[:, painted]) > 5  # a rendered terrain
