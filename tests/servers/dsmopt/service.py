"""A local DSM-OPT service speaking OGC API - Processes (async) and the ForM@Ter GDM native API.

Both APIs share one set of jobs. A started job walks the seven pipeline stages with real,
time-driven progress (``stage_seconds`` per stage after ``queue_seconds`` in ACCEPTED); with
``gate_on_poll`` a stage also waits until a status request has seen the previous one, so a
test observes every stage whatever the machine's load. A cancelled job stops where it was.
On success the job publishes real products (:mod:`.products`): COGs over HTTP with Range
support, XYZ tiles, PNG previews with corner bounds and a zip archive.

Routes (``base`` = :attr:`DsmOptService.url`):

- OGC: ``/ogc``, ``/ogc/conformance``, ``/ogc/processes``, ``/ogc/processes/dsm-opt``,
  ``POST /ogc/processes/dsm-opt/execution`` (``Prefer: respond-async`` → 201 + Location),
  ``/ogc/jobs``, ``/ogc/jobs/{id}`` (GET, DELETE), ``/ogc/jobs/{id}/results``;
- GDM (API base ``/gdm/api``): ``process`` (GET list, POST save), ``process/status``,
  ``process/{id}``, ``process/{id}/status``, ``POST process/{id}/{evaluate|start|dismiss|
  duplicate|purge}``;
- files: ``/files/{id}/{name}`` (Range), ``/tiles/{id}/{code}/{z}/{x}/{y}.png``;
- WMS: a finished job's layers (named by code) through ``qgis_mapserver``
  (:mod:`.wms`), linked from the OGC results (``rel: wms``, ``layers``); off with
  :attr:`publish_wms` = False.

Failures on demand: :attr:`fail_at_stage` (next started job fails in that stage),
:attr:`credit` (quota), invalid parameters (400), :meth:`add_fault` (an HTTP status, a
connection reset or a truncated answer on matching requests, N times),
:meth:`go_down`/:meth:`come_back` (the listening socket closes and reopens on the same port).
:attr:`credentials` makes the APIs answer 401 unless Basic auth or ``X-API-Key`` matches.
An ``Idempotency-Key`` header makes a repeated submission return the first job.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import itertools
import json
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.servers.http_server import LocalHttpServer, RecordedRequest, _Handler, _Server

from . import products
from .wms import WmsPublisher

__all__ = ["STAGES", "DsmOptService", "ServiceJob"]

STAGES = (
    "DATA: DOWNLOAD",
    "DATA: PREPARATION",
    "PROCESSING: TIE-POINT DETECTION",
    "PROCESSING: BUNDLE ADJUSTMENT",
    "PROCESSING: DENSE MATCHING",
    "POST-PROCESSING",
    "PRODUCTS: PUBLICATION",
)
STEP_TITLES = {
    "DATA: DOWNLOAD": "Téléchargement des images",
    "DATA: PREPARATION": "Préparation des données",
    "PROCESSING: TIE-POINT DETECTION": "Points de liaison (Tapioca)",
    "PROCESSING: BUNDLE ADJUSTMENT": "Aérotriangulation (Campari)",
    "PROCESSING: DENSE MATCHING": "Corrélation dense (Malt)",
    "POST-PROCESSING": "Post-traitements",
    "PRODUCTS: PUBLICATION": "Publication des produits",
}
STATUS_LABELS = {
    "SAVED": "Enregistré",
    "WAITING": "En attente",
    "EVALUATED": "Évalué",
    "ACCEPTED": "Accepté",
    "PRE-RUN": "Pré-traitement",
    "RUNNING": "En cours",
    "DEBUG": "Débogage",
    "TERMINATED": "Terminé",
    "PURGED": "Purgé",
    "FAILED": "Échec",
    "INVALID": "Invalide",
    "KILLED": "Tué",
    "ABORTED": "Abandonné",
    "CANCELED": "Annulé",
}
NATIVE_TO_OGC = {
    "SAVED": "created",
    "EVALUATED": "created",
    "ACCEPTED": "accepted",
    "RUNNING": "running",
    "TERMINATED": "successful",
    "PURGED": "successful",
    "FAILED": "failed",
    "INVALID": "failed",
    "CANCELED": "dismissed",
}
COG_TYPE = "image/tiff; application=geotiff; profile=cloud-optimized"
ZOOM_FACTORS = (1, 2, 4, 8)
WMS_TYPE = "application/vnd.ogc.wms_xml"


def iso(timestamp: float | None) -> str | None:
    if timestamp is None:
        return None
    moment = dt.datetime.fromtimestamp(timestamp, dt.timezone.utc)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass
class ServiceJob:
    """One job on the service."""

    id: str
    name: str
    parameters: dict[str, Any]
    seed: int
    cost: float
    native: str = "SAVED"
    created: float = field(default_factory=time.time)
    started: float | None = None
    finished: float | None = None
    purge_date: float | None = None
    run_clock: float = 0.0  # seconds run before run_since
    run_since: float | None = None  # monotonic start of the current run
    fail_at: int | None = None  # 1-based stage
    seen_stage: int = 0  # highest stage index (1-based) a status request returned
    stage: int = 0  # current stage (1-based; 0: queued)
    progress: float = 0.0
    log: list[str] = field(default_factory=list)
    message: str = ""
    deleted: bool = False  # dismissed through OGC DELETE: the job is gone
    previews: dict[str, products.Preview] | None = None
    wms_url: str | None = None

    def elapsed(self) -> float:
        if self.run_since is None:
            return self.run_clock
        return self.run_clock + time.monotonic() - self.run_since

    def freeze(self) -> None:
        self.run_clock = self.elapsed()
        self.run_since = None


@dataclass
class Fault:
    pattern: re.Pattern
    action: int | str  # an HTTP status, "reset" or "truncated"
    times: int
    method: str | None


class _Listener(LocalHttpServer):
    """:class:`LocalHttpServer` that can close its socket and reopen it on the same port."""

    def __init__(self) -> None:
        self._fixed_port = 0
        super().__init__()

    def start(self) -> _Listener:
        self._stopping.clear()
        self._server = _Server((self.host, self._fixed_port), _Handler)
        self._server.owner = self
        self._fixed_port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="dsmopt-service",
            daemon=True,
        )
        self._thread.start()
        return self

    @property
    def port(self) -> int:
        return self._fixed_port


class DsmOptService:
    """The service (context manager). Test knobs (reset by :meth:`reset`):

    ``stage_seconds``, ``queue_seconds``, ``gate_on_poll``, ``credit`` (CPU s),
    ``purge_days``, ``fail_at_stage`` (1-based, for the next started job),
    ``credentials`` (None, or dict with ``user``/``password``/``api_key``),
    ``gone_status`` (404 or 410 for a dismissed OGC job), ``response_delay`` (seconds before
    every API answer: a slow server), ``ogc_id_member`` (``jobID`` for
    1.0, ``id`` for the 2.0 draft).
    """

    def __init__(self, *, stage_seconds: float = 0.2, folder: Path | None = None) -> None:
        self.default_stage_seconds = stage_seconds
        self._own_folder = folder is None
        self.folder = Path(folder or tempfile.mkdtemp(prefix="dsmopt-service-"))
        self.http = _Listener()
        self.wms = WmsPublisher(self.folder)
        self.lock = threading.RLock()
        self.http.add_route("/ogc", self._safe(self._ogc))
        self.http.add_route("/gdm/api", self._safe(self._gdm))
        self.http.add_route("/files", self._safe(self._files))
        self.http.add_route("/tiles", self._safe(self._tiles))
        self._ids = itertools.count(1)
        self.reset()

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> DsmOptService:
        self.http.start()
        return self

    def stop(self) -> None:
        self.http.stop()
        self.wms.stop()
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> DsmOptService:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def go_down(self) -> None:
        """Close the listening socket: clients get "connection refused", and kept-alive
        connections are reset (jobs go on)."""
        self.down = True
        self.http.stop()

    def come_back(self) -> None:
        """Listen again on the same port."""
        self.down = False
        self.http.start()

    @property
    def url(self) -> str:
        return self.http.url("")

    @property
    def ogc_url(self) -> str:
        return self.http.url("/ogc")

    @property
    def gdm_url(self) -> str:
        return self.http.url("/gdm/api")

    def reset(self) -> None:
        """Forget jobs, faults and settings (between tests)."""
        if getattr(self, "down", False):  # a test ended during an outage
            self.come_back()
        with self.lock:
            self.jobs: dict[str, ServiceJob] = {}
            self.keys: dict[str, str] = {}
            self.faults: list[Fault] = []
            self.stage_seconds = self.default_stage_seconds
            self.queue_seconds = self.default_stage_seconds / 2
            self.gate_on_poll = False
            self.credit = 1_000_000.0
            self.purge_days = 30
            self.fail_at_stage: int | None = None
            self.credentials: dict[str, str] | None = None
            self.gone_status = 404
            self.ogc_id_member = "jobID"
            self.publish_wms = True
            self.response_delay = 0.0
            self.down = False
        self.http.reset()

    def _safe(self, route):
        """A bug in the service answers 500 with its text instead of a dropped connection."""

        def guarded(h: _Handler, r: RecordedRequest) -> None:
            try:
                route(h, r)
            except (BrokenPipeError, ConnectionResetError):
                raise
            except Exception as exc:
                h.send_json(500, {"detail": f"Service error: {type(exc).__name__}: {exc}"})

        return guarded

    # -- faults --------------------------------------------------------------------------------
    def add_fault(
        self, path_regex: str, action: int | str, times: int = 1, method: str | None = None
    ) -> None:
        """Answer ``action`` (an HTTP status, ``"reset"``: drop the connection, or
        ``"truncated"``: half a JSON document) to the next ``times`` requests whose path
        matches ``path_regex`` (and ``method``)."""
        with self.lock:
            self.faults.append(Fault(re.compile(path_regex), action, times, method))

    def _fault_for(self, r: RecordedRequest) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.times > 0 and fault.pattern.search(r.path):
                    if fault.method and fault.method != r.method:
                        continue
                    fault.times -= 1
                    return fault
        return None

    def _guard(self, h: _Handler, r: RecordedRequest) -> bool:
        """Apply faults and authentication; True when the request may proceed."""
        if self.down:  # connections opened before the outage break too
            h.reset_connection()
            return False
        if self.response_delay:  # a slow server (outside the lock: others are served)
            time.sleep(self.response_delay)
        fault = self._fault_for(r)
        if fault is not None:
            if fault.action == "reset":
                h.reset_connection()
            elif fault.action == "truncated":
                h.send_body(200, b'{"jobID": "dsm-0001", "status": "runn')
            else:
                h.send_json(
                    int(fault.action),
                    {"detail": f"Simulated HTTP {fault.action}"},
                    headers={"Retry-After": "0"} if fault.action in (429, 503) else None,
                )
            return False
        creds = self.credentials
        if creds:
            basic = "Basic " + base64.b64encode(
                f"{creds.get('user')}:{creds.get('password')}".encode()
            ).decode("ascii")
            if r.header("Authorization") != basic and (
                not creds.get("api_key") or r.header("X-API-Key") != creds["api_key"]
            ):
                h.send_json(
                    401,
                    {"detail": "Authentication required (Basic or X-API-Key)"},
                    headers={"WWW-Authenticate": 'Basic realm="dsm-opt"'},
                )
                return False
        return True

    # -- job life ------------------------------------------------------------------------------
    def validate(self, parameters: Any) -> tuple[dict[str, Any], float]:
        """Checked parameters and their cost; ValueError naming the bad parameter."""
        if not isinstance(parameters, dict):
            raise ValueError("parameters: a JSON object expected")
        images = parameters.get("images")
        if not isinstance(images, list) or not 2 <= len(images) <= 3:
            count = len(images) if isinstance(images, list) else 0
            raise ValueError(f"images: 2 or 3 stereo images expected, got {count}")
        zoom = parameters.get("zoomF", 2)
        if zoom not in ZOOM_FACTORS:
            raise ValueError(f"zoomF: one of 1, 2, 4, 8 expected, got {zoom!r}")
        roi = parameters.get("roi", list(products.bbox()))
        if (
            not isinstance(roi, list)
            or len(roi) != 4
            or not all(isinstance(v, (int, float)) for v in roi)
            or roi[0] >= roi[2]
            or roi[1] >= roi[3]
        ):
            raise ValueError("roi: [xmin, ymin, xmax, ymax] in EPSG:2154 expected")
        area_km2 = (roi[2] - roi[0]) * (roi[3] - roi[1]) / 1e6
        cost = round(3600 * len(images) * area_km2 / zoom**2)
        return {**parameters, "zoomF": zoom, "roi": roi}, float(cost)

    def create(self, name: str, parameters: dict[str, Any], key: str | None) -> ServiceJob:
        with self.lock:
            if key and key in self.keys:
                return self.jobs[self.keys[key]]
            checked, cost = self.validate(parameters)
            number = next(self._ids)
            job = ServiceJob(
                id=f"dsm-{number:04d}",
                name=name or f"DSM {number}",
                parameters=checked,
                seed=number,
                cost=cost,
            )
            self.jobs[job.id] = job
            if key:
                self.keys[key] = job.id
            job.log.append("Job saved")
            return job

    def evaluate(self, job: ServiceJob) -> None:
        with self.lock:
            if job.native == "SAVED":
                job.native = "EVALUATED"
                job.log.append(f"Estimated cost {job.cost:.0f} CPU s")

    def start_job(self, job: ServiceJob) -> None:
        """Start (raises PermissionError when the cost exceeds the credit)."""
        with self.lock:
            if job.native not in ("SAVED", "EVALUATED"):
                return
            if job.cost > self.credit:
                raise PermissionError(
                    f"Estimated cost {job.cost:.0f} CPU s exceeds the remaining credit "
                    f"{self.credit:.0f} CPU s"
                )
            self.credit -= job.cost
            job.native = "ACCEPTED"
            job.started = time.time()
            job.run_since = time.monotonic()
            job.fail_at, self.fail_at_stage = self.fail_at_stage, None
            job.log.append("Job accepted")

    def cancel(self, job: ServiceJob) -> None:
        with self.lock:
            self.advance(job)
            if job.native in ("ACCEPTED", "RUNNING", "SAVED", "EVALUATED"):
                job.freeze()
                job.native = "CANCELED"
                job.finished = time.time()
                job.message = "Canceled by the user"
                job.log.append(job.message)

    def purge(self, job: ServiceJob) -> None:
        with self.lock:
            self.advance(job)
            if job.native == "TERMINATED":
                job.native = "PURGED"
                job.purge_date = time.time()
                shutil.rmtree(self.folder / job.id, ignore_errors=True)
                job.log.append("Results purged")

    def advance(self, job: ServiceJob) -> None:
        """Bring ``job`` to where its clock says (stages, failure, success)."""
        with self.lock:
            if job.native not in ("ACCEPTED", "RUNNING"):
                return
            elapsed = job.elapsed()
            if elapsed < self.queue_seconds:
                return
            running = (elapsed - self.queue_seconds) / self.stage_seconds
            index = int(running)  # 0-based stage by the clock
            fraction = running - index
            if self.gate_on_poll and index > job.seen_stage:
                # a stage ends only once a status request has shown it
                index, fraction = job.seen_stage, 0.99
            if job.fail_at is not None and (
                index + 1 > job.fail_at or (index + 1 == job.fail_at and fraction >= 0.5)
            ):
                self._fail(job, job.fail_at)
                return
            if index >= len(STAGES):
                self._succeed(job)
                return
            if job.native == "ACCEPTED":
                job.log.append("Job running")
            job.native = "RUNNING"
            if index + 1 != job.stage:
                job.stage = index + 1
                job.log.append(f"Stage {job.stage}/{len(STAGES)} {STAGES[index]}")
            job.progress = round(100.0 * (index + fraction) / len(STAGES), 1)

    def _fail(self, job: ServiceJob, stage: int) -> None:
        job.freeze()
        job.stage = stage
        job.native = "FAILED"
        job.finished = time.time()
        job.message = (
            f"Stage {stage}/{len(STAGES)} {STAGES[stage - 1]} failed: "
            "MicMac ended with an error (simulated)"
        )
        job.log.append(job.message)

    def _succeed(self, job: ServiceJob) -> None:
        job.freeze()
        job.previews = products.write_products(self.folder / job.id, job.seed)
        if self.publish_wms:
            job.wms_url = self.wms.publish(self.folder / job.id)
        job.stage = len(STAGES)
        job.progress = 100.0
        job.native = "TERMINATED"
        job.finished = time.time()
        job.purge_date = job.finished + self.purge_days * 86400
        job.message = "DSM computed"
        job.log.append("Job terminated")

    def observe(self, job: ServiceJob) -> None:
        """A status request saw the job (lets a gated job leave its stage)."""
        with self.lock:
            self.advance(job)
            job.seen_stage = max(job.seen_stage, job.stage)

    def _job(self, h: _Handler, job_id: str) -> ServiceJob | None:
        job = self.jobs.get(job_id)
        if job is None or job.deleted:
            status = self.gone_status if job is not None else 404
            h.send_json(status, {"detail": f"Job {job_id} not found"})
            return None
        return job

    # -- OGC API - Processes -------------------------------------------------------------------
    def _ogc(self, h: _Handler, r: RecordedRequest) -> None:
        if not self._guard(h, r):
            return
        base = self.ogc_url
        parts = [p for p in r.path[len("/ogc") :].split("/") if p]
        if not parts:
            h.send_json(
                200,
                {
                    "title": "DSM-OPT (local test service)",
                    "links": [
                        {"rel": "conformance", "href": f"{base}/conformance"},
                        {"rel": "processes", "href": f"{base}/processes"},
                        {"rel": "jobs", "href": f"{base}/jobs"},
                    ],
                },
            )
        elif parts == ["conformance"]:
            spec = "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf"
            h.send_json(200, {"conformsTo": [f"{spec}/core", f"{spec}/json", f"{spec}/job-list"]})
        elif parts == ["processes"]:
            h.send_json(200, {"processes": [self._summary()], "links": []})
        elif parts == ["processes", "dsm-opt"]:
            h.send_json(200, self._description())
        elif parts[:1] == ["processes"] and len(parts) == 3 and parts[2] == "execution":
            if parts[1] != "dsm-opt":
                h.send_json(404, {"detail": f"No process {parts[1]}"})
            elif r.method != "POST":
                h.send_json(405, {"detail": "POST expected"})
            else:
                self._ogc_execute(h, r)
        elif parts == ["jobs"]:
            with self.lock:
                for job in self.jobs.values():
                    self.advance(job)
                infos = [self._status_info(j) for j in self.jobs.values() if not j.deleted]
            h.send_json(200, {"jobs": infos, "links": []})
        elif parts[0] == "jobs" and len(parts) == 2:
            job = self._job(h, parts[1])
            if job is None:
                return
            if r.method == "DELETE":
                with self.lock:
                    self.cancel(job)
                    job.deleted = True
                    info = self._status_info(job)
                info["status"] = "dismissed"
                h.send_json(200, info)
            else:
                with self.lock:
                    self.observe(job)
                    info = self._status_info(job)
                h.send_json(200, info)
        elif parts[0] == "jobs" and len(parts) == 3 and parts[2] == "results":
            job = self._job(h, parts[1])
            if job is None:
                return
            with self.lock:
                self.advance(job)
                native = job.native
            if native == "PURGED":
                h.send_json(410, {"detail": f"The results of job {job.id} were purged"})
            elif native != "TERMINATED":
                h.send_json(404, {"detail": f"Job {job.id} has no results (status {native})"})
            else:
                h.send_json(200, self._ogc_results(job))
        else:
            h.send_json(404, {"detail": f"Not found: {r.path}"})

    def _summary(self) -> dict[str, Any]:
        return {
            "id": "dsm-opt",
            "title": "DSM-OPT",
            "version": "1.0.0",
            "jobControlOptions": ["async-execute", "dismiss"],
            "outputTransmission": ["reference"],
            "links": [{"rel": "self", "href": f"{self.ogc_url}/processes/dsm-opt"}],
        }

    def _description(self) -> dict[str, Any]:
        return {
            **self._summary(),
            "inputs": {
                "name": {"title": "Job name", "schema": {"type": "string"}, "minOccurs": 0},
                "images": {
                    "title": "Stereo images (2 or 3)",
                    "schema": {"type": "array", "items": {"type": "string"}},
                    "minOccurs": 1,
                },
                "roi": {
                    "title": "Region of interest (EPSG:2154)",
                    "schema": {"type": "array", "items": {"type": "number"}},
                    "minOccurs": 0,
                },
                "zoomF": {
                    "title": "DSM resolution factor",
                    "schema": {"type": "integer", "enum": list(ZOOM_FACTORS), "default": 2},
                    "minOccurs": 0,
                },
                "preset": {
                    "title": "Landscape preset",
                    "schema": {"type": "string", "enum": ["Paysage forestier", "Montagne"]},
                    "minOccurs": 0,
                },
                "outputCrs": _opt("Output CRS", "string", default="EPSG:2154"),
                "orthoImages": _opt("Individual ortho-images", "boolean", default=True),
                "orthoMosaic": _opt("Ortho-mosaic", "boolean", default=False),
                "pointCloud": _opt("Point cloud", "boolean", default=False),
                "coregistration": _opt("DSM coregistration", "boolean", default=False),
                "waterMask": _opt("Water masking", "boolean", default=False),
                "SzW": _opt("Correlation window (SzW)", "integer", enum=[2, 3], default=2),
                "Regul": _opt(
                    "Regularization (Regul)", "number", minimum=0, maximum=1, default=0.025
                ),
                "ZInc": _opt("Z uncertainty (ZInc)", "number", minimum=0, default=0.1),
                "ZPas": _opt("Precision threshold (ZPas)", "number", minimum=0, default=0.4),
                "DefCor": _opt(
                    "Decorrelation threshold (DefCor)", "number", minimum=0, maximum=1, default=0.2
                ),
            },
            "outputs": {
                code: {"title": title, "schema": {"type": "string", "contentMediaType": COG_TYPE}}
                for code, (title, _name) in products.LAYERS.items()
            },
        }

    def _ogc_execute(self, h: _Handler, r: RecordedRequest) -> None:
        try:
            body = json.loads(r.body or b"{}")
            inputs = body.get("inputs", {})
            job = self.create(
                str(inputs.get("name") or ""), dict(inputs), r.header("Idempotency-Key")
            )
        except (ValueError, AttributeError, TypeError) as exc:
            h.send_json(400, {"type": "InvalidParameterValue", "detail": str(exc)})
            return
        try:
            self.start_job(job)
        except PermissionError as exc:
            with self.lock:  # a refused execution leaves no job behind
                self.jobs.pop(job.id, None)
                self.keys = {k: v for k, v in self.keys.items() if v != job.id}
            h.send_json(
                403,
                {
                    "type": "http://dsm-opt.test/errors/quota-exceeded",
                    "title": "Credit exceeded",
                    "detail": str(exc),
                    "cost": job.cost,
                    "credit": self.credit,
                },
            )
            return
        location = f"{self.ogc_url}/jobs/{job.id}"
        h.send_json(201, self._status_info(job), headers={"Location": location})

    def _status_info(self, job: ServiceJob) -> dict[str, Any]:
        status = NATIVE_TO_OGC.get(job.native, "running")
        message = job.message
        if status in ("running", "accepted") and job.stage:
            message = f"{job.stage}/{len(STAGES)} {STAGES[job.stage - 1]}"
        elif status == "accepted":
            message = "Queued"
        base = self.ogc_url
        links = [{"rel": "self", "href": f"{base}/jobs/{job.id}", "type": "application/json"}]
        if job.native == "TERMINATED":
            links.append(
                {
                    "rel": "http://www.opengis.net/def/rel/ogc/1.0/results",
                    "href": f"{base}/jobs/{job.id}/results",
                    "type": "application/json",
                }
            )
        return {
            self.ogc_id_member: job.id,
            "type": "process",
            "processID": "dsm-opt",
            "status": status,
            "message": message,
            "progress": round(job.progress),
            "cost": job.cost,  # optional members (not in the standard)
            "credit": self.credit,
            "purgeDate": iso(job.purge_date),
            "created": iso(job.created),
            "started": iso(job.started),
            "finished": iso(job.finished),
            "updated": iso(time.time()),
            "links": links,
        }

    def _ogc_results(self, job: ServiceJob) -> dict[str, Any]:
        files = f"{self.url}/files/{job.id}"
        outputs: dict[str, Any] = {}
        for code, (title, name) in products.LAYERS.items():
            preview = (job.previews or {})[code]
            outputs[code] = {
                "href": f"{files}/{name}",
                "type": COG_TYPE,
                "title": title,
                "links": [
                    {
                        "rel": "tiles",
                        "href": f"{self.url}/tiles/{job.id}/{code}/{{z}}/{{x}}/{{y}}.png",
                        "type": "image/png",
                    },
                    {
                        "rel": "preview",
                        "href": f"{files}/{preview.file}",
                        "type": "image/png",
                        "bounds": preview.corners,
                    },
                ],
            }
            if job.wms_url:
                outputs[code]["links"].append(
                    {"rel": "wms", "href": job.wms_url, "type": WMS_TYPE, "layers": code}
                )
        outputs["archive"] = {"href": f"{files}/archive.zip", "type": "application/zip"}
        return outputs

    # -- GDM native ----------------------------------------------------------------------------
    def _gdm(self, h: _Handler, r: RecordedRequest) -> None:
        if not self._guard(h, r):
            return
        parts = [p for p in r.path[len("/gdm/api") :].split("/") if p]
        if parts == ["process"] and r.method == "POST":
            self._gdm_create(h, r)
        elif parts == ["process"]:
            self._gdm_list(h, r)
        elif parts == ["process", "status"]:
            h.send_json(200, STATUS_LABELS)
        elif len(parts) >= 2 and parts[0] == "process":
            job = self._job(h, parts[1])
            if job is None:
                return
            action = parts[2] if len(parts) == 3 else None
            if action is None and r.method == "GET":
                with self.lock:
                    self.observe(job)
                    record = self._record(job)
                h.send_json(200, record)
            elif action == "status" and r.method == "GET":
                with self.lock:
                    self.observe(job)
                    record = self._record(job)
                keys = ("id", "status", "progress", "stepId", "stepName", "phase", "log")
                h.send_json(200, {k: record[k] for k in keys})
            elif r.method == "POST" and action in (
                "evaluate",
                "start",
                "dismiss",
                "duplicate",
                "purge",
            ):
                self._gdm_action(h, job, action)
            else:
                h.send_json(404, {"message": f"Not found: {r.method} {r.path}"})
        else:
            h.send_json(404, {"message": f"Not found: {r.path}"})

    def _gdm_create(self, h: _Handler, r: RecordedRequest) -> None:
        try:
            body = json.loads(r.body or b"{}")
            if body.get("serviceName", "DSM-OPT") != "DSM-OPT":
                raise ValueError(f"serviceName: DSM-OPT expected, got {body.get('serviceName')}")
            job = self.create(
                str(body.get("name") or ""),
                body.get("parameters"),
                r.header("Idempotency-Key"),
            )
        except (ValueError, AttributeError, TypeError) as exc:
            h.send_json(400, {"message": str(exc)})
            return
        with self.lock:
            record = self._record(job)
        h.send_json(201, record)

    def _gdm_action(self, h: _Handler, job: ServiceJob, action: str) -> None:
        with self.lock:
            if action == "evaluate":
                self.evaluate(job)
                h.send_json(200, {"id": job.id, "cost": job.cost, "quota": self.credit})
                return
            if action == "start":
                try:
                    self.start_job(job)
                except PermissionError as exc:
                    h.send_json(
                        403,
                        {"message": str(exc), "cost": job.cost, "quota": self.credit},
                    )
                    return
            elif action == "dismiss":
                self.advance(job)
                if job.native in (
                    "TERMINATED", "PURGED", "FAILED", "CANCELED", "SAVED", "EVALUATED",
                ):  # fmt: skip
                    job.deleted = True  # a finished (or never started) job leaves the list
                self.cancel(job)
            elif action == "purge":
                self.advance(job)
                if job.native not in ("TERMINATED", "PURGED"):
                    h.send_json(409, {"message": f"Job {job.id} has no results to purge"})
                    return
                self.purge(job)
            elif action == "duplicate":
                job = self.create(f"{job.name} (copy)", dict(job.parameters), None)
            record = self._record(job)
        h.send_json(200, record)

    def _gdm_list(self, h: _Handler, r: RecordedRequest) -> None:
        def q(name: str, default: str) -> str:
            return (r.query.get(name) or [default])[0]

        try:
            count, index = int(q("maxRecords", "10")), int(q("index", "0"))
        except ValueError:
            h.send_json(400, {"message": "maxRecords and index: integers expected"})
            return
        wanted = q("status", "")
        with self.lock:
            jobs = [j for j in self.jobs.values() if not j.deleted]
            for job in jobs:
                self.advance(job)
            if wanted:
                jobs = [j for j in jobs if j.native == wanted.upper()]
            page = [self._record(j) for j in jobs[index : index + count]]
        features = [
            {**record["feature"], "id": record["id"], "properties": record} for record in page
        ]
        h.send_json(
            200,
            {
                "type": "FeatureCollection",
                "startIndex": index,
                "totalResults": len(jobs),
                "features": features,
            },
        )

    def _record(self, job: ServiceJob) -> dict[str, Any]:
        self.advance(job)
        steps = [
            {"stp_id": 100 + i, "stp_name": name, "stp_title": STEP_TITLES[name], "stp_order": i}
            for i, name in enumerate(STAGES, 1)
        ]
        xmin, ymin, xmax, ymax = job.parameters["roi"]
        record: dict[str, Any] = {
            "id": job.id,
            "name": job.name,
            "serviceName": "DSM-OPT",
            "status": job.native,
            "progress": round(job.progress),
            "stepId": 100 + job.stage if job.stage else None,
            "stepName": STAGES[job.stage - 1] if job.stage else "",
            "phase": f"{job.stage}/{len(STAGES)}" if job.stage else "",
            "serviceSteps": steps,
            "log": "\n".join(job.log),
            "message": job.message,
            "start": iso(job.created),
            "end": iso(job.finished),
            "processStart": iso(job.started),
            "processEnd": iso(job.finished),
            "datePurge": iso(job.purge_date),
            "cost": job.cost,
            "quota": self.credit,
            "images": list(job.parameters.get("images", [])),
            "feature": {
                "type": "Feature",
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [
                        [[xmin, ymin], [xmax, ymin], [xmax, ymax], [xmin, ymax], [xmin, ymin]]
                    ],
                },
                "properties": {"parameters": job.parameters},
            },
            "serviceParametersUrl": f"{self.ogc_url}/processes/dsm-opt",
        }
        if job.native == "TERMINATED" and job.previews:
            files = f"{self.url}/files/{job.id}"
            any_preview = next(iter(job.previews.values()))
            record["result"] = {
                "thumbnails": [
                    {
                        "title": products.LAYERS[code][0],
                        "png": f"{files}/{preview.file}",
                        "legend": "",
                    }
                    for code, preview in job.previews.items()
                ],
                "bounds": any_preview.corners,
                "results": f"{files}/archive.zip",
                "partial results": {
                    name: f"{files}/{name}" for _title, name in products.LAYERS.values()
                },
                "dir": f"{files}/",
            }
        return record

    # -- files and tiles -----------------------------------------------------------------------
    def _files(self, h: _Handler, r: RecordedRequest) -> None:
        parts = [p for p in r.path.split("/") if p][1:]
        if len(parts) != 2 or parts[1].startswith(".") or "/" in parts[1]:
            h.send_json(404, {"detail": "Not found"})
            return
        job = self.jobs.get(parts[0])
        if job is not None and job.native == "PURGED":
            h.send_json(410, {"detail": "Purged"})
            return
        path = self.folder / parts[0] / parts[1]
        if not path.is_file():
            h.send_json(404, {"detail": "Not found"})
            return
        _serve_file(h, r, path)

    def _tiles(self, h: _Handler, r: RecordedRequest) -> None:
        match = re.fullmatch(r"/tiles/([\w-]+)/([A-C]\d)/(\d+)/(\d+)/(\d+)\.png", r.path)
        display = (
            self.folder / match.group(1) / "display" / f"{match.group(2)}.tif" if match else None
        )
        if display is None or not display.is_file():
            h.send_json(404, {"detail": "Not found"})
            return
        z, x, y = (int(match.group(i)) for i in (3, 4, 5))
        h.send_body(200, products.render_tile(display, z, x, y), content_type="image/png")


def _opt(title: str, kind: str, **schema: Any) -> dict[str, Any]:
    """An optional input of the process description."""
    return {"title": title, "schema": {"type": kind, **schema}, "minOccurs": 0}


def _serve_file(h: _Handler, r: RecordedRequest, path: Path) -> None:
    """The file, honouring ``Range: bytes=a-b`` (206/416) as GDAL's /vsicurl/ asks."""
    size = path.stat().st_size
    types = {".tif": "image/tiff", ".png": "image/png", ".zip": "application/zip"}
    ctype = types.get(path.suffix, "application/octet-stream")
    headers = {"Accept-Ranges": "bytes", "ETag": f'"{path.stat().st_mtime_ns:x}-{size:x}"'}
    start, end, status = 0, size - 1, 200
    spec = r.header("Range") or ""
    if spec.startswith("bytes="):
        first, _, last = spec[6:].split(",")[0].partition("-")
        if first:
            start = int(first)
            end = min(int(last), size - 1) if last else size - 1
        else:  # suffix range: the last N bytes
            start = max(0, size - int(last))
        if start >= size:
            h.send_body(416, b"", "text/plain", {"Content-Range": f"bytes */{size}"})
            return
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    with open(path, "rb") as stream:
        stream.seek(start)
        body = stream.read(end - start + 1)
    with contextlib.suppress(OSError):
        h.send_body(status, body, ctype, headers)


def main(argv: list[str] | None = None) -> int:
    """``python -m tests.servers.dsmopt [--port N] [--stage-seconds S]``."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--stage-seconds", type=float, default=5.0)
    parser.add_argument("--credit", type=float, default=1_000_000.0)
    args = parser.parse_args(argv)
    service = DsmOptService(stage_seconds=args.stage_seconds)
    service.http._fixed_port = args.port
    with service:
        service.credit = args.credit
        print(f"DSM-OPT service: OGC API - Processes {service.ogc_url}")
        print(f"                 GDM native API      {service.gdm_url}")
        print("Ctrl-C stops it.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(1)
    return 0
