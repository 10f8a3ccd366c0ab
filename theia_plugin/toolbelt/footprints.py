"""Footprints of catalogue items as QGIS features: a polygon per item, its properties as fields.

Shared by the dock (one memory layer per search, :class:`Footprints`) and the Processing
algorithm "Search Theia catalogue" (:func:`item_fields`, :func:`item_feature`).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from osgeo import ogr
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from theia_plugin.core.catalogue.model import CatalogueItem, format_datetime
from theia_plugin.core.i18n import tr

#: fields every footprint has, before the item's own properties
BASE_FIELDS = (
    ("id", QVariant.String),
    ("collection", QVariant.String),
    ("title", QVariant.String),
    ("datetime", QVariant.String),
    ("start_datetime", QVariant.String),
    ("end_datetime", QVariant.String),
    ("cloud_cover", QVariant.Double),
)
_BASE_NAMES = {name for name, _ in BASE_FIELDS}


def _variant_type(value: Any) -> QVariant.Type:
    if isinstance(value, bool):
        return QVariant.Bool
    if isinstance(value, int):
        return QVariant.LongLong
    if isinstance(value, float):
        return QVariant.Double
    return QVariant.String


def _value(value: Any, kind: QVariant.Type) -> Any:
    if value is None:
        return None
    if kind == QVariant.String:
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if kind == QVariant.Double and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if kind == QVariant.LongLong and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == QVariant.Bool and isinstance(value, bool):
        return value
    return None  # a type the field cannot hold (the first item decided the field's type)


def _text(moment: datetime | None) -> str | None:
    return format_datetime(moment) if moment else None


def _geometry(item: CatalogueItem) -> QgsGeometry:
    if item.geometry:
        # QgsJsonUtils.geometryFromGeoJson only exists from QGIS 3.36: OGR parses GeoJSON here
        parsed = ogr.CreateGeometryFromJson(json.dumps(item.geometry))
        if parsed is not None:
            geometry = QgsGeometry.fromWkt(parsed.ExportToIsoWkt())
            if not geometry.isNull():
                geometry.convertToMultiType()
                return geometry
    if item.bbox and len(item.bbox) >= 4:
        west, south = item.bbox[0], item.bbox[1]
        east, north = item.bbox[-2], item.bbox[-1]
        return QgsGeometry.fromWkt(
            f"MULTIPOLYGON((({west} {south},{east} {south},{east} {north},{west} {north},"
            f"{west} {south})))"
        )
    return QgsGeometry()


def field_name(name: str) -> str:
    """The field of an item property (a property named like a base field gets a prefix)."""
    return f"prop_{name}" if name in _BASE_NAMES else name


def item_fields(items: list[CatalogueItem]) -> QgsFields:
    """The base fields then one per property name met in ``items`` (typed by its first value)."""
    fields = QgsFields()
    for name, kind in BASE_FIELDS:
        fields.append(QgsField(name, kind))
    for item in items:
        for name, value in item.properties.items():
            key = field_name(name)
            if fields.indexOf(key) < 0 and value is not None:
                fields.append(QgsField(key, _variant_type(value)))
    return fields


def item_feature(item: CatalogueItem, fields: QgsFields) -> QgsFeature:
    """The footprint of ``item`` with the attributes ``fields`` can hold."""
    feature = QgsFeature(fields)
    feature.setGeometry(_geometry(item))
    values = {
        "id": item.id,
        "collection": item.collection,
        "title": item.title or item.id,
        "datetime": _text(item.datetime),
        "start_datetime": _text(item.start),
        "end_datetime": _text(item.end),
        "cloud_cover": item.cloud_cover,
    }
    for name, value in item.properties.items():
        key = field_name(name)
        index = fields.indexOf(key)
        if index >= 0 and key not in values:
            values[key] = _value(value, fields.at(index).type())
    for key, value in values.items():
        if fields.indexOf(key) >= 0:
            feature.setAttribute(key, value)
    return feature


class Footprints:
    """Owns the memory layer of one search and the item id ↔ feature id mapping."""

    def __init__(self, name: str) -> None:
        self.layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", name, "memory")
        self.layer.setCustomProperty("theia/footprints", True)
        # outlines only: footprints must not hide the imagery loaded under them
        symbol = QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": "#d9480f", "outline_width": "0.5"}
        )
        self.layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        self.fid_by_item: dict[str, int] = {}
        self.item_by_fid: dict[int, str] = {}
        self.layer.dataProvider().addAttributes(list(item_fields([])))
        self.layer.updateFields()

    def add(self, items: list[CatalogueItem]) -> None:
        """Add the footprints of a page (new property names become new fields)."""
        provider = self.layer.dataProvider()
        known = self.layer.fields()
        new_fields = [f for f in item_fields(items) if known.indexOf(f.name()) < 0]
        if new_fields:
            provider.addAttributes(new_fields)
            self.layer.updateFields()
        fields = self.layer.fields()
        ok, added = provider.addFeatures([item_feature(item, fields) for item in items])
        if not ok:
            raise RuntimeError(
                tr("Could not add footprints to {layer}").format(layer=self.layer.name())
            )
        for item, feature in zip(items, added):
            self.fid_by_item[item.id] = feature.id()
            self.item_by_fid[feature.id()] = item.id
        self.layer.updateExtents()
        self.layer.triggerRepaint()
