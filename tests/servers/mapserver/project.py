"""Write the QGIS project served by ``qgis_mapserver`` (run with a Python that has PyQGIS).

``python -m tests.servers.mapserver.project OUT.qgs name=raster.tif [name=raster.tif …]``:
one raster layer per argument (an ``ndvi`` layer gets a green pseudocolour ramp), the project
in EPSG:3857, every layer published in WMS and WMTS (PNG).
"""

from __future__ import annotations

import sys


def build(out: str, layers: list[tuple[str, str]]) -> None:
    from qgis.core import (
        QgsApplication,
        QgsColorRampShader,
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsProject,
        QgsRasterLayer,
        QgsRasterShader,
        QgsRectangle,
        QgsSingleBandPseudoColorRenderer,
    )
    from qgis.PyQt.QtGui import QColor

    app = QgsApplication([], False)
    app.initQgis()
    try:
        project = QgsProject.instance()
        web = QgsCoordinateReferenceSystem("EPSG:3857")
        project.setCrs(web)
        extent = QgsRectangle()
        ids = []
        for name, path in layers:
            layer = QgsRasterLayer(path, name, "gdal")
            if not layer.isValid():
                raise SystemExit(f"cannot open {path}")
            if name == "ndvi":
                ramp = QgsColorRampShader(-0.2, 0.9)
                ramp.setColorRampType(QgsColorRampShader.Interpolated)
                ramp.setColorRampItemList(
                    [
                        QgsColorRampShader.ColorRampItem(-0.2, QColor(140, 80, 40), "-0.2"),
                        QgsColorRampShader.ColorRampItem(0.3, QColor(240, 230, 140), "0.3"),
                        QgsColorRampShader.ColorRampItem(0.9, QColor(0, 110, 30), "0.9"),
                    ]
                )
                shader = QgsRasterShader()
                shader.setRasterShaderFunction(ramp)
                layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader))
            project.addMapLayer(layer)
            ids.append(layer.id())
            to_web = QgsCoordinateTransform(layer.crs(), web, project)
            extent.combineExtentWith(to_web.transformBoundingBox(layer.extent()))
        project.writeEntry("WMSServiceCapabilities", "/", True)
        project.writeEntry("WMSServiceTitle", "/", "Theia test map service")
        project.writeEntry("WMSCrsList", "/", ["EPSG:3857", "EPSG:4326", "EPSG:32631"])
        project.writeEntry(
            "WMSExtent",
            "/",
            [
                str(v)
                for v in (
                    extent.xMinimum(),
                    extent.yMinimum(),
                    extent.xMaximum(),
                    extent.yMaximum(),
                )
            ],
        )
        for group in ("WMTSLayers", "WMTSPngLayers"):
            project.writeEntry(group, "Project", False)
            project.writeEntry(group, "Layer", ids)
        if not project.write(out):
            raise SystemExit(f"cannot write {out}")
    finally:
        app.exitQgis()


if __name__ == "__main__":
    build(sys.argv[1], [tuple(arg.split("=", 1)) for arg in sys.argv[2:]])  # type: ignore[misc]
