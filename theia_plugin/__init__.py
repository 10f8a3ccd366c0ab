"""Theia plugin for QGIS: the Theia land-surface data pole (Data Terra) in QGIS."""

from __future__ import annotations

import sys
from pathlib import Path

# The zip bundles pure-Python dependencies QGIS does not ship (pystac, pystac-client) in
# _vendor/. They go after the interpreter's own packages, so an installed version wins.
_VENDOR = Path(__file__).resolve().parent / "_vendor"
if _VENDOR.is_dir() and str(_VENDOR) not in sys.path:
    sys.path.append(str(_VENDOR))


def classFactory(iface):
    """QGIS entry point."""
    from theia_plugin.plugin import TheiaPlugin

    return TheiaPlugin(iface)
