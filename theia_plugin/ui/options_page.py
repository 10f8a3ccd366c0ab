"""The plugin's page in QGIS Settings › Options."""

from __future__ import annotations

from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from theia_plugin.__about__ import __icon_path__, __title__, __version__
from theia_plugin.core.i18n import tr
from theia_plugin.toolbelt.preferences import (
    PlgOptionsManager,
    PluginSettings,
    default_cache_folder,
    default_download_folder,
)

OPTIONS_PAGE_NAME = f"mOptionsPage{__title__}"


class TheiaOptionsPage(QgsOptionsPageWidget):
    """Network timeout and retries, cache folder, default download folder."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName(OPTIONS_PAGE_NAME)
        layout = QVBoxLayout(self)

        network = QGroupBox(tr("Network"), self)
        network_form = QFormLayout(network)
        self.timeout_spin = QSpinBox(network)
        self.timeout_spin.setRange(1, 600)
        self.timeout_spin.setSuffix(tr(" s"))
        self.timeout_spin.setToolTip(
            tr("How long to wait for a server before giving up on a request.")
        )
        network_form.addRow(tr("Request timeout"), self.timeout_spin)
        self.retries_spin = QSpinBox(network)
        self.retries_spin.setRange(0, 10)
        self.retries_spin.setToolTip(
            tr("How many times a failed read request is tried again (with increasing delays).")
        )
        network_form.addRow(tr("Retries"), self.retries_spin)
        network_form.addRow(
            QLabel(
                tr(
                    "Proxy, SSL and credentials are the QGIS ones: Settings › Options › Network "
                    "and Settings › Options › Authentication."
                ),
                network,
            )
        )
        layout.addWidget(network)

        folders = QGroupBox(tr("Folders"), self)
        folders_form = QFormLayout(folders)
        self.cache_widget = self._folder_widget(folders, default_cache_folder())
        folders_form.addRow(tr("Cache folder"), self.cache_widget)
        self.download_widget = self._folder_widget(folders, default_download_folder())
        folders_form.addRow(tr("Default download folder"), self.download_widget)
        layout.addWidget(folders)

        self.debug_check = QCheckBox(tr("Detailed logs (debug mode)"), self)
        layout.addWidget(self.debug_check)
        layout.addWidget(QLabel(tr("Theia plugin version {}").format(__version__), self))
        layout.addStretch()

        self.load_settings(PlgOptionsManager.get_plg_settings())

    @staticmethod
    def _folder_widget(parent, placeholder: str) -> QgsFileWidget:
        widget = QgsFileWidget(parent)
        widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        widget.lineEdit().setPlaceholderText(placeholder)
        return widget

    def load_settings(self, settings: PluginSettings) -> None:
        self.timeout_spin.setValue(settings.network_timeout_s)
        self.retries_spin.setValue(settings.network_max_retries)
        self.cache_widget.setFilePath(settings.cache_folder)
        self.download_widget.setFilePath(settings.download_folder)
        self.debug_check.setChecked(settings.debug_mode)

    def current_settings(self) -> PluginSettings:
        return PluginSettings(
            network_timeout_s=self.timeout_spin.value(),
            network_max_retries=self.retries_spin.value(),
            cache_folder=self.cache_widget.filePath().strip(),
            download_folder=self.download_widget.filePath().strip(),
            debug_mode=self.debug_check.isChecked(),
        )

    def apply(self) -> None:
        """Called by QGIS when the user accepts the Options dialog."""
        PlgOptionsManager.save_plg_settings(self.current_settings())


class TheiaOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self):
        super().__init__()
        self.setTitle(__title__)

    def icon(self) -> QIcon:
        return QIcon(str(__icon_path__))

    def createWidget(self, parent) -> TheiaOptionsPage:
        return TheiaOptionsPage(parent)

    def title(self) -> str:
        return __title__
