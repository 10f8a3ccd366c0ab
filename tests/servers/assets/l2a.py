"""Publish a generated Theia L2A product on the :class:`~.server.AssetServer` as the COG assets
of a ``sentinel2-l2a-theia`` STAC item (asset keys ``B02``…``B12``, ``B8A``, ``CLM_R1``,
``MG2_R2``, ``EDG_R2``, like the real MTD catalogue)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.servers.assets.server import AssetServer

#: STAC asset key → file suffix in a Theia product folder.
ASSET_FILES = {
    **{f"B{n:02d}": f"FRE_B{n}" for n in (2, 3, 4, 5, 6, 7, 8, 11, 12)},
    "B8A": "FRE_B8A",
    "CLM_R1": "CLM_R1",
    "MG2_R2": "MG2_R2",
    "EDG_R2": "EDG_R2",
}


def to_cog(source: Path, dest: Path) -> Path:
    """``source`` rewritten by GDAL's COG driver (tiled, overviews, deflate)."""
    from osgeo import gdal

    dest.parent.mkdir(parents=True, exist_ok=True)
    options = gdal.TranslateOptions(
        format="COG", creationOptions=["COMPRESS=DEFLATE", "BLOCKSIZE=256", "OVERVIEWS=AUTO"]
    )
    dataset = gdal.Translate(str(dest), str(source), options=options)
    assert dataset is not None, f"COG conversion of {source} failed"
    dataset = None
    return dest


def product_file(folder: Path, suffix: str) -> Path:
    found = sorted(folder.rglob(f"*_{suffix}.tif"))
    assert found, f"{folder} has no *_{suffix}.tif"
    return found[0]


def publish_l2a(
    assets: AssetServer, product_folder: Path, item: dict[str, Any], cog_dir: Path
) -> dict[str, Path]:
    """Serve the COGs of ``product_folder`` at the hrefs of ``item``'s L2A assets (hrefs must
    point to ``assets``). Returns asset key → local COG."""
    published = {}
    for key, suffix in ASSET_FILES.items():
        href = item["assets"][key]["href"]
        parts = urlsplit(href)
        assert parts.netloc == assets.netloc, f"{href} is not on the asset server"
        cog = to_cog(product_file(product_folder, suffix), cog_dir / f"{key}.tif")
        assets.publish(parts.path, cog)
        published[key] = cog
    return published


def expected_ndvi(product_dir: Path):
    """NDVI computed with numpy from the product's own files, masked with CLM_R1 and EDG_R2
    (upsampled) like a computation from the item's assets."""
    import numpy as np
    import rasterio

    def band(suffix):
        with rasterio.open(product_file(product_dir, suffix)) as dataset:
            return dataset.read(1)

    raw_n, raw_r = band("FRE_B8"), band("FRE_B4")
    n, r = (raw.astype(np.float32) / np.float32(1e4) for raw in (raw_n, raw_r))
    edge = np.repeat(np.repeat(band("EDG_R2"), 2, axis=0), 2, axis=1)
    invalid = (band("CLM_R1") != 0) | (edge != 0) | (raw_n == -10000) | (raw_r == -10000)
    with np.errstate(divide="ignore", invalid="ignore"):
        ndvi = (n - r) / (n + r)
    ndvi[invalid] = np.nan
    return ndvi
