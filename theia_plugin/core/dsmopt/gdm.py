"""DSM-OPT through the ForM@Ter GDM native API (the one its web front-end uses).

Relative to the API base: ``POST process`` saves a job, ``POST process/{id}/evaluate``
estimates its cost against the credit, ``POST process/{id}/start`` runs it (refused when the
cost exceeds the credit); ``GET process/{id}`` is the job record (status code, ``phase``
"i/n", ``stepName``, ``progress``, ``log``, cost, quota, ``datePurge``, ``result``);
``dismiss``, ``duplicate`` and ``purge`` are POSTs on the job; ``GET process`` lists jobs as
a GeoJSON FeatureCollection (``startIndex``, ``totalResults``); ``GET process/status`` is the
localised status dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from theia_plugin.net import HttpClient
from theia_plugin.net.base import Feedback

from .backend import IDEMPOTENCY_HEADER, JobBackend, _float
from .model import (
    Job,
    JobGoneError,
    JobResults,
    QuotaExceededError,
    ResultLayer,
    ResultsPurgedError,
    stage_from_text,
    standard_status,
)
from .ogc import _corners, _dict

__all__ = ["SERVICE_NAME", "GdmBackend", "parse_record", "parse_result"]

SERVICE_NAME = "DSM-OPT"
_LAYER_CODE = re.compile(r"^([A-Z]\d+)(?![0-9A-Za-z])")
PAGE_SIZE = 50


class GdmBackend(JobBackend):
    """The GDM API at ``url`` (its API base, e.g. ``https://…/gdm/api``)."""

    kind = "gdm"

    def __init__(self, url: str, client: HttpClient, service_name: str = SERVICE_NAME) -> None:
        super().__init__(url, client)
        self.service_name = service_name

    # -- submission ----------------------------------------------------------------------------
    def submit(
        self,
        inputs: Mapping[str, Any],
        *,
        name: str = "",
        submission_key: str | None = None,
        feedback: Feedback | None = None,
    ) -> Job:
        headers = {IDEMPOTENCY_HEADER: submission_key} if submission_key else {}
        body = {"name": name, "serviceName": self.service_name, "parameters": dict(inputs)}
        response = self.client.post(
            f"{self.url}/process",
            json=body,
            headers={"Accept": "application/json", **headers},
            feedback=feedback,
            raise_for_status=False,
        )
        if response.status >= 400:
            raise self._refusal(response)
        record = _dict(response.json(), "job record")
        job_id = str(record.get("id"))
        cost, credit = self.evaluate(job_id, feedback=feedback)
        if cost is not None and credit is not None and cost > credit:
            raise QuotaExceededError(cost, credit)
        return self.start(job_id, feedback=feedback)

    def evaluate(self, job_id: str, feedback: Feedback | None = None) -> tuple[float | None, ...]:
        """``(cost, credit)`` in CPU seconds for a saved job."""
        answer = self._post(job_id, "evaluate", feedback)
        return _float(answer.get("cost")), _float(answer.get("quota", answer.get("credit")))

    def estimate(
        self, inputs: Mapping[str, Any], name: str = "", feedback: Feedback | None = None
    ) -> tuple[float | None, ...]:
        """``(cost, credit)`` of a job with ``inputs``, without running it (the job is saved,
        evaluated and dismissed)."""
        response = self.client.post(
            f"{self.url}/process",
            json={"name": name, "serviceName": self.service_name, "parameters": dict(inputs)},
            headers={"Accept": "application/json"},
            feedback=feedback,
            raise_for_status=False,
        )
        if response.status >= 400:
            raise self._refusal(response)
        job_id = str(_dict(response.json(), "job record").get("id"))
        try:
            return self.evaluate(job_id, feedback=feedback)
        finally:
            self._post(job_id, "dismiss", feedback)

    def start(self, job_id: str, feedback: Feedback | None = None) -> Job:
        return parse_record(self._post(job_id, "start", feedback), self.url)

    def duplicate(self, job_id: str, feedback: Feedback | None = None) -> Job:
        """A new saved job with the same parameters (e.g. to run a purged job again)."""
        return parse_record(self._post(job_id, "duplicate", feedback), self.url)

    def purge(self, job_id: str, feedback: Feedback | None = None) -> Job:
        """Delete the job's results on the server (the record stays, PURGED)."""
        return parse_record(self._post(job_id, "purge", feedback), self.url)

    # -- reading -------------------------------------------------------------------------------
    def status(self, job_id: str, feedback: Feedback | None = None) -> Job:
        record = self._get(f"{self.url}/process/{job_id}", job_id, feedback)
        return parse_record(_dict(record, "job record"), self.url, job_id)

    def results(self, job_id: str, feedback: Feedback | None = None) -> JobResults:
        job_record = _dict(
            self._get(f"{self.url}/process/{job_id}", job_id, feedback), "job record"
        )
        job = parse_record(job_record, self.url, job_id)
        if job.purged:
            raise ResultsPurgedError(job_id, job.purge_date)
        return parse_result(job_id, job_record.get("result") or {})

    def list_jobs(self, feedback: Feedback | None = None) -> list[Job]:
        jobs: list[Job] = []
        index = 0
        while True:
            page = self.client.get_json(
                f"{self.url}/process",
                params={"maxRecords": PAGE_SIZE, "index": index},
                feedback=feedback,
            )
            features = page.get("features") or []
            for feature in features:
                record = {**(feature.get("properties") or {})}
                record.setdefault("id", feature.get("id"))
                jobs.append(parse_record(record, self.url))
            index += len(features)
            total = page.get("totalResults")
            if not features or total is None or index >= int(total):
                return jobs

    def status_labels(self, feedback: Feedback | None = None) -> dict[str, str]:
        """Status code → label in the server's language."""
        labels = self.client.get_json(f"{self.url}/process/status", feedback=feedback)
        return {str(k): str(v) for k, v in (labels or {}).items()}

    def dismiss(self, job_id: str, feedback: Feedback | None = None) -> Job:
        job = parse_record(self._post(job_id, "dismiss", feedback), self.url, job_id)
        job.status = "dismissed"  # a finished job is removed: its record still says TERMINATED
        return job

    def _post(self, job_id: str, action: str, feedback: Feedback | None) -> dict[str, Any]:
        url = f"{self.url}/process/{job_id}/{action}"
        response = self.client.post(
            url, headers={"Accept": "application/json"}, feedback=feedback, raise_for_status=False
        )
        if response.status in (404, 410):
            raise JobGoneError(job_id, response.status)
        if response.status >= 400:
            raise self._refusal(response)
        return _dict(response.json() if response.content else {}, "job record")


def parse_record(record: Mapping[str, Any], server_url: str, job_id: str = "") -> Job:
    """A :class:`Job` from a GDM job record."""
    native = str(record.get("status") or "").upper()
    job = Job(job_id=str(record.get("id") or job_id), backend="gdm", server_url=server_url)
    job.native_status = native
    job.status = standard_status(native)
    job.purged = native == "PURGED"
    job.name = str(record.get("name") or "")
    job.progress = _float(record.get("progress"))
    job.log = str(record.get("log") or "")
    job.message = str(record.get("message") or "")
    if not job.message and job.status == "failed" and job.log:
        job.message = job.log.strip().splitlines()[-1]
    stage = stage_from_text(str(record.get("stepName") or ""), str(record.get("phase") or ""))
    if stage is None:
        stage = _stage_from_steps(record)
    job.set_stage(stage)
    job.created = record.get("start")
    job.started = record.get("processStart")
    job.finished = record.get("processEnd") or record.get("end")
    job.updated = record.get("updated")
    job.purge_date = record.get("datePurge")
    job.cost = _float(record.get("cost"))
    job.credit = _float(record.get("quota"))
    feature = record.get("feature") if isinstance(record.get("feature"), dict) else {}
    parameters = (feature.get("properties") or {}).get("parameters")
    job.inputs = dict(parameters) if isinstance(parameters, dict) else {}
    return job


def _stage_from_steps(record: Mapping[str, Any]):
    steps = sorted(record.get("serviceSteps") or [], key=lambda s: s.get("stp_order", 0))
    for position, step in enumerate(steps, 1):
        if str(step.get("stp_id")) == str(record.get("stepId")):
            name = str(step.get("stp_name") or step.get("stp_title") or "")
            return stage_from_text(name, f"{position}/{len(steps)}")
    return None


def parse_result(job_id: str, result: Mapping[str, Any]) -> JobResults:
    """Result layers from a record's ``result``: ``partial results`` (name → COG URL),
    ``thumbnails`` (PNG previews, one ``bounds`` for all), ``results`` (the archive)."""
    results = JobResults(job_id=job_id, archive_url=result.get("results") or None)
    layers: dict[str, ResultLayer] = {}

    def layer_for(text: str) -> ResultLayer | None:
        match = _LAYER_CODE.match(text.strip())
        if not match:
            return None
        code = match.group(1)
        if code not in layers:
            layers[code] = ResultLayer(code=code, title=text)
        return layers[code]

    for name, url in (result.get("partial results") or {}).items():
        layer = layer_for(str(name))
        if layer is not None and str(url).lower().endswith((".tif", ".tiff")):
            layer.cog_url = url
    corners = _corners(result.get("bounds"))
    for thumbnail in result.get("thumbnails") or []:
        layer = layer_for(str(thumbnail.get("title") or ""))
        if layer is None:
            continue
        layer.title = str(thumbnail.get("title"))
        layer.preview_url = thumbnail.get("png")
        layer.legend_url = thumbnail.get("legend") or None
        layer.preview_corners = corners
    results.layers = [layers[code] for code in sorted(layers)]
    return results
