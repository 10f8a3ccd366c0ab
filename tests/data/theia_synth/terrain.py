"""A seedable mountain DEM: a piedmont rising to a ridged range, evaluated per window.

Elevation is a pure function of world coordinates (metres from the product's upper-left
corner), so any window can be computed on its own. Its statistics are calibrated once per
product on a coarse sample of the whole extent, so every product spans the same altitude
range (default 300–3200 m) and a snowline between those altitudes always crosses it.
"""

from __future__ import annotations

import numpy as np

from .noise import derive_key, fbm, ridged

#: Altitude range the calibrated DEM spans (metres).
Z_MIN, Z_MAX = 300.0, 3200.0

#: Typical spacing of the main ridges, in world metres (valleys every ~6 km).
RIDGE_CELL_M = 9000.0


def coarse_axis(extent_m: float, samples: int = 97) -> np.ndarray:
    """Sample positions (world metres) covering an extent, for per-product calibration."""
    return (np.arange(samples) + 0.5) * (extent_m / samples)


class Terrain:
    """Elevation field of one synthetic scene.

    ``extent_m`` is the scene's width in world metres and ``pixel_m`` its world pixel size;
    octaves finer than a pixel are dropped.
    """

    def __init__(self, seed: int, extent_m: float, pixel_m: float) -> None:
        self.extent_m = extent_m
        self.pixel_m = pixel_m
        self._key_large = derive_key(seed, "terrain", "large")
        self._key_ridges = derive_key(seed, "terrain", "ridges")
        axis = coarse_axis(extent_m)
        raw = self._raw(axis, axis, finest=pixel_m)
        low, high = np.percentile(raw, [0.5, 99.8])
        self._scale = (Z_MAX - 50.0 - Z_MIN) / float(high - low)
        self._offset = Z_MIN - float(low) * self._scale

    def _raw(self, y_m: np.ndarray, x_m: np.ndarray, finest: float) -> np.ndarray:
        # Mountains stand in the south of the scene and give way to a hilly piedmont in the
        # north, as across the Pyrenees; a broad undulation breaks the symmetry.
        north_south = np.clip((np.asarray(y_m) / self.extent_m - 0.1) / 0.8, 0.0, 1.0)
        trend = (north_south * north_south * (3.0 - 2.0 * north_south)).astype(np.float32)
        trend = trend[:, None]
        large = fbm(y_m, x_m, self._key_large, cell=self.extent_m / 2.5, octaves=3, finest=finest)
        crests = ridged(
            y_m, x_m, self._key_ridges, cell=RIDGE_CELL_M, octaves=10, finest=finest, gain=0.5
        )
        belt = np.clip(
            np.float32(0.15) + np.float32(1.1) * trend + np.float32(0.5) * large, 0.08, 1.0
        )
        return np.float32(0.3) * trend + np.float32(0.15) * large + belt * crests

    def elevation(self, y_m: np.ndarray, x_m: np.ndarray, *, smooth: bool = False) -> np.ndarray:
        """Elevation (m, float32) on the grid ``y_m x x_m`` (world metres, y downwards).

        ``smooth`` drops the finer octaves: a valley-floor surface used to draw shorelines.
        """
        finest = max(self.pixel_m, 1500.0) if smooth else self.pixel_m
        z = self._raw(y_m, x_m, finest)
        z *= np.float32(self._scale)
        z += np.float32(self._offset)
        return np.clip(z, Z_MIN, Z_MAX, out=z)


def slope_aspect(z_halo: np.ndarray, pixel_m: float) -> tuple[np.ndarray, np.ndarray]:
    """Slope and aspect (radians; aspect clockwise from north, downslope direction).

    ``z_halo`` carries one extra pixel on each side; the result covers its interior.
    """
    two_dx = np.float32(2.0 * pixel_m)
    dz_east = (z_halo[1:-1, 2:] - z_halo[1:-1, :-2]) / two_dx
    dz_north = (z_halo[:-2, 1:-1] - z_halo[2:, 1:-1]) / two_dx  # rows grow southwards
    slope = np.arctan(np.hypot(dz_east, dz_north))
    aspect = np.mod(np.arctan2(-dz_east, -dz_north), np.float32(2 * np.pi))
    return slope.astype(np.float32), aspect.astype(np.float32)


def cos_incidence(
    slope: np.ndarray, aspect: np.ndarray, sun_zenith_deg: float, sun_azimuth_deg: float
) -> np.ndarray:
    """Cosine of the sun's incidence angle on the terrain (negative: self-shadowed)."""
    zen = np.float32(np.radians(sun_zenith_deg))
    azi = np.float32(np.radians(sun_azimuth_deg))
    return np.cos(zen) * np.cos(slope) + np.sin(zen) * np.sin(slope) * np.cos(azi - aspect)
