"""Layer specifications (provider key + data source URI + name) for catalogue assets (Qt-free).

The dock, drag-and-drop, the Browser items and Processing all open assets through the same
:class:`LayerSpec`:

- COG / GeoTIFF / JPEG 2000 over HTTP → ``gdal`` provider, ``/vsicurl/<url>``; the URL is first
  given to a *signer* (``sign(urls) -> {url: signed_url}``) so private MTD COGs can be signed
  (the default signer returns URLs unchanged);
- XYZ tile templates (``{z}``, ``{x}``, ``{y}``/``{-y}``), including WMTS KVP templates such as
  the ``maps.theia-land.fr`` snow layer → ``wms`` provider, ``type=xyz&url=…&zmin=…&zmax=…``
  with the template percent-encoded as QGIS's own XYZ connections write it;
- WMS / WMTS endpoints → ``wms`` provider URIs (``url``, ``layers``, ``styles``, ``format``,
  ``crs``, plus ``tileMatrixSet`` for WMTS);
- local zip archives (GEODES products once downloaded) → ``/vsizip/<zip>/<member>``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from theia_plugin.core.i18n import tr

from .model import Asset, CatalogueItem

__all__ = [
    "RASTER_SUFFIXES",
    "SNOW_WMTS_TEMPLATE",
    "TRUE_COLOUR",
    "LayerSpec",
    "Signer",
    "asset_kind",
    "identity_signer",
    "item_layer_specs",
    "layer_spec",
    "mappable_keys",
    "primary_keys",
    "snow_xyz_spec",
    "true_colour_keys",
    "wms_uri",
    "wmts_uri",
    "write_true_colour_vrt",
    "xyz_uri",
    "zip_layer_specs",
    "zip_true_colour_specs",
]

#: ``sign(urls) -> {url: signed_url}``; URLs it leaves out are used unchanged.
Signer = Callable[[Sequence[str]], Mapping[str, str]]

RASTER_SUFFIXES = (".tif", ".tiff", ".jp2", ".vrt", ".img", ".nc")
_RASTER_TYPES = ("image/tiff", "image/geotiff", "image/jp2", "application/x-netcdf")
_ZIP_TYPES = ("application/zip", "application/x-zip-compressed")
_XYZ_PLACEHOLDERS = ("{z}", "{x}")

#: The Theia daily snow map (MapCache WMTS) as an XYZ template (``shared/docs/catalogue.md``).
SNOW_WMTS_TEMPLATE = (
    "http://maps.theia-land.fr/mapcache/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
    "&STYLE=default&TILEMATRIXSET=GoogleMapsCompatible&FORMAT=image/png&LAYER=neige"
    "&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}"
)

#: Asset keys of a true-colour composite (red, green, blue) per collection.
TRUE_COLOUR: dict[str, tuple[str, str, str]] = {
    "sentinel2-l2a-theia": ("B04", "B03", "B02"),
    "sentinel2-l2a-sen2cor": ("B04", "B03", "B02"),
    "sentinel2-l2a-sen2lasrc": ("B04", "B03", "B02"),
    "super-sentinel-2-l2a": ("B04", "B03", "B02"),
}


@dataclass(frozen=True)
class LayerSpec:
    """What QGIS needs to make a layer: ``QgsRasterLayer(uri, name, provider)``."""

    provider: str
    uri: str
    name: str
    layer_type: str = "raster"
    #: the asset's URL before signing ("" for local files); kept to re-sign saved layers
    source_url: str = ""


def identity_signer(urls: Sequence[str]) -> dict[str, str]:
    """The default signer: every URL as it is (public assets)."""
    return {url: url for url in urls}


# --- classification ---------------------------------------------------------------------------


def asset_kind(asset: Asset) -> str | None:
    """``"raster"``, ``"xyz"``, ``"wms"``, ``"wmts"``, ``"zip"`` or None (not a map layer)."""
    href = asset.href
    media = asset.type.lower()
    roles = {r.lower() for r in asset.roles}
    if not href:
        return None
    if all(p in href for p in _XYZ_PLACEHOLDERS) and ("{y}" in href or "{-y}" in href):
        return "xyz"
    service = _query(href).get("service", "").lower()
    if service == "wms" or "wms" in roles or "wms" in media:
        return "wms"
    if service == "wmts" or "wmts" in roles or "wmts" in media:
        return "wmts"
    path = urlsplit(href).path.lower() if "://" in href else href.lower()
    if any(t in media for t in _ZIP_TYPES) or path.endswith(".zip"):
        return "zip"
    if any(t in media for t in _RASTER_TYPES) or path.endswith(RASTER_SUFFIXES):
        return "raster"
    return None


def _query(url: str) -> dict[str, str]:
    """Query parameters with lower-case names (OGC KVP names are case-insensitive)."""
    return {k.lower(): v for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)}


def _without_params(url: str, names: Sequence[str]) -> str:
    parts = urlsplit(url)
    drop = {n.lower() for n in names}
    kept = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in drop
    ]
    return urlunsplit(parts._replace(query=urlencode(kept)))


# --- URIs --------------------------------------------------------------------------------------


def _encode(value: str) -> str:
    """Percent-encode a parameter value of a QGIS data source URI (``&``, ``=``, braces…)."""
    return quote(value, safe=":/?@!$'()*+,;%")


def xyz_uri(template: str, zmin: int = 0, zmax: int = 18) -> str:
    """The ``wms`` provider URI of an XYZ tile template."""
    if not all(p in template for p in _XYZ_PLACEHOLDERS):
        raise ValueError(
            tr("“{url}” is not an XYZ tile template: {{z}}, {{x}} and {{y}} are expected").format(
                url=template
            )
        )
    if not 0 <= zmin <= zmax:
        raise ValueError(
            tr("Zoom levels must satisfy 0 ≤ zmin ≤ zmax (zmin {zmin}, zmax {zmax})").format(
                zmin=zmin, zmax=zmax
            )
        )
    return f"type=xyz&url={_encode(template)}&zmax={int(zmax)}&zmin={int(zmin)}"


def wms_uri(
    url: str,
    layers: str,
    *,
    styles: str = "",
    image_format: str = "image/png",
    crs: str = "EPSG:3857",
) -> str:
    """The ``wms`` provider URI of a WMS layer (``url`` without GetMap parameters)."""
    if not layers:
        raise ValueError(tr("A WMS layer name is needed for {url}").format(url=url))
    return "&".join(
        [
            "contextualWMSLegend=0",
            f"crs={crs}",
            "dpiMode=7",
            "featureCount=10",
            f"format={image_format}",
            f"layers={_encode(layers)}",
            f"styles={_encode(styles)}",
            f"url={_encode(url)}",
        ]
    )


def wmts_uri(
    url: str,
    layer: str,
    *,
    tile_matrix_set: str = "GoogleMapsCompatible",
    style: str = "default",
    image_format: str = "image/png",
    crs: str = "EPSG:3857",
) -> str:
    """The ``wms`` provider URI of a WMTS layer (``url``: the GetCapabilities URL)."""
    if not layer:
        raise ValueError(tr("A WMTS layer name is needed for {url}").format(url=url))
    return "&".join(
        [
            "contextualWMSLegend=0",
            f"crs={crs}",
            "dpiMode=7",
            "featureCount=10",
            f"format={image_format}",
            f"layers={_encode(layer)}",
            f"styles={_encode(style)}",
            f"tileMatrixSet={_encode(tile_matrix_set)}",
            f"url={_encode(url)}",
        ]
    )


def vsicurl(url: str) -> str:
    return "/vsicurl/" + url


def snow_xyz_spec(zmin: int = 0, zmax: int = 18) -> LayerSpec:
    """The Theia daily snow map of ``maps.theia-land.fr`` as an XYZ layer."""
    return LayerSpec(
        "wms",
        xyz_uri(SNOW_WMTS_TEMPLATE, zmin, zmax),
        tr("Theia snow (daily)"),
        source_url=SNOW_WMTS_TEMPLATE,
    )


# --- assets → layers ---------------------------------------------------------------------------


def _name(item: CatalogueItem, key: str, asset: Asset) -> str:
    return f"{item.title or item.id} — {asset.title or key}"


def layer_spec(
    item: CatalogueItem, key: str, signer: Signer | None = None, *, signed: str | None = None
) -> LayerSpec:
    """The layer of ``item.assets[key]``.

    Raises ``KeyError`` for an unknown key and ``ValueError`` for an asset QGIS cannot show
    (a metadata file, a remote zip that must be downloaded first).
    """
    try:
        asset = item.assets[key]
    except KeyError:
        raise KeyError(
            tr("Item {item} has no asset “{key}” (assets: {keys})").format(
                item=item.id, key=key, keys=", ".join(sorted(item.assets)) or "-"
            )
        ) from None
    kind = asset_kind(asset)
    name = _name(item, key, asset)
    href = asset.href
    if kind == "xyz":
        zmin = int(asset.extra.get("tiles:zmin", asset.extra.get("zmin", 0)) or 0)
        zmax = int(asset.extra.get("tiles:zmax", asset.extra.get("zmax", 18)) or 18)
        return LayerSpec("wms", xyz_uri(href, zmin, zmax), name, source_url=href)
    if kind == "wms":
        params = _query(href)
        layers = str(asset.extra.get("wms:layers") or params.get("layers", ""))
        if isinstance(asset.extra.get("wms:layers"), list):
            layers = ",".join(asset.extra["wms:layers"])
        styles = asset.extra.get("wms:styles") or params.get("styles", "")
        if isinstance(styles, list):
            styles = ",".join(styles)
        base = _without_params(
            href,
            ("service", "request", "version", "layers", "styles", "format", "crs", "srs", "bbox",
             "width", "height", "transparent"),
        )  # fmt: skip
        crs = params.get("crs") or params.get("srs") or "EPSG:3857"
        fmt = params.get("format") or "image/png"
        return LayerSpec(
            "wms",
            wms_uri(base, layers, styles=str(styles), image_format=fmt, crs=crs),
            name,
            source_url=href,
        )
    if kind == "wmts":
        params = _query(href)
        layer = str(asset.extra.get("wmts:layer") or params.get("layer", ""))
        base = _without_params(href, ("request", "layer", "style", "format", "tilematrixset"))
        sep = "&" if urlsplit(base).query else "?"
        caps = base if "request=" in base.lower() else f"{base}{sep}REQUEST=GetCapabilities"
        if "service=" not in caps.lower():
            caps += "&SERVICE=WMTS"
        return LayerSpec(
            "wms",
            wmts_uri(
                caps,
                layer,
                tile_matrix_set=params.get("tilematrixset") or "GoogleMapsCompatible",
                style=params.get("style") or "default",
                image_format=params.get("format") or "image/png",
            ),
            name,
            source_url=href,
        )
    if kind == "raster":
        if "://" not in href:
            return LayerSpec("gdal", str(Path(href)), name)
        url = signed or (signer or identity_signer)([href]).get(href) or href
        return LayerSpec("gdal", vsicurl(url), name, source_url=href)
    if kind == "zip":
        if "://" not in href and Path(href).is_file():
            specs = zip_layer_specs(href, name_prefix=item.title or item.id)
            if specs:
                return specs[0]
        raise ValueError(
            tr("Asset “{key}” of {item} is a zip archive: download it first").format(
                key=key, item=item.id
            )
        )
    raise ValueError(
        tr("Asset “{key}” of {item} ({type}) cannot be shown as a map layer").format(
            key=key, item=item.id, type=asset.type or "?"
        )
    )


def mappable_keys(item: CatalogueItem) -> list[str]:
    """Asset keys that open directly as layers (rasters, XYZ, WMS, WMTS), in item order."""
    return [k for k, a in item.assets.items() if asset_kind(a) in ("raster", "xyz", "wms", "wmts")]


_SECONDARY_ROLES = {"cloud", "quality", "metadata", "thumbnail", "overview", "mask"}


def primary_keys(item: CatalogueItem) -> list[str]:
    """The assets a dropped or double-clicked result opens: ``visual`` assets when the item has
    some, else its mappable data assets without masks and quality layers."""
    keys = mappable_keys(item)
    visual = [k for k in keys if "visual" in item.assets[k].roles]
    if visual:
        return visual
    main = [k for k in keys if not _SECONDARY_ROLES.intersection(item.assets[k].roles)]
    return main or keys


def true_colour_keys(item: CatalogueItem) -> tuple[str, str, str] | None:
    """The red, green and blue asset keys of a true-colour composite, when the item has them."""
    keys = TRUE_COLOUR.get(item.collection)
    if keys and all(k in item.assets and asset_kind(item.assets[k]) == "raster" for k in keys):
        return keys
    return None


def item_layer_specs(
    item: CatalogueItem, keys: Sequence[str] | None = None, signer: Signer | None = None
) -> list[LayerSpec]:
    """Layers of several assets of an item (default: every mappable one), signed in one call."""
    keys = list(keys) if keys is not None else mappable_keys(item)
    remote = [
        item.assets[k].href
        for k in keys
        if k in item.assets
        and asset_kind(item.assets[k]) == "raster"
        and "://" in item.assets[k].href
    ]
    signed = dict((signer or identity_signer)(remote)) if remote else {}
    return [layer_spec(item, k, signed=signed.get(item.assets[k].href)) for k in keys]


def zip_layer_specs(zip_path: str | Path, *, name_prefix: str = "") -> list[LayerSpec]:
    """A layer per raster file inside a local zip archive (``/vsizip/``), in archive order."""
    path = Path(zip_path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist() if n.lower().endswith(RASTER_SUFFIXES)]
    except (OSError, zipfile.BadZipFile) as error:
        raise ValueError(
            tr("Cannot read the zip archive {path}: {error}").format(path=path, error=error)
        ) from None
    prefix = f"{name_prefix} — " if name_prefix else ""
    return [
        LayerSpec("gdal", f"/vsizip/{path.as_posix()}/{member}", prefix + Path(member).stem)
        for member in members
    ]


def zip_true_colour_specs(specs: Sequence[LayerSpec]) -> list[LayerSpec] | None:
    """The red, green, blue layers (B4, B3, B2) of a Theia product's files, flat-reflectance
    (FRE) ones preferred over SRE; ``None`` when the product lacks one of them."""
    for kind in ("FRE", "SRE"):
        by_band = {}
        for spec in specs:
            match = re.search(rf"_{kind}_B(\d+)$", PurePosixPath(spec.uri).stem)
            if match:
                by_band[match.group(1)] = spec
        if all(b in by_band for b in ("4", "3", "2")):
            return [by_band["4"], by_band["3"], by_band["2"]]
    return None


def write_true_colour_vrt(specs: Sequence[LayerSpec], path: str | Path) -> Path:
    """Write a red/green/blue VRT over three GDAL layer specs (e.g. signed ``/vsicurl/`` COGs).

    GDAL reads the three headers (network for remote files: call it from a background task).
    Written to a temporary name then renamed, so a reader never sees half a file.
    """
    from osgeo import gdal

    if len(specs) != 3 or any(s.provider != "gdal" for s in specs):
        raise ValueError(tr("A true-colour composite needs three GDAL rasters (red, green, blue)"))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    options = gdal.BuildVRTOptions(separate=True, resolution="highest")
    vrt = gdal.BuildVRT(str(partial), [s.uri for s in specs], options=options)
    if vrt is None:
        raise ValueError(
            tr("Cannot build the true-colour composite of {name}: {error}").format(
                name=specs[0].name, error=gdal.GetLastErrorMsg() or "?"
            )
        )
    colours = (gdal.GCI_RedBand, gdal.GCI_GreenBand, gdal.GCI_BlueBand)
    for band, colour in enumerate(colours, start=1):
        vrt.GetRasterBand(band).SetColorInterpretation(colour)
    vrt = None  # closes and writes the file
    partial.replace(path)
    return path
