"""Annual snow synthesis and batch detection through Processing; the bundled example model."""

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
    QgsProcessingModelAlgorithm,
    QgsProject,
)
from qgis.PyQt.QtGui import QImage

from tests.data.theia_synth import write_time_series
from tests.unit.snow.test_run_synthesis import random_series, write_series
from theia_plugin.core.snow.parameters import SynthesisParameters
from theia_plugin.core.snow.run_synthesis import synthesize_files
from theia_plugin.processing.provider import MODELS_DIR, TheiaProvider

MODEL_ID = "theia:Snow season from L2A products"


@pytest.fixture(scope="module")
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("theia")
    if existing is not None:
        yield existing
        return
    provider = TheiaProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture(scope="module")
def snow_products(tmp_path_factory):
    folder = tmp_path_factory.mktemp("l2b")
    times, stack = random_series(4)
    write_series(folder, times, stack)
    return folder


@pytest.fixture(scope="module")
def l2a_series(tmp_path_factory):
    """Eight small L2A products of the winter 2018–19 and their DEM."""
    folder = tmp_path_factory.mktemp("l2a_series")
    write_time_series(
        folder, date(2018, 9, 1), date(2019, 8, 31), n_dates=8, interval_days=40,
        size_10m=60, seed=5, duplicates=0, all_cloud_dates=0,
    )  # fmt: skip
    return folder, folder / "dem" / "DEM_T31TCH_R2.tif"


def read(path):
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def test_listed_in_the_provider(provider):
    registry = QgsApplication.processingRegistry()
    for name in ("snowsynthesis", "snowdetectionbatch"):
        algorithm = registry.algorithmById(f"theia:{name}")
        assert algorithm is not None, name
        assert algorithm.groupId() == "snow"
    assert registry.algorithmById(MODEL_ID) is not None
    assert list(MODELS_DIR.glob("*.model3"))


def test_synthesis_matches_the_core_and_writes_a_report(provider, snow_products, tmp_path):
    import processing

    result = processing.run(
        "theia:snowsynthesis",
        {"INPUT_FOLDER": str(snow_products), "YEAR": 2018, "OUTPUT_FOLDER": str(tmp_path / "a")},
    )
    core = synthesize_files([snow_products], tmp_path / "b", SynthesisParameters(year=2018))
    for kind, path in core.paths.items():
        assert Path(result[kind]).name == path.name
        np.testing.assert_array_equal(read(result[kind]), read(path))
    assert result["DATES"] == len(core.dates)
    html = Path(result["REPORT"]).read_text(encoding="utf-8")
    assert Path(result["CHART"]).name in html
    assert html.count("<tr>") == len(core.dates) + 1
    chart = QImage(result["CHART"])
    assert not chart.isNull() and chart.width() == 960
    blue = sum(
        chart.pixelColor(x, y).blue() > 150 and chart.pixelColor(x, y).red() < 80
        for x in range(0, chart.width(), 3)
        for y in range(0, chart.height(), 3)
    )
    assert blue > 20  # the snow line is drawn
    assert json.loads(Path(result["SUMMARY"]).read_text())["dates"][0]["snow_percent"] >= 0


def test_custom_period_and_daily_stack(provider, snow_products, tmp_path):
    import processing

    result = processing.run(
        "theia:snowsynthesis",
        {"INPUTS": "\n".join(str(p) for p in sorted(snow_products.iterdir())),
         "START": "2018-10-01", "END": "2019-05-31", "MARGIN": 5, "DAILY_STACK": True,
         "OUTPUT_FOLDER": str(tmp_path / "a")},
    )  # fmt: skip
    assert "_20181001_20190531_" in Path(result["SCD"]).name
    with rasterio.open(result["DAILY"]) as dataset:
        assert dataset.count == (date(2019, 5, 31) - date(2018, 10, 1)).days + 1
        np.testing.assert_array_equal(dataset.read().sum(axis=0), read(result["SCD"]))


def test_bad_input_is_a_processing_error(provider, snow_products, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="No snow product between"):
        processing.run(
            "theia:snowsynthesis",
            {"INPUT_FOLDER": str(snow_products), "YEAR": 2005, "OUTPUT_FOLDER": str(tmp_path)},
        )
    with pytest.raises(QgsProcessingException, match="start and an end date"):
        processing.run(
            "theia:snowsynthesis",
            {"INPUT_FOLDER": str(snow_products), "START": "2018-10-01",
             "OUTPUT_FOLDER": str(tmp_path)},
        )  # fmt: skip


def test_loaded_outputs_are_styled_with_calendar_dates(provider, snow_products, tmp_path):
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.runAndLoadResults(
        "theia:snowsynthesis",
        {"INPUT_FOLDER": str(snow_products), "YEAR": 2018, "OUTPUT_FOLDER": str(tmp_path)},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    layers = {
        kind: layer
        for layer in QgsProject.instance().mapLayers().values()
        for kind in ("SCD", "SOD", "SMOD", "NOBS", "NSP")
        if layer.source() == result[kind]
    }
    try:
        assert set(layers) == {"SCD", "SOD", "SMOD", "NOBS", "NSP"}
        for kind in ("SOD", "SMOD"):
            renderer = layers[kind].renderer()
            assert renderer.type() == "singlebandpseudocolor"
            items = renderer.shader().rasterShaderFunction().colorRampItemList()
            labels = [item.label for item in items]
            assert "1 Dec" in labels and "1 Mar" in labels
            (december,) = [item for item in items if item.label == "1 Dec"]
            assert december.value == (date(2018, 12, 1) - date(2018, 9, 1)).days
        scd = layers["SCD"].renderer().shader().rasterShaderFunction().colorRampItemList()
        assert scd[-1].value == 365 and scd[-1].label == "365 days"
    finally:
        for layer in layers.values():
            QgsProject.instance().removeMapLayer(layer)


def test_batch_detection_one_set_per_product(provider, l2a_series, tmp_path):
    import processing

    folder, dem = l2a_series
    result = processing.run(
        "theia:snowdetectionbatch",
        {"INPUT_FOLDER": str(folder), "DEM": str(dem), "EXPERT": False,
         "OUTPUT_FOLDER": str(tmp_path / "out")},
    )  # fmt: skip
    assert result["FAILED"] == 0
    assert len(result["SEB_FILES"]) == 8
    assert len(list((tmp_path / "out").glob("LIS_S2-SNOW-METADATA_*.json"))) == 8
    assert not list((tmp_path / "out").glob("*EXPERT*"))


def test_batch_detection_refuses_mixed_tiles(provider, l2a_series, tmp_path):
    import processing

    folder, dem = l2a_series
    product = next(p for p in sorted(folder.iterdir()) if p.name.startswith("SENTINEL2"))
    other = tmp_path / product.name.replace("T31TCH", "T32ULU")  # the generator knows one tile
    for f in product.rglob("*.tif"):
        target = other / f.relative_to(product).as_posix().replace("T31TCH", "T32ULU")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f.read_bytes())
    with pytest.raises(QgsProcessingException, match="several tiles"):
        processing.run(
            "theia:snowdetectionbatch",
            {"INPUT_FOLDER": str(folder), "PRODUCTS": str(other), "DEM": str(dem),
             "OUTPUT_FOLDER": str(tmp_path / "out")},
        )  # fmt: skip


@pytest.mark.parametrize("source", ["provider", "file"])
def test_bundled_model_detects_then_synthesises(provider, l2a_series, tmp_path, source):
    import processing

    folder, dem = l2a_series
    if source == "provider":
        model = MODEL_ID
    else:  # as a user opening the .model3 file
        model = QgsProcessingModelAlgorithm()
        assert model.fromFile(str(MODELS_DIR / "snow_season.model3"))
    result = processing.run(
        model,
        {"PRODUCTS": str(folder), "DEM": str(dem), "YEAR": 2018, "HEMISPHERE": 0, "MARGIN": 15,
         "detection:Snow products folder": str(tmp_path / "l2b"),
         "synthesis:Synthesis folder": str(tmp_path / "l3b")},
    )  # fmt: skip
    assert len(list((tmp_path / "l2b").glob("LIS_S2-SNOW-SEB_*.tif"))) == 8
    scd = list((tmp_path / "l3b").glob("LIS_S2-SNOW-SCD_T31TCH_20180901_20190831_*.tif"))
    assert len(scd) == 1
    assert read(scd[0]).max() > 0  # the winter is snowy somewhere
    assert list((tmp_path / "l3b").glob("*REPORT*.html"))
    assert result["synthesis:Synthesis folder"] == str(tmp_path / "l3b")
