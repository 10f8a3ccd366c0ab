"""Theia L2A (MAJA) products: find the band and mask files of a folder or a zip.

Layout (Theia's own, see shared/docs/snow.md §1)::

    SENTINEL2A_20190115-103421-123_L2A_T31TCH_C_V2-2/
        <ID>_FRE_B2.tif … <ID>_FRE_B12.tif     (and <ID>_SRE_B*.tif)
        MASKS/<ID>_CLM_R1.tif, <ID>_CLM_R2.tif, <ID>_MG2_R1.tif, <ID>_EDG_R1.tif, <ID>_SAT_R1.tif…

A zip holds that folder; its files are read in place through GDAL's ``/vsizip/`` (no
extraction). Only names are inspected here, so opening a product is instant.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from theia_plugin.core.i18n import tr

PRODUCT_ID_RE = re.compile(
    r"^(?P<platform>SENTINEL2[A-D]|LANDSAT[89]|VENUS)_"
    r"(?P<date>\d{8})-(?P<time>\d{6})-(?P<ms>\d{3})_L2A_"
    r"(?P<tile>T\d{2}[A-Z]{3}|[A-Z0-9_-]+?)_(?P<kind>[CD])_V(?P<version>\d+-\d+)$"
)
BAND_FILE_RE = re.compile(r"_(?P<correction>FRE|SRE)_(?P<band>B\d+A?)\.tif$", re.IGNORECASE)
MASK_FILE_RE = re.compile(r"_(?P<mask>CLM|MG2|EDG|SAT|IAB|DFP)_R(?P<res>\d)\.tif$", re.IGNORECASE)

# Sentinel-2 bands and their native resolution group (R1 = 10 m, R2 = 20 m).
S2_RESOLUTION_GROUP = {
    "B2": 1, "B3": 1, "B4": 1, "B8": 1,
    "B5": 2, "B6": 2, "B7": 2, "B8A": 2, "B11": 2, "B12": 2,
}  # fmt: skip
NODATA = -10000
SCALE = 10000


class ProductError(ValueError):
    """A path that is not a usable Theia L2A product; the message says what was expected."""


@dataclass(frozen=True)
class L2AProduct:
    """One Theia L2A product; paths are GDAL paths (plain or ``/vsizip/``)."""

    source: Path
    product_id: str
    platform: str
    acquired: datetime
    tile: str
    version: str
    bands: dict[str, str] = field(default_factory=dict)  # "FRE_B4" -> GDAL path
    masks: dict[str, str] = field(default_factory=dict)  # "CLM_R2" -> GDAL path
    #: GDAL configuration options for reading these paths (e.g. /vsicurl/ tuning), to apply
    #: with ``rasterio.Env`` in the thread that reads.
    gdal_options: dict[str, str] = field(default_factory=dict)
    #: Whether a mask missing at one resolution may be read from the other (STAC items carry
    #: only CLM_R1, MG2_R2, EDG_R2); a product folder or zip lacking one is incomplete.
    mask_fallback: bool = False

    def band(self, band: str, correction: str = "FRE") -> str:
        key = f"{correction.upper()}_{normalise_band(band)}"
        try:
            return self.bands[key]
        except KeyError:
            available = ", ".join(sorted(self.bands)) or tr("none")
            raise ProductError(
                tr("{product}: band {band} is missing (available: {available}).").format(
                    product=self.product_id, band=key, available=available
                )
            ) from None

    def mask(self, mask: str, resolution_group: int) -> str:
        """The mask file of ``resolution_group``; with :attr:`mask_fallback`, else the same
        mask at another resolution (readers put it on their grid, bits OR-ed when coarsened)."""
        key = f"{mask.upper()}_R{resolution_group}"
        others = sorted(
            (k for k in self.masks if k.rsplit("_R", 1)[0] == mask.upper() and k != key),
            key=lambda k: abs(int(k.rsplit("_R", 1)[1]) - resolution_group),
        )
        if not self.mask_fallback:
            others = []
        try:
            return self.masks[key] if key in self.masks else self.masks[others[0]]
        except IndexError:
            raise ProductError(
                tr("{product}: mask MASKS/{product}_{mask}.tif is missing.").format(
                    product=self.product_id, mask=key
                )
            ) from None

    @property
    def is_zip(self) -> bool:
        return self.source.suffix.lower() == ".zip"


def normalise_band(band: str) -> str:
    """ "b04", "B04", "4" and "B4" all name Sentinel-2 band B4 (Theia files use B4, B8A)."""
    text = band.upper().lstrip("B")
    if text.endswith("A"):
        return f"B{int(text[:-1])}A"
    return f"B{int(text)}"


def parse_product_id(product_id: str) -> dict:
    match = PRODUCT_ID_RE.match(product_id)
    if not match:
        raise ProductError(
            tr(
                "{name} is not a Theia L2A product name "
                "(expected e.g. SENTINEL2A_20190115-103421-123_L2A_T31TCH_C_V2-2)."
            ).format(name=product_id)
        )
    acquired = datetime.strptime(
        match["date"] + match["time"] + match["ms"], "%Y%m%d%H%M%S%f"
    ).replace(tzinfo=timezone.utc)
    return {
        "platform": match["platform"],
        "acquired": acquired,
        "tile": match["tile"],
        "version": match["version"],
    }


def open_l2a(path: str | Path) -> L2AProduct:
    """Open a Theia L2A product folder or zip; raises :class:`ProductError` if it is not one."""
    source = Path(path)
    if not source.exists():
        raise ProductError(tr("{path} does not exist.").format(path=source))
    if source.is_dir():
        product_id = source.name
        members = [p.relative_to(source).as_posix() for p in source.rglob("*.tif")]
        prefix = str(source)
    elif source.suffix.lower() == ".zip":
        product_id = source.stem
        try:
            with zipfile.ZipFile(source) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError) as exc:
            raise ProductError(
                tr("{path} is not a readable zip archive (corrupt or truncated?): {error}").format(
                    path=source, error=exc
                )
            ) from exc
        root = f"{product_id}/"
        members = [n[len(root) :] for n in names if n.startswith(root) and n.endswith(".tif")]
        prefix = f"/vsizip/{source}/{product_id}"
    else:
        raise ProductError(
            tr("{path} is neither a Theia L2A product folder nor a zip archive.").format(
                path=source
            )
        )
    meta = parse_product_id(product_id)
    bands, masks = {}, {}
    for member in members:
        full = f"{prefix}/{member}"
        if band_match := BAND_FILE_RE.search(member):
            key = f"{band_match['correction'].upper()}_{normalise_band(band_match['band'])}"
            bands[key] = full
        elif mask_match := MASK_FILE_RE.search(member):
            masks[f"{mask_match['mask'].upper()}_R{mask_match['res']}"] = full
    if not bands:
        raise ProductError(
            tr("{path}: no {id}_FRE_B*.tif band files found (is the product complete?).").format(
                path=source, id=product_id
            )
        )
    return L2AProduct(source=source, product_id=product_id, bands=bands, masks=masks, **meta)
