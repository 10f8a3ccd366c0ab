"""DSM-OPT jobs end to end against the local service, through both backends (OGC API -
Processes and GDM native): stages, results over /vsicurl/, cancel, failures, quota, purge,
dismiss, resume from the store, network loss, double submit."""

from __future__ import annotations

import threading
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, osr

from tests.servers.dsmopt import products
from tests.servers.dsmopt.service import DsmOptService
from theia_plugin.core.dsmopt import (
    STAGES,
    Job,
    JobBackend,
    JobFailedError,
    JobGoneError,
    JobRejectedError,
    JobStore,
    QuotaExceededError,
    ResultsPurgedError,
    follow,
    new_submission_key,
    open_backend,
    resume_jobs,
    submit_job,
)
from theia_plugin.net import AuthenticationError, CancellationToken, CancelledError, NotFoundError

from .conftest import FAST_POLL, INPUTS, service_url

gdal.UseExceptions()


def status_path(kind: str) -> str:
    """Regex of the status request of each backend."""
    return r"^/ogc/jobs/[^/]+$" if kind == "ogc" else r"^/gdm/api/process/dsm-\d+$"


def submit_paths(service: DsmOptService, kind: str) -> list:
    path = "/ogc/processes/dsm-opt/execution" if kind == "ogc" else "/gdm/api/process"
    return [r for r in service.http.requests_to(path) if r.method == "POST"]


class Recorder:
    """Feedback with ``isCanceled``/``setProgress``/``pushInfo`` that records everything."""

    def __init__(self) -> None:
        self.token = CancellationToken()
        self.progress: list[float] = []
        self.infos: list[str] = []

    def isCanceled(self) -> bool:
        return self.token.isCanceled()

    def setProgress(self, value: float) -> None:
        self.progress.append(value)

    def pushInfo(self, text: str) -> None:
        self.infos.append(text)


def run_to_end(backend: JobBackend, **kwargs) -> Job:
    return follow(backend, backend.submit(INPUTS, name="Pic du Midi"), policy=FAST_POLL, **kwargs)


# -- the pipeline ------------------------------------------------------------------------------


def test_job_walks_the_seven_stages_to_success(
    backend: JobBackend, kind: str, dsmopt_service: DsmOptService
) -> None:
    dsmopt_service.gate_on_poll = True  # every stage is seen, however slow the machine
    submitted = backend.submit(INPUTS, name="Pic du Midi")
    assert submitted.status in ("accepted", "running")
    assert list(dsmopt_service.jobs) == [submitted.job_id]
    if kind == "ogc":
        [post] = submit_paths(dsmopt_service, kind)
        assert post.header("Prefer") == "respond-async"
    updates: list[Job] = []
    feedback = Recorder()
    final = follow(
        backend, submitted, on_update=updates.append, feedback=feedback, policy=FAST_POLL
    )

    assert final.status == "successful"
    assert final.progress == 100
    progress = [u.progress for u in updates if u.progress is not None]
    assert progress == sorted(progress)
    assert progress[0] < 50 < progress[-1]
    assert feedback.progress == progress
    names: list[str] = []
    indices: list[int] = []
    for update in updates:
        if update.stage_index is not None and update.status == "running":
            assert update.stage_count == len(STAGES)
            assert update.stage_name == STAGES[update.stage_index - 1]
            if not indices or indices[-1] != update.stage_index:
                indices.append(update.stage_index)
                names.append(update.stage_name)
    assert indices == list(range(1, 8))
    assert names == list(STAGES)
    if kind == "gdm":
        assert final.native_status == "TERMINATED"
        assert final.cost and final.credit and final.purge_date
        assert final.name == "Pic du Midi"
        assert "Job terminated" in final.log
    assert final.finished


def test_results_are_real_georeferenced_layers(
    backend: JobBackend, kind: str, dsmopt_service: DsmOptService, make_client, tmp_path: Path
) -> None:
    final = run_to_end(backend)
    results = backend.results(final.job_id)
    assert results.licence == "CC-BY-NC"
    assert [layer.code for layer in results.layers] == sorted(products.LAYERS)
    expected = products.layer_arrays(dsmopt_service.jobs[final.job_id].seed)
    gdal.SetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR")
    try:
        for layer in results.layers:
            dataset = gdal.Open("/vsicurl/" + layer.cog_url)
            srs = osr.SpatialReference(wkt=dataset.GetProjection())
            assert srs.GetAuthorityCode(None) == "2154"
            assert dataset.GetGeoTransform() == pytest.approx(products.geotransform())
            values = dataset.ReadAsArray()
            np.testing.assert_array_equal(values, expected[layer.code])
            assert dataset.GetMetadata("IMAGE_STRUCTURE").get("LAYOUT") == "COG"
            dataset = None
    finally:
        gdal.SetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", None)
    ranged = [r for r in dsmopt_service.http.requests if r.path.endswith(".tif")]
    assert any((r.header("Range") or "").startswith("bytes=") for r in ranged)

    client = make_client()
    dsm = results.layer("A3")
    corners = dsm.preview_corners
    assert corners["TL"][0] < corners["BR"][0] and corners["TL"][1] > corners["BR"][1]
    assert 1.0 < corners["TL"][0] < 2.0 and 42.5 < corners["TL"][1] < 43.5  # Pyrenees
    preview = client.get(dsm.preview_url)
    assert preview.content.startswith(b"\x89PNG")

    archive = client.download(results.archive_url, tmp_path / "dsm.zip")
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
    assert {name for _title, name in products.LAYERS.values()} <= names

    if kind == "ogc":  # XYZ tiles are published through the OGC results document
        tile = dsm.xyz_url.format(z=14, **_tile_of(corners, 14))
        png = tmp_path / "tile.png"
        client.download(tile, png)
        rendered = gdal.Open(str(png)).ReadAsArray()
        assert rendered.shape == (4, 256, 256)
        assert (rendered[3] > 0).any()  # the DSM covers part of the tile

        # and through WMS (qgis_mapserver): a GetMap of the layer has real pixels
        assert dsm.wms_url and dsm.wms_layers == "A3"
        xmin, ymin, xmax, ymax = products.bbox()
        getmap = client.get(
            dsm.wms_url,
            params={
                "SERVICE": "WMS",
                "VERSION": "1.3.0",
                "REQUEST": "GetMap",
                "LAYERS": dsm.wms_layers,
                "STYLES": "",
                "CRS": "EPSG:2154",
                "BBOX": f"{xmin},{ymin},{xmax},{ymax}",
                "WIDTH": "64",
                "HEIGHT": "64",
                "FORMAT": "image/png",
            },
        )
        png.write_bytes(getmap.content)
        rendered = gdal.Open(str(png)).ReadAsArray()
        assert rendered.shape[1:] == (64, 64)
        assert rendered[:3].std() > 5  # a hillshaded terrain, not a blank image


def _tile_of(corners: dict, zoom: int) -> dict[str, int]:
    import math

    lon = (corners["TL"][0] + corners["BR"][0]) / 2
    lat = math.radians((corners["TL"][1] + corners["BR"][1]) / 2)
    n = 1 << zoom
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.log(math.tan(lat) + 1 / math.cos(lat)) / math.pi) / 2 * n)
    return {"x": x, "y": y}


def test_jobs_are_listed(backend: JobBackend, dsmopt_service: DsmOptService) -> None:
    first = backend.submit(INPUTS, name="one")
    second = backend.submit(INPUTS, name="two")
    listed = {job.job_id: job for job in backend.list_jobs()}
    assert set(listed) == {first.job_id, second.job_id}


# -- cancellation, failures, refusals -----------------------------------------------------------


def test_cancel_stops_the_job_on_the_server(
    backend: JobBackend, kind: str, dsmopt_service: DsmOptService
) -> None:
    dsmopt_service.gate_on_poll = True  # cannot run past the stage after the one we saw
    job = backend.submit(INPUTS)
    follow(backend, job, until=lambda j: (j.stage_index or 0) >= 2, policy=FAST_POLL)
    dismissed = backend.dismiss(job.job_id)
    assert dismissed.status == "dismissed"
    on_server = dsmopt_service.jobs[job.job_id]
    stage, clock = on_server.stage, on_server.elapsed()
    assert 2 <= stage < len(STAGES)
    time.sleep(4 * dsmopt_service.stage_seconds)
    dsmopt_service.advance(on_server)
    assert on_server.native == "CANCELED"
    assert (on_server.stage, on_server.elapsed()) == (stage, clock)
    assert not (dsmopt_service.folder / job.job_id).exists()  # nothing was published
    if kind == "gdm":
        again = backend.status(job.job_id)
        assert (again.status, again.native_status) == ("dismissed", "CANCELED")
        assert again.stage_index == stage
    else:
        with pytest.raises(JobGoneError):
            backend.status(job.job_id)


def test_failure_at_a_stage_names_it(backend: JobBackend, dsmopt_service: DsmOptService) -> None:
    dsmopt_service.fail_at_stage = 5
    final = run_to_end(backend)
    assert final.status == "failed"
    assert final.stage_index == 5
    with pytest.raises(JobFailedError) as caught:
        final.raise_for_failure()
    text = str(caught.value)
    assert "5/7 PROCESSING: DENSE MATCHING" in text
    assert "MicMac ended with an error" in text
    assert final.job_id in text


def test_quota_refusal_names_cost_and_credit(
    backend: JobBackend, kind: str, dsmopt_service: DsmOptService
) -> None:
    dsmopt_service.credit = 1000
    _, cost = dsmopt_service.validate(dict(INPUTS))
    with pytest.raises(QuotaExceededError) as caught:
        backend.submit(INPUTS)
    assert (caught.value.cost, caught.value.credit) == (cost, 1000)
    text = str(caught.value)
    assert f"{cost:.0f} CPU s" in text and "1000 CPU s" in text
    assert all(job.native in ("SAVED", "EVALUATED") for job in dsmopt_service.jobs.values())
    assert dsmopt_service.credit == 1000  # nothing was charged


def test_invalid_input_is_refused_with_the_servers_reason(backend: JobBackend) -> None:
    with pytest.raises(JobRejectedError, match=r"images: 2 or 3 stereo images expected, got 1"):
        backend.submit({"images": ["only-one"]})
    with pytest.raises(JobRejectedError, match=r"zoomF: one of 1, 2, 4, 8"):
        backend.submit({**INPUTS, "zoomF": 3})


# -- purge and dismiss -------------------------------------------------------------------------


def test_purged_results(
    backend: JobBackend, kind: str, dsmopt_service: DsmOptService, make_client
) -> None:
    final = run_to_end(backend)
    cog = backend.results(final.job_id).layer("A3").cog_url
    if kind == "gdm":
        purged = backend.purge(final.job_id)
        assert (purged.native_status, purged.status, purged.purged) == (
            "PURGED",
            "successful",
            True,
        )
        assert backend.status(final.job_id).purged
        copy = backend.duplicate(final.job_id)  # run it again
        assert copy.job_id != final.job_id and copy.status == "created"
    else:  # OGC has no purge request: the server purges on its own
        dsmopt_service.purge(dsmopt_service.jobs[final.job_id])
    with pytest.raises(ResultsPurgedError, match="purged"):
        backend.results(final.job_id)
    with pytest.raises(NotFoundError) as caught:
        make_client().get(cog)
    assert caught.value.status == 410


@pytest.mark.parametrize("gone", [404, 410])
def test_dismissed_job_disappears(
    backend: JobBackend, dsmopt_service: DsmOptService, gone: int
) -> None:
    dsmopt_service.gone_status = gone
    final = run_to_end(backend)
    dismissed = backend.dismiss(final.job_id)
    assert dismissed.status == "dismissed"
    with pytest.raises(JobGoneError) as caught:
        backend.status(final.job_id)
    assert caught.value.status == gone
    assert final.job_id in str(caught.value)
    # following a job we dismissed ends quietly: it is gone, as expected
    ended = follow(backend, dismissed, policy=FAST_POLL)
    assert ended.gone and ended.terminal
    # a job gone without our knowing is an error
    with pytest.raises(JobGoneError):
        follow(backend, final.job_id, policy=FAST_POLL)
    assert final.job_id not in {job.job_id for job in backend.list_jobs()}


# -- persistence, network loss, double submit --------------------------------------------------


def test_new_client_resumes_a_stored_job(
    kind: str, dsmopt_service: DsmOptService, make_client, tmp_path: Path
) -> None:
    url = service_url(dsmopt_service, kind)
    store = JobStore(tmp_path / "profile" / "dsmopt-jobs.sqlite")
    first = open_backend(kind, url, make_client())
    job = submit_job(first, INPUTS, name="resume", store=store, authcfg="abc1234")
    follow(
        first,
        job,
        until=lambda j: j.stage_index is not None,
        on_update=store.update,
        policy=FAST_POLL,
    )
    first.client.close()

    # a new session: only the database file is shared
    store = JobStore(tmp_path / "profile" / "dsmopt-jobs.sqlite")
    authcfgs: list[str | None] = []

    def client_for(authcfg: str | None):
        authcfgs.append(authcfg)
        return make_client()

    [(backend, known)] = resume_jobs(store, client_for)
    assert (backend.kind, backend.url, known.job_id) == (kind, url, job.job_id)
    assert authcfgs == ["abc1234"]
    assert known.stage_index is not None and known.status in ("accepted", "running")
    final = follow(backend, known, on_update=store.update, policy=FAST_POLL)
    assert final.status == "successful"
    assert store.find(url, job.job_id).job.status == "successful"
    assert resume_jobs(store, client_for) == []  # finished jobs are not resumed
    assert len(dsmopt_service.jobs) == 1
    assert len(submit_paths(dsmopt_service, kind)) == 1


def test_follow_survives_the_server_going_down(
    backend: JobBackend, kind: str, dsmopt_service: DsmOptService
) -> None:
    job = backend.submit(INPUTS)
    feedback = Recorder()
    seen: list[Job] = []
    restarted = threading.Event()

    def on_update(update: Job) -> None:
        seen.append(update)
        if len(seen) == 2:  # the socket closes: "connection refused" until it comes back
            dsmopt_service.go_down()
            timer = threading.Timer(0.8, lambda: (dsmopt_service.come_back(), restarted.set()))
            timer.start()

    final = follow(backend, job, on_update=on_update, feedback=feedback, policy=FAST_POLL)
    assert restarted.is_set()
    assert final.status == "successful"
    assert any("Server unreachable" in info for info in feedback.infos)
    assert len(dsmopt_service.jobs) == 1  # never re-submitted
    assert len(submit_paths(dsmopt_service, kind)) == 1


def test_follow_survives_dropped_connections_and_busy_answers(
    backend: JobBackend, kind: str, dsmopt_service: DsmOptService
) -> None:
    job = backend.submit(INPUTS)
    # more resets in a row than the client's own retries: the poller sees failures
    dsmopt_service.add_fault(status_path(kind), "reset", times=6)
    dsmopt_service.add_fault(status_path(kind), 503, times=1)
    dsmopt_service.add_fault(status_path(kind), 429, times=1)
    dsmopt_service.add_fault(status_path(kind), "truncated", times=1)
    feedback = Recorder()
    final = follow(backend, job, feedback=feedback, policy=FAST_POLL)
    assert final.status == "successful"
    assert all(fault.times == 0 for fault in dsmopt_service.faults)
    assert feedback.infos  # the outage was reported
    assert len(dsmopt_service.jobs) == 1
    assert len(submit_paths(dsmopt_service, kind)) == 1


def test_cancelled_wait_leaves_the_job_running(
    backend: JobBackend, dsmopt_service: DsmOptService
) -> None:
    job = backend.submit(INPUTS)
    feedback = Recorder()

    def stop(update: Job) -> None:
        feedback.token.cancel()

    with pytest.raises(CancelledError):
        follow(backend, job, on_update=stop, feedback=feedback, policy=FAST_POLL)
    assert dsmopt_service.jobs[job.job_id].native in ("ACCEPTED", "RUNNING")


def test_double_submit_creates_one_job(
    kind: str, dsmopt_service: DsmOptService, make_client, tmp_path: Path
) -> None:
    url = service_url(dsmopt_service, kind)
    store = JobStore(tmp_path / "jobs.sqlite")
    key = new_submission_key()
    jobs: list[Job] = []
    errors: list[BaseException] = []

    def press_submit() -> None:
        backend = open_backend(kind, url, make_client())
        try:
            jobs.append(submit_job(backend, INPUTS, submission_key=key, store=store))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=press_submit) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    assert len({job.job_id for job in jobs}) == 1 and len(jobs) == 3
    assert len(dsmopt_service.jobs) == 1
    assert len(submit_paths(dsmopt_service, kind)) == 1
    [record] = store.records()
    assert (record.submission_key, record.job_id, record.backend) == (key, jobs[0].job_id, kind)


def test_server_deduplicates_a_repeated_submission_key(
    backend: JobBackend, dsmopt_service: DsmOptService
) -> None:
    first = backend.submit(INPUTS, submission_key="same-key")
    again = backend.submit(INPUTS, submission_key="same-key")
    assert first.job_id == again.job_id
    assert len(dsmopt_service.jobs) == 1


def test_refused_submission_frees_its_key(
    backend: JobBackend, dsmopt_service: DsmOptService, tmp_path: Path
) -> None:
    store = JobStore(tmp_path / "jobs.sqlite")
    dsmopt_service.credit = 10
    with pytest.raises(QuotaExceededError):
        submit_job(backend, INPUTS, submission_key="k", store=store)
    assert store.records(include_pending=True) == []
    dsmopt_service.credit = 1e9
    job = submit_job(backend, {**INPUTS, "zoomF": 4}, submission_key="k", store=store)
    assert store.get("k").job_id == job.job_id


# -- authentication and API details ------------------------------------------------------------


def test_authentication_required(kind: str, dsmopt_service: DsmOptService, make_client) -> None:
    dsmopt_service.credentials = {"user": "ana", "password": "Pa55-dsm", "api_key": "K-42-secret"}
    url = service_url(dsmopt_service, kind)
    with pytest.raises(AuthenticationError) as caught:
        open_backend(kind, url, make_client()).submit(INPUTS)
    assert caught.value.status == 401
    basic = open_backend(kind, url, make_client(transport={"basic": ("ana", "Pa55-dsm")}))
    keyed = open_backend(
        kind, url, make_client(transport={"headers": {"X-API-Key": "K-42-secret"}})
    )
    job = basic.submit(INPUTS)
    assert keyed.status(job.job_id).job_id == job.job_id
    assert dsmopt_service.jobs


def test_ogc_draft_id_member_and_process_description(
    dsmopt_service: DsmOptService, make_client
) -> None:
    dsmopt_service.ogc_id_member = "id"  # OGC API - Processes 2.0 draft
    backend = open_backend("ogc", dsmopt_service.ogc_url, make_client())
    description = backend.describe_process()
    assert {"images", "roi", "zoomF"} <= set(description["inputs"])
    job = backend.submit(INPUTS)
    assert job.job_id in dsmopt_service.jobs
    final = follow(backend, job, policy=FAST_POLL)
    assert final.job_id == job.job_id and final.status == "successful"


def test_gdm_status_labels_and_evaluation(dsmopt_service: DsmOptService, make_client) -> None:
    backend = open_backend("gdm", dsmopt_service.gdm_url, make_client())
    labels = backend.status_labels()
    assert labels["TERMINATED"] == "Terminé"
    job = backend.submit(INPUTS)
    cost, credit = backend.evaluate(job.job_id)
    assert cost == dsmopt_service.jobs[job.job_id].cost
    assert credit == dsmopt_service.credit
