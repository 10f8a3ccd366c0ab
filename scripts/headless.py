"""Start QGIS without a window, with Processing and the Theia plugin, as qgis_process does."""

from __future__ import annotations

import contextlib
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.append("/usr/share/qgis/python/plugins")  # Processing's Python package


@contextlib.contextmanager
def headless_qgis(load_plugin: bool = True):
    """Yield a running QgsApplication; the plugin is started in Processing mode."""
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    try:
        from processing.core.Processing import Processing

        Processing.initialize()
        if load_plugin:
            import qgis.utils

            if not (qgis.utils.loadPlugin("theia_plugin")
                    and qgis.utils.startProcessingPlugin("theia_plugin")):  # fmt: skip
                raise RuntimeError("the Theia plugin failed to start (see the messages above)")
        yield app
    finally:
        if load_plugin:
            import qgis.utils

            if "theia_plugin" in qgis.utils.plugins:
                qgis.utils.plugins["theia_plugin"].unload()
        app.exitQgis()
