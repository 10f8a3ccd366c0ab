#!/usr/bin/env python3
"""DSM-OPT demo: a remote DSM job on the local DSM-OPT service, its results on the map.

``run(output_dir)`` expects a running QGIS application (``scripts/demo.py`` calls it inside
``headless_qgis``); run this file directly to use it on its own. It starts the local service
(OGC API - Processes, results published as COG, XYZ tiles and WMS through qgis_mapserver),
submits a job, follows it through the seven stages, then loads the coloured hillshade as an
XYZ layer and as a WMS layer and renders each to PNG in ``output_dir``: ``dsmopt_xyz.png``,
``dsmopt_wms.png``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PROXY_ENV = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


def run(output_dir: str | Path, *, stage_seconds: float = 0.3) -> dict[str, Path]:
    """Submit, follow and load one DSM-OPT job; returns the written paths by name."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsProject,
        QgsRectangle,
    )
    from qgis.PyQt.QtGui import QColor

    from tests.servers.dsmopt import products
    from tests.servers.dsmopt.service import DsmOptService
    from theia_plugin.core.dsmopt import PollPolicy, follow, open_backend, submit_job
    from theia_plugin.net import create_client
    from theia_plugin.toolbelt.render import render_to_png
    from theia_plugin.ui.dsmopt_layers import open_result_layer

    for name in PROXY_ENV:  # the service is on 127.0.0.1
        os.environ.pop(name, None)
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    with DsmOptService(stage_seconds=stage_seconds) as service:
        backend = open_backend("ogc", service.ogc_url, create_client())
        inputs = {
            "images": ["PHR1A_202307101052_F", "PHR1B_202307101053_B"],
            "roi": list(products.bbox()),
            "zoomF": 2,
            "preset": "Montagne",
        }
        job = submit_job(backend, inputs, name="Demo DSM")
        print(f"[demo] DSM-OPT job {job.job_id} submitted to {service.ogc_url}")
        seen: set = set()

        def report(update) -> None:
            if update.stage and update.stage.index not in seen:
                seen.add(update.stage.index)
                print(f"[demo]   {update.describe()}")

        policy = PollPolicy(initial=0.1, factor=1.5, maximum=1.0)
        job = follow(backend, job, on_update=report, policy=policy)
        job.raise_for_failure()
        results = backend.results(job.job_id)
        hillshade = results.layer("B2")
        xmin, ymin, xmax, ymax = products.bbox()
        for kind in ("xyz", "wms"):
            layer = open_result_layer(hillshade, out / "dsmopt-cache", kinds=(kind,))
            if layer is None:
                raise RuntimeError(f"QGIS could not open the {kind.upper()} layer of B2")
            extent = QgsCoordinateTransform(
                QgsCoordinateReferenceSystem("EPSG:2154"), layer.crs(), QgsProject.instance()
            ).transformBoundingBox(QgsRectangle(xmin, ymin, xmax, ymax))
            title = f"DSM-OPT {job.job_id}: B2 hillshade ({kind.upper()}) — {results.licence}"
            written[f"DSMOPT_{kind.upper()}"] = render_to_png(
                [layer], out / f"dsmopt_{kind}.png", width=600, extent=extent, title=title,
                background=QColor(255, 255, 255),
            )  # fmt: skip
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
