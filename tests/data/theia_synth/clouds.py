"""Clouds of one acquisition: low/mid water clouds, high ice clouds and the shadows they cast.

Cloud cover is an opacity field in [0, 1] obtained by thresholding procedural noise. The
threshold is calibrated on a coarse sample of the whole scene so that the share of pixels
MAJA would flag matches the requested cloud fraction. A cloud's shadow is the same opacity
field read at the point where the line towards the sun crosses the cloud layer, so shadows
need no neighbourhood and windows stay independent; when that point lies outside the image
the shadow is one "of a cloud outside the image" (CLM bit 64).
"""

from __future__ import annotations

import math

import numpy as np

from .noise import derive_key, fbm
from .terrain import coarse_axis

#: Opacity below which MAJA misses a cloud (undetected haze).
DETECTED = 0.08
#: Opacity below which a detected cloud counts among "the thinnest clouds" (CLM bit 16).
THINNEST = 0.2
#: Opacity from which the mono-temporal threshold test also fires (CLM bit 4).
THICK = 0.5
#: Shadow opacity from which MAJA flags a cloud shadow.
SHADOW_DETECTED = 0.3
#: Largest opacity of a high (cirrus) cloud: they stay semi-transparent.
HIGH_MAX_OPACITY = 0.55


def _smoothstep(u: np.ndarray) -> np.ndarray:
    u = np.clip(u, 0.0, 1.0)
    return u * u * (np.float32(3.0) - np.float32(2.0) * u)


def _opacity(raw: np.ndarray, threshold: float, ramp: float, peak: float) -> np.ndarray:
    """Opacity from a noise field: ``DETECTED`` at the threshold, ``peak`` one ramp above it,
    fading to clear haze just below it."""
    if threshold == -math.inf:
        return np.full(raw.shape, np.float32(peak))
    u = (raw - np.float32(threshold)) / np.float32(ramp)
    inside = np.float32(DETECTED) + np.float32(peak - DETECTED) * _smoothstep(u)
    haze = np.float32(DETECTED) * np.clip(np.float32(1.0) + np.float32(4.0) * u, 0.0, 1.0)
    return np.where(u >= 0, inside, haze).astype(np.float32)


def _threshold(sample: np.ndarray, fraction: float) -> float:
    if fraction >= 0.999:
        return -math.inf
    if fraction <= 0.0:
        return math.inf
    return float(np.quantile(sample, 1.0 - fraction))


class Sky:
    """Cloud layers of one acquisition over a square scene ``extent_m`` wide (world metres)."""

    def __init__(
        self,
        *,
        seed: int,
        extent_m: float,
        pixel_m: float,
        cloud_fraction: float,
        high_cloud_fraction: float,
        sun_zenith_deg: float,
        sun_azimuth_deg: float,
        cloud_height_m: float = 2000.0,
    ) -> None:
        self.extent_m = extent_m
        self.pixel_m = pixel_m
        self._key_low = derive_key(seed, "clouds", "low")
        self._key_front = derive_key(seed, "clouds", "front")
        self._key_high = derive_key(seed, "clouds", "high")
        # Horizontal offset from a shadow to its cloud: towards the sun, by the cloud height
        # times tan(zenith). Rows grow southwards, so north is -y.
        reach = cloud_height_m * math.tan(math.radians(min(sun_zenith_deg, 80.0)))
        self._shadow_dx = reach * math.sin(math.radians(sun_azimuth_deg))
        self._shadow_dy = -reach * math.cos(math.radians(sun_azimuth_deg))

        axis = coarse_axis(extent_m)
        low = self._low_raw(axis, axis)
        high = self._high_raw(axis, axis)
        self._low_threshold = _threshold(low, cloud_fraction)
        self._high_threshold = _threshold(high, high_cloud_fraction)
        self._low_ramp = 0.8 * float(low.std())
        self._high_ramp = 0.8 * float(high.std())

    def _low_raw(self, y_m: np.ndarray, x_m: np.ndarray) -> np.ndarray:
        # convective cells a few km across, grouped by a weather front tens of km wide
        cells = fbm(y_m, x_m, self._key_low, cell=4000.0, octaves=7, finest=self.pixel_m)
        front = fbm(y_m, x_m, self._key_front, cell=20000.0, octaves=2, finest=self.pixel_m)
        return np.float32(0.65) * cells + np.float32(0.35) * front

    def _high_raw(self, y_m: np.ndarray, x_m: np.ndarray) -> np.ndarray:
        # cirrus streaks stretched along the westerly jet (x four times longer than y)
        return fbm(
            y_m,
            np.asarray(x_m) / 4.0,
            self._key_high,
            cell=3000.0,
            octaves=5,
            finest=self.pixel_m / 4.0,
        )

    def low(self, y_m: np.ndarray, x_m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Opacity of low/mid clouds and the relative brightness of their tops (float32)."""
        raw = self._low_raw(y_m, x_m)
        opacity = _opacity(raw, self._low_threshold, self._low_ramp, 1.0)
        if math.isinf(self._low_threshold):
            depth = np.ones_like(raw) if self._low_threshold < 0 else np.zeros_like(raw)
        else:
            depth = np.clip((raw - np.float32(self._low_threshold)) / self._low_ramp, 0.0, 1.0)
        brightness = np.float32(0.85) + np.float32(0.15) * depth
        return opacity, brightness

    def high(self, y_m: np.ndarray, x_m: np.ndarray) -> np.ndarray:
        """Opacity of high ice clouds (float32)."""
        return _opacity(
            self._high_raw(y_m, x_m), self._high_threshold, self._high_ramp, HIGH_MAX_OPACITY
        )

    def shadow(self, y_m: np.ndarray, x_m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Opacity of the low cloud between each pixel and the sun, and whether that cloud is
        outside the image (boolean)."""
        cloud_y = np.asarray(y_m, dtype=np.float64) + self._shadow_dy
        cloud_x = np.asarray(x_m, dtype=np.float64) + self._shadow_dx
        opacity, _ = self.low(cloud_y, cloud_x)
        outside = ((cloud_y < 0) | (cloud_y >= self.extent_m))[:, None] | (
            (cloud_x < 0) | (cloud_x >= self.extent_m)
        )[None, :]
        return opacity, outside
