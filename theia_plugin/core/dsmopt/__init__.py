"""Remote DSM-OPT jobs (Qt-free): one job model, two backends, polling and a job store.

- :mod:`.model`: :class:`Job`, :class:`JobResults`, the seven stages, status mapping, errors;
- :mod:`.backend`: the :class:`JobBackend` interface and :func:`open_backend`;
- :mod:`.ogc`: OGC API - Processes Part 1 (async); :mod:`.gdm`: the ForM@Ter GDM native API;
- :mod:`.poller`: :func:`follow` with backoff, cancel-aware, surviving network outages;
- :mod:`.store`: submitted jobs in SQLite; :mod:`.jobs`: guarded submit and resume.
"""

from .backend import JobBackend, new_submission_key, open_backend
from .jobs import backend_for, resume_jobs, submit_job
from .model import (
    STAGES,
    DsmOptError,
    Job,
    JobFailedError,
    JobGoneError,
    JobRejectedError,
    JobResults,
    QuotaExceededError,
    ResultLayer,
    ResultsPurgedError,
    Stage,
)
from .poller import JobPoller, PollPolicy, follow
from .store import JobStore, StoredJob

__all__ = [
    "STAGES",
    "DsmOptError",
    "Job",
    "JobBackend",
    "JobFailedError",
    "JobGoneError",
    "JobPoller",
    "JobRejectedError",
    "JobResults",
    "JobStore",
    "PollPolicy",
    "QuotaExceededError",
    "ResultLayer",
    "ResultsPurgedError",
    "Stage",
    "StoredJob",
    "backend_for",
    "follow",
    "new_submission_key",
    "open_backend",
    "resume_jobs",
    "submit_job",
]
