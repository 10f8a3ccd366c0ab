"""Runs inside the QGIS desktop application (``qgis --code``) to take the docs' screenshots.

Started by ``make screenshots`` under Xvfb with the development profile; writes PNGs into
``$THEIA_SCREENSHOTS`` and quits QGIS.
"""

import os
from pathlib import Path

import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import QApplication

OUT = Path(os.environ["THEIA_SCREENSHOTS"])
iface = qgis.utils.iface


def grab_screen(name):
    QApplication.processEvents()
    QGuiApplication.primaryScreen().grabWindow(0).save(str(OUT / name))


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
    QTimer.singleShot(1500, grab_options_dialog)
    iface.showOptionsDialog(iface.mainWindow(), currentPage="mOptionsPageTheia")
    QTimer.singleShot(300, lambda: QgsApplication.exit(0))


QTimer.singleShot(2000, show_menu)
