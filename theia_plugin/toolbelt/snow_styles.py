"""Renderers of the annual snow outputs: durations and days of the hydrological year.

SCD, NOBS and NSP are counts (a ramp labelled in days, dates or changes). SOD and SMOD are
day indices from the first day of the period: their legend names calendar dates ("1 Dec")
at each first of a month, so a map reads as a season without arithmetic.
"""

from __future__ import annotations

from datetime import date

from qgis.core import (
    QgsColorRampShader,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
)
from qgis.PyQt.QtGui import QColor

from theia_plugin.core.i18n import tr
from theia_plugin.core.snow.report import day_label, month_starts

#: Colour of SOD / SMOD = 0: no snow season (SCD ≤ 10 days), or (SOD) a season from day 0.
NO_SEASON = QColor(225, 225, 225)


def _apply_items(layer: QgsRasterLayer, items, minimum: float, maximum: float) -> None:
    shader_function = QgsColorRampShader(minimum, maximum)
    shader_function.setColorRampType(QgsColorRampShader.Type.Interpolated)
    shader_function.setColorRampItemList(
        [QgsColorRampShader.ColorRampItem(value, color, label) for value, color, label in items]
    )
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(minimum)
    renderer.setClassificationMax(maximum)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


def _nice_step(maximum: float, classes: int) -> int:
    raw = max(1.0, maximum / classes)
    for step in (1, 2, 5, 10, 15, 20, 25, 30, 50, 60, 100, 200, 500):
        if step >= raw:
            return step
    return int(raw)


DURATION_UNITS = {
    "SCD": lambda n: tr("{n} days").format(n=n),
    "NOBS": lambda n: tr("{n} dates").format(n=n),
    "NSP": lambda n: tr("{n} changes").format(n=n),
}


def style_duration(layer: QgsRasterLayer, kind: str, maximum: int, ramp: str = "Blues") -> None:
    """A count ramp 0 … ``maximum`` (SCD: days, NOBS: dates, NSP: changes of state)."""
    maximum = max(1, int(maximum))
    colours = QgsStyle.defaultStyle().colorRamp(ramp)
    label = DURATION_UNITS[kind]
    step = _nice_step(maximum, 6)
    # the last class is the maximum itself; a tick just below it would crowd the legend
    values = [*(v for v in range(0, maximum, step) if maximum - v >= step / 2), maximum]
    items = [(v, colours.color(0.1 + 0.9 * v / maximum), label(v)) for v in values]
    _apply_items(layer, items, 0, maximum)


def style_day_of_year(
    layer: QgsRasterLayer, start: date, end: date, ramp: str = "Spectral"
) -> None:
    """SOD / SMOD (day 0 = ``start``): a ramp over the period with a class at each first of a
    month, labelled with its date; 0 in light grey (no snow season of more than 10 days)."""
    n_days = (end - start).days
    colours = QgsStyle.defaultStyle().colorRamp(ramp)
    items = [(0, NO_SEASON, tr("none / {day}").format(day=day_label(start)))]
    ticks = [(index, day) for index, day in month_starts(start, end) if index > 0]
    if not ticks or ticks[-1][0] != n_days:
        ticks.append((n_days, end))
    items.append((1, colours.color(0.0), day_label(date.fromordinal(start.toordinal() + 1))))
    items += [(index, colours.color(index / n_days), day_label(day)) for index, day in ticks]
    _apply_items(layer, items, 0, n_days)


__all__ = ["style_day_of_year", "style_duration"]
