"""Renderers for the plugin's outputs (QGIS-side; the values come from core)."""

from __future__ import annotations

from qgis.core import (
    QgsColorRampShader,
    QgsRasterBandStats,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
)


def apply_ramp(
    layer: QgsRasterLayer,
    ramp_name: str = "RdYlGn",
    minimum: float | None = None,
    maximum: float | None = None,
    classes: int = 9,
) -> None:
    """Pseudo-colour band 1 with a named QGIS colour ramp; the legend lists the class values.

    Without bounds, the layer's 2nd and 98th percentiles (approximated from statistics) are
    used, so a few extreme pixels do not wash the map out.
    """
    provider = layer.dataProvider()
    if minimum is None or maximum is None:
        stats = provider.bandStatistics(1, QgsRasterBandStats.Stats.All, layer.extent(), 250000)
        minimum = stats.minimumValue if minimum is None else minimum
        maximum = stats.maximumValue if maximum is None else maximum
    ramp = QgsStyle.defaultStyle().colorRamp(ramp_name)
    shader_function = QgsColorRampShader(minimum, maximum, ramp)
    shader_function.setColorRampType(QgsColorRampShader.Type.Interpolated)
    shader_function.classifyColorRamp(classes, 1, layer.extent(), provider)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_function)
    renderer = QgsSingleBandPseudoColorRenderer(provider, 1, shader)
    renderer.setClassificationMin(minimum)
    renderer.setClassificationMax(maximum)
    layer.setRenderer(renderer)
    layer.triggerRepaint()
