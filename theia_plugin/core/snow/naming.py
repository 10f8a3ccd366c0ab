"""File names of snow outputs, like the upstream LIS products, so users recognise them."""

from __future__ import annotations

from datetime import date, datetime

#: Per-date (L2B) and annual (L3B) product kinds.
L2B_KINDS = ("SEB", "FSC-TOC", "FSC-OG", "NDSI", "EXPERT")
L3B_KINDS = ("SCD", "SOD", "SMOD", "NOBS", "NSP")


def _tile(tile: str) -> str:
    return tile if tile.upper().startswith("T") else f"T{tile}"


def l2b_name(kind: str, tile: str, acquired: datetime, version: str) -> str:
    """``LIS_S2-SNOW-FSC-TOC_T31TCH_20190115T103421_<version>.tif``."""
    if kind not in L2B_KINDS:
        raise ValueError(f"unknown L2B kind {kind!r}; expected one of {L2B_KINDS}")
    return f"LIS_S2-SNOW-{kind}_{_tile(tile)}_{acquired:%Y%m%dT%H%M%S}_{version}.tif"


def l3b_name(kind: str, tile: str, start: date, end: date, version: str) -> str:
    """``LIS_S2-SNOW-SCD_T31TCH_20180901_20190831_<version>.tif``."""
    if kind not in L3B_KINDS:
        raise ValueError(f"unknown L3B kind {kind!r}; expected one of {L3B_KINDS}")
    return f"LIS_S2-SNOW-{kind}_{_tile(tile)}_{start:%Y%m%d}_{end:%Y%m%d}_{version}.tif"
