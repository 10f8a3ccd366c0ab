"""The footprints memory layer of one search: a polygon per item, item properties as fields."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from osgeo import ogr
from qgis.core import (
    QgsFeature,
    QgsField,
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
        self._types: dict[str, QVariant.Type] = {}
        provider = self.layer.dataProvider()
        provider.addAttributes([QgsField(name, kind) for name, kind in BASE_FIELDS])
        self.layer.updateFields()
        self._types.update(dict(BASE_FIELDS))

    def add(self, items: list[CatalogueItem]) -> None:
        """Add the footprints of a page (new property names become new fields)."""
        provider = self.layer.dataProvider()
        new_fields = []
        for item in items:
            for name, value in item.properties.items():
                key = self._field_name(name)
                if key not in self._types and value is not None:
                    self._types[key] = _variant_type(value)
                    new_fields.append(QgsField(key, self._types[key]))
        if new_fields:
            provider.addAttributes(new_fields)
            self.layer.updateFields()
        fields = self.layer.fields()
        features = []
        for item in items:
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
                key = self._field_name(name)
                if key in self._types and key not in values:
                    values[key] = _value(value, self._types[key])
            for key, value in values.items():
                feature.setAttribute(key, value)
            features.append(feature)
        ok, added = provider.addFeatures(features)
        if not ok:
            raise RuntimeError(
                tr("Could not add footprints to {layer}").format(layer=self.layer.name())
            )
        for item, feature in zip(items, added):
            self.fid_by_item[item.id] = feature.id()
            self.item_by_fid[feature.id()] = item.id
        self.layer.updateExtents()
        self.layer.triggerRepaint()

    @staticmethod
    def _field_name(name: str) -> str:
        # the base fields keep their meaning; a property of the same name gets a prefix
        return f"prop_{name}" if name in _BASE_NAMES else name
