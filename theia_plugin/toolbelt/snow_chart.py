"""The season chart of a snow synthesis: snow-covered area and cloud cover per date, as a PNG.

Drawn with QPainter rather than matplotlib: QPainter ships with every QGIS, while matplotlib
is an optional package on Linux installs; the chart is simple enough not to need more.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPen

from theia_plugin.core.i18n import tr
from theia_plugin.core.snow.report import day_label, month_starts

SNOW = QColor(30, 110, 200)
CLOUD = QColor(170, 170, 170, 170)


def render_season_chart(
    dates, start: date, end: date, path: str | Path, width: int = 960, height: int = 380
) -> Path:
    """Bars of cloud % and a line of snow % per date (``DateSummary`` list) over the period
    (margin dates included, drawn hollow); month ticks on the time axis."""
    first = min([start, *(d.day for d in dates)])
    last = max([end, *(d.day for d in dates)])
    span = max(1, (last - first).days)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(12)
    painter.setFont(font)
    left, right, top, bottom = 52, 16, 34, 44
    plot = QRectF(left, top, width - left - right, height - top - bottom)

    def x_of(day: date) -> float:
        return plot.left() + plot.width() * (day - first).days / span

    def y_of(percent: float) -> float:
        return plot.bottom() - plot.height() * percent / 100.0

    # the period itself, shaded; grid and axes
    painter.fillRect(QRectF(x_of(start), plot.top(), x_of(end) - x_of(start), plot.height()),
                     QColor(245, 248, 252))  # fmt: skip
    painter.setPen(QPen(QColor(225, 225, 225), 1))
    for percent in range(0, 101, 20):
        painter.drawLine(QPointF(plot.left(), y_of(percent)), QPointF(plot.right(), y_of(percent)))
    painter.setPen(QPen(QColor(60, 60, 60), 1))
    for percent in range(0, 101, 20):
        painter.drawText(
            QRectF(0, y_of(percent) - 8, left - 6, 16),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"{percent} %",
        )
    for _, day in month_starts(first, last):
        x = x_of(day)
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
        painter.drawText(
            QRectF(x - 30, plot.bottom() + 6, 60, 16),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            day_label(day),
        )
    painter.drawRect(plot)

    # cloud bars (one day wide, at least 3 px)
    bar = max(3.0, plot.width() / span)
    for d in dates:
        x = x_of(d.day)
        painter.fillRect(
            QRectF(x - bar / 2, y_of(d.cloud_percent), bar, plot.bottom() - y_of(d.cloud_percent)),
            CLOUD,
        )
    # snow line and markers
    painter.setPen(QPen(SNOW, 2))
    points = [QPointF(x_of(d.day), y_of(d.snow_percent)) for d in dates]
    for a, b in zip(points, points[1:]):
        painter.drawLine(a, b)
    for d, point in zip(dates, points):
        painter.setBrush(SNOW if d.in_period else QColor(255, 255, 255))
        painter.drawEllipse(point, 3.5, 3.5)

    # title and legend
    painter.setPen(QColor(20, 20, 20))
    painter.drawText(
        QRectF(left, 6, plot.width(), 20),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        tr("Snow-covered area and cloud cover per date, {start} – {end}").format(
            start=start, end=end
        ),
    )
    legend_x = plot.right() - 300
    painter.fillRect(QRectF(legend_x, 10, 14, 12), CLOUD)
    painter.drawText(QRectF(legend_x + 18, 6, 120, 20), int(Qt.AlignmentFlag.AlignVCenter),
                     tr("Cloud %"))  # fmt: skip
    painter.setPen(QPen(SNOW, 2))
    painter.drawLine(QPointF(legend_x + 110, 16), QPointF(legend_x + 130, 16))
    painter.setPen(QColor(20, 20, 20))
    painter.drawText(QRectF(legend_x + 136, 6, 170, 20), int(Qt.AlignmentFlag.AlignVCenter),
                     tr("Snow % (of pixels with data)"))  # fmt: skip
    painter.end()

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part.png")
    if not image.save(str(tmp), "PNG"):
        tmp.unlink(missing_ok=True)
        raise OSError(tr("Could not write {path}").format(path=path))
    tmp.replace(path)
    return path


__all__ = ["render_season_chart"]
