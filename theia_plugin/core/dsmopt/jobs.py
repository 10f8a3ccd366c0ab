"""Submit with the double-submit guard, and resume remembered jobs in a new session."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, Callable

from theia_plugin.core.i18n import tr
from theia_plugin.net import HttpClient, create_client
from theia_plugin.net.base import Feedback, is_canceled

from .backend import JobBackend, new_submission_key, open_backend
from .model import DsmOptError, Job, QuotaExceededError
from .store import JobStore, StoredJob

__all__ = [
    "backend_for",
    "current_credit",
    "duplicate_job",
    "purge_job",
    "resume_jobs",
    "submit_job",
]

ClientFactory = Callable[[Any], HttpClient]


def submit_job(
    backend: JobBackend,
    inputs: Mapping[str, Any],
    *,
    name: str = "",
    submission_key: str | None = None,
    store: JobStore | None = None,
    authcfg: str | None = None,
    feedback: Feedback | None = None,
    pending_wait: float = 60.0,
) -> Job:
    """Submit once per ``submission_key``.

    The key is claimed in ``store`` before the POST; a second call with the same key returns
    the job of the first (waiting up to ``pending_wait`` seconds while the first is still
    being posted) and never posts again. The key is also sent to the server (an
    ``Idempotency-Key`` header) for servers that deduplicate themselves.
    """
    key = submission_key or new_submission_key()
    if store is None:
        job = backend.submit(inputs, name=name, submission_key=key, feedback=feedback)
        job.inputs = dict(inputs)
        return job
    existing = store.claim(key, backend.url, backend.kind, authcfg)
    if existing is not None:
        return _await_first(store, existing, pending_wait, feedback)
    try:
        job = backend.submit(inputs, name=name, submission_key=key, feedback=feedback)
    except BaseException:
        store.release(key)
        raise
    job.inputs = dict(inputs)
    store.attach(key, job)
    return job


def duplicate_job(
    backend: JobBackend,
    job: Job,
    *,
    store: JobStore | None = None,
    authcfg: str | None = None,
    feedback: Feedback | None = None,
) -> Job:
    """Run ``job`` again: the GDM ``duplicate`` action (then evaluate and start), or a new
    submission of the inputs it was submitted with."""
    from .gdm import GdmBackend

    name = tr("{name} (copy)").format(name=job.name) if job.name else ""
    if isinstance(backend, GdmBackend):
        copy = backend.duplicate(job.job_id, feedback=feedback)
        cost, credit = backend.evaluate(copy.job_id, feedback=feedback)
        if cost is not None and credit is not None and cost > credit:
            raise QuotaExceededError(cost, credit)
        new = backend.start(copy.job_id, feedback=feedback)
        new.inputs = dict(job.inputs)
        if store is not None:
            store.add(new, authcfg)
        return new
    if not job.inputs:
        raise DsmOptError(
            tr("The inputs of job {id} are not known here: it cannot be duplicated").format(
                id=job.job_id
            )
        )
    return submit_job(
        backend, job.inputs, name=name, store=store, authcfg=authcfg, feedback=feedback
    )


def purge_job(backend: JobBackend, job: Job, feedback: Feedback | None = None) -> Job:
    """Delete a finished job's results on the server: GDM ``purge``, OGC dismiss."""
    from .gdm import GdmBackend

    if isinstance(backend, GdmBackend):
        purged = backend.purge(job.job_id, feedback=feedback)
    else:
        purged = backend.dismiss(job.job_id, feedback=feedback)
        purged.purged = True
    purged.inputs = dict(job.inputs)
    purged.name = purged.name or job.name
    return purged


def current_credit(backend: JobBackend, feedback: Feedback | None = None) -> float | None:
    """The remaining credit (CPU s) the server reports with its jobs, None when unknown."""
    for job in reversed(backend.list_jobs(feedback=feedback)):
        if job.credit is not None:
            return job.credit
    return None


def _await_first(
    store: JobStore, record: StoredJob, pending_wait: float, feedback: Feedback | None
) -> Job:
    deadline = time.monotonic() + pending_wait
    while record is not None and record.pending and time.monotonic() < deadline:
        if is_canceled(feedback):
            break
        time.sleep(0.05)
        record = store.get(record.submission_key)
    if record is None:
        raise DsmOptError(tr("The first submission with this key failed; submit the job again"))
    if record.pending or record.job is None:
        raise DsmOptError(
            tr("This job is already being submitted; wait for that submission to finish")
        )
    return record.job


def backend_for(
    record: StoredJob, make_client: ClientFactory | None = None, **options: Any
) -> JobBackend:
    """The backend a remembered job was submitted to, with a client for its authcfg."""
    factory = make_client or (lambda authcfg: create_client(authcfg=authcfg))
    return open_backend(record.backend, record.server_url, factory(record.authcfg), **options)


def resume_jobs(
    store: JobStore,
    make_client: ClientFactory | None = None,
    *,
    include_terminal: bool = False,
) -> list[tuple[JobBackend, Job]]:
    """Remembered jobs (last known state) with their backend, ready to be followed again.

    Finished jobs are left out unless ``include_terminal``.
    """
    factory = make_client or (lambda authcfg: create_client(authcfg=authcfg))
    clients: dict[str | None, HttpClient] = {}  # one client per authentication

    def client_for(authcfg: str | None) -> HttpClient:
        if authcfg not in clients:
            clients[authcfg] = factory(authcfg)
        return clients[authcfg]

    resumed = []
    for record in store.records():
        job = record.job
        if job is None or (job.terminal and not include_terminal):
            continue
        resumed.append((backend_for(record, client_for), job))
    return resumed
