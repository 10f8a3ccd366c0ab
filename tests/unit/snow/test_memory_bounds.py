"""Snow detection and synthesis keep GDAL's block cache bounded; their outputs do not change.

The cache is process-wide and sized once, so the readers do not resize it: they reopen their
inputs (dropping their blocks) once the blocks read weigh their budget. Without that, the
three passes of a detection over a full tile filled ~0.85 GB of cache, and a synthesis of a
year of dates the whole default cache (~1.2 GB here). The budgets are meant for full tiles;
here they are scaled to small rasters.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pytest

rasterio = pytest.importorskip("rasterio")

from osgeo import gdal  # noqa: E402

from tests.data.theia_synth import write_l2a_product  # noqa: E402
from theia_plugin.core.snow import products, run_synthesis  # noqa: E402
from theia_plugin.core.snow.naming import l2b_name  # noqa: E402
from theia_plugin.core.snow.parameters import SynthesisParameters  # noqa: E402
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


SERIES_SIZE, SERIES_DATES = 768, 24


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    """A year of random SEB codes, tiled in 256² blocks like a product would be."""
    from affine import Affine

    folder = tmp_path_factory.mktemp("snow_series")
    rng = np.random.default_rng(5)
    codes = np.array([0, 100, 100, 205, 255], np.uint8)
    profile = dict(driver="GTiff", width=SERIES_SIZE, height=SERIES_SIZE, count=1, dtype="uint8",
                   crs="EPSG:32631", transform=Affine(20, 0, 300000, 0, -20, 5000000),
                   nodata=255, tiled=True, blockxsize=256, blockysize=256)  # fmt: skip
    for n in range(SERIES_DATES):
        acquired = datetime(2018, 8, 25, 10, 37) + timedelta(days=16 * n)
        with rasterio.open(folder / l2b_name("SEB", "T31TCH", acquired, "1"), "w", **profile) as f:
            f.write(codes[rng.integers(0, len(codes), (SERIES_SIZE, SERIES_SIZE))], 1)
    return folder


def synthesize_and_sample(series, out_dir, monkeypatch):
    """Synthesise, sampling the cache use after every window is read (before any drop)."""
    baseline = gdal.GetCacheUsed()
    peaks = []
    read = run_synthesis._Sources.read

    def sampled(sources, window):
        layers = [dataset.read(1, window=window) for dataset in sources._datasets]
        peaks.append(gdal.GetCacheUsed() - baseline)
        del layers
        return read(sources, window)

    monkeypatch.setattr(run_synthesis._Sources, "read", sampled)
    outputs = run_synthesis.synthesize_files(
        [series], out_dir, SynthesisParameters(year=2018), block_rows=64
    )
    monkeypatch.undo()
    return outputs, peaks


def test_synthesis_does_not_fill_the_block_cache(series, tmp_path, monkeypatch):
    gdal.SetCacheMax(max(gdal.GetCacheMax(), 256 * 2**20))  # room to show a leak
    everything = SERIES_DATES * SERIES_SIZE**2  # decoded bytes of every date
    monkeypatch.setattr(run_synthesis, "CACHE_BUDGET", 2**20)
    bounded, peaks = synthesize_and_sample(series, tmp_path / "bounded", monkeypatch)
    assert len(peaks) == SERIES_SIZE // 64
    assert max(peaks) < everything / 2

    monkeypatch.setattr(run_synthesis, "CACHE_BUDGET", 2**62)
    kept, peaks = synthesize_and_sample(series, tmp_path / "kept", monkeypatch)
    assert max(peaks) > everything * 0.9  # what the bound prevents
    for kind, path in bounded.paths.items():
        np.testing.assert_array_equal(read(path), read(kept.paths[kind]), err_msg=kind)
