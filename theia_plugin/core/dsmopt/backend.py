"""The interface both DSM-OPT backends implement, and how to pick one by kind.

A backend only makes short requests: submit, read a status, read results, dismiss. Waiting
is the poller's job (:mod:`.poller`), remembering jobs the store's (:mod:`.store`).
"""

from __future__ import annotations

import abc
import uuid
from collections.abc import Mapping
from typing import Any

from theia_plugin.core.i18n import tr
from theia_plugin.net import HttpClient, HttpResponse, NotFoundError
from theia_plugin.net.base import Feedback

from .model import Job, JobGoneError, JobRejectedError, JobResults, QuotaExceededError

__all__ = ["BACKEND_KINDS", "JobBackend", "new_submission_key", "open_backend"]

#: Header a server may honour so that a repeated POST returns the first job.
IDEMPOTENCY_HEADER = "Idempotency-Key"


def new_submission_key() -> str:
    """A fresh client-side key for one submission (one press of "Submit")."""
    return uuid.uuid4().hex


class JobBackend(abc.ABC):
    """One DSM-OPT server speaking one API."""

    kind = "abstract"

    def __init__(self, url: str, client: HttpClient) -> None:
        self.url = url.rstrip("/")
        self.client = client

    @abc.abstractmethod
    def submit(
        self,
        inputs: Mapping[str, Any],
        *,
        name: str = "",
        submission_key: str | None = None,
        feedback: Feedback | None = None,
    ) -> Job:
        """Create and start a job. Raises :class:`JobRejectedError` (invalid input) or
        :class:`QuotaExceededError` (cost above credit)."""

    @abc.abstractmethod
    def status(self, job_id: str, feedback: Feedback | None = None) -> Job:
        """The job's current state; :class:`JobGoneError` when the server lost it."""

    @abc.abstractmethod
    def results(self, job_id: str, feedback: Feedback | None = None) -> JobResults:
        """What a successful job published; :class:`ResultsPurgedError` once purged."""

    @abc.abstractmethod
    def dismiss(self, job_id: str, feedback: Feedback | None = None) -> Job:
        """Cancel a running job, or remove a finished one."""

    @abc.abstractmethod
    def list_jobs(self, feedback: Feedback | None = None) -> list[Job]:
        """The jobs the server lists for this user."""

    # -- shared helpers ------------------------------------------------------------------------
    def _new_job(self, job_id: str) -> Job:
        return Job(job_id=str(job_id), backend=self.kind, server_url=self.url)

    def _get(self, url: str, job_id: str, feedback: Feedback | None) -> Any:
        """GET JSON; 404/410 mean the job is gone."""
        try:
            return self.client.get_json(url, feedback=feedback)
        except NotFoundError as exc:
            status = exc.status
        raise JobGoneError(job_id, status)

    def _refusal(self, response: HttpResponse) -> Exception:
        """The error for a refused submission: quota, invalid input, or the HTTP error."""
        try:
            body = response.json()
        except Exception:
            body = {}
        body = body if isinstance(body, dict) else {}
        message = str(body.get("detail") or body.get("message") or body.get("title") or "").strip()
        cost = _float(body.get("cost"))
        credit = _float(body.get("credit", body.get("quota")))
        kind = str(body.get("type") or body.get("code") or "").lower()
        if response.status in (402, 403) and (cost is not None or "quota" in kind):
            return QuotaExceededError(cost, credit, message)
        if response.status in (400, 422):
            return JobRejectedError(
                tr("The DSM-OPT server refused the job: {message}").format(
                    message=message
                    or tr("invalid input (HTTP {status})").format(status=response.status)
                )
            )
        return self.client.error_for(response)


def _float(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


BACKEND_KINDS = ("ogc", "gdm")


def open_backend(kind: str, url: str, client: HttpClient, **options: Any) -> JobBackend:
    """The backend of ``kind`` (``"ogc"`` or ``"gdm"``) for the server at ``url``."""
    if kind == "ogc":
        from .ogc import OgcProcessesBackend

        return OgcProcessesBackend(url, client, **options)
    if kind == "gdm":
        from .gdm import GdmBackend

        return GdmBackend(url, client, **options)
    raise ValueError(
        tr("Unknown DSM-OPT backend “{kind}”: expected one of {kinds}").format(
            kind=kind, kinds=", ".join(BACKEND_KINDS)
        )
    )
