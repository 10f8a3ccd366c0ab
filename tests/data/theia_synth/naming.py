"""Product identifiers and file names exactly as MAJA/MUSCATE writes them (snow.md §1).

``SENTINEL2A_20190115-103421-123_L2A_T31TCH_C_V2-2/`` holds
``<ID>_FRE_B2.tif`` … ``<ID>_FRE_B12.tif`` (and ``_SRE_`` ones), ``<ID>_MTD_ALL.xml`` and
``MASKS/<ID>_{CLM,MG2,EDG,SAT}_R{1,2}.tif``.
"""

from __future__ import annotations

import re
from datetime import datetime

PLATFORMS = ("SENTINEL2A", "SENTINEL2B", "SENTINEL2C")
MASK_NAMES = ("CLM", "MG2", "EDG", "SAT")
RESOLUTION_NAMES = ("R1", "R2")

PRODUCT_ID_RE = re.compile(
    r"^(?P<platform>SENTINEL2[ABC])"
    r"_(?P<date>\d{8})-(?P<time>\d{6})-(?P<millis>\d{3})"
    r"_L2A_(?P<tile>T\d{2}[A-Z]{3})"
    r"_(?P<edition>[CD])_V(?P<version>\d+-\d+)$"
)


def product_id(
    platform: str, acquired: datetime, tile: str, *, edition: str = "C", version: str = "2-2"
) -> str:
    """``SENTINEL2A_20190115-103421-123_L2A_T31TCH_C_V2-2`` (time to the millisecond)."""
    if platform not in PLATFORMS:
        raise ValueError(f"unknown platform {platform!r}")
    stamp = acquired.strftime("%Y%m%d-%H%M%S") + f"-{acquired.microsecond // 1000:03d}"
    pid = f"{platform}_{stamp}_L2A_{tile}_{edition}_V{version}"
    if not PRODUCT_ID_RE.match(pid):
        raise ValueError(f"not a valid Theia L2A identifier: {pid}")
    return pid


def parse_product_id(pid: str) -> dict[str, str]:
    match = PRODUCT_ID_RE.match(pid)
    if not match:
        raise ValueError(f"not a Theia L2A identifier: {pid!r}")
    return match.groupdict()


def band_file(pid: str, band: str, kind: str = "FRE") -> str:
    """``<ID>_FRE_B4.tif`` (``kind`` FRE: slope-corrected, SRE: not)."""
    return f"{pid}_{kind}_{band}.tif"


def mask_file(pid: str, mask: str, resolution: str) -> str:
    """``MASKS/<ID>_CLM_R2.tif``, relative to the product folder."""
    return f"MASKS/{pid}_{mask}_{resolution}.tif"


def metadata_file(pid: str) -> str:
    return f"{pid}_MTD_ALL.xml"


def truth_file(pid: str, what: str, resolution: str = "R2") -> str:
    """Sidecar truth, kept outside the product folder: ``<ID>_SNOW_TRUTH_R2.tif``."""
    return f"{pid}_{what}_TRUTH_{resolution}.tif"
