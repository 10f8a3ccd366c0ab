"""The job model, the record parsers and the SQLite job store, without a server."""

from __future__ import annotations

import itertools
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from theia_plugin.core.dsmopt import (
    STAGES,
    DsmOptError,
    Job,
    JobStore,
    PollPolicy,
    Stage,
    follow,
    submit_job,
)
from theia_plugin.core.dsmopt.gdm import parse_record, parse_result
from theia_plugin.core.dsmopt.model import NATIVE_TO_STANDARD, stage_from_text, standard_status
from theia_plugin.core.dsmopt.ogc import parse_results, parse_status_info
from theia_plugin.net import ConnectionFailedError


@pytest.mark.parametrize(
    ("text", "phase", "expected"),
    [
        ("3/7 PROCESSING: TIE-POINT DETECTION", None, Stage(3, 7, STAGES[2])),
        ("Stage 5/7 PROCESSING: DENSE MATCHING failed: boom", None, Stage(5, 7, STAGES[4])),
        ("POST-PROCESSING", None, Stage(6, 7, "POST-PROCESSING")),
        ("PROCESSING: BUNDLE ADJUSTMENT", "4/7", Stage(4, 7, STAGES[3])),
        ("", "2/7", Stage(2, 7, "DATA: PREPARATION")),
        ("Queued", None, None),
        ("", "0/7", None),
    ],
)
def test_stage_from_text(text: str, phase: str | None, expected: Stage | None) -> None:
    assert stage_from_text(text, phase) == expected


def test_native_statuses_map_to_standard_ones() -> None:
    assert {standard_status(code) for code in NATIVE_TO_STANDARD} == {
        "created",
        "accepted",
        "running",
        "successful",
        "failed",
        "dismissed",
    }
    assert standard_status("PRE-RUN") == "accepted"
    assert standard_status("killed") == "failed"
    assert standard_status("ABORTED") == "dismissed"


def test_job_round_trips_through_a_dict() -> None:
    job = Job("j1", "gdm", "http://h/api", status="running", stage_index=2, stage_count=7)
    job.stage_name, job.cost, job.links = STAGES[1], 12.0, [{"rel": "self", "href": "x"}]
    again = Job.from_dict({**job.to_dict(), "unknown_member": 1})
    assert again == job
    assert str(again.stage) == "2/7 DATA: PREPARATION"
    assert "2/7 DATA: PREPARATION" in again.describe()


def test_status_info_of_both_versions() -> None:
    v1 = parse_status_info(
        {"jobID": "a", "status": "running", "progress": 42, "message": "1/7"}, "u"
    )
    v2 = parse_status_info({"id": "b", "status": "successful"}, "u")
    assert (v1.job_id, v1.status, v1.progress, v1.stage_name) == ("a", "running", 42, STAGES[0])
    assert (v2.job_id, v2.status, v2.progress, v2.terminal) == ("b", "successful", 100, True)


def test_gdm_record_with_steps_and_results() -> None:
    steps = [{"stp_id": 10 + i, "stp_name": n, "stp_order": i} for i, n in enumerate(STAGES, 1)]
    job = parse_record(
        {"id": 7, "status": "INVALID", "stepId": 13, "serviceSteps": steps, "log": "a\nbad ROI"},
        "u",
    )
    assert (job.job_id, job.status, job.stage_index, job.message) == ("7", "failed", 3, "bad ROI")
    bounds = {f"point{k}": [float(i), float(i)] for i, k in enumerate(("TL", "TR", "BR", "BL"))}
    results = parse_result(
        "7",
        {
            "thumbnails": [{"title": "B2 Hillshade", "png": "http://f/B2.png", "legend": ""}],
            "bounds": bounds,
            "results": "http://f/all.zip",
            "partial results": {"B2_hillshade.tif": "http://f/B2.tif", "README.txt": "http://f/r"},
        },
    )
    [layer] = results.layers
    assert (layer.code, layer.cog_url, layer.preview_url) == (
        "B2",
        "http://f/B2.tif",
        "http://f/B2.png",
    )
    assert layer.preview_corners["BR"] == (2.0, 2.0)
    assert results.archive_url == "http://f/all.zip"


def test_ogc_results_with_plain_links() -> None:
    results = parse_results(
        "j",
        {
            "A3": {"href": "http://f/A3.tif", "type": "image/tiff; application=geotiff"},
            "C1": [{"href": "http://f/C1.tif"}, {"href": "http://t/C1/{z}/{x}/{y}.png"}],
            "B4_hillshade": {"href": "http://f/B4.tif"},
            "archive": {"href": "http://f/a.zip", "type": "application/zip"},
            "log": "not a link",
        },
    )
    assert [(layer.code, layer.cog_url) for layer in results.layers] == [
        ("A3", "http://f/A3.tif"),
        ("C1", "http://f/C1.tif"),
        ("B4", "http://f/B4.tif"),
    ]
    assert results.layer("C1").xyz_url == "http://t/C1/{z}/{x}/{y}.png"
    assert results.archive_url == "http://f/a.zip"


# -- store ---------------------------------------------------------------------------------------


def test_store_keeps_no_secret_and_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "jobs.sqlite"
    store = JobStore(path)
    assert store.claim("k1", "http://h/ogc", "ogc", "cfg1234") is None
    assert store.claim("k1", "http://h/ogc", "ogc", "cfg1234").pending
    store.attach("k1", Job("j1", "ogc", "http://h/ogc", status="running"))
    store.update(Job("j1", "ogc", "http://h/ogc", status="successful", progress=100))
    reopened = JobStore(path)
    [record] = reopened.records()
    assert (record.job_id, record.authcfg, record.job.status) == ("j1", "cfg1234", "successful")
    columns = [row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(jobs)")]
    assert columns == [
        "submission_key",
        "server_url",
        "backend",
        "authcfg",
        "job_id",
        "state",
        "created",
        "updated",
    ]
    reopened.remove("http://h/ogc", "j1")
    assert reopened.records() == []


class CountingBackend:
    """A fake backend: counts submissions, answers statuses from a script."""

    kind = "ogc"
    url = "http://fake"

    def __init__(self, statuses=()) -> None:
        self.submitted = 0
        self.statuses = list(statuses)
        self.release = threading.Event()

    def submit(self, inputs, *, name="", submission_key=None, feedback=None):
        self.submitted += 1
        self.release.wait(5)
        return Job(f"job-{self.submitted}", "ogc", self.url)

    def status(self, job_id, feedback=None):
        answer = self.statuses.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return Job(job_id, "ogc", self.url, status=answer)


def test_second_submit_waits_for_the_first(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "jobs.sqlite")
    backend = CountingBackend()
    first: list[Job] = []
    thread = threading.Thread(
        target=lambda: first.append(submit_job(backend, {}, submission_key="k", store=store))
    )
    thread.start()
    while store.get("k") is None:  # the first press has claimed the key
        time.sleep(0.01)
    with pytest.raises(DsmOptError, match="already being submitted"):
        submit_job(backend, {}, submission_key="k", store=store, pending_wait=0.05)
    backend.release.set()
    thread.join(5)
    assert submit_job(backend, {}, submission_key="k", store=store).job_id == first[0].job_id
    assert backend.submitted == 1


def test_poll_delays_grow_to_the_maximum() -> None:
    delays = list(itertools.islice(PollPolicy(initial=2, factor=2, maximum=60).delays(), 8))
    assert delays == [2, 4, 8, 16, 32, 60, 60, 60]


def test_poller_gives_up_after_max_failures() -> None:
    down = ConnectionFailedError(url="http://fake/jobs/x")
    backend = CountingBackend([down, "running", down, down, down])
    policy = PollPolicy(initial=0.001, maximum=0.001, max_failures=3)
    with pytest.raises(ConnectionFailedError):
        follow(backend, "x", policy=policy)
    assert backend.statuses == []  # one failure, a success (count reset), then three failures
    assert backend.submitted == 0
