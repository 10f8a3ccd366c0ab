"""Snow detection of one Theia L2A product, from files to COG outputs (snow.md §2).

``detect_product`` reads the inputs window by window onto the 20 m grid (``products.py``),
runs ``SnowDetector``'s three passes over row windows (memory: one window of every input plus
the detector's coarse red and elevation bins; no full-tile array is held; the resampled
inputs are spilled raw into the staging folder so that they are resampled once) and writes:

* ``LIS_S2-SNOW-SEB_…tif``, ``…FSC-TOC…``, ``…FSC-OG…`` (with a TCD), ``…NDSI…`` and
  ``…EXPERT…`` as uint8 Cloud Optimized GeoTIFFs named like upstream (``naming.l2b_name``);
* ``LIS_S2-SNOW-METADATA_…json``: zs, snow %, cloud %, product id, parameters, inputs.

Everything is first written into a hidden staging folder inside ``out_dir`` and moved into
place only once every file is complete: after an error or a cancellation no new file remains
and files of an earlier run are untouched (if a move fails half-way, the earlier files are
put back). The inputs are read once per pass (three times for R and the DEM, twice for G, S
and CLM) rather than cached, to keep memory at one window; the resampled ones (G, R, DEM,
TCD) come back from their spill files after the first read.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from theia_plugin.core.i18n import tr
from theia_plugin.core.raster.cog import CogWriter
from theia_plugin.core.raster.engine import CancelledError
from theia_plugin.core.raster.theia_l2a import L2AProduct
from theia_plugin.core.snow.detection import NODATA, SnowDetector
from theia_plugin.core.snow.naming import l2b_name
from theia_plugin.core.snow.parameters import DetectionParameters
from theia_plugin.core.snow.products import SnowInputs

#: Output kinds and their no-data value (the expert bit mask has none: 0 is a valid value).
OUTPUT_NODATA = {"SEB": NODATA, "FSC-TOC": NODATA, "FSC-OG": NODATA, "NDSI": NODATA}
_LAYER_FIELDS = {
    "SEB": "seb",
    "FSC-TOC": "fsc_toc",
    "FSC-OG": "fsc_og",
    "NDSI": "ndsi_pct",
    "EXPERT": "expert",
}


def _default_version() -> str:
    try:
        from theia_plugin.__about__ import __version__
    except (ImportError, OSError, KeyError):  # metadata.txt missing outside the plugin
        return "0"
    return __version__


@dataclass(frozen=True)
class DetectionOutputs:
    """What ``detect_product`` wrote: paths by kind (``SEB``, ``FSC-TOC``, ``FSC-OG``,
    ``NDSI``, ``EXPERT``), the JSON sidecar, and the metadata values."""

    product_id: str
    paths: dict[str, Path]
    metadata: Path
    zs: int
    snow_percent: float
    cloud_percent: float
    dem_resampled: bool = False


def metadata_name(tile: str, acquired, version: str) -> str:
    """``LIS_S2-SNOW-METADATA_T31TCH_20190115T103421_<version>.json``."""
    return l2b_name("SEB", tile, acquired, version).replace("-SEB_", "-METADATA_")[:-4] + ".json"


def _check_cancel(feedback) -> None:
    if feedback is not None and feedback.isCanceled():
        raise CancelledError(tr("Cancelled by the user"))


def _progress(feedback, value: float) -> None:
    if feedback is not None and hasattr(feedback, "setProgress"):
        feedback.setProgress(value)


def _info(feedback, text: str) -> None:
    if feedback is not None and hasattr(feedback, "pushInfo"):
        feedback.pushInfo(text)


def _publish(staged: list[tuple[Path, Path]], backup_dir: Path) -> None:
    """Move every staged file onto its destination, all or nothing (as far as renames go)."""
    done: list[tuple[Path, Path | None]] = []
    try:
        for source, dest in staged:
            backup = None
            if dest.exists():
                backup = backup_dir / f"{dest.name}.previous"
                os.replace(dest, backup)
            done.append((dest, backup))
            os.replace(source, dest)
    except BaseException:
        for dest, backup in reversed(done):
            if backup is not None and backup.exists():
                os.replace(backup, dest)
            else:
                dest.unlink(missing_ok=True)
        raise


def detect_product(
    product: str | Path | L2AProduct,
    dem_path: str | Path,
    out_dir: str | Path,
    params: DetectionParameters | None = None,
    tcd_path: str | Path | None = None,
    block_rows: int = 512,
    feedback=None,
    *,
    expert: bool = True,
    version: str | None = None,
) -> DetectionOutputs:
    """Detect snow on one Theia L2A product (folder, zip or ``L2AProduct``) and write the
    outputs into ``out_dir``.

    ``dem_path`` is any raster covering the product (resampled bilinearly onto the 20 m grid
    when needed); ``tcd_path`` an optional tree cover density (%) for FSC-OG. ``feedback``
    (QgsFeedback-like: ``isCanceled``, ``setProgress``, ``pushInfo``) cancels between windows.
    Raises ``ProductError``/``GridError``/``CoverageError`` (all ``ValueError``) for bad input,
    ``CancelledError`` when cancelled; no output is left behind in either case.
    """
    params = params or DetectionParameters()
    if block_rows < 1:
        raise ValueError(tr("block_rows must be at least 1 (got {value})").format(value=block_rows))
    inputs = SnowInputs.open(product, dem_path, tcd_path)
    product = inputs.product
    grid = inputs.grid
    version = version or _default_version()
    if inputs.dem_resampled:
        _info(
            feedback,
            tr(
                "The DEM {path} is not on the product's 20 m grid: it is resampled onto it "
                "(bilinear)."
            ).format(path=inputs.dem),
        )
    kinds = ["SEB", "FSC-TOC", *(["FSC-OG"] if inputs.tcd else []), "NDSI"]
    if expert:
        kinds.append("EXPERT")
    windows = [
        (row0, min(block_rows, grid.height - row0)) for row0 in range(0, grid.height, block_rows)
    ]
    steps = 3 * len(windows)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = out_dir / f".snow-{product.product_id}-{uuid.uuid4().hex[:8]}.part"
    staging.mkdir()
    try:
        detector = SnowDetector((grid.height, grid.width), params)
        step = 0
        with inputs.reader(spill_dir=staging) as reader:
            for row0, rows in windows:
                _check_cancel(feedback)
                red, dem = reader.red_dem(row0, rows)
                missing = int(np.count_nonzero(~np.isfinite(dem)))
                if missing:
                    raise ValueError(
                        tr(
                            "The DEM {path} has no elevation for {count} pixels of the product "
                            "(rows {start}–{end} of the 20 m grid): it must cover the whole "
                            "product with valid values."
                        ).format(path=inputs.dem, count=missing, start=row0, end=row0 + rows)
                    )
                detector.scan(row0, red, dem)
                step += 1
                _progress(feedback, 100.0 * step / steps)
            for row0, rows in windows:
                _check_cancel(feedback)
                a = reader.read(row0, rows)
                detector.count(row0, a["green"], a["red"], a["swir"], a["clm"], a["dem"])
                step += 1
                _progress(feedback, 100.0 * step / steps)
            if detector.pass2_enabled:
                message = tr("Snowline zs = {zs} m; the second pass is enabled.")
            else:
                message = tr("Snowline zs = {zs} m; the second pass is disabled.")
            _info(feedback, message.format(zs=detector.zs))
            profile = {
                "driver": "GTiff",
                "width": grid.width,
                "height": grid.height,
                "count": 1,
                "dtype": "uint8",
                "crs": grid.crs,
                "transform": grid.transform,
            }
            names = {
                kind: l2b_name(kind, product.tile, product.acquired, version) for kind in kinds
            }
            with ExitStack() as stack:
                # No overviews: CogWriter averages them, which mixes codes (0/100/205/255).
                writers = {
                    kind: stack.enter_context(
                        CogWriter(
                            staging / names[kind],
                            {**profile, "nodata": OUTPUT_NODATA.get(kind)},
                            overviews=False,
                        )
                    )
                    for kind in kinds
                }
                for row0, rows in windows:
                    _check_cancel(feedback)
                    a = reader.read(row0, rows)
                    layers = detector.classify(
                        row0, a["green"], a["red"], a["swir"], a["clm"], a["dem"], a["tcd"]
                    )
                    window = reader.window(row0, rows)
                    for kind, writer in writers.items():
                        writer.write(getattr(layers, _LAYER_FIELDS[kind]), window)
                    step += 1
                    _progress(feedback, 100.0 * step / steps)
                _check_cancel(feedback)
        metadata = {
            "product_id": product.product_id,
            "tile": product.tile,
            "acquired": product.acquired.isoformat(),
            "zs": int(detector.zs),
            "snow_percent": detector.snow_percent,
            "cloud_percent": detector.cloud_percent,
            "pass2_enabled": bool(detector.pass2_enabled),
            "parameters": asdict(params),
            # Paths as given, but a STAC item's signed URLs without their signature (a file
            # kept next to the outputs must not carry credentials).
            "inputs": {
                "green": _unsigned(inputs.green),
                "red": _unsigned(inputs.red),
                "swir": _unsigned(inputs.swir),
                "clm": _unsigned(inputs.clm),
                "dem": inputs.dem,
                "dem_resampled": inputs.dem_resampled,
                "tcd": inputs.tcd,
            },
            "outputs": {kind: names[kind] for kind in kinds},
            "version": version,
        }
        json_name = metadata_name(product.tile, product.acquired, version)
        (staging / json_name).write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        _check_cancel(feedback)
        staged = [(staging / names[kind], out_dir / names[kind]) for kind in kinds]
        staged.append((staging / json_name, out_dir / json_name))
        _publish(staged, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return DetectionOutputs(
        product_id=product.product_id,
        paths={kind: out_dir / names[kind] for kind in kinds},
        metadata=out_dir / json_name,
        zs=int(detector.zs),
        snow_percent=detector.snow_percent,
        cloud_percent=detector.cloud_percent,
        dem_resampled=inputs.dem_resampled,
    )


__all__ = ["DetectionOutputs", "detect_product", "metadata_name"]


def _unsigned(path: str) -> str:
    """A GDAL path without the query of a signed ``/vsicurl/`` URL (signature, key id)."""
    return path.split("?", 1)[0] if path.startswith("/vsicurl/") else path
