"""Accuracy over a generated hydrological year: detection against the true snow mask of each
date (clear pixels), then the synthesis against the true SCD / SOD / SMOD.

The figures are printed (``pytest -s``) and bounded below what was observed on this series
(seed 7; 26 dates every ~10 days, many cloudy, a 120 × 120 grid at 20 m):

* detection, all dates pooled: accuracy 0.976, kappa 0.91; per date, kappa 0.68–1.0 where
  both classes are present;
* synthesis: SCD mean absolute error 24 days (median 14), SMOD 30 days (median 4), SOD 29 days
  (median 12) — from 10-day sampling under clouds; upstream reports a SMOD RMSE of 28 days
  against stations.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

rasterio = pytest.importorskip("rasterio")

from tests.data.theia_synth import read_manifest, write_time_series  # noqa: E402
from theia_plugin.core.snow.parameters import SynthesisParameters  # noqa: E402
from theia_plugin.core.snow.run_detection import detect_product  # noqa: E402
from theia_plugin.core.snow.run_synthesis import synthesize_files  # noqa: E402

START, END = date(2018, 9, 1), date(2019, 8, 31)


def read(path) -> np.ndarray:
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def kappa(truth: np.ndarray, detected: np.ndarray) -> float:
    """Cohen's kappa of two boolean samples (NaN when chance agreement is total)."""
    observed = np.mean(truth == detected)
    expected = truth.mean() * detected.mean() + (1 - truth.mean()) * (1 - detected.mean())
    return float("nan") if expected >= 1 else float((observed - expected) / (1 - expected))


@pytest.fixture(scope="module")
def season(tmp_path_factory):
    folder = tmp_path_factory.mktemp("season")
    write_time_series(
        folder, START, END, n_dates=26, interval_days=10, size_10m=240, seed=7, margin_days=15
    )
    manifest = read_manifest(folder)
    dem = folder / manifest["static"]["DEM"]
    scores = []
    for product in manifest["products"]:
        outputs = detect_product(folder / product["path"], dem, folder / "l2b", expert=False)
        seb = read(outputs.paths["SEB"])
        truth = read(folder / product["truth"]["SNOW"]).astype(bool)
        clear = (seb == 0) | (seb == 100)
        scores.append((product, truth[clear], seb[clear] == 100))
    return folder, manifest, scores


def test_detection_accuracy_and_kappa_per_date(season):
    _, _, scores = season
    print("\ndate        snowline  cloud  clear px  truth snow  accuracy  kappa")
    bounded = []
    for product, truth, detected in scores:
        if truth.size == 0:
            print(f"{product['date']}  {product['snowline_m']:7.0f}  all cloud")
            continue
        accuracy, k = float(np.mean(truth == detected)), kappa(truth, detected)
        print(
            f"{product['date']}  {product['snowline_m']:7.0f}  {product['cloud_fraction']:.2f}"
            f"  {truth.size:8d}  {truth.mean():10.2f}  {accuracy:8.3f}  {k:5.3f}"
        )
        assert accuracy > 0.8, product["date"]
        if truth.size >= 500 and 0.05 <= truth.mean() <= 0.95:  # kappa is meaningful
            bounded.append(k)
            assert k > 0.6, product["date"]
    truth = np.concatenate([t for _, t, _ in scores])
    detected = np.concatenate([d for _, _, d in scores])
    accuracy, k = float(np.mean(truth == detected)), kappa(truth, detected)
    print(f"all dates: accuracy {accuracy:.3f}, kappa {k:.3f} over {truth.size} clear pixels")
    assert len(bounded) >= 10  # the series has a real snow season
    assert accuracy > 0.95
    assert k > 0.85


def test_synthesis_against_the_true_season(season, tmp_path):
    folder, manifest, _ = season
    outputs = synthesize_files([folder / "l2b"], tmp_path, SynthesisParameters(year=2018))
    errors = {}
    for kind in ("SCD", "SOD", "SMOD"):
        ours = read(outputs.paths[kind]).astype(np.int64)
        truth = read(folder / manifest["static"][kind]).astype(np.int64)
        error = ours - truth
        errors[kind] = (float(np.abs(error).mean()), float(np.median(np.abs(error))))
        correlation = float(np.corrcoef(ours.ravel(), truth.ravel())[0, 1])
        print(
            f"{kind}: mean absolute error {errors[kind][0]:.1f} days, median "
            f"{errors[kind][1]:.1f}, bias {error.mean():+.1f}, r = {correlation:.3f} "
            f"(truth mean {truth.mean():.1f} days)"
        )
        if kind == "SCD":
            assert correlation > 0.8
    assert errors["SCD"][0] < 35 and errors["SCD"][1] < 25
    assert errors["SMOD"][0] < 40 and errors["SMOD"][1] < 10
    nobs = read(outputs.paths["NOBS"])
    assert 0 < nobs.max() <= len(outputs.dates)
