"""The plugin loads, unloads and reloads through qgis.utils exactly as QGIS does it."""

from __future__ import annotations

import logging
import sys

import pytest
import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtWidgets import QDockWidget, QMenu, QToolBar

PLUGIN = "theia_plugin"
DOCK = "mTheiaCatalogueDock"


def theia_objects(main_window) -> list[QObject]:
    """Every live object the plugin put under the main window (menus, toolbars, actions)."""
    found = [o for o in main_window.findChildren(QObject) if o.objectName().startswith("mTheia")]
    return found


def drain_deletions() -> None:
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture
def plugin_host(qgis_iface, monkeypatch):
    """qgis.utils wired to the test iface, with the plugin's state cleaned afterwards."""
    monkeypatch.setattr(qgis.utils, "iface", qgis_iface)
    # QGIS lists the plugins found in its plugin folders; it only tracks (and so unloads) the
    # modules of listed plugins.
    monkeypatch.setattr(qgis.utils, "available_plugins", [*qgis.utils.available_plugins, PLUGIN])
    # Unloading drops the plugin's modules and reloading imports them again: the tests after
    # this one keep using the modules (and exception classes) they imported, so put them back.
    modules = {k: v for k, v in sys.modules.items() if k == PLUGIN or k.startswith(PLUGIN + ".")}
    yield qgis_iface
    if PLUGIN in qgis.utils.active_plugins:
        qgis.utils.unloadPlugin(PLUGIN)
    drain_deletions()
    for name in [k for k in sys.modules if k == PLUGIN or k.startswith(PLUGIN + ".")]:
        del sys.modules[name]
    sys.modules.update(modules)
    for name, module in modules.items():  # reimports rebound the packages' attributes too
        parent, _, child = name.rpartition(".")
        if parent in modules:
            setattr(modules[parent], child, module)


def theia_browser_providers() -> int:
    return sum(p.name() == "Theia" for p in QgsApplication.dataItemProviderRegistry().providers())


def assert_loaded(iface) -> None:
    main_window = iface.mainWindow()
    assert QgsApplication.processingRegistry().providerById("theia") is not None
    menus = [a.menu() for a in main_window.menuBar().actions() if a.menu()]
    theia_menus = [m for m in menus if m.objectName() == "mTheiaMenu"]
    assert len(theia_menus) == 1
    assert [a.objectName() for a in theia_menus[0].actions()] == [
        "mTheiaCatalogueAction",
        "mTheiaDsmOptAction",
        "mTheiaConnectionsAction",
        "mTheiaSettingsAction",
        "mTheiaHelpAction",
    ]
    assert theia_browser_providers() == 1
    toolbars = [t for t in main_window.findChildren(QToolBar) if t.objectName() == "mTheiaToolBar"]
    assert len(toolbars) == 1
    handlers = logging.getLogger("theia").handlers
    assert sum(type(h).__name__ == "QgsMessageLogHandler" for h in handlers) == 1


def assert_unloaded(iface) -> None:
    drain_deletions()
    main_window = iface.mainWindow()
    assert QgsApplication.processingRegistry().providerById("theia") is None
    assert theia_objects(main_window) == []
    assert theia_browser_providers() == 0
    assert not [m for m in main_window.findChildren(QMenu) if m.objectName() == "mTheiaMenu"]
    assert not [h for h in logging.getLogger("theia").handlers if "QgsMessageLog" in repr(h)]


def test_load_unload_reload_three_times_leaves_nothing_behind(plugin_host):
    iface = plugin_host
    assert qgis.utils.loadPlugin(PLUGIN)
    assert qgis.utils.startPlugin(PLUGIN)
    assert_loaded(iface)
    for _ in range(3):
        qgis.utils.reloadPlugin(PLUGIN)
        drain_deletions()
        assert_loaded(iface)
    assert qgis.utils.unloadPlugin(PLUGIN)
    assert_unloaded(iface)


def open_catalogue(iface):
    plugin = qgis.utils.plugins[PLUGIN]
    action = next(a for a in plugin.actions if a.objectName() == "mTheiaCatalogueAction")
    action.trigger()
    docks = [d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == DOCK]
    assert len(docks) == 1 and plugin.catalogue_dock is docks[0]
    assert action.isChecked()
    return docks[0]


def test_catalogue_dock_opens_from_the_menu_and_goes_with_unload(plugin_host):
    iface = plugin_host
    assert qgis.utils.loadPlugin(PLUGIN)
    assert qgis.utils.startPlugin(PLUGIN)
    open_catalogue(iface)
    for _ in range(2):
        qgis.utils.reloadPlugin(PLUGIN)
        drain_deletions()
        assert not [
            d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == DOCK
        ]
        open_catalogue(iface)
    assert qgis.utils.unloadPlugin(PLUGIN)
    assert_unloaded(iface)
    assert not iface.mainWindow().findChildren(QDockWidget, DOCK)


def test_options_factory_registered_and_unregistered(plugin_host):
    iface = plugin_host
    qgis.utils.loadPlugin(PLUGIN)
    qgis.utils.startPlugin(PLUGIN)
    factory = iface.registerOptionsWidgetFactory.call_args.args[0]
    assert factory.title() == "Theia"
    qgis.utils.unloadPlugin(PLUGIN)
    iface.unregisterOptionsWidgetFactory.assert_called_with(factory)


def test_settings_action_opens_the_theia_options_page(plugin_host):
    iface = plugin_host
    qgis.utils.loadPlugin(PLUGIN)
    qgis.utils.startPlugin(PLUGIN)
    plugin = qgis.utils.plugins[PLUGIN]
    settings_action = next(a for a in plugin.actions if a.objectName() == "mTheiaSettingsAction")
    settings_action.trigger()
    assert iface.showOptionsDialog.call_args.kwargs["currentPage"] == "mOptionsPageTheia"


def test_classfactory_exposes_processing_before_gui(plugin_host):
    """qgis_process calls initProcessing without initGui: the provider must still appear."""
    qgis.utils.loadPlugin(PLUGIN)
    plugin = qgis.utils.plugins.get(PLUGIN) or __import__(PLUGIN).classFactory(plugin_host)
    plugin.initProcessing()
    try:
        assert QgsApplication.processingRegistry().providerById("theia") is not None
    finally:
        plugin.unload()
    assert QgsApplication.processingRegistry().providerById("theia") is None


def test_dsmopt_dock_opens_and_goes_away_on_unload(plugin_host, tmp_path, monkeypatch):
    import theia_plugin.ui.dsmopt_dock as dsmopt_dock

    monkeypatch.setattr(dsmopt_dock, "default_store_path", lambda: tmp_path / "jobs.sqlite")
    iface = plugin_host
    qgis.utils.loadPlugin(PLUGIN)
    qgis.utils.startPlugin(PLUGIN)
    plugin = qgis.utils.plugins[PLUGIN]
    action = next(a for a in plugin.actions if a.objectName() == "mTheiaDsmOptAction")
    action.trigger()
    action.trigger()  # a second time shows the same dock
    docks = [o for o in theia_objects(iface.mainWindow()) if o.objectName() == "mTheiaDsmOptDock"]
    assert len(docks) == 1 and docks[0].timer.isActive()
    qgis.utils.unloadPlugin(PLUGIN)
    assert_unloaded(iface)
