"""The result layers of the local DSM-OPT service, made from a synthetic terrain.

A job's products are small (256 x 256 at 10 m, Lambert-93 EPSG:2154) but real: Cloud
Optimized GeoTIFFs of A1 (correlation score), A3 (DSM), B2/B4 (coloured hillshades), C1/C2
(ortho-images, forward and backward sun), a display version of each (RGBA) from which XYZ
tiles and PNG previews (EPSG:4326, four corners) are rendered with GDAL, and a zip archive.
:func:`layer_arrays` gives the exact pixel values for tests.
"""

from __future__ import annotations

import math
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

from tests.data.theia_synth.terrain import Terrain

gdal.UseExceptions()

SIZE = 256
PIXEL_M = 10.0
#: Upper-left corner in Lambert-93 (the Pyrenees piedmont).
ORIGIN = (560_000.0, 6_210_000.0)
EPSG = 2154
DSM_NODATA = -9999.0

#: code → (title, file name)
LAYERS = {
    "A1": ("A1 DSM quality (correlation score)", "A1_DSM_quality.tif"),
    "A3": ("A3 DSM relative denoised filtered", "A3_DSM_relative_denoised_filtered.tif"),
    "B2": ("B2 Hillshade one light coloured", "B2_hillshade_coloured.tif"),
    "B4": ("B4 Hillshade multidirectional coloured", "B4_hillshade_multidirectional.tif"),
    "C1": ("C1 Ortho-image forward", "C1_ortho_forward.tif"),
    "C2": ("C2 Ortho-image backward", "C2_ortho_backward.tif"),
}


def geotransform() -> tuple[float, ...]:
    return (ORIGIN[0], PIXEL_M, 0.0, ORIGIN[1], 0.0, -PIXEL_M)


def bbox() -> tuple[float, float, float, float]:
    """Extent of the products in EPSG:2154 (xmin, ymin, xmax, ymax)."""
    return (ORIGIN[0], ORIGIN[1] - SIZE * PIXEL_M, ORIGIN[0] + SIZE * PIXEL_M, ORIGIN[1])


def _hillshade(z: np.ndarray, azimuth: float, altitude: float = 45.0) -> np.ndarray:
    dy, dx = np.gradient(z.astype(np.float64), PIXEL_M)
    slope = np.arctan(np.hypot(dx, dy))
    aspect = np.arctan2(-dx, dy)
    az, alt = math.radians(360.0 - azimuth + 90.0), math.radians(altitude)
    shade = np.sin(alt) * np.cos(slope) + np.cos(alt) * np.sin(slope) * np.cos(az - aspect)
    return np.clip(shade, 0.0, 1.0)


def _colour(z: np.ndarray, shade: np.ndarray) -> np.ndarray:
    """Hypsometric tint (green → brown → white) times the shade, RGB uint8 (3, h, w)."""
    t = (z - z.min()) / max(float(np.ptp(z)), 1.0)
    stops = np.array([[60, 140, 60], [150, 110, 60], [245, 245, 245]], dtype=np.float64)
    low = np.clip(t * 2, 0, 1)[..., None]
    high = np.clip(t * 2 - 1, 0, 1)[..., None]
    rgb = stops[0] + (stops[1] - stops[0]) * low + (stops[2] - stops[1]) * high
    rgb = rgb * (0.25 + 0.75 * shade[..., None])
    return np.moveaxis(np.clip(rgb, 0, 255).astype(np.uint8), -1, 0)


def layer_arrays(seed: int) -> dict[str, np.ndarray]:
    """Pixel values of every layer for ``seed``: 2-D for one band, (bands, h, w) otherwise."""
    axis = (np.arange(SIZE) + 0.5) * PIXEL_M
    z = Terrain(seed, SIZE * PIXEL_M, PIXEL_M).elevation(axis, axis).astype(np.float32)
    dy, dx = np.gradient(z.astype(np.float64), PIXEL_M)
    slope = np.degrees(np.arctan(np.hypot(dx, dy)))
    quality = np.clip(100.0 - slope * 1.2, 0, 100).astype(np.uint8)
    dsm = z.copy()
    dsm[quality < 15] = DSM_NODATA  # steep walls correlate badly: holes in the DSM
    multi = np.mean([_hillshade(z, a, 60.0) for a in (225, 270, 315, 360)], axis=0)
    rng = np.random.default_rng(seed)
    texture = rng.normal(0.0, 6.0, z.shape)
    forward = np.clip(40 + 180 * _hillshade(z, 135, 35.0) + texture, 1, 255).astype(np.uint8)
    backward = np.clip(40 + 180 * _hillshade(z, 160, 40.0) + texture, 1, 255).astype(np.uint8)
    return {
        "A1": quality,
        "A3": dsm,
        "B2": _colour(z, _hillshade(z, 315)),
        "B4": _colour(z, multi),
        "C1": forward,
        "C2": backward,
    }


def _srs(epsg: int) -> str:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def _mem(array: np.ndarray, nodata: float | None = None) -> gdal.Dataset:
    bands = array if array.ndim == 3 else array[None]
    dtype = gdal.GDT_Float32 if bands.dtype == np.float32 else gdal.GDT_Byte
    ds = gdal.GetDriverByName("MEM").Create("", SIZE, SIZE, bands.shape[0], dtype)
    ds.SetGeoTransform(geotransform())
    ds.SetProjection(_srs(EPSG))
    for index, band in enumerate(bands, 1):
        ds.GetRasterBand(index).WriteArray(band)
        if nodata is not None:
            ds.GetRasterBand(index).SetNoDataValue(nodata)
    return ds


def _display(code: str, array: np.ndarray) -> np.ndarray:
    """RGBA uint8 rendering of a layer (4, h, w)."""
    if array.ndim == 3:
        rgb = array
        alpha = np.full(array.shape[1:], 255, np.uint8)
    else:
        values = array.astype(np.float64)
        valid = values != DSM_NODATA if code == "A3" else np.ones(values.shape, bool)
        low, high = values[valid].min(), values[valid].max()
        grey = np.clip((values - low) / max(high - low, 1e-6) * 255, 0, 255).astype(np.uint8)
        rgb = np.stack([grey, grey, grey])
        alpha = np.where(valid, 255, 0).astype(np.uint8)
    return np.concatenate([rgb, alpha[None]]).astype(np.uint8)


def _write(dataset: gdal.Dataset, path: Path, driver: str, **options: object) -> None:
    """Atomically: a temporary name in the same folder, then a rename."""
    part = path.with_name(f".{path.name}.{uuid.uuid4().hex[:6]}.part")
    out = gdal.Translate(str(part), dataset, format=driver, **options)
    out = None  # noqa: F841 - closes (flushes) the file
    for aux in part.parent.glob(part.name + ".aux.xml"):
        aux.unlink()
    part.replace(path)


@dataclass
class Preview:
    file: str
    corners: dict[str, list[float]]  # pointTL… → [lon, lat]


def write_products(folder: Path, seed: int) -> dict[str, Preview]:
    """Write the COGs, display rasters, previews and ``archive.zip`` of one job in ``folder``.

    Returns code → preview (PNG file name and corner coordinates in EPSG:4326).
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "display").mkdir(exist_ok=True)
    previews: dict[str, Preview] = {}
    for code, array in layer_arrays(seed).items():
        _title, name = LAYERS[code]
        nodata = DSM_NODATA if code == "A3" else None
        _write(_mem(array, nodata), folder / name, "COG", creationOptions=["COMPRESS=DEFLATE"])
        display = _mem(_display(code, array))
        display.GetRasterBand(4).SetColorInterpretation(gdal.GCI_AlphaBand)
        _write(display, folder / "display" / f"{code}.tif", "GTiff")
        warped = gdal.Warp("", display, format="MEM", dstSRS="EPSG:4326", dstAlpha=False)
        png = f"{code}_preview.png"
        _write(warped, folder / png, "PNG")
        x0, dx, _, y0, _, dy = warped.GetGeoTransform()
        x1, y1 = x0 + dx * warped.RasterXSize, y0 + dy * warped.RasterYSize
        previews[code] = Preview(
            png,
            {
                "pointTL": [x0, y0],
                "pointTR": [x1, y0],
                "pointBR": [x1, y1],
                "pointBL": [x0, y1],
            },
        )
    part = folder / f".archive.{uuid.uuid4().hex[:6]}.part"
    with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as archive:
        for code, (_title, name) in LAYERS.items():
            archive.write(folder / name, name)
            archive.write(folder / previews[code].file, previews[code].file)
    part.replace(folder / "archive.zip")
    return previews


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """Web Mercator bounds of XYZ tile ``z/x/y`` (xmin, ymin, xmax, ymax)."""
    half = 20037508.342789244
    size = 2 * half / (1 << z)
    return (-half + x * size, half - (y + 1) * size, -half + (x + 1) * size, half - y * size)


def render_tile(display_path: Path, z: int, x: int, y: int) -> bytes:
    """The 256 x 256 PNG of tile ``z/x/y`` (transparent outside the data)."""
    warped = gdal.Warp(
        "",
        str(display_path),
        format="MEM",
        dstSRS="EPSG:3857",
        outputBounds=tile_bounds(z, x, y),
        width=256,
        height=256,
        resampleAlg="near",
    )
    name = f"/vsimem/tile-{uuid.uuid4().hex}.png"
    gdal.Translate(name, warped, format="PNG")
    try:
        handle = gdal.VSIFOpenL(name, "rb")
        gdal.VSIFSeekL(handle, 0, 2)
        size = gdal.VSIFTellL(handle)
        gdal.VSIFSeekL(handle, 0, 0)
        data = gdal.VSIFReadL(1, size, handle)
        gdal.VSIFCloseL(handle)
    finally:
        gdal.Unlink(name)
    return bytes(data)
