"""What spectral indices are computed from: a Theia L2A product, or any multiband raster.

An input says which raster band plays each Awesome Spectral Indices band (``N``, ``R``…),
how stored values become reflectance in [0, 1], which value is nodata, which mask layers
turn pixels to nodata, and on which grid the indices are computed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from theia_plugin.core.i18n import tr
from theia_plugin.core.indices.bands import LANDSAT_8_9, SENTINEL2_THEIA_L2A
from theia_plugin.core.raster.engine import Grid, Source
from theia_plugin.core.raster.theia_l2a import (
    NODATA,
    S2_RESOLUTION_GROUP,
    SCALE,
    L2AProduct,
    ProductError,
)

# Theia L2A mask bits (MAJA format; shared/docs/snow.md §1).
CLM_BITS = {
    "clouds_and_shadows": 1,  # all clouds except the thinnest, and all shadows
    "clouds": 2,  # all clouds except the thinnest
    "mono_temporal": 4,
    "multi_temporal": 8,
    "thinnest": 16,
    "shadows": 32,  # shadows of detected clouds
    "shadows_outside": 64,  # shadows of clouds outside the image
    "high_clouds": 128,  # 1.38 µm
}
MG2_BITS = {
    "water": 1,
    "clouds": 2,
    "snow": 4,
    "shadows": 8,
    "topographic_shadows": 16,
    "hidden_by_relief": 32,
    "sun_too_low": 64,
    "sun_tangent": 128,
}
#: SAT has one bit per band of its resolution group, in this order.
SAT_BAND_ORDER = {1: ("B2", "B3", "B4", "B8"), 2: ("B5", "B6", "B7", "B8A", "B11", "B12")}


@dataclass(frozen=True)
class MaskOptions:
    """Which flagged pixels become nodata.

    ``cloud``: CLM ≠ 0 (Theia's own advice), or only ``cloud_bits`` when given (a sum of
    :data:`CLM_BITS` values); ``edge``: EDG ≠ 0; ``geophysical_bits``: MG2 bits (water,
    snow, topographic shadows, sun too low… see :data:`MG2_BITS`); ``saturation``: a band the
    indices use is saturated (SAT).
    """

    cloud: bool = True
    edge: bool = True
    cloud_bits: int | None = None
    geophysical_bits: int = 0
    saturation: bool = False


@dataclass(frozen=True)
class MaskLayer:
    """Pixels where ``source & bits`` is not 0 become nodata (``bits`` None: any value ≠ 0)."""

    source: Source
    bits: int | None = None


class IndexInput:
    """Base of the inputs :func:`~theia_plugin.core.indices.compute.compute_indices` reads."""

    label: str
    band_map: Mapping[str, str]  # ASI band name → the input's band name (for messages)
    scale: float = 1.0
    offset: float = 0.0
    nodata: float | None = None

    @property
    def gdal_options(self) -> dict[str, str]:
        """GDAL configuration for reading this input (e.g. ``/vsicurl/`` tuning)."""
        return {}

    def band(self, asi_name: str) -> Source:
        raise NotImplementedError

    def missing(self, asi_names: Sequence[str]) -> list[str]:
        """The input's names of the bands among ``asi_names`` it does not have."""
        raise NotImplementedError

    def grid(self, resolution: float | None) -> Grid:
        raise NotImplementedError

    def finest_resolution(self, asi_names: Sequence[str]) -> float | None:
        """The resolution to compute at when the finest of the bands read is wanted."""
        return None

    def mask_layers(
        self, options: MaskOptions, resolution: float | None, asi_names: Sequence[str]
    ) -> dict[str, MaskLayer]:
        return {}


@dataclass
class TheiaL2AInput(IndexInput):
    """A Theia L2A product (folder, zip or STAC item): int16 reflectance × 10000."""

    product: L2AProduct
    scale: float = 1 / SCALE
    nodata: float | None = NODATA

    def __post_init__(self) -> None:
        self.label = self.product.product_id
        landsat = self.product.platform.upper().startswith("LANDSAT")
        self.band_map = LANDSAT_8_9 if landsat else SENTINEL2_THEIA_L2A

    @property
    def gdal_options(self) -> dict[str, str]:
        return dict(self.product.gdal_options)

    def band(self, asi_name: str) -> Source:
        return Source(self.product.band(self.band_map[asi_name]))

    def missing(self, asi_names: Sequence[str]) -> list[str]:
        missing = []
        for name in asi_names:
            band = self.band_map.get(name)
            if band is None:
                missing.append(
                    tr("{name} (no such band in {platform} L2A products)").format(
                        name=name, platform=self.product.platform
                    )
                )
            elif f"FRE_{band}" not in self.product.bands:
                missing.append(band)
        return missing

    def finest_resolution(self, asi_names: Sequence[str]) -> float | None:
        groups = {S2_RESOLUTION_GROUP.get(self.band_map.get(name, ""), 1) for name in asi_names}
        return 10 if 1 in groups or not groups else 20

    def grid(self, resolution: float | None) -> Grid:
        resolution = resolution or 10
        group = 1 if resolution == 10 else 2
        for key, path in sorted(self.product.bands.items()):
            if key.startswith("FRE_") and S2_RESOLUTION_GROUP.get(key[4:]) == group:
                return Grid.of(path)
        return Grid.of(next(iter(self.product.bands.values()))).resampled(resolution)

    def mask_layers(self, options, resolution, asi_names) -> dict[str, MaskLayer]:
        group = 1 if (resolution or 10) == 10 else 2

        def layer(mask: str, bits: int | None, group: int = group) -> MaskLayer:
            return MaskLayer(Source(self.product.mask(mask, group), bits=True), bits)

        layers = {}
        if options.cloud:
            layers["_CLM"] = layer("CLM", options.cloud_bits or None)
        if options.edge:
            layers["_EDG"] = layer("EDG", None)
        if options.geophysical_bits:
            layers["_MG2"] = layer("MG2", options.geophysical_bits)
        if options.saturation:
            bands = {self.band_map[name] for name in asi_names}
            for sat_group, order in SAT_BAND_ORDER.items():
                bits = sum(1 << order.index(b) for b in bands if b in order)
                if bits:
                    layers[f"_SAT_R{sat_group}"] = layer("SAT", bits, sat_group)
        return layers


_MAPPING_ITEM = r"\s*(?P<name>[A-Za-z][A-Za-z0-9]*)\s*[=:]\s*(?P<band>\d+)\s*"


def parse_band_mapping(text: str) -> dict[str, int]:
    """``"R=3, N=4"`` (or ``R:3`` / one per line) → ``{"R": 3, "N": 4}``."""
    mapping: dict[str, int] = {}
    for item in re.split(r"[,;\n]", text):
        if not item.strip():
            continue
        match = re.fullmatch(_MAPPING_ITEM, item)
        if match is None:
            raise ProductError(
                tr(
                    "Band mapping item “{item}” is not understood: expected NAME=BAND, e.g. "
                    "“R=3, N=4” (ASI band names, raster band numbers from 1)."
                ).format(item=item.strip())
            )
        mapping[match["name"]] = int(match["band"])
    return mapping


@dataclass
class MultibandRasterInput(IndexInput):
    """Any raster: ``mapping`` gives the band number (from 1) of each ASI band name."""

    path: str
    mapping: dict[str, int]
    scale: float = 1.0
    offset: float = 0.0
    nodata: float | None = None
    _count: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        import rasterio

        from theia_plugin.core.indices.data import raw_bands

        try:
            with rasterio.open(self.path) as dataset:
                self._count = dataset.count
                file_nodata = dataset.nodata
        except rasterio.errors.RasterioIOError as exc:
            raise ProductError(
                tr("{path} is not a readable raster (corrupt or truncated?): {error}").format(
                    path=self.path, error=exc
                )
            ) from exc
        if self.nodata is None and file_nodata is not None:
            self.nodata = file_nodata
        if not self.scale or not math.isfinite(self.scale):
            raise ProductError(
                tr("The reflectance scale factor must be a finite number other than 0.")
            )
        known = raw_bands()
        unknown = sorted(name for name in self.mapping if name not in known)
        if unknown:
            raise ProductError(
                tr(
                    "{names}: not Awesome Spectral Indices band names (expected some of {known})."
                ).format(names=", ".join(unknown), known=", ".join(known))
            )
        wrong = sorted(f"{n}={b}" for n, b in self.mapping.items() if not 1 <= b <= self._count)
        if wrong:
            raise ProductError(
                tr("{path} has {count} band(s); the mapping asks for {wrong}.").format(
                    path=self.path, count=self._count, wrong=", ".join(wrong)
                )
            )
        from pathlib import Path

        self.label = Path(self.path).stem
        self.band_map = {name: f"{name} (band {band})" for name, band in self.mapping.items()}

    def band(self, asi_name: str) -> Source:
        return Source(self.path, self.mapping[asi_name])

    def missing(self, asi_names: Sequence[str]) -> list[str]:
        return [name for name in asi_names if name not in self.mapping]

    def grid(self, resolution: float | None) -> Grid:
        grid = Grid.of(self.path)
        return grid if resolution is None else grid.resampled(resolution)
