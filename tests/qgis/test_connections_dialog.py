"""The connection manager dialog, driven offscreen: add, edit, remove, and test in a QgsTask
against the real local STAC API and GEODES-like service."""

from __future__ import annotations

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QEventLoop, Qt, QTimer

from tests.servers.fixtures import clear_proxy_env
from theia_plugin.core.catalogue.connections import (
    BUILTIN_CONNECTIONS,
    Connection,
    ConnectionRegistry,
    MemoryStorage,
)
from theia_plugin.toolbelt.connection_settings import CONNECTIONS_GROUP, QgsSettingsStorage
from theia_plugin.ui.connections_dialog import ConnectionEditor, ConnectionsDialog

MTD = BUILTIN_CONNECTIONS[0].name


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch):
    clear_proxy_env(monkeypatch)


@pytest.fixture
def dialog(qgis_app):
    dlg = ConnectionsDialog(ConnectionRegistry(MemoryStorage()))
    yield dlg
    dlg.deleteLater()


def fill(**fields):
    """A ``run_editor`` replacement: fills the editor's widgets, then presses OK."""

    def run(editor: ConnectionEditor) -> bool:
        if "name" in fields:
            editor.name_edit.setText(fields["name"])
        if "kind" in fields:
            editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(fields["kind"]))
        if "url" in fields:
            editor.url_edit.setText(fields["url"])
        editor.accept()
        return editor.result() == editor.DialogCode.Accepted

    return run


def select(dialog: ConnectionsDialog, name: str) -> None:
    for row in range(dialog.list.count()):
        if dialog.list.item(row).data(Qt.ItemDataRole.UserRole) == name:
            dialog.list.setCurrentRow(row)
            return
    raise AssertionError(f"{name} not listed")


def run_test(dialog: ConnectionsDialog):
    """Clicks Test and turns the event loop until the task reports (the UI stays live)."""
    results = []
    loop = QEventLoop()
    dialog.tested.connect(lambda result: (results.append(result), loop.quit()))
    dialog.test_button.click()
    assert dialog.task is not None and not dialog.test_button.isEnabled()
    assert "Testing" in dialog.status.text()
    QTimer.singleShot(60_000, loop.quit)  # a safety net against a hang, not a timing check
    loop.exec()
    assert results, "the test task never reported"
    return results[0]


def test_builtins_are_listed_and_cannot_be_removed(dialog):
    assert dialog.list.count() == len(BUILTIN_CONNECTIONS)
    select(dialog, MTD)
    assert dialog.edit_button.isEnabled() and not dialog.remove_button.isEnabled()
    editor = ConnectionEditor(dialog.current())
    assert not editor.url_edit.isEnabled() and editor.auth_select.isEnabled()


def test_add_edit_remove(dialog, monkeypatch):
    changes = []
    dialog.changed.connect(lambda: changes.append(1))
    monkeypatch.setattr(dialog, "run_editor", fill(name="Mine", kind="wms", url="http://h/ows"))
    dialog.add()
    assert dialog.registry.get("Mine").kind == "wms"
    assert dialog.current().name == "Mine"
    monkeypatch.setattr(dialog, "run_editor", fill(name="Mine 2", url="http://h2/ows"))
    dialog.edit()
    assert dialog.registry.get("Mine 2").url == "http://h2/ows"
    monkeypatch.setattr(dialog, "confirm_removal", lambda connection: True)
    dialog.remove()
    assert "Mine 2" not in dialog.registry.names()
    assert len(changes) == 3


def test_editor_shows_what_is_wrong_and_stays_open(qgis_app):
    editor = ConnectionEditor()
    editor.name_edit.setText("x")
    editor.url_edit.setText("ftp://nowhere")
    editor.accept()
    assert editor.result() != editor.DialogCode.Accepted
    assert "http://" in editor.error_label.text()


def test_test_runs_in_a_task_against_the_stac_api(dialog, stac_api, monkeypatch):
    monkeypatch.setattr(dialog, "run_editor", fill(name="Local", kind="stac", url=stac_api.url))
    dialog.add()
    result = run_test(dialog)
    assert result.ok, result
    assert dialog.status.text().startswith("✔") and "item search" in dialog.status.text()
    assert dialog.task is None and dialog.test_button.isEnabled()


def test_failed_test_is_shown(dialog, geodes_service, monkeypatch):
    # a GEODES root given as a STAC API: the landing page is not STAC
    url = geodes_service.url("/api/nothing")
    monkeypatch.setattr(dialog, "run_editor", fill(name="Wrong", kind="stac", url=url))
    dialog.add()
    result = run_test(dialog)
    assert not result.ok
    assert dialog.status.text().startswith("✘") and "STAC API" in dialog.status.text(), result
    monkeypatch.setattr(dialog, "run_editor", fill(kind="geodes", url=geodes_service.stac_url))
    dialog.edit()
    assert run_test(dialog).ok


def test_settings_storage_round_trip(qgis_app):
    settings = QgsSettings()
    settings.remove(CONNECTIONS_GROUP)
    try:
        registry = ConnectionRegistry(QgsSettingsStorage())
        registry.add(Connection("Local", "http://127.0.0.1:9", "stac", authcfg="abc1234"))
        mtd = registry.get(MTD)
        registry.update(
            MTD, Connection(MTD, mtd.url, "stac", authcfg="key5678", signing_url=mtd.signing_url)
        )
        again = ConnectionRegistry(QgsSettingsStorage())
        assert again.get("Local").authcfg == "abc1234"
        assert again.get(MTD).authcfg == "key5678"
        assert settings.value(f"{CONNECTIONS_GROUP}/Local/url") == "http://127.0.0.1:9"
        assert settings.value(f"{CONNECTIONS_GROUP}/{MTD}/url") is None  # built-in: authcfg only
    finally:
        settings.remove(CONNECTIONS_GROUP)
