"""The "Snow detection" algorithm through processing.run: outputs, numbers, bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingProvider,
    QgsProject,
)

from tests.data.theia_synth import write_dem, write_l2a_product
from theia_plugin.core.snow.parameters import DetectionParameters
from theia_plugin.core.snow.run_detection import detect_product
from theia_plugin.processing.snow import SnowDetectionAlgorithm


class _SnowTestProvider(QgsProcessingProvider):
    """Stands in for TheiaProvider (where the lead registers the algorithm)."""

    def id(self) -> str:
        return "theiasnowtest"

    def name(self) -> str:
        return "Theia snow (tests)"

    def loadAlgorithms(self) -> None:
        self.addAlgorithm(SnowDetectionAlgorithm())


ALG = "theiasnowtest:snowdetection"


@pytest.fixture(scope="module")
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    provider = _SnowTestProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    folder = tmp_path_factory.mktemp("snow_alg")
    dem = folder / "dem.tif"
    info = write_l2a_product(
        folder, date(2019, 3, 12), size_10m=240, seed=3, dem_path=dem, zip=True
    )
    return info, dem


def read(path):
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def test_listed_with_help_and_advanced_parameters(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    assert algorithm is not None
    assert (algorithm.group(), algorithm.groupId()) == ("Snow", "snow")
    assert "Gascoin" in algorithm.shortHelpString()
    defaults = DetectionParameters()
    for field in ("ndsi_pass1", "red_pass2", "dz", "rf", "high_cloud_mask", "fsnow_total_lim"):
        parameter = algorithm.parameterDefinition(field.upper())
        assert parameter.flags() & QgsProcessingParameterDefinition.Flag.FlagAdvanced
        assert parameter.defaultValue() == getattr(defaults, field)
    outputs = {output.name() for output in algorithm.outputDefinitions()}
    assert {"SEB", "FSC_TOC", "NDSI", "ZS", "SNOW_PERCENT", "CLOUD_PERCENT", "METADATA"} <= outputs


def test_run_matches_the_core(provider, scene, tmp_path):
    import processing

    info, dem = scene
    result = processing.run(
        ALG, {"INPUT": str(info.path), "DEM": str(dem), "OUTPUT_FOLDER": str(tmp_path / "alg")}
    )
    reference = detect_product(info.path, dem, tmp_path / "core")
    for kind, name in (("SEB", "SEB"), ("FSC-TOC", "FSC_TOC"), ("NDSI", "NDSI")):
        assert result[name].endswith(reference.paths[kind].name)
        np.testing.assert_array_equal(read(result[name]), read(reference.paths[kind]))
    assert result["ZS"] == reference.zs
    assert result["ZS"] > 0
    assert result["SNOW_PERCENT"] == pytest.approx(reference.snow_percent)
    assert result["CLOUD_PERCENT"] == pytest.approx(reference.cloud_percent)
    assert json.loads(Path(result["METADATA"]).read_text())["zs"] == reference.zs
    print(
        f"zs={result['ZS']} snow={result['SNOW_PERCENT']:.1f}% cloud={result['CLOUD_PERCENT']:.1f}%"
    )


def test_advanced_parameters_reach_the_core(provider, scene, tmp_path):
    import processing

    info, dem = scene
    result = processing.run(
        ALG,
        {"INPUT": str(info.path), "DEM": str(dem), "NDSI_PASS1": 0.95, "NDSI_PASS2": 0.95,
         "EXPERT": False, "OUTPUT_FOLDER": str(tmp_path / "alg")},
    )  # fmt: skip
    metadata = json.loads(Path(result["METADATA"]).read_text())
    assert metadata["parameters"]["ndsi_pass1"] == 0.95
    assert result["SNOW_PERCENT"] < 1.0
    assert not list((tmp_path / "alg").glob("*EXPERT*"))


def test_dem_in_another_projection(provider, scene, tmp_path):
    import processing

    info, _ = scene
    dem = write_dem(tmp_path / "dem_l93.tif", size_10m=240, seed=3, crs="EPSG:2154", resolution=25)
    feedback = QgsProcessingFeedback()
    messages = []
    feedback.pushInfo = messages.append
    result = processing.run(
        ALG,
        {"INPUT": str(info.path), "DEM": str(dem), "OUTPUT_FOLDER": str(tmp_path / "alg")},
        feedback=feedback,
    )
    assert result["ZS"] > 0
    assert any("resampled" in message for message in messages)


def test_dem_not_covering_is_a_processing_error(provider, scene, tmp_path):
    import processing

    info, _ = scene
    small = write_dem(tmp_path / "small.tif", size_10m=100, seed=3)
    with pytest.raises(QgsProcessingException, match="does not cover the product"):
        processing.run(
            ALG,
            {"INPUT": str(info.path), "DEM": str(small), "OUTPUT_FOLDER": str(tmp_path / "o")},
        )
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())


def test_loaded_seb_is_styled_with_its_codes(provider, scene, tmp_path):
    import processing

    info, dem = scene
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.runAndLoadResults(
        ALG,
        {"INPUT": str(info.path), "DEM": str(dem), "OUTPUT_FOLDER": str(tmp_path / "alg")},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    layers = [
        layer
        for layer in QgsProject.instance().mapLayers().values()
        if layer.source() in (result["SEB"], result["FSC_TOC"])
    ]
    try:
        assert len(layers) == 2
        (seb,) = [layer for layer in layers if layer.source() == result["SEB"]]
        assert seb.renderer().type() == "paletted"
        assert [c.value for c in seb.renderer().classes()] == [0, 100, 205, 255]
    finally:
        for layer in layers:
            QgsProject.instance().removeMapLayer(layer)


def test_cancel_leaves_no_output(provider, scene, tmp_path):
    import processing

    info, dem = scene
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    result = processing.run(
        ALG,
        {"INPUT": str(info.path), "DEM": str(dem), "OUTPUT_FOLDER": str(tmp_path / "o")},
        feedback=feedback,
    )
    assert "SEB" not in result
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())


def test_tree_cover_density_adds_fsc_og(provider, scene, tmp_path):
    import processing

    info, dem = scene
    with rasterio.open(dem) as source:
        profile = {**source.profile, "dtype": "uint8", "nodata": 255}
    with rasterio.open(tmp_path / "tcd.tif", "w", **profile) as dst:
        dst.write(np.full((profile["height"], profile["width"]), 50, np.uint8), 1)
    result = processing.run(
        ALG,
        {"INPUT": str(info.path), "DEM": str(dem), "TCD": str(tmp_path / "tcd.tif"),
         "OUTPUT_FOLDER": str(tmp_path / "alg")},
    )  # fmt: skip
    toc, og = read(result["FSC_TOC"]), read(result["FSC_OG"])
    snow = read(result["SEB"]) == 100
    assert snow.any()
    assert np.all(og[snow] >= toc[snow])  # FSC-OG = FSC-TOC / (1 − 0.5), capped at 100
    np.testing.assert_array_equal(og[~snow], toc[~snow])


def test_bad_product_is_a_processing_error(provider, tmp_path):
    import processing

    folder = tmp_path / "p"
    info = write_l2a_product(folder, date(2019, 3, 12), size_10m=40, dem_path=tmp_path / "d.tif")
    (info.path / "MASKS" / f"{info.product_id}_CLM_R2.tif").unlink()
    with pytest.raises(QgsProcessingException, match=r"CLM_R2\.tif, missing from the product"):
        processing.run(
            ALG,
            {"INPUT": str(info.path), "DEM": str(tmp_path / "d.tif"),
             "OUTPUT_FOLDER": str(tmp_path / "o")},
        )  # fmt: skip


def test_product_folder_is_accepted(provider, tmp_path):
    import processing

    info = write_l2a_product(tmp_path, date(2019, 3, 12), size_10m=40, dem_path=tmp_path / "d.tif")
    assert info.path.is_dir()
    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    parameter = algorithm.parameterDefinition("INPUT")
    assert parameter.checkValueIsAcceptable(str(info.path))
    assert parameter.clone().checkValueIsAcceptable(str(info.path))
    result = processing.run(
        ALG,
        {"INPUT": str(info.path), "DEM": str(tmp_path / "d.tif"),
         "OUTPUT_FOLDER": str(tmp_path / "o")},
    )  # fmt: skip
    assert Path(result["SEB"]).exists()
