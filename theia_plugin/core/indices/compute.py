"""Spectral indices of a Theia L2A product or any raster, several in one pass, masked, as COGs.

Reflectance is the stored value × scale + offset (Theia: / 10000, nodata −10000 → NaN). By
default pixels flagged in the cloud mask (CLM ≠ 0, Theia's own advice) or outside the swath
(EDG) become nodata; MG2 and SAT masks are options (see :mod:`.inputs`). Outputs are float32
with NaN nodata, or int16 ×10000 with −10000 like Theia's own indices product.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from theia_plugin.core.i18n import tr
from theia_plugin.core.indices.catalogue import catalogue
from theia_plugin.core.indices.data import raw_bands
from theia_plugin.core.indices.formula import Formula
from theia_plugin.core.indices.inputs import (
    IndexInput,
    MaskOptions,
    TheiaL2AInput,
)
from theia_plugin.core.raster.cog import CogWriter
from theia_plugin.core.raster.engine import Grid, run_windows
from theia_plugin.core.raster.theia_l2a import SCALE, L2AProduct, ProductError

INT16_NODATA = -10000


@dataclass(frozen=True)
class IndexRequest:
    """One output: a catalogue index (by name) or a user formula over ASI band names."""

    name: str
    formula: Formula
    constants: dict
    long_name: str = ""
    reference: str = ""  # DOI or URL of the index's publication

    @classmethod
    def from_catalogue(cls, name: str, constants: dict | None = None) -> IndexRequest:
        index = catalogue().get(name)
        values = {k: v for k, v in index.constants.items() if v is not None}
        values.update(constants or {})
        return cls(index.short_name, index.parsed, values, index.long_name, index.reference)

    def metadata(self) -> dict[str, str]:
        """Tags stored in the output file: what was computed and after whom."""
        tags = {"THEIA_INDEX": self.name, "THEIA_FORMULA": self.formula.text}
        if self.constants:
            tags["THEIA_CONSTANTS"] = ", ".join(f"{k}={v:g}" for k, v in self.constants.items())
        if self.long_name:
            tags["THEIA_INDEX_LONG_NAME"] = self.long_name
        if self.reference:
            tags["THEIA_INDEX_REFERENCE"] = self.reference
        return tags

    @classmethod
    def from_formula(cls, name: str, text: str, constants: dict | None = None) -> IndexRequest:
        return cls(name, Formula.parse(text), dict(constants or {}))


def required_bands(requests: Sequence[IndexRequest]) -> list[str]:
    """The ASI band names the requests read (constants excluded), in first-use order.

    A name that is neither a band nor a constant of the catalogue (nor a constant given with
    the request) is refused with the list of the band names a formula may use.
    """
    known = raw_bands()
    needed: list[str] = []
    for request in requests:
        unknown = [
            n for n in request.formula.names if n not in known and n not in request.constants
        ]
        if unknown:
            raise ProductError(
                tr(
                    "{index} uses {names}, which is not a band name of Awesome Spectral Indices "
                    "(known band names: {known})."
                ).format(
                    index=request.name, names=", ".join(sorted(unknown)), known=", ".join(known)
                )
            )
        for name in request.formula.names:
            if name not in request.constants and name not in needed:
                needed.append(name)
    return needed


def as_input(source: IndexInput | L2AProduct) -> IndexInput:
    return source if isinstance(source, IndexInput) else TheiaL2AInput(source)


def compute_indices(
    source: IndexInput | L2AProduct,
    requests: Sequence[IndexRequest],
    destinations: Sequence[str | Path],
    *,
    resolution: float | str | None = 10,
    masks: MaskOptions | None = None,
    int16: bool = False,
    upsampling: str = "nearest",
    compression: str = "DEFLATE",
    block_rows: int | None = None,
    feedback=None,
) -> list[Path]:
    """Compute every request in one pass over ``source``; returns the written COG paths.

    ``resolution``: 10 or 20 for Theia L2A (that group's grid; coarser bands are upsampled
    with ``upsampling``, "nearest" or "bilinear"), ``"finest"`` for the finest of the bands
    the indices read, None for a raster's own grid.
    ``compression``: the COG's lossless codec (:data:`.cog.COMPRESSIONS`).
    ``block_rows`` (default: :func:`window_rows`) is the height of the full-width windows.
    """
    if len(requests) != len(destinations):
        raise ValueError("one destination per index")
    source = as_input(source)
    bands = required_bands(requests)
    missing = source.missing(bands)
    if missing:
        raise ProductError(
            tr("{product} lacks the band(s) {bands} needed by the chosen indices.").format(
                product=source.label, bands=", ".join(missing)
            )
        )
    if resolution == "finest":
        resolution = source.finest_resolution(bands)
    sources = {name: source.band(name) for name in bands}
    mask_layers = source.mask_layers(masks or MaskOptions(), resolution, bands)
    sources.update({name: layer.source for name, layer in mask_layers.items()})
    grid = source.grid(resolution)
    profile = {
        "width": grid.width,
        "height": grid.height,
        "count": 1,
        "crs": grid.crs,
        "transform": grid.transform,
        "dtype": "int16" if int16 else "float32",
        "nodata": INT16_NODATA if int16 else float("nan"),
    }
    scale, offset = np.float32(source.scale), np.float32(source.offset)
    nodata = source.nodata
    writers = [
        CogWriter(dest, profile, compression=compression, feedback=feedback)
        for dest in destinations
    ]
    opened = []
    try:
        for writer, request in zip(writers, requests):
            opened.append(writer.__enter__())
            writer.set_band_description(1, request.name)
            writer.set_metadata(request.metadata())

        def compute(arrays, window):
            masked = np.zeros(arrays[bands[0]].shape if bands else (0,), dtype=bool)
            for name, layer in mask_layers.items():
                flags = arrays[name]
                masked |= (flags != 0) if layer.bits is None else (flags & layer.bits) != 0
            values, band_nodata = {}, {}
            for name in bands:
                band_nodata[name] = _is_nodata(arrays[name], nodata)
                values[name] = reflectance(arrays[name], scale, offset)
            outputs = []
            for request in requests:
                result = request.formula.evaluate({**values, **request.constants})
                result[masked] = np.nan
                for name in request.formula.names:  # only the bands this index reads
                    if name in band_nodata:
                        result[band_nodata[name]] = np.nan
                outputs.append(_encode(result, int16))
            return outputs

        def write(outputs, window):
            for writer, array in zip(writers, outputs):
                writer.write(array, window)

        if block_rows is None:
            block_rows = window_rows(grid.width, len(sources), len(requests))
        run_windows(
            sources,
            grid,
            compute,
            write,
            block_rows=block_rows,
            feedback=feedback,
            upsampling=upsampling,
            gdal_options=source.gdal_options,
        )
    except BaseException as exc:
        for writer in reversed(opened):
            writer.__exit__(type(exc), exc, None)
        raise
    _publish_all(opened)
    return [Path(d) for d in destinations]


def _publish_all(writers: Sequence[CogWriter]) -> None:
    """Publish every output; when one fails, the drafts of the others not yet published are
    dropped too (each output is complete or absent: those published stay, valid)."""
    for index, writer in enumerate(writers):
        try:
            writer.__exit__(None, None, None)
        except BaseException as exc:
            for rest in writers[index + 1 :]:
                rest.__exit__(type(exc), exc, None)
            raise


def reflectance(array: np.ndarray, scale: np.float32, offset: np.float32) -> np.ndarray:
    """Stored values → float32 reflectance, in one temporary.

    A scale of 1/10000 divides by 10000, as Theia defines it: × 0.0001 differs in the last
    bit, which matters where a formula's denominator nears zero (EVI).
    """
    values = array.astype(np.float32)
    divisor = round(1 / float(scale)) if scale else 0
    if divisor > 1 and np.float32(1 / divisor) == scale:
        values /= np.float32(divisor)
    elif scale != 1:
        values *= scale
    if offset != 0:
        values += offset
    return values


def _is_nodata(array: np.ndarray, nodata) -> np.ndarray | bool:
    if array.dtype.kind == "f":
        invalid = np.isnan(array)
        return invalid if nodata is None or np.isnan(nodata) else invalid | (array == nodata)
    return False if nodata is None else array == nodata


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
    return TheiaL2AInput(product).grid(resolution)


def _encode(values: np.ndarray, int16: bool) -> np.ndarray:
    if not int16:
        return values
    scaled = np.round(np.clip(values, -3.2767, 3.2767) * SCALE)
    scaled[np.isnan(values)] = INT16_NODATA
    return scaled.astype(np.int16)
