"""'Several indices at once' and 'Spectral index over several products' via processing.run."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import rasterio
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback

from tests.data.theia_synth import write_l2a_product
from theia_plugin.core.indices.compute import IndexRequest, compute_indices
from theia_plugin.core.raster.theia_l2a import open_l2a
from theia_plugin.processing.indices import (
    IndicesOverProductsAlgorithm,
    SeveralIndicesAlgorithm,
    SpectralIndexAlgorithm,
    parse_formulas,
)
from theia_plugin.processing.parameters import find_products, split_paths
from theia_plugin.processing.provider import TheiaProvider


class _Provider(TheiaProvider):
    """The plugin's provider with the algorithms under test, whatever it registers today."""

    @staticmethod
    def algorithms_to_register() -> list:
        return [SpectralIndexAlgorithm(), SeveralIndicesAlgorithm(), IndicesOverProductsAlgorithm()]


@pytest.fixture(scope="module")
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    provider = _Provider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture(scope="module")
def products(tmp_path_factory):
    """A folder with two good products (a zip and a folder) and two broken ones."""
    folder = tmp_path_factory.mktemp("products")
    good_zip = write_l2a_product(
        folder, date(2019, 4, 2), size_10m=120, seed=1, zip=True, truth=False
    )
    good_dir = write_l2a_product(folder, date(2019, 4, 12), size_10m=120, seed=2, truth=False)
    # A zip cut short by an interrupted download.
    corrupt = folder / "SENTINEL2B_20190422-103000-000_L2A_T31TCH_C_V2-2.zip"
    corrupt.write_bytes(Path(good_zip.path).read_bytes()[:5000])
    # A product folder whose red band is truncated: it fails in the middle of the computation.
    truncated = write_l2a_product(folder, date(2019, 5, 2), size_10m=120, seed=3, truth=False)
    (red,) = Path(truncated.path).glob("*_FRE_B4.tif")
    red.write_bytes(red.read_bytes()[: red.stat().st_size // 2])
    (folder / "notes.txt").write_text("not a product")
    return {
        "folder": folder,
        "good": [Path(good_zip.path), Path(good_dir.path)],
        "corrupt": corrupt,
        "truncated": Path(truncated.path),
    }


class Recorder(QgsProcessingFeedback):
    def __init__(self, cancel_at_info: str | None = None):
        super().__init__()
        self.errors: list[str] = []
        self.cancel_at_info = cancel_at_info

    def reportError(self, error, fatal_error=False):
        self.errors.append(error)

    def pushInfo(self, info):
        if self.cancel_at_info and info.startswith(self.cancel_at_info):
            self.cancel()


def read(path):
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_listed_with_help(provider):
    registry = QgsApplication.processingRegistry()
    for name in ("severalindices", "indicesoverproducts"):
        algorithm = registry.algorithmById(f"theia:{name}")
        assert algorithm is not None
        assert algorithm.group() == "Spectral indices"
        assert "Awesome Spectral Indices" in algorithm.shortHelpString()


def test_several_indices_in_one_pass_match_the_core(provider, products, tmp_path):
    import processing

    product = products["good"][0]
    result = processing.run(
        "theia:severalindices",
        {"INPUT": str(product), "INDICES": ["NDVI", "NDSI"],
         "FORMULAS": "mine = (N - R) / (N + R + 0.5)\nDiff=N-R", "OUTPUT_FOLDER": str(tmp_path)},
    )  # fmt: skip
    product_id = open_l2a(product).product_id
    names = ["NDVI", "NDSI", "mine", "Diff"]
    expected = [str(tmp_path / f"{product_id}_{name}.tif") for name in names]
    assert result["OUTPUT_FOLDER"] == str(tmp_path)
    assert result["OUTPUT_FILES"] == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(Path(p).name for p in expected)
    reference = tmp_path / "reference"
    requests = [
        IndexRequest.from_catalogue("NDVI"),
        IndexRequest.from_catalogue("NDSI"),
        IndexRequest.from_formula("mine", "(N - R) / (N + R + 0.5)"),
        IndexRequest.from_formula("Diff", "N-R"),
    ]
    references = [reference / f"{name}.tif" for name in names]
    compute_indices(open_l2a(product), requests, references)
    for got, truth in zip(expected, references):
        np.testing.assert_array_equal(read(got), read(truth))
    with rasterio.open(expected[0]) as dataset:
        assert dataset.descriptions == ("NDVI",)


def test_several_indices_bad_input_is_a_clear_error(provider, products, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="not of the form name = formula"):
        processing.run(
            "theia:severalindices",
            {"INPUT": str(products["good"][0]), "FORMULAS": "N - R",
             "OUTPUT_FOLDER": str(tmp_path)},
        )  # fmt: skip
    with pytest.raises(QgsProcessingException, match=r"lacks the band\(s\) T \(no such band"):
        processing.run(
            "theia:severalindices",
            {"INPUT": str(products["good"][0]), "INDICES": ["NDVI"], "FORMULAS": "t = T - R",
             "OUTPUT_FOLDER": str(tmp_path)},
        )  # fmt: skip
    with pytest.raises(QgsProcessingException, match="not a readable zip"):
        processing.run(
            "theia:severalindices",
            {"INPUT": str(products["corrupt"]), "OUTPUT_FOLDER": str(tmp_path)},
        )
    assert list(tmp_path.iterdir()) == []


def test_several_indices_to_a_temporary_folder(provider, products):
    import processing

    result = processing.run(
        "theia:severalindices",
        {"INPUT": str(products["good"][1]), "INDICES": ["NDVI"],
         "OUTPUT_FOLDER": "TEMPORARY_OUTPUT"},
    )  # fmt: skip
    (path,) = result["OUTPUT_FILES"]
    assert Path(path).parent == Path(result["OUTPUT_FOLDER"])
    assert Path(path).name.endswith("_NDVI.tif")
    assert np.isfinite(read(path)).any()


def test_batch_over_a_folder_skips_broken_products(provider, products, tmp_path):
    import processing

    feedback = Recorder()
    result = processing.run(
        "theia:indicesoverproducts",
        {"INPUT_FOLDER": str(products["folder"]), "INDEX": "NDVI", "OUTPUT_FOLDER": str(tmp_path)},
        feedback=feedback,
    )
    good_ids = [open_l2a(p).product_id for p in products["good"]]
    expected = sorted(str(tmp_path / f"{product_id}_NDVI.tif") for product_id in good_ids)
    assert sorted(result["OUTPUT_FILES"]) == expected
    assert result["FAILED"] == 2
    # Both broken products are named in an error; nothing is left behind for them.
    assert len(feedback.errors) == 2
    assert any(products["corrupt"].name in error for error in feedback.errors)
    assert any(products["truncated"].name in error for error in feedback.errors)
    assert sorted(str(p) for p in tmp_path.iterdir()) == expected
    for product, path in zip(products["good"], result["OUTPUT_FILES"]):
        reference = tmp_path.parent / f"{tmp_path.name}-reference.tif"
        compute_indices(open_l2a(product), [IndexRequest.from_catalogue("NDVI")], [reference])
        np.testing.assert_array_equal(read(tmp_path / Path(path).name), read(reference))
        reference.unlink()


def test_batch_over_a_list_with_a_formula(provider, products, tmp_path):
    import processing

    listed = f'{products["good"][1]}\n ;"{products["good"][0]}"'
    result = processing.run(
        "theia:indicesoverproducts",
        {"PRODUCTS": listed, "FORMULA": "N - R", "MASK_CLOUDS": False,
         "OUTPUT_FOLDER": str(tmp_path)},
    )  # fmt: skip
    ids = [open_l2a(p).product_id for p in (products["good"][1], products["good"][0])]
    assert result["OUTPUT_FILES"] == [str(tmp_path / f"{i}_formula.tif") for i in ids]
    assert result["FAILED"] == 0


def test_batch_where_every_product_fails_is_an_error(provider, products, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="None of the 1 products"):
        processing.run(
            "theia:indicesoverproducts",
            {"PRODUCTS": str(products["corrupt"]), "OUTPUT_FOLDER": str(tmp_path)},
            feedback=Recorder(),
        )
    with pytest.raises(QgsProcessingException, match="No Theia L2A product given"):
        processing.run("theia:indicesoverproducts", {"OUTPUT_FOLDER": str(tmp_path)})
    assert list(tmp_path.iterdir()) == []


def test_batch_cancel_stops_within_a_product_and_leaves_no_partial_file(
    provider, products, tmp_path
):
    import processing

    good = products["good"]
    feedback = Recorder(cancel_at_info="[2/2]")
    result = processing.run(
        "theia:indicesoverproducts",
        {"PRODUCTS": f"{good[0]};{good[1]}", "INDEX": "NDVI", "OUTPUT_FOLDER": str(tmp_path)},
        feedback=feedback,
    )
    first = tmp_path / f"{open_l2a(good[0]).product_id}_NDVI.tif"
    assert result["OUTPUT_FILES"] == [str(first)]
    assert [p.name for p in tmp_path.iterdir()] == [first.name]
    assert leftovers(tmp_path) == []


def test_helpers(tmp_path):
    assert [r.name for r in parse_formulas("a = N - R; b=G/N\n\n")] == ["a", "b"]
    assert split_paths(' "/x/a b.zip" ;\n/y/c.zip\n') == [Path("/x/a b.zip"), Path("/y/c.zip")]
    product = tmp_path / "SENTINEL2A_20190115-103421-123_L2A_T31TCH_C_V2-2"
    product.mkdir()
    (tmp_path / "SENTINEL2B_20190116-103421-123_L2A_T31TCH_C_V2-2.zip").write_bytes(b"")
    (tmp_path / "other.zip").write_bytes(b"")
    assert [p.name for p in find_products(tmp_path)] == [
        product.name,
        "SENTINEL2B_20190116-103421-123_L2A_T31TCH_C_V2-2.zip",
    ]
    assert find_products(product) == [product]
    shutil.rmtree(product)


def test_batch_inside_a_processing_model(provider, products, tmp_path):
    """A model: folder of products → NDVI of each (theia) → its output folder and files."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFile,
    )

    model = QgsProcessingModelAlgorithm("ndvi of a folder", "tests")
    model.addModelParameter(
        QgsProcessingParameterFile(
            "folder", "Products", behavior=QgsProcessingParameterFile.Behavior.Folder
        ),
        QgsProcessingModelParameter("folder"),
    )
    child = QgsProcessingModelChildAlgorithm("theia:indicesoverproducts")
    child.setChildId("batch")
    child.addParameterSources(
        "INPUT_FOLDER", [QgsProcessingModelChildParameterSource.fromModelParameter("folder")]
    )
    child.addParameterSources(
        "INDEX", [QgsProcessingModelChildParameterSource.fromStaticValue("NDVI")]
    )
    output = QgsProcessingModelOutput("ndvi", "NDVI folder")
    output.setChildOutputName("OUTPUT_FOLDER")
    child.setModelOutputs({"ndvi": output})
    model.addChildAlgorithm(child)

    import processing

    result = processing.run(
        model, {"folder": str(products["folder"]), "batch:ndvi": str(tmp_path)},
        feedback=Recorder(),
    )  # fmt: skip
    assert Path(result["batch:ndvi"]) == tmp_path
    assert len(list(tmp_path.glob("*_NDVI.tif"))) == 2


def test_loaded_outputs_are_styled(provider, products, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.runAndLoadResults(
        "theia:severalindices",
        {"INPUT": str(products["good"][0]), "INDICES": ["NDVI", "EVI"],
         "OUTPUT_FOLDER": str(tmp_path)},
        context=context,
        feedback=QgsProcessingFeedback(),
    )  # fmt: skip
    by_source = {layer.source(): layer for layer in QgsProject.instance().mapLayers().values()}
    ndvi, evi = (by_source[path] for path in result["OUTPUT_FILES"])
    try:
        for layer in (ndvi, evi):
            assert layer.renderer().type() == "singlebandpseudocolor"
        assert (ndvi.renderer().classificationMin(), ndvi.renderer().classificationMax()) == (
            -1.0,
            1.0,
        )
        assert ndvi.name().endswith("_NDVI")
    finally:
        QgsProject.instance().removeMapLayers([ndvi.id(), evi.id()])
