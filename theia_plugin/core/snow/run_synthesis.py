"""Annual snow synthesis (L3B) from per-date snow product files (snow.md §3).

``synthesize_files`` takes L2B files of one tile (``l2b_files``), keeps those of the period ±
the date margin, and walks the grid in row windows: each window reads that window of every
date (uint8 codes: dates × rows × width), merges same-day products, runs
``synthesize_window`` and writes SCD, SOD, SMOD, NOBS, NSP (uint16 COGs) and, on request,
the daily snow stack (one uint8 band per day). Window height is chosen so that a window of
every date stays within a memory budget: the daily cube is never held whole.

While reading, per-date counts (snow, cloud, no data) are gathered for the season report.
Outputs are staged in a hidden folder and moved into place only when all are complete, like
detection: after an error or a cancellation nothing new remains.
"""

from __future__ import annotations

import json
import shutil
import uuid
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from theia_plugin.core.i18n import tr
from theia_plugin.core.raster.cog import CogWriter
from theia_plugin.core.raster.engine import CancelledError, Grid, GridError
from theia_plugin.core.snow.l2b_files import L2BFile, find_l2b_files, select_l2b_files
from theia_plugin.core.snow.naming import L3B_KINDS, l3b_name
from theia_plugin.core.snow.parameters import SynthesisParameters
from theia_plugin.core.snow.products import _same_grid
from theia_plugin.core.snow.run_detection import _default_version, _publish
from theia_plugin.core.snow.synthesis import all_cloud_warnings, synthesize_window

#: Bytes of input codes (dates × rows × width) one window may hold.
WINDOW_BUDGET = 192 * 2**20
#: Decoded bytes of the inputs that may sit in GDAL's block cache before they are dropped.
CACHE_BUDGET = 64 * 2**20

_CLOUD = 205
_NODATA_CODES = (254, 255)


@dataclass(frozen=True)
class DateSummary:
    """One day of the series (same-day products merged), for the season report."""

    day: date
    products: int
    in_period: bool
    snow_percent: float  # snow pixels over pixels with data
    cloud_percent: float  # cloud pixels over pixels with data
    nodata_percent: float  # pixels without data over all pixels

    def as_json(self) -> dict:
        return {**asdict(self), "day": self.day.isoformat()}


@dataclass(frozen=True)
class SynthesisOutputs:
    """What ``synthesize_files`` wrote and what a report needs."""

    tile: str
    period_start: date
    period_end: date
    paths: dict[str, Path]
    summary_file: Path
    dates: list[DateSummary]
    inputs: list[str]
    warnings: list[str] = field(default_factory=list)
    daily_stack: Path | None = None
    max_nobs: int = 0


def summary_name(tile: str, start: date, end: date, version: str) -> str:
    """``LIS_S2-SNOW-SUMMARY_T31TCH_20180901_20190831_<version>.json``."""
    return l3b_name("SCD", tile, start, end, version).replace("-SCD_", "-SUMMARY_")[:-4] + ".json"


def daily_stack_name(tile: str, start: date, end: date, version: str) -> str:
    return l3b_name("SCD", tile, start, end, version).replace("-SCD_", "-DAILY_")


def _check_cancel(feedback) -> None:
    if feedback is not None and feedback.isCanceled():
        raise CancelledError(tr("Cancelled by the user"))


def _progress(feedback, value: float) -> None:
    if feedback is not None and hasattr(feedback, "setProgress"):
        feedback.setProgress(value)


def _info(feedback, text: str) -> None:
    if feedback is not None and hasattr(feedback, "pushInfo"):
        feedback.pushInfo(text)


def _check_grids(files: list[L2BFile]) -> Grid:
    import rasterio
    from rasterio.errors import RasterioIOError

    reference = None
    for f in files:
        try:
            with rasterio.open(f.path) as dataset:
                grid = Grid(dataset.crs, dataset.transform, dataset.width, dataset.height)
                dtype = dataset.dtypes[0]
        except RasterioIOError as exc:
            raise ValueError(
                tr("{path} cannot be read: {error}").format(path=f.path, error=exc)
            ) from None
        if dtype != "uint8":
            raise ValueError(
                tr("{path} is {dtype}; snow products are uint8 codes (0–100, 205, 255).").format(
                    path=f.path, dtype=dtype
                )
            )
        if reference is None:
            reference, first = grid, f
        elif not _same_grid(reference, grid):
            raise GridError(
                tr(
                    "{path} is not on the grid of {first} ({width}×{height} px of {res} m from "
                    "({x}, {y}) in {crs}); all snow products of a synthesis must share one grid."
                ).format(
                    path=f.path,
                    first=first.path,
                    width=reference.width,
                    height=reference.height,
                    res=reference.resolution,
                    x=reference.transform.c,
                    y=reference.transform.f,
                    crs=reference.crs,
                )
            )
    return reference


def _select_period(
    files: list[L2BFile], start: date, end: date, margin: int
) -> tuple[list[L2BFile], list[str]]:
    low, high = start - timedelta(days=margin), end + timedelta(days=margin)
    selected = [f for f in files if low <= f.acquired.date() <= high]
    if not selected:
        first, last = files[0].acquired.date(), files[-1].acquired.date()
        raise ValueError(
            tr(
                "No snow product between {low} and {high} (the period {start} – {end} with a "
                "{margin}-day margin); the {count} products given run from {first} to {last}."
            ).format(
                low=low, high=high, start=start, end=end, margin=margin, count=len(files),
                first=first, last=last,
            )
        )  # fmt: skip
    warnings = []
    inside = [f for f in selected if start <= f.acquired.date() <= end]
    if not inside:
        warnings.append(tr("No snow product inside the period itself: only margin dates are used."))
    return selected, warnings


def synthesize_files(
    inputs,
    out_dir: str | Path,
    params: SynthesisParameters,
    *,
    daily_stack: bool = False,
    block_rows: int | None = None,
    feedback=None,
    version: str | None = None,
) -> SynthesisOutputs:
    """Annual synthesis of the snow products among ``inputs`` (files, folders, zips).

    ``params`` gives the period (or a hydrological year and hemisphere) and the date margin.
    ``feedback`` (QgsFeedback-like: ``isCanceled``, ``setProgress``, ``pushInfo``) cancels
    between windows. Raises ``ValueError`` (``GridError`` included) for bad input and
    ``CancelledError`` when cancelled; nothing is left behind in either case.
    """
    start, end = params.period()
    if params.date_margin < 0:
        raise ValueError(
            tr("The date margin must be 0 or more days (got {value}).").format(
                value=params.date_margin
            )
        )
    if block_rows is not None and block_rows < 1:
        raise ValueError(tr("block_rows must be at least 1 (got {value})").format(value=block_rows))
    selection = select_l2b_files(find_l2b_files(inputs))
    files, period_warnings = _select_period(selection.files, start, end, params.date_margin)
    warnings = [*selection.warnings, *period_warnings]
    grid = _check_grids(files)
    version = version or _default_version()
    n_days = (end - start).days + 1

    days = sorted({f.acquired.date() for f in files})
    day_index = {d: i for i, d in enumerate(days)}
    per_day = [sum(f.acquired.date() == d for f in files) for d in days]
    if len(days) < len(files):
        warnings.append(
            tr(
                "{count} products share their day with another one; they were merged "
                "(per pixel, the first clear value wins)"
            ).format(count=len(files) - len(days))
        )
    for text in warnings:
        _info(feedback, text)
    _info(
        feedback,
        tr("{count} snow products of {tile} ({days} dates) for {start} – {end}.").format(
            count=len(files), tile=selection.tile, days=len(days), start=start, end=end
        ),
    )

    if block_rows is None:
        per_row = grid.width * (len(files) + (n_days if daily_stack else 0))
        block_rows = _aligned_rows(WINDOW_BUDGET // max(1, per_row), grid.height)
    windows = [
        (row0, min(block_rows, grid.height - row0)) for row0 in range(0, grid.height, block_rows)
    ]
    counts = np.zeros((len(days), 4), np.int64)  # snow, cloud, nodata, all
    max_nobs = 0

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = out_dir / f".snow-synthesis-{uuid.uuid4().hex[:8]}.part"
    staging.mkdir()
    names = {kind: l3b_name(kind, selection.tile, start, end, version) for kind in L3B_KINDS}
    stack_name = daily_stack_name(selection.tile, start, end, version)
    try:
        from rasterio.windows import Window

        profile = {
            "driver": "GTiff",
            "width": grid.width,
            "height": grid.height,
            "count": 1,
            "dtype": "uint16",
            "crs": grid.crs,
            "transform": grid.transform,
            "nodata": None,
        }
        with ExitStack() as stack:
            sources = stack.enter_context(_Sources([f.path for f in files]))
            writers = {
                kind: stack.enter_context(CogWriter(staging / names[kind], profile))
                for kind in L3B_KINDS
            }
            stack_writer = None
            if daily_stack:
                stack_writer = stack.enter_context(
                    CogWriter(
                        staging / stack_name,
                        {**profile, "dtype": "uint8", "count": n_days},
                        overviews=False,
                    )
                )
                for t in range(n_days):
                    stack_writer.set_band_description(
                        t + 1, (start + timedelta(days=t)).isoformat()
                    )
            for done, (row0, rows) in enumerate(windows):
                _check_cancel(feedback)
                window = Window(0, row0, grid.width, rows)
                layers = sources.read(window)
                merged = _merge_by_day(files, layers, day_index, len(days))
                for k, layer in enumerate(merged):
                    counts[k, 0] += np.count_nonzero((layer > 0) & (layer <= 100))
                    counts[k, 1] += np.count_nonzero(layer == _CLOUD)
                    counts[k, 2] += np.count_nonzero(np.isin(layer, _NODATA_CODES))
                    counts[k, 3] += layer.size
                del layers
                daily = None
                on_day = None
                if stack_writer is not None:
                    daily = np.empty((n_days, rows, grid.width), np.uint8)

                    def on_day(t, state, daily=daily):
                        daily[t] = state

                results = synthesize_window(
                    days, merged, start, end, params.date_margin, on_day=on_day
                )
                del merged
                max_nobs = max(max_nobs, int(results["NOBS"].max(initial=0)))
                for kind in L3B_KINDS:
                    writers[kind].write(results[kind], window)
                if daily is not None:
                    for t in range(n_days):
                        stack_writer.write(daily[t], window, band=t + 1)
                _progress(feedback, 100.0 * (done + 1) / len(windows))
            _check_cancel(feedback)
            if max_nobs == 0:
                raise ValueError(
                    tr(
                        "All-cloud series: none of the {count} snow products has a single "
                        "clear pixel (every date is cloud or no data), so there is nothing to "
                        "synthesise."
                    ).format(count=len(files))
                )
        summaries = _summaries(days, per_day, counts, start, end)
        summary = {
            "tile": selection.tile,
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
            "date_margin": params.date_margin,
            "hemisphere": params.hemisphere,
            "inputs": [f.path for f in files],
            "dates": [s.as_json() for s in summaries],
            "outputs": {kind: names[kind] for kind in L3B_KINDS},
            "warnings": warnings,
            "version": version,
        }
        json_name = summary_name(selection.tile, start, end, version)
        (staging / json_name).write_text(json.dumps(summary, indent=2), encoding="utf-8")
        _check_cancel(feedback)
        staged = [(staging / names[kind], out_dir / names[kind]) for kind in L3B_KINDS]
        staged.append((staging / json_name, out_dir / json_name))
        if daily_stack:
            staged.append((staging / stack_name, out_dir / stack_name))
        _publish(staged, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return SynthesisOutputs(
        tile=selection.tile,
        period_start=start,
        period_end=end,
        paths={kind: out_dir / names[kind] for kind in L3B_KINDS},
        summary_file=out_dir / json_name,
        dates=summaries,
        inputs=[f.path for f in files],
        warnings=warnings + all_cloud_warnings(max_nobs),
        daily_stack=out_dir / stack_name if daily_stack else None,
        max_nobs=max_nobs,
    )


class _Sources:
    """Every input open at once; ``read(window)`` returns that window of each.

    The blocks read stay in GDAL's process-wide block cache (sized once, 5 % of RAM by
    default) until evicted: a year of dates over a full tile would fill it (~1.2 GB here).
    Windows follow the rows of the inputs in order, so the blocks read are dead once a window
    is done: every :data:`CACHE_BUDGET` bytes read, the inputs are reopened, which drops them.
    """

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        self._stack = ExitStack()
        self._datasets: list = []
        self._pending = 0

    def __enter__(self) -> _Sources:
        self._open()
        return self

    def __exit__(self, *exc) -> None:
        self._stack.close()

    def _open(self) -> None:
        import rasterio

        self._stack.close()
        self._stack = ExitStack()
        self._datasets = [
            self._stack.enter_context(rasterio.open(path, sharing=False)) for path in self.paths
        ]
        self._pending = 0

    def read(self, window) -> list[np.ndarray]:
        layers = [dataset.read(1, window=window) for dataset in self._datasets]
        self._pending += sum(layer.nbytes for layer in layers)
        if self._pending >= CACHE_BUDGET:
            self._open()
        return layers


def _aligned_rows(rows: int, height: int, block: int = 512) -> int:
    """``rows`` rounded down to whole COG blocks (or a power of two dividing a block), so that
    windows do not cut through blocks that every date would then decompress twice."""
    rows = max(1, min(rows, height))
    if rows >= block:
        return rows - rows % block
    return 1 << (rows.bit_length() - 1)


def _merge_by_day(
    files: list[L2BFile], layers: list[np.ndarray], day_index: dict[date, int], n_days: int
) -> np.ndarray:
    """Same-day products merged: the first (by acquisition time) with a value ≤ 100 wins,
    else the last one's value (snow.md §3). ``files`` are in acquisition order."""
    merged = np.empty((n_days, *layers[0].shape), np.uint8)
    taken = [False] * n_days
    for f, layer in zip(files, layers):
        k = day_index[f.acquired.date()]
        if not taken[k]:
            merged[k] = layer
            taken[k] = True
            continue
        # a later product of the same day replaces only pixels still without a value ≤ 100
        np.copyto(merged[k], layer, where=merged[k] > 100)
    return merged


def _summaries(
    days: list[date], per_day: list[int], counts: np.ndarray, start: date, end: date
) -> list[DateSummary]:
    result = []
    for d, n, (snow, cloud, nodata, total) in zip(days, per_day, counts.tolist()):
        with_data = total - nodata
        result.append(
            DateSummary(
                day=d,
                products=n,
                in_period=start <= d <= end,
                snow_percent=round(100.0 * snow / with_data, 3) if with_data else 0.0,
                cloud_percent=round(100.0 * cloud / with_data, 3) if with_data else 0.0,
                nodata_percent=round(100.0 * nodata / total, 3) if total else 100.0,
            )
        )
    return result


__all__ = ["DateSummary", "SynthesisOutputs", "summary_name", "synthesize_files"]
