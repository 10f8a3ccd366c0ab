"""Extra search filters built from the server's queryables (their JSON schemas).

One row per filter: a property, an operator among :data:`FILTER_OPERATORS` fitting its type,
and a value editor chosen from the schema (``enum`` → list, ``integer``/``number`` → spin box,
anything else → text). The rows give :attr:`SearchRequest.filters`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from theia_plugin.core.catalogue.model import FILTER_OPERATORS
from theia_plugin.core.i18n import tr

__all__ = ["FilterRow", "QueryableFilters"]

#: properties the dock's own filters (dates, area, collections) already cover
COVERED = {"datetime", "start_datetime", "end_datetime", "id", "collection", "geometry"}
NUMBER_OPERATORS = ("=", "!=", "<", "<=", ">", ">=")
TEXT_OPERATORS = ("=", "!=", "in", "like")
ENUM_OPERATORS = ("=", "!=")
_LIMIT = 1e12


def kind_of(schema: Mapping[str, Any]) -> str:
    """``enum``, ``integer``, ``number`` or ``text``: how a value of ``schema`` is edited."""
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return "enum"
    kind = schema.get("type")
    if isinstance(kind, list):  # ["number", "null"]
        kind = next((k for k in kind if k != "null"), None)
    return kind if kind in ("integer", "number") else "text"


def operators_for(kind: str) -> tuple[str, ...]:
    ops = {"enum": ENUM_OPERATORS, "text": TEXT_OPERATORS}.get(kind, NUMBER_OPERATORS)
    return tuple(op for op in ops if op in FILTER_OPERATORS)


class FilterRow(QWidget):
    """Property, operator and value of one filter."""

    def __init__(self, owner: QueryableFilters) -> None:
        super().__init__(owner)
        self.owner = owner
        self.schema: dict[str, Any] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.property_combo = QComboBox()
        self.property_combo.setObjectName("filterProperty")
        self.property_combo.setEditable(True)  # a property the server did not list
        self.operator_combo = QComboBox()
        self.operator_combo.setObjectName("filterOperator")
        self.value_widget: QWidget = QLineEdit()
        self.remove_button = QToolButton()
        self.remove_button.setText("−")
        self.remove_button.setToolTip(tr("Remove this filter"))
        self.remove_button.clicked.connect(lambda _checked=False: owner.remove_row(self))
        layout.addWidget(self.property_combo, 2)
        layout.addWidget(self.operator_combo, 0)
        layout.addWidget(self.value_widget, 2)
        layout.addWidget(self.remove_button)
        self.fill_properties()
        self.property_combo.currentTextChanged.connect(lambda _text: self._property_changed())
        self._property_changed()

    def name(self) -> str:
        index = self.property_combo.currentIndex()
        data = self.property_combo.itemData(index) if index >= 0 else None
        text = self.property_combo.currentText().strip()
        if data and text == self.property_combo.itemText(index):
            return str(data)
        return text

    def fill_properties(self) -> None:
        """The owner's queryables in the property list (the current choice kept)."""
        current = self.name()
        self.property_combo.blockSignals(True)
        self.property_combo.clear()
        for name, schema in self.owner.queryables.items():
            title = str(schema.get("title") or "")
            label = f"{title} ({name})" if title and title != name else name
            self.property_combo.addItem(label, name)
        index = self.property_combo.findData(current) if current else 0
        if index >= 0:
            self.property_combo.setCurrentIndex(index)
        else:
            self.property_combo.setEditText(current)
        self.property_combo.blockSignals(False)
        self._property_changed()

    def _property_changed(self) -> None:
        schema = dict(self.owner.queryables.get(self.name(), {}))
        if schema == self.schema and self.operator_combo.count():
            return
        self.schema = schema
        kind = kind_of(schema)
        operator = self.operator_combo.currentText()
        self.operator_combo.clear()
        self.operator_combo.addItems(list(operators_for(kind)))
        if operator in operators_for(kind):
            self.operator_combo.setCurrentText(operator)
        self._set_value_widget(self._editor(kind, schema))

    @staticmethod
    def _editor(kind: str, schema: Mapping[str, Any]) -> QWidget:
        low, high = schema.get("minimum", -_LIMIT), schema.get("maximum", _LIMIT)
        if kind == "enum":
            editor: QWidget = QComboBox()
            for value in schema["enum"]:
                editor.addItem(str(value), value)
        elif kind == "integer":
            editor = QSpinBox()
            editor.setRange(int(max(low, -(2**31))), int(min(high, 2**31 - 1)))
        elif kind == "number":
            editor = QDoubleSpinBox()
            editor.setDecimals(2)
            editor.setRange(float(low), float(high))
        else:
            editor = QLineEdit()
            editor.setPlaceholderText(tr("Value (comma-separated for “in”)"))
        editor.setObjectName("filterValue")
        return editor

    def _set_value_widget(self, widget: QWidget) -> None:
        self.layout().replaceWidget(self.value_widget, widget)
        self.value_widget.deleteLater()
        self.value_widget = widget

    def value(self) -> Any:
        widget = self.value_widget
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            return widget.value()
        text = widget.text().strip()
        if not text:
            raise ValueError(
                tr("The filter on “{name}” needs a value").format(name=self.name() or "?")
            )
        if self.operator_combo.currentText() == "in":
            return tuple(part.strip() for part in text.split(",") if part.strip())
        return text

    def set_value(self, value: Any) -> None:
        widget = self.value_widget
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value))
        elif isinstance(value, (tuple, list)):
            widget.setText(", ".join(str(v) for v in value))
        else:
            widget.setText(str(value))

    def set_filter(self, name: str, operator: str, value: Any) -> None:
        index = self.property_combo.findData(name)
        if index >= 0:
            self.property_combo.setCurrentIndex(index)
        else:
            self.property_combo.setEditText(name)
        self._property_changed()
        if self.operator_combo.findText(operator) < 0:
            self.operator_combo.addItem(operator)
        self.operator_combo.setCurrentText(operator)
        self.set_value(value)


class QueryableFilters(QGroupBox):
    """The filter rows; shown when the selected collections have queryables (or rows exist)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Property filters"), parent)
        self.setObjectName("queryablesGroup")
        self.queryables: dict[str, dict[str, Any]] = {}
        self.rows: list[FilterRow] = []
        self._layout = QVBoxLayout(self)
        self.add_button = QPushButton(tr("Add filter"))
        self.add_button.setObjectName("addFilterButton")
        self.add_button.clicked.connect(lambda _checked=False: self.add_row())
        self._layout.addWidget(self.add_button)
        self.setVisible(False)

    def set_queryables(self, queryables: Mapping[str, Mapping[str, Any]]) -> None:
        self.queryables = {
            str(k): dict(v) for k, v in sorted(queryables.items()) if k not in COVERED
        }
        for row in self.rows:
            row.fill_properties()
        self.setVisible(bool(self.queryables or self.rows))

    def add_row(self) -> FilterRow:
        row = FilterRow(self)
        self._layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        self.setVisible(True)
        return row

    def remove_row(self, row: FilterRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.setVisible(bool(self.queryables or self.rows))

    def clear(self) -> None:
        for row in list(self.rows):
            self.remove_row(row)

    def filters(self) -> dict[str, tuple[str, Any]]:
        """The rows as ``SearchRequest.filters`` (``ValueError`` naming an incomplete row)."""
        out: dict[str, tuple[str, Any]] = {}
        for row in self.rows:
            name = row.name()
            if not name:
                raise ValueError(tr("A property filter has no property"))
            out[name] = (row.operator_combo.currentText(), row.value())
        return out

    def set_filters(self, filters: Mapping[str, tuple[str, Any]]) -> None:
        self.clear()
        for name, (operator, value) in filters.items():
            self.add_row().set_filter(name, operator, value)
