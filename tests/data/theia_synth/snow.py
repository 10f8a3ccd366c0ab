"""The true snow cover: where it lies for a given snowline altitude, and its seasonal course.

Snow covers a pixel according to an *effective* elevation: the DEM raised on north-facing
slopes (less sun, snow lasts) and lowered on south-facing ones, plus some spatial noise (wind,
drifts). The 10 m ground fraction ramps linearly across the snowline over ``TRANSITION_M``;
seen from above, trees hide part of it (``CANOPY_VISIBLE``) and lakes never hold any.

The 20 m truth used to score detections is "mean top-of-canopy fraction of the four 10 m
pixels >= 0.5". That fraction only decreases as the snowline rises, so each 20 m pixel has a
threshold altitude ``Z*`` with ``snow <=> snowline <= Z*``: one raster plus the snowline
curve gives the true snow state of every day, hence the true SCD/SOD/SMOD.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np

from .blocks import blocks_2x2
from .landcover import FOREST, WATER
from .noise import derive_key, fbm

#: Altitude band (m) over which the ground snow fraction goes from 0 to 1.
TRANSITION_M = 200.0
#: Snowline shift (m) between flat ground and a steep north (or south) face.
ASPECT_SHIFT_M = 250.0
#: Share of the ground snow visible from above through a conifer canopy.
CANOPY_VISIBLE = 0.65
#: Z* of pixels that can never reach 50 % visible snow (lakes).
NEVER_SNOW_M = -10000.0


def effective_elevation(
    y_m: np.ndarray,
    x_m: np.ndarray,
    elevation: np.ndarray,
    slope: np.ndarray,
    aspect: np.ndarray,
    *,
    seed: int,
    pixel_m: float,
) -> np.ndarray:
    """Elevation as the snow "feels" it (float32 m)."""
    drift = fbm(y_m, x_m, derive_key(seed, "snow-drift"), cell=1500.0, octaves=3, finest=pixel_m)
    shift = (
        np.float32(ASPECT_SHIFT_M)
        * np.cos(aspect)
        * np.minimum(np.sin(slope) * np.float32(2.0), np.float32(1.0))
    )
    return elevation + shift + np.float32(120.0) * drift


def visibility(landcover: np.ndarray) -> np.ndarray:
    """Largest visible snow fraction per pixel: 1, less under trees, 0 on water."""
    visible = np.ones(landcover.shape, dtype=np.float32)
    visible[landcover == FOREST] = CANOPY_VISIBLE
    visible[landcover == WATER] = 0.0
    return visible


def visible_fraction(z_eff: np.ndarray, visible: np.ndarray, snowline_m: float) -> np.ndarray:
    """Top-of-canopy snow fraction in [0, 1] at 10 m (float32)."""
    ground = np.clip(
        np.float32(0.5) + (z_eff - np.float32(snowline_m)) / np.float32(TRANSITION_M), 0.0, 1.0
    )
    return ground * visible


def threshold_altitude(z_eff: np.ndarray, visible: np.ndarray) -> np.ndarray:
    """``Z*`` per 20 m pixel (float32): snow-covered exactly when snowline <= Z*.

    The mean fraction is piecewise linear in the snowline with breakpoints where a sub-pixel
    ramp starts or ends; it is evaluated at the sorted breakpoints and the 0.5 crossing is
    interpolated in the segment that holds it, which is exact.
    """
    rows = z_eff.shape[0] // 2
    out = np.empty((rows, z_eff.shape[1] // 2), dtype=np.float32)
    step = 32  # 20 m rows per chunk: the (rows, cols, 8, 4) intermediates stay small
    for r0 in range(0, rows, step):
        r1 = min(rows, r0 + step)
        out[r0:r1] = _threshold_chunk(z_eff[2 * r0 : 2 * r1], visible[2 * r0 : 2 * r1])
    return out


def _threshold_chunk(z_eff: np.ndarray, visible: np.ndarray) -> np.ndarray:
    z = blocks_2x2(z_eff.astype(np.float64))
    vis = blocks_2x2(visible.astype(np.float64))
    half = TRANSITION_M / 2.0
    breaks = np.sort(np.concatenate([z - half, z + half], axis=-1), axis=-1)  # (h, w, 8)
    ramps = np.clip(0.5 + (z[..., None, :] - breaks[..., :, None]) / TRANSITION_M, 0.0, 1.0)
    mean = (ramps * vis[..., None, :]).mean(axis=-1)  # (h, w, 8), non-increasing
    last = (mean >= 0.5).sum(axis=-1) - 1  # last breakpoint still snow-covered
    inner = np.clip(last, 0, 6)[..., None]
    b0 = np.take_along_axis(breaks, inner, -1)[..., 0]
    b1 = np.take_along_axis(breaks, inner + 1, -1)[..., 0]
    m0 = np.take_along_axis(mean, inner, -1)[..., 0]
    m1 = np.take_along_axis(mean, inner + 1, -1)[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        crossing = np.where(m0 > m1, b0 + (m0 - 0.5) / (m0 - m1) * (b1 - b0), b0)
    crossing = np.where(last >= 7, breaks[..., 7], crossing)
    return np.where(last < 0, NEVER_SNOW_M, crossing).astype(np.float32)


# --- The seasonal course of the snowline over a hydrological year (1 Sep - 31 Aug) ----------

#: (days after 1 September, snowline altitude m): first snow on the summits in autumn, lowest
#: in January-February, melt through spring, only the highest north faces left in August;
#: the curve ends where it starts so that consecutive years join.
SEASONAL_KNOTS: tuple[tuple[int, float], ...] = (
    (0, 3400.0),
    (30, 3000.0),
    (75, 2100.0),
    (105, 1300.0),
    (135, 850.0),
    (165, 800.0),
    (195, 950.0),
    (225, 1400.0),
    (260, 2100.0),
    (290, 2700.0),
    (320, 3250.0),
    (365, 3400.0),
)


def seasonal_snowline(day: date) -> float:
    """Snowline altitude (m) on a day, from the seasonal knots with cosine easing.

    Easing between knots keeps the curve smooth and monotonic between them, so the snow
    season of each pixel is one unbroken run.
    """
    start = date(day.year if day.month >= 9 else day.year - 1, 9, 1)
    t = (day - start).days
    for (t0, z0), (t1, z1) in zip(SEASONAL_KNOTS, SEASONAL_KNOTS[1:]):
        if t0 <= t <= t1:
            ease = (1.0 - math.cos(math.pi * (t - t0) / (t1 - t0))) / 2.0
            return z0 + (z1 - z0) * ease
    return SEASONAL_KNOTS[-1][1]


@dataclass(frozen=True)
class AnnualIndicators:
    """True annual snow indicators as step functions of ``Z*`` (see ``lookup``).

    ``levels`` are the sorted distinct daily snowline altitudes; index ``k`` of the other
    arrays holds the result for a pixel with ``levels[k-1] <= Z* < levels[k]``.
    """

    levels: np.ndarray
    scd: np.ndarray
    sod: np.ndarray
    smod: np.ndarray
    nsp: np.ndarray

    def lookup(self, z_star: np.ndarray) -> dict[str, np.ndarray]:
        index = np.searchsorted(self.levels, z_star, side="right")
        return {
            "SCD": self.scd[index],
            "SOD": self.sod[index],
            "SMOD": self.smod[index],
            "NSP": self.nsp[index],
        }


def annual_indicators(daily_snowline: np.ndarray) -> AnnualIndicators:
    """SCD, SOD, SMOD and NSP with Let It Snow's definitions, for every possible ``Z*``.

    A pixel is snow-covered on day t when ``daily_snowline[t] <= Z*``. SOD/SMOD are the first
    and last day (0-based) of the longest snow run, the earliest on ties, and 0 unless
    SCD > 10; NSP counts the state changes.
    """
    levels = np.unique(np.asarray(daily_snowline, dtype=np.float32))
    # one representative Z* per interval: below all levels, then each level itself
    representatives = np.concatenate([[levels[0] - 1.0], levels]).astype(np.float32)
    daily = np.asarray(daily_snowline, dtype=np.float32)[None, :] <= representatives[:, None]
    count = len(representatives)
    scd = daily.sum(axis=1).astype(np.uint16)
    sod = np.zeros(count, dtype=np.uint16)
    smod = np.zeros(count, dtype=np.uint16)
    nsp = np.count_nonzero(np.diff(daily.astype(np.int8), axis=1), axis=1).astype(np.uint16)
    for k in range(count):
        best_start, best_length, start = 0, 0, None
        for t, snowy in enumerate([*daily[k].tolist(), False]):
            if snowy and start is None:
                start = t
            elif not snowy and start is not None:
                if t - start > best_length:
                    best_start, best_length = start, t - start
                start = None
        if scd[k] > 10:
            sod[k], smod[k] = best_start, best_start + best_length - 1
    return AnnualIndicators(levels=levels, scd=scd, sod=sod, smod=smod, nsp=nsp)
