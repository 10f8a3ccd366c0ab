"""The DSM-OPT jobs dock: connection and credit, a "New job" form built from the server's
process description, client-side checks, evaluate/submit, and the list of jobs followed in the
background (status, stage, progress, times, cost, purge date) with their actions.

Every request runs in a short QgsTask (:mod:`.dsmopt_tasks`); a QTimer on the UI thread only
decides which job is due for its next status request (backoff of :class:`PollPolicy`). Jobs
are remembered in the job store of the QGIS profile and followed again when the dock opens.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any, Callable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
    QgsSettings,
)
from qgis.gui import (
    QgsAuthConfigSelect,
    QgsCollapsibleGroupBox,
    QgsDockWidget,
    QgsExtentGroupBox,
    QgsProjectionSelectionWidget,
)
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from theia_plugin.core.dsmopt import (
    DsmOptError,
    Job,
    JobBackend,
    JobGoneError,
    JobStore,
    PollPolicy,
    new_submission_key,
    open_backend,
    submit_job,
)
from theia_plugin.core.dsmopt.backend import BACKEND_KINDS
from theia_plugin.core.dsmopt.catalogue_images import images_from_items
from theia_plugin.core.dsmopt.checks import Check, ImageInfo, check_job, errors
from theia_plugin.core.dsmopt.jobs import current_credit, duplicate_job, purge_job
from theia_plugin.core.dsmopt.parameters import (
    PRESET_VALUES,
    FieldSpec,
    describe_field,
    form_fields,
)
from theia_plugin.core.i18n import tr
from theia_plugin.net import HttpClient, create_client
from theia_plugin.toolbelt.preferences import JOBS_FILE, profile_file

from .dsmopt_jobs_model import PROGRESS, JobRow, JobsModel, ProgressDelegate
from .dsmopt_layers import LoadResultsTask, default_cache_dir
from .dsmopt_tasks import CallTask, TaskRunner

__all__ = ["DOCK_OBJECT_NAME", "DsmOptDock"]

LOG = logging.getLogger("theia.dsmopt")
DOCK_OBJECT_NAME = "mTheiaDsmOptDock"
SETTINGS = "theia/dsmopt/"
MAX_IMAGES = 3
DEFAULT_ROI_CRS = "EPSG:2154"

ClientFactory = Callable[[Any], HttpClient]


def default_store_path() -> Path:
    """The job database of the current QGIS profile (the dock and Processing share it)."""
    return profile_file(JOBS_FILE)


class DsmOptDock(QgsDockWidget):
    """Submit DSM-OPT jobs and follow them. ``store``, ``make_client``, ``policy`` and
    ``refresh_ms`` are for tests and special setups."""

    jobsChanged = pyqtSignal()  # a row was added or updated
    messageShown = pyqtSignal(str, str)  # level, text

    def __init__(
        self,
        iface=None,
        parent=None,
        *,
        store: JobStore | None = None,
        make_client: ClientFactory | None = None,
        policy: PollPolicy | None = None,
        refresh_ms: int = 1000,
        cache_dir: str | Path | None = None,
    ) -> None:
        super().__init__(tr("DSM-OPT jobs"), parent)
        self.setObjectName(DOCK_OBJECT_NAME)
        self.iface = iface
        #: The catalogue results selected by the user (the plugin wires the catalogue dock).
        self.catalogue_selection: Callable[[], list] = lambda: []
        self._catalogue_images: dict = {}
        self.store = store or JobStore(default_store_path())
        self.make_client = make_client or (lambda authcfg: create_client(authcfg=authcfg))
        self.policy = policy or PollPolicy()
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self.runner = TaskRunner()
        self.model = JobsModel(self)
        self.fields: list[FieldSpec] = []
        self.field_widgets: dict[str, QWidget] = {}
        self.credit: float | None = None
        self.estimated_cost: float | None = None
        self.submitting = False
        self.licence_text = ""
        self._build()
        self._build_form(form_fields(None))
        self._load_stored_jobs()
        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self.poll_due_jobs)
        self.timer.start()

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        settings = QgsSettings()

        connection = QgsCollapsibleGroupBox(tr("Connection"), body)
        form = QFormLayout(connection)
        self.url_edit = QLineEdit(settings.value(SETTINGS + "url", "", type=str), connection)
        self.url_edit.setPlaceholderText(tr("OGC API - Processes landing page or GDM API base"))
        self.kind_combo = QComboBox(connection)
        self.kind_combo.addItem(tr("OGC API - Processes"), "ogc")
        self.kind_combo.addItem(tr("ForM@Ter GDM (native)"), "gdm")
        kind = settings.value(SETTINGS + "backend", "ogc", type=str)
        self.kind_combo.setCurrentIndex(max(0, BACKEND_KINDS.index(kind)))
        self.auth_select = QgsAuthConfigSelect(connection)
        self.auth_select.setConfigId(settings.value(SETTINGS + "authcfg", "", type=str))
        self.connect_button = QPushButton(tr("Connect"), connection)
        self.connect_button.clicked.connect(self.connect_server)
        self.credit_label = QLabel(tr("Credit: unknown"), connection)
        form.addRow(tr("Server URL"), self.url_edit)
        form.addRow(tr("API"), self.kind_combo)
        form.addRow(tr("Authentication"), self.auth_select)
        row = QHBoxLayout()
        row.addWidget(self.connect_button)
        row.addWidget(self.credit_label, 1)
        form.addRow(row)
        layout.addWidget(connection)

        self.tabs = QTabWidget(body)
        self.tabs.addTab(self._build_new_job_tab(), tr("New job"))
        self.tabs.addTab(self._build_jobs_tab(), tr("Jobs"))
        layout.addWidget(self.tabs, 1)

        self.message_label = QLabel(body)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label)
        self.setWidget(body)

    def _build_new_job_tab(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        main = QFormLayout()
        self.name_edit = QLineEdit(page)
        self.preset_combo = QComboBox(page)
        self.preset_combo.currentTextChanged.connect(self.apply_preset)
        self.images_table = QTableWidget(MAX_IMAGES, 2, page)
        self.images_table.setHorizontalHeaderLabels([tr("Image id"), tr("Incidence (°)")])
        self.images_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.images_table.setToolTip(
            tr(
                "2 or 3 Pléiades/SPOT stereo images (DINAMIS ids). The signed along-track "
                "incidence angle, when known, lets the plugin check the convergence angle."
            )
        )
        self.images_table.setMaximumHeight(120)
        main.addRow(tr("Job name"), self.name_edit)
        main.addRow(tr("Landscape preset"), self.preset_combo)
        main.addRow(tr("Input images"), self.images_table)
        self.from_catalogue_button = QPushButton(tr("Use the selected catalogue results"), page)
        self.from_catalogue_button.setToolTip(
            tr("Take the images selected in the Theia catalogue dock, with their incidence "
               "angles and footprints when the catalogue gives them")
        )  # fmt: skip
        self.from_catalogue_button.clicked.connect(self.use_catalogue_selection)
        main.addRow("", self.from_catalogue_button)
        layout.addLayout(main)

        self.extent_box = QgsExtentGroupBox(page)
        self.extent_box.setTitleBase(tr("Region of interest"))
        self.extent_box.setOutputCrs(QgsCoordinateReferenceSystem(DEFAULT_ROI_CRS))
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is not None:
            self.extent_box.setMapCanvas(canvas)
        layout.addWidget(self.extent_box)
        self.canvas_extent_button = QPushButton(tr("Use the map canvas extent"), page)
        self.canvas_extent_button.clicked.connect(self.roi_from_canvas)
        self.canvas_extent_button.setEnabled(canvas is not None)
        layout.addWidget(self.canvas_extent_button)

        crs_row = QFormLayout()
        self.output_crs = QgsProjectionSelectionWidget(page)
        self.output_crs.setCrs(QgsCoordinateReferenceSystem(DEFAULT_ROI_CRS))
        crs_row.addRow(tr("Output CRS"), self.output_crs)
        layout.addLayout(crs_row)

        self.standard_box = QgsCollapsibleGroupBox(tr("Standard parameters"), page)
        self.standard_form = QFormLayout(self.standard_box)
        self.expert_box = QgsCollapsibleGroupBox(tr("Expert parameters (MicMac)"), page)
        self.expert_form = QFormLayout(self.expert_box)
        self.expert_box.setCollapsed(True)
        layout.addWidget(self.standard_box)
        layout.addWidget(self.expert_box)

        buttons = QHBoxLayout()
        self.evaluate_button = QPushButton(tr("Evaluate"), page)
        self.evaluate_button.clicked.connect(self.evaluate)
        self.submit_button = QPushButton(tr("Submit"), page)
        self.submit_button.clicked.connect(self.submit)
        buttons.addWidget(self.evaluate_button)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        scroll.setWidget(page)
        return scroll

    def _build_jobs_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.jobs_view = QTableView(page)
        self.jobs_view.setModel(self.model)
        self.jobs_view.setItemDelegateForColumn(PROGRESS, ProgressDelegate(self.jobs_view))
        self.jobs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.jobs_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.jobs_view.horizontalHeader().setStretchLastSection(True)
        self.jobs_view.verticalHeader().setVisible(False)
        self.jobs_view.selectionModel().selectionChanged.connect(self._update_actions)
        layout.addWidget(self.jobs_view, 1)
        self.action_buttons: dict[str, QPushButton] = {}
        actions = (
            ("log", tr("Log"), self.show_log),
            ("cancel", tr("Cancel"), self.cancel_selected),
            ("duplicate", tr("Duplicate"), self.duplicate_selected),
            ("purge", tr("Purge"), self.purge_selected),
            ("load", tr("Load results"), self.load_results_selected),
            ("download", tr("Download archive"), self.download_archive_selected),
        )
        row = QHBoxLayout()
        for key, text, slot in actions:
            button = QPushButton(text, page)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.action_buttons[key] = button
            row.addWidget(button)
        layout.addLayout(row)
        download_row = QHBoxLayout()
        self.download_bar = QProgressBar(page)
        self.download_bar.setVisible(False)
        self.download_cancel = QPushButton(tr("Stop download"), page)
        self.download_cancel.setVisible(False)
        self.download_cancel.clicked.connect(self.cancel_download)
        download_row.addWidget(self.download_bar, 1)
        download_row.addWidget(self.download_cancel)
        layout.addLayout(download_row)
        self.licence_label = QLabel(page)
        self.licence_label.setWordWrap(True)
        layout.addWidget(self.licence_label)
        self._download_task: CallTask | None = None
        self._update_actions()
        return page

    # -- form ----------------------------------------------------------------------------------
    def _build_form(self, fields: list[FieldSpec]) -> None:
        """(Re)build the standard and expert groups from ``fields``."""
        self.fields = fields
        for form in (self.standard_form, self.expert_form):
            while form.rowCount():
                form.removeRow(0)
        self.field_widgets = {}
        presets = next((f.choices for f in fields if f.key == "preset"), ())
        self.preset_combo.blockSignals(True)
        self.preset_combo.clear()
        self.preset_combo.addItem(tr("(none)"), None)
        for preset in presets:
            self.preset_combo.addItem(str(preset), preset)
        self.preset_combo.blockSignals(False)
        for spec in fields:
            if spec.group == "main":
                continue
            widget = self._widget_for(spec)
            widget.setObjectName(f"dsmopt_{spec.key}")
            widget.setToolTip(describe_field(spec))
            self.field_widgets[spec.key] = widget
            form = self.expert_form if spec.group == "expert" else self.standard_form
            form.addRow(spec.title, widget)

    def _widget_for(self, spec: FieldSpec) -> QWidget:
        if spec.choices:
            combo = QComboBox()
            for choice in spec.choices:
                combo.addItem(str(choice), choice)
            if spec.default in spec.choices:
                combo.setCurrentIndex(spec.choices.index(spec.default))
            return combo
        if spec.kind == "boolean":
            box = QCheckBox()
            box.setChecked(bool(spec.default))
            return box
        if spec.kind == "integer":
            spin = QSpinBox()
            spin.setRange(int(spec.minimum or 0), int(spec.maximum or 1_000_000))
            spin.setValue(int(spec.default or 0))
            return spin
        if spec.kind == "number":
            dspin = QDoubleSpinBox()
            dspin.setDecimals(4)
            dspin.setSingleStep(0.005)
            dspin.setRange(float(spec.minimum or 0.0), float(spec.maximum or 1e6))
            dspin.setValue(float(spec.default or 0.0))
            return dspin
        edit = QLineEdit()
        edit.setText("" if spec.default is None else str(spec.default))
        return edit

    def set_field(self, key: str, value: Any) -> None:
        widget = self.field_widgets[key]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            widget.setValue(value)
        else:
            widget.setText(str(value))

    def field_value(self, key: str) -> Any:
        widget = self.field_widgets[key]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            return widget.value()
        return widget.text()

    def apply_preset(self, _text: str = "") -> None:
        for key, value in PRESET_VALUES.get(self.preset_combo.currentData() or "", {}).items():
            if key in self.field_widgets:
                self.set_field(key, value)

    def use_catalogue_items(self, items: list) -> None:
        """Input images from catalogue results: ids, incidence angles and azimuths when the
        catalogue gives them, and footprints for the region-of-interest check."""
        images = images_from_items(items)
        if not images:
            self.show_message(
                "warning", tr("Select 2 or 3 image results in the Theia catalogue first")
            )
            return
        self.set_images([(image.image_id, image.incidence) for image in images])
        self._catalogue_images = {image.image_id: image for image in images}

    def use_catalogue_selection(self) -> None:
        self.use_catalogue_items(list(self.catalogue_selection()))

    def set_images(self, images: list[tuple[str, float | None]]) -> None:
        """Fill the images table with ``(id, incidence or None)``."""
        self._catalogue_images = {}
        self.images_table.clearContents()
        for position, (image_id, incidence) in enumerate(images[:MAX_IMAGES]):
            self.images_table.setItem(position, 0, QTableWidgetItem(image_id))
            text = "" if incidence is None else f"{incidence:g}"
            self.images_table.setItem(position, 1, QTableWidgetItem(text))

    def set_roi(self, rectangle: QgsRectangle, crs: QgsCoordinateReferenceSystem) -> None:
        self.extent_box.setOutputExtentFromUser(rectangle, crs)

    def roi_from_canvas(self) -> None:
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is not None:
            crs = canvas.mapSettings().destinationCrs()
            self.extent_box.setOutputExtentFromUser(canvas.extent(), crs)

    def images(self) -> tuple[list[ImageInfo], list[Check]]:
        infos, problems = [], []
        for position in range(self.images_table.rowCount()):
            id_item = self.images_table.item(position, 0)
            image_id = id_item.text().strip() if id_item else ""
            if not image_id:
                continue
            angle_item = self.images_table.item(position, 1)
            text = angle_item.text().strip().replace(",", ".") if angle_item else ""
            incidence = None
            if text:
                try:
                    incidence = float(text)
                except ValueError:
                    problems.append(
                        Check(
                            "error",
                            tr(
                                "Incidence angle of {id}: a number of degrees expected, got "
                                "“{text}”"
                            ).format(id=image_id, text=text),
                        )
                    )
            known = self._catalogue_images.get(image_id)
            azimuth = known.azimuth if known is not None else None
            footprint = self._footprint_in_roi_crs(known) if known is not None else None
            infos.append(ImageInfo(image_id, incidence, azimuth, footprint))
        return infos, problems

    def _footprint_in_roi_crs(self, image) -> tuple[float, float, float, float] | None:
        if image.footprint_wgs84 is None:
            return None
        west, south, east, north = image.footprint_wgs84
        transform = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4326"), self.extent_box.outputCrs(),
            QgsProject.instance(),
        )  # fmt: skip
        box = transform.transformBoundingBox(QgsRectangle(west, south, east, north))
        return (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())

    def roi(self) -> tuple[float, float, float, float] | None:
        extent = self.extent_box.outputExtent()
        if extent.isNull() or extent.isEmpty():
            return None
        return (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())

    def inputs(self) -> dict[str, Any]:
        infos, _problems = self.images()
        inputs: dict[str, Any] = {"images": [image.image_id for image in infos]}
        if self.name_edit.text().strip():
            inputs["name"] = self.name_edit.text().strip()
        if self.preset_combo.currentData():
            inputs["preset"] = self.preset_combo.currentData()
        roi = self.roi()
        if roi is not None:
            inputs["roi"] = list(roi)
        known = {spec.key for spec in self.fields}
        if "outputCrs" in known or not self.fields:
            inputs["outputCrs"] = self.output_crs.crs().authid()
        for key in self.field_widgets:
            inputs[key] = self.field_value(key)
        return inputs

    def check(self) -> list[Check]:
        infos, problems = self.images()
        roi = self.roi()
        found = problems + check_job(infos, roi, credit=self.credit, cost=self.estimated_cost)
        if roi is None:
            found.append(
                Check("error", tr("Region of interest: draw or enter the extent to compute"))
            )
        return found

    # -- connection ----------------------------------------------------------------------------
    @property
    def server_url(self) -> str:
        return self.url_edit.text().strip().rstrip("/")

    @property
    def backend_kind(self) -> str:
        return self.kind_combo.currentData()

    @property
    def authcfg(self) -> str | None:
        return self.auth_select.configId() or None

    def backend(self, kind: str | None = None, url: str | None = None, authcfg=None) -> JobBackend:
        """A backend with its own client (each task gets one: clients are not shared across
        threads)."""
        kind = kind or self.backend_kind
        url = url or self.server_url
        return open_backend(kind, url, self.make_client(authcfg))

    def backend_for_row(self, row: JobRow) -> JobBackend:
        return self.backend(row.job.backend, row.job.server_url, row.authcfg)

    def _save_connection(self) -> None:
        settings = QgsSettings()
        settings.setValue(SETTINGS + "url", self.server_url)
        settings.setValue(SETTINGS + "backend", self.backend_kind)
        settings.setValue(SETTINGS + "authcfg", self.authcfg or "")  # an id, never a secret

    def connect_server(self) -> CallTask | None:
        """Read the process description and the credit (in a task)."""
        if not self.server_url:
            self.show_message("error", tr("Server URL: enter the address of the DSM-OPT API"))
            return None
        self._save_connection()
        backend = self.backend(authcfg=self.authcfg)

        def work(task):
            description = None
            if hasattr(backend, "describe_process"):
                description = backend.describe_process(feedback=task)
            return description, current_credit(backend, feedback=task)

        def done(result) -> None:
            description, credit = result
            self._build_form(form_fields(description))
            self.set_credit(credit)
            source = tr("the server's description") if description else tr("known parameters")
            self.show_message("info", tr("Connected; form from {source}").format(source=source))

        self.connect_button.setEnabled(False)
        task = CallTask(tr("Connecting to DSM-OPT"), work)
        task.done.connect(self._guarded(done))
        task.failed.connect(
            self._guarded(lambda message, _exc: self.show_message("error", message))
        )
        task.taskCompleted.connect(self._guarded(lambda: self.connect_button.setEnabled(True)))
        task.taskTerminated.connect(self._guarded(lambda: self.connect_button.setEnabled(True)))
        return self.runner.start(task)

    def set_credit(self, credit: float | None) -> None:
        self.credit = credit
        text = tr("unknown") if credit is None else tr("{credit:.0f} CPU s").format(credit=credit)
        self.credit_label.setText(tr("Credit: {credit}").format(credit=text))

    # -- evaluate and submit -------------------------------------------------------------------
    def evaluate(self) -> CallTask | None:
        """Check the form and ask the server for the cost (GDM) in a task."""
        found = self.check()
        self.show_checks(found)
        if errors(found) or not self.server_url:
            return None
        backend = self.backend(authcfg=self.authcfg)
        inputs, name = self.inputs(), self.name_edit.text().strip()

        def work(task):
            if hasattr(backend, "estimate"):
                return backend.estimate(inputs, name=name, feedback=task)
            return None, current_credit(backend, feedback=task)

        def done(result) -> None:
            cost, credit = result
            self.estimated_cost = cost
            if credit is not None:
                self.set_credit(credit)
            found = self.check()
            if cost is None:
                found.append(Check("info", tr("This server gives no cost estimate before a run")))
            else:
                found.append(
                    Check("info", tr("Estimated cost: {cost:.0f} CPU s").format(cost=cost))
                )
            self.show_checks(found)

        task = CallTask(tr("Evaluating a DSM-OPT job"), work)
        task.done.connect(self._guarded(done))
        task.failed.connect(
            self._guarded(lambda message, _exc: self.show_message("error", message))
        )
        return self.runner.start(task)

    def submit(self) -> CallTask | None:
        """Submit the form once: the button stays disabled until the server answered, and the
        store's submission guard refuses a second post with the same key."""
        if self.submitting:
            return None
        if not self.server_url:
            self.show_message("error", tr("Server URL: enter the address of the DSM-OPT API"))
            return None
        found = self.check()
        if errors(found):
            self.show_checks(found)
            return None
        self.submitting = True
        self.submit_button.setEnabled(False)
        self._save_connection()
        backend, authcfg, store = self.backend(authcfg=self.authcfg), self.authcfg, self.store
        inputs = self.inputs()
        name = inputs.pop("name", "")
        key = new_submission_key()

        def work(task):
            return submit_job(
                backend, inputs, name=name, submission_key=key, store=store, authcfg=authcfg,
                feedback=task,
            )  # fmt: skip

        def done(job: Job) -> None:
            self._add_job(job, authcfg)
            self.show_message(
                "info",
                tr("Job {id} submitted: {state}").format(id=job.job_id, state=job.describe()),
            )
            self.tabs.setCurrentIndex(1)

        def finish(*_args) -> None:
            self.submitting = False
            self.submit_button.setEnabled(True)

        task = CallTask(tr("Submitting a DSM-OPT job"), work, can_cancel=False)
        task.done.connect(self._guarded(done))
        task.failed.connect(
            self._guarded(lambda message, _exc: self.show_message("error", message))
        )
        task.taskCompleted.connect(self._guarded(finish))
        task.taskTerminated.connect(self._guarded(finish))
        return self.runner.start(task)

    # -- job list and polling ------------------------------------------------------------------
    def _load_stored_jobs(self) -> None:
        for record in self.store.records():
            if record.job is not None:
                self.model.upsert(record.job, record.authcfg)
        self.jobs_view.resizeColumnsToContents()

    def _add_job(self, job: Job, authcfg: str | None) -> JobRow:
        row = self.model.upsert(job, authcfg)
        row.schedule(self.policy)
        self.jobs_view.resizeColumnsToContents()
        self.jobsChanged.emit()
        return row

    def poll_due_jobs(self) -> None:
        """Start a status request for every followed job whose time has come."""
        if self.runner.closed:
            return
        now = time.monotonic()
        for row in list(self.model.rows):
            if row.job.terminal or row.polling or row.next_poll > now:
                continue
            self.poll(row)

    def poll(self, row: JobRow) -> CallTask:
        row.polling = True
        backend, job_id = self.backend_for_row(row), row.job.job_id

        def done(job: Job) -> None:
            row.polling, row.failures, row.last_error = False, 0, ""
            self._job_updated(job, row)

        def failed(message: str, exc) -> None:
            row.polling = False
            if isinstance(exc, JobGoneError):
                row.job.gone = True
                self._job_updated(row.job, row)
                return
            row.failures += 1
            row.last_error = message  # transient or not, try again later (backoff)
            row.schedule(self.policy)
            self.model.upsert(row.job, row.authcfg)

        task = CallTask(
            tr("DSM-OPT job {id} status").format(id=job_id),
            lambda t: backend.status(job_id, feedback=t),
        )
        task.done.connect(self._guarded(done))
        task.failed.connect(self._guarded(failed))
        return self.runner.start(task)

    def _job_updated(self, job: Job, row: JobRow) -> None:
        row = self.model.upsert(job, row.authcfg)
        self.store.update(row.job)
        if job.credit is not None and job.server_url == self.server_url:
            self.set_credit(job.credit)  # servers report the remaining credit with jobs
        if not row.job.terminal:
            row.schedule(self.policy)
        self.jobs_view.resizeColumnsToContents()
        self.jobsChanged.emit()
        self._update_actions()

    def refresh_now(self) -> None:
        for row in self.model.rows:
            row.next_poll = 0.0
            row.delays = None
        self.poll_due_jobs()

    # -- actions -------------------------------------------------------------------------------
    def select_job(self, job_id: str) -> None:
        for position, row in enumerate(self.model.rows):
            if row.job.job_id == job_id:
                self.jobs_view.selectRow(position)
                return

    def selected_row(self) -> JobRow | None:
        indexes = self.jobs_view.selectionModel().selectedRows()
        return self.model.job_at(indexes[0].row()) if indexes else None

    def _update_actions(self, *_args) -> None:
        row = self.selected_row()
        job = row.job if row else None
        finished = bool(job and job.status == "successful" and not job.purged and not job.gone)
        enabled = {
            "log": job is not None,
            "cancel": bool(job and not job.terminal),
            "duplicate": job is not None,
            "purge": finished,
            "load": finished,
            "download": finished and self._download_task is None,
        }
        for key, button in self.action_buttons.items():
            button.setEnabled(enabled[key])

    def show_log(self) -> QDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        job = row.job
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("DSM-OPT job {id}").format(id=job.job_id))
        layout = QVBoxLayout(dialog)
        text = QPlainTextEdit(dialog)
        text.setReadOnly(True)
        lines = [
            f"{job.name} ({job.job_id}) — {job.server_url}",
            job.describe(),
            job.message,
            "",
            job.log or tr("(the server keeps no log for this job)"),
        ]
        text.setPlainText("\n".join(lines))
        layout.addWidget(text)
        dialog.resize(560, 360)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _run_on_selected(self, description: str, work, done) -> CallTask | None:
        row = self.selected_row()
        if row is None:
            return None
        backend = self.backend_for_row(row)
        job = row.job
        task = CallTask(description.format(id=job.job_id), lambda t: work(backend, job, t))
        task.done.connect(self._guarded(lambda result: done(row, result)))
        task.failed.connect(
            self._guarded(lambda message, _exc: self.show_message("error", message))
        )
        return self.runner.start(task)

    def cancel_selected(self) -> CallTask | None:
        """Dismiss the selected job on the server (it stops where it is)."""

        def done(row: JobRow, job: Job) -> None:
            self._job_updated(job, row)
            self.show_message("info", tr("Job {id} cancelled").format(id=job.job_id))

        return self._run_on_selected(
            tr("Cancelling DSM-OPT job {id}"),
            lambda backend, job, t: backend.dismiss(job.job_id, feedback=t),
            done,
        )

    def duplicate_selected(self) -> CallTask | None:
        store = self.store

        def done(row: JobRow, job: Job) -> None:
            self._add_job(job, row.authcfg)
            self.show_message("info", tr("Job {id} submitted (a copy)").format(id=job.job_id))

        return self._run_on_selected(
            tr("Duplicating DSM-OPT job {id}"),
            lambda backend, job, t: duplicate_job(backend, job, store=store, feedback=t),
            done,
        )

    def purge_selected(self, confirm: bool = True) -> CallTask | None:
        row = self.selected_row()
        if row is None:
            return None
        if confirm:
            answer = QMessageBox.question(
                self,
                tr("Purge results"),
                tr("Delete the results of job {id} on the server?").format(id=row.job.job_id),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None

        def done(row: JobRow, job: Job) -> None:
            self._job_updated(job, row)
            self.show_message("info", tr("Results of job {id} purged").format(id=job.job_id))

        return self._run_on_selected(
            tr("Purging DSM-OPT job {id}"),
            lambda backend, job, t: purge_job(backend, job, feedback=t),
            done,
        )

    def load_results_selected(self) -> LoadResultsTask | None:
        row = self.selected_row()
        if row is None:
            return None
        job = row.job
        name = tr("DSM-OPT {name}").format(name=job.name or job.job_id)
        task = LoadResultsTask(self.backend_for_row(row), job.job_id, name, self.cache_dir)

        def loaded(_group, notice: str) -> None:
            self.licence_text = notice
            self.licence_label.setText(notice)
            self.show_message("info", tr("Results loaded. {notice}").format(notice=notice))
            if self.iface is not None:
                self.iface.messageBar().pushInfo(tr("DSM-OPT"), notice)

        task.loaded.connect(self._guarded(loaded))
        task.failed.connect(self._guarded(lambda message: self.show_message("error", message)))
        return self.runner.start(task)

    def download_archive_selected(self, path: str | Path | None = None) -> CallTask | None:
        row = self.selected_row()
        if row is None:
            return None
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, tr("Save the results archive"), f"{row.job.job_id}.zip", "ZIP (*.zip)"
            )
            if not path:
                return None
        target = Path(path)
        backend = self.backend_for_row(row)
        job_id = row.job.job_id

        def work(task):
            results = backend.results(job_id, feedback=task)
            if not results.archive_url:
                raise DsmOptError(tr("Job {id} published no archive").format(id=job_id))
            return backend.client.download(results.archive_url, target, feedback=task)

        task = CallTask(tr("Downloading the results of {id}").format(id=job_id), work)
        task.progressChanged.connect(self._guarded(lambda p: self.download_bar.setValue(int(p))))
        task.done.connect(
            self._guarded(
                lambda _r: self.show_message(
                    "info", tr("Archive saved to {path}").format(path=target)
                )
            )
        )
        task.failed.connect(
            self._guarded(lambda message, _exc: self.show_message("error", message))
        )
        task.taskCompleted.connect(self._guarded(self._download_finished))
        task.taskTerminated.connect(self._guarded(self._download_finished))
        self._download_task = task
        self.download_bar.setValue(0)
        self.download_bar.setVisible(True)
        self.download_cancel.setVisible(True)
        self._update_actions()
        return self.runner.start(task)

    def cancel_download(self) -> None:
        if self._download_task is not None:
            self._download_task.cancel()

    def _download_finished(self, *_args) -> None:
        self._download_task = None
        self.download_bar.setVisible(False)
        self.download_cancel.setVisible(False)
        self._update_actions()

    # -- messages and lifetime -----------------------------------------------------------------
    def show_message(self, level: str, text: str) -> None:
        colour = {"error": "#b00020", "warning": "#8a6d00"}.get(level, "")
        html = text.replace("&", "&amp;").replace("<", "&lt;")
        self.message_label.setText(
            f'<span style="color:{colour}">{html}</span>' if colour else html
        )
        self.messageShown.emit(level, text)
        if level == "error":
            LOG.warning("DSM-OPT: %s", text)

    def show_checks(self, checks: list[Check]) -> None:
        if not checks:
            self.show_message("info", tr("All checks passed"))
            return
        level = "error" if errors(checks) else ("warning" if any(
            c.level == "warning" for c in checks) else "info")  # fmt: skip
        self.show_message(level, "\n".join(f"• {check.text}" for check in checks))

    def _guarded(self, slot):
        """Task signals may arrive after the dock was closed down: ignore them then."""

        def call(*args):
            if not self.runner.closed:
                slot(*args)

        return call

    def close_down(self) -> None:
        """Stop polling and cancel running tasks (plugin unload)."""
        self.timer.stop()
        self.runner.cancel_all()
