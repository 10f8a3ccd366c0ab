"""The DSM-OPT job model shared by both backends (OGC API - Processes and ForM@Ter GDM).

A :class:`Job` is the union of what the two APIs say: the standard OGC status, the native GDM
status, the current stage of the seven-stage pipeline, progress, message/log, timestamps,
cost, credit and purge date. It round-trips through a plain dict (the job store keeps it as
JSON).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from theia_plugin.core.i18n import tr

__all__ = [
    "NATIVE_TO_STANDARD",
    "STAGES",
    "TERMINAL_STATUSES",
    "DsmOptError",
    "Job",
    "JobFailedError",
    "JobGoneError",
    "JobRejectedError",
    "JobResults",
    "QuotaExceededError",
    "ResultLayer",
    "ResultsPurgedError",
    "Stage",
    "stage_from_text",
    "standard_status",
]

#: The DSM-OPT pipeline, in order.
STAGES = (
    "DATA: DOWNLOAD",
    "DATA: PREPARATION",
    "PROCESSING: TIE-POINT DETECTION",
    "PROCESSING: BUNDLE ADJUSTMENT",
    "PROCESSING: DENSE MATCHING",
    "POST-PROCESSING",
    "PRODUCTS: PUBLICATION",
)

#: Standard statuses (OGC API - Processes; ``created`` from the 2.0 draft).
CREATED, ACCEPTED, RUNNING, SUCCESSFUL, FAILED, DISMISSED = (
    "created",
    "accepted",
    "running",
    "successful",
    "failed",
    "dismissed",
)
TERMINAL_STATUSES = frozenset({SUCCESSFUL, FAILED, DISMISSED})

#: GDM native status → standard status.
NATIVE_TO_STANDARD = {
    "SAVED": CREATED,
    "WAITING": CREATED,
    "EVALUATED": CREATED,
    "ACCEPTED": ACCEPTED,
    "PRE-RUN": ACCEPTED,
    "RUNNING": RUNNING,
    "DEBUG": RUNNING,
    "TERMINATED": SUCCESSFUL,
    "PURGED": SUCCESSFUL,
    "FAILED": FAILED,
    "INVALID": FAILED,
    "KILLED": FAILED,
    "ABORTED": DISMISSED,
    "CANCELED": DISMISSED,
}

#: Licence of every DSM-OPT product.
LICENCE = "CC-BY-NC"


def standard_status(native: str) -> str:
    """The standard status of a GDM status code (unknown codes count as running)."""
    return NATIVE_TO_STANDARD.get((native or "").strip().upper(), RUNNING)


@dataclass(frozen=True)
class Stage:
    """Stage ``index`` (1-based) of ``count``, with its name."""

    index: int
    count: int
    name: str

    def __str__(self) -> str:
        return f"{self.index}/{self.count} {self.name}".rstrip()


_PHASE = re.compile(r"(\d+)\s*/\s*(\d+)")


def stage_from_text(text: str | None, phase: str | None = None) -> Stage | None:
    """The stage named in a message (``"3/7 PROCESSING: TIE-POINT DETECTION"``) or given as
    a GDM ``phase`` ("i/n"); None when neither names one."""
    name = ""
    upper = (text or "").upper()
    # the longest known name found wins ("PROCESSING:" stages also contain "PROCESSING")
    for candidate in sorted(STAGES, key=len, reverse=True):
        if candidate in upper:
            name = candidate
            break
    match = _PHASE.search(phase or "") or _PHASE.search(text or "")
    if match:
        index, count = int(match.group(1)), int(match.group(2))
        if 0 < index <= count:
            if not name and count == len(STAGES):
                name = STAGES[index - 1]
            return Stage(index, count, name)
    if name:
        return Stage(STAGES.index(name) + 1, len(STAGES), name)
    return None


@dataclass
class Job:
    """What the client knows about one remote job (the last status it read)."""

    job_id: str
    backend: str  # "ogc" or "gdm"
    server_url: str
    status: str = ACCEPTED
    native_status: str = ""
    name: str = ""
    progress: float | None = None
    stage_index: int | None = None
    stage_count: int | None = None
    stage_name: str = ""
    message: str = ""
    log: str = ""
    created: str | None = None
    started: str | None = None
    finished: str | None = None
    updated: str | None = None
    purge_date: str | None = None
    cost: float | None = None
    credit: float | None = None
    purged: bool = False
    gone: bool = False  # the server no longer knows the job (404/410 after dismiss)
    links: list[dict[str, Any]] = field(default_factory=list)
    inputs: dict[str, Any] = field(default_factory=dict)  # what was submitted (to duplicate)

    @property
    def terminal(self) -> bool:
        return self.status in TERMINAL_STATUSES or self.gone

    @property
    def stage(self) -> Stage | None:
        if self.stage_index is None or self.stage_count is None:
            return None
        return Stage(self.stage_index, self.stage_count, self.stage_name)

    def set_stage(self, stage: Stage | None) -> None:
        if stage is not None:
            self.stage_index, self.stage_count, self.stage_name = (
                stage.index,
                stage.count,
                stage.name,
            )

    def describe(self) -> str:
        """One line for a progress dialog: status, stage, progress."""
        parts = [self.native_status or self.status]
        if self.stage is not None:
            parts.append(tr("stage {stage}").format(stage=self.stage))
        if self.progress is not None:
            parts.append(f"{self.progress:.0f} %")
        return " — ".join(parts)

    def raise_for_failure(self) -> None:
        """Raise :class:`JobFailedError` when the job failed (message names the stage)."""
        if self.status == FAILED:
            raise JobFailedError(self)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Job:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class ResultLayer:
    """One published result layer (A1, A3, B2, B4, C1, C2…) and where to read it.

    ``preview_corners`` maps ``"TL"/"TR"/"BR"/"BL"`` to ``(x, y)`` in ``preview_crs``;
    ``wms_url`` is a WMS endpoint serving the layer under the name ``wms_layers``.
    """

    code: str
    title: str = ""
    cog_url: str | None = None
    xyz_url: str | None = None
    wms_url: str | None = None
    wms_layers: str | None = None
    preview_url: str | None = None
    preview_corners: dict[str, tuple[float, float]] | None = None
    preview_crs: str = "EPSG:4326"
    legend_url: str | None = None


@dataclass
class JobResults:
    """What a successful job published."""

    job_id: str
    layers: list[ResultLayer] = field(default_factory=list)
    archive_url: str | None = None
    licence: str = LICENCE

    def layer(self, code: str) -> ResultLayer:
        for layer in self.layers:
            if layer.code == code:
                return layer
        raise KeyError(code)


# -- errors ------------------------------------------------------------------------------------


class DsmOptError(Exception):
    """A DSM-OPT job problem a user can act on (the text says what and why)."""


class JobRejectedError(DsmOptError):
    """The server refused the submission (invalid input…)."""


class QuotaExceededError(DsmOptError):
    """The estimated cost exceeds the remaining credit."""

    def __init__(self, cost: float | None, credit: float | None, server_message: str = "") -> None:
        self.cost, self.credit = cost, credit
        text = tr(
            "The estimated cost of the job ({cost} CPU s) exceeds your remaining credit "
            "({credit} CPU s)"
        ).format(cost=_number(cost), credit=_number(credit))
        if server_message:
            text += " — " + tr("server said: “{message}”").format(message=server_message)
        text += ". " + tr(
            "Reduce the region of interest, raise the resolution factor or ask "
            "ForM@Ter for more credit."
        )
        super().__init__(text)


class JobFailedError(DsmOptError):
    """The job ended in failure."""

    def __init__(self, job: Job) -> None:
        self.job = job
        if job.stage:
            text = tr("DSM-OPT job {id} failed at stage {stage}").format(
                id=job.job_id, stage=job.stage
            )
        else:
            text = tr("DSM-OPT job {id} failed").format(id=job.job_id)
        if job.message:
            text += f": {job.message}"
        super().__init__(text)


class JobGoneError(DsmOptError):
    """The server no longer knows the job (dismissed, deleted: HTTP 404/410)."""

    def __init__(self, job_id: str, status: int | None) -> None:
        self.job_id, self.status = job_id, status
        super().__init__(
            tr("DSM-OPT job {id} no longer exists on the server (HTTP {status})").format(
                id=job_id, status=status
            )
        )


class ResultsPurgedError(DsmOptError):
    """The job succeeded but its results were purged from the server."""

    def __init__(self, job_id: str, purge_date: str | None = None) -> None:
        self.job_id = job_id
        if purge_date:
            text = tr("The results of DSM-OPT job {id} were purged from the server on {date}")
        else:
            text = tr("The results of DSM-OPT job {id} were purged from the server")
        text = text.format(id=job_id, date=purge_date)
        super().__init__(
            text + "; " + tr("run the job again (duplicate it) to get them back") + "."
        )


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
