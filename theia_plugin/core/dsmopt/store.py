"""Submitted DSM-OPT jobs, remembered in SQLite so that a new session can list and resume them.

One row per submission: the client-generated submission key, the server URL, the backend kind,
the authcfg id (an id only: credentials stay in the QGIS auth database), the job id and the
last known state as JSON. The row is claimed *before* the job is posted: a second "Submit"
with the same key finds it and gets the first job instead of creating another one.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .model import Job

__all__ = ["JobStore", "StoredJob"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    submission_key TEXT PRIMARY KEY,
    server_url TEXT NOT NULL,
    backend TEXT NOT NULL,
    authcfg TEXT,
    job_id TEXT,
    state TEXT,
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS jobs_by_server_id ON jobs (server_url, job_id);
"""


@dataclass
class StoredJob:
    """One remembered submission (``job_id`` None while the submission is under way)."""

    submission_key: str
    server_url: str
    backend: str
    authcfg: str | None
    job_id: str | None
    job: Job | None
    created: float
    updated: float

    @property
    def pending(self) -> bool:
        return self.job_id is None


class JobStore:
    """The job database at ``path`` (created with its folder when missing)."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.executescript(_SCHEMA)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # one short connection per operation: usable from any thread (QgsTask workers)
        db = sqlite3.connect(str(self.path), timeout=30)
        try:
            with db:
                yield db
        finally:
            db.close()

    # -- submission guard ----------------------------------------------------------------------
    def claim(
        self, submission_key: str, server_url: str, backend: str, authcfg: str | None = None
    ) -> StoredJob | None:
        """Record a submission about to be posted. Returns None when the key is new (go
        ahead and post), or the existing record when it was claimed before (do not post)."""
        now = time.time()
        with self._lock, self._connect() as db:
            try:
                db.execute(
                    "INSERT INTO jobs (submission_key, server_url, backend, authcfg, created,"
                    " updated) VALUES (?, ?, ?, ?, ?, ?)",
                    (submission_key, server_url, backend, authcfg, now, now),
                )
                return None
            except sqlite3.IntegrityError:
                pass
        return self.get(submission_key)

    def attach(self, submission_key: str, job: Job) -> None:
        """The submission ``submission_key`` created ``job``."""
        with self._lock, self._connect() as db:
            db.execute(
                "UPDATE jobs SET job_id = ?, state = ?, updated = ? WHERE submission_key = ?",
                (job.job_id, _dump(job), time.time(), submission_key),
            )

    def release(self, submission_key: str) -> None:
        """Forget a submission that created no job (refused, failed before the server)."""
        with self._lock, self._connect() as db:
            db.execute(
                "DELETE FROM jobs WHERE submission_key = ? AND job_id IS NULL", (submission_key,)
            )

    # -- jobs ----------------------------------------------------------------------------------
    def add(self, job: Job, authcfg: str | None = None) -> None:
        """Remember a job submitted elsewhere (e.g. found in the server's list)."""
        key = f"{job.backend}:{job.server_url}:{job.job_id}"
        if self.claim(key, job.server_url, job.backend, authcfg) is None:
            self.attach(key, job)
        else:
            self.update(job)

    def update(self, job: Job) -> None:
        """Save the last known state of a remembered job."""
        with self._lock, self._connect() as db:
            db.execute(
                "UPDATE jobs SET state = ?, updated = ? WHERE server_url = ? AND job_id = ?",
                (_dump(job), time.time(), job.server_url, job.job_id),
            )

    def remove(self, server_url: str, job_id: str) -> None:
        with self._lock, self._connect() as db:
            db.execute("DELETE FROM jobs WHERE server_url = ? AND job_id = ?", (server_url, job_id))

    def get(self, submission_key: str) -> StoredJob | None:
        rows = self._select("WHERE submission_key = ?", (submission_key,))
        return rows[0] if rows else None

    def find(self, server_url: str, job_id: str) -> StoredJob | None:
        rows = self._select("WHERE server_url = ? AND job_id = ?", (server_url, job_id))
        return rows[0] if rows else None

    def records(self, *, include_pending: bool = False) -> list[StoredJob]:
        """Remembered jobs, oldest first."""
        where = "" if include_pending else "WHERE job_id IS NOT NULL"
        return self._select(where, ())

    def _select(self, where: str, args: tuple) -> list[StoredJob]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT submission_key, server_url, backend, authcfg, job_id, state, created,"
                f" updated FROM jobs {where} ORDER BY created, rowid",
                args,
            ).fetchall()
        return [
            StoredJob(key, url, kind, authcfg, job_id, _load(state), created, updated)
            for key, url, kind, authcfg, job_id, state, created, updated in rows
        ]


def _dump(job: Job) -> str:
    return json.dumps(job.to_dict(), sort_keys=True)


def _load(state: str | None) -> Job | None:
    if not state:
        return None
    try:
        return Job.from_dict(json.loads(state))
    except (ValueError, TypeError):
        return None  # a damaged row should not hide the others
