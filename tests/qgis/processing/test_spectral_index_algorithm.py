"""The "Spectral index" algorithm: through processing.run, inside a model, bad input."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFile,
    QgsProject,
)

from tests.data.theia_synth import write_l2a_product
from theia_plugin.core.indices.compute import IndexRequest, compute_indices
from theia_plugin.core.indices.inputs import MaskOptions
from theia_plugin.core.raster.theia_l2a import open_l2a
from theia_plugin.processing.provider import TheiaProvider


@pytest.fixture(scope="module")
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    provider = TheiaProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture(scope="module")
def product_zip(tmp_path_factory):
    info = write_l2a_product(tmp_path_factory.mktemp("p"), date(2019, 4, 2), size_10m=120, zip=True)
    return str(info.path)


def read(path):
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def test_listed_in_the_provider(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("theia:spectralindex")
    assert algorithm is not None
    assert algorithm.group() == "Spectral indices"
    assert "Awesome Spectral Indices" in algorithm.shortHelpString()


def test_run_matches_the_core_computation(provider, product_zip, tmp_path):
    import processing

    result = processing.run(
        "theia:spectralindex",
        {"INPUT": product_zip, "INDEX": "NDSI", "OUTPUT": str(tmp_path / "ndsi.tif")},
    )
    reference = tmp_path / "reference.tif"
    compute_indices(open_l2a(product_zip), [IndexRequest.from_catalogue("NDSI")], [reference])
    np.testing.assert_array_equal(read(result["OUTPUT"]), read(reference))


def test_a_product_folder_is_accepted(provider, tmp_path):
    import processing

    info = write_l2a_product(tmp_path / "p", date(2019, 4, 12), size_10m=60, truth=False)
    result = processing.run(
        "theia:spectralindex",
        {"INPUT": str(info.path), "INDEX": "NDVI", "OUTPUT": str(tmp_path / "ndvi.tif")},
    )
    assert np.isfinite(read(result["OUTPUT"])).any()


def test_user_formula_replaces_the_index(provider, product_zip, tmp_path):
    import processing

    result = processing.run(
        "theia:spectralindex",
        {"INPUT": product_zip, "FORMULA": "N - R", "MASK_CLOUDS": False, "MASK_EDGE": False,
         "OUTPUT": str(tmp_path / "diff.tif")},
    )  # fmt: skip
    product = open_l2a(product_zip)
    n = read(product.band("B8")).astype(np.float32) / 10000
    r = read(product.band("B4")).astype(np.float32) / 10000
    valid = (read(product.band("B8")) != -10000) & (read(product.band("B4")) != -10000)
    np.testing.assert_allclose(read(result["OUTPUT"])[valid], (n - r)[valid], atol=1e-6)


def test_bad_formula_is_a_clear_processing_error(provider, product_zip, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="XYZ, which is not a band name"):
        processing.run(
            "theia:spectralindex",
            {"INPUT": product_zip, "FORMULA": "N - XYZ", "OUTPUT": str(tmp_path / "x.tif")},
        )
    assert not (tmp_path / "x.tif").exists()


def test_loaded_output_is_styled_with_a_diverging_ramp(provider, product_zip, tmp_path):
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.runAndLoadResults(
        "theia:spectralindex",
        {"INPUT": product_zip, "INDEX": "NDVI", "OUTPUT": str(tmp_path / "ndvi.tif")},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    (layer,) = [
        layer
        for layer in QgsProject.instance().mapLayers().values()
        if layer.source() == result["OUTPUT"]
    ]
    try:
        renderer = layer.renderer()
        assert renderer.type() == "singlebandpseudocolor"
        assert (renderer.classificationMin(), renderer.classificationMax()) == (-1.0, 1.0)
    finally:
        QgsProject.instance().removeMapLayer(layer)


def test_inside_a_processing_model(provider, product_zip, tmp_path):
    """A model: product → NDVI (theia) → raster statistics (native)."""
    model = QgsProcessingModelAlgorithm("ndvi stats", "tests")
    model.addModelParameter(
        QgsProcessingParameterFile("product", "Product"), QgsProcessingModelParameter("product")
    )
    index = QgsProcessingModelChildAlgorithm("theia:spectralindex")
    index.setChildId("index")
    index.addParameterSources(
        "INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("product")]
    )
    index.addParameterSources(
        "INDEX", [QgsProcessingModelChildParameterSource.fromStaticValue("NDVI")]
    )
    output = QgsProcessingModelOutput("ndvi", "NDVI")
    output.setChildOutputName("OUTPUT")
    index.setModelOutputs({"ndvi": output})
    model.addChildAlgorithm(index)
    stats = QgsProcessingModelChildAlgorithm("native:rasterlayerstatistics")
    stats.setChildId("stats")
    stats.addParameterSources(
        "INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("index", "OUTPUT")]
    )
    stats.addParameterSources("BAND", [QgsProcessingModelChildParameterSource.fromStaticValue(1)])
    model.addChildAlgorithm(stats)

    import processing

    result = processing.run(
        model, {"product": product_zip, "index:ndvi": str(tmp_path / "model_ndvi.tif")}
    )
    ndvi = read(result["index:ndvi"])
    assert np.nanmax(ndvi) <= 1.0
    assert np.nanmin(ndvi) >= -1.0
    assert np.isfinite(ndvi).sum() > 0


def test_advanced_mask_parameters_reach_the_computation(provider, product_zip, tmp_path):
    """CLM bits 32 + 64 (shadows) only, MG2 water + snow, SAT, bilinear upsampling."""
    import processing

    result = processing.run(
        "theia:spectralindex",
        {"INPUT": product_zip, "INDEX": "NDSI", "CLOUD_BITS": [5, 6], "GEOPHYSICAL_MASK": [0, 1],
         "MASK_SATURATED": True, "UPSAMPLING": 1, "OUTPUT": str(tmp_path / "ndsi.tif")},
    )  # fmt: skip
    reference = tmp_path / "reference.tif"
    options = MaskOptions(cloud_bits=32 | 64, geophysical_bits=1 | 4, saturation=True)
    compute_indices(
        open_l2a(product_zip), [IndexRequest.from_catalogue("NDSI")], [reference],
        masks=options, upsampling="bilinear",
    )  # fmt: skip
    np.testing.assert_array_equal(read(result["OUTPUT"]), read(reference))
    default = tmp_path / "default.tif"
    compute_indices(open_l2a(product_zip), [IndexRequest.from_catalogue("NDSI")], [default])
    assert not np.array_equal(read(reference), read(default), equal_nan=True)


def test_index_of_any_raster_with_a_band_mapping(provider, product_zip, tmp_path):
    import processing
    from osgeo import gdal

    product = open_l2a(product_zip)
    stack = tmp_path / "stack.tif"  # red, NIR as bands 1, 2
    gdal.Translate(
        str(stack), gdal.BuildVRT("", [product.band("B4"), product.band("B8")], separate=True)
    )
    result = processing.run(
        "theia:rasterindex",
        {"INPUT": str(stack), "BAND_MAPPING": "R=1, N=2", "SCALE": 0.0001, "INDEX": "NDVI",
         "OUTPUT": str(tmp_path / "ndvi.tif")},
    )  # fmt: skip
    reference = tmp_path / "reference.tif"
    unmasked = MaskOptions(cloud=False, edge=False)
    compute_indices(product, [IndexRequest.from_catalogue("NDVI")], [reference], masks=unmasked)
    np.testing.assert_array_equal(read(result["OUTPUT"]), read(reference))
    with pytest.raises(QgsProcessingException, match=r"lacks the band\(s\) G needed"):
        processing.run(
            "theia:rasterindex",
            {"INPUT": str(stack), "BAND_MAPPING": "R=1, N=2", "INDEX": "GNDVI",
             "OUTPUT": str(tmp_path / "gndvi.tif")},
        )  # fmt: skip
    assert not (tmp_path / "gndvi.tif").exists()


def test_find_indices_by_name_and_domain(provider, tmp_path):
    import processing

    result = processing.run(
        "theia:findindices",
        {"TEXT": "burn", "DOMAIN": "burn", "OUTPUT": str(tmp_path / "burn.html")},
    )
    names = result["NAMES"].split(",")
    assert "NBR" in names and "NDVI" not in names
    assert result["COUNT"] == len(names) > 3
    page = (tmp_path / "burn.html").read_text(encoding="utf-8")
    assert "<td>NBR</td>" in page and "https://" in page  # the index's reference
    snow = processing.run(
        "theia:findindices", {"DOMAIN": "snow", "OUTPUT": str(tmp_path / "snow.html")}
    )
    assert "NDSI" in snow["NAMES"].split(",")


def test_the_output_names_the_index_and_its_reference(provider, product_zip, tmp_path):
    import processing

    result = processing.run(
        "theia:spectralindex",
        {"INPUT": product_zip, "INDEX": "SAVI", "OUTPUT": str(tmp_path / "savi.tif")},
    )
    with rasterio.open(result["OUTPUT"]) as dataset:
        tags = dataset.tags()
        assert dataset.descriptions == ("SAVI",)
    assert tags["THEIA_INDEX"] == "SAVI"
    assert tags["THEIA_FORMULA"] == "(1.0 + L) * (N - R) / (N + R + L)"
    assert tags["THEIA_CONSTANTS"] == "L=1"
    assert tags["THEIA_INDEX_REFERENCE"].startswith("https://")


def test_errors_shown_to_users_never_carry_a_signature():
    from theia_plugin.processing.parameters import processing_error

    signed = (
        "/vsicurl/http://127.0.0.1:9/b/T31TCH_B04.tif?X-Amz-Date=20261122T000000Z"
        "&X-Amz-Expires=28800&X-Amz-Signature=deadbeefcafe could not be read at rows 0–256"
    )
    message = str(processing_error(OSError(signed)))
    assert "deadbeefcafe" not in message
    assert "T31TCH_B04.tif" in message and "could not be read" in message


def test_zstd_compression_is_an_option_and_changes_no_value(provider, product_zip, tmp_path):
    import processing
    from osgeo import gdal

    results = [
        processing.run(
            "theia:spectralindex",
            {"INPUT": product_zip, "INDEX": "NDVI", "COMPRESSION": choice,
             "OUTPUT": str(tmp_path / f"ndvi{choice}.tif")},
        )["OUTPUT"]
        for choice in (0, 1)
    ]  # fmt: skip
    codecs = [
        gdal.Info(path, format="json")["metadata"]["IMAGE_STRUCTURE"]["COMPRESSION"]
        for path in results
    ]
    assert codecs == ["DEFLATE", "ZSTD"]
    np.testing.assert_array_equal(read(results[0]), read(results[1]))
