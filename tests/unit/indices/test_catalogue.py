"""The shipped Awesome Spectral Indices catalogue: contents, look-up, search, band maps."""

from __future__ import annotations

import ast
import json

import pytest

from theia_plugin.core.indices import (
    LANDSAT_8_9,
    SENTINEL2_THEIA_L2A,
    UnknownIndexError,
    catalogue,
    computable_indices,
    sentinel2_band_map,
)
from theia_plugin.core.indices.data import DATA_DIR


def test_catalogue_has_280_indices_and_ships_its_licence():
    assert len(catalogue()) == 280
    licence = (DATA_DIR / "LICENSE").read_text()
    assert "MIT License" in licence
    assert "Copyright (c) 2021 David Montero Loaiza" in licence


def test_every_formula_parses_with_the_whitelist():
    """All 280 formulas parse; the names they use are exactly the record's band list."""
    for index in catalogue():
        formula = index.parsed
        assert set(formula.names) == set(index.bands) | set(index.constants), index.short_name
        assert set(formula.bands) == set(index.bands)


def test_catalogue_formulas_need_only_arithmetic():
    """Documents the constructs the whitelist must support: no call, comparison or condition."""
    raw = json.loads((DATA_DIR / "spectral-indices-dict.json").read_text())["SpectralIndices"]
    kinds = set()
    for record in raw.values():
        for node in ast.walk(ast.parse(record["formula"], mode="eval")):
            kinds.add(type(node).__name__)
            if isinstance(node, (ast.BinOp, ast.UnaryOp)):
                kinds.add(type(node.op).__name__)
    assert kinds - {"Load"} == {
        "Expression", "BinOp", "UnaryOp", "Name", "Constant",
        "Add", "Sub", "Mult", "Div", "Pow", "USub",
    }  # fmt: skip


def test_index_metadata_splits_bands_and_constants():
    evi = catalogue().get("EVI")
    assert evi.long_name == "Enhanced Vegetation Index"
    assert set(evi.bands) == {"N", "R", "B"}
    assert dict(evi.constants) == {"g": 2.5, "C1": 6.0, "C2": 7.5, "L": 1.0}
    assert evi.application_domain == "vegetation"
    assert "Sentinel-2" in evi.platforms
    assert evi.reference.startswith("https://doi.org/")
    assert catalogue().get("NIRvP").constants == {"PAR": None}


def test_get_is_case_insensitive_and_knows_the_ndwi_names():
    assert catalogue().get("ndvi").short_name == "NDVI"
    assert catalogue().get("NDWI").formula == "(G - N) / (G + N)"
    assert "McFeeters" in catalogue().get("NDWI").description
    gao = catalogue().get("NDWI (Gao)")
    assert gao.short_name == "NDMI"
    assert "Gao" in gao.description
    assert "NDWI (gao)" in catalogue()


def test_unknown_index_suggests_close_names():
    with pytest.raises(
        UnknownIndexError, match=r"Unknown spectral index 'NDVl'\. Did you mean: NDVI"
    ):
        catalogue().get("NDVl")
    with pytest.raises(UnknownIndexError, match="Search the catalogue"):
        catalogue().get("qwxz")


def test_search_by_name_domain_and_platform():
    found = [index.short_name for index in catalogue().search("burn")]
    assert "NBR" in found
    assert all(
        "burn" in index.short_name.lower() or "burn" in index.long_name.lower()
        for index in catalogue().search("burn")
    )
    water = catalogue().search(domain="Water")
    assert len(water) == 32
    assert {"NDWI", "MNDWI"} <= {index.short_name for index in water}
    radar = catalogue().search(platform="sentinel-1")
    assert radar
    assert all(index.application_domain == "radar" for index in radar)
    assert [index.short_name for index in catalogue().search("ndwi (gao)")] == ["NDMI"]
    assert catalogue().search("snow", domain="snow", platform="landsat")


def test_domains():
    assert catalogue().domains() == [
        "burn", "clouds", "kernel", "radar", "snow", "soil", "urban", "vegetation", "water",
    ]  # fmt: skip


def test_band_maps():
    assert dict(SENTINEL2_THEIA_L2A) == {
        "B": "B2", "G": "B3", "R": "B4", "RE1": "B5", "RE2": "B6", "RE3": "B7",
        "N": "B8", "N2": "B8A", "S1": "B11", "S2": "B12",
    }  # fmt: skip
    full = sentinel2_band_map(theia_l2a=False)
    assert full["A"] == "B1"
    assert full["WV"] == "B9"
    assert LANDSAT_8_9["N"] == "B5" == LANDSAT_8_9["N2"]
    assert LANDSAT_8_9["S1"] == "B6"
    assert LANDSAT_8_9["T1"] == "B10"


def test_computable_counts():
    """228 indices from Theia L2A bands with default constants (indices.md's figure). The 52
    others need radar (13), kernel (5), thermal, coastal, yellow or green-05 bands, or constants
    without a default (PAR, wavelengths). Landsat 8/9: 186, only 59 without mapping N → B5."""
    s2 = computable_indices(SENTINEL2_THEIA_L2A)
    assert len(s2) == 228
    names = {index.short_name for index in s2}
    assert {"NDVI", "NDWI", "NDMI", "NBR", "EVI", "SAVI", "NDSI", "NDREI"} <= names
    assert "NIRvP" not in names  # PAR has no default
    assert "NPCI" not in names  # needs A (B1), not in Theia L2A
    assert len(computable_indices(LANDSAT_8_9)) == 186
    without_n = {key: band for key, band in LANDSAT_8_9.items() if key != "N"}
    assert len(computable_indices(without_n)) == 59
    assert len(catalogue().computable_with(SENTINEL2_THEIA_L2A, constants=["PAR"])) == 229


def test_the_plugin_does_not_need_spyndex_at_run_time():
    package = DATA_DIR.parents[2] / "core" / "indices"
    for path in package.glob("*.py"):
        assert "import spyndex" not in path.read_text(), path.name
    assert (DATA_DIR / "spectral-indices-dict.json").is_file()
