"""A colour-ramp legend panel beside a rendered map (demo, reports): swatch and label per class
of a pseudo-colour layer, as the QGIS layer panel shows them."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsRasterLayer
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

PANEL_WIDTH = 230


def legend_items(layer: QgsRasterLayer) -> list[tuple[str, QColor]]:
    """(label, colour) of each class of a single-band pseudo-colour layer."""
    shader = layer.renderer().shader().rasterShaderFunction()
    return [(item.label or f"{item.value:g}", item.color) for item in shader.colorRampItemList()]


def add_legend(png: str | Path, layer: QgsRasterLayer, title: str) -> Path:
    """Widen ``png`` with a panel on its right listing ``layer``'s classes under ``title``."""
    png = Path(png)
    image = QImage(str(png))
    if image.isNull():
        raise OSError(f"could not read {png}")
    items = legend_items(layer)
    row = 22
    height = max(image.height(), 40 + row * len(items))
    result = QImage(image.width() + PANEL_WIDTH, height, QImage.Format.Format_ARGB32)
    result.fill(QColor(255, 255, 255))
    painter = QPainter(result)
    painter.drawImage(0, 0, image)
    font = QFont()
    font.setPixelSize(13)
    font.setBold(True)
    painter.setFont(font)
    x = image.width() + 12
    painter.setPen(QColor(20, 20, 20))
    painter.drawText(QRectF(x, 8, PANEL_WIDTH - 16, 22), int(Qt.AlignmentFlag.AlignVCenter), title)
    font.setBold(False)
    font.setPixelSize(12)
    painter.setFont(font)
    for index, (label, colour) in enumerate(items):
        y = 38 + index * row
        painter.fillRect(QRectF(x, y + 3, 26, 14), colour)
        painter.setPen(QColor(90, 90, 90))
        painter.drawRect(QRectF(x, y + 3, 26, 14))
        painter.setPen(QColor(20, 20, 20))
        painter.drawText(
            QRectF(x + 34, y, PANEL_WIDTH - 50, row), int(Qt.AlignmentFlag.AlignVCenter), label
        )
    painter.end()
    tmp = png.with_name(f".{png.name}.part.png")
    if not result.save(str(tmp), "PNG"):
        tmp.unlink(missing_ok=True)
        raise OSError(f"could not write {png}")
    tmp.replace(png)
    return png


__all__ = ["add_legend", "legend_items"]
