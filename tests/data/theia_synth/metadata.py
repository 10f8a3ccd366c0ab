"""A minimal but faithful ``<ID>_MTD_ALL.xml`` (MUSCATE metadata document).

Only the parts readers actually use are written, with MUSCATE's element names and nesting:
identification (``IDENTIFIER``, ``GEOGRAPHICAL_ZONE``), ``Product_Characteristics``
(``ACQUISITION_DATE``, ``PLATFORM``, band lists), the list of image and mask files, the
geopositioning of each resolution group, mean sun angles, the nodata/quantification values
and the cloud and snow percentages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from .grid import ProductGrid
from .naming import band_file, mask_file
from .reflectance import BANDS, BANDS_R1, BANDS_R2

NODATA = -10000
QUANTIFICATION = 10000


@dataclass(frozen=True)
class MetadataFacts:
    product_id: str
    platform: str
    acquired: datetime
    grid: ProductGrid
    orbit: int
    sun_zenith: float
    sun_azimuth: float
    cloud_percent: float
    snow_percent: float
    kinds: Sequence[str] = ("FRE",)


def _sub(parent: ET.Element, tag: str, text: object = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    if text is not None:
        element.text = str(text)
    return element


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _band_lists(parent: ET.Element) -> None:
    global_list = _sub(parent, "Band_Global_List", count=str(len(BANDS)))
    for band in BANDS:
        _sub(global_list, "BAND_ID", band)
    groups = _sub(parent, "Band_Group_List")
    for group_id, bands in (("R1", BANDS_R1), ("R2", BANDS_R2)):
        group = _sub(groups, "Group", group_id=group_id)
        band_list = _sub(group, "Band_List", count=str(len(bands)))
        for band in bands:
            _sub(band_list, "BAND_ID", band)


def _images(parent: ET.Element, facts: MetadataFacts) -> None:
    natures = {"SRE": "Surface_Reflectance", "FRE": "Flat_Reflectance"}
    image_list = _sub(parent, "Image_List")
    for kind in facts.kinds:
        image = _sub(image_list, "Image")
        properties = _sub(image, "Image_Properties")
        _sub(properties, "NATURE", natures[kind])
        _sub(properties, "FORMAT", "image/tiff")
        _sub(properties, "ENCODING", "int16")
        _sub(properties, "ENDIANNESS", "LittleEndian")
        _sub(properties, "COMPRESSION", "DEFLATE")
        files = _sub(image, "Image_File_List")
        for band in BANDS:
            _sub(files, "IMAGE_FILE", band_file(facts.product_id, band, kind), band_id=band)


def _masks(parent: ET.Element, facts: MetadataFacts) -> None:
    natures = {"CLM": "Cloud", "MG2": "Geophysics", "EDG": "Edge", "SAT": "Saturation"}
    mask_list = _sub(parent, "Mask_List")
    for name, nature in natures.items():
        mask = _sub(mask_list, "Mask")
        properties = _sub(mask, "Mask_Properties")
        _sub(properties, "NATURE", nature)
        _sub(properties, "FORMAT", "image/tiff")
        _sub(properties, "ENCODING", "byte")
        _sub(properties, "ENDIANNESS", "LittleEndian")
        _sub(properties, "COMPRESSION", "DEFLATE")
        files = _sub(mask, "Mask_File_List")
        for resolution, bands in (("R1", BANDS_R1), ("R2", BANDS_R2)):
            path = mask_file(facts.product_id, name, resolution)
            if name == "SAT":  # one bit per band of the group
                for bit, band in enumerate(bands):
                    _sub(files, "MASK_FILE", path, band_id=band, bit_number=str(bit))
            else:
                _sub(files, "MASK_FILE", path, group_id=resolution)


def _geoposition(parent: ET.Element, grid: ProductGrid) -> None:
    crs = _sub(_sub(parent, "Coordinate_Reference_System"), "Horizontal_Coordinate_System")
    _sub(crs, "HORIZONTAL_CS_TYPE", "PROJECTED")
    _sub(crs, "HORIZONTAL_CS_NAME", grid.crs.to_wkt().split('"')[1])
    _sub(crs, "HORIZONTAL_CS_CODE", grid.epsg)
    raster_cs = _sub(parent, "Raster_CS")
    _sub(raster_cs, "RASTER_CS_TYPE", "CELL")
    _sub(raster_cs, "PIXEL_ORIGIN", 0)
    geopositioning = _sub(parent, "Geopositioning")
    points = _sub(geopositioning, "Global_Geopositioning")
    lonlat = grid.corners_lonlat()
    for name, (x, y) in grid.corners_xy().items():
        point = _sub(points, "Point", name=name)
        _sub(point, "LAT", f"{lonlat[name][1]:.9f}")
        _sub(point, "LON", f"{lonlat[name][0]:.9f}")
        _sub(point, "X", f"{x:.0f}")
        _sub(point, "Y", f"{y:.0f}")
    groups = _sub(geopositioning, "Group_Geopositioning_List")
    for resolution in ("R1", "R2"):
        transform = grid.transform(resolution)
        group = _sub(groups, "Group_Geopositioning", group_id=resolution)
        _sub(group, "ULX", f"{transform.c:.0f}")
        _sub(group, "ULY", f"{transform.f:.0f}")
        _sub(group, "XDIM", f"{transform.a:.0f}")
        _sub(group, "YDIM", f"{transform.e:.0f}")
        _sub(group, "NROWS", grid.size(resolution))
        _sub(group, "NCOLS", grid.size(resolution))


def write_metadata(path: Path, facts: MetadataFacts) -> None:
    root = ET.Element("Muscate_Metadata_Document")
    ident = _sub(root, "Metadata_Identification")
    _sub(ident, "METADATA_FORMAT", "METADATA_MUSCATE", version="1.17")
    _sub(ident, "METADATA_PROFILE", "USER")
    _sub(ident, "METADATA_INFORMATION", "EXPERT")

    dataset = _sub(root, "Dataset_Identification")
    _sub(dataset, "IDENTIFIER", facts.product_id)
    _sub(dataset, "AUTHORITY", "THEIA")
    _sub(dataset, "PRODUCER", "MUSCATE")
    _sub(dataset, "PROJECT", "SENTINEL2")
    _sub(dataset, "GEOGRAPHICAL_ZONE", facts.grid.tile, type="Tile")
    _sub(dataset, "TITLE", facts.product_id)
    _sub(dataset, "DESCRIPTION", "Synthetic test product in the Theia L2A (MAJA) format")

    characteristics = _sub(root, "Product_Characteristics")
    _sub(characteristics, "PRODUCT_ID", facts.product_id)
    _sub(characteristics, "ACQUISITION_DATE", _iso(facts.acquired))
    # deterministic: bytes must not depend on when the generator ran
    _sub(characteristics, "PRODUCTION_DATE", _iso(facts.acquired + timedelta(days=1)))
    version = facts.product_id.rsplit("_V", 1)[1].replace("-", ".")
    _sub(characteristics, "PRODUCT_VERSION", version)
    _sub(characteristics, "PRODUCT_LEVEL", "L2A")
    _sub(characteristics, "PLATFORM", facts.platform)
    _sub(characteristics, "SPECTRAL_CONTENT", "XS")
    _sub(characteristics, "ORBIT_NUMBER", facts.orbit, type="Orbit")
    acquisition = _sub(characteristics, "UTC_Acquisition_Range")
    _sub(acquisition, "MEAN", _iso(facts.acquired))
    _sub(acquisition, "DATE_PRECISION", "0.001", unit="s")
    _band_lists(characteristics)

    organisation = _sub(_sub(root, "Product_Organisation"), "Muscate_Product")
    _images(organisation, facts)
    _masks(organisation, facts)

    _geoposition(_sub(root, "Geoposition_Informations"), facts.grid)

    geometry = _sub(_sub(root, "Geometric_Informations"), "Mean_Value_List")
    sun = _sub(geometry, "Sun_Angles")
    _sub(sun, "ZENITH_ANGLE", f"{facts.sun_zenith:.6f}", unit="deg")
    _sub(sun, "AZIMUTH_ANGLE", f"{facts.sun_azimuth:.6f}", unit="deg")

    radiometry = _sub(root, "Radiometric_Informations")
    _sub(radiometry, "REFLECTANCE_QUANTIFICATION_VALUE", QUANTIFICATION)
    special = _sub(radiometry, "Special_Values_List")
    _sub(special, "SPECIAL_VALUE", NODATA, name="nodata")

    quality = _sub(
        _sub(_sub(root, "Quality_Informations"), "Current_Product"),
        "Product_Quality_List",
        level="N2",
    )
    indices = _sub(_sub(quality, "Product_Quality"), "Global_Index_List")
    _sub(indices, "QUALITY_INDEX", f"{facts.cloud_percent:.0f}", name="CloudPercent")
    _sub(indices, "QUALITY_INDEX", f"{facts.snow_percent:.0f}", name="SnowPercent")

    ET.indent(root, space="  ")
    path.write_bytes(ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n")
