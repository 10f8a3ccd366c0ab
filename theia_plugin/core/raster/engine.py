"""Windowed raster processing with parallel read / compute / write.

A reader thread decodes the inputs window by window (GDAL releases the GIL while it
decompresses), the calling thread computes, and a writer thread compresses and writes. Two
bounded queues keep at most a few windows in flight, so peak memory depends on the window
size, never on the raster size. Each thread owns its own dataset handles (GDAL handles are
not thread-safe).

Inputs may have another resolution than the output grid when the pixel sizes differ by an
integer factor on the same origin (Sentinel-2 10 m / 20 m): coarser inputs are read with
nearest-neighbour (or bilinear) upsampling, finer ones averaged.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from theia_plugin.core.i18n import tr

_DONE = object()


class GridError(ValueError):
    """Inputs that cannot be put on the output grid; the message names them."""


class RasterReadError(ValueError):
    """An input whose pixels cannot be read (corrupt or truncated); the message names it."""


class CancelledError(RuntimeError):
    pass


@dataclass(frozen=True)
class Grid:
    crs: object
    transform: object  # affine.Affine
    width: int
    height: int

    @classmethod
    def of(cls, path: str) -> Grid:
        import rasterio

        with rasterio.open(path) as dataset:
            return cls(dataset.crs, dataset.transform, dataset.width, dataset.height)

    @property
    def resolution(self) -> float:
        return abs(self.transform.a)

    def resampled(self, resolution: float) -> Grid:
        from affine import Affine

        factor = resolution / self.resolution
        t = self.transform
        return Grid(
            self.crs,
            Affine(t.a * factor, t.b, t.c, t.d, t.e * factor, t.f),
            round(self.width / factor),
            round(self.height / factor),
        )


@dataclass(frozen=True)
class Source:
    """One band of a raster; ``resampling`` (a rasterio ``Resampling`` name) overrides the
    run's upsampling for this source. ``bits``: a mask of bit flags, read by nearest neighbour
    when finer than the source and with the flags of each block OR-ed when coarser."""

    path: str
    band: int = 1
    resampling: str | None = None
    bits: bool = False


@dataclass(frozen=True)
class _SourcePlan:
    name: str
    path: str
    factor: float  # source pixel size / output pixel size
    band: int = 1
    resampling: str | None = None
    bits: bool = False


def plan_sources(sources: Mapping[str, str | Source], grid: Grid) -> list[_SourcePlan]:
    """Check every source (a path, band 1, or a :class:`Source`) fits ``grid``; say how to
    read it."""
    plans = []
    for name, spec in sources.items():
        spec = spec if isinstance(spec, Source) else Source(str(spec))
        path = spec.path
        source = Grid.of(path)
        if source.crs != grid.crs:
            raise GridError(
                tr("{name} ({path}) is in {crs}, expected {expected} like the other bands.").format(
                    name=name, path=path, crs=source.crs, expected=grid.crs
                )
            )
        factor = source.resolution / grid.resolution
        whole = factor if factor >= 1 else 1 / factor
        aligned = (
            abs(whole - round(whole)) < 1e-6
            and abs(source.transform.c - grid.transform.c) < 1e-6 * grid.resolution
            and abs(source.transform.f - grid.transform.f) < 1e-6 * grid.resolution
            and abs(source.width * factor - grid.width) < 1e-6
            and abs(source.height * factor - grid.height) < 1e-6
        )
        if not aligned:
            raise GridError(
                tr(
                    "{name} ({path}) is not on the same grid as the other bands "
                    "({width}×{height} px of {res} m from ({x}, {y})); expected the grid of "
                    "{expected_width}×{expected_height} px of {expected_res} m from "
                    "({expected_x}, {expected_y}) or an integer multiple of it."
                ).format(
                    name=name,
                    path=path,
                    width=source.width,
                    height=source.height,
                    res=source.resolution,
                    x=source.transform.c,
                    y=source.transform.f,
                    expected_width=grid.width,
                    expected_height=grid.height,
                    expected_res=grid.resolution,
                    expected_x=grid.transform.c,
                    expected_y=grid.transform.f,
                )
            )
        resampling = "nearest" if spec.bits else spec.resampling
        plans.append(_SourcePlan(name, path, factor, spec.band, resampling, spec.bits))
    return plans


def row_windows(grid: Grid, block_rows: int):
    from rasterio.windows import Window

    for row in range(0, grid.height, block_rows):
        yield Window(0, row, grid.width, min(block_rows, grid.height - row))


def or_blocks(fine: np.ndarray, step: int) -> np.ndarray:
    """A mask of bit flags coarsened ``step`` times: each pixel gets every flag of the
    ``step × step`` fine pixels it covers (averaging would mix bits)."""
    rows, cols = fine.shape[0] // step, fine.shape[1] // step
    blocks = fine[: rows * step, : cols * step].reshape(rows, step, cols, step)
    return np.bitwise_or.reduce(np.bitwise_or.reduce(blocks, axis=3), axis=1)


def _read(dataset, plan: _SourcePlan, window, upsampling):
    from rasterio.enums import Resampling
    from rasterio.windows import Window

    if plan.factor == 1:
        return dataset.read(plan.band, window=window)
    f = plan.factor
    source_window = Window(
        window.col_off / f, window.row_off / f, window.width / f, window.height / f
    )
    if plan.bits and f < 1:
        return or_blocks(dataset.read(plan.band, window=source_window), round(1 / f))
    if plan.resampling is not None:
        resampling = Resampling[plan.resampling]
    else:
        resampling = Resampling.average if f < 1 else upsampling
    return dataset.read(
        plan.band,
        window=source_window,
        out_shape=(int(window.height), int(window.width)),
        resampling=resampling,
    )


def _checked_read(dataset, plan: _SourcePlan, window, upsampling):
    from rasterio.errors import RasterioError, RasterioIOError

    try:
        return _read(dataset, plan, window, upsampling)
    except (RasterioError, RasterioIOError) as exc:
        raise RasterReadError(
            tr(
                "{path} could not be read at rows {start}–{end} ({error}): the file is corrupt "
                "or truncated; expected a complete raster (download it again?)."
            ).format(
                path=plan.path,
                start=int(window.row_off / plan.factor),
                end=int((window.row_off + window.height) / plan.factor),
                error=exc,
            )
        ) from exc


#: Decoded bytes of one source that may sit in GDAL's block cache before they are dropped.
SOURCE_CACHE_BUDGET = 16 * 2**20


def _drop_read_blocks(dataset, plan: _SourcePlan, window, grid: Grid, pending: float) -> bool:
    """True when the blocks read so far from ``dataset`` should be dropped from the cache:
    ``window`` ends on a block boundary of the source (not on its last row) and ``pending``
    source rows read since the last drop weigh at least :data:`SOURCE_CACHE_BUDGET`.

    GDAL's block cache is process-wide and sized once (5 % of RAM by default); blocks that
    were read stay in it until evicted, so a full tile would fill it. Every block above that
    boundary has been read for good: dropping them keeps the cache use to a few block rows per
    source, without touching the cache size that the rest of QGIS shares. (Dropping means
    reopening the source: not after every window, which costs seeks in deflated zips.)
    """
    end = window.row_off + window.height
    if end >= grid.height:
        return False
    itemsize = np.dtype(dataset.dtypes[plan.band - 1]).itemsize
    if pending * dataset.width * itemsize < SOURCE_CACHE_BUDGET:
        return False
    source_end = end / plan.factor
    block_rows = dataset.block_shapes[0][0]
    return abs(source_end - block_rows * round(source_end / block_rows)) < 1e-6


def _open_source(path: str):
    """A private handle: GDAL handles are not thread-safe. (Decoding one window's blocks on
    several threads, GDAL's NUM_THREADS, was measured slower: the cores are already busy.)"""
    import rasterio

    return rasterio.open(path, sharing=False)


def run_windows(
    sources: Mapping[str, str | Source],
    grid: Grid,
    compute: Callable[[dict[str, np.ndarray], object], Sequence[np.ndarray]],
    write: Callable[[Sequence[np.ndarray], object], None],
    *,
    block_rows: int = 512,
    feedback=None,
    upsampling: str = "nearest",
    gdal_options: Mapping[str, str] | None = None,
) -> None:
    """Read ``sources`` window by window on ``grid``, ``compute``, then ``write`` the results.

    ``compute(arrays_by_name, window)`` returns the output arrays of that window;
    ``write(outputs, window)`` runs in the writer thread. ``feedback`` (QgsFeedback-like:
    ``isCanceled()``, ``setProgress()``) cancels between windows. ``gdal_options`` (GDAL
    configuration, e.g. ``/vsicurl/`` tuning) apply to the reading thread only.
    """
    from rasterio.enums import Resampling

    plans = plan_sources(sources, grid)
    resampling = Resampling[upsampling]
    windows = list(row_windows(grid, block_rows))
    to_compute: queue.Queue = queue.Queue(maxsize=2)
    to_write: queue.Queue = queue.Queue(maxsize=2)
    stop = threading.Event()
    errors: list[BaseException] = []

    def put(q: queue.Queue, item) -> bool:
        while not stop.is_set():
            try:
                q.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def reader() -> None:
        import rasterio

        try:
            with rasterio.Env(**dict(gdal_options or {})):
                read_all()
        except BaseException as exc:  # handed to the calling thread
            errors.append(exc)
            stop.set()
        finally:
            put(to_compute, _DONE)  # no-op once stopped

    def read_all() -> None:
        handles = {p.name: _open_source(p.path) for p in plans}
        pending = {p.name: 0.0 for p in plans}  # source rows read since the last drop
        try:
            for window in windows:
                if stop.is_set():
                    return
                arrays = {
                    p.name: _checked_read(handles[p.name], p, window, resampling) for p in plans
                }
                for p in plans:
                    pending[p.name] += window.height / p.factor
                    if _drop_read_blocks(handles[p.name], p, window, grid, pending[p.name]):
                        # Closing drops this source's blocks from GDAL's block cache.
                        handles[p.name].close()
                        handles[p.name] = _open_source(p.path)
                        pending[p.name] = 0.0
                if not put(to_compute, (window, arrays)):
                    return
        finally:
            for handle in handles.values():
                handle.close()

    def writer() -> None:
        try:
            while True:
                item = to_write.get()
                if item is _DONE:
                    return
                write(*item)
        except BaseException as exc:
            errors.append(exc)
            stop.set()

    threads = [threading.Thread(target=reader, daemon=True), threading.Thread(target=writer)]
    for thread in threads:
        thread.start()
    try:
        done = 0
        while not stop.is_set():
            try:
                item = to_compute.get(timeout=0.1)
            except queue.Empty:
                if feedback is not None and feedback.isCanceled():  # a slow read (HTTP)
                    raise CancelledError(tr("Cancelled by the user")) from None
                continue
            if item is _DONE:
                break
            if feedback is not None and feedback.isCanceled():
                raise CancelledError(tr("Cancelled by the user"))
            window, arrays = item
            outputs = compute(arrays, window)
            if not put(to_write, (outputs, window)):
                break
            done += 1
            if feedback is not None and hasattr(feedback, "setProgress"):
                feedback.setProgress(100.0 * done / len(windows))
    except BaseException:
        stop.set()
        raise
    finally:
        # The writer drains what is queued, then stops.
        while True:
            try:
                to_write.put(_DONE, timeout=0.1)
                break
            except queue.Full:
                if not threads[1].is_alive():
                    break
        stop.set()
        for thread in threads:
            thread.join()
    if errors:
        raise errors[0]
