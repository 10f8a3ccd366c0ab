"""Snow detection keeps GDAL's block cache bounded, and its outputs do not change.

The cache is process-wide and sized once, so the reader does not resize it: it reopens its
inputs (dropping their blocks) once the blocks read weigh its budget. Without that, the three
passes over a full tile filled ~0.85 GB of cache. The budget is meant for full tiles; here
it is scaled to a small raster.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

rasterio = pytest.importorskip("rasterio")

from osgeo import gdal  # noqa: E402

from tests.data.theia_synth import write_l2a_product  # noqa: E402
from theia_plugin.core.snow import products  # noqa: E402
from theia_plugin.core.snow.run_detection import detect_product  # noqa: E402

SIZE_10M = 1536  # 768² at 20 m


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    folder = tmp_path_factory.mktemp("snow_memory")
    dem = folder / "dem.tif"
    info = write_l2a_product(
        folder, date(2019, 2, 10), size_10m=SIZE_10M, seed=11, truth=False, dem_path=dem
    )
    return info.path, dem


def read(path) -> np.ndarray:
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def detect_and_sample(scene, out_dir, monkeypatch, block_rows):
    """Detect, sampling the cache use after every window is read (before any drop)."""
    baseline = gdal.GetCacheUsed()
    peaks = []
    done_with = products.WindowReader._done_with

    def sampled(reader, rows):
        peaks.append(gdal.GetCacheUsed() - baseline)
        done_with(reader, rows)

    monkeypatch.setattr(products.WindowReader, "_done_with", sampled)
    outputs = detect_product(*scene, out_dir, block_rows=block_rows)
    monkeypatch.undo()
    return outputs, peaks


def test_detection_does_not_fill_the_block_cache(scene, tmp_path, monkeypatch):
    gdal.SetCacheMax(max(gdal.GetCacheMax(), 256 * 2**20))  # room to show a leak
    monkeypatch.setattr(products, "CACHE_BUDGET", 2**20)
    bounded, peaks = detect_and_sample(scene, tmp_path / "bounded", monkeypatch, block_rows=64)
    # Decoded bytes of one read of every input (the cache would hold them all without drops).
    everything = (SIZE_10M // 2) ** 2 * products.CACHED_BYTES_PER_PIXEL
    assert len(peaks) == 3 * (SIZE_10M // 2) // 64  # three passes
    assert max(peaks) < everything / 2

    # Without drops the cache holds everything read (what the bound prevents), and the
    # outputs are the same: reopening the inputs changes no value, even at the seams.
    monkeypatch.setattr(products, "CACHE_BUDGET", 2**62)
    kept, peaks = detect_and_sample(scene, tmp_path / "kept", monkeypatch, block_rows=64)
    assert max(peaks) > everything * 0.9
    assert bounded.zs == kept.zs
    for kind, path in bounded.paths.items():
        np.testing.assert_array_equal(read(path), read(kept.paths[kind]), err_msg=kind)


def test_resampled_inputs_are_spilled_once_and_read_back_identical(scene, tmp_path):
    inputs = products.SnowInputs.open(*scene)
    height = inputs.grid.height
    windows = [(row0, min(100, height - row0)) for row0 in range(0, height, 100)]
    with inputs.reader() as reader:
        expected = [reader.read(row0, rows) for row0, rows in windows]
    with inputs.reader(spill_dir=tmp_path) as reader:
        first = [reader.read(row0, rows) for row0, rows in windows]
        # A second pass must not resample again: the warped datasets are gone.
        reader._green = reader._red = reader._dem = None
        reader._done_with = lambda rows: None  # no reopening either
        second = [reader.read(row0, rows) for row0, rows in windows]
    for want, *got in zip(expected, first, second):
        for arrays in got:
            for name, value in want.items():
                np.testing.assert_array_equal(arrays[name], value, err_msg=name)
    width = inputs.grid.width
    assert {p.name: p.stat().st_size for p in tmp_path.iterdir()} == {
        "green.raw": 2 * width * height,
        "red.raw": 2 * width * height,
        "dem.raw": 4 * width * height,
    }


def test_detection_leaves_no_spill_file(scene, tmp_path):
    detect_product(*scene, tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.suffix != ".tif" and p.suffix != ".json"]
    assert not list(tmp_path.glob(".*"))
