"""Processing adapters for remote DSM-OPT jobs (group "Remote DSM (DSM-OPT)").

Thin wrappers over :mod:`theia_plugin.core.dsmopt`: submit (optionally waiting), wait for a
job, fetch its results. Submitted jobs are remembered in the job store of the QGIS profile
(``theia/dsmopt-jobs.sqlite``) so that the plugin lists and resumes them later.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from theia_plugin.core.dsmopt import (
    DsmOptError,
    Job,
    JobStore,
    PollPolicy,
    follow,
    open_backend,
    submit_job,
)
from theia_plugin.core.dsmopt.backend import BACKEND_KINDS, new_submission_key
from theia_plugin.core.i18n import tr
from theia_plugin.net import CancelledError, NetworkError, create_client
from theia_plugin.processing.parameters import processing_error
from theia_plugin.toolbelt.preferences import JOBS_FILE, profile_file

__all__ = [
    "FetchDsmOptResultsAlgorithm",
    "SubmitDsmOptJobAlgorithm",
    "WaitDsmOptJobAlgorithm",
    "default_store_path",
]

LAYER_CODES = ("A1", "A3", "B2", "B4", "C1", "C2")
ZOOM_FACTORS = ("1", "2", "4", "8")


def default_store_path() -> Path:
    """The job database of the current QGIS profile (the dock and Processing share it)."""
    return profile_file(JOBS_FILE)


def _advanced(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return parameter


class _DsmOptAlgorithm(QgsProcessingAlgorithm):
    """Shared parameters (server, API, authentication) and helpers."""

    SERVER_URL, BACKEND, AUTHCFG, JOB_ID = "SERVER_URL", "BACKEND", "AUTHCFG", "JOB_ID"
    POLL_INTERVAL, POLL_MAX = "POLL_INTERVAL", "POLL_MAX"
    STATUS, PROGRESS = "STATUS", "PROGRESS"

    def group(self) -> str:
        return tr("Remote DSM (DSM-OPT)")

    def groupId(self) -> str:
        return "dsmopt"

    def createInstance(self):
        return type(self)()

    def _add_server_parameters(self) -> None:
        self.addParameter(
            QgsProcessingParameterString(
                self.SERVER_URL,
                tr("DSM-OPT server (OGC API - Processes landing page, or GDM API base)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.BACKEND,
                tr("API"),
                options=[tr("OGC API - Processes"), tr("ForM@Ter GDM")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterAuthConfig(self.AUTHCFG, tr("Authentication"), optional=True)
        )

    def _add_poll_parameters(self) -> None:
        self.addParameter(
            _advanced(
                QgsProcessingParameterString(
                    self.POLL_INTERVAL, tr("First polling interval (s)"), defaultValue="2"
                )
            )
        )
        self.addParameter(
            _advanced(
                QgsProcessingParameterString(
                    self.POLL_MAX, tr("Longest polling interval (s)"), defaultValue="60"
                )
            )
        )

    def _backend(self, parameters, context):
        url = self.parameterAsString(parameters, self.SERVER_URL, context).strip()
        if not url.lower().startswith(("http://", "https://")):
            raise QgsProcessingException(
                tr("DSM-OPT server: an http(s) address expected, got “{url}”").format(url=url)
            )
        kind = BACKEND_KINDS[self.parameterAsEnum(parameters, self.BACKEND, context)]
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context) or None
        return open_backend(kind, url, create_client(authcfg=authcfg)), authcfg

    def _policy(self, parameters, context) -> PollPolicy:
        values = []
        for name in (self.POLL_INTERVAL, self.POLL_MAX):
            text = self.parameterAsString(parameters, name, context) or ""
            try:
                value = float(text)
            except ValueError:
                value = -1.0
            if value <= 0:
                raise QgsProcessingException(
                    tr("{name}: a positive number of seconds expected, got “{value}”").format(
                        name=name, value=text
                    )
                )
            values.append(value)
        return PollPolicy(initial=values[0], maximum=max(values))

    def _wait(self, backend, job: Job, policy: PollPolicy, feedback) -> Job:
        last = [""]

        def report(update: Job) -> None:
            line = update.describe()
            if line != last[0]:
                feedback.pushInfo(line)
                last[0] = line
            _store_update(update)

        final = follow(backend, job, on_update=report, feedback=feedback, policy=policy)
        final.raise_for_failure()
        return final

    def _job_id(self, parameters, context) -> str:
        job_id = self.parameterAsString(parameters, self.JOB_ID, context).strip()
        if not job_id:
            raise QgsProcessingException(tr("Job id: the id of a submitted DSM-OPT job expected"))
        return job_id


def _store_update(job: Job) -> None:
    with contextlib.suppress(OSError, sqlite3.Error):  # a read-only profile must not stop it
        JobStore(default_store_path()).update(job)


def _run(call):
    """Run ``call`` and turn DSM-OPT and network errors into Processing errors."""
    try:
        return call()
    except CancelledError:
        return None
    except (DsmOptError, NetworkError, ValueError) as exc:
        raise processing_error(exc) from None


class SubmitDsmOptJobAlgorithm(_DsmOptAlgorithm):
    NAME, IMAGES, ROI, ZOOMF, PRESET, EXTRA, WAIT = (
        "NAME",
        "IMAGES",
        "ROI",
        "ZOOMF",
        "PRESET",
        "EXTRA",
        "WAIT",
    )

    def name(self) -> str:
        return "dsmoptsubmit"

    def displayName(self) -> str:
        return tr("Submit DSM-OPT job")

    def shortHelpString(self) -> str:
        return tr(
            "Submits a DSM-OPT job (ForM@Ter / THEIA / DINAMIS): a digital surface model, "
            "hillshades and ortho-images computed with MicMac from 2 or 3 Pléiades or SPOT "
            "stereo images, on the A2S computing centre. The job's cost (CPU seconds) is "
            "counted against your credit.\n\n"
            "Images: the ids of the 2–3 stereo images, separated by commas or new lines. "
            "Region of interest: xmin,ymin,xmax,ymax in Lambert-93 (EPSG:2154), empty for the "
            "whole images. With “Wait for the end” the algorithm follows the job through its "
            "seven stages (it may take hours); otherwise it returns the job id at once: use "
            "“Wait for DSM-OPT job” and “Fetch DSM-OPT results” later. The job is remembered "
            "in your QGIS profile. Products are licensed CC-BY-NC."
        )

    def initAlgorithm(self, config=None):
        self._add_server_parameters()
        self.addParameter(QgsProcessingParameterString(self.NAME, tr("Job name"), optional=True))
        self.addParameter(
            QgsProcessingParameterString(
                self.IMAGES, tr("Stereo images (2 or 3 ids)"), multiLine=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.ROI,
                tr("Region of interest (xmin,ymin,xmax,ymax in EPSG:2154)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.ZOOMF,
                tr("DSM resolution factor (ZoomF)"),
                options=list(ZOOM_FACTORS),
                defaultValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.PRESET, tr("Landscape preset"), optional=True)
        )
        self.addParameter(
            _advanced(
                QgsProcessingParameterString(
                    self.EXTRA, tr("More parameters (JSON object)"), optional=True
                )
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.WAIT, tr("Wait for the end of the job"), False)
        )
        self._add_poll_parameters()
        self.addOutput(QgsProcessingOutputString(self.JOB_ID, tr("Job id")))
        self.addOutput(QgsProcessingOutputString(self.STATUS, tr("Status")))

    def _inputs(self, parameters, context) -> dict:
        text = self.parameterAsString(parameters, self.IMAGES, context)
        images = [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]
        if not 2 <= len(images) <= 3:
            raise QgsProcessingException(
                tr("Stereo images: 2 or 3 image ids expected, got {count}").format(
                    count=len(images)
                )
            )
        inputs: dict = {
            "images": images,
            "zoomF": int(ZOOM_FACTORS[self.parameterAsEnum(parameters, self.ZOOMF, context)]),
        }
        roi = self.parameterAsString(parameters, self.ROI, context).strip()
        if roi:
            try:
                values = [float(v) for v in roi.split(",")]
            except ValueError:
                values = []
            if len(values) != 4 or values[0] >= values[2] or values[1] >= values[3]:
                raise QgsProcessingException(
                    tr(
                        "Region of interest: xmin,ymin,xmax,ymax with xmin < xmax and "
                        "ymin < ymax expected, got “{roi}”"
                    ).format(roi=roi)
                )
            inputs["roi"] = values
        preset = self.parameterAsString(parameters, self.PRESET, context).strip()
        if preset:
            inputs["preset"] = preset
        extra = self.parameterAsString(parameters, self.EXTRA, context).strip()
        if extra:
            try:
                more = json.loads(extra)
            except ValueError:
                more = None
            if not isinstance(more, dict):
                raise QgsProcessingException(
                    tr("More parameters: a JSON object expected, got “{text}”").format(text=extra)
                )
            inputs.update(more)
        return inputs

    def processAlgorithm(self, parameters, context, feedback):
        backend, authcfg = self._backend(parameters, context)
        inputs = self._inputs(parameters, context)
        policy = self._policy(parameters, context)
        name = self.parameterAsString(parameters, self.NAME, context)
        wait = self.parameterAsBoolean(parameters, self.WAIT, context)

        def work() -> Job:
            store = JobStore(default_store_path())
            job = submit_job(
                backend,
                inputs,
                name=name,
                submission_key=new_submission_key(),
                store=store,
                authcfg=authcfg,
                feedback=feedback,
            )
            feedback.pushInfo(tr("Submitted DSM-OPT job {id}").format(id=job.job_id))
            if wait:
                job = self._wait(backend, job, policy, feedback)
            return job

        job = _run(work)
        if job is None:
            return {}
        return {self.JOB_ID: job.job_id, self.STATUS: job.native_status or job.status}


class WaitDsmOptJobAlgorithm(_DsmOptAlgorithm):
    def name(self) -> str:
        return "dsmoptwait"

    def displayName(self) -> str:
        return tr("Wait for DSM-OPT job")

    def shortHelpString(self) -> str:
        return tr(
            "Follows a submitted DSM-OPT job until it ends, reporting its stage and progress. "
            "Polling starts every few seconds and slows down to once a minute; network "
            "outages are waited out. Cancelling stops waiting, not the job. Fails when the "
            "job fails, naming the stage."
        )

    def initAlgorithm(self, config=None):
        self._add_server_parameters()
        self.addParameter(QgsProcessingParameterString(self.JOB_ID, tr("Job id")))
        self._add_poll_parameters()
        self.addOutput(QgsProcessingOutputString(self.JOB_ID, tr("Job id")))
        self.addOutput(QgsProcessingOutputString(self.STATUS, tr("Status")))
        self.addOutput(QgsProcessingOutputNumber(self.PROGRESS, tr("Progress (%)")))

    def processAlgorithm(self, parameters, context, feedback):
        backend, _authcfg = self._backend(parameters, context)
        job_id = self._job_id(parameters, context)
        policy = self._policy(parameters, context)
        job = _run(lambda: self._wait(backend, job_id, policy, feedback))
        if job is None:
            return {}
        return {
            self.JOB_ID: job.job_id,
            self.STATUS: job.native_status or job.status,
            self.PROGRESS: job.progress if job.progress is not None else 0.0,
        }


class FetchDsmOptResultsAlgorithm(_DsmOptAlgorithm):
    DOWNLOAD, OUTPUT_FOLDER, ARCHIVE, LICENCE = "DOWNLOAD", "OUTPUT_FOLDER", "ARCHIVE", "LICENCE"

    def name(self) -> str:
        return "dsmoptresults"

    def displayName(self) -> str:
        return tr("Fetch DSM-OPT results")

    def shortHelpString(self) -> str:
        return tr(
            "Lists the result layers of a finished DSM-OPT job as GDAL URIs streamed from the "
            "server (Cloud Optimized GeoTIFF through /vsicurl/): A1 DSM quality, A3 DSM, B2 "
            "and B4 hillshades, C1 and C2 ortho-images. Optionally downloads the zip archive "
            "of every product into the output folder. Products are licensed CC-BY-NC."
        )

    def initAlgorithm(self, config=None):
        self._add_server_parameters()
        self.addParameter(QgsProcessingParameterString(self.JOB_ID, tr("Job id")))
        self.addParameter(
            QgsProcessingParameterBoolean(self.DOWNLOAD, tr("Download the zip archive"), False)
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.OUTPUT_FOLDER, tr("Output folder"), optional=True
            )
        )
        for code in LAYER_CODES:
            self.addOutput(
                QgsProcessingOutputString(code, tr("{code} layer URI").format(code=code))
            )
        self.addOutput(QgsProcessingOutputFile(self.ARCHIVE, tr("Archive")))
        self.addOutput(QgsProcessingOutputString(self.LICENCE, tr("Licence")))

    def processAlgorithm(self, parameters, context, feedback):
        backend, _authcfg = self._backend(parameters, context)
        job_id = self._job_id(parameters, context)
        download = self.parameterAsBoolean(parameters, self.DOWNLOAD, context)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        if download and not folder:
            raise QgsProcessingException(
                tr("Output folder: a folder expected to download the archive into")
            )

        def work() -> dict:
            results = backend.results(job_id, feedback=feedback)
            outputs: dict = {self.LICENCE: results.licence}
            for layer in results.layers:
                if layer.cog_url:
                    outputs[layer.code] = "/vsicurl/" + layer.cog_url
                    feedback.pushInfo(f"{layer.code}: {layer.title}")
            if download and results.archive_url:
                target = Path(folder) / f"dsm-opt-{job_id}.zip"
                backend.client.download(results.archive_url, target, feedback=feedback)
                outputs[self.ARCHIVE] = str(target)
                outputs[self.OUTPUT_FOLDER] = folder
            feedback.pushInfo(
                tr("DSM-OPT products are licensed {licence}").format(licence=results.licence)
            )
            return outputs

        outputs = _run(work)
        return outputs or {}
