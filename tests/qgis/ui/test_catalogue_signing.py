"""The dock signs private assets with the connection's authentication: in the background as
pages arrive, so that dragging a result (on the UI thread) only reads cached signatures."""

from __future__ import annotations

import pytest
from qgis.core import QgsMimeDataUtils, QgsRasterLayer

from tests.qgis.ui.conftest import wait_until
from tests.qgis.ui.test_catalogue_dock import run_search
from tests.servers.qgis_auth import AuthConfigs
from tests.servers.stac_api import theia_data as data
from theia_plugin.core.catalogue.connections import Connection


@pytest.fixture
def auth_configs(qgis_app):
    configs = AuthConfigs()
    yield configs
    configs.cleanup()


def test_results_are_signed_in_the_background_and_dragged_signed(
    dock_factory, stac_api_signed_assets, signed_l2a, signing_env, auth_configs, monkeypatch
):
    monkeypatch.setenv("THEIA_SIGNED_HOSTS", signing_env.assets.netloc)
    authcfg = auth_configs.api_header(signing_env.signing.credentials)
    dock = dock_factory(stac_api_signed_assets.url)
    dock.add_connection(Connection("Local MTD", stac_api_signed_assets.url, "stac", authcfg))
    wait_until(lambda: dock.collections_list.count() > 0)
    dock.set_bbox(None)
    dock.set_collections([data.S2_L2A])
    run_search(dock)
    while not any(item.id == signed_l2a.item["id"] for item in dock.model.items):
        assert dock.more_button.isEnabled(), "the signed item was not found"
        dock.more_button.click()
        wait_until(lambda: not dock.is_searching())
    wait_until(lambda: len(signing_env.signing.signed_batches()) > 0)
    batches = len(signing_env.signing.signed_batches())

    row = next(i for i, item in enumerate(dock.model.items) if item.id == signed_l2a.item["id"])
    mime = dock.model.mimeData([dock.model.index(row, 0)])
    uris = QgsMimeDataUtils.decodeUriList(mime)
    assert uris and all("X-Amz-Signature=" in u.uri for u in uris)
    assert len(signing_env.signing.signed_batches()) == batches  # no request on the UI thread
    b04 = next(u for u in uris if "B04" in u.uri)
    layer = QgsRasterLayer(b04.uri, "B04", "gdal")
    assert layer.isValid()
    stats = layer.dataProvider().bandStatistics(1)
    assert stats.maximumValue > 0  # real pixels through the signed URL
