"""Spectral indices: the Awesome Spectral Indices catalogue, sensor band maps and a safe
formula evaluator (catalogue and user formulas are parsed and whitelisted, never run as Python).
"""

from __future__ import annotations

from theia_plugin.core.indices.bands import (
    LANDSAT_8_9,
    SENTINEL2_THEIA_L2A,
    computable_indices,
    sentinel2_band_map,
)
from theia_plugin.core.indices.catalogue import (
    IndexCatalogue,
    SpectralIndex,
    UnknownIndexError,
    catalogue,
)
from theia_plugin.core.indices.formula import Formula, FormulaError

__all__ = [
    "LANDSAT_8_9",
    "SENTINEL2_THEIA_L2A",
    "Formula",
    "FormulaError",
    "IndexCatalogue",
    "SpectralIndex",
    "UnknownIndexError",
    "catalogue",
    "computable_indices",
    "sentinel2_band_map",
]
