"""Sensor band maps: which product band plays each Awesome Spectral Indices standard band.

The maps are derived from the catalogue's ``bands.json`` (its ``sentinel2a``/``landsat8``
entries) rather than typed by hand, with two deliberate adjustments:

- Theia L2A products have no B1 (coastal), B9 (water vapour) or B10 (cirrus) surface
  reflectance, so :data:`SENTINEL2_THEIA_L2A` leaves out ASI's ``A`` and ``WV``;
- ASI files Landsat 8/9 NIR (B5) under ``N2`` only (its ``N`` is the broad Sentinel-2 B8), so
  indices written with ``N`` — NDVI among them — would not be computable on Landsat. The
  Landsat map sets ``N`` → B5 explicitly, the usual practice.

Landsat ``T1``/``T2`` map to B10/B11 (thermal) as in the catalogue; in Collection 2 Level-2
products B10 is surface temperature, not reflectance, with its own scaling.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from theia_plugin.core.indices.catalogue import IndexCatalogue, SpectralIndex, catalogue
from theia_plugin.core.indices.data import raw_bands

#: Sentinel-2 bands with a surface reflectance in Theia L2A products (FRE/SRE).
THEIA_L2A_BANDS = ("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12")


def _platform_map(platform: str) -> dict[str, str]:
    """ASI band name → band id on ``platform`` (a key of bands.json ``platforms``)."""
    return {
        name: record["platforms"][platform]["band"]
        for name, record in raw_bands().items()
        if platform in record["platforms"]
    }


def sentinel2_band_map(theia_l2a: bool = True) -> Mapping[str, str]:
    """ASI band name → Sentinel-2 band (B2, B8A, ...). With ``theia_l2a``, only the bands a
    Theia L2A product has; otherwise every band ASI maps (adds A=B1 and WV=B9)."""
    mapping = _platform_map("sentinel2a")
    if theia_l2a:
        mapping = {name: band for name, band in mapping.items() if band in THEIA_L2A_BANDS}
    return MappingProxyType(mapping)


def landsat_8_9_band_map() -> Mapping[str, str]:
    """ASI band name → Landsat 8/9 OLI/TIRS band, with ``N`` → B5 (see the module note)."""
    mapping = _platform_map("landsat8")
    mapping["N"] = mapping["N2"]
    return MappingProxyType(mapping)


class _LazyMap(Mapping):
    """A band map built on first use, so importing this module reads no file."""

    def __init__(self, build) -> None:
        self._build = build
        self._mapping: Mapping[str, str] | None = None

    def _get(self) -> Mapping[str, str]:
        if self._mapping is None:
            self._mapping = self._build()
        return self._mapping

    def __getitem__(self, key: str) -> str:
        return self._get()[key]

    def __iter__(self):
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def __repr__(self) -> str:
        return repr(dict(self._get()))


#: ASI band → Theia L2A Sentinel-2 band: B=B2, G=B3, R=B4, RE1=B5, RE2=B6, RE3=B7, N=B8,
#: N2=B8A, S1=B11, S2=B12.
SENTINEL2_THEIA_L2A: Mapping[str, str] = _LazyMap(sentinel2_band_map)
#: ASI band → Landsat 8/9 band: A=B1, B=B2, G=B3, R=B4, N=N2=B5, S1=B6, S2=B7, T1=B10, T2=B11.
LANDSAT_8_9: Mapping[str, str] = _LazyMap(landsat_8_9_band_map)


def computable_indices(
    band_map: Mapping[str, str], index_catalogue: IndexCatalogue | None = None
) -> list[SpectralIndex]:
    """Catalogue indices computable from the bands of ``band_map`` with default constants."""
    return (index_catalogue or catalogue()).computable_with(band_map)
