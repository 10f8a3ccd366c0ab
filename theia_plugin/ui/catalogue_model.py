"""The results table of the catalogue dock: one row per item, pages appended as they arrive.

Dragging rows gives ``QgsMimeDataUtils`` layer URIs (the item's data assets), so the map
canvas and the Layers panel turn a dropped result into layers.
"""

from __future__ import annotations

from qgis.core import QgsMimeDataUtils
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QPixmap

from theia_plugin.core.catalogue.layers import LayerSpec, Signer, item_layer_specs, primary_keys
from theia_plugin.core.catalogue.model import CatalogueItem
from theia_plugin.core.i18n import tr

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
THUMBNAIL_SIZE = 64


def mime_uri(spec: LayerSpec) -> QgsMimeDataUtils.Uri:
    uri = QgsMimeDataUtils.Uri()
    uri.layerType = spec.layer_type
    uri.providerKey = spec.provider
    uri.name = spec.name
    uri.uri = spec.uri
    return uri


def date_text(item: CatalogueItem) -> str:
    fmt = "%Y-%m-%d"
    if item.datetime is not None and (item.start in (None, item.datetime)):
        return item.datetime.strftime("%Y-%m-%d %H:%M")
    if item.start and item.end and item.start != item.end:
        return f"{item.start.strftime(fmt)} → {item.end.strftime(fmt)}"
    moment = item.sort_datetime
    return moment.strftime(fmt) if moment else ""


class ResultsModel(QAbstractTableModel):
    """Items of one search (columns: title with thumbnail, date(s), collection, cloud cover)."""

    COLUMNS = ("title", "date", "collection", "cloud")

    def __init__(self, parent=None, signer: Signer | None = None):
        super().__init__(parent)
        self.items: list[CatalogueItem] = []
        self.thumbnails: dict[str, QPixmap] = {}
        self.signer = signer
        self._rows: dict[str, int] = {}

    # --- content ----------------------------------------------------------------------------
    def clear(self) -> None:
        self.beginResetModel()
        self.items = []
        self.thumbnails = {}
        self._rows = {}
        self.endResetModel()

    def append(self, items: list[CatalogueItem]) -> list[CatalogueItem]:
        """Add a page (items already listed are skipped); returns the items added."""
        new = [i for i in items if i.id not in self._rows]
        if not new:
            return []
        first = len(self.items)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for offset, item in enumerate(new):
            self._rows[item.id] = first + offset
            self.items.append(item)
        self.endInsertRows()
        return new

    def row_of(self, item_id: str) -> int:
        return self._rows.get(item_id, -1)

    def item(self, row: int) -> CatalogueItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def set_thumbnail(self, item_id: str, pixmap: QPixmap) -> None:
        row = self.row_of(item_id)
        if row < 0 or pixmap.isNull():
            return
        self.thumbnails[item_id] = pixmap.scaled(
            THUMBNAIL_SIZE,
            THUMBNAIL_SIZE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    # --- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [tr("Title"), tr("Date"), tr("Collection"), tr("Cloud %")][section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return item.title or item.id
            if column == "date":
                return date_text(item)
            if column == "collection":
                return item.collection
            if column == "cloud":
                return "" if item.cloud_cover is None else f"{item.cloud_cover:.0f}"
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return item.id
        if role == Qt.ItemDataRole.DecorationRole and column == "title":
            return self.thumbnails.get(item.id)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "cloud":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # --- drag and drop ------------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return ["application/x-vnd.qgis.qgis.uri"]

    def layer_specs(self, rows: list[int]) -> list[LayerSpec]:
        """Layers of the items of ``rows`` (their primary assets), in row order."""
        specs: list[LayerSpec] = []
        for row in sorted(set(rows)):
            item = self.item(row)
            if item is not None:
                specs += item_layer_specs(item, primary_keys(item), self.signer)
        return specs

    def mimeData(self, indexes):
        rows = [i.row() for i in indexes if i.isValid()]
        return QgsMimeDataUtils.encodeUriList([mime_uri(s) for s in self.layer_specs(rows)])
