"""Snow detection from product files to COG outputs (run_detection.detect_product)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import numpy as np
import pytest

rasterio = pytest.importorskip("rasterio")

from tests.data.theia_synth import write_dem, write_l2a_product  # noqa: E402
from theia_plugin.core.raster.engine import CancelledError, GridError  # noqa: E402
from theia_plugin.core.raster.theia_l2a import ProductError, open_l2a  # noqa: E402
from theia_plugin.core.snow.detection import CLOUD, NODATA, SNOW, detect_snow  # noqa: E402
from theia_plugin.core.snow.parameters import DetectionParameters  # noqa: E402
from theia_plugin.core.snow.products import CoverageError, SnowInputs  # noqa: E402
from theia_plugin.core.snow.run_detection import detect_product  # noqa: E402

SIZE_10M = 240  # 120 × 120 at 20 m
SEED = 3


class Feedback:
    """QgsFeedback stand-in: records messages, cancels after ``cancel_after`` checks."""

    def __init__(self, cancel_after: int | None = None):
        self.cancel_after = cancel_after
        self.checks = 0
        self.messages: list[str] = []
        self.progress: list[float] = []

    def isCanceled(self) -> bool:
        self.checks += 1
        return self.cancel_after is not None and self.checks > self.cancel_after

    def setProgress(self, value: float) -> None:
        self.progress.append(value)

    def pushInfo(self, text: str) -> None:
        self.messages.append(text)


def read(path) -> np.ndarray:
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    folder = tmp_path_factory.mktemp("snow_files")
    dem = folder / "dem.tif"
    info = write_l2a_product(
        folder, date(2019, 3, 12), size_10m=SIZE_10M, seed=SEED, snowline_m=1500.0, dem_path=dem
    )
    return info, dem


@pytest.fixture(scope="module")
def run(scene, tmp_path_factory):
    info, dem = scene
    out = tmp_path_factory.mktemp("out")
    feedback = Feedback()
    outputs = detect_product(info.path, dem, out, block_rows=7, feedback=feedback)
    return outputs, out, feedback


def arrays(product, dem, tcd=None) -> dict:
    inputs = SnowInputs.open(product, dem, tcd)
    with inputs.reader() as reader:
        return reader.read(0, inputs.grid.height)


def test_outputs_have_upstream_names_dtype_and_grid(scene, run):
    info, _ = scene
    outputs, out, _ = run
    names = sorted(p.name for p in out.iterdir())
    stamp = info.acquired.strftime("%Y%m%dT%H%M%S")
    for kind in ("SEB", "FSC-TOC", "NDSI", "EXPERT"):
        assert outputs.paths[kind].name.startswith(f"LIS_S2-SNOW-{kind}_T31TCH_{stamp}_")
    assert "FSC-OG" not in outputs.paths
    assert names == sorted([*(p.name for p in outputs.paths.values()), outputs.metadata.name])
    with rasterio.open(info.band_path("B11")) as b11:
        grid = (b11.crs, b11.transform, b11.width, b11.height)
    for path in outputs.paths.values():
        with rasterio.open(path) as dataset:
            assert dataset.dtypes == ("uint8",)
            assert (dataset.crs, dataset.transform, dataset.width, dataset.height) == grid
            assert dataset.profile["tiled"]


def test_values_equal_the_in_memory_detection(scene, run):
    info, dem = scene
    outputs, _, feedback = run
    a = arrays(info.path, dem)
    result = detect_snow(a["green"], a["red"], a["swir"], a["clm"], a["dem"])
    for kind, name in (("SEB", "seb"), ("FSC-TOC", "fsc_toc"), ("NDSI", "ndsi_pct")):
        np.testing.assert_array_equal(read(outputs.paths[kind]), getattr(result, name))
    np.testing.assert_array_equal(read(outputs.paths["EXPERT"]), result.expert)
    assert outputs.zs == result.zs
    assert outputs.snow_percent == pytest.approx(result.snow_percent)
    assert outputs.cloud_percent == pytest.approx(result.cloud_percent)
    metadata = json.loads(outputs.metadata.read_text())
    assert metadata["zs"] == result.zs
    assert metadata["product_id"] == info.product_id
    assert metadata["snow_percent"] == pytest.approx(result.snow_percent)
    assert metadata["parameters"]["ndsi_pass1"] == 0.4
    assert feedback.progress[-1] == pytest.approx(100.0)
    assert not outputs.dem_resampled


def test_cubic_resampling_of_the_10m_bands(scene):
    """G and R on the 20 m grid are GDAL's cubic (warper), window-independent, nodata-aware."""
    info, dem = scene
    inputs = SnowInputs.open(info.path, dem)
    with inputs.reader() as reader:
        whole = reader.read(0, 120)
        parts = [reader.read(row, min(13, 120 - row)) for row in range(0, 120, 13)]
    for name in ("green", "red", "swir", "clm", "dem"):
        np.testing.assert_array_equal(np.vstack([p[name] for p in parts]), whole[name])
    # bands and DEM already on the 20 m grid are read unchanged
    np.testing.assert_array_equal(whole["dem"], read(dem).astype(np.float64))
    np.testing.assert_array_equal(whole["swir"], read(info.band_path("B11")))
    ten = read(info.band_path("B3")).astype(np.float64)
    mean = ten.reshape(120, 2, 120, 2).mean(axis=(1, 3))
    valid = (ten.reshape(120, 2, 120, 2) != -10000).all(axis=(1, 3))
    # cubic is close to the 2 × 2 mean on this smooth scene, and never nodata where B11 is valid
    assert np.median(np.abs(whole["green"][valid] - mean[valid])) < 100
    assert not np.any(whole["green"][whole["swir"] != -10000] == -10000)


def test_accuracy_against_truth(scene, run):
    info, _ = scene
    outputs, _, _ = run
    seb = read(outputs.paths["SEB"])
    truth = read(info.truth["SNOW"]).astype(bool)
    scored = (seb != CLOUD) & (seb != NODATA)
    accuracy = float(np.mean((seb[scored] == SNOW) == truth[scored]))
    print(
        f"zs={outputs.zs} snow={outputs.snow_percent:.1f}% cloud={outputs.cloud_percent:.1f}% "
        f"accuracy={accuracy:.3f} on {scored.sum()} clear pixels"
    )
    assert accuracy > 0.85


def test_tree_cover_density_gives_fsc_og(scene, tmp_path):
    info, dem = scene
    with rasterio.open(info.band_path("B11")) as b11:
        profile = {**b11.profile, "dtype": "uint8", "nodata": 255}
    tcd = np.random.default_rng(0).integers(0, 101, (120, 120)).astype(np.uint8)
    tcd[:10] = 255
    with rasterio.open(tmp_path / "tcd.tif", "w", **profile) as dst:
        dst.write(tcd, 1)
    outputs = detect_product(info.path, dem, tmp_path / "out", tcd_path=tmp_path / "tcd.tif")
    a = arrays(info.path, dem, tmp_path / "tcd.tif")
    np.testing.assert_array_equal(a["tcd"], tcd)
    result = detect_snow(a["green"], a["red"], a["swir"], a["clm"], a["dem"], tcd=tcd)
    np.testing.assert_array_equal(read(outputs.paths["FSC-OG"]), result.fsc_og)
    assert "LIS_S2-SNOW-FSC-OG_" in outputs.paths["FSC-OG"].name


@pytest.mark.parametrize(
    "options",
    [{"crs": "EPSG:4326", "resolution": 0.0003, "margin_m": 400.0}, {"resolution": 30.0}],
    ids=["geographic", "30m"],
)
def test_dem_in_another_crs_or_resolution(scene, run, tmp_path, options):
    info, _ = scene
    reference, _, _ = run
    dem = write_dem(tmp_path / "dem_other.tif", size_10m=SIZE_10M, seed=info.world_seed, **options)
    feedback = Feedback()
    outputs = detect_product(info.path, dem, tmp_path / "out", feedback=feedback)
    assert outputs.dem_resampled
    assert any("resampled" in message for message in feedback.messages)
    agreement = np.mean(read(outputs.paths["SEB"]) == read(reference.paths["SEB"]))
    print(f"{options}: zs={outputs.zs} (native {reference.zs}), SEB agreement {agreement:.4f}")
    assert abs(outputs.zs - reference.zs) <= 100
    assert agreement > 0.97


def test_dem_not_covering_is_a_clear_error_and_leaves_outputs_alone(scene, run, tmp_path):
    info, _ = scene
    _, previous, _ = run
    small = write_dem(tmp_path / "small_dem.tif", size_10m=120, seed=info.world_seed)
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = listing(out)
    with pytest.raises(CoverageError, match=r"DEM .*small_dem\.tif does not cover the product"):
        detect_product(info.path, small, out)
    assert listing(out) == before
    with pytest.raises(CoverageError, match="does not cover"):
        detect_product(info.path, small, tmp_path / "fresh")
    assert listing(tmp_path / "fresh") == {}


def test_dem_with_holes_is_a_clear_error(scene, tmp_path):
    info, dem = scene
    with rasterio.open(dem) as src:
        profile, values = src.profile, src.read(1)
    values[50:52, 60:70] = profile["nodata"]
    with rasterio.open(tmp_path / "holes.tif", "w", **profile) as dst:
        dst.write(values, 1)
    with pytest.raises(ValueError, match=r"holes\.tif has no elevation for 20 pixels"):
        detect_product(info.path, tmp_path / "holes.tif", tmp_path / "out")
    assert listing(tmp_path / "out") == {}


def test_missing_clm_is_named(scene, tmp_path):
    info, dem = scene
    copy = tmp_path / info.path.name
    shutil.copytree(info.path, copy)
    (copy / "MASKS" / f"{info.product_id}_CLM_R2.tif").unlink()
    (copy / f"{info.product_id}_FRE_B11.tif").unlink()
    with pytest.raises(ProductError, match=r"CLM_R2\.tif") as error:
        detect_product(copy, dem, tmp_path / "out")
    assert "FRE_B11.tif" in str(error.value)
    assert listing(tmp_path / "out") == {}


def test_band_on_another_grid_is_named(scene, tmp_path):
    info, dem = scene
    copy = tmp_path / info.path.name
    shutil.copytree(info.path, copy)
    b4 = copy / f"{info.product_id}_FRE_B4.tif"
    with rasterio.open(b4) as src:
        profile, values = src.profile, src.read(1)
    profile["transform"] = profile["transform"] * profile["transform"].translation(3, 0)
    with rasterio.open(b4, "w", **profile) as dst:
        dst.write(values, 1)
    with pytest.raises(GridError, match="B4"):
        detect_product(open_l2a(copy), dem, tmp_path / "out")


@pytest.mark.parametrize("cancel_after", [0, 5, 30, 55], ids=["start", "scan", "count", "write"])
def test_cancel_leaves_no_output(scene, run, tmp_path, cancel_after):
    info, dem = scene
    _, previous, _ = run
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = listing(out)
    feedback = Feedback(cancel_after)
    with pytest.raises(CancelledError):
        detect_product(info.path, dem, out, block_rows=5, feedback=feedback)
    assert listing(out) == before
    with pytest.raises(CancelledError):
        detect_product(info.path, dem, tmp_path / "fresh", block_rows=5, feedback=Feedback(0))
    assert listing(tmp_path / "fresh") == {}


def test_parameters_are_applied(scene, tmp_path):
    info, dem = scene
    params = DetectionParameters(ndsi_pass1=0.9, ndsi_pass2=0.9)
    outputs = detect_product(info.path, dem, tmp_path, params=params)
    a = arrays(info.path, dem)
    result = detect_snow(a["green"], a["red"], a["swir"], a["clm"], a["dem"], params)
    np.testing.assert_array_equal(read(outputs.paths["SEB"]), result.seb)
    assert json.loads(outputs.metadata.read_text())["parameters"]["ndsi_pass1"] == 0.9


def test_zipped_product_gives_the_same_outputs(run, tmp_path):
    outputs, _, _ = run
    info = write_l2a_product(
        tmp_path, date(2019, 3, 12), size_10m=SIZE_10M, seed=SEED, snowline_m=1500.0, zip=True,
        dem_path=tmp_path / "dem.tif",
    )  # fmt: skip
    zipped = detect_product(info.path, tmp_path / "dem.tif", tmp_path / "out")
    assert zipped.zs == outputs.zs
    for kind, path in outputs.paths.items():
        assert zipped.paths[kind].name == path.name
        np.testing.assert_array_equal(read(zipped.paths[kind]), read(path))


def test_failed_publication_puts_earlier_outputs_back(scene, run, tmp_path, monkeypatch):
    import os

    from theia_plugin.core.snow import run_detection

    info, dem = scene
    _, previous, _ = run
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = listing(out)
    calls = []
    real_replace = os.replace

    def flaky_replace(source, dest):
        if Path(dest).parent == out:  # a staged file moved into place
            calls.append(dest)
            if len(calls) == 3:  # two outputs already replaced their earlier version
                raise OSError("disk full")
        real_replace(source, dest)

    monkeypatch.setattr(run_detection.os, "replace", flaky_replace)
    with pytest.raises(OSError, match="disk full"):
        detect_product(info.path, dem, out)
    monkeypatch.undo()
    assert len(calls) == 6  # three moves into place (the third fails), three restores
    assert listing(out) == before
