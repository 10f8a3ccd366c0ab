"""The DSM-OPT job list: a table model over the jobs the dock follows, and a progress delegate."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionProgressBar

from theia_plugin.core.dsmopt import Job, PollPolicy
from theia_plugin.core.i18n import tr

__all__ = ["COLUMNS", "JobRow", "JobsModel", "ProgressDelegate"]

NAME, STATUS, STAGE, PROGRESS, STARTED, FINISHED, COST, PURGE = range(8)
COLUMNS = (
    tr("Name"),
    tr("Status"),
    tr("Stage"),
    tr("Progress"),
    tr("Started"),
    tr("Finished"),
    tr("Cost (CPU s)"),
    tr("Purge date"),
)
JOB_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class JobRow:
    """A followed job, how to reach it, and when to ask for its status next."""

    job: Job
    authcfg: str | None = None
    polling: bool = False
    next_poll: float = 0.0
    delays: Iterator[float] | None = None
    failures: int = 0
    last_error: str = ""
    extra: dict = field(default_factory=dict)

    def schedule(self, policy: PollPolicy) -> None:
        if self.delays is None:
            self.delays = policy.delays()
        self.next_poll = time.monotonic() + next(self.delays)


def _time(text: str | None) -> str:
    return (text or "").replace("T", " ").replace("Z", "")[:19]


class JobsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[JobRow] = []

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        job, column = row.job, index.column()
        if role == JOB_ROLE:
            return job
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{job.job_id} — {job.server_url}", job.message, row.last_error]
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.UserRole and column == PROGRESS:
            return job.progress
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == NAME:
            return job.name or job.job_id
        if column == STATUS:
            status = job.native_status if job.native_status != job.status else job.status
            if job.gone:
                return tr("{status} (gone)").format(status=status or job.status)
            if job.purged and job.native_status != "PURGED":
                return tr("{status} (purged)").format(status=status)
            return status or job.status
        if column == STAGE:
            return str(job.stage) if job.stage else ""
        if column == PROGRESS:
            return "" if job.progress is None else f"{job.progress:.0f} %"
        if column == STARTED:
            return _time(job.started or job.created)
        if column == FINISHED:
            return _time(job.finished)
        if column == COST:
            return "" if job.cost is None else f"{job.cost:.0f}"
        if column == PURGE:
            return _time(job.purge_date)[:10]
        return None

    # -- jobs ----------------------------------------------------------------------------------
    def find(self, server_url: str, job_id: str) -> int:
        for position, row in enumerate(self.rows):
            if row.job.job_id == job_id and row.job.server_url == server_url:
                return position
        return -1

    def upsert(self, job: Job, authcfg: str | None = None) -> JobRow:
        """Add ``job`` or update its row (keeping what the new state does not say)."""
        position = self.find(job.server_url, job.job_id)
        if position < 0:
            self.beginInsertRows(QModelIndex(), 0, 0)
            row = JobRow(job, authcfg)
            self.rows.insert(0, row)  # newest first
            self.endInsertRows()
            return row
        row = self.rows[position]
        old = row.job
        job.name = old.name or job.name  # OGC status documents name the process, not the job
        job.inputs = job.inputs or old.inputs
        job.purged = job.purged or old.purged
        for attribute in ("cost", "credit", "purge_date", "started", "created"):
            if getattr(job, attribute) is None:
                setattr(job, attribute, getattr(old, attribute))
        if job.stage is None and old.stage is not None:
            job.set_stage(old.stage)
        row.job = job
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))
        return row

    def job_at(self, position: int) -> JobRow | None:
        return self.rows[position] if 0 <= position < len(self.rows) else None


class ProgressDelegate(QStyledItemDelegate):
    """Draws the progress column as a progress bar."""

    def paint(self, painter, option, index) -> None:
        value = index.data(Qt.ItemDataRole.UserRole)
        if value is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum = 0, 100
        bar.progress = round(float(value))
        bar.text = f"{float(value):.0f} %"
        bar.textVisible = True
        QApplication.style().drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)
