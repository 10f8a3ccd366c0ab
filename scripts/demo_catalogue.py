#!/usr/bin/env python3
"""Catalogue demo: search a local Theia-like catalogue, load a signed COG and a WMS layer.

``run(output_dir)`` expects a running QGIS application (``scripts/demo.py`` calls it inside
``headless_qgis``). It starts the local services the tests use — a real STAC API
(PostgreSQL + pgstac + stac-fastapi-pgstac) whose Sentinel-2 assets sit on a private COG
server that answers 403 unless URLs are signed by the local signing service, and
``qgis_mapserver`` for WMS — then, as the catalogue dock does:

1. searches the catalogue (``StacCatalogue``, newest first) and picks the item with data;
2. signs its B04/B03/B02 assets (``UrlSigner``, credentials sent as Theia's ``access-key`` /
   ``secret-key`` headers) and opens a true-colour composite of the signed COGs through GDAL
   ``/vsicurl/``;
3. adds the WMS layer of the map server (its GetCapabilities read with the plugin's URIs);
4. renders both to ``catalogue_cog.png`` and ``catalogue_wms.png``.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def run(output_dir: str | Path) -> dict[str, Path]:
    from qgis.core import QgsRasterLayer
    from qgis.PyQt.QtGui import QColor

    from tests.data.theia_synth import write_l2a_product
    from tests.servers.assets.fixtures import assets_base, first_l2a_item, requests_client
    from tests.servers.assets.l2a import publish_l2a
    from tests.servers.assets.process import SignedAssets
    from tests.servers.mapserver.service import MapServerService
    from tests.servers.stac_api import theia_data
    from tests.servers.stac_api.service import StacApiService
    from theia_plugin.core.catalogue.layers import item_layer_specs, wms_uri, write_true_colour_vrt
    from theia_plugin.core.catalogue.model import SearchRequest
    from theia_plugin.core.catalogue.signing import UrlSigner, host_rule
    from theia_plugin.core.catalogue.stac_backend import StacCatalogue
    from theia_plugin.net import create_client
    from theia_plugin.toolbelt.render import apply_true_colour_renderer, render_to_png

    out = Path(output_dir)
    work = out / "catalogue"
    work.mkdir(parents=True, exist_ok=True)
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        os.environ.pop(name, None)  # local services only
    written: dict[str, Path] = {}
    with SignedAssets() as servers:
        item = first_l2a_item(assets_base(servers))
        product = write_l2a_product(
            work / "product", date(2019, 2, 1), size_10m=480, seed=5, cloud_fraction=0.2,
            truth=False,
        )  # fmt: skip
        publish_l2a(servers.assets, product.path, item, work / "cogs")
        with (
            StacApiService(assets_base(servers)) as stac,
            create_client(prefer_qgis=False) as client,
        ):
            catalogue = StacCatalogue(stac.url, client)
            tile = item["properties"]["s2:mgrs_tile"]
            request = SearchRequest(
                collections=(theia_data.S2_L2A,),
                filters={"s2:mgrs_tile": ("=", tile)},
                page_size=50,
            )
            found = next(
                result
                for page in catalogue.search(request)
                for result in page
                if result.id == item["id"]
            )
            with requests_client(servers.signing.credentials) as signing_client:
                signer = UrlSigner(
                    signing_client,
                    servers.signing.url(""),
                    needs_signing=host_rule([servers.assets.netloc]),
                )
                specs = item_layer_specs(found, ["B04", "B03", "B02"], signer.sign_many)
            vrt = write_true_colour_vrt(specs, work / f"{found.id}_RGB.vrt")
            layer = QgsRasterLayer(str(vrt), found.id, "gdal")
            if not layer.isValid():
                raise RuntimeError(f"QGIS could not open the signed COGs of {found.id}")
            apply_true_colour_renderer(layer, 0, 2500)
            written["COG_PNG"] = render_to_png(
                [layer], out / "catalogue_cog.png", width=700,
                title=f"T{tile} {found.datetime:%Y-%m-%d}: signed COGs, true colour",
                background=QColor(45, 45, 48),
            )  # fmt: skip
    with MapServerService(work / "maps") as maps:
        wms = QgsRasterLayer(wms_uri(maps.ows_url, "ndvi", crs="EPSG:32631"), "NDVI (WMS)", "wms")
        if not wms.isValid():
            raise RuntimeError(f"QGIS could not open the WMS layer of {maps.ows_url}")
        written["WMS_PNG"] = render_to_png(
            [wms], out / "catalogue_wms.png", width=700, title="NDVI through WMS (qgis_mapserver)",
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
