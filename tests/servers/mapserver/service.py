"""A real WMS/WMTS service for tests: ``qgis_mapserver`` serving a generated QGIS project.

:class:`MapServerService` writes an NDVI-like COG and a red-reflectance COG computed from a
generated Theia L2A product (:mod:`tests.data.theia_synth`), writes a QGIS project publishing
them (:mod:`.project`, run with a Python that has PyQGIS), and starts ``qgis_mapserver``
(Debian package ``qgis-server``) on 127.0.0.1 and a free port:

* WMS / WMTS: ``service.ows_url`` (``…/ows/?SERVICE=WMS&REQUEST=GetCapabilities``), layers
  :data:`LAYERS`;
* XYZ: ``service.xyz_url`` (``…/{z}/{x}/{y}.png``), a small HTTP front that turns each tile
  into a WMS GetMap in EPSG:3857 (layer ``ndvi``).
"""

from __future__ import annotations

import math
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from tests.servers.http_server import LocalHttpServer, RecordedRequest, _Handler

__all__ = ["LAYERS", "MapServerError", "MapServerService", "mapserver_available"]

LAYERS = ("ndvi", "red")
QGIS_MAPSERVER = "qgis_mapserver"
INSTALL_HINT = "install the Debian package qgis-server (scripts/install-system-deps.sh)"
_WEB_HALF = 20037508.342789244


class MapServerError(RuntimeError):
    pass


def mapserver_available() -> bool:
    return shutil.which(QGIS_MAPSERVER) is not None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pyqgis_python() -> str:
    """An interpreter that can import qgis (the current one, else Debian's)."""
    probe = subprocess.run(
        [sys.executable, "-c", "import qgis.core"], capture_output=True, check=False
    )
    return sys.executable if probe.returncode == 0 else "/usr/bin/python3"


def write_rasters(folder: Path) -> dict[str, Path]:
    """The NDVI-like and red COGs of a generated L2A product (EPSG:32631)."""
    import numpy as np
    import rasterio

    from tests.data.theia_synth.product import write_l2a_product

    info = write_l2a_product(
        folder / "product", date(2023, 6, 15), size_10m=240, seed=11, truth=False
    )
    bands = {}
    for band in ("B4", "B8"):
        with rasterio.open(info.path / f"{info.product_id}_FRE_{band}.tif") as src:
            bands[band] = src.read(1).astype("float32")
            profile = src.profile
    red, nir = bands["B4"], bands["B8"]
    valid = (red > 0) & (nir > 0)
    ndvi = np.full(red.shape, -9999.0, dtype="float32")
    ndvi[valid] = (nir[valid] - red[valid]) / (nir[valid] + red[valid])
    out = {}
    for name, data, nodata in (("ndvi", ndvi, -9999.0), ("red", red, -10000.0)):
        path = folder / f"{name}.tif"
        cog = {k: profile[k] for k in ("width", "height", "crs", "transform")}
        with rasterio.open(
            path, "w", driver="COG", count=1, dtype="float32", nodata=nodata, **cog
        ) as dst:
            dst.write(data, 1)
        out[name] = path
    return out


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """EPSG:3857 bounds of an XYZ tile (y from the top)."""
    size = 2 * _WEB_HALF / (2**z)
    west = -_WEB_HALF + x * size
    north = _WEB_HALF - y * size
    return west, north - size, west + size, north


def lonlat_to_tile(lon: float, lat: float, z: int) -> tuple[int, int]:
    n = 2**z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y


class MapServerService:
    """``with MapServerService() as maps: maps.ows_url``; see the module docstring."""

    def __init__(self, folder: str | Path | None = None, port: int | None = None) -> None:
        self._tmp: tempfile.TemporaryDirectory | None = None
        self.folder = Path(folder) if folder is not None else None
        self.port = port
        self.project: Path | None = None
        self.rasters: dict[str, Path] = {}
        self._process: subprocess.Popen | None = None
        self._log: Path | None = None
        self._xyz = LocalHttpServer()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ows_url(self) -> str:
        return f"{self.url}/ows/"

    @property
    def xyz_url(self) -> str:
        return self._xyz.url("/xyz") + "/{z}/{x}/{y}.png"

    def start(self) -> MapServerService:
        if not mapserver_available():
            raise MapServerError(f"{QGIS_MAPSERVER} not found: {INSTALL_HINT}")
        if self.folder is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="mapserver-")
            self.folder = Path(self._tmp.name)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.rasters = write_rasters(self.folder)
        self.project = self.folder / "maps.qgs"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        args = [f"{name}={path}" for name, path in self.rasters.items()]
        built = subprocess.run(
            [_pyqgis_python(), "-m", "tests.servers.mapserver.project", str(self.project), *args],
            capture_output=True,
            text=True,
            env={**env, "PYTHONPATH": str(Path(__file__).parents[3])},
            check=False,
        )
        if built.returncode != 0 or not self.project.exists():
            raise MapServerError(f"could not write the project:\n{built.stdout}{built.stderr}")
        self.port = self.port or _free_port()
        self._log = self.folder / "qgis_mapserver.log"
        with self._log.open("wb") as log:
            self._process = subprocess.Popen(
                [QGIS_MAPSERVER, "-p", str(self.project), f"127.0.0.1:{self.port}"],
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**env, "QGIS_SERVER_LOG_STDERR": "1", "XDG_RUNTIME_DIR": str(self.folder)},
            )
        self._wait_ready()
        self._xyz.add_route("/xyz", self._tile)
        self._xyz.start()
        return self

    def _wait_ready(self, timeout: float = 60.0) -> None:
        url = self.capabilities_url("WMS")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                raise MapServerError(f"qgis_mapserver exited:\n{self.log()}")
            try:
                with urllib.request.urlopen(url, timeout=5) as answer:
                    if answer.status == 200 and b"ndvi" in answer.read():
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        raise MapServerError(f"qgis_mapserver not ready after {timeout} s:\n{self.log()}")

    def log(self) -> str:
        return self._log.read_text(errors="replace")[-4000:] if self._log else ""

    def capabilities_url(self, service: str = "WMS") -> str:
        return f"{self.ows_url}?" + urlencode({"SERVICE": service, "REQUEST": "GetCapabilities"})

    def get_map_url(
        self, layer: str, bbox: tuple[float, float, float, float], size: int = 256
    ) -> str:
        params = {
            "SERVICE": "WMS",
            "VERSION": "1.3.0",
            "REQUEST": "GetMap",
            "LAYERS": layer,
            "STYLES": "",
            "CRS": "EPSG:3857",
            "BBOX": ",".join(f"{v:.6f}" for v in bbox),
            "WIDTH": size,
            "HEIGHT": size,
            "FORMAT": "image/png",
            "TRANSPARENT": "TRUE",
        }
        return f"{self.ows_url}?{urlencode(params)}"

    def _tile(self, h: _Handler, r: RecordedRequest) -> None:
        parts = r.path.split("/")[2:]  # "", "xyz", z, x, "y.png"
        try:
            z, x = int(parts[0]), int(parts[1])
            y = int(parts[2].removesuffix(".png"))
        except (IndexError, ValueError):
            h.send_json(404, {"detail": "expected /xyz/<z>/<x>/<y>.png"})
            return
        if not (0 <= z <= 22 and 0 <= x < 2**z and 0 <= y < 2**z):
            h.send_json(404, {"detail": f"no tile {z}/{x}/{y}"})
            return
        layer = (r.query.get("layer") or ["ndvi"])[0]
        try:
            with urllib.request.urlopen(
                self.get_map_url(layer, tile_bounds(z, x, y)), timeout=30
            ) as answer:
                body = answer.read()
        except urllib.error.HTTPError as exc:
            h.send_json(502, {"detail": f"qgis_mapserver answered {exc.code}"})
            return
        h.send_body(200, body, "image/png")

    def stop(self) -> None:
        self._xyz.stop()
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(5)
        self._process = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> MapServerService:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc: object) -> None:
        self.stop()
