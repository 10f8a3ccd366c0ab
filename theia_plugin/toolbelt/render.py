"""Off-screen rendering of layers to an image (demo, reports, screenshots of results)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsContrastEnhancement,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsMultiBandColorRenderer,
    QgsRasterLayer,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter


def apply_true_colour_renderer(
    layer: QgsRasterLayer, minimum: float = 0.0, maximum: float = 2500.0
) -> None:
    """Bands 1-2-3 as red-green-blue, stretched linearly over reflectance×10000."""
    renderer = QgsMultiBandColorRenderer(layer.dataProvider(), 1, 2, 3)
    data_type = layer.dataProvider().dataType(1)
    setters = (
        renderer.setRedContrastEnhancement,
        renderer.setGreenContrastEnhancement,
        renderer.setBlueContrastEnhancement,
    )
    for setter in setters:
        enhancement = QgsContrastEnhancement(data_type)
        enhancement.setContrastEnhancementAlgorithm(
            QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum
        )
        enhancement.setMinimumValue(minimum)
        enhancement.setMaximumValue(maximum)
        setter(enhancement)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


def render_to_png(
    layers: list,
    path: str | Path,
    width: int = 800,
    extent: QgsRectangle | None = None,
    title: str = "",
    background: QColor | None = None,
) -> Path:
    """Render ``layers`` (top first) to a PNG whose height follows the extent's aspect."""
    extent = extent or layers[-1].extent()
    height = max(1, round(width * extent.height() / extent.width()))
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[-1].crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(width, height))
    settings.setBackgroundColor(background or QColor(255, 255, 255))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    if title:
        painter = QPainter(image)
        font = QFont()
        font.setPixelSize(max(12, width // 40))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        box_height = metrics.height() + 8
        painter.fillRect(0, 0, image.width(), box_height, QColor(0, 0, 0, 150))
        painter.setPen(QColor(255, 255, 255))
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(6, 0, image.width() - 12, box_height, align, title)
        painter.end()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part.png")
    if not image.save(str(tmp), "PNG"):
        raise OSError(f"could not write {path}")
    tmp.replace(path)
    return path
