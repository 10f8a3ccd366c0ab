"""A synthetic scene: the static world (terrain, land cover, snow-prone elevation) and one
acquisition over it (date, sun, snowline, clouds, swath edge), rendered window by window.

Coordinates: a product's 10 m pixel (row, col) is mapped to "world metres" with a pixel size
of ``extent_m / size_10m``. For a full tile that is 10 m; a small test product shows a
miniature of a ``MIN_EXTENT_M``-wide landscape instead (mountains, a lake, clouds and shadows
all fit in 64 pixels), while its georeferencing stays on the real 10 m grid. Every layer is a
pure function of (row, col), so rows can be rendered in any blocking and stitch exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from .clouds import Sky
from .grid import ProductGrid
from .landcover import Lake, classify
from .noise import derive_key, fbm
from .reflectance import fre_illumination, illumination, snow_age
from .snow import effective_elevation, visibility, visible_fraction
from .sun import sun_angles
from .terrain import Terrain, cos_incidence, slope_aspect

#: Smallest landscape (world metres) a product shows, however few pixels it has.
MIN_EXTENT_M = 40000.0
#: Slant of the swath edge across the tile (degrees from north), as for a descending orbit.
EDGE_SLANT_DEG = 12.0
#: Windows up to this many pixels keep their static layers cached (time series reuse them).
_CACHE_PIXELS = 1_000_000


@dataclass(frozen=True)
class StaticLayers:
    """Date-independent 10 m layers of a window (all float32 except ``landcover``)."""

    elevation: np.ndarray
    slope: np.ndarray
    aspect: np.ndarray
    landcover: np.ndarray
    z_eff: np.ndarray
    visible: np.ndarray
    texture: np.ndarray


class World:
    """The landscape of a product grid, shared by every date of a time series."""

    def __init__(self, grid: ProductGrid, seed: int, extent_m: float | None = None) -> None:
        self.grid = grid
        self.seed = seed
        self.extent_m = float(extent_m or max(grid.size_10m * 10.0, MIN_EXTENT_M))
        self.pixel_m = self.extent_m / grid.size_10m
        self.terrain = Terrain(seed, self.extent_m, self.pixel_m)
        self.lake = Lake.in_lowest_valley(self.terrain)
        centre_lon, centre_lat = grid.corners_lonlat()["center"]
        self.lon, self.lat = centre_lon, centre_lat
        self._cache: dict[tuple[int, int], StaticLayers] = {}

    def world_y(self, rows: np.ndarray) -> np.ndarray:
        """World metres (southwards) of the centres of 10 m rows."""
        return (np.asarray(rows, dtype=np.float64) + 0.5) * self.pixel_m

    def world_x(self, cols: np.ndarray) -> np.ndarray:
        """World metres (eastwards) of the centres of 10 m columns."""
        return (np.asarray(cols, dtype=np.float64) + 0.5) * self.pixel_m

    def elevation(self, rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Elevation (m) and water mask; the lake surface is flat at its level."""
        y_m, x_m = self.world_y(rows), self.world_x(cols)
        z = self.terrain.elevation(y_m, x_m)
        water = np.zeros(z.shape, dtype=bool)
        # the valley-floor surface is only needed around the lake
        reach = self.lake.radius_m
        near_y = np.abs(y_m - self.lake.centre_y_m) < reach
        near_x = np.abs(x_m - self.lake.centre_x_m) < reach
        if near_y.any() and near_x.any():
            iy, ix = np.flatnonzero(near_y), np.flatnonzero(near_x)
            box = np.s_[iy[0] : iy[-1] + 1, ix[0] : ix[-1] + 1]
            floor = self.terrain.elevation(y_m[box[0]], x_m[box[1]], smooth=True)
            water[box] = self.lake.mask(y_m[box[0]], x_m[box[1]], floor)
            z[water] = np.float32(self.lake.level_m)
        return z, water

    def static(self, row0: int, row1: int) -> StaticLayers:
        """Static layers of product rows ``row0:row1`` (all columns)."""
        key = (row0, row1)
        if key in self._cache:
            return self._cache[key]
        size = self.grid.size_10m
        z_halo, water_halo = self.elevation(np.arange(row0 - 1, row1 + 1), np.arange(-1, size + 1))
        slope, aspect = slope_aspect(z_halo, self.pixel_m)
        elevation = z_halo[1:-1, 1:-1]
        water = water_halo[1:-1, 1:-1]
        y_m, x_m = self.world_y(np.arange(row0, row1)), self.world_x(np.arange(size))
        landcover = classify(
            y_m, x_m, elevation, slope, aspect, water, seed=self.seed, pixel_m=self.pixel_m
        )
        z_eff = effective_elevation(
            y_m, x_m, elevation, slope, aspect, seed=self.seed, pixel_m=self.pixel_m
        )
        # within-class brightness variations (soil moisture, species, lithology)
        texture = np.float32(1.0) + np.float32(0.12) * fbm(
            y_m,
            x_m,
            derive_key(self.seed, "texture"),
            cell=600.0,
            octaves=3,
            finest=self.pixel_m,
        )
        layers = StaticLayers(
            elevation=elevation,
            slope=slope,
            aspect=aspect,
            landcover=landcover,
            z_eff=z_eff,
            visible=visibility(landcover),
            texture=texture,
        )
        if (row1 - row0) * size <= _CACHE_PIXELS:
            self._cache[key] = layers
        return layers


@dataclass(frozen=True)
class Acquisition:
    """What changes from one date to the next."""

    acquired: datetime
    platform: str
    seed: int
    snowline_m: float
    cloud_fraction: float
    high_cloud_fraction: float
    edge_fraction: float = 0.0
    edge_side: str = "west"
    cloud_height_m: float = 2000.0
    orbit: int = 8


@dataclass(frozen=True)
class DateLayers:
    """Date-dependent 10 m layers of a window, everything the band renderer needs."""

    static: StaticLayers
    cos_incidence: np.ndarray
    light_fre: np.ndarray  # terrain illumination left in FRE, times cloud-shadow dimming
    light_sre: np.ndarray  # full terrain illumination (SRE, saturation), times dimming
    snow_fraction: np.ndarray
    snow_age: np.ndarray
    cloud_low: np.ndarray
    cloud_brightness: np.ndarray
    cloud_high: np.ndarray
    shadow: np.ndarray
    shadow_outside: np.ndarray
    edge: np.ndarray


class Scene:
    """One acquisition over a world: renders the 10 m layers of any window of rows."""

    def __init__(self, world: World, acquisition: Acquisition) -> None:
        self.world = world
        self.acquisition = acquisition
        self.sun_zenith, self.sun_azimuth = sun_angles(acquisition.acquired, world.lat, world.lon)
        self.sky = Sky(
            seed=acquisition.seed,
            extent_m=world.extent_m,
            pixel_m=world.pixel_m,
            cloud_fraction=acquisition.cloud_fraction,
            high_cloud_fraction=acquisition.high_cloud_fraction,
            sun_zenith_deg=self.sun_zenith,
            sun_azimuth_deg=self.sun_azimuth,
            cloud_height_m=acquisition.cloud_height_m,
        )
        self.snow_age = snow_age(acquisition.acquired.date())

    def edge(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """No-data outside the swath: a straight, slightly slanted edge as orbits draw it."""
        fraction = self.acquisition.edge_fraction
        size = self.world.grid.size_10m
        if fraction <= 0:
            return np.zeros((len(rows), len(cols)), dtype=bool)
        slant = math.tan(math.radians(EDGE_SLANT_DEG))
        limit = fraction * size + slant * (np.asarray(rows) + 0.5 - size / 2.0)
        centres = np.asarray(cols) + 0.5
        if self.acquisition.edge_side == "west":
            return centres[None, :] < limit[:, None]
        return centres[None, :] > size - limit[:, None]

    def layers(self, row0: int, row1: int) -> DateLayers:
        world = self.world
        static = world.static(row0, row1)
        rows, cols = np.arange(row0, row1), np.arange(world.grid.size_10m)
        y_m, x_m = world.world_y(rows), world.world_x(cols)

        cos_i = cos_incidence(static.slope, static.aspect, self.sun_zenith, self.sun_azimuth)
        irradiance = illumination(cos_i, self.sun_zenith)
        shadow, outside = self.sky.shadow(y_m, x_m)
        dimming = np.float32(1.0) - np.float32(0.75) * shadow
        cloud_low, brightness = self.sky.low(y_m, x_m)

        snowline = self.acquisition.snowline_m
        fraction = visible_fraction(static.z_eff, static.visible, snowline)
        # snow is fresher high above the snowline, older and wetter near it
        age = np.clip(
            np.float32(self.snow_age) - np.float32(0.25e-3) * (static.z_eff - np.float32(snowline)),
            0.0,
            1.0,
        )
        return DateLayers(
            static=static,
            cos_incidence=cos_i,
            light_fre=fre_illumination(irradiance) * dimming,
            light_sre=irradiance * dimming,
            snow_fraction=fraction,
            snow_age=age.astype(np.float32),
            cloud_low=cloud_low,
            cloud_brightness=brightness,
            cloud_high=self.sky.high(y_m, x_m),
            shadow=shadow,
            shadow_outside=outside,
            edge=self.edge(rows, cols),
        )
