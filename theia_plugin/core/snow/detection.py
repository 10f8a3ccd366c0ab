"""Per-date snow detection (L2B) on arrays already on the 20 m grid (snow.md §2).

Inputs are raw Theia values: green G (B3), red R (B4, resampled to 20 m by the caller), SWIR
S (B11) as int16 reflectance × 10000 with −10000 nodata, the CLM_R2 cloud bits, and a DEM in
metres (NaN where unknown). Every comparison is strict, as upstream. NDSI and FSC are computed
in float64, like upstream's muParser expressions, so truncations land on the same integers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from theia_plugin.core.i18n import tr
from theia_plugin.core.snow.parameters import DetectionParameters

#: SEB / FSC codes.
NO_SNOW, SNOW, CLOUD, NODATA = 0, 100, 205, 255
#: Reported snowline when none is found.
ZS_NOT_FOUND = -1000
#: Expert mask bits.
BIT_PASS1, BIT_PASS2, BIT_ALL_CLOUD, BIT_CLOUD_REFINE = 1, 2, 4, 8


@dataclass(frozen=True)
class DetectionResult:
    """Outputs of one date: code rasters (uint8) and the metadata values."""

    seb: np.ndarray
    fsc_toc: np.ndarray
    fsc_og: np.ndarray | None
    ndsi_pct: np.ndarray
    expert: np.ndarray
    zs: int
    snow_percent: float
    cloud_percent: float

    @property
    def zs_found(self) -> bool:
        return self.zs != ZS_NOT_FOUND


def ndsi(green: np.ndarray, swir: np.ndarray) -> np.ndarray:
    """(G − S) / (G + S) in float64 from raw values; NaN where G + S = 0."""
    g = green.astype(np.float64)
    s = swir.astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (g - s) / (g + s)
    out[~np.isfinite(out)] = np.nan
    return out


def _tent_weights(size: int, coarse: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices and weights of GDAL's downsampling "bilinear" (tent) kernel along one axis.

    The coarse grid keeps the fine extent, so a coarse pixel spans ``scale = size / coarse``
    fine pixels (exactly ``rf`` when ``size`` is a multiple of it, slightly more otherwise: the
    remainder is spread over all coarse pixels, none is dropped). A fine pixel whose centre is
    ``d`` fine pixels from the coarse centre weighs ``max(0, 1 − |d| / scale)``; pixels outside
    the image do not exist (the weights of the others are renormalised).
    """
    scale = size / coarse
    centres = (np.arange(coarse) + 0.5) * scale
    radius = math.ceil(scale) + 1
    first = np.floor(centres).astype(np.int64)[:, None] + np.arange(-radius, radius + 1)[None, :]
    weights = np.maximum(0.0, 1.0 - np.abs(first + 0.5 - centres[:, None]) / scale)
    inside = (first >= 0) & (first < size)
    weights[~inside] = 0.0
    return np.clip(first, 0, size - 1), weights


class CoarseRed:
    """The coarse red of a whole image, accumulated row window by row window.

    The tent filter of ``red_coarse`` is separable and linear, so each window adds its share
    (column-filtered, then weighted by its rows) to the coarse numerator and denominator.
    Memory: the coarse grid plus a coarse-rows × rows weight matrix (20 MB for a tile).
    """

    def __init__(self, shape: tuple[int, int], rf: int, nodata: int = -10000) -> None:
        rows, cols = shape
        self.shape = shape
        self.nodata = nodata
        self.out_shape = (max(rows // rf, 1), max(cols // rf, 1))
        self._idx_c, self._w_c = _tent_weights(cols, self.out_shape[1])
        idx_r, w_r = _tent_weights(rows, self.out_shape[0])
        self._row_weights = np.zeros((self.out_shape[0], rows))
        coarse_rows = np.repeat(np.arange(self.out_shape[0]), idx_r.shape[1])
        np.add.at(self._row_weights, (coarse_rows, idx_r.ravel()), w_r.ravel())
        self._num = np.zeros(self.out_shape)
        self._den = np.zeros(self.out_shape)

    def add(self, row0: int, red: np.ndarray) -> None:
        """Add rows ``row0 : row0 + len(red)`` of the red band."""
        valid = (red != self.nodata).astype(np.float64)
        values = np.where(valid > 0, red.astype(np.float64), 0.0)
        taps = range(self._idx_c.shape[1])
        num = sum(values[:, self._idx_c[:, k]] * self._w_c[:, k] for k in taps)
        den = sum(valid[:, self._idx_c[:, k]] * self._w_c[:, k] for k in taps)
        weights = self._row_weights[:, row0 : row0 + red.shape[0]]
        self._num += weights @ num
        self._den += weights @ den

    def coarse(self) -> np.ndarray:
        """The coarse red; NaN where no valid pixel contributed."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(
                self._den > 0, self._num / np.where(self._den > 0, self._den, 1), np.nan
            )

    def nearest(self, row0: int, n_rows: int) -> np.ndarray:
        """``red_nn`` for rows ``row0 : row0 + n_rows`` (nearest upsampling of ``coarse``)."""
        rows, cols = self.shape
        r = _nearest_index(rows, self.out_shape[0])[row0 : row0 + n_rows]
        return self.coarse()[np.ix_(r, _nearest_index(cols, self.out_shape[1]))]


def _nearest_index(size: int, coarse: int) -> np.ndarray:
    """Coarse pixel holding the centre of each fine pixel, both grids over the same extent."""
    index = ((np.arange(size) + 0.5) * coarse / size).astype(np.int64)
    return np.minimum(index, coarse - 1)


def red_coarse(red: np.ndarray, rf: int, nodata: int = -10000) -> np.ndarray:
    """Red downsampled to ``(H // rf, W // rf)`` with a nodata-aware bilinear (tent) filter.

    It models upstream's ``gdal.Warp(..., resampleAlg=bilinear, width=W // rf)``: when
    downsampling, GDAL stretches its bilinear kernel by the ratio, i.e. a separable tent of
    radius one coarse pixel (not a 4-pixel point interpolation). Nodata pixels weigh 0; a
    coarse pixel with no valid contribution is NaN. Sizes below ``rf`` keep one coarse pixel.
    """
    accumulator = CoarseRed(red.shape, rf, nodata)
    accumulator.add(0, red)
    return accumulator.coarse()


def nearest_upsample(coarse: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Back to ``shape`` over the same extent: each fine pixel takes the coarse pixel holding
    its centre."""
    r = _nearest_index(shape[0], coarse.shape[0])
    c = _nearest_index(shape[1], coarse.shape[1])
    return coarse[np.ix_(r, c)]


def red_nn(red: np.ndarray, rf: int, nodata: int = -10000) -> np.ndarray:
    """The coarse red seen at full resolution: the brightness of a cloud's neighbourhood."""
    return nearest_upsample(red_coarse(red, rf, nodata), red.shape)


def cloud_masks(
    clm: np.ndarray, red_nn_values: np.ndarray, params: DetectionParameters
) -> tuple[np.ndarray, np.ndarray]:
    """(all_cloud, cloud_refine): refined clouds are bright clouds, shadows and high clouds."""
    all_cloud = clm > 0
    shadow = (clm & (params.shadow_in_mask | params.shadow_out_mask)) != 0
    high_cloud = (clm & params.high_cloud_mask) != 0
    with np.errstate(invalid="ignore"):
        bright = all_cloud & (red_nn_values > params.raw(params.red_darkcloud))
    return all_cloud, bright | shadow | high_cloud


def pass1(
    ndsi_values: np.ndarray,
    red: np.ndarray,
    all_cloud: np.ndarray,
    nodata: np.ndarray,
    params: DetectionParameters,
) -> np.ndarray:
    """Unambiguous snow: clear, NDSI > ndsi_pass1 and R > red_pass1 (strict)."""
    with np.errstate(invalid="ignore"):
        test = (ndsi_values > params.ndsi_pass1) & (red > params.raw(params.red_pass1))
    return test & ~all_cloud & ~nodata


@dataclass(frozen=True)
class ElevationBins:
    """The snowline's equal-width DEM bins: ``floor((max − min) / dz)`` of them.

    A pixel at ``z`` falls in bin ``floor((z − min) / w)``, the maximum in the last bin.
    """

    zmin: float
    width: float
    count: int

    @classmethod
    def from_range(cls, zmin: float, zmax: float, dz: float) -> ElevationBins:
        count = math.floor((zmax - zmin) / dz) if zmax >= zmin else 0
        return cls(zmin, (zmax - zmin) / count if count >= 1 else 0.0, max(count, 0))

    def index(self, dem: np.ndarray) -> np.ndarray:
        return np.minimum(((dem - self.zmin) / self.width).astype(np.int64), self.count - 1)

    def counts(self, dem: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Pixels of ``mask`` per bin."""
        return np.bincount(self.index(dem[mask]), minlength=self.count)

    def snowline(
        self, total: np.ndarray, clear: np.ndarray, snow: np.ndarray, params: DetectionParameters
    ) -> int:
        """``zs = floor(c_{max(i−2, 0)} − dz/2)`` for the first bin from the bottom with
        ``clear/total > fclear_lim`` and ``snow/clear > fsnow_lim``; two bins lower because
        snow shows in a bin's statistics only once it is well established there."""
        for i in range(self.count):
            if total[i] == 0 or clear[i] == 0:
                continue
            if clear[i] / total[i] > params.fclear_lim and snow[i] / clear[i] > params.fsnow_lim:
                centre = self.zmin + (max(i - 2, 0) + 0.5) * self.width
                return math.floor(centre - params.dz / 2)
        return ZS_NOT_FOUND


def snowline(
    dem: np.ndarray, snow: np.ndarray, clear: np.ndarray, params: DetectionParameters
) -> int:
    """Lowest altitude zs of snow (snow.md §2), ``ZS_NOT_FOUND`` (−1000) when none."""
    bins = ElevationBins.from_range(float(np.min(dem)), float(np.max(dem)), params.dz)
    if bins.count < 1:
        return ZS_NOT_FOUND
    everything = np.ones(dem.shape, bool)
    return bins.snowline(
        bins.counts(dem, everything),
        bins.counts(dem, clear),
        bins.counts(dem, snow & clear),
        params,
    )


def pass2(
    ndsi_values: np.ndarray,
    red: np.ndarray,
    dem: np.ndarray,
    cloud_refine: np.ndarray,
    nodata: np.ndarray,
    zs: int,
    params: DetectionParameters,
) -> np.ndarray:
    """Snow above the snowline with relaxed thresholds; dark clouds may become snow here."""
    with np.errstate(invalid="ignore"):
        test = (ndsi_values > params.ndsi_pass2) & (red > params.raw(params.red_pass2))
    return test & (dem > zs) & ~cloud_refine & ~nodata


def seb_codes(
    snow: np.ndarray,
    cloud_refine: np.ndarray,
    all_cloud: np.ndarray,
    red: np.ndarray,
    nodata: np.ndarray,
    params: DetectionParameters,
) -> np.ndarray:
    """100 snow, 205 cloud (refined, or a non-snow cloud still bright in red), 0, 255."""
    back_to_cloud = all_cloud & (red > params.raw(params.red_backtocloud))
    seb = np.where(snow, SNOW, np.where(cloud_refine | back_to_cloud, CLOUD, NO_SNOW))
    seb[nodata] = NODATA
    return seb.astype(np.uint8)


def ndsi_percent(ndsi_values: np.ndarray) -> np.ndarray:
    """``uint8(100·NDSI)``: clamp to [0, 255] then truncate (NaN → 0)."""
    pct = np.clip(np.nan_to_num(100.0 * ndsi_values, nan=0.0), 0, 255)
    return np.trunc(pct).astype(np.uint8)


def fsc_toc(ndsi_pct: np.ndarray) -> np.ndarray:
    """Top-of-canopy FSC from the truncated NDSI % (the first of the two truncations)."""
    x = ndsi_pct.astype(np.float64) / 100.0
    value = np.minimum(0.5 * np.tanh(2.65 * x - 1.42) + 0.5, 1.0)
    return np.trunc(100.0 * value).astype(np.uint8)


def fsc_og(fsc_toc_values: np.ndarray, tcd: np.ndarray) -> np.ndarray:
    """On-ground FSC from the truncated FSC-TOC and the tree cover density (%).

    TCD above 100 (undefined, e.g. TCD nodata 255) keeps FSC-TOC.
    """
    tcd = tcd.astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.minimum((fsc_toc_values / 100.0) / (1.0 - tcd / 100.0), 1.0)
    value = np.where(tcd > 100, fsc_toc_values / 100.0, value)
    return np.trunc(100.0 * value).astype(np.uint8)


def _with_codes(values: np.ndarray, seb: np.ndarray) -> np.ndarray:
    """Snow pixels keep ``values``; the others take their SEB code (0, 205, 255)."""
    return np.where(seb == SNOW, values, seb).astype(np.uint8)


def _check_inputs(arrays: dict[str, np.ndarray | None]) -> tuple[int, int]:
    shapes = {name: a.shape for name, a in arrays.items() if a is not None}
    if len(set(shapes.values())) != 1 or any(len(s) != 2 for s in shapes.values()):
        listed = ", ".join(f"{name} {shape}" for name, shape in shapes.items())
        raise ValueError(
            tr("Snow detection inputs must share one 2-D grid; got {shapes}").format(shapes=listed)
        )
    return next(iter(shapes.values()))


@dataclass(frozen=True)
class DetectionLayers:
    """The code rasters of one window (uint8)."""

    seb: np.ndarray
    fsc_toc: np.ndarray
    fsc_og: np.ndarray | None
    ndsi_pct: np.ndarray
    expert: np.ndarray


class SnowDetector:
    """Detection of one date over row windows, in three passes over the data.

    The coarse red, the DEM range and the snowline statistics depend on the whole image, so no
    pixel can be classified before they are known: pass 1 (``scan``) reads red and DEM, pass 2
    (``count``) counts pass-1 snow per elevation bin, pass 3 (``classify``) writes the codes.
    Memory: one window plus the coarse red and the bins. Every pass must see every row once.
    """

    def __init__(self, shape: tuple[int, int], params: DetectionParameters | None = None):
        self.params = params or DetectionParameters()
        self.shape = shape
        self._red = CoarseRed(shape, self.params.rf, self.params.nodata)
        self._zmin, self._zmax, self._missing = math.inf, -math.inf, 0
        self._bins: ElevationBins | None = None
        self._total = self._clear = self._snow = None
        self._pass1 = 0
        self._valid = self._snowy = self._cloudy = 0

    def _window(self, row0: int, arrays: dict[str, np.ndarray | None]) -> np.ndarray:
        rows, cols = _check_inputs(arrays)
        if cols != self.shape[1] or row0 < 0 or row0 + rows > self.shape[0]:
            raise ValueError(
                tr(
                    "Window rows {start}–{end} × {cols} columns lie outside the image {shape}"
                ).format(start=row0, end=row0 + rows, cols=cols, shape=self.shape)
            )
        return np.asarray(arrays["DEM"], dtype=np.float64)

    def scan(self, row0: int, red: np.ndarray, dem: np.ndarray) -> None:
        """Pass 1: coarse red and DEM range."""
        dem = self._window(row0, {"red": red, "DEM": dem})
        finite = np.isfinite(dem)
        self._missing += int(dem.size - np.count_nonzero(finite))
        if finite.any():
            self._zmin = min(self._zmin, float(dem[finite].min()))
            self._zmax = max(self._zmax, float(dem[finite].max()))
        self._red.add(row0, red)

    def _elevation_bins(self) -> ElevationBins:
        if self._missing:
            raise ValueError(
                tr(
                    "The DEM does not cover the whole image ({count} pixels without elevation)"
                ).format(count=self._missing)
            )
        if self._bins is None:
            self._bins = ElevationBins.from_range(self._zmin, self._zmax, self.params.dz)
            self._total, self._clear, self._snow = (np.zeros(self._bins.count) for _ in range(3))
        return self._bins

    def count(self, row0, green, red, swir, clm, dem) -> None:
        """Pass 2: pass-1 snow per elevation bin (nodata pixels count as clear, no snow)."""
        dem = self._window(row0, {"green": green, "red": red, "swir": swir, "CLM": clm, "DEM": dem})
        bins = self._elevation_bins()
        nodata = swir == self.params.nodata
        all_cloud = clm > 0
        p1 = pass1(ndsi(green, swir), red, all_cloud, nodata, self.params)
        self._pass1 += int(np.count_nonzero(p1))
        if bins.count >= 1:
            clear = ~all_cloud | nodata
            self._total += bins.counts(dem, np.ones(dem.shape, bool))
            self._clear += bins.counts(dem, clear)
            self._snow += bins.counts(dem, p1 & clear)

    @property
    def zs(self) -> int:
        """The snowline, once pass 2 has seen every row (−1000 when not found)."""
        bins = self._elevation_bins()
        if bins.count < 1:
            return ZS_NOT_FOUND
        return bins.snowline(self._total, self._clear, self._snow, self.params)

    @property
    def pass2_enabled(self) -> bool:
        fraction = self._pass1 / (self.shape[0] * self.shape[1])
        return fraction > self.params.fsnow_total_lim and self.zs != ZS_NOT_FOUND

    def classify(self, row0, green, red, swir, clm, dem, tcd=None) -> DetectionLayers:
        """Pass 3: the codes of one window."""
        arrays = {"green": green, "red": red, "swir": swir, "CLM": clm, "DEM": dem, "TCD": tcd}
        dem = self._window(row0, arrays)
        params = self.params
        nodata = swir == params.nodata
        ndsi_values = ndsi(green, swir)
        red_nn_values = self._red.nearest(row0, dem.shape[0])
        all_cloud, cloud_refine = cloud_masks(clm, red_nn_values, params)
        p1 = pass1(ndsi_values, red, all_cloud, nodata, params)
        p2 = np.zeros_like(p1)
        if self.pass2_enabled:
            p2 = pass2(ndsi_values, red, dem, cloud_refine, nodata, self.zs, params)
        seb = seb_codes(p1 | p2, cloud_refine, all_cloud, red, nodata, params)
        pct = ndsi_percent(ndsi_values)
        toc = fsc_toc(pct)
        expert = (
            p1 * BIT_PASS1
            + p2 * BIT_PASS2
            + all_cloud * BIT_ALL_CLOUD
            + cloud_refine * BIT_CLOUD_REFINE
        ).astype(np.uint8)
        self._valid += int(np.count_nonzero(~nodata))
        self._snowy += int(np.count_nonzero(seb == SNOW))
        self._cloudy += int(np.count_nonzero(seb == CLOUD))
        return DetectionLayers(
            seb=seb,
            fsc_toc=_with_codes(toc, seb),
            fsc_og=None if tcd is None else _with_codes(fsc_og(toc, tcd), seb),
            ndsi_pct=_with_codes(pct, seb),
            expert=expert,
        )

    @property
    def snow_percent(self) -> float:
        """Snow among non-nodata pixels classified so far (all of them after pass 3)."""
        return 100.0 * self._snowy / max(self._valid, 1)

    @property
    def cloud_percent(self) -> float:
        return 100.0 * self._cloudy / max(self._valid, 1)


def detect_snow(
    green: np.ndarray,
    red: np.ndarray,
    swir: np.ndarray,
    clm: np.ndarray,
    dem: np.ndarray,
    params: DetectionParameters | None = None,
    tcd: np.ndarray | None = None,
) -> DetectionResult:
    """Detect snow on one date held in memory (snow.md §2): ``SnowDetector`` on one window."""
    shape = _check_inputs(
        {"green": green, "red": red, "swir": swir, "CLM": clm, "DEM": dem, "TCD": tcd}
    )
    detector = SnowDetector(shape, params)
    detector.scan(0, red, dem)
    detector.count(0, green, red, swir, clm, dem)
    layers = detector.classify(0, green, red, swir, clm, dem, tcd)
    return DetectionResult(
        **vars(layers),
        zs=int(detector.zs),
        snow_percent=detector.snow_percent,
        cloud_percent=detector.cloud_percent,
    )
