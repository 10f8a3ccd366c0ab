"""Colour composites of L2A products as lightweight GDAL VRTs (no pixel copied)."""

from __future__ import annotations

from pathlib import Path

from theia_plugin.core.raster.theia_l2a import L2AProduct

TRUE_COLOUR = ("B4", "B3", "B2")


def build_composite_vrt(
    product: L2AProduct, dest: str | Path, bands: tuple[str, ...] = TRUE_COLOUR
) -> Path:
    """Stack ``bands`` (FRE) of ``product`` into a multi-band VRT at ``dest``."""
    from osgeo import gdal

    gdal.UseExceptions()
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    sources = [product.band(b) for b in bands]
    options = gdal.BuildVRTOptions(separate=True, srcNodata=-10000, VRTNodata=-10000)
    vrt = gdal.BuildVRT(str(dest), sources, options=options)
    if vrt is None:
        raise OSError(f"could not build {dest}")
    for index, band in enumerate(bands, start=1):
        vrt.GetRasterBand(index).SetDescription(band)
    vrt.FlushCache()
    vrt = None
    return dest
