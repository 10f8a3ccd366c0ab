"""Overview levels averaged as full-resolution rows stream by, so a COG needs no second pass.

Each level halves the previous one (sizes rounded up, like GDAL's GeoTIFF overviews): an
overview pixel is the mean of the valid pixels of its 2×2 block (nodata ignored, nodata when
none is valid). Rows arrive in order, full width; an odd row waits for its partner.
"""

from __future__ import annotations

import math

import numpy as np


def overview_factors(width: int, height: int, block: int = 512) -> list[int]:
    """Factors 2, 4, 8… until the smallest level fits in one ``block`` (as COGs do)."""
    factors = []
    factor = 1
    while math.ceil(max(width, height) / factor) > block:
        factor *= 2
        factors.append(factor)
    return factors


def average_2x2(rows: np.ndarray, nodata) -> np.ndarray:
    """Mean of the valid pixels of every 2×2 block (odd edges: of the pixels there are)."""
    height, width = rows.shape
    dtype = rows.dtype
    invalid_fill = np.nan if nodata is None or _is_nan(nodata) else nodata
    if height % 2 or width % 2:
        if dtype.kind != "f" and _is_nan(invalid_fill):
            # integers without nodata: pad in float, NaN cast to an integer would be a value
            rows = rows.astype(np.float64)
        rows = np.pad(rows, ((0, height % 2), (0, width % 2)), constant_values=invalid_fill)
    quarters = (rows[0::2, 0::2], rows[1::2, 0::2], rows[0::2, 1::2], rows[1::2, 1::2])
    # float32 sums are exact for 16-bit values and as precise as float32 data; wider types
    # need float64.
    narrow = rows.dtype == np.float32 or (rows.dtype.kind in "iu" and rows.dtype.itemsize <= 2)
    total = np.zeros(quarters[0].shape, dtype=np.float32 if narrow else np.float64)
    count = np.zeros(quarters[0].shape, dtype=np.uint8)
    for quarter in quarters:
        valid = ~np.isnan(quarter) if _is_nan(invalid_fill) else quarter != invalid_fill
        total += np.where(valid, quarter, 0)
        count += valid
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / count
    if dtype.kind == "f":
        mean[count == 0] = invalid_fill
        return mean.astype(dtype)
    mean = np.floor(mean + 0.5)
    mean[count == 0] = invalid_fill
    return mean.astype(dtype)


class OverviewPyramid:
    """Feed full-resolution rows in order; get back the overview rows they complete."""

    def __init__(self, width: int, height: int, levels: int, nodata=None):
        self.nodata = nodata
        self.heights = [height]
        for _ in range(levels):
            self.heights.append(math.ceil(self.heights[-1] / 2))
        self._carried: list[np.ndarray | None] = [None] * levels
        self._rows_in = [0] * levels  # rows of level k received so far
        self._rows_out = [0] * levels  # rows of level k + 1 produced so far

    def push(self, rows: np.ndarray) -> list[tuple[int, int, np.ndarray]]:
        """``(level, row_offset, rows)`` for every overview level (1-based) these rows extend."""
        produced = []
        current = rows
        for level in range(len(self._carried)):
            if current is None or current.shape[0] == 0:
                break
            self._rows_in[level] += current.shape[0]
            if self._carried[level] is not None:
                current = np.concatenate([self._carried[level], current])
                self._carried[level] = None
            complete = self._rows_in[level] >= self.heights[level]
            usable = current.shape[0] if complete else current.shape[0] - current.shape[0] % 2
            if usable < current.shape[0]:
                self._carried[level] = current[usable:].copy()
            if usable == 0:
                break
            reduced = average_2x2(current[:usable], self.nodata)
            produced.append((level + 1, self._rows_out[level], reduced))
            self._rows_out[level] += reduced.shape[0]
            current = reduced
        return produced


def _is_nan(value) -> bool:
    return isinstance(value, float) and math.isnan(value)
