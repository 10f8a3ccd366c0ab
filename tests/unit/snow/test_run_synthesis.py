"""Annual synthesis from L2B files (run_synthesis.synthesize_files): windows, kinds, bad input."""

from __future__ import annotations

import json
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

rasterio = pytest.importorskip("rasterio")

from affine import Affine  # noqa: E402

from theia_plugin.core.raster.engine import CancelledError, GridError  # noqa: E402
from theia_plugin.core.snow.l2b_files import find_l2b_files, parse_l2b_name  # noqa: E402
from theia_plugin.core.snow.naming import l2b_name  # noqa: E402
from theia_plugin.core.snow.parameters import SynthesisParameters  # noqa: E402
from theia_plugin.core.snow.run_synthesis import synthesize_files  # noqa: E402
from theia_plugin.core.snow.synthesis import synthesize_window  # noqa: E402

SHAPE = (23, 17)
TRANSFORM = Affine(20.0, 0, 300000.0, 0, -20.0, 5000040.0)
START, END = date(2018, 9, 1), date(2019, 8, 31)
PARAMS = SynthesisParameters(year=2018)


class Feedback:
    def __init__(self, cancel_after: int | None = None):
        self.cancel_after, self.checks = cancel_after, 0
        self.messages: list[str] = []
        self.progress: list[float] = []

    def isCanceled(self) -> bool:
        self.checks += 1
        return self.cancel_after is not None and self.checks > self.cancel_after

    def setProgress(self, value: float) -> None:
        self.progress.append(value)

    def pushInfo(self, text: str) -> None:
        self.messages.append(text)


def write(path: Path, codes: np.ndarray, transform=TRANSFORM, crs="EPSG:32631") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    profile = {
        "driver": "GTiff", "width": codes.shape[1], "height": codes.shape[0], "count": 1,
        "dtype": codes.dtype.name, "crs": crs, "transform": transform, "nodata": 255,
    }  # fmt: skip
    with rasterio.open(path, "w", **profile) as dataset:
        dataset.write(codes, 1)
    return path


def read(path) -> np.ndarray:
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def empty(folder: Path) -> bool:
    return not folder.exists() or not list(folder.iterdir())


def random_series(seed: int, n: int = 40):
    """``n`` acquisitions over the period ± 20 days (two on one day), random codes."""
    rng = np.random.default_rng(seed)
    offsets = sorted(rng.choice(np.arange(-20, 385), size=n - 1, replace=False).tolist())
    offsets.append(offsets[len(offsets) // 2])  # a second product the same day
    times = [
        datetime.combine(START + timedelta(days=o), datetime.min.time()) + timedelta(hours=10)
        for o in offsets
    ]
    times[-1] += timedelta(minutes=7)
    times.sort()
    choices = np.array([0, 0, 100, 100, 37, 205, 205, 255], np.uint8)
    stack = choices[rng.integers(0, len(choices), size=(n, *SHAPE))]
    return times, stack


def write_series(folder: Path, times, stack, kind="SEB", tile="T31TCH") -> list[Path]:
    return [write(folder / l2b_name(kind, tile, t, "1.0"), layer) for t, layer in zip(times, stack)]


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    folder = tmp_path_factory.mktemp("l2b")
    times, stack = random_series(1)
    write_series(folder, times, stack)
    return folder, times, stack


def test_files_give_the_window_result_over_small_windows(series, tmp_path):
    folder, times, stack = series
    feedback = Feedback()
    out = synthesize_files([folder], tmp_path, PARAMS, block_rows=5, feedback=feedback)
    expected = synthesize_window(times, stack, START, END, 15)
    for kind, array in expected.items():
        written = read(out.paths[kind])
        assert written.dtype == np.uint16
        np.testing.assert_array_equal(written, array, err_msg=kind)
        assert out.paths[kind].name == f"LIS_S2-SNOW-{kind}_T31TCH_20180901_20190831_0.tif" or (
            out.paths[kind].name.startswith(f"LIS_S2-SNOW-{kind}_T31TCH_20180901_20190831_")
        )
    assert feedback.progress[-1] == pytest.approx(100.0)
    assert any("share their day" in m for m in feedback.messages)
    # per-date summary: merged days, snow and cloud over pixels with data
    summary = json.loads(out.summary_file.read_text())
    assert len(summary["dates"]) == len(out.dates) == len({t.date() for t in times})
    first = out.dates[0]
    layer = stack[0]
    with_data = np.count_nonzero(layer != 255)
    assert first.snow_percent == pytest.approx(
        100 * np.count_nonzero((layer > 0) & (layer <= 100)) / with_data, abs=1e-3
    )
    assert first.cloud_percent == pytest.approx(
        100 * np.count_nonzero(layer == 205) / with_data, abs=1e-3
    )
    assert [d.in_period for d in out.dates] == [START <= d.day <= END for d in out.dates]
    assert not list(tmp_path.glob(".*"))  # no staging or temporary file left


def test_daily_stack_matches_scd(series, tmp_path):
    folder, *_ = series
    out = synthesize_files([folder], tmp_path, PARAMS, daily_stack=True, block_rows=9)
    with rasterio.open(out.daily_stack) as dataset:
        assert dataset.count == (END - START).days + 1
        assert dataset.descriptions[0] == START.isoformat()
        daily = dataset.read()
    np.testing.assert_array_equal(daily.sum(axis=0), read(out.paths["SCD"]))


def test_margin_and_southern_hemisphere(series, tmp_path):
    folder, times, stack = series
    params = SynthesisParameters(year=2018, hemisphere="south", date_margin=3)
    out = synthesize_files([folder], tmp_path, params)
    start, end = date(2018, 3, 1), date(2019, 2, 28)
    assert (out.period_start, out.period_end) == (start, end)
    expected = synthesize_window(times, stack, start, end, 3)
    np.testing.assert_array_equal(read(out.paths["NOBS"]), expected["NOBS"])
    assert out.paths["SCD"].name.startswith("LIS_S2-SNOW-SCD_T31TCH_20180301_20190228_")


def test_one_file_per_acquisition_and_theia_names(tmp_path):
    times, stack = random_series(2, n=12)
    own = tmp_path / "own"
    write_series(own, times, stack, kind="SEB")
    # the other outputs of a detection: FSC-TOC is skipped when SEB exists, NDSI never used
    write_series(own, times, np.where(stack == 100, 60, stack).astype(np.uint8), kind="FSC-TOC")
    write_series(own, times, np.full_like(stack, 90), kind="NDSI")
    theia = tmp_path / "theia"
    for t, layer in zip(times, stack):
        pid = f"SENTINEL2A_{t:%Y%m%d-%H%M%S}-000_L2B-SNOW_T31TCH_C_V1-7"
        write(theia / pid / f"{pid}_SNW_R2.tif", layer)
    zipped = tmp_path / "zips"
    zipped.mkdir()
    for product in sorted(theia.iterdir())[:4]:
        with zipfile.ZipFile(zipped / f"{product.name}.zip", "w") as archive:
            for f in product.iterdir():
                archive.write(f, f"{product.name}/{f.name}")
    a = synthesize_files([own], tmp_path / "a", PARAMS)
    b = synthesize_files([theia], tmp_path / "b", PARAMS)
    found = find_l2b_files([zipped])
    assert len(found) == 4 and all(f.path.startswith("/vsizip/") for f in found)
    assert {f.kind for f in find_l2b_files([own])} == {"SEB", "FSC-TOC"}
    for kind in ("SCD", "SMOD", "NOBS"):
        np.testing.assert_array_equal(read(a.paths[kind]), read(b.paths[kind]))
    assert len(a.inputs) == len({t for t in times})
    assert all("SEB" in Path(p).name for p in a.inputs)


def test_parse_names():
    f = parse_l2b_name("/x/LIS_S2-SNOW-FSC_T31TCH_20190115T103421_1.7.0.tif")
    assert (f.kind, f.tile, f.acquired) == ("FSC", "T31TCH", datetime(2019, 1, 15, 10, 34, 21))
    f = parse_l2b_name("SENTINEL2B_20190115-103421-123_L2B-SNOW_T31TCH_D_V1-7_SNW_R2.tif")
    assert (f.kind, f.tile) == ("SNW", "T31TCH")
    assert parse_l2b_name("LIS_S2-SNOW-NDSI_T31TCH_20190115T103421_1.tif") is None
    assert parse_l2b_name("SENTINEL2A_20190115-103421-123_L2A_T31TCH_C_V2-2_FRE_B3.tif") is None


def test_different_tiles_are_refused(series, tmp_path):
    folder, times, stack = series
    other = write(tmp_path / l2b_name("SEB", "T32ULU", times[3], "1.0"), stack[3])
    with pytest.raises(ValueError, match=r"different tiles \(T31TCH: \d+ files.*T32ULU: 1 files"):
        synthesize_files([folder, other], tmp_path / "o", PARAMS)
    assert empty(tmp_path / "o")


def test_different_grids_are_refused(series, tmp_path):
    folder, times, stack = series
    shifted = TRANSFORM * Affine.translation(1, 0)
    other = write(
        tmp_path / l2b_name("SEB", "T31TCH", times[10] + timedelta(hours=1), "1.0"),
        stack[3],
        shifted,
    )
    with pytest.raises(GridError, match="not on the grid of"):
        synthesize_files([folder, other], tmp_path / "o", PARAMS)
    assert empty(tmp_path / "o")


def test_no_product_in_the_period(series, tmp_path):
    folder, *_ = series
    with pytest.raises(ValueError, match=r"No snow product between 2010-08-17 and 2011-09-15"):
        synthesize_files([folder], tmp_path / "o", SynthesisParameters(year=2010))
    with pytest.raises(ValueError, match="No snow product found"):
        synthesize_files([tmp_path], tmp_path / "o", PARAMS)
    not_snow = write(tmp_path / "something.tif", np.zeros(SHAPE, np.uint8))
    with pytest.raises(ValueError, match="is not a snow product"):
        synthesize_files([not_snow], tmp_path / "o", PARAMS)


def test_duplicated_files(series, tmp_path):
    folder, times, stack = series
    copy = tmp_path / "copy" / l2b_name("SEB", "T31TCH", times[5], "1.0")
    write(copy, stack[5])
    feedback = Feedback()
    out = synthesize_files([folder, copy], tmp_path / "o", PARAMS, feedback=feedback)
    assert any("given twice" in m for m in feedback.messages)
    assert len(out.inputs) == len(times)
    # same acquisition, two different files: ambiguous
    other = write(tmp_path / "v2" / l2b_name("SEB", "T31TCH", times[5], "2.0"), stack[5])
    with pytest.raises(ValueError, match=r"Duplicated date: .* same acquisition"):
        synthesize_files([folder, other], tmp_path / "p", PARAMS)


def test_all_cloud_series_is_refused(tmp_path):
    times = [datetime(2018, 10, 1, 10) + timedelta(days=10 * i) for i in range(5)]
    stack = np.full((5, *SHAPE), 205, np.uint8)
    stack[2] = 255
    write_series(tmp_path / "in", times, stack)
    with pytest.raises(ValueError, match="All-cloud series"):
        synthesize_files([tmp_path / "in"], tmp_path / "o", PARAMS)
    assert empty(tmp_path / "o")


def test_cancel_leaves_nothing(series, tmp_path):
    folder, *_ = series
    (tmp_path / "o").mkdir()
    with pytest.raises(CancelledError):
        synthesize_files([folder], tmp_path / "o", PARAMS, block_rows=4, feedback=Feedback(2))
    assert empty(tmp_path / "o")


def test_same_day_files_report_the_last_code_when_none_is_clear(tmp_path):
    first = datetime(2019, 1, 5, 10, 30)
    times = [first, first + timedelta(minutes=5), datetime(2019, 2, 1, 10, 30)]
    cloud, nodata, clear = (np.full(SHAPE, v, np.uint8) for v in (205, 255, 0))
    write_series(tmp_path / "l2b", times, [cloud, nodata, clear])
    out = synthesize_files([tmp_path / "l2b"], tmp_path / "l3b", PARAMS)
    merged = out.dates[0]
    assert merged.products == 2
    # the later product (no data) wins over the earlier (cloud), as in merge_same_day
    assert (merged.cloud_percent, merged.nodata_percent) == (0.0, 100.0)


def test_lis_quality_flag_files_are_not_snow_maps():
    from theia_plugin.core.snow.l2b_files import parse_l2b_name

    qc = "LIS_S2-SNOW-FSC-QCFLAGS_T31TCH_20190210T103731_1.7.0.tif"
    assert parse_l2b_name(qc) is None
    assert parse_l2b_name("LIS_S2-SNOW-FSC_T31TCH_20190210T103731_1.7.0.tif") is not None
