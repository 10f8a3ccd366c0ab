"""Spectral signatures and how a pixel's reflectance is put together, band by band.

Values are surface reflectances (0–1) typical of the Pyrenees as seen by Sentinel-2 MSI; the
writer scales them by 10000 like MAJA. What matters downstream: snow is bright in the visible
and dark in the SWIR (NDSI > 0.4, red > 0.2), vegetation has a red edge and a NIR plateau
(NDVI > 0.5), water is dark beyond the red (NDVI < 0), rock is moderate and flat, water
clouds are bright everywhere (low NDSI) and ice clouds darker in the SWIR (NDSI can mimic
snow, which is why CLM flags them separately).
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np

from .landcover import FOREST, GRASS, ROCK, SOIL, WATER

BANDS = ("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12")
BANDS_R1 = ("B2", "B3", "B4", "B8")
BANDS_R2 = ("B5", "B6", "B7", "B8A", "B11", "B12")

#                        B2     B3     B4     B5     B6     B7     B8     B8A    B11    B12
SPECTRA = {
    "water":       (0.045, 0.055, 0.030, 0.022, 0.014, 0.012, 0.010, 0.009, 0.004, 0.003),
    "forest":      (0.020, 0.040, 0.022, 0.070, 0.200, 0.250, 0.270, 0.285, 0.130, 0.060),
    "grass_green": (0.035, 0.080, 0.040, 0.120, 0.290, 0.360, 0.390, 0.410, 0.240, 0.120),
    "grass_dry":   (0.050, 0.072, 0.070, 0.105, 0.185, 0.225, 0.250, 0.265, 0.290, 0.190),
    "rock":        (0.120, 0.150, 0.180, 0.200, 0.215, 0.225, 0.235, 0.245, 0.300, 0.260),
    "soil":        (0.090, 0.110, 0.140, 0.170, 0.195, 0.215, 0.230, 0.240, 0.310, 0.260),
    "snow_fresh":  (0.950, 0.940, 0.920, 0.900, 0.880, 0.850, 0.820, 0.790, 0.080, 0.050),
    "snow_old":    (0.780, 0.770, 0.750, 0.720, 0.690, 0.650, 0.600, 0.560, 0.030, 0.020),
    "cloud_water": (0.720, 0.710, 0.710, 0.710, 0.710, 0.700, 0.700, 0.700, 0.520, 0.340),
    "cloud_ice":   (0.420, 0.410, 0.410, 0.410, 0.400, 0.400, 0.400, 0.400, 0.220, 0.140),
}  # fmt: skip

#: Sensor saturation expressed as reflectance × cos(sun zenith) (i.e. radiance): reached only
#: by sunlit snow slopes under a high sun. Bands not listed never saturate.
SATURATION = {"B2": 0.80, "B3": 0.85, "B4": 0.90, "B5": 0.95}

#: Share of diffuse sky light: what still reaches self-shadowed slopes.
DIFFUSE = 0.12
#: FRE is slope-corrected by MAJA, but a residual of the illumination remains: small on
#: sunlit slopes, large where little light arrives (a shaded slope cannot be brightened back),
#: so snow in the shade can fall below Let It Snow's pass-1 red threshold, as in real data.
FRE_RESIDUAL_SUNLIT, FRE_RESIDUAL_SHADED = 0.2, 0.7


def greenness(day: date) -> float:
    """Grassland phenology in [0.4, 1]: greenest in early July, dormant in winter."""
    return 0.7 + 0.3 * math.cos(2.0 * math.pi * (day.timetuple().tm_yday - 190) / 365.0)


def snow_age(day: date) -> float:
    """Season-wide snow ageing in [0.1, 0.9]: fresh in early winter, old and wet in summer."""
    start = date(day.year if day.month >= 9 else day.year - 1, 9, 1)
    return float(np.clip(0.1 + ((day - start).days - 90) / 240.0, 0.1, 0.9))


def class_table(day: date) -> np.ndarray:
    """Reflectance of each land-cover class (rows indexed by class code) per band."""
    green = greenness(day)
    table = np.zeros((8, len(BANDS)), dtype=np.float32)
    table[WATER] = SPECTRA["water"]
    table[FOREST] = SPECTRA["forest"]
    table[GRASS] = green * np.asarray(SPECTRA["grass_green"]) + (1 - green) * np.asarray(
        SPECTRA["grass_dry"]
    )
    table[ROCK] = SPECTRA["rock"]
    table[SOIL] = SPECTRA["soil"]
    return table


def illumination(cos_incidence: np.ndarray, sun_zenith_deg: float) -> np.ndarray:
    """Irradiance relative to flat ground: direct beam on the slope plus diffuse sky light."""
    cos_sun = np.float32(max(math.cos(math.radians(sun_zenith_deg)), 0.05))
    direct = np.maximum(cos_incidence, 0.0) / cos_sun
    return np.float32(DIFFUSE) + np.float32(1.0 - DIFFUSE) * direct


def fre_illumination(irradiance: np.ndarray) -> np.ndarray:
    """What slope correction leaves of the illumination in FRE."""
    exponent = np.where(
        irradiance < 1.0, np.float32(FRE_RESIDUAL_SHADED), np.float32(FRE_RESIDUAL_SUNLIT)
    )
    return np.power(irradiance, exponent).astype(np.float32)


def band_reflectance(
    band: str,
    *,
    table: np.ndarray,
    landcover: np.ndarray,
    texture: np.ndarray,
    snow_fraction: np.ndarray,
    snow_age: np.ndarray,
    light: np.ndarray,
    cloud_low: np.ndarray,
    cloud_brightness: np.ndarray,
    cloud_high: np.ndarray,
) -> np.ndarray:
    """Reflectance (0–1, float32) of one band: ground, then low clouds, then high clouds.

    ``light`` combines terrain illumination and cloud-shadow dimming; cloud tops are lit
    independently of the terrain below them.
    """
    i = BANDS.index(band)
    fresh = np.float32(SPECTRA["snow_fresh"][i])
    old = np.float32(SPECTRA["snow_old"][i])
    background = table[landcover, i] * texture
    snow = fresh + (old - fresh) * snow_age
    ground = background + snow_fraction * (snow - background)
    ground *= light
    cloud = np.float32(SPECTRA["cloud_water"][i]) * cloud_brightness
    seen = ground + cloud_low * (cloud - ground)
    return seen + cloud_high * (np.float32(SPECTRA["cloud_ice"][i]) - seen)
