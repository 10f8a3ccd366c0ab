"""Layer specs of catalogue assets open as real QGIS layers.

A COG served with HTTP ranges by the local test server is opened through ``/vsicurl/`` and its
pixels are read back; XYZ/WMS URIs are parsed by the QGIS ``wms`` provider into the values given.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsDataSourceUri, QgsProviderRegistry, QgsRasterLayer, QgsRectangle

from tests.servers.fixtures import clear_proxy_env
from tests.servers.static_files import COG_ORIGIN, COG_PIXEL, make_cog, static_route
from theia_plugin.core.catalogue.layers import (
    SNOW_WMTS_TEMPLATE,
    item_layer_specs,
    layer_spec,
    snow_xyz_spec,
    wms_uri,
    xyz_uri,
)
from theia_plugin.core.catalogue.model import CatalogueItem


@pytest.fixture
def cog_server(http_server, tmp_path, monkeypatch):
    clear_proxy_env(monkeypatch)
    for key in ("B02", "B03", "B04"):
        make_cog(tmp_path / "item" / f"{key}.tif")
    http_server.add_route("/files", static_route(tmp_path, "/files"))
    return http_server


def item_on(server) -> CatalogueItem:
    cog = "image/tiff; application=geotiff; profile=cloud-optimized"
    return CatalogueItem.from_stac(
        {
            "id": "S2A_TEST",
            "collection": "sentinel2-l2a-theia",
            "properties": {"datetime": "2021-06-01T10:53:00Z"},
            "assets": {
                k: {"href": server.url(f"/files/item/{k}.tif"), "type": cog}
                for k in ("B02", "B03", "B04")
            },
        }
    )


def test_cog_over_http_is_a_real_layer(qgis_app, cog_server):
    item = item_on(cog_server)
    signed_urls = []

    def signer(urls):
        signed_urls.extend(urls)
        return {u: u + "?signature=test" for u in urls}

    spec = layer_spec(item, "B04", signer)
    layer = QgsRasterLayer(spec.uri, spec.name, spec.provider)
    assert layer.isValid(), layer.error().summary()
    assert layer.crs().authid() == "EPSG:32631"
    assert layer.width() == 256 and layer.height() == 256
    # pixel (row 10, col 20): 1000 + 10 + 20, read through HTTP ranges
    x = COG_ORIGIN[0] + (20 + 0.5) * COG_PIXEL
    y = COG_ORIGIN[1] - (10 + 0.5) * COG_PIXEL
    value, ok = layer.dataProvider().sample(QgsRectangle(x, y, x, y).center(), 1)
    assert ok and value == 1030
    ranged = [r for r in cog_server.requests_to("/files/item/B04.tif") if r.header("Range")]
    assert ranged, "GDAL read the COG with range requests"
    assert all(r.query.get("signature") == ["test"] for r in ranged)  # the signed URL was used
    assert signed_urls == [item.assets["B04"].href]


def test_every_band_of_an_item_opens(qgis_app, cog_server):
    specs = item_layer_specs(item_on(cog_server))
    layers = [QgsRasterLayer(s.uri, s.name, s.provider) for s in specs]
    assert len(layers) == 3 and all(layer.isValid() for layer in layers)


def test_xyz_uri_decodes_to_the_template(qgis_app):
    spec = snow_xyz_spec(zmin=2, zmax=11)
    decoded = QgsProviderRegistry.instance().decodeUri("wms", spec.uri)
    assert decoded["type"] == "xyz"
    assert decoded["url"] == SNOW_WMTS_TEMPLATE
    assert int(decoded["zmin"]) == 2 and int(decoded["zmax"]) == 11
    layer = QgsRasterLayer(spec.uri, spec.name, "wms")
    assert layer.isValid()  # XYZ layers need no network to be created
    assert layer.crs().authid() == "EPSG:3857"


def test_wms_uri_decodes(qgis_app):
    uri = wms_uri("http://127.0.0.1:1/ows?map=/a.qgs", "a,b", styles=",")
    decoded = QgsProviderRegistry.instance().decodeUri("wms", uri)
    assert decoded["url"] == "http://127.0.0.1:1/ows?map=/a.qgs"
    assert decoded["layers"] == ["a", "b"] or decoded["layers"] == "a,b"


@pytest.mark.parametrize(
    "template",
    [SNOW_WMTS_TEMPLATE, "https://t.example.org/{z}/{x}/{-y}.png?k=a b&c=%2F+1"],
)
def test_xyz_uri_is_encoded_like_qgis_does(qgis_app, template):
    uri = QgsDataSourceUri()
    for name, value in (("type", "xyz"), ("url", template), ("zmax", "18"), ("zmin", "0")):
        uri.setParam(name, value)
    assert xyz_uri(template) == bytes(uri.encodedUri()).decode()
