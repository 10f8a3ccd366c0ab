"""The connection manager: list, add, edit, remove and test catalogue / map-service connections.

A thin view over :class:`~theia_plugin.core.catalogue.connections.ConnectionRegistry`; testing
runs :func:`~theia_plugin.core.catalogue.connections.check_connection` in a QgsTask so the dialog
never waits on the network.
"""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsApplication, QgsTask
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from theia_plugin.core.catalogue.connections import (
    KINDS,
    CheckResult,
    Connection,
    ConnectionRegistry,
    check_connection,
)
from theia_plugin.core.i18n import tr
from theia_plugin.net import HttpClient

KIND_LABELS = {
    "stac": "STAC API",
    "geodes": "GEODES",
    "wms": "WMS",
    "wmts": "WMTS",
}

ClientFactory = Callable[[str], HttpClient]


def _default_client(authcfg: str) -> HttpClient:
    from theia_plugin.toolbelt.network import plugin_http_client

    return plugin_http_client(authcfg or None)


class ConnectionTestTask(QgsTask):
    """Tests one connection off the UI thread; ``done`` carries the :class:`CheckResult`."""

    done = pyqtSignal(object)

    def __init__(self, connection: Connection, client_factory: ClientFactory) -> None:
        super().__init__(tr("Testing connection {name}").format(name=connection.name))
        self.connection = connection
        self.client_factory = client_factory
        self.result: CheckResult | None = None

    def run(self) -> bool:
        try:
            with self.client_factory(self.connection.authcfg) as client:
                self.result = check_connection(self.connection, client, feedback=self)
        except Exception as exc:  # cancelled, or a bad authcfg: shown, never raised in a thread
            self.result = CheckResult(False, tr("The test did not complete"), str(exc))
        return self.result.ok

    def finished(self, ok: bool) -> None:
        self.done.emit(self.result or CheckResult(False, tr("The test was cancelled")))


class ConnectionEditor(QDialog):
    """Edits one connection; a built-in one only lets its authentication be chosen."""

    def __init__(self, connection: Connection | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mTheiaConnectionEditor")
        self.setWindowTitle(tr("Theia connection"))
        self.builtin = bool(connection and connection.builtin)
        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem(KIND_LABELS[kind], kind)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://")
        self.signing_edit = QLineEdit()
        self.signing_edit.setPlaceholderText(tr("optional: URL-signing service of the assets"))
        self.auth_select = QgsAuthConfigSelect(self)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")

        form = QFormLayout()
        form.addRow(tr("Name"), self.name_edit)
        form.addRow(tr("Type"), self.kind_combo)
        form.addRow(tr("URL"), self.url_edit)
        form.addRow(tr("Signing service"), self.signing_edit)
        form.addRow(tr("Authentication"), self.auth_select)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        if connection is not None:
            self.name_edit.setText(connection.name)
            self.kind_combo.setCurrentIndex(KINDS.index(connection.kind))
            self.url_edit.setText(connection.url)
            self.signing_edit.setText(connection.signing_url)
            self.auth_select.setConfigId(connection.authcfg)
        for widget in (self.name_edit, self.kind_combo, self.url_edit, self.signing_edit):
            widget.setEnabled(not self.builtin)
        self._kind_changed()
        self.connection: Connection | None = connection

    def _kind_changed(self) -> None:
        self.signing_edit.setEnabled(not self.builtin and self.kind_combo.currentData() == "stac")

    def value(self) -> Connection:
        """The connection the fields describe (``ValueError`` naming what is wrong)."""
        kind = self.kind_combo.currentData()
        return Connection(
            name=self.name_edit.text(),
            kind=kind,
            url=self.url_edit.text(),
            authcfg=self.auth_select.configId(),
            signing_url=self.signing_edit.text() if kind == "stac" else "",
            builtin=self.builtin,
        )

    def accept(self) -> None:
        try:
            self.connection = self.value()
        except ValueError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()


class ConnectionsDialog(QDialog):
    """The list of connections with Add / Edit / Remove / Test.

    Args:
        registry: where connections live (QgsSettings by default).
        client_factory: ``authcfg → HttpClient`` used by tests of a connection.
    """

    #: emitted after any change to the list (the Browser panel refreshes on it)
    changed = pyqtSignal()
    #: emitted when a test finished (tests and the status line)
    tested = pyqtSignal(object)

    def __init__(
        self,
        registry: ConnectionRegistry | None = None,
        parent: QWidget | None = None,
        client_factory: ClientFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mTheiaConnectionsDialog")
        self.setWindowTitle(tr("Theia connections"))
        if registry is None:
            from theia_plugin.toolbelt.connection_settings import connection_registry

            registry = connection_registry()
        self.registry = registry
        self.client_factory = client_factory or _default_client
        self.task: ConnectionTestTask | None = None

        self.list = QListWidget()
        self.add_button = QPushButton(tr("Add…"))
        self.edit_button = QPushButton(tr("Edit…"))
        self.remove_button = QPushButton(tr("Remove"))
        self.test_button = QPushButton(tr("Test"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.test_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(close)

        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.test_button.clicked.connect(self.test)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(self.edit)
        self.reload()

    # -- list ----------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        self.list.clear()
        for connection in self.registry.connections():
            label = f"{connection.name}  [{KIND_LABELS[connection.kind]}]"
            if connection.builtin:
                label += "  " + tr("(built-in)")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, connection.name)
            item.setToolTip(connection.url)
            self.list.addItem(item)
            if connection.name == select:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def current(self) -> Connection | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self.registry.get(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self, *_args) -> None:
        connection = self.current()
        self.edit_button.setEnabled(connection is not None)
        self.remove_button.setEnabled(connection is not None and not connection.builtin)
        self.test_button.setEnabled(connection is not None and self.task is None)

    # -- actions ---------------------------------------------------------------------------
    def run_editor(self, editor: ConnectionEditor) -> bool:
        """Shows the editor modally (tests replace this to fill it in)."""
        return editor.exec() == QDialog.DialogCode.Accepted

    def add(self) -> None:
        editor = ConnectionEditor(None, self)
        while self.run_editor(editor):
            try:
                connection = self.registry.add(editor.connection)
            except ValueError as exc:
                editor.error_label.setText(str(exc))
                continue
            self.reload(select=connection.name)
            self.changed.emit()
            return

    def edit(self, *_args) -> None:
        current = self.current()
        if current is None:
            return
        editor = ConnectionEditor(current, self)
        while self.run_editor(editor):
            try:
                connection = self.registry.update(current.name, editor.connection)
            except ValueError as exc:
                editor.error_label.setText(str(exc))
                continue
            self.reload(select=connection.name)
            self.changed.emit()
            return

    def confirm_removal(self, connection: Connection) -> bool:
        answer = QMessageBox.question(
            self,
            tr("Remove connection"),
            tr("Remove the connection “{name}”?").format(name=connection.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def remove(self) -> None:
        current = self.current()
        if current is None or current.builtin or not self.confirm_removal(current):
            return
        self.registry.remove(current.name)
        self.reload()
        self.changed.emit()

    def test(self) -> None:
        current = self.current()
        if current is None or self.task is not None:
            return
        self.status.setText(tr("Testing {url}…").format(url=current.url))
        self.task = ConnectionTestTask(current, self.client_factory)
        self.task.done.connect(self._tested)
        self._update_buttons()
        QgsApplication.taskManager().addTask(self.task)

    def _tested(self, result: CheckResult) -> None:
        self.task = None
        prefix = "✔ " if result.ok else "✘ "
        self.status.setText(prefix + result.message)
        self.status.setToolTip(result.detail)
        self._update_buttons()
        self.tested.emit(result)

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
        super().reject()
