"""Background work for the DSM-OPT dock: one short QgsTask per request (status, submit,
dismiss, download…), so that the UI thread never waits for the network.

:class:`CallTask` runs ``work(task)`` in a worker thread (the task is the feedback: it has
``isCanceled`` and ``setProgress``) and reports on the main thread through ``done(result)`` or
``failed(message, exception)``. :class:`TaskRunner` keeps the Python side of running tasks
alive and can cancel them all (plugin unload).
"""

from __future__ import annotations

from typing import Any, Callable

from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from theia_plugin.core.i18n import tr

__all__ = ["CallTask", "TaskRunner"]


class CallTask(QgsTask):
    done = pyqtSignal(object)
    failed = pyqtSignal(str, object)

    def __init__(
        self, description: str, work: Callable[[QgsTask], Any], *, can_cancel: bool = True
    ) -> None:
        flags = QgsTask.Flag.CanCancel if can_cancel else QgsTask.Flags()
        super().__init__(description, flags)
        self._work = work
        self.result: Any = None
        self.exception: BaseException | None = None

    def run(self) -> bool:
        try:
            self.result = self._work(self)
        except Exception as exc:  # reported on the main thread by finished()
            self.exception = exc
            return False
        return not self.isCanceled()

    def finished(self, ok: bool) -> None:
        if ok:
            self.done.emit(self.result)
        else:
            message = str(self.exception) if self.exception else tr("Cancelled")
            self.failed.emit(message, self.exception)


class TaskRunner:
    """Starts tasks in the QGIS task manager and remembers those still running."""

    def __init__(self) -> None:
        self._tasks: set[QgsTask] = set()
        self.closed = False

    def start(self, task: QgsTask) -> QgsTask:
        self._tasks.add(task)
        task.taskCompleted.connect(lambda: self._tasks.discard(task))
        task.taskTerminated.connect(lambda: self._tasks.discard(task))
        QgsApplication.taskManager().addTask(task)
        return task

    @property
    def running(self) -> list[QgsTask]:
        return list(self._tasks)

    def cancel_all(self) -> None:
        self.closed = True
        for task in list(self._tasks):
            task.cancel()
