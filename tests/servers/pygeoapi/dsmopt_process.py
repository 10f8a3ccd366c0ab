"""A DSM-OPT-like pygeoapi process (runs inside the pygeoapi venv, not the plugin's).

Takes the DSM-OPT inputs (2–3 ``images``, ``roi`` [xmin, ymin, xmax, ymax] in EPSG:2154,
``zoomF`` ∈ {1, 2, 4, 8}, a ``name``), waits ``DSMOPT_PYGEOAPI_SECONDS`` (so that a client sees
the job running), and writes a small DSM (GeoTIFF, EPSG:2154, a smooth hill over the ROI at
10 m × ``zoomF``) into ``DSMOPT_PYGEOAPI_FILES``, published at ``DSMOPT_PYGEOAPI_FILES_URL``.
The outputs are links, as the DSM-OPT client expects.
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import numpy as np
import rasterio
from pygeoapi.process.base import BaseProcessor, ProcessorExecuteError
from rasterio.transform import from_origin

PROCESS_METADATA = {
    "version": "1.0.0",
    "id": "dsm-opt",
    "title": "DSM-OPT (pygeoapi test process)",
    "description": "A digital surface model from 2 or 3 stereo images (synthetic).",
    "jobControlOptions": ["sync-execute", "async-execute"],
    "keywords": ["DSM", "stereo"],
    "links": [],
    "inputs": {
        "name": {"title": "Job name", "schema": {"type": "string"}, "minOccurs": 0, "maxOccurs": 1},
        "images": {
            "title": "Stereo images (2 or 3)",
            "schema": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 3},
            "minOccurs": 1,
            "maxOccurs": 1,
        },
        "roi": {
            "title": "Region of interest (EPSG:2154)",
            "schema": {"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 4},
            "minOccurs": 1,
            "maxOccurs": 1,
        },
        "zoomF": {
            "title": "DSM resolution factor",
            "schema": {"type": "integer", "enum": [1, 2, 4, 8], "default": 2},
            "minOccurs": 0,
            "maxOccurs": 1,
        },
    },
    "outputs": {
        "A3": {
            "title": "A3 DSM",
            "schema": {"type": "object", "contentMediaType": "application/json"},
        }
    },
    "example": {"inputs": {"images": ["F", "B"], "roi": [560000, 6207440, 562560, 6210000]}},
}

PIXEL_M = 10.0


class DsmOptProcessor(BaseProcessor):
    def __init__(self, processor_def):
        super().__init__(processor_def, PROCESS_METADATA)

    def execute(self, data, outputs=None):
        images = data.get("images")
        if not isinstance(images, list) or not 2 <= len(images) <= 3:
            raise ProcessorExecuteError("images: 2 or 3 stereo images expected")
        roi = data.get("roi")
        if not isinstance(roi, list) or len(roi) != 4 or roi[0] >= roi[2] or roi[1] >= roi[3]:
            raise ProcessorExecuteError("roi: [xmin, ymin, xmax, ymax] expected")
        zoom = int(data.get("zoomF", 2))
        if zoom not in (1, 2, 4, 8):
            raise ProcessorExecuteError("zoomF: one of 1, 2, 4, 8 expected")
        time.sleep(float(os.environ.get("DSMOPT_PYGEOAPI_SECONDS", "1")))
        pixel = PIXEL_M * zoom
        width = max(1, int((roi[2] - roi[0]) / pixel))
        height = max(1, int((roi[3] - roi[1]) / pixel))
        cols, rows = np.meshgrid(np.linspace(-1, 1, width), np.linspace(-1, 1, height))
        dsm = (800.0 + 600.0 * np.exp(-(cols**2 + rows**2) * 2.0)).astype("float32")
        folder = Path(os.environ["DSMOPT_PYGEOAPI_FILES"])
        folder.mkdir(parents=True, exist_ok=True)
        name = f"A3_DSM_{uuid.uuid4().hex[:8]}.tif"
        part = folder / f".{name}.part"
        profile = {
            "driver": "GTiff",
            "width": width,
            "height": height,
            "count": 1,
            "dtype": "float32",
            "crs": "EPSG:2154",
            "transform": from_origin(roi[0], roi[3], pixel, pixel),
            "tiled": True,
            "blockxsize": 256,
            "blockysize": 256,
        }
        with rasterio.open(part, "w", **profile) as dataset:
            dataset.write(dsm, 1)
        part.replace(folder / name)
        base = os.environ["DSMOPT_PYGEOAPI_FILES_URL"].rstrip("/")
        return "application/json", {
            "A3": {
                "href": f"{base}/{name}",
                "type": "image/tiff; application=geotiff",
                "title": f"A3 DSM of {data.get('name') or 'job'}",
            }
        }

    def __repr__(self):
        return "<DsmOptProcessor>"
