"""Options page round-trips settings; notices reach the message log and the message bar."""

from __future__ import annotations

import logging

import pytest
from qgis.core import Qgis, QgsApplication, QgsSettings
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtWidgets import QPushButton, QWidget

from theia_plugin.toolbelt.log import (
    LOG_TAG,
    install_log_handler,
    push_message,
    remove_log_handler,
)
from theia_plugin.toolbelt.preferences import SETTINGS_PREFIX, PlgOptionsManager, PluginSettings
from theia_plugin.ui.options_page import TheiaOptionsFactory, TheiaOptionsPage


@pytest.fixture
def clean_settings():
    settings = QgsSettings()
    settings.remove(SETTINGS_PREFIX.rstrip("/"))
    yield settings
    settings.remove(SETTINGS_PREFIX.rstrip("/"))


class LogSpy:
    def __init__(self):
        self.messages: list[tuple[str, str, Qgis.MessageLevel]] = []
        QgsApplication.messageLog().messageReceived.connect(self._on_message)

    def _on_message(self, message, tag, level):
        self.messages.append((message, tag, level))

    def close(self):
        QgsApplication.messageLog().messageReceived.disconnect(self._on_message)


@pytest.fixture
def log_spy():
    spy = LogSpy()
    yield spy
    spy.close()


def test_defaults_when_nothing_is_stored(clean_settings):
    settings = PlgOptionsManager.get_plg_settings()
    assert settings == PluginSettings()
    assert settings.resolved_cache_folder().name == "theia"


def test_options_page_round_trip(clean_settings, tmp_path, qgis_app):
    parent = QWidget()
    page = TheiaOptionsPage(parent)
    page.timeout_spin.setValue(42)
    page.retries_spin.setValue(5)
    page.cache_widget.setFilePath(str(tmp_path / "cache"))
    page.download_widget.setFilePath(str(tmp_path / "downloads"))
    page.debug_check.setChecked(True)
    page.apply()

    stored = PlgOptionsManager.get_plg_settings()
    assert stored == PluginSettings(
        network_timeout_s=42,
        network_max_retries=5,
        cache_folder=str(tmp_path / "cache"),
        download_folder=str(tmp_path / "downloads"),
        debug_mode=True,
    )
    # A fresh page shows what was stored.
    reopened = TheiaOptionsPage(parent)
    assert reopened.current_settings() == stored


def test_settings_stored_as_strings_are_coerced(clean_settings):
    clean_settings.setValue(SETTINGS_PREFIX + "network_timeout_s", "17")
    clean_settings.setValue(SETTINGS_PREFIX + "network_max_retries", "not a number")
    clean_settings.setValue(SETTINGS_PREFIX + "debug_mode", "true")
    settings = PlgOptionsManager.get_plg_settings()
    assert settings.network_timeout_s == 17
    assert settings.network_max_retries == PluginSettings().network_max_retries
    assert settings.debug_mode is True


def test_options_factory_builds_the_page(qgis_app):
    factory = TheiaOptionsFactory()
    assert factory.title() == "Theia"
    assert not factory.icon().isNull()
    parent = QWidget()
    page = factory.createWidget(parent)
    assert isinstance(page, TheiaOptionsPage)
    assert page.objectName() == "mOptionsPageTheia"


def test_python_logging_reaches_the_qgis_message_log(log_spy):
    handler = install_log_handler()
    try:
        logging.getLogger("theia.net").warning("server slow")
        logging.getLogger("theia.net").debug("not shown without debug mode")
    finally:
        remove_log_handler(handler)
    logging.getLogger("theia.net").warning("after removal")
    ours = [(m, level) for m, tag, level in log_spy.messages if tag == LOG_TAG]
    assert ours == [("theia.net: server slow", Qgis.MessageLevel.Warning)]


def test_push_message_with_details_button(qgis_app, log_spy):
    parent = QWidget()
    bar = QgsMessageBar(parent)
    item = push_message(
        bar,
        "Search failed",
        "The catalogue answered 503.",
        Qgis.MessageLevel.Critical,
        details="HTTP 503 from https://example.test/search\nRetry-After: 30",
    )
    assert bar.currentItem() is item
    assert item.level() == Qgis.MessageLevel.Critical
    assert item.duration() == 0  # critical notices stay until dismissed
    button = item.findChild(QPushButton, "theiaDetailsButton")
    assert button is not None
    button.click()
    viewer = item._theia_details_viewer
    assert viewer.isVisible()
    assert viewer.windowTitle() == "Search failed"
    assert any("Retry-After: 30" in m for m, tag, _ in log_spy.messages if tag == LOG_TAG)
    viewer.close()


def test_push_message_without_details_has_no_button(qgis_app):
    parent = QWidget()
    bar = QgsMessageBar(parent)
    item = push_message(bar, "Done", "3 layers added.")
    assert item.findChild(QPushButton, "theiaDetailsButton") is None
    assert item.duration() == 8
