"""Runs inside the QGIS desktop application (``qgis --code``) to take the docs' screenshots.

Started by ``make screenshots`` under Xvfb with the development profile; writes PNGs into
``$THEIA_SCREENSHOTS`` and quits QGIS.
"""

import os
import sys
import time
from pathlib import Path

import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import QApplication, QDockWidget

OUT = Path(os.environ["THEIA_SCREENSHOTS"])
REPO = Path(os.environ.get("THEIA_REPO", os.getcwd()))
iface = qgis.utils.iface


def grab_screen(name):
    QApplication.processEvents()
    QGuiApplication.primaryScreen().grabWindow(0).save(str(OUT / name))


def grab_main_window(name):
    """The whole QGIS window (under Xvfb without a window manager it may exceed the screen)."""
    QApplication.processEvents()
    iface.mainWindow().grab().save(str(OUT / name))


def grab_options_dialog():
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        dialog.resize(1000, 640)
        QApplication.processEvents()
        dialog.grab().save(str(OUT / "options-page.png"))
        dialog.reject()


def show_menu():
    iface.mainWindow().showMaximized()
    menu = next(
        a.menu()
        for a in iface.mainWindow().menuBar().actions()
        if a.menu() and a.menu().objectName() == "mTheiaMenu"
    )
    bar = iface.mainWindow().menuBar()
    position = bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft())
    menu.popup(position)
    QTimer.singleShot(800, lambda: (grab_screen("theia-menu.png"), menu.close(), options()))


def options():
    QTimer.singleShot(1500, lambda: (grab_options_dialog(), QTimer.singleShot(500, catalogue)))
    iface.showOptionsDialog(iface.mainWindow(), currentPage="mOptionsPageTheia")


def when(condition, then, timeout_ms=90000):
    """Call ``then()`` once ``condition()`` holds (polled by a timer); quit QGIS on timeout."""
    state = {"waited": 0}

    def poll():
        if condition():
            then()
        elif state["waited"] > timeout_ms:
            print(f"screenshots: timed out waiting for {condition}", file=sys.stderr)
            QgsApplication.exit(1)
        else:
            state["waited"] += 200
            QTimer.singleShot(200, poll)

    poll()


def catalogue():
    """The catalogue dock with results, thumbnails, footprints and a true-colour item."""
    url = os.environ.get("THEIA_STAC_URL")
    if not url:
        dsmopt_running()
        return
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle
    from qgis.PyQt.QtCore import QDate, Qt
    from qgis.PyQt.QtGui import QColor

    from theia_plugin.core.catalogue.connections import Connection

    iface.mapCanvas().setSelectionColor(QColor(255, 220, 0, 70))  # selected footprints see-through
    window = iface.mainWindow()
    window.showNormal()
    window.setGeometry(0, 0, 1400, 900)
    plugin = qgis.utils.plugins["theia_plugin"]
    dock = plugin.show_catalogue()
    window.resizeDocks([dock], [600], Qt.Orientation.Horizontal)
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    dock.add_connection(Connection("Theia-like STAC (local)", url, "stac"))

    def search():
        dock.set_collections(["sentinel2-l2a-theia"])
        dock.set_bbox((0.6, 42.5, 2.2, 44.1))
        dock.dates_group.setChecked(True)
        dock.start_edit.setDate(QDate(2021, 1, 1))
        dock.end_edit.setDate(QDate(2022, 12, 31))
        dock.cloud_check.setChecked(True)
        dock.cloud_spin.setValue(60)
        dock.search_button.click()
        when(lambda: not dock.is_searching() and dock.model.rowCount(), results)

    def results():
        canvas = iface.mapCanvas()
        canvas.setExtent(QgsRectangle(-0.8, 41.9, 3.2, 44.6))
        canvas.refresh()
        dock.view.selectRow(1)
        item = dock.selected_items()[0]
        dock.last_true_colour = None
        dock.add_item_group(item)
        when(lambda: dock.last_true_colour is not None and len(dock.model.thumbnails) > 3, grab)

    def grab():
        dock.view.selectRow(1)
        QTimer.singleShot(2500, lambda: (grab_screen("catalogue-dock.png"), signed_cog(dock)))

    when(lambda: dock.collections_list.count() > 0, search)


def signed_cog(dock):
    """A private COG of an MTD-like catalogue, signed through the local signing service with
    an "API Header" authentication configuration, loaded as a true-colour group."""
    url = os.environ.get("THEIA_SIGNED_STAC_URL")
    if not url:
        dsmopt_running()
        return
    import json

    from qgis.core import QgsCoordinateTransform, QgsProject
    from qgis.PyQt.QtCore import QDate

    from theia_plugin.core.catalogue.connections import Connection

    sys.path.insert(0, str(OUT.parents[1]))  # the repository: its test helpers
    from tests.servers.qgis_auth import AuthConfigs

    auth = AuthConfigs()
    authcfg = auth.api_header(json.loads(os.environ["THEIA_SIGNING_KEYS"]))
    wanted = os.environ["THEIA_SIGNED_ITEM"]
    project = QgsProject.instance()
    project.removeAllMapLayers()
    project.layerTreeRoot().removeAllChildren()
    dock.add_connection(Connection("Theia MTD (local, signed assets)", url, "stac", authcfg))

    def search():
        dock.set_collections(["sentinel2-l2a-theia"])
        dock.set_bbox((0.0, 42.9, 1.2, 43.6))
        dock.dates_group.setChecked(True)
        dock.start_edit.setDate(QDate(2018, 1, 1))
        dock.end_edit.setDate(QDate(2018, 3, 31))
        dock.cloud_check.setChecked(False)
        dock.search_button.click()
        when(lambda: not dock.is_searching() and dock.model.rowCount(), results)

    def results():
        row = next((i for i, item in enumerate(dock.model.items) if item.id == wanted), None)
        if row is None:
            print(f"screenshots: {wanted} not among the results", file=sys.stderr)
            QgsApplication.exit(1)
            return
        dock.view.selectRow(row)
        dock.last_true_colour = None
        dock.add_item_group(dock.model.items[row])
        when(lambda: dock.last_true_colour is not None and dock.model.thumbnails, zoom)

    def zoom():
        layer = dock.last_true_colour
        canvas = iface.mapCanvas()
        transform = QgsCoordinateTransform(layer.crs(), project.crs(), project)
        extent = transform.transformBoundingBox(layer.extent())
        extent.scale(3.0)
        canvas.setExtent(extent)
        canvas.refresh()
        QTimer.singleShot(4000, finish)

    def finish():
        grab_screen("catalogue-signed-cog.png")
        auth.cleanup()
        dsmopt_running()

    when(lambda: dock.collections_list.count() > 0, search)


# -- DSM-OPT: a running job in the dock, then its results on the map -------------------------
DSMOPT = {}


def later(condition, then, limit=120.0):
    """Call ``then`` once ``condition()`` holds (checked every 200 ms; gives up after limit)."""
    deadline = time.monotonic() + limit

    def check():
        if condition():
            then()
        elif time.monotonic() > deadline:
            dock = DSMOPT.get("dock")
            said = dock.message_label.text() if dock is not None else ""
            if dock is not None and dock.model.rows:
                row = dock.model.rows[0]
                said += f" {row.job.describe()} {row.last_error} polling={row.polling}"
            print(f"screenshots: gave up waiting for {then.__name__} ({said})", file=sys.stderr)
            finish()
        else:
            QTimer.singleShot(200, check)

    QTimer.singleShot(200, check)


def dsmopt_running():
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    from tests.servers.dsmopt import products
    from tests.servers.dsmopt.service import DsmOptService
    from theia_plugin.ui import dsmopt_dock

    dsmopt_dock.default_store_path().unlink(missing_ok=True)  # no jobs of earlier runs
    service = DSMOPT["service"] = DsmOptService(stage_seconds=3.0).start()
    plugin = qgis.utils.plugins["theia_plugin"]
    if getattr(plugin, "catalogue_dock", None) is not None:
        plugin.catalogue_dock.hide()  # the DSM-OPT pictures show their own dock only
    iface.mainWindow().setGeometry(0, 0, 1400, 900)
    iface.newProject(False)
    layers_panel = iface.mainWindow().findChild(QDockWidget, "Layers")
    if layers_panel is not None:
        iface.mainWindow().resizeDocks([layers_panel], [300], Qt.Orientation.Horizontal)
    plugin.toggle_dsmopt_dock()
    dock = DSMOPT["dock"] = plugin.dsmopt_dock
    dock.setFloating(False)
    iface.mainWindow().resizeDocks([dock], [640], Qt.Orientation.Horizontal)
    dock.url_edit.setText(service.ogc_url)
    dock.connect_server()
    dock.name_edit.setText("Pic de Bugatet (tri-stereo)")
    dock.set_images(
        [("PHR1A_202307101052_F", 7.2), ("PHR1A_202307101053_N", 0.4),
         ("PHR1B_202307101053_B", -6.1)]
    )  # fmt: skip
    xmin, ymin, xmax, ymax = products.bbox()
    dock.set_roi(QgsRectangle(xmin, ymin, xmax, ymax), QgsCoordinateReferenceSystem("EPSG:2154"))

    def submit():
        dock.submit()
        later(lambda: dock.model.rows and (dock.model.rows[0].job.stage_index or 0) >= 4, shoot)

    def shoot():
        dock.select_job(dock.model.rows[0].job.job_id)
        grab_main_window("dsmopt-dock-running.png")
        service.stage_seconds = 0.2  # now run to the end
        dock.refresh_now()
        later(lambda: dock.model.rows[0].job.status == "successful", dsmopt_results)

    later(lambda: "Connected" in dock.message_label.text(), submit)


def dsmopt_results():
    dock = DSMOPT["dock"]
    dock.select_job(dock.model.rows[0].job.job_id)
    dock.load_results_selected()

    def zoom():
        from qgis.core import QgsProject

        group = QgsProject.instance().layerTreeRoot().children()[0]
        layers = [node.layer() for node in group.findLayers()]
        for node in group.findLayers():  # the coloured hillshade; the others stay listed
            node.setItemVisibilityChecked(node.layer().name().startswith("B2"))
        canvas = iface.mapCanvas()
        canvas.setDestinationCrs(layers[0].crs())
        canvas.setExtent(layers[0].extent().buffered(200))
        canvas.refresh()
        QTimer.singleShot(4000, lambda: (grab_main_window("dsmopt-results.png"), finish()))

    later(lambda: dock.licence_text, zoom)


def finish():
    dock = DSMOPT.get("dock")
    if dock is not None:
        dock.close_down()
    service = DSMOPT.get("service")
    if service is not None:
        service.stop()
    QTimer.singleShot(300, lambda: QgsApplication.exit(0))


QTimer.singleShot(2000, show_menu)
