"""QGIS WMS and XYZ layers built from the qgis_mapserver test service render real pixels."""

from __future__ import annotations

from urllib.parse import quote

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage

from tests.servers.fixtures import clear_proxy_env
from tests.servers.mapserver import MapServerService

WEB = QgsCoordinateReferenceSystem("EPSG:3857")


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_proxy_env(monkeypatch)


def data_extent(service: MapServerService) -> QgsRectangle:
    source = QgsRasterLayer(str(service.rasters["ndvi"]), "source", "gdal")
    assert source.isValid()
    to_web = QgsCoordinateTransform(source.crs(), WEB, QgsProject.instance())
    return to_web.transformBoundingBox(source.extent())


def render(layer: QgsRasterLayer, extent: QgsRectangle, size: int = 200) -> np.ndarray:
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(WEB)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(size, size))
    settings.setBackgroundColor(QColor(0, 0, 0, 0))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage().convertToFormat(QImage.Format_ARGB32)
    buffer = image.constBits()
    buffer.setsize(image.sizeInBytes())
    return np.frombuffer(buffer, dtype=np.uint8).reshape(image.height(), image.bytesPerLine())


def opaque_share(pixels: np.ndarray) -> float:
    alpha = pixels[:, 3::4]  # ARGB32 in memory: B, G, R, A
    return float((alpha > 0).mean())


def test_wms_layer_renders(qgis_app, map_server: MapServerService):
    uri = (
        f"contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&format=image/png&layers=ndvi"
        f"&styles=&url={quote(map_server.ows_url, safe=':/')}"
    )
    layer = QgsRasterLayer(uri, "ndvi (WMS)", "wms")
    assert layer.isValid(), layer.error().summary()
    pixels = render(layer, data_extent(map_server))
    assert opaque_share(pixels) > 0.5
    colours = pixels.reshape(-1, 4)[pixels.reshape(-1, 4)[:, 3] > 0][:, :3]
    assert len(np.unique(colours, axis=0)) > 10  # a colour ramp, not a flat fill


def test_xyz_layer_renders(qgis_app, map_server: MapServerService):
    url = quote(map_server.xyz_url, safe=":/")
    layer = QgsRasterLayer(f"type=xyz&url={url}&zmin=0&zmax=18", "ndvi (XYZ)", "wms")
    assert layer.isValid(), layer.error().summary()
    pixels = render(layer, data_extent(map_server))
    assert opaque_share(pixels) > 0.5
