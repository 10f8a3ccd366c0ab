"""Indices of generated Theia L2A products: values, masks, COG output, atomicity, bad input."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
import rasterio

from tests.data.theia_synth import write_l2a_product
from theia_plugin.core.indices.compute import IndexRequest, MaskOptions, compute_indices
from theia_plugin.core.raster.engine import CancelledError, Grid, GridError, plan_sources
from theia_plugin.core.raster.theia_l2a import ProductError, open_l2a


@pytest.fixture(scope="module")
def product(tmp_path_factory):
    info = write_l2a_product(
        tmp_path_factory.mktemp("l2a"), date(2019, 2, 1), size_10m=240, seed=3,
        cloud_fraction=0.25, zip=True,
    )  # fmt: skip
    return open_l2a(info.path)


def read(path):
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def reflectance(product, band):
    # float32 like the engine: an independent formula, not an independent precision (EVI's
    # denominator crosses zero, where float32 and float64 rightly disagree).
    raw = read(product.band(band))
    return np.where(raw == -10000, np.float32(np.nan), raw.astype(np.float32) / np.float32(1e4))


def upsample(array20):
    return np.repeat(np.repeat(array20, 2, axis=0), 2, axis=1)


def expected_invalid(product, group=1):
    return (read(product.mask("CLM", group)) != 0) | (read(product.mask("EDG", group)) != 0)


def test_ndvi_ndsi_and_user_formula_match_an_independent_computation(product, tmp_path):
    requests = [
        IndexRequest.from_catalogue("NDVI"),
        IndexRequest.from_catalogue("EVI"),
        IndexRequest.from_catalogue("NDWI"),
        IndexRequest.from_catalogue("NBR"),
        IndexRequest.from_catalogue("SAVI", constants={"L": 0.5}),
        IndexRequest.from_formula("mine", "(N - R) / (N + R + 0.5) * 2"),
    ]
    outputs = [tmp_path / f"{r.name}.tif" for r in requests]
    compute_indices(product, requests, outputs, block_rows=64)  # several windows

    n, r, b, g = (reflectance(product, x) for x in ("B8", "B4", "B2", "B3"))
    s2 = upsample(reflectance(product, "B12"))  # 20 m, nearest neighbour
    masked = expected_invalid(product)
    with np.errstate(divide="ignore", invalid="ignore"):
        ndvi = (n - r) / (n + r)
        evi = np.float32(2.5) * (n - r) / (n + np.float32(6.0) * r - np.float32(7.5) * b + 1)
        ndwi = (g - n) / (g + n)  # McFeeters
        nbr = (n - s2) / (n + s2)
        savi = np.float32(1.5) * (n - r) / (n + r + np.float32(0.5))
        mine = (n - r) / (n + r + 0.5) * 2
    for path, truth in zip(outputs, (ndvi, evi, ndwi, nbr, savi, mine)):
        got = read(path)
        invalid = masked | np.isnan(truth)
        truth = np.where(invalid | ~np.isfinite(truth), np.nan, truth)
        assert np.array_equal(np.isnan(got), np.isnan(truth))
        np.testing.assert_allclose(got[~invalid], truth[~invalid], rtol=1e-5, atol=1e-6)
    assert np.isnan(read(outputs[0])).any()  # clouds and the swath edge are masked


def test_twenty_metre_band_on_the_ten_metre_grid(product, tmp_path):
    dest = tmp_path / "ndsi.tif"
    compute_indices(product, [IndexRequest.from_catalogue("NDSI")], [dest], block_rows=32)
    g = reflectance(product, "B3")
    s1 = upsample(reflectance(product, "B11"))  # nearest neighbour
    invalid = expected_invalid(product) | np.isnan(g) | np.isnan(s1)
    with np.errstate(divide="ignore", invalid="ignore"):
        truth = (g - s1) / (g + s1)
    got = read(dest)
    np.testing.assert_allclose(got[~invalid], truth[~invalid], rtol=1e-5, atol=1e-6)
    assert got.shape == g.shape


def test_at_twenty_metres_ten_metre_bands_are_averaged(product, tmp_path):
    dest = tmp_path / "ndvi20.tif"
    compute_indices(product, [IndexRequest.from_catalogue("NDVI")], [dest], resolution=20)
    with rasterio.open(dest) as dataset:
        assert dataset.res == (20.0, 20.0)
        got = dataset.read(1)
    assert got.shape == read(product.mask("CLM", 2)).shape


def test_int16_output_like_theia(product, tmp_path):
    dest = tmp_path / "ndvi16.tif"
    float_dest = tmp_path / "ndvi32.tif"
    compute_indices(product, [IndexRequest.from_catalogue("NDVI")], [dest], int16=True)
    compute_indices(product, [IndexRequest.from_catalogue("NDVI")], [float_dest])
    with rasterio.open(dest) as dataset:
        assert dataset.dtypes[0] == "int16"
        assert dataset.nodata == -10000
        got = dataset.read(1)
    reference = read(float_dest)
    assert np.array_equal(got == -10000, np.isnan(reference))
    valid = ~np.isnan(reference)
    assert np.abs(got[valid] - np.round(reference[valid] * 10000)).max() <= 1


def test_output_is_a_cloud_optimized_geotiff(tmp_path):
    from osgeo import gdal

    info = write_l2a_product(tmp_path / "p", date(2019, 6, 1), size_10m=1200, seed=1)
    dest = tmp_path / "ndvi.tif"
    compute_indices(open_l2a(info.path), [IndexRequest.from_catalogue("NDVI")], [dest])
    dataset = gdal.Open(str(dest))
    assert dataset.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    assert dataset.GetRasterBand(1).GetOverviewCount() >= 1
    assert dataset.GetRasterBand(1).GetDescription() == "NDVI"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ndvi.tif", "p"]


def test_masks_can_be_disabled(product, tmp_path):
    dest = tmp_path / "nomask.tif"
    compute_indices(
        product, [IndexRequest.from_catalogue("NDVI")], [dest], masks=MaskOptions(False, False)
    )
    clouds = read(product.mask("CLM", 1)) != 0
    edge = read(product.mask("EDG", 1)) != 0
    got = read(dest)
    assert np.isfinite(got[clouds & ~edge]).all()


def test_missing_band_is_named_and_nothing_is_written(product, tmp_path):
    dest = tmp_path / "x.tif"
    with pytest.raises(ProductError, match=r"lacks the band\(s\) T \(no such band in SENTINEL2A"):
        compute_indices(product, [IndexRequest.from_formula("thermal", "T - R")], [dest])
    with pytest.raises(ProductError, match="uses XYZ, which is not a band name"):
        compute_indices(product, [IndexRequest.from_formula("odd", "XYZ - R")], [dest])
    assert list(tmp_path.iterdir()) == []


class CancelAfter:
    def __init__(self, calls):
        self.calls = calls

    def isCanceled(self):
        self.calls -= 1
        return self.calls < 0

    def setProgress(self, value):
        pass


def test_cancel_leaves_no_output_and_keeps_a_previous_file(product, tmp_path):
    dest = tmp_path / "ndvi.tif"
    dest.write_bytes(b"previous result")
    with pytest.raises(CancelledError):
        compute_indices(
            product, [IndexRequest.from_catalogue("NDVI")], [dest], block_rows=16,
            feedback=CancelAfter(3),
        )  # fmt: skip
    assert dest.read_bytes() == b"previous result"
    assert [p.name for p in tmp_path.iterdir()] == ["ndvi.tif"]


def test_grids_that_do_not_align_are_refused(product, tmp_path):
    b4 = product.band("B4")
    shifted = tmp_path / "shifted.tif"
    with rasterio.open(b4) as src:
        profile = src.profile
        data = src.read(1)
        transform = src.transform * src.transform.translation(0.5, 0)
    profile.update(transform=transform, driver="GTiff")
    with rasterio.open(shifted, "w", **profile) as dst:
        dst.write(data, 1)
    with pytest.raises(GridError, match="not on the same grid"):
        plan_sources({"R": str(shifted)}, Grid.of(b4))


def test_a_failed_publication_leaves_no_draft_of_the_other_indices(product, tmp_path, monkeypatch):
    from theia_plugin.core.raster import cog

    original = cog.CogWriter._publish

    def publish(self):
        if self.dest.name == "NDWI.tif":
            raise OSError("disk full")
        original(self)

    monkeypatch.setattr(cog.CogWriter, "_publish", publish)
    requests = [IndexRequest.from_catalogue(n) for n in ("NDVI", "NDWI", "NBR")]
    with pytest.raises(OSError, match="disk full"):
        compute_indices(product, requests, [tmp_path / f"{r.name}.tif" for r in requests])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["NDVI.tif"]  # complete, or absent
