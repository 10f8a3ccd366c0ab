"""Where a DSM-OPT result layer can be read from, best first, as QGIS data-source URIs.

A published layer may be a Cloud Optimized GeoTIFF (read in place through GDAL's
``/vsicurl/``), XYZ tiles, a WMS layer or only a PNG preview with its four corners. The preview
becomes a small VRT whose ground control points are those corners (GDAL and QGIS warp it).
Qt-free: the UI turns these into layers (``theia_plugin.ui.dsmopt_layers``).
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from theia_plugin.core.i18n import tr

from .model import LICENCE, ResultLayer

__all__ = [
    "SOURCE_KINDS",
    "LayerSource",
    "cog_uri",
    "licence_notice",
    "sources_for",
    "wms_uri",
    "write_preview_vrt",
    "xyz_uri",
]

#: Source kinds in the order the plugin tries them.
SOURCE_KINDS = ("cog", "xyz", "wms", "preview")


@dataclass(frozen=True)
class LayerSource:
    """One way to read a result layer: a QGIS provider key and a URI (``preview``: made on
    demand by :func:`write_preview_vrt`)."""

    kind: str
    provider: str
    uri: str


def licence_notice(licence: str = LICENCE) -> str:
    """The sentence shown with DSM-OPT products."""
    return tr(
        "DSM-OPT products (ForM@Ter / THEIA / DINAMIS, A2S computing centre) are licensed "
        "{licence} (Creative Commons Attribution-NonCommercial 4.0): credit the service, no "
        "commercial use."
    ).format(licence=licence)


def cog_uri(url: str) -> str:
    return url if url.startswith("/vsi") else "/vsicurl/" + url


def xyz_uri(template: str, zmin: int = 0, zmax: int = 18) -> str:
    """A ``wms``-provider URI for an XYZ tile template with ``{z}/{x}/{y}``."""
    return f"type=xyz&url={quote(template, safe=':/{}')}&zmin={zmin}&zmax={zmax}"


def wms_uri(
    endpoint: str, layers: str, crs: str = "EPSG:3857", image_format: str = "image/png"
) -> str:
    """A ``wms``-provider URI; ``endpoint`` may carry its own query (``?MAP=…``)."""
    return (
        f"contextualWMSLegend=0&crs={crs}&dpiMode=7&format={image_format}"
        f"&layers={quote(layers, safe='')}&styles=&url={quote(endpoint, safe=':/')}"
    )


def sources_for(layer: ResultLayer) -> list[LayerSource]:
    """The sources ``layer`` offers, best first (the preview's URI is its PNG URL)."""
    found = []
    if layer.cog_url:
        found.append(LayerSource("cog", "gdal", cog_uri(layer.cog_url)))
    if layer.xyz_url:
        found.append(LayerSource("xyz", "wms", xyz_uri(layer.xyz_url)))
    if layer.wms_url:
        found.append(LayerSource("wms", "wms", wms_uri(layer.wms_url, layer.wms_layers or "")))
    if layer.preview_url and layer.preview_corners:
        found.append(LayerSource("preview", "gdal", layer.preview_url))
    return found


def write_preview_vrt(layer: ResultLayer, folder: str | os.PathLike) -> Path:
    """A VRT placing ``layer``'s PNG preview by its four corners (ground control points in
    ``preview_crs``), written atomically in ``folder``; the PNG is read through /vsicurl/."""
    from osgeo import gdal

    if not layer.preview_url or not layer.preview_corners:
        raise ValueError(tr("Result layer {code} has no placed preview").format(code=layer.code))
    source = cog_uri(layer.preview_url)
    gdal.UseExceptions()
    dataset = gdal.Open(source)
    width, height = dataset.RasterXSize, dataset.RasterYSize
    pixels = {"TL": (0, 0), "TR": (width, 0), "BR": (width, height), "BL": (0, height)}
    gcps = [
        gdal.GCP(x, y, 0.0, float(pixels[key][0]), float(pixels[key][1]))
        for key, (x, y) in layer.preview_corners.items()
    ]
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(layer.preview_url.encode()).hexdigest()[:12]
    path = folder / f"{layer.code}-{digest}.vrt"
    part = folder / f".{path.name}.{uuid.uuid4().hex[:6]}.part.vrt"
    out = gdal.Translate(str(part), dataset, format="VRT", GCPs=gcps, outputSRS=layer.preview_crs)
    out = None  # noqa: F841 - flushes the VRT
    dataset = None
    part.replace(path)
    return path
