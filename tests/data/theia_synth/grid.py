"""The Sentinel-2 tile grids a product is written on (10 m "R1" and 20 m "R2")."""

from __future__ import annotations

from dataclasses import dataclass

from affine import Affine
from rasterio.crs import CRS
from rasterio.warp import transform as warp_transform

#: Full tile size in pixels at 10 m (109.8 km); the 20 m grid has half as many pixels.
TILE_SIZE_10M = 10980

#: Upper-left corner (UTM metres) of the MGRS tiles the generator knows about.
TILE_ORIGINS: dict[str, tuple[int, float, float]] = {
    # Central Pyrenees, the tile Let It Snow is validated on.
    "T31TCH": (32631, 300000.0, 4800000.0),
}

#: Pixel size in metres of each Theia resolution group.
RESOLUTIONS = {"R1": 10.0, "R2": 20.0}


@dataclass(frozen=True)
class ProductGrid:
    """A square window of a tile's 10 m grid (the whole tile by default).

    ``row_off``/``col_off`` are in 10 m pixels and must be even so that the window's 20 m
    pixels coincide with the tile's 20 m grid, as in real products.
    """

    tile: str = "T31TCH"
    size_10m: int = TILE_SIZE_10M
    row_off: int = 0
    col_off: int = 0

    def __post_init__(self) -> None:
        if self.tile not in TILE_ORIGINS:
            known = ", ".join(sorted(TILE_ORIGINS))
            raise ValueError(f"unknown tile {self.tile!r} (known: {known})")
        if self.size_10m < 4 or self.size_10m % 2:
            raise ValueError(f"size_10m must be even and >= 4, got {self.size_10m}")
        if self.row_off % 2 or self.col_off % 2:
            raise ValueError("row_off and col_off must be even (20 m alignment)")
        if min(self.row_off, self.col_off) < 0 or (
            max(self.row_off, self.col_off) + self.size_10m > TILE_SIZE_10M
        ):
            raise ValueError("the product window must lie inside the tile")

    @property
    def epsg(self) -> int:
        return TILE_ORIGINS[self.tile][0]

    @property
    def crs(self) -> CRS:
        return CRS.from_epsg(self.epsg)

    @property
    def size_20m(self) -> int:
        return self.size_10m // 2

    def size(self, resolution: str) -> int:
        return self.size_10m if resolution == "R1" else self.size_20m

    def transform(self, resolution: str = "R1") -> Affine:
        _, ulx, uly = TILE_ORIGINS[self.tile]
        pixel = RESOLUTIONS[resolution]
        return Affine(pixel, 0.0, ulx + 10.0 * self.col_off, 0.0, -pixel, uly - 10.0 * self.row_off)

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) in the tile CRS."""
        left, top = self.transform() * (0, 0)
        right, bottom = self.transform() * (self.size_10m, self.size_10m)
        return left, bottom, right, top

    def corners_lonlat(self) -> dict[str, tuple[float, float]]:
        """Corner and centre coordinates in WGS84 (lon, lat), named like MAJA metadata."""
        left, bottom, right, top = self.bounds()
        names = ["upperLeft", "upperRight", "lowerRight", "lowerLeft", "center"]
        xs = [left, right, right, left, (left + right) / 2]
        ys = [top, top, bottom, bottom, (top + bottom) / 2]
        lons, lats = warp_transform(self.crs, CRS.from_epsg(4326), xs, ys)
        return {name: (lon, lat) for name, lon, lat in zip(names, lons, lats)}

    def corners_xy(self) -> dict[str, tuple[float, float]]:
        left, bottom, right, top = self.bounds()
        return {
            "upperLeft": (left, top),
            "upperRight": (right, top),
            "lowerRight": (right, bottom),
            "lowerLeft": (left, bottom),
            "center": ((left + right) / 2, (top + bottom) / 2),
        }
