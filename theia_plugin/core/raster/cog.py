"""Cloud Optimized GeoTIFF output, written window by window and published atomically.

Windows go into a tiled, compressed GeoTIFF next to the destination; when every window is
written, GDAL's COG driver copies it (streaming, with overviews) into a second temporary file
that replaces the destination in one rename. A failure or a cancellation removes both
temporary files and leaves any previous destination untouched.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import numpy as np

from theia_plugin.core.i18n import tr


def _temporary_sibling(dest: Path, suffix: str) -> Path:
    return dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}{suffix}")


class CogWriter:
    """Context manager: ``with CogWriter(dest, profile) as out: out.write(array, window)``."""

    def __init__(self, dest: str | Path, profile: dict, overviews: bool = True):
        import rasterio

        self._rasterio = rasterio
        self.dest = Path(dest)
        self.dest.parent.mkdir(parents=True, exist_ok=True)
        dtype = np.dtype(profile["dtype"])
        self.predictor = 3 if dtype.kind == "f" else 2
        self.profile = {
            **profile,
            "driver": "GTiff",
            "tiled": True,
            "blockxsize": 512,
            "blockysize": 512,
            # The draft is compressed quickly: the COG copy re-encodes it anyway, and
            # compressing both with DEFLATE would double the dominant cost.
            "compress": "ZSTD",
            "zstd_level": 1,
            "BIGTIFF": "YES",
        }
        self.overviews = overviews
        self._draft = _temporary_sibling(self.dest, ".part.tif")
        self._dataset = None

    def __enter__(self) -> CogWriter:
        self._dataset = self._rasterio.open(self._draft, "w", **self.profile)
        return self

    def write(self, array: np.ndarray, window, band: int = 1) -> None:
        self._dataset.write(array, band, window=window)

    def set_band_description(self, band: int, text: str) -> None:
        self._dataset.set_band_description(band, text)

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self._dataset.close()
            if exc_type is None:
                self._publish()
        finally:
            self._draft.unlink(missing_ok=True)

    def _publish(self) -> None:
        from osgeo import gdal

        gdal.UseExceptions()
        final_draft = _temporary_sibling(self.dest, ".part.tif")
        options = [
            "COMPRESS=DEFLATE",
            f"PREDICTOR={self.predictor}",
            "BLOCKSIZE=512",
            "BIGTIFF=IF_SAFER",
            "NUM_THREADS=ALL_CPUS",
            f"OVERVIEWS={'AUTO' if self.overviews else 'NONE'}",
            "OVERVIEW_RESAMPLING=AVERAGE",
        ]
        try:
            result = gdal.Translate(
                str(final_draft), str(self._draft), format="COG", creationOptions=options
            )
            if result is None:
                raise OSError(tr("GDAL could not write {path}.").format(path=self.dest))
            result = None
            os.replace(final_draft, self.dest)
        finally:
            final_draft.unlink(missing_ok=True)
