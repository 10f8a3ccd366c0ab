"""The catalogue dock: search Theia catalogues, stream results and footprints, load assets.

A thin view over :mod:`theia_plugin.core.catalogue`: the filters build a ``SearchRequest``,
a :class:`~theia_plugin.core.catalogue.session.SearchSession` pages it, and every page, the
collections and the thumbnails are fetched by ``QgsTask``s (never on the UI thread).
"""

from __future__ import annotations

import contextlib
import functools
import html
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsSettings,
)
from qgis.gui import QgsDockWidget, QgsExtentGroupBox
from qgis.PyQt.QtCore import QDate, QItemSelectionModel, QLocale, Qt, pyqtSignal
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from theia_plugin.core.catalogue.connections import (
    CATALOGUE_KINDS,
    Connection,
    name_for_url,
    open_catalogue,
)
from theia_plugin.core.catalogue.download import plan_downloads
from theia_plugin.core.catalogue.layers import (
    LayerSpec,
    Signer,
    asset_kind,
    identity_signer,
    item_layer_specs,
    layer_spec,
    mappable_keys,
    true_colour_keys,
    write_true_colour_vrt,
)
from theia_plugin.core.catalogue.model import CatalogueItem, SearchRequest, SortOrder
from theia_plugin.core.catalogue.saved_searches import SavedSearch, SavedSearchFile
from theia_plugin.core.catalogue.session import SearchSession
from theia_plugin.core.catalogue.themes import ThemeTree, load_themes
from theia_plugin.core.i18n import tr
from theia_plugin.net import CancelledError, NetworkError, create_client
from theia_plugin.toolbelt.connection_settings import connection_registry
from theia_plugin.toolbelt.footprints import Footprints
from theia_plugin.toolbelt.log import push_message
from theia_plugin.toolbelt.preferences import SAVED_SEARCHES_FILE, PlgOptionsManager, profile_file
from theia_plugin.ui.catalogue_download import DownloadOutcome, Product, download_task
from theia_plugin.ui.catalogue_filters import QueryableFilters
from theia_plugin.ui.catalogue_model import ResultsModel, mime_uri
from theia_plugin.ui.catalogue_tasks import (
    collections_task,
    function_task,
    page_task,
    thumbnails_task,
)

DOCK_OBJECT_NAME = "mTheiaCatalogueDock"
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
_THEME_ROLE = Qt.ItemDataRole.UserRole + 2
_ASSET_ROLE = Qt.ItemDataRole.UserRole + 3


def guarded(slot):
    """A slot whose unexpected errors become a message (an exception escaping a Qt slot or a
    virtual called by Qt aborts QGIS)."""

    @functools.wraps(slot)
    def wrapper(self, *args, **kwargs):
        try:
            return slot(self, *args, **kwargs)
        except Exception as error:  # shown to the user with its details
            self._fault(tr("Theia catalogue"), error)
            return None

    return wrapper


def interface_language() -> str:
    """Two-letter language of the QGIS interface (its override setting, else the system's)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        return (str(settings.value("locale/userLocale", "") or "") or "en")[:2]
    return QLocale.system().name()[:2]


def saved_search_file() -> SavedSearchFile:
    """The saved searches of the current QGIS profile (a JSON file, rewritten atomically)."""
    return SavedSearchFile(profile_file(SAVED_SEARCHES_FILE))


def catalogue_connections() -> list[Connection]:
    """The searchable connections of the connection manager: built-ins first (with the
    authentication the user gave them), then the user's STAC and GEODES connections."""
    return [c for c in connection_registry().connections() if c.kind in CATALOGUE_KINDS]


class AssetList(QListWidget):
    """The assets of the shown item; dragging one gives its layer URI."""

    def __init__(self, dock: CatalogueDock):
        super().__init__(dock)
        self.dock = dock
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def mimeTypes(self) -> list[str]:
        return ["application/x-vnd.qgis.qgis.uri"]

    def mimeData(self, items):
        from qgis.core import QgsMimeDataUtils

        specs = [s for s in (self.dock.asset_spec(i.data(_ASSET_ROLE)) for i in items) if s]
        return QgsMimeDataUtils.encodeUriList([mime_uri(s) for s in specs])


class CatalogueDock(QgsDockWidget):
    """Search filters, results (table + footprints), details and actions."""

    #: emitted on the main thread after each page is shown (number of new items)
    pageShown = pyqtSignal(int)
    #: emitted when a search stops (finished, failed or cancelled)
    searchStopped = pyqtSignal()
    #: emitted when a download job ends (its DownloadOutcome; None when cancelled or failed)
    downloadFinished = pyqtSignal(object)

    def __init__(self, iface, parent=None, signer: Signer | None = None):
        super().__init__(tr("Theia catalogue"), parent)
        self.setObjectName(DOCK_OBJECT_NAME)
        self.iface = iface
        self._signer: Signer = signer or identity_signer
        self._signer_given = signer is not None  # tests inject theirs; else per connection
        self._signers: dict[str, Any] = {}  # UrlSigner by authcfg
        self.themes: ThemeTree = load_themes()
        self.language = interface_language()
        self.connections: list[Connection] = []
        self.catalogues: dict[tuple[str, str], Any] = {}
        self.server_collections: dict[str, list[dict[str, Any]]] = {}
        self.session: SearchSession | None = None
        self.results_connection: Connection | None = None  # the catalogue the results came from
        self.footprints: Footprints | None = None
        self.tasks: set[Any] = set()  # Python references keep running tasks alive
        self.page_task: Any = None
        self._pending_collections: tuple[str, ...] | None = None
        self.collections_task: Any = None
        self.queryables_task: Any = None
        self._queryables_stale = False
        self._syncing = False
        self._client = None

        self.model = ResultsModel(self, self._signer)
        self._build()
        self._listed = False
        self.reload_connections(list_now=False)

    @property
    def signer(self) -> Signer:
        """Signs asset URLs before they become layers (MTD private COGs); identity by default."""
        return self._signer

    @signer.setter
    def signer(self, signer: Signer | None) -> None:
        """A signer set from outside (tests, a caller with its own) replaces the per-connection
        ones and serves the UI thread as well: it must be fast."""
        self._signer = signer or identity_signer
        self._signer_given = True
        self.model.signer = self._signer

    def _live_footprints(self) -> Footprints | None:
        """The search's footprints, unless the user removed their layer from the project."""
        if self.footprints is None:
            return None
        try:
            self.footprints.layer.id()
        except RuntimeError:  # the layer was removed (and deleted) from the project
            self.footprints = None
        return self.footprints

    # --- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        splitter = QSplitter(Qt.Orientation.Vertical, body)
        layout.addWidget(splitter)

        filters = QWidget()
        form = QFormLayout(filters)
        row = QHBoxLayout()
        self.connection_combo = QComboBox()
        self.connection_combo.setObjectName("catalogueCombo")
        self.connection_combo.currentIndexChanged.connect(self._connection_changed)
        row.addWidget(self.connection_combo, 1)
        add_button = QToolButton()
        add_button.setText("+")
        add_button.setToolTip(tr("Add a STAC API"))
        add_button.clicked.connect(lambda _checked=False: self._ask_new_connection())
        row.addWidget(add_button)
        form.addRow(tr("Catalogue"), row)

        self.keywords_edit = QLineEdit()
        self.keywords_edit.setObjectName("keywordsEdit")
        self.keywords_edit.setPlaceholderText(tr("Words to find in titles and descriptions"))
        self.keywords_edit.returnPressed.connect(self.search)
        form.addRow(tr("Keywords"), self.keywords_edit)

        self.theme_tree = QTreeWidget()
        self.theme_tree.setObjectName("themeTree")
        self.theme_tree.setHeaderHidden(True)
        self.theme_tree.setMinimumHeight(110)
        self._fill_themes()
        self.theme_tree.itemChanged.connect(self._theme_changed)
        form.addRow(tr("CES themes"), self.theme_tree)

        self.collections_list = QListWidget()
        self.collections_list.setObjectName("collectionsList")
        self.collections_list.setMinimumHeight(80)
        self.collections_list.itemChanged.connect(lambda _item: self._refresh_queryables())
        form.addRow(tr("Collections"), self.collections_list)

        self.dates_group = QGroupBox(tr("Dates"))
        self.dates_group.setCheckable(True)
        self.dates_group.setChecked(False)
        dates = QHBoxLayout(self.dates_group)
        self.start_edit = QDateEdit(QDate.currentDate().addYears(-1))
        self.end_edit = QDateEdit(QDate.currentDate())
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        dates.addWidget(QLabel(tr("from")))
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel(tr("to")))
        dates.addWidget(self.end_edit)
        form.addRow(self.dates_group)

        self.extent_box = QgsExtentGroupBox()
        self.extent_box.setObjectName("extentBox")
        self.extent_box.setTitleBase(tr("Area"))
        self.extent_box.setCheckable(True)
        self.extent_box.setChecked(True)
        self.extent_box.setOutputCrs(WGS84)
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is not None:
            self.extent_box.setMapCanvas(canvas)
            # the area follows the map until the user picks another one
            canvas.extentsChanged.connect(self._canvas_moved)
        self.use_canvas_extent()
        form.addRow(self.extent_box)

        cloud_row = QHBoxLayout()
        self.cloud_check = QCheckBox(tr("Cloud cover at most"))
        self.cloud_spin = QSpinBox()
        self.cloud_spin.setRange(0, 100)
        self.cloud_spin.setValue(30)
        self.cloud_spin.setSuffix(" %")
        cloud_row.addWidget(self.cloud_check)
        cloud_row.addWidget(self.cloud_spin)
        form.addRow(cloud_row)

        self.sort_combo = QComboBox()
        self.sort_combo.addItem(tr("Newest first"), False)
        self.sort_combo.addItem(tr("Oldest first"), True)
        form.addRow(tr("Sort"), self.sort_combo)

        self.filters_box = QueryableFilters()
        form.addRow(self.filters_box)

        saved_row = QHBoxLayout()
        self.saved_combo = QComboBox()
        self.saved_combo.setObjectName("savedSearchesCombo")
        self.saved_combo.activated.connect(
            lambda index: (
                self.restore_search(self.saved_combo.itemText(index)) if index > 0 else None
            )
        )
        save_button = QToolButton()
        save_button.setText(tr("Save…"))
        save_button.clicked.connect(lambda _checked=False: self._ask_save_search())
        saved_row.addWidget(self.saved_combo, 1)
        saved_row.addWidget(save_button)
        form.addRow(tr("Saved searches"), saved_row)
        self._fill_saved_searches()

        buttons = QHBoxLayout()
        self.search_button = QPushButton(tr("Search"))
        self.search_button.setObjectName("searchButton")
        self.search_button.clicked.connect(lambda _checked=False: self.search())
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(lambda _checked=False: self.cancel())
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.cancel_button)
        form.addRow(buttons)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(filters)
        splitter.addWidget(scroll)

        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        self.view = QTableView()
        self.view.setObjectName("resultsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(40)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._view_selection_changed)
        self.view.doubleClicked.connect(lambda _index: self.add_selected_items())
        results_layout.addWidget(self.view)
        status_row = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.more_button = QPushButton(tr("Load more"))
        self.more_button.setObjectName("moreButton")
        self.more_button.setEnabled(False)
        self.more_button.clicked.connect(lambda _checked=False: self.load_more())
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.more_button)
        results_layout.addLayout(status_row)
        splitter.addWidget(results)

        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        self.details = QTextBrowser()
        self.details.setObjectName("detailsBrowser")
        self.details.setOpenExternalLinks(True)
        details_layout.addWidget(self.details, 2)
        self.asset_list = AssetList(self)
        self.asset_list.setObjectName("assetList")
        self.asset_list.itemDoubleClicked.connect(lambda _item: self.add_selected_asset())
        details_layout.addWidget(self.asset_list, 1)
        actions = QHBoxLayout()
        self.add_asset_button = QPushButton(tr("Add asset"))
        self.add_asset_button.clicked.connect(lambda _checked=False: self.add_selected_asset())
        self.add_group_button = QPushButton(tr("Add item as group"))
        self.add_group_button.clicked.connect(lambda _checked=False: self.add_selected_items())
        self.copy_button = QPushButton(tr("Copy URL"))
        self.copy_button.clicked.connect(lambda _checked=False: self.copy_selected_url())
        self.download_button = QPushButton(tr("Download…"))
        self.download_button.setObjectName("downloadButton")
        self.download_button.setToolTip(
            tr("Download the selected asset, else the data of the selected results")
        )
        self.download_button.clicked.connect(lambda _checked=False: self.download_selected())
        for button in (
            self.add_asset_button,
            self.add_group_button,
            self.copy_button,
            self.download_button,
        ):
            actions.addWidget(button)
        details_layout.addLayout(actions)
        self.load_products_check = QCheckBox(tr("Load downloaded product archives as layers"))
        self.load_products_check.setObjectName("loadProductsCheck")
        self.load_products_check.setChecked(True)
        details_layout.addWidget(self.load_products_check)
        splitter.addWidget(details)
        splitter.setSizes([260, 360, 220])
        self.setWidget(body)

    def _fill_themes(self) -> None:
        def add(parent: Any, theme: Any) -> None:
            node = QTreeWidgetItem(parent, [theme.label(self.language)])
            node.setData(0, _THEME_ROLE, theme.id)
            node.setFlags(node.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            node.setCheckState(0, Qt.CheckState.Unchecked)
            for child in theme.children:
                add(node, child)

        for root in self.themes.roots:
            add(self.theme_tree, root)

    # --- connections and collections -------------------------------------------------------
    def reload_connections(self, select_url: str | None = None, list_now: bool = True) -> None:
        """Built-in connections then the user's, from the settings; ``select_url`` (default:
        the current one) is selected, and its collections listed unless not ``list_now``."""
        current = select_url or self.connection_combo.currentData()
        self.connections = catalogue_connections()
        self.connection_combo.blockSignals(True)
        self.connection_combo.clear()
        for connection in self.connections:
            self.connection_combo.addItem(connection.name, connection.url)
        index = self.connection_combo.findData(current) if current else 0
        self.connection_combo.setCurrentIndex(max(index, 0))
        self.connection_combo.blockSignals(False)
        if list_now:
            self._connection_changed()
        elif self.connections:
            self._use_signer_of(self.connection())

    def showEvent(self, event) -> None:
        # The catalogue is only asked for its collections once the dock is seen.
        if not self._listed:
            self._connection_changed()
        super().showEvent(event)

    def add_connection(self, connection: Connection, select: bool = True) -> None:
        """Save a user connection (one with the same URL or name is replaced) and select it."""
        registry = connection_registry()
        same = next(
            (c for c in registry.connections() if not c.builtin and connection.url == c.url),
            None,
        )
        if same is None and connection.name in registry.names():
            same = registry.get(connection.name)
        if same is None:
            registry.add(connection)
        else:
            registry.update(same.name, connection)
        if select:
            self.reload_connections(select_url=connection.url)
        else:
            self.reload_connections(list_now=self._listed)

    @guarded
    def _ask_new_connection(self) -> None:
        url, ok = QInputDialog.getText(self, tr("Add a STAC API"), tr("Landing page URL"))
        if not ok or not url.strip():
            return
        try:
            self.add_connection(Connection(name_for_url(url), url.strip(), "stac"))
        except ValueError as error:
            self._notify(tr("Catalogue connection"), str(error), Qgis.MessageLevel.Warning)

    def connection(self) -> Connection:
        return self.connections[max(self.connection_combo.currentIndex(), 0)]

    def catalogue(self, purpose: str = "search") -> Any:
        """The backend of the selected connection (kept: it caches conformance, collections).

        Listing collections and searching use separate backends: their tasks may run at the
        same time, and a backend object is not meant to serve two threads at once.
        """
        connection = self.connection()
        key = (connection.url, purpose)
        if key not in self.catalogues:
            client = create_client(authcfg=connection.authcfg or None, **self._client_options())
            self.catalogues[key] = open_catalogue(connection, client)
        return self.catalogues[key]

    @staticmethod
    def _client_options() -> dict[str, Any]:
        settings = PlgOptionsManager.get_plg_settings()
        return {"timeout": settings.network_timeout_s, "max_retries": settings.network_max_retries}

    @guarded
    def _signer_for(self, connection: Connection) -> Any:
        """Theia MTD's signing service with the connection's authentication (only URLs on
        hosts that need signing are sent to it; the others are returned as they are)."""
        key = f"{connection.authcfg}|{getattr(connection, 'signing_url', '')}"
        if key not in self._signers:
            from theia_plugin.core.catalogue.signing import UrlSigner
            from theia_plugin.net import create_client

            client = create_client(authcfg=connection.authcfg or None)
            service = getattr(connection, "signing_url", "") or None
            self._signers[key] = UrlSigner(client, service)
        return self._signers[key]

    def _use_signer_of(self, connection: Connection) -> None:
        if not self._signer_given:
            signer = self._signer_for(connection)
            self._signer = signer.sign_many
            # Drag-and-drop builds its layers on the UI thread: signatures from the cache only
            # (results are signed in the background as their page arrives).
            self.model.signer = signer.sign_cached

    def _connection_changed(self, *_args: Any) -> None:
        if not self.connections:
            return
        self._listed = True
        self._use_signer_of(self.connection())
        url = self.connection().url
        if url in self.server_collections:
            self._fill_collections()
            return
        self.collections_list.clear()
        if self.collections_task is not None:
            self.collections_task.cancel()  # the previous catalogue's list is not wanted now
        task = collections_task(
            self.catalogue("collections"), tr("Theia: collections of {url}").format(url=url)
        )
        task.done.connect(
            lambda result, error, url=url, task=task: self._collections_done(
                url, result, error, task
            )
        )
        self.collections_task = task
        self._start(task)

    @guarded
    def _collections_done(self, url: str, result: Any, error: Any, task: Any = None) -> None:
        if task is self.collections_task:
            self.collections_task = None
        if error is not None:
            if not isinstance(error, CancelledError):
                self._fault(tr("Cannot list the collections of {url}").format(url=url), error)
            return
        self.server_collections[url] = list(result or [])
        if self.connections and self.connection().url == url:
            self._fill_collections()

    def _fill_collections(self) -> None:
        """The server's collections, only those of the checked themes when some are."""
        checked = {c.data(_ASSET_ROLE) for c in self._checked_list_items()}
        if (
            self._pending_collections is not None
            and self.connection().url in self.server_collections
        ):
            checked, self._pending_collections = set(self._pending_collections), None
        themes = self.checked_themes()
        collections = self.server_collections.get(self.connection().url, [])
        if themes:
            wanted = set(
                self.themes.collections_matching(themes, self.connection().catalogue, collections)
            )
            collections = [c for c in collections if c.get("id") in wanted]
        self.collections_list.clear()
        for collection in collections:
            cid = str(collection.get("id"))
            entry = QListWidgetItem(f"{collection.get('title') or cid} ({cid})")
            entry.setData(_ASSET_ROLE, cid)
            entry.setToolTip(str(collection.get("description") or "")[:500])
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if cid in checked else Qt.CheckState.Unchecked
            )
            self.collections_list.addItem(entry)
        self._refresh_queryables()

    @guarded
    def _refresh_queryables(self) -> None:
        """Ask the server what the checked collections can be filtered on (in the background;
        one request at a time per backend, the latest selection wins)."""
        if self.queryables_task is not None:
            self._queryables_stale = True
            return
        ids = tuple(c.data(_ASSET_ROLE) for c in self._checked_list_items())
        catalogue = self.catalogue("queryables")
        if not ids or not hasattr(catalogue, "queryables"):
            self.filters_box.set_queryables({})
            return
        task = function_task(
            tr("Theia: filters of {ids}").format(ids=", ".join(ids)),
            lambda task: catalogue.queryables(ids, task),
        )
        task.done.connect(
            lambda result, error, task=task: self._queryables_done(task, result, error)
        )
        self.queryables_task = task
        self._start(task)

    @guarded
    def _queryables_done(self, task: Any, result: Any, error: Any) -> None:
        if task is not self.queryables_task:
            return
        self.queryables_task = None
        if self._queryables_stale:
            self._queryables_stale = False
            self._refresh_queryables()
            return
        if error is not None:
            if not isinstance(error, CancelledError):
                self._notify(
                    tr("Property filters"),
                    tr("The server's queryables could not be read: {error}").format(error=error),
                    Qgis.MessageLevel.Warning,
                )
            return
        self.filters_box.set_queryables(result or {})

    def _checked_list_items(self) -> list[QListWidgetItem]:
        return [
            self.collections_list.item(i)
            for i in range(self.collections_list.count())
            if self.collections_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def checked_themes(self) -> list[str]:
        out: list[str] = []

        def walk(node: QTreeWidgetItem) -> None:
            if node.checkState(0) == Qt.CheckState.Checked:
                out.append(node.data(0, _THEME_ROLE))
                return  # a checked node stands for its subtree
            for i in range(node.childCount()):
                walk(node.child(i))

        for i in range(self.theme_tree.topLevelItemCount()):
            walk(self.theme_tree.topLevelItem(i))
        return out

    def set_themes(self, theme_ids: list[str]) -> None:
        wanted = set(theme_ids)
        nodes = [
            self.theme_tree.topLevelItem(i) for i in range(self.theme_tree.topLevelItemCount())
        ]
        while nodes:
            node = nodes.pop()
            state = (
                Qt.CheckState.Checked
                if node.data(0, _THEME_ROLE) in wanted
                else Qt.CheckState.Unchecked
            )
            node.setCheckState(0, state)
            nodes += [node.child(i) for i in range(node.childCount())]

    def set_collections(self, collection_ids: list[str]) -> None:
        for i in range(self.collections_list.count()):
            entry = self.collections_list.item(i)
            state = (
                Qt.CheckState.Checked
                if entry.data(_ASSET_ROLE) in collection_ids
                else Qt.CheckState.Unchecked
            )
            entry.setCheckState(state)

    @guarded
    def _theme_changed(self, *_args: Any) -> None:
        self._fill_collections()

    # --- saved searches ---------------------------------------------------------------------
    def saved_searches(self) -> dict[str, SavedSearch]:
        """The saved searches of the profile's file (by name); an unreadable file is
        reported, not fatal."""
        try:
            return {s.name: s for s in saved_search_file().searches()}
        except ValueError as error:
            self._notify(tr("Saved searches"), str(error), Qgis.MessageLevel.Warning)
            return {}

    def _fill_saved_searches(self) -> None:
        self.saved_combo.clear()
        self.saved_combo.addItem(tr("(choose a saved search)"))
        for name in sorted(self.saved_searches()):
            self.saved_combo.addItem(name)

    def save_search(self, name: str) -> None:
        """Save the filters and the catalogue under ``name`` (replacing one of that name)."""
        saved = SavedSearch(name, self.request(), self.connection().name)
        saved_search_file().save(saved, replace=True)
        self._fill_saved_searches()

    @guarded
    def _ask_save_search(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Save search"), tr("Name"))
        if ok and name.strip():
            self.save_search(name.strip())

    @guarded
    def restore_search(self, name: str) -> None:
        """Put back the catalogue and filters saved under ``name``."""
        saved = saved_search_file().get(name)
        names = [c.name for c in self.connections]
        if saved.connection not in names:
            raise ValueError(
                tr("The catalogue {url} of the saved search is not among the connections").format(
                    url=saved.connection
                )
            )
        self.connection_combo.setCurrentIndex(names.index(saved.connection))
        self.set_request(saved.request)

    def set_request(self, request: SearchRequest) -> None:
        """Show ``request`` in the filters (collections are checked once listed)."""
        self.keywords_edit.setText(request.keywords)
        self.set_bbox(request.bbox)
        self.dates_group.setChecked(request.start is not None or request.end is not None)
        if request.start is not None:
            self.start_edit.setDate(
                QDate(request.start.year, request.start.month, request.start.day)
            )
        if request.end is not None:
            self.end_edit.setDate(QDate(request.end.year, request.end.month, request.end.day))
        self.cloud_check.setChecked(request.max_cloud_cover is not None)
        if request.max_cloud_cover is not None:
            self.cloud_spin.setValue(round(request.max_cloud_cover))
        self.sort_combo.setCurrentIndex(1 if request.sort.ascending else 0)
        self.filters_box.set_filters(request.filters)
        self.theme_tree.blockSignals(True)
        self.set_themes(list(request.themes))
        self.theme_tree.blockSignals(False)
        self._pending_collections = tuple(request.collections)
        if self.connection().url in self.server_collections:
            self._fill_collections()

    # --- area ---------------------------------------------------------------------------------
    def use_canvas_extent(self) -> None:
        """The search area: the map canvas' current extent."""
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is None:
            return
        crs = canvas.mapSettings().destinationCrs()
        extent = canvas.extent()
        self.extent_box.setOriginalExtent(extent, crs)
        self.extent_box.setCurrentExtent(extent, crs)
        self.extent_box.setOutputExtentFromCurrent()

    def _canvas_moved(self) -> None:
        following = (
            QgsExtentGroupBox.ExtentState.CurrentExtent,
            QgsExtentGroupBox.ExtentState.OriginalExtent,
        )
        if self.extent_box.extentState() in following:
            self.use_canvas_extent()

    def set_bbox(self, bbox: tuple[float, float, float, float] | None) -> None:
        if bbox is None:
            self.extent_box.setChecked(False)
            return
        self.extent_box.setChecked(True)
        self.extent_box.setOutputExtentFromUser(QgsRectangle(*bbox), WGS84)

    def bbox(self) -> tuple[float, float, float, float] | None:
        if not self.extent_box.isChecked():
            return None
        extent = self.extent_box.outputExtent()
        if extent.isNull() or extent.isEmpty():
            return None
        crs = self.extent_box.outputCrs()
        if crs != WGS84:
            transform = QgsCoordinateTransform(crs, WGS84, QgsProject.instance())
            extent = transform.transformBoundingBox(extent)
        west, east = max(-180.0, extent.xMinimum()), min(180.0, extent.xMaximum())
        south, north = max(-90.0, extent.yMinimum()), min(90.0, extent.yMaximum())
        return (west, south, east, north)

    # --- search -------------------------------------------------------------------------------
    def request(self) -> SearchRequest:
        """The search the filters describe (``ValueError`` with a message when invalid)."""
        start = end = None
        if self.dates_group.isChecked():
            start = self.start_edit.date().toString("yyyy-MM-dd")
            end = self.end_edit.date().toString("yyyy-MM-dd")
        return SearchRequest(
            keywords=self.keywords_edit.text(),
            bbox=self.bbox(),
            start=start,
            end=end,
            collections=tuple(c.data(_ASSET_ROLE) for c in self._checked_list_items()),
            themes=tuple(self.checked_themes()),
            max_cloud_cover=self.cloud_spin.value() if self.cloud_check.isChecked() else None,
            filters=self.filters_box.filters(),
            sort=SortOrder("datetime", bool(self.sort_combo.currentData())),
        )

    @guarded
    def search(self) -> None:
        """Start a new search: clear results, make a footprints layer, fetch the first page."""
        try:
            request = self.request()
        except ValueError as error:
            self._notify(tr("Search"), str(error), Qgis.MessageLevel.Warning)
            return
        self.cancel()
        self.model.clear()
        self._show_details(None)
        self.session = SearchSession(self.catalogue(), request)
        self.results_connection = self.connection()
        stamp = datetime.now().strftime("%H:%M:%S")
        self.footprints = Footprints(tr("Theia search {time}").format(time=stamp))
        self.footprints.layer.selectionChanged.connect(self._layer_selection_changed)
        self._footprints_added = False
        self.load_more()

    @guarded
    def load_more(self) -> None:
        """Fetch the next page of the current search."""
        if self.session is None or self.session.exhausted or self.page_task is not None:
            return
        task = page_task(
            self.session,
            tr("Theia: searching {name}").format(name=self.connection().name),
            presign=self.signer,
        )
        task.done.connect(lambda result, error, task=task: self._page_done(task, result, error))
        self.page_task = task
        self._set_busy(True)
        self.status_label.setText(tr("Searching…"))
        self._start(task)

    def cancel(self) -> None:
        """Stop the running search (the request in flight is aborted)."""
        if self.page_task is not None:
            self.page_task.cancel()

    def is_searching(self) -> bool:
        return self.page_task is not None

    @guarded
    def _page_done(self, task: Any, items: Any, error: Any) -> None:
        if task is not self.page_task:
            return
        self.page_task = None
        self._set_busy(False)
        session = self.session
        if error is not None:
            if isinstance(error, CancelledError):
                self.status_label.setText(
                    tr("Search cancelled ({n} results)").format(n=len(self.model.items))
                )
            else:
                self.status_label.setText(tr("Search failed"))
                self._fault(
                    tr("Search of {name} failed").format(name=self.connection().name), error
                )
            self.more_button.setEnabled(False)
            self.searchStopped.emit()
            return
        new = self.model.append(list(items or []))
        if new and self._live_footprints() is not None:
            self.footprints.add(new)
            if not self._footprints_added:
                QgsProject.instance().addMapLayer(self.footprints.layer)
                self._footprints_added = True
            self._fetch_thumbnails(new)
        exhausted = session is None or session.exhausted
        self.more_button.setEnabled(not exhausted)
        count = len(self.model.items)
        if exhausted:
            self.status_label.setText(tr("{n} results").format(n=count))
        else:
            self.status_label.setText(tr("{n} results so far").format(n=count))
        self.pageShown.emit(len(new))
        if exhausted:
            self.searchStopped.emit()

    def _set_busy(self, busy: bool) -> None:
        self.cancel_button.setEnabled(busy)
        self.more_button.setEnabled(False if busy else self.more_button.isEnabled())

    def _fetch_thumbnails(self, items: list[CatalogueItem]) -> None:
        urls = {i.id: i.thumbnail for i in items if i.thumbnail}
        if not urls:
            return
        if self._client is None:
            self._client = create_client(timeout=10, max_retries=1)
        task = thumbnails_task(self._client, urls, tr("Theia: thumbnails"))
        task.done.connect(self._thumbnails_done)
        self._start(task)

    @guarded
    def _thumbnails_done(self, result: Any, _error: Any) -> None:
        for item_id, data in (result or {}).items():
            pixmap = QPixmap()
            if pixmap.loadFromData(data):
                self.model.set_thumbnail(item_id, pixmap)

    def _presign(self, item: CatalogueItem) -> None:
        """Sign the item's map assets in the background, so that dragging one finds its
        signature cached (failures are reported when the asset is added)."""
        if not self._signer_given:
            signer = self.signer
            urls = [
                item.assets[k].href for k in mappable_keys(item) if "://" in item.assets[k].href
            ]
            if urls:
                task = function_task(tr("Theia: signing asset URLs"), lambda task: signer(urls))
                self._start(task)

    def _start(self, task: Any) -> None:
        self.tasks.add(task)
        task.done.connect(lambda *_args, task=task: self.tasks.discard(task))
        QgsApplication.taskManager().addTask(task)

    # --- selection sync -------------------------------------------------------------------------
    def selected_items(self) -> list[CatalogueItem]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.items[r] for r in rows]

    @guarded
    def _view_selection_changed(self, *_args: Any) -> None:
        items = self.selected_items()
        self._show_details(items[-1] if items else None)
        if self._syncing or self._live_footprints() is None:
            return
        self._syncing = True
        try:
            fids = [
                self.footprints.fid_by_item[i.id]
                for i in items
                if i.id in self.footprints.fid_by_item
            ]
            self.footprints.layer.selectByIds(fids)
        finally:
            self._syncing = False

    @guarded
    def _layer_selection_changed(self, *_args: Any) -> None:
        if self._syncing or self._live_footprints() is None:
            return
        self._syncing = True
        try:
            selection = self.view.selectionModel()
            selection.clearSelection()
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            for fid in self.footprints.layer.selectedFeatureIds():
                row = self.model.row_of(self.footprints.item_by_fid.get(fid, ""))
                if row >= 0:
                    selection.select(self.model.index(row, 0), flags)
        finally:
            self._syncing = False
        items = self.selected_items()
        self._show_details(items[-1] if items else None)

    # --- details ---------------------------------------------------------------------------------
    def _show_details(self, item: CatalogueItem | None) -> None:
        self.asset_list.clear()
        self.shown_item = item
        if item is None:
            self.details.clear()
            return
        self._presign(item)
        rows = "".join(
            f"<tr><td><b>{html.escape(str(k))}</b></td><td>{html.escape(str(v))}</td></tr>"
            for k, v in sorted(item.properties.items())
        )
        links = "".join(
            '<li><a href="{href}">{rel}</a></li>'.format(
                href=html.escape(str(link.get("href"))), rel=html.escape(str(link.get("rel", "")))
            )
            for link in item.links
            if link.get("href")
        )
        self.details.setHtml(
            f"<h3>{html.escape(item.title or item.id)}</h3>"
            f"<p>{html.escape(item.id)} — {html.escape(item.collection)}</p>"
            f"<table>{rows}</table>" + (f"<p>{tr('Links')}</p><ul>{links}</ul>" if links else "")
        )
        for key, asset in item.assets.items():
            kind = asset_kind(asset)
            label = f"{key} — {asset.title or asset.type or ''}"
            entry = QListWidgetItem(label)
            entry.setData(_ASSET_ROLE, key)
            entry.setToolTip(asset.href)
            if kind is None:
                entry.setForeground(self.palette().mid())
            self.asset_list.addItem(entry)

    def asset_spec(self, key: str) -> LayerSpec | None:
        item = getattr(self, "shown_item", None)
        if item is None or key not in item.assets:
            return None
        try:
            # On the UI thread (drag-and-drop): cached signatures only, never a request.
            return layer_spec(item, key, self.model.signer)
        except (KeyError, ValueError):
            return None

    # --- actions ----------------------------------------------------------------------------------
    def add_layer(
        self, spec: LayerSpec, group: Any = None, visible: bool = True
    ) -> QgsRasterLayer | None:
        layer = QgsRasterLayer(spec.uri, spec.name, spec.provider)
        if not layer.isValid():
            self._notify(
                tr("Add layer"),
                tr("{name} could not be opened").format(name=spec.name),
                Qgis.MessageLevel.Warning,
                details=f"{spec.provider}: {spec.uri}\n{layer.error().summary()}",
            )
            return None
        if spec.source_url:
            layer.setCustomProperty("theia/source_url", spec.source_url)
        project = QgsProject.instance()
        if group is None:
            project.addMapLayer(layer)
        else:
            project.addMapLayer(layer, False)
            node = group.addLayer(layer)
            node.setItemVisibilityChecked(visible)
        return layer

    @guarded
    def add_selected_asset(self) -> None:
        """Load the asset selected in the details panel (signed in the background)."""
        entry = self.asset_list.currentItem()
        item = getattr(self, "shown_item", None)
        if entry is None or item is None:
            return
        key, signer = entry.data(_ASSET_ROLE), self.signer
        task = function_task(
            tr("Theia: preparing {name}").format(name=key),
            lambda task: layer_spec(item, key, signer),
        )
        task.done.connect(lambda spec, error: self._asset_ready(spec, error))
        self._start(task)

    @guarded
    def _asset_ready(self, spec: LayerSpec | None, error: Any) -> None:
        if isinstance(error, (KeyError, ValueError)):
            self._notify(tr("Add layer"), str(error).strip("'\""), Qgis.MessageLevel.Warning)
        elif error is not None:
            self._fault(tr("Add layer"), error)
        elif spec is not None:
            self.add_layer(spec)

    @guarded
    def add_selected_items(self) -> None:
        for item in self.selected_items():
            self.add_item_group(item)

    def add_item_group(self, item: CatalogueItem) -> Any:
        """A layer group of the item: its map assets and, for L2A items, a true-colour
        composite on top. Signing and the composite are done in a background task."""
        root = QgsProject.instance().layerTreeRoot()
        group = root.insertGroup(0, item.title or item.id)
        group.setCustomProperty("theia/item", item.id)
        keys, rgb, signer = mappable_keys(item), true_colour_keys(item), self.signer
        folder = PlgOptionsManager.get_plg_settings().resolved_cache_folder() / "true-colour"

        def work(task: Any) -> tuple[list[LayerSpec], Path | None]:
            specs = item_layer_specs(item, keys, signer)
            if rgb is None:
                return specs, None
            by_key = dict(zip(keys, specs))
            rgb_specs = [by_key[k] for k in rgb]
            return specs, write_true_colour_vrt(rgb_specs, folder / f"{item.id}.vrt")

        task = function_task(tr("Theia: preparing {item}").format(item=item.id), work)
        task.done.connect(
            lambda result, error, group=group, item=item: self._item_ready(
                group, item, result, error
            )
        )
        self._start(task)
        return group

    @guarded
    def _item_ready(self, group: Any, item: CatalogueItem, result: Any, error: Any) -> None:
        if error is not None:
            self._fault(tr("Cannot load {item}").format(item=item.id), error)
            return
        try:
            group.name()
        except RuntimeError:  # the group was removed meanwhile
            return
        specs, vrt = result
        rgb_layer = None
        if vrt is not None:
            name = tr("{item} — true colour").format(item=item.title or item.id)
            rgb_layer = self.add_layer(LayerSpec("gdal", str(vrt), name), group)
        for spec in specs:
            self.add_layer(spec, group, visible=rgb_layer is None and spec is specs[0])
        if rgb_layer is not None:
            self.trueColourAdded(rgb_layer)

    def trueColourAdded(self, layer: QgsRasterLayer) -> None:
        self.last_true_colour = layer

    @guarded
    def copy_selected_url(self) -> None:
        """Copy the selected asset's URL (else the item's self link) to the clipboard."""
        item = getattr(self, "shown_item", None)
        if item is None:
            return
        entry = self.asset_list.currentItem()
        url = item.assets[entry.data(_ASSET_ROLE)].href if entry is not None else item.self_href
        QApplication.clipboard().setText(url)

    # --- downloads --------------------------------------------------------------------------
    @guarded
    def download_selected(self) -> None:
        """Download the asset selected in the details panel, else the data assets of the
        selected results, into a folder the user picks."""
        item = getattr(self, "shown_item", None)
        entry = self.asset_list.currentItem() if self.asset_list.selectedItems() else None
        if entry is not None and item is not None:
            items, keys = [item], [entry.data(_ASSET_ROLE)]
        else:
            items, keys = self.selected_items(), []
        if not items:
            self._notify(
                tr("Download"), tr("Select results or an asset first"), Qgis.MessageLevel.Info
            )
            return
        folder = self.ask_download_folder()
        if folder is not None:
            self.download(items, folder, keys)

    def ask_download_folder(self) -> Path | None:
        """The folder picked by the user (the plugin's download folder is offered)."""
        default = PlgOptionsManager.get_plg_settings().resolved_download_folder()
        chosen = QFileDialog.getExistingDirectory(self, tr("Download to"), str(default))
        return Path(chosen) if chosen else None

    def download(
        self, items: list[CatalogueItem], folder: str | Path, asset_keys: Sequence[str] = ()
    ) -> Any:
        """Download the assets of ``items`` into ``folder`` in a background task (progress
        and cancel in the task manager); returns the task, or None when nothing matches."""
        folder = Path(folder)
        try:
            targets = plan_downloads(items, folder, asset_keys)
        except ValueError as error:
            self._notify(tr("Download"), str(error), Qgis.MessageLevel.Warning)
            return None
        # the results' catalogue: its authentication (GEODES API key, MTD signing), even if
        # another catalogue was picked since
        connection = self.results_connection or self.connection()
        own = None if self._signer_given else self._signer_for(connection)
        signer = own.sign_many if own is not None else self.signer
        client = create_client(authcfg=connection.authcfg or None, **self._client_options())
        cache = PlgOptionsManager.get_plg_settings().resolved_cache_folder() / "true-colour"
        task = download_task(
            tr("Theia: downloading {n} files to {folder}").format(n=len(targets), folder=folder),
            targets,
            folder,
            client,
            signer,
            load_products=self.load_products_check.isChecked(),
            composites=cache,
        )
        task.done.connect(lambda outcome, error: self._download_done(outcome, error))
        self._start(task)
        return task

    @guarded
    def _download_done(self, outcome: DownloadOutcome | None, error: Any) -> None:
        if error is not None or outcome is None:
            if error is None or isinstance(error, CancelledError):
                self._notify(
                    tr("Download"),
                    tr("Download cancelled (files not completed were removed)"),
                    Qgis.MessageLevel.Info,
                )
            else:
                self._fault(tr("Download failed"), error)
            self.downloadFinished.emit(None)
            return
        for product in outcome.products:
            self.add_product(product)
        if outcome.done:
            lines = [
                str(r.path) + (" " + tr("(already complete)") if r.skipped else "")
                for r in outcome.done
            ]
            self._notify(
                tr("Download"),
                tr("{n} files in {folder}").format(n=len(outcome.done), folder=outcome.folder),
                Qgis.MessageLevel.Success,
                details="\n".join(lines),
            )
        if outcome.failed:
            total = len(outcome.done) + len(outcome.failed)
            lines = [f"{t.item_id} / {t.asset_key}: {e}" for t, e in outcome.failed]
            self._notify(
                tr("Download"),
                tr("{n} of {total} files could not be downloaded: {first}").format(
                    n=len(outcome.failed), total=total, first=outcome.failed[0][1]
                ),
                Qgis.MessageLevel.Warning,
                details="\n".join(lines),
            )
        self.downloadFinished.emit(outcome)

    def add_product(self, product: Product) -> Any:
        """A layer group of a downloaded product: its rasters read inside the zip, under a
        true-colour composite when there is one (then the only visible layer)."""
        group = QgsProject.instance().layerTreeRoot().insertGroup(0, product.name)
        rgb_layer = None
        if product.true_colour is not None:
            name = tr("{item} — true colour").format(item=product.name)
            rgb_layer = self.add_layer(LayerSpec("gdal", str(product.true_colour), name), group)
        for spec in product.specs:
            self.add_layer(spec, group, visible=rgb_layer is None and spec is product.specs[0])
        return group

    # --- messages --------------------------------------------------------------------------------
    def _notify(self, title: str, text: str, level: Any, details: str = "") -> None:
        bar = self.iface.messageBar() if self.iface is not None else None
        if bar is not None:
            push_message(bar, title, text, level, details=details)

    def _fault(self, title: str, error: BaseException) -> None:
        if isinstance(error, NetworkError):
            details = getattr(error, "details", "") or repr(error)
        else:  # a bug: the traceback helps whoever reports it
            details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        self._notify(title, str(error), Qgis.MessageLevel.Critical, details=str(details))

    # --- teardown --------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Cancel every task and forget the layers (called by the plugin's unload)."""
        for task in list(self.tasks):
            with contextlib.suppress(TypeError, RuntimeError):
                task.done.disconnect()
            with contextlib.suppress(RuntimeError):
                task.cancel()
        self.page_task = None
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                canvas.extentsChanged.disconnect(self._canvas_moved)
        if self.footprints is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.footprints.layer.selectionChanged.disconnect(self._layer_selection_changed)
        self.footprints = None


__all__ = ["DOCK_OBJECT_NAME", "CatalogueDock"]
