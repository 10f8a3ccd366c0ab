"""GDAL's block cache stays bounded during a computation, and the values do not change.

The cache is process-wide and its size is fixed on first use, so the engine does not resize
it: it drops the blocks it is done with (sources block row by block row, the draft as rows of
its blocks are complete, the draft again while the COG copy progresses).
"""

from __future__ import annotations

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


@pytest.mark.parametrize("rows", [512, 300])
def test_cog_written_window_by_window_equals_gdal_own_cog(tmp_path, rows):
    rng = np.random.default_rng(rows)
    data = rng.normal(size=(1100, 1300)).astype(np.float32)
    data[rng.random(data.shape) < 0.05] = np.nan
    profile = dict(width=1300, height=1100, count=1, crs=CRS.from_epsg(32631),
                   transform=Affine(10, 0, 300000, 0, -10, 5000000), dtype="float32",
                   nodata=float("nan"))  # fmt: skip
    dest = tmp_path / "windowed.tif"
    with CogWriter(dest, profile) as writer:
        for row in range(0, 1100, rows):
            block = data[row : row + rows]
            writer.write(block, Window(0, row, 1300, block.shape[0]))
    plain = tmp_path / "plain.tif"
    with rasterio.open(plain, "w", driver="GTiff", **profile) as dataset:
        dataset.write(data, 1)
    reference = tmp_path / "reference.tif"
    gdal.Translate(
        str(reference), str(plain), format="COG",
        creationOptions=["COMPRESS=DEFLATE", "OVERVIEWS=AUTO", "OVERVIEW_RESAMPLING=AVERAGE",
                         "BLOCKSIZE=512"],
    )  # fmt: skip
    got, want = gdal.Open(str(dest)), gdal.Open(str(reference))
    assert got.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    assert got.GetGeoTransform() == want.GetGeoTransform()
    assert got.GetRasterBand(1).GetNoDataValue() != got.GetRasterBand(1).GetNoDataValue()  # NaN
    bands = got.GetRasterBand(1), want.GetRasterBand(1)
    np.testing.assert_array_equal(bands[0].ReadAsArray(), data)
    assert bands[0].GetOverviewCount() == bands[1].GetOverviewCount() >= 1
    for level in range(bands[1].GetOverviewCount()):
        np.testing.assert_array_equal(
            bands[0].GetOverview(level).ReadAsArray(), bands[1].GetOverview(level).ReadAsArray()
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain.tif", "reference.tif",
                                                          "windowed.tif"]  # fmt: skip


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
