"""Spectral indices of a Theia L2A product, several in one pass, masked, as COGs.

Reflectance is the L2A value / 10000 (nodata −10000 → NaN). By default pixels flagged in
the cloud mask (CLM ≠ 0, Theia's own advice) or outside the swath (EDG) become nodata.
Outputs are float32 with NaN nodata, or int16 ×10000 with −10000 like Theia's own indices
product.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from theia_plugin.core.i18n import tr
from theia_plugin.core.indices.bands import SENTINEL2_THEIA_L2A
from theia_plugin.core.indices.catalogue import catalogue
from theia_plugin.core.indices.formula import Formula
from theia_plugin.core.raster.cog import CogWriter
from theia_plugin.core.raster.engine import Grid, run_windows
from theia_plugin.core.raster.theia_l2a import (
    NODATA,
    S2_RESOLUTION_GROUP,
    SCALE,
    L2AProduct,
    ProductError,
)

INT16_NODATA = -10000


@dataclass(frozen=True)
class IndexRequest:
    """One output: a catalogue index (by name) or a user formula over ASI band names."""

    name: str
    formula: Formula
    constants: dict

    @classmethod
    def from_catalogue(cls, name: str, constants: dict | None = None) -> IndexRequest:
        index = catalogue().get(name)
        values = {k: v for k, v in index.constants.items() if v is not None}
        values.update(constants or {})
        return cls(index.short_name, index.parsed, values)

    @classmethod
    def from_formula(cls, name: str, text: str, constants: dict | None = None) -> IndexRequest:
        return cls(name, Formula.parse(text), dict(constants or {}))


@dataclass(frozen=True)
class MaskOptions:
    cloud: bool = True  # CLM ≠ 0
    edge: bool = True  # EDG ≠ 0


def required_bands(requests: Sequence[IndexRequest], band_map=SENTINEL2_THEIA_L2A) -> dict:
    """ASI band name → Theia band name for every band the requests use."""
    needed = {}
    for request in requests:
        unknown = [
            n for n in request.formula.names if n not in band_map and n not in request.constants
        ]
        if unknown:
            raise ProductError(
                tr(
                    "{index} uses {names}, which is not a band of Theia L2A products "
                    "(known band names: {known})."
                ).format(
                    index=request.name,
                    names=", ".join(sorted(unknown)),
                    known=", ".join(band_map),
                )
            )
        for name in request.formula.names:
            if name in band_map and name not in request.constants:
                needed[name] = band_map[name]
    return needed


def compute_indices(
    product: L2AProduct,
    requests: Sequence[IndexRequest],
    destinations: Sequence[str | Path],
    *,
    resolution: int = 10,
    masks: MaskOptions = MaskOptions(),
    int16: bool = False,
    block_rows: int | None = None,
    feedback=None,
) -> list[Path]:
    """Compute every request in one pass over ``product``; returns the written COG paths.

    ``block_rows`` (default: :func:`window_rows`) is the height of the full-width windows.
    """
    if len(requests) != len(destinations):
        raise ValueError("one destination per index")
    bands = required_bands(requests)
    missing = [theia for theia in bands.values() if f"FRE_{theia}" not in product.bands]
    if missing:
        raise ProductError(
            tr("{product} lacks the band(s) {bands} needed by the chosen indices.").format(
                product=product.product_id, bands=", ".join(missing)
            )
        )
    group = 1 if resolution == 10 else 2
    sources = {asi: product.band(theia) for asi, theia in bands.items()}
    if masks.cloud:
        sources["_CLM"] = product.mask("CLM", group)
    if masks.edge:
        sources["_EDG"] = product.mask("EDG", group)
    grid = output_grid(product, resolution)
    profile = {
        "width": grid.width,
        "height": grid.height,
        "count": 1,
        "crs": grid.crs,
        "transform": grid.transform,
        "dtype": "int16" if int16 else "float32",
        "nodata": INT16_NODATA if int16 else float("nan"),
    }
    writers = [CogWriter(dest, profile) for dest in destinations]
    opened = []
    try:
        for writer, request in zip(writers, requests):
            opened.append(writer.__enter__())
            writer.set_band_description(1, request.name)

        def compute(arrays, window):
            invalid = np.zeros(arrays[next(iter(arrays))].shape, dtype=bool)
            values = {}
            for name, array in arrays.items():
                if name == "_CLM" or name == "_EDG":
                    invalid |= array != 0
                    continue
                invalid |= array == NODATA
                values[name] = array.astype(np.float32) / np.float32(SCALE)
            outputs = []
            for request in requests:
                result = request.formula.evaluate({**values, **request.constants})
                result[invalid] = np.nan
                outputs.append(_encode(result, int16))
            return outputs

        def write(outputs, window):
            for writer, array in zip(writers, outputs):
                writer.write(array, window)

        if block_rows is None:
            block_rows = window_rows(grid.width, len(sources), len(requests))
        run_windows(sources, grid, compute, write, block_rows=block_rows, feedback=feedback)
    except BaseException as exc:
        for writer in reversed(opened):
            writer.__exit__(type(exc), exc, None)
        raise
    for writer in reversed(opened):
        writer.__exit__(None, None, None)
    return [Path(d) for d in destinations]


#: Bytes of arrays one window may hold while it is read, computed and written (a few windows
#: are in flight at once: see :func:`theia_plugin.core.raster.engine.run_windows`).
WINDOW_BUDGET = 96 * 2**20


def window_rows(width: int, sources: int, outputs: int) -> int:
    """Rows per window: 512 at most, fewer (a power of two, 64 at least) when many bands or
    indices would make a window heavy, so peak memory stays well under 1 GB for a full tile.

    Per pixel: each source as read (≤ 2 bytes) and as float32 reflectance, each output and
    about one float32 temporary per output while formulas are evaluated.
    """
    per_row = width * (sources * (2 + 4) + outputs * 2 * 4)
    rows = 512
    while rows > 64 and rows * per_row > WINDOW_BUDGET:
        rows //= 2
    return rows


def output_grid(product: L2AProduct, resolution: int) -> Grid:
    """The product's own 10 m (R1) or 20 m (R2) grid, read from one of its band files."""
    group = 1 if resolution == 10 else 2
    for key, path in sorted(product.bands.items()):
        if key.startswith("FRE_") and S2_RESOLUTION_GROUP.get(key[4:]) == group:
            return Grid.of(path)
    any_band = Grid.of(next(iter(product.bands.values())))
    return any_band.resampled(resolution)


def _encode(values: np.ndarray, int16: bool) -> np.ndarray:
    if not int16:
        return values
    scaled = np.round(np.clip(values, -3.2767, 3.2767) * SCALE)
    scaled[np.isnan(values)] = INT16_NODATA
    return scaled.astype(np.int16)
