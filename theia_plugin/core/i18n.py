"""Translation hook usable from Qt-free code.

Core modules must not depend on Qt, yet their user-facing messages have to be translated
when they run inside QGIS. ``tr`` defers to Qt's translator when Qt is already loaded in the
process (inside QGIS the plugin installs the French catalogue at start-up) and returns the
English text otherwise. It never imports Qt itself: a command-line user of ``core`` does not
pay for loading QGIS.
"""

from __future__ import annotations

import sys

_QT_CORE_MODULES = ("qgis.PyQt.QtCore", "PyQt5.QtCore", "PyQt6.QtCore")


def tr(text: str, context: str = "Theia") -> str:
    for name in _QT_CORE_MODULES:
        module = sys.modules.get(name)
        if module is not None and module.QCoreApplication.instance() is not None:
            return module.QCoreApplication.translate(context, text)
    return text
