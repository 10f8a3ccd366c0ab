"""Serve files of a folder from a :class:`~tests.servers.http_server.LocalHttpServer` with HTTP
range requests (what GDAL ``/vsicurl/`` needs), and write small real COGs to serve.

    server.add_route("/files", static_route(folder, "/files"))
    url = server.url("/files/B04.tif")

``make_cog(path, bands=1)`` writes a deterministic 256×256 uint16 Cloud Optimized GeoTIFF in
EPSG:32631 over Toulouse (pixel (row, col) of band b = ``b * 1000 + row + col``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.servers.http_server import RecordedRequest

COG_ORIGIN = (360000.0, 4840000.0)  # upper-left corner (EPSG:32631)
COG_PIXEL = 20.0
COG_SIZE = 256


def static_route(folder: Path, prefix: str) -> Any:
    folder = Path(folder).resolve()

    def route(h: Any, r: RecordedRequest) -> None:
        target = (folder / r.path[len(prefix) :].lstrip("/")).resolve()
        if folder not in target.parents or not target.is_file():
            h.send_json(404, {"detail": f"No file {r.path}"})
            return
        data = target.read_bytes()
        size = len(data)
        spec = r.header("Range") or ""
        headers = {"Accept-Ranges": "bytes"}
        if spec.startswith("bytes="):
            first, _, last = spec[6:].split(",")[0].partition("-")
            start = int(first or 0)
            end = min(int(last), size - 1) if last else size - 1
            if start >= size:
                h.send_body(416, b"", "text/plain", {"Content-Range": f"bytes */{size}"})
                return
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
            h.send_body(206, data[start : end + 1], "image/tiff", headers)
        else:
            h.send_body(200, data, "image/tiff", headers)

    return route


def make_cog(path: Path, bands: int = 1) -> Path:
    """A small real COG (see the module doc for its values)."""
    import numpy as np
    from osgeo import gdal, osr

    rows, cols = np.mgrid[0:COG_SIZE, 0:COG_SIZE]
    mem = gdal.GetDriverByName("MEM").Create("", COG_SIZE, COG_SIZE, bands, gdal.GDT_UInt16)
    mem.SetGeoTransform((COG_ORIGIN[0], COG_PIXEL, 0, COG_ORIGIN[1], 0, -COG_PIXEL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32631)
    mem.SetProjection(srs.ExportToWkt())
    for b in range(1, bands + 1):
        mem.GetRasterBand(b).WriteArray((b * 1000 + rows + cols).astype("uint16"))
    path.parent.mkdir(parents=True, exist_ok=True)
    gdal.Translate(str(path), mem, format="COG", creationOptions=["BLOCKSIZE=128"])
    return path
