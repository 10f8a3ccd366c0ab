"""Follow a remote job until it ends: short status requests spaced by a growing interval.

The interval starts at a couple of seconds and grows to a minute (the web front-end polls
every 60 s): a DSM takes hours, and the server must not be hammered by clients left open.
Transient failures (connection refused or reset, timeouts, 429, 5xx, a truncated answer) only
lengthen the wait:
following never submits anything, so a network outage cannot create a second job.
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass
from typing import Callable

from theia_plugin.core.i18n import tr
from theia_plugin.net import (
    CancelledError,
    ConnectionFailedError,
    InvalidResponseError,
    RateLimitedError,
    RequestTimeoutError,
    ServerError,
)
from theia_plugin.net.base import Feedback, is_canceled

from .backend import JobBackend
from .model import DISMISSED, Job, JobGoneError

__all__ = ["JobPoller", "PollPolicy", "follow"]

LOG = logging.getLogger("theia.dsmopt")

TRANSIENT_ERRORS = (
    ConnectionFailedError,
    RequestTimeoutError,
    RateLimitedError,
    ServerError,
    InvalidResponseError,  # a truncated or garbled answer (proxy page during an outage)
)


@dataclass
class PollPolicy:
    """Seconds between status requests: ``initial``, multiplied by ``factor`` after each
    poll, at most ``maximum``. ``max_failures`` (None: no limit) consecutive transient
    errors end the wait with the last one."""

    initial: float = 2.0
    factor: float = 1.5
    maximum: float = 60.0
    max_failures: int | None = None

    def delays(self):
        delay = self.initial
        while True:
            yield delay
            delay = min(self.maximum, delay * self.factor)


class JobPoller:
    """Follows one job on one backend (see :func:`follow`)."""

    def __init__(self, backend: JobBackend, policy: PollPolicy | None = None) -> None:
        self.backend = backend
        self.policy = policy or PollPolicy()

    def follow(
        self,
        job: Job | str,
        *,
        until: Callable[[Job], bool] | None = None,
        on_update: Callable[[Job], None] | None = None,
        feedback: Feedback | None = None,
    ) -> Job:
        """Poll until ``until(job)`` (default: a terminal status) and return the last state.

        ``on_update(job)`` receives every state read. A job the server no longer knows
        (404/410) ends the wait: if we knew it as dismissed it comes back marked ``gone``,
        otherwise :class:`JobGoneError` is raised. ``feedback.isCanceled()`` stops waiting
        (:class:`CancelledError`); the remote job keeps running. Progress goes to
        ``feedback.setProgress`` when present.
        """
        done = until or (lambda j: j.terminal)
        current = job if isinstance(job, Job) else None
        job_id = job.job_id if isinstance(job, Job) else str(job)
        failures = 0
        delays = self.policy.delays()
        while True:
            if is_canceled(feedback):
                raise CancelledError(tr("Stopped waiting for the DSM-OPT job"))
            try:
                state = self.backend.status(job_id, feedback=feedback)
            except JobGoneError:
                if current is None or current.status != DISMISSED:
                    raise
                current.gone = True
                _notify(on_update, current)
                return current
            except TRANSIENT_ERRORS as exc:
                failures += 1
                LOG.info("DSM-OPT job %s: %s; polling again", job_id, exc)
                _push(feedback, tr("Server unreachable, retrying: {error}").format(error=exc))
                if self.policy.max_failures is not None and failures >= self.policy.max_failures:
                    raise
                _sleep(next(delays), feedback)
                continue
            failures = 0
            current = state
            _notify(on_update, state)
            if state.progress is not None and feedback is not None:
                setter = getattr(feedback, "setProgress", None)
                if setter is not None:
                    with contextlib.suppress(RuntimeError):
                        setter(float(state.progress))
            if done(state):
                return state
            _sleep(next(delays), feedback)


def follow(
    backend: JobBackend,
    job: Job | str,
    *,
    until: Callable[[Job], bool] | None = None,
    on_update: Callable[[Job], None] | None = None,
    feedback: Feedback | None = None,
    policy: PollPolicy | None = None,
) -> Job:
    """Shortcut for ``JobPoller(backend, policy).follow(job, …)``."""
    return JobPoller(backend, policy).follow(
        job, until=until, on_update=on_update, feedback=feedback
    )


def _notify(on_update: Callable[[Job], None] | None, job: Job) -> None:
    if on_update is not None:
        on_update(job)


def _push(feedback: Feedback | None, text: str) -> None:
    push = getattr(feedback, "pushInfo", None)
    if push is not None:
        with contextlib.suppress(RuntimeError):
            push(text)


def _sleep(seconds: float, feedback: Feedback | None) -> None:
    """Sleep, waking up early (:class:`CancelledError`) when ``feedback`` is cancelled."""
    deadline = time.monotonic() + seconds
    while True:
        if is_canceled(feedback):
            raise CancelledError(tr("Stopped waiting for the DSM-OPT job"))
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return
        time.sleep(min(remaining, 0.1))
