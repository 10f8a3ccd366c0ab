"""Reading the search parameters the catalogue algorithms share (lists, area, dates)."""

from __future__ import annotations

from datetime import date

from qgis.core import QgsCoordinateReferenceSystem

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def split_list(text: str | None) -> tuple[str, ...]:
    """Ids, collections or asset keys separated by commas, semicolons, new lines or spaces;
    each once, in order."""
    text = text or ""
    for separator in ",;\n\t":
        text = text.replace(separator, " ")
    return tuple(dict.fromkeys(part for part in text.split(" ") if part))


def extent_bbox(algorithm, parameters, name: str, context):
    """The extent parameter ``name`` as a (west, south, east, north) EPSG:4326 bbox, or None."""
    if parameters.get(name) in (None, ""):
        return None
    extent = algorithm.parameterAsExtent(parameters, name, context, WGS84)
    if extent.isNull() or extent.isEmpty():
        return None
    return (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())


def date_value(algorithm, parameters, name: str, context) -> date | None:
    """The date (or date-time) parameter ``name`` as a day, or None when not given."""
    if parameters.get(name) in (None, ""):
        return None
    value = algorithm.parameterAsDateTime(parameters, name, context)
    return value.date().toPyDate() if value.isValid() else None
