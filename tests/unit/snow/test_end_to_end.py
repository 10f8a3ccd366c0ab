"""Detection on a synthetic Theia L2A product against the generator's snow truth."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

rasterio = pytest.importorskip("rasterio")

from tests.data.theia_synth import write_l2a_product  # noqa: E402
from theia_plugin.core.snow.detection import (  # noqa: E402
    CLOUD,
    NODATA,
    SNOW,
    SnowDetector,
    detect_snow,
)


def read(path: str) -> np.ndarray:
    with rasterio.open(path) as src:
        return src.read(1)


def to_20m(band: np.ndarray) -> np.ndarray:
    """10 m → 20 m as the 2 × 2 mean (a stand-in for the spec's cubic resampling in this test;
    the product reader will do the real one). Any nodata quarter makes the 20 m pixel nodata."""
    rows, cols = band.shape[0] // 2, band.shape[1] // 2
    blocks = band[: rows * 2, : cols * 2].reshape(rows, 2, cols, 2).astype(np.float64)
    mean = np.rint(blocks.mean(axis=(1, 3))).astype(np.int16)
    mean[(blocks == -10000).any(axis=(1, 3))] = -10000
    return mean


def cohen_kappa(truth: np.ndarray, predicted: np.ndarray) -> float:
    observed = np.mean(truth == predicted)
    p_yes = truth.mean() * predicted.mean()
    p_no = (1 - truth.mean()) * (1 - predicted.mean())
    expected = p_yes + p_no
    return float((observed - expected) / (1 - expected))


@pytest.fixture(scope="module")
def product(tmp_path_factory):
    """A 120 × 120 (20 m) product in March, snowline at 1500 m: green, red, SWIR, CLM, DEM,
    truth."""
    folder = tmp_path_factory.mktemp("l2a")
    dem_path = folder / "dem.tif"
    info = write_l2a_product(
        folder, date(2019, 3, 12), size_10m=240, seed=3, snowline_m=1500.0, dem_path=dem_path
    )
    bands = (
        to_20m(read(info.band_path("B3"))),
        to_20m(read(info.band_path("B4"))),
        read(info.band_path("B11")),
        read(info.mask_path("CLM", "R2")),
        read(str(dem_path)).astype(np.float64),
    )
    return bands, read(str(info.truth["SNOW"])).astype(bool)


def test_detection_matches_truth_on_clear_pixels(product):
    bands, truth = product
    result = detect_snow(*bands)

    scored = (result.seb != CLOUD) & (result.seb != NODATA)
    assert scored.sum() > 0.3 * scored.size
    detected = result.seb[scored] == SNOW
    accuracy = float(np.mean(detected == truth[scored]))
    kappa = cohen_kappa(truth[scored], detected)
    print(f"zs={result.zs} accuracy={accuracy:.3f} kappa={kappa:.3f} on {scored.sum()} pixels")
    assert result.zs_found
    assert accuracy > 0.85


def test_row_windows_give_the_same_result(product):
    bands, _ = product
    whole = detect_snow(*bands)
    rows = bands[0].shape[0]
    detector = SnowDetector(bands[0].shape)
    edges = [0, 7, 50, 51, rows]  # uneven windows, one of a single row
    windows = list(zip(edges[:-1], edges[1:]))
    green, red, swir, clm, dem = bands
    for a, b in windows:
        detector.scan(a, red[a:b], dem[a:b])
    for a, b in windows:
        detector.count(a, green[a:b], red[a:b], swir[a:b], clm[a:b], dem[a:b])
    parts = [detector.classify(a, *(band[a:b] for band in bands)) for a, b in windows]
    assert detector.zs == whole.zs
    for name in ("seb", "fsc_toc", "ndsi_pct", "expert"):
        assert np.array_equal(np.vstack([getattr(p, name) for p in parts]), getattr(whole, name))
    assert detector.snow_percent == pytest.approx(whole.snow_percent)
    with pytest.raises(ValueError, match="outside the image"):
        detector.scan(rows - 1, red[:2], dem[:2])
