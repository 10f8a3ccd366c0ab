"""Annual snow synthesis (L3B: SCD, SOD, SMOD, NOBS, NSP) on a window of rows (snow.md §3).

A tile-year is ~70–150 dates and 365 daily layers: the dense daily cube of a full tile would
not fit in memory. Here the days are walked one by one; per pixel only the last and the next
clear observation and the running SCD / run / state-change counters are kept, so memory is the
window's input codes (dates × pixels, uint8) plus a few window-sized state arrays. Everything
is vectorised across pixels; the only Python loops run over days and input dates.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import numpy as np

from theia_plugin.core.i18n import tr

#: Codes that are not an observation: cloud, upstream's "no data in synthesis", nodata.
INVALID_CODES = (205, 254, 255)
#: SOD and SMOD are defined only when the snow cover lasts more than this many days.
MIN_SCD_DAYS = 10
#: A daily (interpolated) snow value counts as snow from this percentage on.
SNOW_PERCENT = 50


_VALID = np.ones(256, bool)
_VALID[list(INVALID_CODES)] = False
_SNOW = np.zeros(256, bool)
_SNOW[1:101] = True


def decode(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(snow, valid) of uint8 L2B codes: snow is 0 < v ≤ 100; cloud/nodata codes are invalid."""
    return _SNOW[codes], _VALID[codes]


def as_codes(layer) -> np.ndarray:
    """A code layer as uint8 (the decoding tables index by code); other values are an error."""
    layer = np.asarray(layer)
    if layer.dtype == np.uint8:
        return layer
    if layer.size and (layer.min() < 0 or layer.max() > 255):
        raise ValueError(
            tr("Snow product codes must lie in 0–255; found values from {low} to {high}").format(
                low=layer.min(), high=layer.max()
            )
        )
    return layer.astype(np.uint8)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _order_key(value: date | datetime) -> tuple[date, time]:
    """Sort key for a mix of dates and datetimes (a bare date sorts first in its day)."""
    return _day(value), value.time() if isinstance(value, datetime) else time.min


def merge_same_day(dates: Sequence[date | datetime], codes_stack) -> tuple[list[date], np.ndarray]:
    """One layer per day: the first product with a value ≤ 100 wins, else the last one's value.

    Products are ordered by their given ``dates`` (datetimes order by acquisition time; equal
    keys keep the input order).
    """
    order = sorted(range(len(dates)), key=lambda i: _order_key(dates[i]))
    days: list[date] = []
    groups: list[list[int]] = []
    for i in order:
        if days and days[-1] == _day(dates[i]):
            groups[-1].append(i)
        else:
            days.append(_day(dates[i]))
            groups.append([i])
    first = np.asarray(codes_stack[0])
    merged = np.empty((len(groups), *first.shape), dtype=np.uint8)
    for g, members in enumerate(groups):
        layer = np.array(as_codes(codes_stack[members[-1]]))
        for i in reversed(members[:-1]):
            candidate = as_codes(codes_stack[i])
            np.copyto(layer, candidate, where=candidate <= 100)
        merged[g] = layer
    return days, merged


@dataclass(frozen=True)
class SynthesisPlan:
    """Which inputs a synthesis uses: those within the period extended by the margin."""

    period_start: date
    period_end: date
    selected: list[int]
    duplicates: int
    warnings: list[str] = field(default_factory=list)

    @property
    def n_days(self) -> int:
        return (self.period_end - self.period_start).days + 1


def plan_synthesis(
    dates: Sequence[date | datetime], period_start: date, period_end: date, date_margin: int = 15
) -> SynthesisPlan:
    """Select the inputs of a synthesis and say what a user should know about them."""
    if period_end < period_start:
        raise ValueError(
            tr("The synthesis period ends ({end}) before it starts ({start})").format(
                start=period_start, end=period_end
            )
        )
    low = period_start - timedelta(days=date_margin)
    high = period_end + timedelta(days=date_margin)
    selected = [i for i, d in enumerate(dates) if low <= _day(d) <= high]
    if not selected:
        raise ValueError(
            tr(
                "No snow product between {start} and {end} (period with a {margin}-day margin)"
            ).format(start=low, end=high, margin=date_margin)
        )
    days = [_day(dates[i]) for i in selected]
    duplicates = len(days) - len(set(days))
    warnings = []
    if duplicates:
        warnings.append(
            tr(
                "{count} products share their day with another one; they were merged "
                "(per pixel, the first clear value wins)"
            ).format(count=duplicates)
        )
    return SynthesisPlan(period_start, period_end, selected, duplicates, warnings)


def all_cloud_warnings(nobs_max: int) -> list[str]:
    """The warning to show when no pixel of the whole series had a single clear observation."""
    if nobs_max > 0:
        return []
    return [tr("No clear observation in the whole series: every date is cloudy or without data")]


class _Walker:
    """Per pixel, the last and the next clear observation while the days advance.

    The daily rule ``trunc(value) ≥ 50`` equals ``value ≥ 50`` for the non-negative values
    here; with ``value = y1 + (y2 − y1)(t − t1)/(t2 − t1)`` it is evaluated exactly in integers
    as ``A + B·t ≥ 0`` (``A``, ``B`` refreshed only when an observation moves), so floating
    point rounding cannot flip a day that is exactly at 50 % and a day costs two operations.
    """

    def __init__(self, offsets: np.ndarray, codes: np.ndarray) -> None:
        self.offsets = offsets
        self.codes = codes  # (dates, pixels)
        n = codes.shape[1]
        self.prev_t = np.zeros(n, np.int32)
        self.prev_y = np.zeros(n, np.int32)
        self.has_prev = np.zeros(n, bool)
        self.next_k = np.full(n, len(offsets), np.int32)
        self.next_t = np.zeros(n, np.int32)
        self.next_y = np.zeros(n, np.int32)
        self.a = np.zeros(n, np.int32)  # set by refresh() before any day is evaluated
        self.b = np.zeros(n, np.int32)

    def observe(self, k: int) -> np.ndarray:
        """Make date ``k`` the last observation; return the pixels it is clear for."""
        snow, valid = decode(self.codes[k])
        pixels = np.flatnonzero(valid)
        self.prev_t[pixels] = self.offsets[k]
        self.prev_y[pixels] = np.where(snow[pixels], 100, 0)
        self.has_prev[pixels] = True
        return pixels

    def find_next(self, pixels: np.ndarray, k_from: int) -> None:
        """Set the next clear observation of ``pixels`` to the first one from date ``k_from``."""
        self.next_k[pixels] = len(self.offsets)
        for j in range(k_from, len(self.offsets)):
            if pixels.size == 0:
                return
            snow, valid = decode(self.codes[j, pixels])
            hit = pixels[valid]
            self.next_k[hit] = j
            self.next_t[hit] = self.offsets[j]
            self.next_y[hit] = np.where(snow[valid], 100, 0)
            pixels = pixels[~valid]

    def refresh(self, pixels: np.ndarray) -> None:
        """Recompute ``A`` and ``B`` of ``pixels`` (constant ends; 0 % without observation)."""
        has_prev = self.has_prev[pixels]
        has_next = self.next_k[pixels] < len(self.offsets)
        both = has_prev & has_next
        prev_y, next_y = self.prev_y[pixels], self.next_y[pixels]
        span = np.where(both, self.next_t[pixels] - self.prev_t[pixels], 1)
        slope = np.where(both, next_y - prev_y, 0)
        start = np.where(has_prev, prev_y, np.where(has_next, next_y, 0))
        origin = np.where(both, self.prev_t[pixels], 0)
        self.a[pixels] = (start - SNOW_PERCENT) * span - slope * origin
        self.b[pixels] = slope

    def daily(self, t: int) -> np.ndarray:
        """1 where day ``t`` is snow-covered (``trunc(value) ≥ 50``)."""
        level = self.b * np.int32(t)
        level += self.a
        return level >= 0


def synthesize_window(
    dates: Sequence[date | datetime],
    codes_stack,
    period_start: date,
    period_end: date,
    date_margin: int = 15,
    *,
    on_day: Callable[[int, np.ndarray], None] | None = None,
) -> dict[str, np.ndarray]:
    """SCD, SOD, SMOD, NOBS and NSP (uint16) of one window from its per-date L2B codes.

    ``codes_stack`` is a (dates, rows, cols) array or a sequence of 2-D arrays, in the order
    of ``dates``. Inputs outside the period ± ``date_margin`` days are ignored; same-day
    inputs are merged. Days are counted from ``period_start`` (index 0). ``on_day(t, daily)``,
    when given, receives each day's snow state (bool, rows × cols) as it is computed.
    """
    if len(codes_stack) != len(dates):
        raise ValueError(
            tr("{layers} code layers were given for {dates} dates").format(
                layers=len(codes_stack), dates=len(dates)
            )
        )
    plan = plan_synthesis(dates, period_start, period_end, date_margin)
    days, merged = merge_same_day(
        [dates[i] for i in plan.selected], [codes_stack[i] for i in plan.selected]
    )
    shape = merged.shape[1:]
    codes = merged.reshape(len(days), -1)
    offsets = np.array([(d - period_start).days for d in days], dtype=np.int64)
    n_pixels = codes.shape[1]

    nobs = np.zeros(n_pixels, np.int32)
    for k in range(len(days)):
        nobs += decode(codes[k])[1]

    walker = _Walker(offsets, codes)
    k = bisect_left(offsets.tolist(), 0)
    for before in range(k):
        walker.observe(before)
    everything = np.arange(n_pixels)
    walker.find_next(everything, k)
    walker.refresh(everything)

    scd, nsp = np.zeros(n_pixels, np.int32), np.zeros(n_pixels, np.int32)
    run_start, run_len = np.zeros(n_pixels, np.int32), np.zeros(n_pixels, np.int32)
    best_start, best_len = np.zeros(n_pixels, np.int32), np.zeros(n_pixels, np.int32)
    previous = None
    for t in range(plan.n_days):
        if k < len(offsets) and offsets[k] == t:
            # clear pixels of date k: it becomes their last observation and their next one moves
            seen = walker.observe(k)
            walker.find_next(seen, k + 1)
            walker.refresh(seen)
            k += 1
        daily = walker.daily(t)
        if on_day is not None:
            on_day(t, daily.reshape(shape))
        scd += daily
        if previous is not None:
            nsp += daily != previous
        previous = daily
        np.copyto(run_start, t, where=daily & (run_len == 0))
        run_len += 1
        run_len *= daily
        longer = run_len > best_len  # strict: the earliest of equal runs stays
        np.copyto(best_start, run_start, where=longer)
        np.maximum(best_len, run_len, out=best_len)

    defined = scd > MIN_SCD_DAYS
    outputs = {
        "SCD": scd,
        "SOD": np.where(defined, best_start, 0),
        "SMOD": np.where(defined, best_start + best_len - 1, 0),
        "NOBS": nobs,
        "NSP": nsp,
    }
    return {name: a.astype(np.uint16).reshape(shape) for name, a in outputs.items()}
