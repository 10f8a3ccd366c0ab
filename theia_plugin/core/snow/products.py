"""Inputs of snow detection read from files onto a Theia product's 20 m grid (snow.md §1–2).

``SnowInputs`` opens a Theia L2A product, its DEM and an optional tree cover density (TCD),
checks them, and reads any row window of the 20 m grid (the grid of B11 and CLM_R2):

* G = B3 and R = B4 (10 m) are **cubic**-resampled to 20 m through a GDAL ``WarpedVRT`` on the
  20 m grid. It is what upstream LIS does (``gdal.Warp(..., resampleAlg=cubic)``), it skips
  the −10000 nodata pixels (a plain ``read(out_shape=…)`` would mix them into the swath edge),
  and its result does not depend on the window that is read (the warper pads the source window
  by the kernel radius), so row windows give the same values as the whole image.
* S = B11 and CLM_R2 are read as they are (their grid *is* the 20 m grid). A STAC item carries
  CLM at 10 m only: then each 20 m pixel gets every flag of its four 10 m pixels (OR).
* The DEM is warped (bilinear, its own nodata skipped) from whatever CRS and resolution onto
  the 20 m grid; pixels it does not cover are NaN. Its coverage is checked when opening.
* The TCD is warped with nearest neighbour; pixels it does not cover or its nodata read 255
  ("undefined", i.e. FSC-OG keeps FSC-TOC there).

Memory: the blocks read stay in GDAL's process-wide block cache; the reader reopens its
inputs every :data:`CACHE_BUDGET` bytes to drop them (see ``WindowReader._done_with``).

Pure rasterio/GDAL: no Qt.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from theia_plugin.core.i18n import tr
from theia_plugin.core.raster.engine import Grid, or_blocks, plan_sources
from theia_plugin.core.raster.theia_l2a import L2AProduct, ProductError, open_l2a

#: Tree cover density value meaning "undefined" (> 100: FSC-OG keeps FSC-TOC).
TCD_UNDEFINED = 255

#: Decoded bytes of the inputs that may sit in GDAL's block cache before they are dropped.
CACHE_BUDGET = 64 * 2**20
#: Decoded bytes cached per 20 m pixel read: G and R (four 10 m int16 pixels each, plus their
#: warped blocks), S, CLM, and the DEM (float32 source and warped blocks).
CACHED_BYTES_PER_PIXEL = 2 * (8 + 2) + 2 + 1 + 2 * 4


class CoverageError(ValueError):
    """An auxiliary raster (DEM, TCD) that does not cover the product."""


def _same_grid(a: Grid, b: Grid) -> bool:
    tolerance = 1e-6 * a.resolution
    return (
        a.crs == b.crs
        and (a.width, a.height) == (b.width, b.height)
        and all(abs(x - y) <= tolerance for x, y in zip(a.transform[:6], b.transform[:6]))
    )


def _bounds(grid: Grid) -> tuple[float, float, float, float]:
    t = grid.transform
    xs = (t.c, t.c + t.a * grid.width)
    ys = (t.f, t.f + t.e * grid.height)
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class SnowInputs:
    """The files of one detection: product bands, DEM and optional TCD, on the 20 m grid."""

    product: L2AProduct
    grid: Grid
    green: str
    red: str
    swir: str
    clm: str
    dem: str
    tcd: str | None = None
    dem_resampled: bool = False
    clm_step: int = 1  # 2: CLM is at 10 m, its 2×2 blocks are OR-ed onto the 20 m grid

    @classmethod
    def open(
        cls,
        product: str | Path | L2AProduct,
        dem_path: str | Path,
        tcd_path: str | Path | None = None,
    ) -> SnowInputs:
        """Find and check the inputs; raises ``ProductError``, ``GridError`` or
        ``CoverageError`` with a message naming the faulty file."""
        if not isinstance(product, L2AProduct):
            product = open_l2a(product)
        missing = []
        paths = {}
        for name, find in (
            ("B3", lambda: product.band("B3")),
            ("B4", lambda: product.band("B4")),
            ("B11", lambda: product.band("B11")),
            ("CLM_R2", lambda: product.mask("CLM", 2)),
        ):
            try:
                paths[name] = find()
            except ProductError:
                missing.append(
                    f"MASKS/{product.product_id}_{name}.tif"
                    if name == "CLM_R2"
                    else f"{product.product_id}_FRE_{name}.tif"
                )
        if missing:
            raise ProductError(
                tr("{product}: snow detection needs {files}, missing from the product.").format(
                    product=product.product_id, files=", ".join(missing)
                )
            )
        grid = Grid.of(paths["B11"])
        # Same CRS, origin and extent; B3/B4 at exactly twice the resolution (GridError if not).
        plan_sources({name: paths[name] for name in ("B3", "B4", "CLM_R2")}, grid)
        clm_grid = Grid.of(paths["CLM_R2"])
        clm_step = 1
        if product.mask_fallback and abs(clm_grid.resolution * 2 - grid.resolution) < 1e-6:
            clm_step = 2  # a STAC item's CLM_R1 (plan_sources checked its alignment)
        elif clm_grid.resolution != grid.resolution:
            raise ProductError(
                tr("{path} is at {res} m; CLM_R2 must be on the 20 m grid of B11.").format(
                    path=paths["CLM_R2"], res=clm_grid.resolution
                )
            )
        dem_path = str(dem_path)
        resampled = _check_coverage(dem_path, grid, tr("DEM"))
        if tcd_path is not None:
            tcd_path = str(tcd_path)
            _check_coverage(tcd_path, grid, tr("Tree cover density"))
        return cls(
            product=product,
            grid=grid,
            green=paths["B3"],
            red=paths["B4"],
            swir=paths["B11"],
            clm=paths["CLM_R2"],
            dem=dem_path,
            tcd=tcd_path,
            dem_resampled=resampled,
            clm_step=clm_step,
        )

    def reader(self, spill_dir: str | Path | None = None) -> WindowReader:
        return WindowReader(self, spill_dir)


def _check_coverage(path: str, grid: Grid, what: str) -> bool:
    """Raise ``CoverageError`` unless ``path`` covers ``grid``; True when it must be resampled."""
    import rasterio
    from rasterio.errors import RasterioIOError
    from rasterio.warp import transform_bounds

    try:
        with rasterio.open(path) as dataset:
            source = Grid(dataset.crs, dataset.transform, dataset.width, dataset.height)
            if dataset.crs is None:
                raise CoverageError(
                    tr("{what} {path} has no coordinate reference system.").format(
                        what=what, path=path
                    )
                )
            wanted = transform_bounds(grid.crs, dataset.crs, *_bounds(grid), densify_pts=21)
            have = dataset.bounds
    except RasterioIOError as exc:
        raise CoverageError(
            tr("{what} {path} cannot be read: {error}").format(what=what, path=path, error=exc)
        ) from None
    # Half a source pixel of slack: the edge pixels' centres still fall inside.
    slack_x, slack_y = abs(source.transform.a) / 2, abs(source.transform.e) / 2
    covered = (
        have.left <= wanted[0] + slack_x
        and have.bottom <= wanted[1] + slack_y
        and have.right >= wanted[2] - slack_x
        and have.top >= wanted[3] - slack_y
    )
    if not covered:
        raise CoverageError(
            tr(
                "{what} {path} does not cover the product: it spans ({left:.6g}, {bottom:.6g}) – "
                "({right:.6g}, {top:.6g}) in {crs}, the product needs ({need_left:.6g}, "
                "{need_bottom:.6g}) – ({need_right:.6g}, {need_top:.6g})."
            ).format(
                what=what,
                path=path,
                left=have.left,
                bottom=have.bottom,
                right=have.right,
                top=have.top,
                crs=source.crs,
                need_left=wanted[0],
                need_bottom=wanted[1],
                need_right=wanted[2],
                need_top=wanted[3],
            )
        )
    return not _same_grid(source, grid)


class WindowReader:
    """Open handles on every input; ``read(row0, rows)`` returns one window of each.

    A context manager: ``with inputs.reader() as reader: reader.read(0, 512)``.

    With a ``spill_dir``, the warped inputs (G, R, DEM, TCD) are resampled once: the rows
    read in order are also written there raw (uncompressed, 11 bytes per 20 m pixel at most)
    and read back from that file when read again, by the next passes of a detection.
    Resampling G and R costs most of a pass, and the block cache that used to spare it
    between passes is dropped (see ``_done_with``); the page cache keeps the raw rows instead,
    out of the process's memory.
    """

    def __init__(self, inputs: SnowInputs, spill_dir: str | Path | None = None):
        self.inputs = inputs
        self._stack = ExitStack()
        self._pending = 0
        self._spill_dir = None if spill_dir is None else Path(spill_dir)
        self._spilled: dict[str, tuple] = {}  # warped input → (rows spilled, dtype)

    def __enter__(self) -> WindowReader:
        self._open()
        return self

    def __exit__(self, *exc) -> None:
        self._stack.close()

    def _open(self) -> None:
        import rasterio
        from rasterio.enums import Resampling
        from rasterio.vrt import WarpedVRT

        grid = self.inputs.grid
        on_grid = {
            "crs": grid.crs,
            "transform": grid.transform,
            "width": grid.width,
            "height": grid.height,
        }
        stack = self._stack = ExitStack()
        self._pending = 0
        try:

            def open_(path):
                return stack.enter_context(rasterio.open(path, sharing=False))

            def warp(path, resampling, nodata, dtype, src_nodata=None):
                source = open_(path)
                if src_nodata is None:
                    src_nodata = source.nodata
                options = {**on_grid, "resampling": resampling, "nodata": nodata, "dtype": dtype}
                if src_nodata is not None:
                    options["src_nodata"] = src_nodata
                return stack.enter_context(WarpedVRT(source, **options))

            self._green = warp(self.inputs.green, Resampling.cubic, -10000, "int16", -10000)
            self._red = warp(self.inputs.red, Resampling.cubic, -10000, "int16", -10000)
            self._swir = open_(self.inputs.swir)
            self._clm = open_(self.inputs.clm)
            self._dem = warp(self.inputs.dem, Resampling.bilinear, np.nan, "float32")
            self._tcd = None
            if self.inputs.tcd is not None:
                self._tcd = warp(self.inputs.tcd, Resampling.nearest, TCD_UNDEFINED, "uint8")
        except BaseException:
            stack.close()
            raise

    def _done_with(self, rows: int) -> None:
        """Drop the blocks read so far from GDAL's block cache once they weigh
        :data:`CACHE_BUDGET` (closing a dataset drops its blocks; they are reopened at once).

        The cache is process-wide and sized once (5 % of RAM by default); the blocks of a
        window (sources and warped VRTs) stay in it until evicted, so the three passes over a
        full tile would fill it (~0.85 GB measured). Windows are read in row order, so the
        blocks above the last one are dead, apart from the few rows a cubic kernel re-reads.
        """
        self._pending += rows
        if self._pending * self.inputs.grid.width * CACHED_BYTES_PER_PIXEL >= CACHE_BUDGET:
            self._stack.close()
            self._open()

    def window(self, row0: int, rows: int):
        from rasterio.windows import Window

        return Window(0, row0, self.inputs.grid.width, rows)

    def red_dem(self, row0: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
        """What the detector's first pass needs: R and the DEM (float64, NaN uncovered)."""
        red, dem = self._red_dem(row0, rows)
        self._done_with(rows)
        return red, dem

    def _red_dem(self, row0: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
        red = self._warped("red", row0, rows)
        return red, self._warped("dem", row0, rows).astype(np.float64)

    def _warped(self, name: str, row0: int, rows: int) -> np.ndarray:
        """Rows of the warped input ``name``: from its spill file when already warped."""
        if self._spill_dir is None:
            return getattr(self, f"_{name}").read(1, window=self.window(row0, rows))
        width = self.inputs.grid.width
        path = self._spill_dir / f"{name}.raw"
        done, dtype = self._spilled.get(name, (0, None))
        if row0 + rows <= done:
            with open(path, "rb") as spilled:
                spilled.seek(row0 * width * dtype.itemsize)
                return np.fromfile(spilled, dtype, rows * width).reshape(rows, width)
        data = getattr(self, f"_{name}").read(1, window=self.window(row0, rows))
        if row0 == done:
            with open(path, "ab") as spilled:
                data.tofile(spilled)
            self._spilled[name] = (done + rows, data.dtype)
        return data

    def _read_clm(self, row0: int, rows: int) -> np.ndarray:
        from rasterio.windows import Window

        step = self.inputs.clm_step
        if step == 1:
            return self._clm.read(1, window=self.window(row0, rows))
        width = self.inputs.grid.width
        fine = self._clm.read(1, window=Window(0, row0 * step, width * step, rows * step))
        return or_blocks(fine, step)

    def read(self, row0: int, rows: int) -> dict[str, np.ndarray | None]:
        """G, R, S (int16 raw), CLM (uint8), DEM (float64 m, NaN uncovered), TCD (uint8 or
        None) of rows ``row0 : row0 + rows``."""
        window = self.window(row0, rows)
        red, dem = self._red_dem(row0, rows)
        arrays = {
            "green": self._warped("green", row0, rows),
            "red": red,
            "swir": self._swir.read(1, window=window),
            "clm": self._read_clm(row0, rows),
            "dem": dem,
            "tcd": None if self._tcd is None else self._warped("tcd", row0, rows),
        }
        self._done_with(rows)
        return arrays


__all__ = ["CoverageError", "SnowInputs", "WindowReader"]
