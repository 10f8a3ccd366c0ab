"""WMS publication of the DSM-OPT double's results through a real ``qgis_mapserver``.

Every job's products share one grid, so one QGIS project (``wms.qgs``, layers A1…C2 reading
the job's RGBA display rasters through *relative* paths) is written once with the QGIS API
(in a subprocess: the service also runs in processes without QGIS) and copied into each
finished job's folder. One ``qgis_mapserver`` serves them all: a job's WMS endpoint is
``http://127.0.0.1:PORT/ows/?MAP=<job folder>/wms.qgs``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from . import products

__all__ = ["WmsPublisher"]

PROJECT = "wms.qgs"

_WRITE_PROJECT = r"""
import sys
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer
app = QgsApplication([], False)
app.initQgis()
folder, codes = sys.argv[1], sys.argv[2].split(",")
project = QgsProject.instance()
project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
project.setTitle("DSM-OPT results")
for code in codes:
    layer = QgsRasterLayer(f"{folder}/display/{code}.tif", code, "gdal")
    if not layer.isValid():
        sys.exit(f"invalid display raster {code}")
    layer.setShortName(code)
    project.addMapLayer(layer)
project.writeEntry("WMSServiceCapabilities", "/", True)
project.writeEntry("WMSCrsList", "/", ["EPSG:2154", "EPSG:3857", "EPSG:4326"])
if not project.write(f"{folder}/wms.qgs"):
    sys.exit("project not written")
app.exitQgis()
"""


def _python() -> str:
    """A Python interpreter that imports qgis (inside QGIS desktop, sys.executable is QGIS)."""
    if Path(sys.executable).name.startswith("python"):
        return sys.executable
    return "/usr/bin/python3"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class WmsPublisher:
    """``qgis_mapserver`` over the jobs' folders (started on first use, stopped by :meth:`stop`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.port: int | None = None
        self._process: subprocess.Popen | None = None
        self._template: Path | None = None
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/ows/"

    def endpoint(self, job_folder: Path) -> str:
        """The WMS endpoint of one job (the ``MAP`` parameter names its project)."""
        return f"{self.url}?MAP={Path(job_folder, PROJECT)}"

    def publish(self, job_folder: Path) -> str:
        """Make ``job_folder``'s products available through WMS; returns the endpoint."""
        with self._lock:
            self._ensure_template()
            self._ensure_server()
        shutil.copyfile(self._template, Path(job_folder) / PROJECT)
        return self.endpoint(job_folder)

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("PYTHONHOME", None)  # set inside QGIS desktop
        # Debian's qgis module, whatever interpreter runs the service
        paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
        env["PYTHONPATH"] = os.pathsep.join([*paths, "/usr/lib/python3/dist-packages"])
        env["QT_QPA_PLATFORM"] = "offscreen"
        env.setdefault("XDG_RUNTIME_DIR", str(self.folder))
        return env

    def _ensure_template(self) -> None:
        if self._template is not None:
            return
        folder = self.folder / "_wms_template"
        products.write_products(folder, seed=0)
        result = subprocess.run(
            [_python(), "-c", _WRITE_PROJECT, str(folder), ",".join(products.LAYERS)],
            env=self._env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode != 0 or not (folder / PROJECT).is_file():
            raise RuntimeError(f"WMS project not written: {result.stderr[-2000:]}")
        self._template = folder / PROJECT

    def _ensure_server(self) -> None:
        if self._process is not None and self._process.poll() is None:
            return
        self.port = _free_port()
        env = self._env()
        env["QGIS_SERVER_LOG_LEVEL"] = "2"
        self._process = subprocess.Popen(
            ["qgis_mapserver", "-l", "2", f"127.0.0.1:{self.port}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        probe = f"{self.endpoint(self._template.parent)}&SERVICE=WMS&REQUEST=GetCapabilities"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError("qgis_mapserver exited at start")
            with contextlib.suppress(OSError), urllib.request.urlopen(probe, timeout=5) as answer:
                if b"WMS_Capabilities" in answer.read():
                    return
            time.sleep(0.2)
        raise RuntimeError("qgis_mapserver did not answer within 60 s")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
