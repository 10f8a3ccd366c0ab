"""DSM-OPT through OGC API - Processes Part 1, asynchronous execution.

``POST /processes/{id}/execution`` with ``Prefer: respond-async`` answers 201 and a
``Location`` of the job; ``GET /jobs/{id}`` is a statusInfo (``jobID`` in 1.0, ``id`` in the
2.0 draft); ``GET /jobs/{id}/results`` lists the outputs; ``DELETE /jobs/{id}`` dismisses
(later 404 or 410 is normal). The pipeline stage is not a standard member: it is read from the
message (``"3/7 PROCESSING: TIE-POINT DETECTION"``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin

from theia_plugin.core.i18n import tr
from theia_plugin.net import HttpClient, InvalidResponseError, NotFoundError
from theia_plugin.net.base import Feedback

from .backend import IDEMPOTENCY_HEADER, JobBackend, _float
from .model import (
    CREATED,
    STAGES,
    SUCCESSFUL,
    Job,
    JobGoneError,
    JobResults,
    ResultLayer,
    ResultsPurgedError,
    Stage,
    stage_from_text,
)

__all__ = ["DEFAULT_PROCESS", "OgcProcessesBackend", "parse_status_info"]

DEFAULT_PROCESS = "dsm-opt"
COG_TYPES = ("image/tiff", "application/geotiff")
_LAYER_CODE = re.compile(r"^([A-Z]\d+)(?![0-9A-Za-z])")


class OgcProcessesBackend(JobBackend):
    """An OGC API - Processes server; ``url`` is its landing page."""

    kind = "ogc"

    def __init__(self, url: str, client: HttpClient, process_id: str = DEFAULT_PROCESS) -> None:
        super().__init__(url, client)
        self.process_id = process_id

    def describe_process(self, feedback: Feedback | None = None) -> dict[str, Any]:
        """The process description (inputs and outputs as JSON Schema)."""
        return self.client.get_json(f"{self.url}/processes/{self.process_id}", feedback=feedback)

    def submit(
        self,
        inputs: Mapping[str, Any],
        *,
        name: str = "",
        submission_key: str | None = None,
        feedback: Feedback | None = None,
    ) -> Job:
        headers = {"Prefer": "respond-async", "Accept": "application/json"}
        if submission_key:
            headers[IDEMPOTENCY_HEADER] = submission_key
        body: dict[str, Any] = {"inputs": dict(inputs)}
        if name:
            body["inputs"].setdefault("name", name)
        url = f"{self.url}/processes/{self.process_id}/execution"
        response = self.client.post(
            url, json=body, headers=headers, feedback=feedback, raise_for_status=False
        )
        if response.status >= 400:
            raise self._refusal(response)
        location = response.headers.get("Location")
        info: dict[str, Any] = {}
        if response.content:
            try:
                parsed = response.json()
            except InvalidResponseError:
                parsed = {}
            info = parsed if isinstance(parsed, dict) else {}
        job_id = info.get("jobID") or info.get("id")
        if not job_id and location:
            job_id = urljoin(url, location).rstrip("/").rsplit("/", 1)[-1]
        if not job_id:
            raise InvalidResponseError(
                tr("The server accepted the job but gave neither a job id nor a Location"),
                url=url,
                method="POST",
                hint=tr("The server may not support asynchronous execution"),
            )
        if info.get("status"):
            job = parse_status_info(info, self.url)
            job.job_id = str(job_id)
        else:
            job = self._new_job(str(job_id))
        job.name = name or job.name  # statusInfo names the process, not the job
        return job

    def status(self, job_id: str, feedback: Feedback | None = None) -> Job:
        info = self._get(f"{self.url}/jobs/{job_id}", job_id, feedback)
        return parse_status_info(_dict(info, "statusInfo"), self.url, job_id)

    def results(self, job_id: str, feedback: Feedback | None = None) -> JobResults:
        try:
            document = self.client.get_json(f"{self.url}/jobs/{job_id}/results", feedback=feedback)
        except NotFoundError as exc:
            status = exc.status
        else:
            return parse_results(job_id, _dict(document, "results"))
        if status == 410:
            raise ResultsPurgedError(job_id)
        raise JobGoneError(job_id, status)

    def dismiss(self, job_id: str, feedback: Feedback | None = None) -> Job:
        try:
            response = self.client.delete(
                f"{self.url}/jobs/{job_id}",
                headers={"Accept": "application/json"},
                feedback=feedback,
            )
        except NotFoundError as exc:
            status = exc.status
        else:
            info: Any = {}
            if response.content:
                info = response.json()
            job = parse_status_info(info if isinstance(info, dict) else {}, self.url, job_id)
            job.status = "dismissed"
            return job
        raise JobGoneError(job_id, status)

    def list_jobs(self, feedback: Feedback | None = None) -> list[Job]:
        document = self.client.get_json(f"{self.url}/jobs", feedback=feedback)
        jobs = document.get("jobs", []) if isinstance(document, dict) else document
        return [parse_status_info(info, self.url) for info in jobs if isinstance(info, dict)]


def parse_status_info(info: Mapping[str, Any], server_url: str, job_id: str = "") -> Job:
    """A :class:`Job` from a statusInfo document (1.0 ``jobID`` or 2.0 draft ``id``)."""
    job = Job(
        job_id=str(info.get("jobID") or info.get("id") or job_id),
        backend="ogc",
        server_url=server_url,
    )
    job.status = str(info.get("status") or CREATED).lower()
    job.native_status = job.status
    job.progress = _float(info.get("progress"))
    job.message = str(info.get("message") or "")
    job.created = info.get("created")
    job.started = info.get("started")
    job.finished = info.get("finished")
    job.updated = info.get("updated")
    job.links = [link for link in info.get("links") or [] if isinstance(link, dict)]
    # optional members some servers add (not part of the standard)
    job.cost = _float(info.get("cost"))
    job.credit = _float(info.get("credit"))
    job.purge_date = info.get("purgeDate")
    job.name = str(info.get("name") or info.get("processID") or "")
    job.set_stage(stage_from_text(job.message))
    if job.status == SUCCESSFUL and job.progress is None:
        job.progress = 100.0
    if job.status == SUCCESSFUL and job.stage is None:  # a finished job went through all
        job.set_stage(Stage(len(STAGES), len(STAGES), STAGES[-1]))
    return job


def parse_results(job_id: str, document: Mapping[str, Any]) -> JobResults:
    """Result layers from a results document: each output is a link (``href``) or a list of
    links; a layer's ``links`` may add ``tiles`` (XYZ template), ``wms`` (endpoint and
    ``layers``) and ``preview`` (PNG with ``bounds``)."""
    results = JobResults(job_id=job_id)
    for output_id, value in document.items():
        links = value if isinstance(value, list) else [value]
        links = [link for link in links if isinstance(link, dict) and link.get("href")]
        if not links:
            continue
        first = links[0]
        media = str(first.get("type") or "")
        if "zip" in media or output_id.lower() == "archive":
            results.archive_url = first["href"]
            continue
        match = _LAYER_CODE.match(output_id) or _LAYER_CODE.match(str(first.get("title") or ""))
        layer = ResultLayer(code=match.group(1) if match else output_id)
        layer.title = str(first.get("title") or output_id)
        for link in [*links, *(first.get("links") or [])]:
            kind, href = str(link.get("type") or ""), link.get("href")
            rel = str(link.get("rel") or "")
            if rel in ("tiles", "xyz") or "{z}" in str(href):
                layer.xyz_url = href
            elif rel == "wms" or "wms" in kind.lower():
                layer.wms_url = href
                layer.wms_layers = str(link.get("layers") or layer.code)
            elif rel == "preview" or kind == "image/png":
                layer.preview_url = href
                layer.preview_corners = _corners(link.get("bounds"))
            elif rel == "legend":
                layer.legend_url = href
            elif any(kind.startswith(t) for t in COG_TYPES) or href.endswith((".tif", ".tiff")):
                layer.cog_url = href
        results.layers.append(layer)
    return results


def _corners(bounds: Any) -> dict[str, tuple[float, float]] | None:
    """``{"pointTL": [x, y], …}`` → ``{"TL": (x, y), …}``."""
    if not isinstance(bounds, dict):
        return None
    corners = {}
    for key in ("TL", "TR", "BR", "BL"):
        point = bounds.get(f"point{key}")
        if isinstance(point, (list, tuple)) and len(point) == 2:
            corners[key] = (float(point[0]), float(point[1]))
    return corners if len(corners) == 4 else None


def _dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidResponseError(
            tr("The DSM-OPT server sent an answer that is not a JSON object ({what})").format(
                what=what
            )
        )
    return value
