"""Detection rules (snow.md §2) on hand-made arrays: each test fails if its rule changes."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from theia_plugin.core.snow.detection import (
    BIT_ALL_CLOUD,
    BIT_PASS1,
    BIT_PASS2,
    ZS_NOT_FOUND,
    cloud_masks,
    detect_snow,
    fsc_og,
    fsc_toc,
    ndsi,
    ndsi_percent,
    nearest_upsample,
    pass1,
    red_coarse,
    red_nn,
    seb_codes,
    snowline,
)
from theia_plugin.core.snow.parameters import DetectionParameters

P = DetectionParameters()
NODATA = -10000


def row(*values, dtype=np.int16):
    return np.array([values], dtype=dtype)


# --- thresholds --------------------------------------------------------------------------------


def test_ndsi_is_computed_from_raw_values():
    assert ndsi(row(7000), row(3000))[0, 0] == pytest.approx(0.4)
    assert np.isnan(ndsi(row(0), row(0))[0, 0])


def test_pass1_thresholds_are_strict():
    g, s = row(7000, 7001, 8000, 8000, 8000), row(3000, 2999, 2000, 2000, 2000)
    red = row(5000, 5000, 2000, 2001, 5000)
    clear = np.zeros(g.shape, bool)
    cloud = row(0, 0, 0, 0, 1, dtype=bool)
    # NDSI exactly 0.4 is not snow, 0.4002 is; red exactly 2000 is not, 2001 is; clouds never
    got = pass1(ndsi(g, s), red, cloud, clear, P)
    assert got.tolist() == [[False, True, False, True, False]]


def test_cloud_refine_bright_shadow_and_high_clouds():
    clm = row(2, 2, 0, 32, 64, 128, 2, dtype=np.uint8)
    nn = np.array([[3000, 3001, 9000, 0, 0, 0, np.nan]])
    all_cloud, refine = cloud_masks(clm, nn, P)
    assert all_cloud.tolist() == [[True, True, False, True, True, True, True]]
    # red_nn exactly 3000 is a dark cloud; 3001 bright; shadows (32, 64) and high clouds (128)
    # whatever their red; a clear pixel never; a coarse nodata red is not bright
    assert refine.tolist() == [[False, True, False, True, True, True, False]]


def test_back_to_cloud_and_codes():
    snow = row(1, 0, 0, 0, 0, 0, dtype=bool)
    refine = row(0, 1, 0, 0, 0, 0, dtype=bool)
    cloud = row(1, 1, 1, 1, 0, 0, dtype=bool)
    red = row(50, 50, 1000, 1001, 5000, 5000)
    nodata = row(0, 0, 0, 0, 0, 1, dtype=bool)
    # non-snow all_cloud pixel with R > 1000 goes back to cloud; exactly 1000 stays "no snow"
    assert seb_codes(snow, refine, cloud, red, nodata, P).tolist() == [[100, 205, 0, 205, 0, 255]]


# --- red_nn ----------------------------------------------------------------------------------


def test_red_coarse_is_a_tent_filter():
    red = np.array([[0, 0, 700, 0], [0, 0, 700, 0]], np.int16)
    # coarse centres at fine x = 1 and 3 (pixel edges at integers); tent of radius 2:
    # weights .75 .75 .25 0 and 0 .25 .75 .75
    assert red_coarse(red, 2) == pytest.approx(np.array([[100.0, 300.0]]))


def test_red_coarse_ignores_nodata_and_spreads_remainders():
    red = np.full((5, 5), 2000, np.int16)
    red[:, :2] = NODATA
    coarse = red_coarse(red, 2)
    assert coarse.shape == (2, 2)  # 5 // 2, the extent kept: one coarse pixel = 2.5 fine
    assert coarse == pytest.approx(np.full((2, 2), 2000.0))
    assert np.isnan(red_coarse(np.full((4, 4), NODATA, np.int16), 2)).all()
    # nearest upsampling: fine centres 0.5 … 4.5 fall in coarse pixels 0 0 1 1 1
    up = nearest_upsample(np.array([[1.0, 2.0], [3.0, 4.0]]), (5, 5))
    assert up[0].tolist() == [1, 1, 2, 2, 2] and up[:, 0].tolist() == [1, 1, 3, 3, 3]
    assert red_nn(red, 12).shape == red.shape  # smaller than rf: one coarse pixel


# --- snowline --------------------------------------------------------------------------------


def ladder(clear_per_bin, snow_per_bin, per_bin=10):
    """DEM 0, 100, …, 900 (9 bins of width 100, 800 and 900 share the last one)."""
    dem = np.repeat(np.arange(10) * 100.0, per_bin)[None, :]
    clear = np.zeros(dem.shape, bool)
    snow = np.zeros(dem.shape, bool)
    for b, (n_clear, n_snow) in enumerate(zip(clear_per_bin, snow_per_bin)):
        clear[0, b * per_bin : b * per_bin + n_clear] = True
        snow[0, b * per_bin : b * per_bin + n_snow] = True
    return dem, clear, snow


def test_snowline_fractions_are_strict_and_offset_by_two_bins():
    full = [10] * 10
    dem, clear, snow = ladder(full, [0, 0, 0, 0, 0, 1, 0, 0, 0, 0])
    assert snowline(dem, snow, clear, P) == ZS_NOT_FOUND  # 1/10 is not > 0.1
    dem, clear, snow = ladder(full, [0, 0, 0, 0, 0, 2, 0, 0, 0, 0])
    assert snowline(dem, snow, clear, P) == 300  # bin 5 → centre of bin 3 (350) − 50
    dem, clear, snow = ladder([10, 10, 10, 10, 1, 10, 10, 10, 10, 10], [0, 0, 0, 0, 1, 2])
    assert snowline(dem, snow, clear, P) == 300  # bin 4: clear 1/10 is not > 0.1
    dem, clear, snow = ladder([10, 10, 10, 10, 2, 10, 10, 10, 10, 10], [0, 0, 0, 0, 2, 2])
    assert snowline(dem, snow, clear, P) == 200  # clear 2/10, snow 2/2


def test_snowline_clamps_at_the_lowest_bin_and_floors():
    dem, clear, snow = ladder([10] * 10, [0, 5])
    assert snowline(dem, snow, clear, P) == 0  # bin 1 → max(1 − 2, 0) = 0 → 50 − 50
    # DEM 0..270: 2 bins of 135 m, centre 67.5 → floor(17.5) = 17 (rounding would give 18)
    dem = np.array([[0.0, 270.0]])
    hit = np.array([[False, True]])
    assert snowline(dem, hit, np.ones_like(hit), P) == 17


def test_snowline_not_found():
    flat = np.array([[1000.0, 1099.0]])  # range < dz: fewer than one bin
    yes = np.ones(flat.shape, bool)
    assert snowline(flat, yes, yes, P) == ZS_NOT_FOUND
    dem, clear, snow = ladder([10] * 10, [0] * 10)
    assert snowline(dem, snow, clear, P) == ZS_NOT_FOUND


# --- whole detection -------------------------------------------------------------------------


def scene(red_base=2500):
    """10 × 100 pixels at 0 m, no snow; pass1 snow at (0, 0) on a 1000 m peak → zs = 700."""
    shape = (10, 100)
    g = np.full(shape, 2000, np.int16)
    s = np.full(shape, 2000, np.int16)
    r = np.full(shape, red_base, np.int16)
    clm = np.zeros(shape, np.uint8)
    dem = np.zeros(shape)
    g[0, 0], s[0, 0], r[0, 0], dem[0, 0] = 8000, 2000, 5000, 1000.0
    return g, r, s, clm, dem


def weak_snow(g, s, at):
    g[at], s[at] = 6500, 3500  # NDSI 0.3: pass 2 only


def test_pass2_needs_enough_pass1_snow():
    g, r, s, clm, dem = scene()
    weak_snow(g, s, (5, 50))
    dem[5, 50] = 800.0
    result = detect_snow(g, r, s, clm, dem)
    assert result.zs == 700
    assert result.seb[5, 50] == 0  # 1 pass-1 pixel of 1000 = 0.001 is not > fsnow_total_lim
    g[9, 99], s[9, 99], r[9, 99] = 8000, 2000, 5000  # a second one, at 0 m
    result = detect_snow(g, r, s, clm, dem)
    assert result.zs == 700 and result.seb[5, 50] == 100
    assert result.expert[5, 50] == BIT_PASS2 and result.expert[0, 0] & BIT_PASS1


def test_pass2_only_strictly_above_zs():
    g, r, s, clm, dem = scene()
    g[9, 99], s[9, 99], r[9, 99] = 8000, 2000, 5000
    weak_snow(g, s, (5, 50))
    weak_snow(g, s, (5, 51))
    dem[5, 50], dem[5, 51] = 700.0, 701.0
    result = detect_snow(g, r, s, clm, dem)
    assert result.zs == 700
    assert result.seb[5, 50:52].tolist() == [0, 100]


@pytest.mark.parametrize(
    ("clm", "red_base", "expected"),
    [
        (2, 2500, 100),  # dark cloud (red_nn ≤ 3000) above zs: snow through pass 2
        (2, 3500, 205),  # bright cloud: never snow
        (32, 2500, 205),  # shadow of a detected cloud
        (64, 2500, 205),  # shadow of a cloud outside the image
        (128, 2500, 205),  # high cloud
    ],
)
def test_only_dark_clouds_become_snow_through_pass2(clm, red_base, expected):
    g, r, s, clm_arr, dem = scene(red_base)
    g[9, 99], s[9, 99], r[9, 99] = 8000, 2000, 5000
    g[5, 50], s[5, 50], clm_arr[5, 50], dem[5, 50] = 8000, 2000, clm, 850.0
    result = detect_snow(g, r, s, clm_arr, dem)
    assert result.zs == 700
    assert result.seb[5, 50] == expected
    assert not result.expert[5, 50] & BIT_PASS1  # clouds never pass 1
    assert result.expert[5, 50] & BIT_ALL_CLOUD


def test_nodata_and_metadata():
    g, r, s, clm, dem = scene()
    s[:, 90:] = NODATA
    clm[:, 10:20] = 128
    result = detect_snow(g, r, s, clm, dem)
    assert (result.seb[:, 90:] == 255).all() and (result.fsc_toc[:, 90:] == 255).all()
    assert result.zs == 700  # nodata pixels count as clear without snow
    assert result.cloud_percent == pytest.approx(100 * 100 / 900)
    assert result.snow_percent == pytest.approx(100 / 900)
    assert result.zs_found


def test_nodata_pixels_count_as_clear_in_the_snowline():
    g, r, s, clm, dem = scene()
    dem[0, 1:12] = 1000.0  # the top bin: 1 clear snow pixel, 10 cloudy ones, 1 more pixel
    clm[0, 1:12] = 1
    s[0, 11] = NODATA
    # flagged cloudy but nodata, it counts as clear: clear 2/12 > fclear_lim, snow 1/2
    assert detect_snow(g, r, s, clm, dem).zs == 700
    s[0, 11] = 2000  # a valid cloudy pixel instead: clear 1/12 is not > fclear_lim
    assert detect_snow(g, r, s, clm, dem).zs == ZS_NOT_FOUND


def test_fsc_double_truncation():
    # NDSI 0.4024 → ndsi_pct 40 → 32; without the first truncation it would be 33
    pct = ndsi_percent(ndsi(row(7012), row(2988)))
    assert pct[0, 0] == 40
    expected = math.trunc(100 * (0.5 * math.tanh(2.65 * 0.40 - 1.42) + 0.5))
    assert fsc_toc(pct)[0, 0] == expected == 32
    assert fsc_toc(row(100, dtype=np.uint8))[0, 0] == 92  # 0.5·tanh(1.23) + 0.5 = 0.921
    assert ndsi_percent(np.array([[-0.3, 2.7, np.nan]])).tolist() == [[0, 255, 0]]


def test_fsc_og_uses_truncated_toc():
    toc = row(32, 32, 32, 32, 32, 92, dtype=np.uint8)
    tcd = row(50, 70, 100, 101, 255, 5, dtype=np.uint8)
    # 0.32 / 0.5 = 0.64; 0.32 / 0.3 > 1 → 100; TCD 100 → 100; undefined TCD → FSC-TOC;
    # 0.92 / 0.95 = 0.968 → 96
    assert fsc_og(toc, tcd).tolist() == [[64, 100, 100, 32, 32, 96]]


def test_fsc_codes_in_detection():
    g, r, s, clm, dem = scene()
    g[0, 0], s[0, 0] = 7012, 2988
    clm[9, :] = 128
    tcd = np.full(g.shape, 50, np.uint8)
    result = detect_snow(g, r, s, clm, dem, tcd=tcd)
    assert result.fsc_toc[0, 0] == 32 and result.ndsi_pct[0, 0] == 40
    assert result.fsc_og[0, 0] == 64
    assert result.fsc_toc[9, 0] == 205 and result.fsc_toc[5, 5] == 0


def test_bad_inputs_are_reported():
    g, r, s, clm, dem = scene()
    with pytest.raises(ValueError, match="one 2-D grid"):
        detect_snow(g, r, s, clm, dem[:, :50])
    dem[3, 3] = np.nan
    with pytest.raises(ValueError, match="DEM does not cover"):
        detect_snow(g, r, s, clm, dem)


def test_parameters_scale_thresholds():
    params = replace(P, red_pass1=300.0)
    g, s, red = row(8000), row(2000), row(2500)
    no = np.zeros(g.shape, bool)
    assert pass1(ndsi(g, s), red, no, no, P)[0, 0]
    assert not pass1(ndsi(g, s), red, no, no, params)[0, 0]


def test_pass2_thresholds_are_strict():
    g, r, s, clm, dem = scene()
    g[9, 99], s[9, 99], r[9, 99] = 8000, 2000, 5000
    dem[5, 50:54] = 850.0
    g[5, 50:54] = (5750, 5751, 6500, 6500)  # NDSI exactly 0.15, then 0.1502
    s[5, 50:54] = (4250, 4249, 3500, 3500)
    r[5, 50:54] = (2500, 2500, 400, 401)  # R exactly 400, then 401
    result = detect_snow(g, r, s, clm, dem)
    assert result.zs == 700
    assert result.seb[5, 50:54].tolist() == [0, 100, 0, 100]


def test_no_snowline_disables_pass2_whatever_the_pass1_snow():
    g, r, s, clm, dem = scene()
    dem[:] = 500.0
    dem[0, :50] = 560.0  # range 60 m < dz: fewer than one bin
    g[0, :50], s[0, :50], r[0, :50] = 8000, 2000, 5000  # 5 % of the image in pass 1
    weak_snow(g, s, (5, 50))
    result = detect_snow(g, r, s, clm, dem)
    assert result.zs == ZS_NOT_FOUND and not result.zs_found
    assert result.seb[0, :50].tolist() == [100] * 50
    assert result.seb[5, 50] == 0 and not result.expert[5, 50] & BIT_PASS2


def test_bright_clouds_are_judged_on_the_coarse_red_not_the_pixel():
    # a very bright cloudy pixel in a dark neighbourhood: its red_nn is dark → pass 2 snow
    g, r, s, clm, dem = scene(red_base=2500)
    g[9, 99], s[9, 99], r[9, 99] = 8000, 2000, 5000
    g[5, 50], s[5, 50], r[5, 50], clm[5, 50], dem[5, 50] = 8000, 2000, 9000, 2, 850.0
    assert detect_snow(g, r, s, clm, dem).seb[5, 50] == 100
    # a dark cloudy pixel in a bright neighbourhood: its red_nn is bright → stays cloud
    g, r, s, clm, dem = scene(red_base=3500)
    g[9, 99], s[9, 99], r[9, 99] = 8000, 2000, 5000
    g[5, 50], s[5, 50], r[5, 50], clm[5, 50], dem[5, 50] = 8000, 2000, 500, 2, 850.0
    assert detect_snow(g, r, s, clm, dem).seb[5, 50] == 205


def test_back_to_cloud_uses_the_pixel_red():
    # dark clouds below zs (no pass 2): back to cloud only when their own R > 1000, although
    # their coarse red (≈ 2500) is above it
    g, r, s, clm, dem = scene(red_base=2500)
    g[9, 99], s[9, 99], r[9, 99] = 8000, 2000, 5000
    clm[5, 50:52] = 2
    r[5, 50:52] = (1000, 1001)
    result = detect_snow(g, r, s, clm, dem)
    assert result.seb[5, 50:52].tolist() == [0, 205]
    assert result.expert[5, 50] & BIT_ALL_CLOUD  # still flagged cloudy in the expert mask
