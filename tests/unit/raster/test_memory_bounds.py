"""GDAL's block cache stays bounded during a computation, and the values do not change.

The cache is process-wide and its size is fixed on first use, so the engine does not resize
it: it drops the blocks it is done with (sources block row by block row, the draft and its
overviews as rows of their blocks are complete, the draft again while the COG copy progresses).
Also here: the COG written window by window, with its overviews averaged on the way.
"""

from __future__ import annotations

import warnings
from datetime import date

import numpy as np
import pytest
import rasterio
from affine import Affine
from osgeo import gdal
from rasterio.crs import CRS
from rasterio.windows import Window

from tests.data.theia_synth import write_l2a_product
from theia_plugin.core.indices.compute import IndexRequest, compute_indices
from theia_plugin.core.raster import engine
from theia_plugin.core.raster.cog import CogWriter
from theia_plugin.core.raster.engine import Grid, run_windows
from theia_plugin.core.raster.theia_l2a import open_l2a

SIZE = 1536


@pytest.fixture(scope="module")
def product(tmp_path_factory):
    info = write_l2a_product(
        tmp_path_factory.mktemp("l2a"), date(2019, 3, 1), size_10m=SIZE, seed=7, truth=False
    )
    return open_l2a(info.path)


def read(path):
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def test_the_engine_and_the_draft_do_not_fill_the_block_cache(product, tmp_path, monkeypatch):
    # The budget is meant for full tiles (16 MB per source); scale it to this small raster.
    monkeypatch.setattr(engine, "SOURCE_CACHE_BUDGET", 2**20)
    grid = Grid.of(product.band("B8"))
    sources = {
        "N": product.band("B8"),
        "R": product.band("B4"),
        "S1": product.band("B11"),  # 20 m, upsampled
        "CLM": product.mask("CLM", 1),
    }
    profile = dict(width=grid.width, height=grid.height, count=1, crs=grid.crs,
                   transform=grid.transform, dtype="float32", nodata=float("nan"))  # fmt: skip
    baseline = gdal.GetCacheUsed()
    peaks = []

    def compute(arrays, window):
        peaks.append(gdal.GetCacheUsed() - baseline)
        return [arrays["N"].astype(np.float32) - arrays["R"] + arrays["S1"] * arrays["CLM"]]

    with CogWriter(tmp_path / "out.tif", profile) as writer:

        def write(outputs, window):
            writer.write(outputs[0], window)
            peaks.append(gdal.GetCacheUsed() - baseline)

        run_windows(sources, grid, compute, write, block_rows=256)

    # Everything read and written, decoded: 2 + 2 + 0.5 + 1 bytes in, 4 out, per pixel.
    everything = SIZE * SIZE * (2 + 2 + 0.5 + 1 + 4)
    # Without dropping blocks, nearly everything (~21 MB) ends up in the cache.
    assert max(peaks) < everything / 2
    n, r, s1, clm = (read(path) for path in sources.values())
    s1 = np.repeat(np.repeat(s1, 2, axis=0), 2, axis=1)
    expected = n.astype(np.float32) - r + s1 * clm
    np.testing.assert_array_equal(read(tmp_path / "out.tif"), expected)


def block_means(values: np.ndarray) -> np.ndarray:
    """Independent reference: NaN-aware mean of each 2×2 block, odd edges padded with NaN."""
    height, width = values.shape
    padded = np.full((height + height % 2, width + width % 2), np.nan, dtype=np.float64)
    padded[:height, :width] = values
    blocks = padded.reshape(padded.shape[0] // 2, 2, padded.shape[1] // 2, 2)
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN blocks
        return np.nanmean(blocks, axis=(1, 3))


@pytest.mark.parametrize("rows", [512, 300, 77])
def test_cog_written_window_by_window_is_a_cog_with_averaged_overviews(tmp_path, rows):
    rng = np.random.default_rng(rows)
    data = rng.normal(size=(1101, 2301)).astype(np.float32)
    data[rng.random(data.shape) < 0.05] = np.nan
    data[:64, :64] = np.nan  # whole overview pixels without a valid value
    profile = dict(width=2301, height=1101, count=1, crs=CRS.from_epsg(32631),
                   transform=Affine(10, 0, 300000, 0, -10, 5000000), dtype="float32",
                   nodata=float("nan"))  # fmt: skip
    dest = tmp_path / "windowed.tif"
    with CogWriter(dest, profile) as writer:
        for row in range(0, 1101, rows):
            block = data[row : row + rows]
            writer.write(block, Window(0, row, 2301, block.shape[0]))
    got = gdal.Open(str(dest))
    assert got.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    assert got.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "DEFLATE"
    assert got.GetGeoTransform() == (300000, 10, 0, 5000000, 0, -10)
    band = got.GetRasterBand(1)
    assert band.GetNoDataValue() != band.GetNoDataValue()  # NaN
    np.testing.assert_array_equal(band.ReadAsArray(), data)
    # Levels until the smallest fits one 512 block: 1151, 576, 288 px wide.
    assert [band.GetOverview(i).XSize for i in range(band.GetOverviewCount())] == [1151, 576, 288]
    expected = data
    for level in range(band.GetOverviewCount()):
        expected = block_means(expected)
        np.testing.assert_allclose(
            band.GetOverview(level).ReadAsArray(), expected, rtol=1e-6, atol=1e-6, equal_nan=True
        )
    assert [p.name for p in tmp_path.iterdir()] == ["windowed.tif"]  # no draft left


def test_int16_overviews_ignore_nodata_and_round(tmp_path):
    data = np.array([[1, 2, -10000, 7], [4, 4, -10000, -10000]], dtype=np.int16)
    data = np.tile(data, (300, 150))  # 600 × 600: one overview level
    profile = dict(width=600, height=600, count=1, crs=CRS.from_epsg(32631),
                   transform=Affine(10, 0, 300000, 0, -10, 5000000), dtype="int16",
                   nodata=-10000)  # fmt: skip
    with CogWriter(tmp_path / "out.tif", profile) as writer:
        writer.write(data, Window(0, 0, 600, 600))
    dataset = gdal.Open(str(tmp_path / "out.tif"))
    overview = dataset.GetRasterBand(1).GetOverview(0).ReadAsArray()
    assert overview.shape == (300, 300)
    # (1 + 2 + 4 + 4) / 4 = 2.75 → 3; only 7 is valid in the second block.
    np.testing.assert_array_equal(overview[:2, :2], [[3, 7], [3, 7]])


def test_integer_overviews_without_nodata_ignore_the_odd_edge(tmp_path):
    """Odd sizes: the missing row/column is not a value (it was NaN cast to 0 for integers)."""
    data = np.tile(np.array([[10, 20, 30]], np.uint16), (601, 201))  # 601 × 603: one level
    profile = dict(width=603, height=601, count=1, crs=CRS.from_epsg(32631),
                   transform=Affine(10, 0, 300000, 0, -10, 5000000), dtype="uint16",
                   nodata=None)  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        with CogWriter(tmp_path / "out.tif", profile) as writer:
            writer.write(data, Window(0, 0, 603, 601))
    dataset = gdal.Open(str(tmp_path / "out.tif"))  # kept alive while its bands are read
    overview = dataset.GetRasterBand(1).GetOverview(0).ReadAsArray()
    assert overview.shape == (301, 302)
    # the last column averages 30 with nothing (not 0), the last row 10 and 20 alone
    assert overview[0, -1] == 30 and overview[-1, -1] == 30
    assert overview[-1, 0] == 15 and overview[0, 0] == 15


def test_windows_that_do_not_span_the_width_are_refused_with_overviews(tmp_path):
    profile = dict(width=600, height=600, count=1, crs=CRS.from_epsg(32631),
                   transform=Affine(10, 0, 300000, 0, -10, 5000000), dtype="float32",
                   nodata=float("nan"))  # fmt: skip
    writer = CogWriter(tmp_path / "out.tif", profile)
    with pytest.raises(ValueError, match="full width"), writer:
        writer.write(np.zeros((10, 300), np.float32), Window(0, 0, 300, 10))
    assert list(tmp_path.iterdir()) == []


def test_indices_at_both_resolutions_still_match_when_blocks_are_dropped(product, tmp_path):
    """Windows that straddle source blocks (100 rows vs 256-row blocks) read blocks again."""
    requests = [IndexRequest.from_catalogue("NDVI"), IndexRequest.from_catalogue("NDSI")]
    for resolution in (10, 20):
        small = [tmp_path / f"{r.name}_{resolution}_small.tif" for r in requests]
        large = [tmp_path / f"{r.name}_{resolution}_large.tif" for r in requests]
        compute_indices(product, requests, small, resolution=resolution, block_rows=100)
        compute_indices(product, requests, large, resolution=resolution, block_rows=1024)
        for a, b in zip(small, large):
            np.testing.assert_array_equal(read(a), read(b))


def test_cancelling_while_the_cog_is_compressed_leaves_nothing(tmp_path):
    class CancelOnPublish:
        publishing = False

        def isCanceled(self):
            return self.publishing

    feedback = CancelOnPublish()
    profile = dict(width=1300, height=1100, count=1, crs=CRS.from_epsg(32631),
                   transform=Affine(10, 0, 300000, 0, -10, 5000000), dtype="float32",
                   nodata=float("nan"))  # fmt: skip
    dest = tmp_path / "out.tif"
    dest.write_bytes(b"previous")
    writer = CogWriter(dest, profile, feedback=feedback)
    with pytest.raises(engine.CancelledError), writer:
        writer.write(np.ones((1100, 1300), np.float32), Window(0, 0, 1300, 1100))
        feedback.publishing = True  # the windows are written; cancel during the COG copy
    assert dest.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tif"]
