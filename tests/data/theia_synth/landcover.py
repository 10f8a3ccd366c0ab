"""Land cover placed consistently with the terrain: forest low, rock high, a lake in a valley."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .noise import derive_key, fbm
from .terrain import Terrain, coarse_axis

# Class codes written in the LANDCOVER truth raster.
WATER, FOREST, GRASS, ROCK, SOIL = 1, 2, 3, 4, 5
CLASS_NAMES = {WATER: "water", FOREST: "forest", GRASS: "grass", ROCK: "rock", SOIL: "bare soil"}
VEGETATION = (FOREST, GRASS)


@dataclass(frozen=True)
class Lake:
    """A lake filling a valley up to ``level_m`` within ``radius_m`` of its centre."""

    centre_y_m: float
    centre_x_m: float
    level_m: float
    radius_m: float

    @classmethod
    def in_lowest_valley(cls, terrain: Terrain) -> Lake:
        """Put the lake at the lowest valley floor of the scene's central part.

        Chosen on the coarse calibration sample, so every window agrees on it; the central
        part keeps the whole lake inside the image.
        """
        axis = coarse_axis(terrain.extent_m)
        floor = terrain.elevation(axis, axis, smooth=True)
        inner = slice(len(axis) // 4, 3 * len(axis) // 4)
        central = floor[inner, inner]
        iy, ix = np.unravel_index(int(np.argmin(central)), central.shape)
        offset = len(axis) // 4
        radius = float(np.clip(0.06 * terrain.extent_m, 1500.0, 3000.0))
        return cls(
            centre_y_m=float(axis[iy + offset]),
            centre_x_m=float(axis[ix + offset]),
            level_m=float(central[iy, ix]) + 60.0,
            radius_m=radius,
        )

    def mask(self, y_m: np.ndarray, x_m: np.ndarray, valley_floor: np.ndarray) -> np.ndarray:
        """Water where the smoothed valley floor lies below the lake level, near the centre."""
        dy = (np.asarray(y_m, dtype=np.float32) - np.float32(self.centre_y_m))[:, None]
        dx = (np.asarray(x_m, dtype=np.float32) - np.float32(self.centre_x_m))[None, :]
        near = dy * dy + dx * dx < np.float32(self.radius_m**2)
        return near & (valley_floor < np.float32(self.level_m))


def classify(
    y_m: np.ndarray,
    x_m: np.ndarray,
    elevation: np.ndarray,
    slope: np.ndarray,
    aspect: np.ndarray,
    water: np.ndarray,
    *,
    seed: int,
    pixel_m: float,
) -> np.ndarray:
    """Land-cover class per pixel (uint8 codes above).

    Tree line near 1900 m and rock above ~2500 m (both wavy), cliffs on slopes over 40°,
    forest patches denser on north-facing slopes, villages and fields low in the valleys.
    """
    treeline = np.float32(1900.0) + np.float32(150.0) * fbm(
        y_m, x_m, derive_key(seed, "treeline"), cell=8000.0, octaves=2, finest=pixel_m
    )
    rockline = np.float32(2350.0) + np.float32(200.0) * fbm(
        y_m, x_m, derive_key(seed, "rockline"), cell=6000.0, octaves=3, finest=pixel_m
    )
    patches = fbm(y_m, x_m, derive_key(seed, "forest"), cell=3000.0, octaves=5, finest=pixel_m)
    patches += np.float32(0.2) * np.cos(aspect) * np.sin(slope) * np.float32(3.0)
    # fewer trees towards the tree line and on the farmed valley floors
    density_limit = np.float32(-0.1) + np.float32(0.5) * np.clip(
        (elevation - (treeline - np.float32(400.0))) / np.float32(400.0), 0.0, 1.0
    )
    density_limit += np.float32(0.25) * np.clip((np.float32(700.0) - elevation) / 400.0, 0.0, 1.0)
    fields = fbm(y_m, x_m, derive_key(seed, "soil"), cell=1500.0, octaves=3, finest=pixel_m)

    classes = np.full(elevation.shape, GRASS, dtype=np.uint8)
    classes[(elevation < treeline) & (patches > density_limit)] = FOREST
    classes[(elevation < 900.0) & (fields > 0.3)] = SOIL
    classes[(elevation > rockline) | (slope > np.float32(np.radians(40.0)))] = ROCK
    classes[water] = WATER
    return classes
