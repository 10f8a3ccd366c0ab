"""Translation hook usable from Qt-free code.

Core modules must not depend on Qt, yet their user-facing messages have to be translated
when they run inside QGIS. `tr` defers to Qt's translator when Qt is importable (the plugin
installs the French catalogue at start-up) and returns the English text otherwise.
"""

from __future__ import annotations

try:  # inside QGIS (or any PyQt environment)
    from qgis.PyQt.QtCore import QCoreApplication

    def tr(text: str, context: str = "Theia") -> str:
        return QCoreApplication.translate(context, text)

except ImportError:  # plain Python: CLI, unit tests without QGIS

    def tr(text: str, context: str = "Theia") -> str:
        return text
