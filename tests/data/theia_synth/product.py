"""Write one Theia L2A product (folder or zip) plus its truth sidecars, window by window."""

from __future__ import annotations

import math
import shutil
import zipfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import numpy as np
import rasterio
from rasterio.windows import Window

from .blocks import mean_2x2, or_2x2
from .geotiff import DEM_NODATA, GDAL_CACHE_MB, open_for_writing
from .grid import ProductGrid
from .landcover import WATER
from .masks import cloud_mask, geophysical_mask
from .metadata import NODATA, MetadataFacts, write_metadata
from .naming import (
    MASK_NAMES,
    RESOLUTION_NAMES,
    band_file,
    mask_file,
    metadata_file,
    product_id,
    truth_file,
)
from .noise import derive_key, hash_uniform, pixel_noise
from .reflectance import BANDS, BANDS_R1, BANDS_R2, SATURATION, band_reflectance, class_table
from .scene import Acquisition, DateLayers, Scene, World
from .snow import threshold_altitude

#: Rows (10 m) rendered at once for large products; bounds memory to a few hundred MB.
DEFAULT_BLOCK_ROWS = 512
#: Products up to this size are rendered in a single window.
SINGLE_WINDOW_MAX = 1024
#: Sensor noise: constant part (reflectance × 10000) and part proportional to the signal,
#: applied to the triangular noise of ``pixel_noise`` (std ≈ 0.41).
NOISE_FLOOR, NOISE_GAIN = 60.0, 0.03


@dataclass(frozen=True)
class ProductInfo:
    """What was written, and where. ``path`` is the product folder or its zip."""

    product_id: str
    path: Path
    acquired: datetime
    platform: str
    tile: str
    size_10m: int
    seed: int
    world_seed: int
    snowline_m: float
    cloud_fraction: float
    cloud_percent: float  # CLM != 0 among valid 20 m pixels
    snow_percent: float  # true snow among valid 20 m pixels
    nodata_percent: float  # 20 m pixels outside the swath
    sun_zenith: float
    sun_azimuth: float
    zipped: bool
    truth: dict[str, Path] = field(default_factory=dict)

    @property
    def size_20m(self) -> int:
        return self.size_10m // 2

    @property
    def date(self) -> date:
        return self.acquired.date()

    def _gdal_path(self, relative: str) -> str:
        if self.zipped:
            return f"/vsizip/{self.path}/{self.product_id}/{relative}"
        return str(self.path / relative)

    def band_path(self, band: str, kind: str = "FRE") -> str:
        """Path GDAL opens (``/vsizip/…`` for a zipped product)."""
        return self._gdal_path(band_file(self.product_id, band, kind))

    def mask_path(self, mask: str, resolution: str) -> str:
        return self._gdal_path(mask_file(self.product_id, mask, resolution))

    @property
    def metadata_path(self) -> str:
        return self._gdal_path(metadata_file(self.product_id))


def acquisition_time(day: date, seed: int, orbit: int) -> datetime:
    """A plausible overpass time: late morning, a few seconds apart between dates."""
    minute = 37 if orbit == 8 else 47
    jitter = hash_uniform(day.toordinal(), orbit, derive_key(seed, "time"))[()]
    millis = int(jitter * 60000)
    return datetime.combine(day, time(10, minute, millis // 1000, (millis % 1000) * 1000))


def _quantise(
    reflectance: np.ndarray, nodata: np.ndarray, rows: np.ndarray, cols: np.ndarray, key: int
) -> np.ndarray:
    """Reflectance × 10000 with sensor noise, as int16 with MAJA's −10000 outside the swath."""
    value = reflectance * np.float32(10000.0)
    noise = pixel_noise(rows, cols, key)
    noise *= np.float32(NOISE_FLOOR) + np.float32(NOISE_GAIN) * value
    value += noise
    out = np.clip(np.rint(value), 0, 32767).astype(np.int16)
    out[nodata] = NODATA
    return out


class _Writer:
    """The open rasters of one product and the statistics gathered while filling them."""

    def __init__(
        self,
        stack: ExitStack,
        folder: Path,
        pid: str,
        grid: ProductGrid,
        *,
        kinds: tuple[str, ...],
        truth_paths: dict[str, Path],
        dem_path: Path | None,
        threads: int,
    ) -> None:
        def open_(path: Path, resolution: str, dtype: str, nodata: float | None = None):
            return stack.enter_context(
                open_for_writing(
                    path,
                    size=grid.size(resolution),
                    crs=grid.crs,
                    transform=grid.transform(resolution),
                    dtype=dtype,
                    nodata=nodata,
                    threads=threads,
                )
            )

        self.bands = {
            (kind, band): open_(
                folder / band_file(pid, band, kind),
                "R1" if band in BANDS_R1 else "R2",
                "int16",
                NODATA,
            )
            for kind in kinds
            for band in BANDS
        }
        self.masks = {
            (mask, res): open_(folder / mask_file(pid, mask, res), res, "uint8")
            for mask in MASK_NAMES
            for res in RESOLUTION_NAMES
        }
        self.truth = {
            name: open_(path, "R1" if name == "LANDCOVER" else "R2", "uint8")
            for name, path in truth_paths.items()
        }
        self.dem = open_(dem_path, "R2", "int16", DEM_NODATA) if dem_path else None
        self.valid = 0
        self.pixels = 0
        self.cloudy = 0
        self.snowy = 0


@dataclass(frozen=True)
class _Window:
    """Rows ``row0:row1`` of the 10 m grid and the matching 20 m rows."""

    row0: int
    row1: int
    size: int

    @property
    def r1(self) -> Window:
        return Window(0, self.row0, self.size, self.row1 - self.row0)

    @property
    def r2(self) -> Window:
        return Window(0, self.row0 // 2, self.size // 2, (self.row1 - self.row0) // 2)

    def pixels(self, resolution: str) -> tuple[np.ndarray, np.ndarray]:
        """Absolute row and column indices (they seed the per-pixel noise)."""
        step = 1 if resolution == "R1" else 2
        return np.arange(self.row0 // step, self.row1 // step), np.arange(self.size // step)


def _write_bands(
    writer: _Writer, scene: Scene, layers: DateLayers, window: _Window, kinds: tuple[str, ...]
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Write every band; return the 10 m B3/B4/B11 reflectances and the SAT masks."""
    static = layers.static
    edge = {"R1": layers.edge, "R2": or_2x2(layers.edge)}
    cos_sun = np.float32(math.cos(math.radians(scene.sun_zenith)))
    common = {
        "table": class_table(scene.acquisition.acquired.date()),
        "landcover": static.landcover,
        "texture": static.texture,
        "snow_fraction": layers.snow_fraction,
        "snow_age": layers.snow_age,
        "cloud_low": layers.cloud_low,
        "cloud_brightness": layers.cloud_brightness,
        "cloud_high": layers.cloud_high,
    }
    kept: dict[str, np.ndarray] = {}
    saturated = {res: np.zeros(edge[res].shape, np.uint8) for res in RESOLUTION_NAMES}
    for band in BANDS:
        resolution = "R1" if band in BANDS_R1 else "R2"
        # 20 m bands see the mean of the 10 m scene, as a coarser detector would
        to_grid = (lambda a: a) if resolution == "R1" else mean_2x2
        rendered = {"FRE": band_reflectance(band, light=layers.light_fre, **common)}
        if "SRE" in kinds or band in SATURATION:
            rendered["SRE"] = band_reflectance(band, light=layers.light_sre, **common)
        if band in ("B3", "B4", "B11"):
            kept[band] = rendered["FRE"]
        rows, cols = window.pixels(resolution)
        for kind in kinds:
            noise_key = derive_key(scene.acquisition.seed, "noise", kind, band)
            out = _quantise(to_grid(rendered[kind]), edge[resolution], rows, cols, noise_key)
            writer.bands[kind, band].write(out, 1, window=getattr(window, resolution.lower()))
        if band in SATURATION:
            # the sensor saturates on radiance, i.e. on the uncorrected reflectance × cos(sun)
            radiance = to_grid(rendered["SRE"]) * cos_sun
            group = BANDS_R1 if resolution == "R1" else BANDS_R2
            bit = np.uint8(1 << group.index(band))
            saturated[resolution][radiance > np.float32(SATURATION[band])] |= bit
    return kept, saturated


def _write_masks(
    writer: _Writer,
    layers: DateLayers,
    window: _Window,
    kept: dict[str, np.ndarray],
    saturated: dict[str, np.ndarray],
) -> np.ndarray:
    """Write CLM, MG2, EDG and SAT at both resolutions; return CLM_R2."""
    # MAJA computes masks at each resolution: R2 from the 20 m means, not from R1's bits
    clm1 = cloud_mask(layers.cloud_low, layers.cloud_high, layers.shadow, layers.shadow_outside)
    clm2 = cloud_mask(
        mean_2x2(layers.cloud_low),
        mean_2x2(layers.cloud_high),
        mean_2x2(layers.shadow),
        or_2x2(layers.shadow_outside),
    )
    green, red, swir = kept["B3"], kept["B4"], kept["B11"]
    with np.errstate(divide="ignore", invalid="ignore"):
        ndsi = (green - swir) / (green + swir)
    maja_snow = (ndsi > 0.4) & (red > 0.15)  # MAJA's own snow test, on clear pixels
    water = layers.static.landcover == WATER
    half = np.float32(0.5)
    masks = {
        "R1": {
            "CLM": clm1,
            "MG2": geophysical_mask(clm1, water, maja_snow, layers.cos_incidence),
            "SAT": saturated["R1"],
        },
        "R2": {
            "CLM": clm2,
            "MG2": geophysical_mask(
                clm2,
                mean_2x2(water) >= half,
                mean_2x2(maja_snow) >= half,
                mean_2x2(layers.cos_incidence),
            ),
            "SAT": saturated["R2"],
        },
    }
    edges = {"R1": layers.edge, "R2": or_2x2(layers.edge)}
    for resolution, grid_window in (("R1", window.r1), ("R2", window.r2)):
        edge = edges[resolution]
        for name, values in masks[resolution].items():
            values[edge] = 0  # outside the swath MAJA flags nothing but the edge
            writer.masks[name, resolution].write(values, 1, window=grid_window)
        writer.masks["EDG", resolution].write(edge.astype(np.uint8), 1, window=grid_window)
    return clm2


def _render_window(writer: _Writer, scene: Scene, window: _Window, kinds: tuple[str, ...]) -> None:
    layers = scene.layers(window.row0, window.row1)
    static = layers.static
    kept, saturated = _write_bands(writer, scene, layers, window, kinds)
    clm2 = _write_masks(writer, layers, window, kept, saturated)

    z_star = threshold_altitude(static.z_eff, static.visible)
    snow = np.float32(scene.acquisition.snowline_m) <= z_star
    if "SNOW" in writer.truth:
        writer.truth["SNOW"].write(snow.astype(np.uint8), 1, window=window.r2)
    if "FSC" in writer.truth:
        fsc = np.rint(mean_2x2(layers.snow_fraction) * np.float32(100.0)).astype(np.uint8)
        writer.truth["FSC"].write(fsc, 1, window=window.r2)
    if "LANDCOVER" in writer.truth:
        writer.truth["LANDCOVER"].write(static.landcover, 1, window=window.r1)
    if writer.dem is not None:
        dem = np.rint(mean_2x2(static.elevation)).astype(np.int16)
        writer.dem.write(dem, 1, window=window.r2)

    valid = ~or_2x2(layers.edge)
    writer.pixels += valid.size
    writer.valid += int(valid.sum())
    writer.cloudy += int(np.count_nonzero(clm2[valid]))
    writer.snowy += int(np.count_nonzero(snow[valid]))


def _zip_product(folder: Path, destination: Path, stamp: datetime) -> None:
    """``<ID>.zip`` holding ``<ID>/…`` like Theia's, byte-reproducible (fixed timestamps).

    Rasters are already DEFLATE-compressed, so they are stored; the XML is deflated.
    """
    date_time = stamp.timetuple()[:6]
    with zipfile.ZipFile(destination, "w") as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.external_attr = 0o644 << 16
            info.compress_type = (
                zipfile.ZIP_DEFLATED if path.suffix == ".xml" else zipfile.ZIP_STORED
            )
            archive.writestr(info, path.read_bytes())


def write_l2a_product(
    out_dir: str | Path,
    day: date | datetime,
    *,
    tile: str = "T31TCH",
    size_10m: int = 120,
    seed: int = 0,
    world_seed: int | None = None,
    snowline_m: float = 1500.0,
    cloud_fraction: float = 0.3,
    high_cloud_fraction: float | None = None,
    edge_fraction: float = 0.15,
    edge_side: str = "west",
    platform: str = "SENTINEL2A",
    orbit: int = 8,
    zip: bool = False,
    sre: bool = False,
    truth: bool = True,
    truth_dir: str | Path | None = None,
    landcover_truth: bool = True,
    dem_path: str | Path | None = None,
    world_extent_m: float | None = None,
    row_off: int = 0,
    col_off: int = 0,
    block_rows: int | None = None,
    threads: int = 1,
    edition: str = "C",
    version: str = "2-2",
    world: World | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ProductInfo:
    """Write a synthetic Sentinel-2 L2A MAJA product in the exact Theia layout.

    ``seed`` drives the acquisition (clouds, noise, time of day); ``world_seed`` (default:
    ``seed``) the landscape, so products of one time series share terrain and land cover.
    ``size_10m`` is the side in 10 m pixels (even; 20 m rasters are half of it).
    ``cloud_fraction``/``high_cloud_fraction`` are the shares of pixels MAJA flags as low
    and high clouds (``high_cloud_fraction`` defaults to a quarter of ``cloud_fraction``;
    1.0 makes an overcast date). ``edge_fraction`` of the width (on ``edge_side``) lies
    outside the swath. Truth rasters go to ``truth_dir`` (default ``<out_dir>/truth``),
    never into the product; ``dem_path`` also writes the 20 m DEM (int16 metres).
    Rasters are computed ``block_rows`` 10 m rows at a time; the result does not depend on it.
    """
    out_dir = Path(out_dir)
    grid = ProductGrid(tile=tile, size_10m=size_10m, row_off=row_off, col_off=col_off)
    world_seed = seed if world_seed is None else world_seed
    if world is None:
        world = World(grid, world_seed, world_extent_m)
    elif world.grid != grid or world.seed != world_seed:
        raise ValueError("the given world does not match the product grid or world_seed")
    acquired = day if isinstance(day, datetime) else acquisition_time(day, seed, orbit)
    if high_cloud_fraction is None:
        high_cloud_fraction = 0.25 * cloud_fraction
    acquisition = Acquisition(
        acquired=acquired,
        platform=platform,
        seed=seed,
        snowline_m=float(snowline_m),
        cloud_fraction=float(cloud_fraction),
        high_cloud_fraction=float(high_cloud_fraction),
        edge_fraction=float(edge_fraction),
        edge_side=edge_side,
        cloud_height_m=1500.0
        + 1500.0 * float(hash_uniform(0, 0, derive_key(seed, "cloud-height"))[()]),
        orbit=orbit,
    )
    scene = Scene(world, acquisition)
    pid = product_id(platform, acquired, tile, edition=edition, version=version)
    kinds = ("FRE", "SRE") if sre else ("FRE",)

    truth_root = Path(truth_dir) if truth_dir is not None else out_dir / "truth"
    truth_paths: dict[str, Path] = {}
    if truth:
        truth_paths = {"SNOW": truth_root / truth_file(pid, "SNOW", "R2")}
        truth_paths["FSC"] = truth_root / truth_file(pid, "FSC", "R2")
        if landcover_truth:
            truth_paths["LANDCOVER"] = truth_root / truth_file(pid, "LANDCOVER", "R1")

    staging = out_dir / f".{pid}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    folder = staging / pid
    (folder / "MASKS").mkdir(parents=True)
    if block_rows is None:
        block_rows = size_10m if size_10m <= SINGLE_WINDOW_MAX else DEFAULT_BLOCK_ROWS
    if block_rows < 2 or block_rows % 2:
        raise ValueError("block_rows must be even (20 m rows are built from 10 m pairs)")

    with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB), ExitStack() as stack:
        writer = _Writer(
            stack,
            folder,
            pid,
            grid,
            kinds=kinds,
            truth_paths=truth_paths,
            dem_path=Path(dem_path) if dem_path else None,
            threads=threads,
        )
        for row0 in range(0, size_10m, block_rows):
            row1 = min(size_10m, row0 + block_rows)
            _render_window(writer, scene, _Window(row0, row1, size_10m), kinds)
            if progress:
                progress(row1, size_10m)

    valid = max(writer.valid, 1)
    cloud_percent = 100.0 * writer.cloudy / valid
    snow_percent = 100.0 * writer.snowy / valid
    write_metadata(
        folder / metadata_file(pid),
        MetadataFacts(
            product_id=pid,
            platform=platform,
            acquired=acquired,
            grid=grid,
            orbit=orbit,
            sun_zenith=scene.sun_zenith,
            sun_azimuth=scene.sun_azimuth,
            cloud_percent=cloud_percent,
            snow_percent=snow_percent,
            kinds=kinds,
        ),
    )
    if zip:
        destination = out_dir / f"{pid}.zip"
        _zip_product(folder, destination, acquired)
    else:
        destination = out_dir / pid
        shutil.rmtree(destination, ignore_errors=True)
        folder.rename(destination)
    shutil.rmtree(staging, ignore_errors=True)

    return ProductInfo(
        product_id=pid,
        path=destination,
        acquired=acquired,
        platform=platform,
        tile=tile,
        size_10m=size_10m,
        seed=seed,
        world_seed=world_seed,
        snowline_m=float(snowline_m),
        cloud_fraction=float(cloud_fraction),
        cloud_percent=cloud_percent,
        snow_percent=snow_percent,
        nodata_percent=100.0 * (writer.pixels - writer.valid) / max(writer.pixels, 1),
        sun_zenith=scene.sun_zenith,
        sun_azimuth=scene.sun_azimuth,
        zipped=zip,
        truth=truth_paths,
    )
