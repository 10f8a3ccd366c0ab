"""Logging to the QGIS message log (tab "Theia") and user notices in a message bar.

Core and net code log through the standard ``logging`` module (logger ``theia``) so they stay
Qt-free; :class:`QgsMessageLogHandler` forwards those records to the QGIS message log while
the plugin is loaded.
"""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtWidgets import QPushButton

from theia_plugin.__about__ import __title__
from theia_plugin.core.i18n import tr

LOG_TAG = __title__
ROOT_LOGGER_NAME = "theia"

_QGIS_LEVELS = (
    (logging.ERROR, Qgis.MessageLevel.Critical),
    (logging.WARNING, Qgis.MessageLevel.Warning),
    (logging.INFO, Qgis.MessageLevel.Info),
)


def qgis_level(python_level: int) -> Qgis.MessageLevel:
    for threshold, level in _QGIS_LEVELS:
        if python_level >= threshold:
            return level
    return Qgis.MessageLevel.Info


def log(message: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info) -> None:
    """Write one line in the QGIS message log under the plugin's tab."""
    QgsMessageLog.logMessage(message, LOG_TAG, level, notifyUser=False)


class QgsMessageLogHandler(logging.Handler):
    """Forwards ``logging`` records of the ``theia`` loggers to the QGIS message log."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            log(self.format(record), qgis_level(record.levelno))
        except Exception:  # a log handler must never raise
            self.handleError(record)


def install_log_handler(debug: bool = False) -> QgsMessageLogHandler:
    handler = QgsMessageLogHandler()
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger = logging.getLogger(ROOT_LOGGER_NAME)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    return handler


def remove_log_handler(handler: logging.Handler) -> None:
    logging.getLogger(ROOT_LOGGER_NAME).removeHandler(handler)


def push_message(
    message_bar,
    title: str,
    text: str,
    level: Qgis.MessageLevel = Qgis.MessageLevel.Info,
    details: str = "",
    duration: int | None = None,
):
    """Show a notice in a ``QgsMessageBar``; ``details`` adds a "Details…" button.

    The notice is also written to the message log, so nothing shown to the user is lost
    once the bar item times out. Returns the message-bar item.
    """
    log(f"{title}: {text}" + (f"\n{details}" if details else ""), level)
    item = message_bar.createMessage(title, text)
    if details:
        button = QPushButton(tr("Details…"), item)
        button.setObjectName("theiaDetailsButton")
        button.clicked.connect(lambda _checked=False: _show_details(item, title, details))
        item.layout().addWidget(button)
    if duration is None:
        duration = 0 if level == Qgis.MessageLevel.Critical else 8
    message_bar.pushWidget(item, level, duration)
    return item


def _show_details(item, title: str, details: str) -> None:
    from qgis.gui import QgsMessageViewer

    viewer = QgsMessageViewer(item.window())
    viewer.setWindowTitle(title)
    viewer.setMessageAsPlainText(details)
    viewer.setObjectName("theiaDetailsViewer")
    # Keep a Python reference so the viewer is not garbage-collected while it is shown.
    item._theia_details_viewer = viewer
    viewer.show()
