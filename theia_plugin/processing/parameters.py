"""Parameters shared by the Theia algorithms."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterFile

from theia_plugin.core.i18n import tr

# QGIS's default file filter (*.*) refuses product folders, whose names have no dot.
ANY_PATH_FILTER = "All files (*)"


def product_parameter(name: str) -> QgsProcessingParameterFile:
    """A Theia product input: a zip or a product folder (the file picker stays usable)."""
    return QgsProcessingParameterFile(
        name,
        tr("Theia L2A product (zip or folder)"),
        behavior=QgsProcessingParameterFile.Behavior.File,
        fileFilter=ANY_PATH_FILTER,
    )
