"""Annual synthesis rules (snow.md §3) on hand-made series, and a brute-force reference."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import numpy as np
import pytest

from theia_plugin.core.snow.synthesis import (
    all_cloud_warnings,
    merge_same_day,
    plan_synthesis,
    synthesize_window,
)

START, END = date(2018, 9, 1), date(2019, 8, 31)
N_DAYS = (END - START).days + 1


def day(offset: int) -> date:
    return START + timedelta(days=offset)


def series(observations: dict[int, int]) -> tuple[list[date], np.ndarray]:
    """One pixel: {day offset: code}."""
    offsets = sorted(observations)
    codes = np.array([[[observations[o]]] for o in offsets], dtype=np.uint8)
    return [day(o) for o in offsets], codes


def run(observations: dict[int, int], **kwargs) -> dict[str, int]:
    dates, codes = series(observations)
    out = synthesize_window(dates, codes, START, END, **kwargs)
    return {name: int(a[0, 0]) for name, a in out.items()}


# --- a slow, obviously correct per-pixel reference ------------------------------------------


def reference_pixel(days: list[date], values: list[int], margin: int = 15) -> dict[str, int]:
    merged: dict[date, int] = {}
    chosen: set[date] = set()
    for d, v in zip(days, values):  # days sorted, same-day in input order
        if not START - timedelta(days=margin) <= d <= END + timedelta(days=margin):
            continue
        if d in chosen:
            continue
        merged[d] = v
        if v <= 100:
            chosen.add(d)
    clear = {(d - START).days: (100 if 0 < v <= 100 else 0) for d, v in merged.items()}
    clear = {
        t: y for t, y in clear.items() if merged[START + timedelta(days=t)] not in (205, 254, 255)
    }
    daily = []
    for t in range(N_DAYS):
        if t in clear:
            value = clear[t]
        else:
            before = [s for s in clear if s < t]
            after = [s for s in clear if s > t]
            if before and after:
                t1, t2 = max(before), min(after)
                value = clear[t1] + (clear[t2] - clear[t1]) * (t - t1) / (t2 - t1)
            elif before:
                value = clear[max(before)]
            elif after:
                value = clear[min(after)]
            else:
                value = 0
        daily.append(1 if math.trunc(value) >= 50 else 0)
    runs = []  # (length, start)
    t = 0
    while t < N_DAYS:
        if daily[t]:
            s = t
            while t < N_DAYS and daily[t]:
                t += 1
            runs.append((t - s, s))
        else:
            t += 1
    scd = sum(daily)
    sod = smod = 0
    if scd > 10:
        length, sod = max(runs, key=lambda r: (r[0], -r[1]))
        smod = sod + length - 1
    nsp = sum(1 for a, b in zip(daily, daily[1:]) if a != b)
    return {"SCD": scd, "SOD": sod, "SMOD": smod, "NOBS": len(clear), "NSP": nsp}


@pytest.mark.parametrize("seed", range(8))
def test_vectorised_matches_reference(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 40))
    offsets = np.sort(rng.integers(-40, N_DAYS + 40, n))
    offsets[1::7] = offsets[0::7][: len(offsets[1::7])]  # same-day duplicates
    offsets.sort()
    dates = [day(int(o)) for o in offsets]
    palette = np.array([0, 100, 205, 255, 254, 30, 101, 0, 100], np.uint8)
    codes = rng.choice(palette, size=(n, 6, 7))
    codes[:, 0, 0] = 205  # all-invalid pixel
    codes[:, 0, 1] = 100  # always snow
    codes[: n // 2, 0, 2] = 255  # long gap at the start
    out = synthesize_window(dates, codes, START, END)
    for r in range(6):
        for c in range(7):
            expected = reference_pixel(dates, [int(v) for v in codes[:, r, c]])
            got = {name: int(a[r, c]) for name, a in out.items()}
            assert got == expected, (seed, r, c)
    assert all(a.dtype == np.uint16 for a in out.values())


# --- one test per rule -----------------------------------------------------------------------


def test_same_day_first_clear_value_wins():
    dates = [datetime(2019, 1, 5, 10), datetime(2019, 1, 5, 11), datetime(2019, 1, 5, 12)]
    codes = np.array([[[205, 255, 205]], [[0, 100, 255]], [[100, 0, 205]]], np.uint8)
    days, merged = merge_same_day(dates, codes)
    assert days == [date(2019, 1, 5)]
    # first ≤ 100 wins (0 counts), else the last one's value
    assert merged[0].tolist() == [[0, 100, 205]]


def test_same_day_order_follows_acquisition_time():
    dates = [datetime(2019, 1, 5, 12), datetime(2019, 1, 5, 10)]
    codes = np.array([[[100]], [[0]]], np.uint8)
    assert merge_same_day(dates, codes)[1][0, 0, 0] == 0
    mixed = [datetime(2019, 1, 5, 12), date(2019, 1, 5), date(2019, 1, 4)]
    days, merged = merge_same_day(mixed, np.array([[[100]], [[0]], [[205]]], np.uint8))
    assert days == [date(2019, 1, 4), date(2019, 1, 5)] and merged[:, 0, 0].tolist() == [205, 0]


def test_snow_and_invalid_decoding():
    # 101..204 are neither snow nor invalid: a clear no-snow observation
    assert run({100: 1})["SCD"] == N_DAYS
    assert run({100: 101})["SCD"] == 0
    assert run({100: 101})["NOBS"] == 1
    for code in (205, 254, 255):
        assert run({100: code})["NOBS"] == 0


def test_constant_ends_and_interpolation():
    # snow on day 100 only: constant before and after → snow all year
    assert run({100: 100})["SCD"] == N_DAYS
    # snow until day 100, no snow from day 110: days 101..105 ≥ 50 (day 105 is exactly 50)
    out = run({100: 100, 110: 0})
    assert out["SCD"] == 106
    assert (out["SOD"], out["SMOD"]) == (0, 105)


def test_no_valid_observation_is_no_snow():
    out = run({100: 205, 200: 255})
    assert out == {"SCD": 0, "SOD": 0, "SMOD": 0, "NOBS": 0, "NSP": 0}
    assert all_cloud_warnings(0) and not all_cloud_warnings(1)


def test_fifty_percent_rule_truncates():
    # 0 → 100 over 101 days: day +50 is 49.5 (rounding would say snow, trunc says not),
    # day +51 is 50.5 → snow
    out = run({10: 0, 111: 100, 300: 0})
    assert out["SOD"] == 10 + 51
    # exactly 50 is snow (≥, not >): 0 → 100 over 4 days, day +2 = 50
    assert run({10: 0, 14: 100, 200: 0})["SOD"] == 12


def test_scd_of_ten_days_has_no_dates():
    # clear no-snow days right next to the snow ones give runs of exact lengths
    assert run({49: 0, 50: 100, 51: 0})["SCD"] == 1
    short = run({44: 0, 45: 100, 54: 100, 55: 0})  # 45..54 = 10 days
    assert short["SCD"] == 10
    assert (short["SOD"], short["SMOD"]) == (0, 0)
    long = run({44: 0, 45: 100, 55: 100, 56: 0})  # 45..55 = 11 days
    assert (long["SCD"], long["SOD"], long["SMOD"]) == (11, 45, 55)


def test_ties_take_the_earliest_longest_run():
    out = run({19: 0, 20: 100, 39: 100, 40: 0, 119: 0, 120: 100, 139: 100, 140: 0})
    assert out["SCD"] == 40
    assert (out["SOD"], out["SMOD"]) == (20, 39)
    # a longer later run wins
    out = run({19: 0, 20: 100, 39: 100, 40: 0, 119: 0, 120: 100, 140: 100, 141: 0})
    assert (out["SOD"], out["SMOD"]) == (120, 140)


def test_nobs_counts_margin_dates_only_within_margin():
    out = run({-16: 0, -15: 0, 10: 100, N_DAYS + 13: 205, N_DAYS + 14: 0, N_DAYS + 15: 0})
    # −15, 10 and end + 15 (day N_DAYS + 14): the margin is inclusive, beyond is ignored;
    # the cloudy date is not a clear observation
    assert out["NOBS"] == 3
    # a margin date anchors the interpolation
    assert run({-10: 100, 10: 0})["SCD"] == 1  # days 0..0: 100 − 100·10/20 = 50
    assert run({-10: 100, 10: 0}, date_margin=5)["SCD"] == 0


def test_nsp_counts_state_changes():
    # snow from day 10 (interpolated) to 39, then from day 110 to the end
    assert run({0: 0, 20: 100, 39: 100, 40: 0, 100: 0, 120: 100})["NSP"] == 3
    assert run({0: 100})["NSP"] == 0


def test_bad_inputs_are_reported():
    dates, codes = series({1: 0, 2: 100})
    with pytest.raises(ValueError, match="code layers"):
        synthesize_window(dates, codes[:1], START, END)
    with pytest.raises(ValueError, match="No snow product"):
        synthesize_window([date(2010, 1, 1)], codes[:1], START, END)
    with pytest.raises(ValueError, match="before it starts"):
        plan_synthesis(dates, END, START)
    plan = plan_synthesis([day(1), day(1), day(3)], START, END)
    assert plan.duplicates == 1 and plan.warnings


def test_row_windows_give_the_same_result_as_the_whole():
    rng = np.random.default_rng(42)
    dates = [day(int(o)) for o in np.sort(rng.integers(-15, N_DAYS + 15, 30))]
    codes = rng.choice(np.array([0, 100, 205, 255], np.uint8), size=(30, 9, 5))
    whole = synthesize_window(dates, codes, START, END)
    top = synthesize_window(dates, codes[:, :4], START, END)
    bottom = synthesize_window(dates, [layer[4:] for layer in codes], START, END)
    for name, values in whole.items():
        assert np.array_equal(values, np.vstack([top[name], bottom[name]]))


def test_codes_of_other_integer_types():
    dates, codes = series({10: 100})
    assert synthesize_window(dates, codes.astype(np.int16), START, END)["SCD"][0, 0] == N_DAYS
    with pytest.raises(ValueError, match="0–255"):
        synthesize_window(dates, codes.astype(np.int16) - 200, START, END)


def test_same_day_without_a_clear_value_keeps_the_last_one():
    # no value ≤ 100: the last one's code, so that a day is reported cloudy or without data
    # like its last product (first-wins would swap them); 101–204 do not win either
    dates = [datetime(2019, 1, 5, 10), datetime(2019, 1, 5, 11)]
    codes = np.array([[[205, 255, 101]], [[255, 205, 205]]], np.uint8)
    assert merge_same_day(dates, codes)[1][0].tolist() == [[255, 205, 205]]
