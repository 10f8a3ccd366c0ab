"""A saved project whose signed /vsicurl/ layer has gone stale is signed again when reopened
(local signing service + signed asset server; credentials from an "API Header" authcfg)."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest
import rasterio
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QEventLoop, QTimer

from tests.servers.assets.fixtures import requests_client
from tests.servers.fixtures import clear_proxy_env
from tests.servers.qgis_auth import AuthConfigs
from theia_plugin.core.catalogue.connections import Connection
from theia_plugin.core.catalogue.signing import UrlSigner
from theia_plugin.ui.project_resign import (
    PROP_AUTHCFG,
    PROP_HREF,
    PROP_SIGNING,
    ProjectResigner,
    remember_signed,
    tag_layer,
)


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch):
    clear_proxy_env(monkeypatch)


@pytest.fixture
def auth_configs(qgis_app):
    configs = AuthConfigs()
    yield configs
    configs.cleanup()


def sign(signing_env, href: str, *, backdate: int = 0) -> str:
    """``href`` signed by the local service, issued ``backdate`` seconds ago for one hour."""
    signing_env.signing.set(backdate=backdate)
    try:
        client = requests_client(signing_env.signing.credentials)
        service = signing_env.signing.url("").rstrip("/")
        return UrlSigner(client, service, duration=3600).sign(href)
    finally:
        signing_env.signing.set(backdate=0)


def pixels(layer: QgsRasterLayer) -> np.ndarray:
    block = layer.dataProvider().block(1, layer.extent(), layer.width(), layer.height())
    return np.frombuffer(bytes(block.data()), dtype=np.int16).reshape(layer.height(), layer.width())


def wait_for(resigner: ProjectResigner) -> tuple[list, list]:
    reports: list = []
    loop = QEventLoop()
    resigner.resigned.connect(lambda done, errors: (reports.append((done, errors)), loop.quit()))
    QTimer.singleShot(120_000, loop.quit)  # a hang guard, not a timing check
    loop.exec()
    assert reports, "the project was not re-signed"
    return reports[0]


def test_stale_signed_layer_of_a_saved_project_is_signed_again_on_opening(
    signed_l2a, signing_env, auth_configs, tmp_path
):
    href = signed_l2a.item["assets"]["B04"]["href"]
    service = signing_env.signing.url("").rstrip("/")
    authcfg = auth_configs.api_header(signing_env.signing.credentials)

    # yesterday: a valid signed layer, saved in a .qgz
    fresh = sign(signing_env, href)
    layer = QgsRasterLayer(f"/vsicurl/{fresh}", "B04", "gdal")
    assert layer.isValid(), layer.error().summary()
    tag_layer(layer, href, authcfg, service)
    project = QgsProject()
    project.addMapLayer(layer)
    path = tmp_path / "yesterday.qgz"
    assert project.write(str(path))

    # a day later its signature has expired: put such a URL in the saved file
    expired = sign(signing_env, href, backdate=2 * 3600)
    assert not QgsRasterLayer(f"/vsicurl/{expired}", "stale", "gdal").isValid()
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    qgs = next(name for name in members if name.endswith(".qgs"))
    text = members[qgs].decode("utf-8")
    escaped = fresh.replace("&", "&amp;")
    assert escaped in text
    members[qgs] = text.replace(escaped, expired.replace("&", "&amp;")).encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)

    # reopened: the layer is signed again in a task and reads real pixels
    reopened = QgsProject()
    resigner = ProjectResigner(reopened)
    signing_env.signing.reset()
    try:
        assert reopened.read(str(path))
        done, errors = wait_for(resigner)
    finally:
        resigner.disconnect_project()
    assert errors == []
    (again,) = reopened.mapLayers().values()
    assert done == [again.id()]
    assert again.customProperty(PROP_HREF) == href
    assert again.customProperty(PROP_AUTHCFG) == authcfg
    assert again.customProperty(PROP_SIGNING) == service
    assert again.source().startswith("/vsicurl/") and expired not in again.source()
    assert again.isValid(), again.error().summary()
    with rasterio.open(signed_l2a.cogs["B04"]) as dataset:
        assert np.array_equal(pixels(again), dataset.read(1))
    # signed through the service with the authcfg's API key
    (request,) = signing_env.signing.requests_to("/sign_urls")
    assert request.header("access-key") == signing_env.signing.access_key


def test_a_failed_re_signing_is_reported_and_leaves_the_layer(signed_l2a, signing_env, tmp_path):
    href = signed_l2a.item["assets"]["B04"]["href"]
    layer = QgsRasterLayer(f"/vsicurl/{sign(signing_env, href)}", "B04", "gdal")
    service = signing_env.signing.url("").rstrip("/")
    tag_layer(layer, href, "", service)  # no credentials: the service answers 401
    project = QgsProject()
    project.addMapLayer(layer)
    path = tmp_path / "p.qgz"
    assert project.write(str(path))
    reopened = QgsProject()
    resigner = ProjectResigner(reopened)
    try:
        assert reopened.read(str(path))
        done, errors = wait_for(resigner)
    finally:
        resigner.disconnect_project()
    assert done == [] and len(errors) == 1
    assert "credentials" in errors[0]


def test_layers_added_from_browser_items_are_tagged(signed_l2a, signing_env, qgis_app):
    href = signed_l2a.item["assets"]["B08"]["href"]
    source = f"/vsicurl/{sign(signing_env, href)}"
    service = signing_env.signing.url("").rstrip("/")
    remember_signed(
        source, href, Connection("MTD", "http://x", "stac", authcfg="abc1234", signing_url=service)
    )
    project = QgsProject()
    resigner = ProjectResigner(project)
    try:
        layer = QgsRasterLayer(source, "B08", "gdal")
        project.addMapLayer(layer)
        assert layer.customProperty(PROP_HREF) == href
        assert layer.customProperty(PROP_AUTHCFG) == "abc1234"
        assert layer.customProperty(PROP_SIGNING) == service
        other = QgsRasterLayer(str(signed_l2a.cogs["B08"]), "local", "gdal")
        project.addMapLayer(other)
        assert not other.customProperty(PROP_HREF)
    finally:
        resigner.disconnect_project()
