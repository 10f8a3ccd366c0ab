"""Wires the plugin into QGIS: menu, toolbar, Processing provider, options page, logging.

Everything ``initGui``/``initProcessing`` adds is undone by ``unload`` so the plugin can be
reloaded any number of times without leaving menus, providers, docks or connections behind.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from theia_plugin.__about__ import PLUGIN_DIR, __homepage__, __icon_path__, __title__
from theia_plugin.core.i18n import tr
from theia_plugin.processing.provider import TheiaProvider
from theia_plugin.toolbelt.log import install_log_handler, remove_log_handler
from theia_plugin.toolbelt.preferences import PlgOptionsManager
from theia_plugin.ui.catalogue_dock import CatalogueDock, interface_language
from theia_plugin.ui.options_page import OPTIONS_PAGE_NAME, TheiaOptionsFactory

MENU_OBJECT_NAME = "mTheiaMenu"
TOOLBAR_OBJECT_NAME = "mTheiaToolBar"
I18N_DIR = PLUGIN_DIR / "resources" / "i18n"


def user_locale() -> str:
    """Two-letter language QGIS runs in (its own override first, then the system's)."""
    return interface_language()


class TheiaPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider: TheiaProvider | None = None
        self.options_factory: TheiaOptionsFactory | None = None
        self.browser_provider = None
        self.project_resigner = None
        self.menu: QMenu | None = None
        self.toolbar = None
        self.actions: list[QAction] = []
        self.catalogue_dock: CatalogueDock | None = None
        self.catalogue_action: QAction | None = None
        self.dsmopt_dock = None
        self._log_handler = None
        self.translator = self._install_translator(user_locale())

    # -- translation ---------------------------------------------------------------------
    @staticmethod
    def _install_translator(language: str) -> QTranslator | None:
        qm_file = I18N_DIR / f"theia_{language}.qm"
        if not qm_file.is_file():
            return None
        translator = QTranslator()
        if not translator.load(str(qm_file)):
            return None
        QCoreApplication.installTranslator(translator)
        return translator

    # -- QGIS hooks ----------------------------------------------------------------------
    def initProcessing(self) -> None:
        if self.provider is None:
            self.provider = TheiaProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:
        self._log_handler = install_log_handler(PlgOptionsManager.get_plg_settings().debug_mode)
        self.initProcessing()

        self.options_factory = TheiaOptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

        self._init_catalogue_integration()

        icon = QIcon(str(__icon_path__))
        main_window = self.iface.mainWindow()
        self.menu = QMenu(tr("&Theia"), main_window)
        self.menu.setObjectName(MENU_OBJECT_NAME)
        self.toolbar = self.iface.addToolBar(tr("Theia"))
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)

        self.catalogue_action = self._add_action(
            QgsApplication.getThemeIcon("/mActionAddLayer.svg"),
            tr("Catalogue"),
            self.toggle_catalogue,
            in_toolbar=True,
        )
        self.catalogue_action.setObjectName("mTheiaCatalogueAction")
        self.catalogue_action.setCheckable(True)

        dsmopt_action = self._add_action(
            QgsApplication.getThemeIcon("/mActionShowRasterCalculator.svg"),
            tr("DSM-OPT jobs…"),
            self.toggle_dsmopt_dock,
            in_toolbar=True,
        )
        dsmopt_action.setObjectName("mTheiaDsmOptAction")
        connections_action = self._add_action(
            QgsApplication.getThemeIcon("/mActionAddLayer.svg"),
            tr("Connections…"),
            self.open_connections,
            in_toolbar=False,
        )
        connections_action.setObjectName("mTheiaConnectionsAction")
        settings_action = self._add_action(
            QgsApplication.getThemeIcon("/mActionOptions.svg"),
            tr("Settings…"),
            self.open_settings,
            in_toolbar=False,
        )
        settings_action.setObjectName("mTheiaSettingsAction")
        help_action = self._add_action(icon, tr("Help"), self.open_help, in_toolbar=True)
        help_action.setObjectName("mTheiaHelpAction")

        menu_bar = main_window.menuBar()
        # Insert before the Help menu like QGIS's own menus; append when there is none.
        help_menu_action = next(
            (a for a in menu_bar.actions() if a.menu() and a.menu().objectName() == "mHelpMenu"),
            None,
        )
        if help_menu_action is not None:
            menu_bar.insertMenu(help_menu_action, self.menu)
        else:
            menu_bar.addMenu(self.menu)

    def _init_catalogue_integration(self) -> None:
        """The Browser panel node and the re-signing of saved projects' asset layers."""
        from theia_plugin.ui.browser import TheiaDataItemProvider
        from theia_plugin.ui.project_resign import ProjectResigner

        self.browser_provider = TheiaDataItemProvider()
        QgsApplication.dataItemProviderRegistry().addProvider(self.browser_provider)
        self.project_resigner = ProjectResigner(message_bar=self.iface.messageBar())

    def _add_action(self, icon, text, slot, in_toolbar: bool) -> QAction:
        action = QAction(icon, text, self.iface.mainWindow())
        action.triggered.connect(slot)
        self.menu.addAction(action)
        if in_toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def unload(self) -> None:
        if self.catalogue_dock is not None:
            self.catalogue_dock.shutdown()
            self.iface.removeDockWidget(self.catalogue_dock)
            self.catalogue_dock.deleteLater()
            self.catalogue_dock = None
        self.catalogue_action = None
        self._unload_dsmopt_dock()
        for action in self.actions:
            action.triggered.disconnect()
            action.deleteLater()
        self.actions.clear()
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.browser_provider is not None:
            # the registry deletes the provider; the Browser drops its node
            QgsApplication.dataItemProviderRegistry().removeProvider(self.browser_provider)
            self.browser_provider = None
        if self.project_resigner is not None:
            self.project_resigner.disconnect_project()
            self.project_resigner = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self._log_handler is not None:
            remove_log_handler(self._log_handler)
            self._log_handler = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None

    # -- actions -------------------------------------------------------------------------
    def show_catalogue(self) -> CatalogueDock:
        """The catalogue dock, made on first use, shown and raised."""
        if self.catalogue_dock is None:
            self.catalogue_dock = CatalogueDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.catalogue_dock)
            self.catalogue_dock.visibilityChanged.connect(self._catalogue_visibility)
        self.catalogue_dock.show()
        self.catalogue_dock.raise_()
        return self.catalogue_dock

    def toggle_catalogue(self, checked: bool = True) -> None:
        if checked:
            self.show_catalogue()
        elif self.catalogue_dock is not None:
            self.catalogue_dock.hide()

    def _catalogue_visibility(self, visible: bool) -> None:
        if self.catalogue_action is not None:
            self.catalogue_action.setChecked(visible)

    def toggle_dsmopt_dock(self) -> None:
        """Show the DSM-OPT jobs dock (created on first use: it resumes the stored jobs)."""
        if self.dsmopt_dock is None:
            from qgis.PyQt.QtCore import Qt

            from theia_plugin.ui.dsmopt_dock import DsmOptDock

            self.dsmopt_dock = DsmOptDock(self.iface, self.iface.mainWindow())
            self.dsmopt_dock.catalogue_selection = self._catalogue_selection
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dsmopt_dock)
        self.dsmopt_dock.show()
        self.dsmopt_dock.setUserVisible(True)
        self.dsmopt_dock.raise_()

    def _catalogue_selection(self) -> list:
        """The results selected in the catalogue dock (none when it was never opened)."""
        return self.catalogue_dock.selected_items() if self.catalogue_dock is not None else []

    def _unload_dsmopt_dock(self) -> None:
        if self.dsmopt_dock is not None:
            self.dsmopt_dock.close_down()
            self.iface.removeDockWidget(self.dsmopt_dock)
            self.dsmopt_dock.deleteLater()
            self.dsmopt_dock = None

    def open_settings(self) -> None:
        self.iface.showOptionsDialog(self.iface.mainWindow(), currentPage=OPTIONS_PAGE_NAME)

    def open_connections(self) -> None:
        from theia_plugin.ui.connections_dialog import ConnectionsDialog

        dialog = ConnectionsDialog(parent=self.iface.mainWindow())
        dialog.changed.connect(self.refresh_browser)
        dialog.exec()
        dialog.deleteLater()

    def refresh_browser(self) -> None:
        if self.browser_provider is not None:
            self.browser_provider.refresh()

    def open_help(self) -> None:
        readme = Path(PLUGIN_DIR, "resources", "help", "index.html")
        url = QUrl.fromLocalFile(str(readme)) if readme.is_file() else QUrl(__homepage__)
        QDesktopServices.openUrl(url)


__all__ = ["TheiaPlugin", "__title__"]
