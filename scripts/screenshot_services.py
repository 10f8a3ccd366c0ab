"""Local services for the catalogue screenshots.

- the Theia-like STAC API whose asset hrefs point at a local HTTP server that serves generated
  quicklooks (PNG) and COGs (any ``*.tif`` path);
- a second one like Theia MTD: its COG hrefs are on the signed asset server
  (:mod:`tests.servers.assets`, readable through URLs signed by its signing service), where a
  generated L2A product is published as the COGs of its first Sentinel-2 item; its quicklooks
  stay on the local server (the dock fetches thumbnails unsigned).

Run by ``scripts/screenshots.sh``: writes into ``$THEIA_SERVICES_READY`` (a file), one per line,
the STAC API URL, the signed STAC API URL, the signing service URL, the asset server's
``host:port``, the signing credentials (JSON) and the signed item's id; then serves until
terminated.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.servers.assets.fixtures import assets_base, first_l2a_item  # noqa: E402
from tests.servers.assets.l2a import publish_l2a  # noqa: E402
from tests.servers.assets.process import SignedAssets  # noqa: E402
from tests.servers.http_server import LocalHttpServer  # noqa: E402
from tests.servers.stac_api import theia_data  # noqa: E402
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
    signed = SignedAssets().__enter__()
    try:
        signed_service, item_id = signed_catalogue(signed, server.url("/assets"), folder)
    except BaseException:
        signed.__exit__()
        service.stop()
        server.stop()
        raise
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    lines = [
        service.url,
        signed_service.url,
        signed.signing.url("").rstrip("/"),
        signed.assets.netloc,
        json.dumps(signed.signing.credentials),
        item_id,
    ]
    ready.write_text("\n".join(lines) + "\n")
    try:
        while True:
            time.sleep(0.5)
    finally:
        signed_service.stop()
        signed.__exit__()
        service.stop()
        server.stop()


def signed_catalogue(
    signed: SignedAssets, quicklooks_base: str, folder: Path
) -> tuple[StacApiService, str]:
    """The MTD-like STAC API over the signed asset server, and the id of the item whose COGs
    are published there (a 20 km L2A product, large enough to see on the map)."""
    from datetime import date

    from tests.data.theia_synth import write_l2a_product

    info = write_l2a_product(
        folder / "product", date(2018, 2, 6), size_10m=2000, seed=5, cloud_fraction=0.2,
        truth=False,
    )  # fmt: skip
    item = first_l2a_item(assets_base(signed))
    publish_l2a(signed.assets, info.path, item, folder / "cogs")
    # Quicklooks on the open local server: the items are written by this process when the
    # service starts, so the quicklook hrefs are redirected for that moment only.
    make_ql = theia_data._ql
    theia_data._ql = lambda _base, collection, item_id: make_ql(
        quicklooks_base, collection, item_id
    )
    try:
        service = StacApiService(assets_base(signed)).start()
    finally:
        theia_data._ql = make_ql
    return service, item["id"]


if __name__ == "__main__":
    sys.exit(main())
