"""Cloud Optimized GeoTIFF output, written window by window and published atomically.

Windows go into a tiled, uncompressed GeoTIFF draft next to the destination, and its
overview levels are averaged from the same rows as they are written (no second read). When
every window is written, GDAL's COG driver copies the draft and its overviews, compressing
them on all cores, into a second temporary file that replaces the destination in one rename.
Compressing once, at the end, is the whole cost of the COG: the draft costs a memory copy.
A failure or a cancellation removes both temporary files and leaves any previous destination
untouched.

Memory: GDAL's block cache is shared by the whole process (QGIS's renderers included) and
its size is fixed when it is first used, so it is not ours to shrink (``GDAL_CACHEMAX`` set
later is ignored; ``gdal.SetCacheMax`` and ``rasterio.Env(GDAL_CACHEMAX=…)`` change it for every
thread). Instead, blocks are dropped as soon as they are written: the draft and each of its
overviews are flushed after every window, and the COG copy flushes its source (the draft) as
it progresses. Without that, a full tile fills the default cache (5 % of RAM) with dead blocks.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import numpy as np

from theia_plugin.core.i18n import tr
from theia_plugin.core.raster.overviews import OverviewPyramid, overview_factors


def _temporary_sibling(dest: Path, suffix: str) -> Path:
    return dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}{suffix}")


_GDAL_TYPES = {
    "uint8": "Byte",
    "int16": "Int16",
    "uint16": "UInt16",
    "int32": "Int32",
    "uint32": "UInt32",
    "float32": "Float32",
    "float64": "Float64",
}
_DRAFT_BLOCK = 512
#: Lossless codecs of the output. DEFLATE: readable everywhere (the default); ZSTD: about
#: three times cheaper to encode for the same size, read by GDAL ≥ 2.3 (every current QGIS)
#: but not by some older tools; LZW: the oldest.
COMPRESSIONS = ("DEFLATE", "ZSTD", "LZW")


class CogWriter:
    """Context manager: ``with CogWriter(dest, profile) as out: out.write(array, window)``.

    ``profile`` is rasterio-like (``width``, ``height``, ``count``, ``dtype``, ``crs``,
    ``transform``, ``nodata``). ``write`` may run in another thread than ``__enter__``, but
    never concurrently with another call on the same writer. With ``overviews`` (averages,
    for continuous values), windows must span the full width and come in row order.
    """

    def __init__(
        self,
        dest: str | Path,
        profile: dict,
        overviews: bool = True,
        compression: str = "DEFLATE",
        feedback=None,
    ):
        if compression not in COMPRESSIONS:
            raise ValueError(
                tr("Unknown compression {name}; expected one of {known}.").format(
                    name=compression, known=", ".join(COMPRESSIONS)
                )
            )
        self.compression = compression
        self.feedback = feedback  # isCanceled() is honoured while the COG is compressed too
        self.dest = Path(dest)
        self.dest.parent.mkdir(parents=True, exist_ok=True)
        dtype = np.dtype(profile["dtype"])
        self.predictor = 3 if dtype.kind == "f" else 2
        self.profile = dict(profile)
        self.overviews = overviews
        self._draft = _temporary_sibling(self.dest, ".part.tif")
        self._dataset = None

    def __enter__(self) -> CogWriter:
        from osgeo import gdal

        gdal.UseExceptions()
        p = self.profile
        options = [
            "TILED=YES",
            f"BLOCKXSIZE={_DRAFT_BLOCK}",
            f"BLOCKYSIZE={_DRAFT_BLOCK}",
            # Uncompressed: the COG copy encodes every block anyway, and encoding is the
            # dominant cost of the whole computation.
            "COMPRESS=NONE",
            "BIGTIFF=YES",
        ]
        gdal_type = gdal.GetDataTypeByName(_GDAL_TYPES[np.dtype(p["dtype"]).name])
        dataset = gdal.GetDriverByName("GTiff").Create(
            str(self._draft), p["width"], p["height"], p.get("count", 1), gdal_type, options
        )
        if p.get("crs") is not None:
            from rasterio.crs import CRS

            dataset.SetProjection(CRS.from_user_input(p["crs"]).to_wkt())
        if p.get("transform") is not None:
            dataset.SetGeoTransform(p["transform"].to_gdal())
        if p.get("nodata") is not None:
            for band in range(1, dataset.RasterCount + 1):
                dataset.GetRasterBand(band).SetNoDataValue(float(p["nodata"]))
        self._pyramids = {}
        if self.overviews:
            factors = overview_factors(p["width"], p["height"], _DRAFT_BLOCK)
            if factors:
                dataset.BuildOverviews("NONE", factors)  # empty levels, filled as rows come
            for band in range(1, dataset.RasterCount + 1):
                self._pyramids[band] = OverviewPyramid(
                    p["width"], p["height"], len(factors), p.get("nodata")
                )
        self._dataset = dataset
        return self

    def write(self, array: np.ndarray, window, band: int = 1) -> None:
        """Write ``array`` at ``window`` (a rasterio Window with integer offsets)."""
        row = int(window.row_off)
        target = self._dataset.GetRasterBand(band)
        target.WriteArray(array, int(window.col_off), row)
        # Every block written goes to disk and leaves the cache at once (overview levels each
        # for itself: flushing the dataset leaves their blocks cached). The draft being
        # uncompressed, completing a block flushed half-written only reads it back.
        target.FlushCache()
        pyramid = self._pyramids.get(band)
        if pyramid is not None:
            if int(window.col_off) != 0 or array.shape[1] != target.XSize:
                raise ValueError("windows of a COG with overviews must span the full width")
            for level, level_row, rows in pyramid.push(array):
                overview = target.GetOverview(level - 1)
                overview.WriteArray(rows, 0, level_row)
                overview.FlushCache()

    def _canceled(self) -> bool:
        return self.feedback is not None and bool(self.feedback.isCanceled())

    def set_band_description(self, band: int, text: str) -> None:
        self._dataset.GetRasterBand(band).SetDescription(text)

    def set_metadata(self, tags: dict[str, str]) -> None:
        """Dataset metadata items (GDAL's default domain), kept by the COG copy."""
        for key, value in tags.items():
            self._dataset.SetMetadataItem(key, value)

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            dataset, self._dataset = self._dataset, None
            if dataset is not None:
                dataset.FlushCache()
                dataset = None  # closes it
            if exc_type is None:
                self._publish()
        finally:
            self._draft.unlink(missing_ok=True)

    def _publish(self) -> None:
        from osgeo import gdal

        gdal.UseExceptions()
        final_draft = _temporary_sibling(self.dest, ".part.tif")
        options = [
            f"COMPRESS={self.compression}",
            f"PREDICTOR={self.predictor}",
            "BLOCKSIZE=512",
            "BIGTIFF=IF_SAFER",
            "NUM_THREADS=ALL_CPUS",
            # The draft's own levels (averaged as rows were written); none when not wanted.
            f"OVERVIEWS={'FORCE_USE_EXISTING' if self.overviews else 'NONE'}",
        ]
        source = gdal.Open(str(self._draft))
        flushed = [0.0]

        def drop_read_blocks(complete, message, data):
            # Called between chunks of the copy: the draft's blocks read so far are not
            # needed again (the copy reads each level in order, once).
            if complete - flushed[0] >= 1 / 128:
                source.FlushCache()
                flushed[0] = complete
            return 0 if self._canceled() else 1

        try:
            try:
                result = gdal.Translate(
                    str(final_draft),
                    source,
                    format="COG",
                    creationOptions=options,
                    callback=drop_read_blocks,
                )
            except RuntimeError:
                if not self._canceled():
                    raise
                result = None
            if result is None and self._canceled():
                from theia_plugin.core.raster.engine import CancelledError

                raise CancelledError(tr("Cancelled by the user"))
            if result is None:
                raise OSError(tr("GDAL could not write {path}.").format(path=self.dest))
            result = None
            source = None
            os.replace(final_draft, self.dest)
        finally:
            source = None
            final_draft.unlink(missing_ok=True)
