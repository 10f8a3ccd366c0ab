"""Local services for the catalogue screenshot: the Theia-like STAC API whose asset hrefs point
at a local HTTP server that serves generated quicklooks (PNG) and COGs (any ``*.tif`` path).

Run by ``scripts/screenshots.sh``: prints the STAC API URL on its first line of
``$THEIA_SERVICES_READY`` (a file), then serves until terminated.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.servers.http_server import LocalHttpServer  # noqa: E402
from tests.servers.stac_api.service import StacApiService  # noqa: E402
from tests.servers.static_files import make_cog, static_route  # noqa: E402


def quicklook(seed: str) -> bytes:
    """A small PNG whose colours depend on ``seed`` (a plausible, varied quicklook)."""
    import numpy as np
    from osgeo import gdal

    rng = np.random.default_rng(int(hashlib.md5(seed.encode()).hexdigest()[:8], 16))
    size = 96
    y, x = np.mgrid[0:size, 0:size] / size
    base = rng.uniform(0.2, 0.8, 3)
    clouds = rng.uniform(0, 1) * np.clip(np.sin(x * rng.uniform(3, 9)) * np.cos(y * 5), 0, 1)
    mem = gdal.GetDriverByName("MEM").Create("", size, size, 3, gdal.GDT_Byte)
    for band in range(3):
        field = base[band] * (0.7 + 0.3 * np.sin((x + y) * rng.uniform(2, 12))) + clouds
        mem.GetRasterBand(band + 1).WriteArray((np.clip(field, 0, 1) * 255).astype("uint8"))
    gdal.GetDriverByName("PNG").CreateCopy("/vsimem/ql.png", mem)
    handle = gdal.VSIFOpenL("/vsimem/ql.png", "rb")
    gdal.VSIFSeekL(handle, 0, 2)
    size_bytes = gdal.VSIFTellL(handle)
    gdal.VSIFSeekL(handle, 0, 0)
    data = gdal.VSIFReadL(1, size_bytes, handle)
    gdal.VSIFCloseL(handle)
    gdal.Unlink("/vsimem/ql.png")
    return bytes(data)


def main() -> int:
    ready = Path(os.environ["THEIA_SERVICES_READY"])
    folder = Path(tempfile.mkdtemp(prefix="theia-shot-"))
    server = LocalHttpServer().start()
    files = static_route(folder, "/assets")

    def assets(h, r):
        if r.path.endswith((".jpg", ".png")):
            h.send_body(200, quicklook(r.path), "image/png")
            return
        if r.path.endswith(".tif"):
            target = folder / r.path[len("/assets/") :]
            if not target.is_file():
                make_cog(target)
        files(h, r)

    server.add_route("/assets", assets)
    service = StacApiService(server.url("/assets")).start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    ready.write_text(service.url + "\n")
    try:
        while True:
            time.sleep(0.5)
    finally:
        service.stop()
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
