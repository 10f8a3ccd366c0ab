"""The DSM-OPT jobs dock against the local service: form from the server, checks, submit
(once), the list following the stages without blocking the event loop, results as a layer
group, restart-resume, cancel, purge, duplicate and archive download."""

from __future__ import annotations

import zipfile

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QTimer

from tests.qgis.ui.conftest import spin_until
from tests.servers.dsmopt import products
from theia_plugin.core.dsmopt import JobStore, PollPolicy
from theia_plugin.ui.dsmopt_dock import DsmOptDock
from theia_plugin.ui.dsmopt_layers import LICENCE_PROPERTY

POLICY = PollPolicy(initial=0.05, factor=1.0, maximum=0.05)
IMAGES = [("PHR1A_20230710_F", 6.0), ("PHR1A_20230710_B", -5.5)]


@pytest.fixture
def store(tmp_path) -> JobStore:
    return JobStore(tmp_path / "profile" / "dsmopt-jobs.sqlite")


@pytest.fixture
def make_dock(qgis_app, store, tmp_path, no_proxy, dsmopt_service):
    docks = []

    def make(kind: str = "ogc") -> DsmOptDock:
        dock = DsmOptDock(store=store, policy=POLICY, refresh_ms=20, cache_dir=tmp_path / "c")
        url = dsmopt_service.ogc_url if kind == "ogc" else dsmopt_service.gdm_url
        dock.url_edit.setText(url)
        dock.kind_combo.setCurrentIndex(dock.kind_combo.findData(kind))
        docks.append(dock)
        return dock

    yield make
    for dock in docks:
        dock.close_down()
        spin_until(lambda d=dock: not d.runner.running)
        dock.deleteLater()


def fill(dock: DsmOptDock, images=IMAGES) -> None:
    dock.name_edit.setText("Pic du Midi")
    dock.set_images(list(images))
    xmin, ymin, xmax, ymax = products.bbox()
    dock.set_roi(QgsRectangle(xmin, ymin, xmax, ymax), QgsCoordinateReferenceSystem("EPSG:2154"))


def submit_and_wait(dock: DsmOptDock, service) -> str:
    fill(dock)
    assert dock.submit() is not None
    spin_until(lambda: dock.model.rows)
    return dock.model.rows[0].job.job_id


def wait_status(dock: DsmOptDock, job_id: str, status: str) -> None:
    def reached() -> bool:
        rows = [r for r in dock.model.rows if r.job.job_id == job_id]
        return bool(rows) and rows[0].job.status == status

    spin_until(reached)


def test_form_is_built_from_the_server_description(make_dock, dsmopt_service) -> None:
    dock = make_dock()
    dsmopt_service.credit = 123_456.0
    dock.connect_server()
    spin_until(lambda: "Connected" in dock.message_label.text())
    assert "from the server" in dock.message_label.text()
    assert [dock.preset_combo.itemText(i) for i in range(1, dock.preset_combo.count())] == [
        "Paysage forestier",
        "Montagne",
    ]
    assert dock.field_value("zoomF") == 2 and dock.field_value("waterMask") is False
    assert dock.expert_form.rowCount() == 5 and "SzW" in dock.field_widgets
    dock.preset_combo.setCurrentIndex(dock.preset_combo.findData("Paysage forestier"))
    assert dock.field_value("SzW") == 3 and dock.field_value("Regul") == pytest.approx(0.1)
    # a GDM server describes no form: the known parameters are used
    gdm = make_dock("gdm")
    gdm.connect_server()
    spin_until(lambda: "Connected" in gdm.message_label.text())
    assert "known parameters" in gdm.message_label.text()
    assert set(gdm.field_widgets) >= {"zoomF", "orthoMosaic", "DefCor"}


def test_checks_block_the_submission_with_clear_messages(make_dock, dsmopt_service) -> None:
    dock = make_dock()
    fill(dock, images=[("PHR1A_F", 14.0)])
    assert dock.submit() is None
    assert "2 or 3 stereo images expected, 1 given" in dock.message_label.text()
    fill(dock, images=[("PHR1A_F", 14.0), ("PHR1A_B", -9.0)])
    assert dock.submit() is None
    assert "convergence angle between PHR1A_F and PHR1A_B is 23.0°" in dock.message_label.text()
    fill(dock, images=[("PHR1A_F", 7.0), ("PHR1A_B", None)])
    dock.images_table.item(0, 1).setText("seven")
    assert dock.submit() is None
    assert "Incidence angle of PHR1A_F: a number of degrees expected" in (dock.message_label.text())
    assert dsmopt_service.jobs == {}


def test_credit_check_after_evaluation(make_dock, dsmopt_service) -> None:
    dock = make_dock("gdm")
    fill(dock)
    dsmopt_service.credit = 10.0
    dock.evaluate()
    spin_until(lambda: dock.estimated_cost is not None)
    assert "exceeds your remaining credit (10 CPU s)" in dock.message_label.text()
    assert dock.submit() is None
    assert all(job.deleted for job in dsmopt_service.jobs.values())  # the quote left nothing


def test_submit_once_and_follow_every_stage(make_dock, dsmopt_service, store) -> None:
    dsmopt_service.gate_on_poll = True  # each stage waits until a status request saw it
    dock = make_dock()
    fill(dock)
    first = dock.submit()
    assert first is not None and not dock.submit_button.isEnabled()
    assert dock.submit() is None  # a second press while the first is posted does nothing
    seen = []
    dock.jobsChanged.connect(lambda: seen.append(dock.model.rows[0].job.stage_index))
    spin_until(lambda: dock.model.rows and dock.model.rows[0].job.status == "successful")
    assert dock.submit_button.isEnabled()
    assert len(dsmopt_service.jobs) == 1
    assert {s for s in seen if s} == set(range(1, 8))
    job = dock.model.rows[0].job
    assert job.name == "Pic du Midi" and job.progress == 100
    assert job.cost is not None and job.purge_date
    index = dock.model.index(0, 2)
    assert dock.model.data(index) == "7/7 PRODUCTS: PUBLICATION"
    stored = store.records()
    assert [r.job_id for r in stored] == [job.job_id] and stored[0].job.status == "successful"


def test_the_event_loop_keeps_turning_while_jobs_are_polled(make_dock, dsmopt_service) -> None:
    dock = make_dock()
    job_id = submit_and_wait(dock, dsmopt_service)
    dsmopt_service.response_delay = 0.4  # every status request now takes 0.4 s
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    row = dock.model.rows[0]
    spin_until(lambda: row.polling)  # a status request is in flight
    during = len(ticks)
    spin_until(lambda: not row.polling)
    timer.stop()
    assert len(ticks) - during >= 5  # the UI thread kept running timers meanwhile
    assert any(r.method == "GET" and r.path.endswith(job_id) for r in dsmopt_service.http.requests)


def test_results_load_as_a_layer_group_with_the_licence(make_dock, dsmopt_service) -> None:
    dock = make_dock()
    job_id = submit_and_wait(dock, dsmopt_service)
    wait_status(dock, job_id, "successful")
    dock.select_job(job_id)
    assert dock.action_buttons["load"].isEnabled()
    project = QgsProject.instance()
    project.clear()
    dock.load_results_selected()
    spin_until(lambda: dock.licence_text)
    assert "CC-BY-NC" in dock.licence_label.text()
    group = project.layerTreeRoot().findGroup("DSM-OPT Pic du Midi")
    assert group is not None and "CC-BY-NC" in group.customProperty(LICENCE_PROPERTY)
    layers = [node.layer() for node in group.findLayers()]
    assert len(layers) == 6 and all(layer.isValid() for layer in layers)
    assert all("CC-BY-NC" in layer.metadata().rights()[0] for layer in layers)
    project.clear()


def test_a_new_dock_lists_and_follows_the_stored_job(make_dock, dsmopt_service) -> None:
    dsmopt_service.gate_on_poll = True
    first = make_dock()
    job_id = submit_and_wait(first, dsmopt_service)
    first.close_down()  # QGIS closes: polling stops where it was
    spin_until(lambda: not first.runner.running)
    assert dsmopt_service.jobs[job_id].native in ("ACCEPTED", "RUNNING")
    second = make_dock()  # next session, same profile
    assert [r.job.job_id for r in second.model.rows] == [job_id]
    wait_status(second, job_id, "successful")
    assert len(dsmopt_service.jobs) == 1


def test_cancel_stops_the_job(make_dock, dsmopt_service) -> None:
    dsmopt_service.gate_on_poll = True
    dock = make_dock()
    job_id = submit_and_wait(dock, dsmopt_service)
    spin_until(lambda: (dock.model.rows[0].job.stage_index or 0) >= 2)
    dock.select_job(job_id)
    assert dock.action_buttons["cancel"].isEnabled()
    dock.cancel_selected()
    wait_status(dock, job_id, "dismissed")
    assert dsmopt_service.jobs[job_id].native == "CANCELED"
    assert not dock.action_buttons["cancel"].isEnabled()


def test_purge_duplicate_and_download(make_dock, dsmopt_service, tmp_path) -> None:
    dock = make_dock("gdm")
    job_id = submit_and_wait(dock, dsmopt_service)
    wait_status(dock, job_id, "successful")
    dock.select_job(job_id)
    archive = tmp_path / "results.zip"
    dock.download_archive_selected(archive)
    spin_until(lambda: "Archive saved" in dock.message_label.text())
    with zipfile.ZipFile(archive) as zipped:
        assert "A3_DSM_relative_denoised_filtered.tif" in zipped.namelist()
    dock.select_job(job_id)
    dock.purge_selected(confirm=False)
    spin_until(lambda: "purged" in dock.message_label.text())
    assert dsmopt_service.jobs[job_id].native == "PURGED"
    assert dock.model.rows[0].job.purged
    assert not dock.action_buttons["load"].isEnabled()
    dock.duplicate_selected()  # the way to get purged results back
    spin_until(lambda: len(dock.model.rows) == 2)
    copy = dock.model.rows[0].job
    assert copy.job_id != job_id
    assert dsmopt_service.jobs[copy.job_id].parameters["images"] == [i for i, _ in IMAGES]
    wait_status(dock, copy.job_id, "successful")


def test_results_load_without_blocking_the_event_loop(make_dock, dsmopt_service) -> None:
    dock = make_dock()
    job_id = submit_and_wait(dock, dsmopt_service)
    wait_status(dock, job_id, "successful")
    dock.select_job(job_id)
    QgsProject.instance().clear()
    dsmopt_service.response_delay = 0.5  # the results document takes 0.5 s
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    task = dock.load_results_selected()
    assert task is not None  # returned at once: the work is in the task
    before = len(ticks)
    spin_until(lambda: dock.licence_text)
    timer.stop()
    assert len(ticks) - before >= 5
    QgsProject.instance().clear()


def test_polling_survives_a_server_outage_without_a_second_job(make_dock, dsmopt_service) -> None:
    dsmopt_service.gate_on_poll = True
    dock = make_dock()
    job_id = submit_and_wait(dock, dsmopt_service)
    row = dock.model.rows[0]
    dsmopt_service.go_down()
    try:
        spin_until(lambda: row.failures >= 2)
        assert row.last_error and not row.job.terminal
    finally:
        dsmopt_service.come_back()
    row.delays = None  # skip the grown backoff of the outage
    row.next_poll = 0.0
    wait_status(dock, job_id, "successful")
    assert list(dsmopt_service.jobs) == [job_id]
    assert row.failures == 0 and row.last_error == ""


def test_input_images_from_catalogue_results(make_dock, dsmopt_service) -> None:
    """Images picked in the catalogue: ids, incidence angles and footprints; a region of
    interest outside the footprints is refused before anything is sent."""
    from qgis.core import QgsCoordinateTransform, QgsProject

    from theia_plugin.core.catalogue.model import CatalogueItem

    dock = make_dock()
    xmin, ymin, xmax, ymax = products.bbox()
    to_wgs84 = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:2154"), QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsProject.instance(),
    )  # fmt: skip
    area = to_wgs84.transformBoundingBox(QgsRectangle(xmin, ymin, xmax, ymax))
    cover = area.buffered(0.01)

    def item(image_id, incidence, box):
        return CatalogueItem.from_stac({
            "type": "Feature", "id": image_id, "collection": "dinamis-pleiades",
            "bbox": [box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()],
            "geometry": None, "properties": {"datetime": "2023-07-10T10:52:00Z",
                                             "view:incidence_angle": incidence},
            "assets": {}, "links": [],
        })  # fmt: skip

    dock.catalogue_selection = lambda: [item("PHR1A_F", 6.5, cover), item("PHR1A_B", -5.0, cover)]
    dock.name_edit.setText("From the catalogue")
    dock.from_catalogue_button.click()
    assert [dock.images_table.item(r, 0).text() for r in range(2)] == ["PHR1A_F", "PHR1A_B"]
    assert dock.images_table.item(0, 1).text() == "6.5"
    dock.set_roi(QgsRectangle(xmin, ymin, xmax, ymax), QgsCoordinateReferenceSystem("EPSG:2154"))
    assert not [c for c in dock.check() if c.level == "error"]
    # one image that does not cover the region: refused, nothing sent
    far = QgsRectangle(area.xMinimum() + 5, area.yMinimum(), area.xMaximum() + 5, area.yMaximum())
    dock.catalogue_selection = lambda: [item("PHR1A_F", 6.5, cover), item("PHR1A_X", -5.0, far)]
    dock.from_catalogue_button.click()
    dock.set_roi(QgsRectangle(xmin, ymin, xmax, ymax), QgsCoordinateReferenceSystem("EPSG:2154"))
    assert dock.submit() is None
    assert "not inside the footprint of PHR1A_X" in dock.message_label.text()
    assert dsmopt_service.jobs == {}


@pytest.mark.parametrize("method", ["basic", "api_header"])
def test_connection_with_an_authentication_of_the_qgis_auth_manager(
    make_dock, dsmopt_service, method
) -> None:
    """The dock's requests carry the chosen authentication configuration (QGIS network stack,
    secrets from the auth database); without it the server's 401 is shown."""
    from tests.servers.qgis_auth import AuthConfigs

    dsmopt_service.credentials = {"user": "ana", "password": "Pa55-dsm", "api_key": "K-42-secret"}
    configs = AuthConfigs()
    try:
        dock = make_dock()
        dock.connect_server()
        spin_until(
            lambda: "401" in dock.message_label.text() or "Connected" in dock.message_label.text()
        )
        assert "401" in dock.message_label.text()
        authcfg = (
            configs.basic("ana", "Pa55-dsm")
            if method == "basic"
            else configs.api_header({"X-API-Key": "K-42-secret"})
        )
        dock.auth_select.setConfigId(authcfg)
        dock.connect_server()
        spin_until(lambda: "Connected" in dock.message_label.text())
        fill(dock)
        assert dock.submit() is not None
        spin_until(lambda: dock.model.rows)
        assert dsmopt_service.jobs  # accepted with the credentials
        assert "Pa55-dsm" not in dock.message_label.text()
    finally:
        configs.cleanup()
