"""The dock's "Download…" action against the real local services: GEODES product zips behind
``X-API-Key`` (progress, cancel, a missing key, the product loaded as layers) and signed STAC
COG assets."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QDate

from tests.qgis.ui.conftest import wait_until
from tests.qgis.ui.test_catalogue_dock import run_search
from tests.servers.geodes.data import L2A as GEODES_L2A
from tests.servers.qgis_auth import AuthConfigs
from tests.servers.stac_api import theia_data as data
from theia_plugin.core.catalogue.connections import Connection


@pytest.fixture
def auth_configs(qgis_app):
    configs = AuthConfigs()
    yield configs
    configs.cleanup()


def geodes_dock(dock_factory, geodes_service, authcfg: str = ""):
    """A dock on the local GEODES, its results: the first downloadable product's day."""
    dock = dock_factory(geodes_service.stac_url, "geodes", authcfg)
    dock.set_collections([GEODES_L2A])
    product = geodes_service.downloadable_items()[0]
    day = QDate.fromString(product["properties"]["start_datetime"][:10], "yyyy-MM-dd")
    dock.dates_group.setChecked(True)
    dock.start_edit.setDate(day)
    dock.end_edit.setDate(day)
    run_search(dock)
    assert [i.id for i in dock.model.items] == [product["id"]]
    dock.view.selectRow(0)
    return dock, product


def served_zip(geodes_service, product) -> Path:
    href = next(a["href"] for a in product["assets"].values() if "data" in a["roles"])
    md5 = href.rsplit("/", 1)[1]
    return geodes_service.data.files[(product["id"], md5)].path


def downloads(geodes_service) -> list:
    return [r for r in geodes_service.requests if r.path.startswith("/api/download/")]


def run_download(dock, folder: Path):
    outcomes = []
    dock.downloadFinished.connect(outcomes.append)
    progress: list[float] = []
    dock.ask_download_folder = lambda: folder  # the folder dialog, answered
    dock.download_button.click()
    task = next(t for t in dock.tasks if "downloading" in t.description())
    task.progressChanged.connect(progress.append)
    wait_until(lambda: outcomes)
    return outcomes[0], progress


def test_geodes_zip_downloaded_with_progress_and_loaded(
    dock_factory, geodes_service, auth_configs, tmp_path, qgis_iface
):
    authcfg = auth_configs.api_header({"X-API-Key": geodes_service.api_key})
    dock, product = geodes_dock(dock_factory, geodes_service, authcfg)
    geodes_service.add_fault("trickle", "/api/download")  # sent in pieces: progress to see
    outcome, progress = run_download(dock, tmp_path)

    assert not outcome.failed
    expected = served_zip(geodes_service, product)
    path = tmp_path / f"{product['properties']['identifier']}.zip"
    assert [r.path for r in outcome.done] == [path]
    assert path.read_bytes() == expected.read_bytes()
    assert any(0 < p < 100 for p in progress) and max(progress) == 100
    assert not list(tmp_path.glob("*.part"))
    sent = downloads(geodes_service)
    assert sent and all(r.header("X-API-Key") == geodes_service.api_key for r in sent)
    bar = qgis_iface.messageBar()
    assert any(str(tmp_path) in i.text() for i in bar.items())

    # the product became a layer group: a true-colour composite over the files in the zip
    group = QgsProject.instance().layerTreeRoot().findGroup(path.stem)
    assert group is not None
    layers = [node.layer() for node in group.findLayers()]
    assert layers[0].name().endswith("true colour") and layers[0].bandCount() == 3
    assert group.findLayers()[0].isVisible()
    assert all(f"/vsizip/{path.as_posix()}/" in layer.source() for layer in layers[1:])
    assert all(isinstance(layer, QgsRasterLayer) and layer.isValid() for layer in layers)
    assert any(layer.name().endswith("FRE_B4") for layer in layers)

    # a second download finds the file complete: nothing is fetched again
    before = len(downloads(geodes_service))
    again, _ = run_download(dock, tmp_path)
    assert [r.skipped for r in again.done] == [True]
    assert len(downloads(geodes_service)) == before


def test_cancelled_download_leaves_no_file(
    dock_factory, geodes_service, auth_configs, tmp_path, qgis_iface
):
    authcfg = auth_configs.api_header({"X-API-Key": geodes_service.api_key})
    dock, product = geodes_dock(dock_factory, geodes_service, authcfg)
    geodes_service.add_fault("trickle", "/api/download", times=5)
    outcomes = []
    dock.downloadFinished.connect(outcomes.append)
    task = dock.download(dock.selected_items(), tmp_path)
    wait_until(lambda: task.progress() > 0)
    task.cancel()
    wait_until(lambda: outcomes)
    assert outcomes == [None]
    assert list(tmp_path.iterdir()) == []  # neither the zip nor a partial file
    assert "cancelled" in qgis_iface.messageBar().currentItem().text()
    assert (
        QgsProject.instance().layerTreeRoot().findGroup(product["properties"]["identifier"]) is None
    )


def test_missing_api_key_is_a_notice(dock_factory, geodes_service, tmp_path, qgis_iface):
    dock, _product = geodes_dock(dock_factory, geodes_service)
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    outcome, _ = run_download(dock, tmp_path)
    assert outcome.done == [] and len(outcome.failed) == 1
    notice = bar.currentItem()
    assert notice.level() == Qgis.MessageLevel.Warning
    assert "401" in notice.text() or "API key" in notice.text()
    assert list(tmp_path.iterdir()) == []


def test_signed_stac_assets_downloaded(
    dock_factory, stac_api_signed_assets, signed_l2a, signing_env, auth_configs, tmp_path,
    monkeypatch,
):  # fmt: skip
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
    row = next(i for i, item in enumerate(dock.model.items) if item.id == signed_l2a.item["id"])
    dock.view.selectRow(row)
    # the selected asset only
    keys = [dock.asset_list.item(i).text().split(" ")[0] for i in range(dock.asset_list.count())]
    dock.asset_list.setCurrentRow(keys.index("B04"))
    outcome, _ = run_download(dock, tmp_path)

    assert not outcome.failed
    assert [(r.target.asset_key, r.skipped) for r in outcome.done] == [("B04", False)]
    got = outcome.done[0].path
    assert got.parent == tmp_path / signed_l2a.item["id"]
    want = signed_l2a.cogs["B04"].read_bytes()
    assert hashlib.sha256(got.read_bytes()).digest() == hashlib.sha256(want).digest()
    assert signing_env.signing.signed_batches()  # through the signing service
