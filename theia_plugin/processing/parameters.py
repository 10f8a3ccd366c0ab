"""Parameters shared by the Theia algorithms."""

from __future__ import annotations

import re
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from theia_plugin.core.i18n import tr
from theia_plugin.core.raster.theia_l2a import PRODUCT_ID_RE, L2AProduct, open_l2a

# QGIS's default file filter (*.*) refuses product folders, whose names have no dot.
ANY_PATH_FILTER = "All files (*)"
#: Name of the authentication parameter of algorithms reading STAC items.
AUTHCFG = "AUTHCFG"


def product_parameter(name: str, *, stac: bool = False) -> QgsProcessingParameterFile:
    """A Theia product input: a zip or a product folder, and with ``stac`` a
    sentinel2-l2a-theia STAC item (its URL or a local .json file); the file picker stays
    usable."""
    label = (
        tr("Theia L2A product (zip, folder, or STAC item URL / .json)")
        if stac
        else tr("Theia L2A product (zip or folder)")
    )
    return QgsProcessingParameterFile(
        name,
        label,
        behavior=QgsProcessingParameterFile.Behavior.File,
        fileFilter=ANY_PATH_FILTER,
    )


def authcfg_parameter(name: str = AUTHCFG) -> QgsProcessingParameterAuthConfig:
    """The authentication configuration used to sign the assets of a STAC item (Theia MTD: an
    "API Header" configuration with access-key / secret-key, or a bearer token)."""
    return QgsProcessingParameterAuthConfig(
        name,
        tr("Authentication for STAC assets (API key access-key / secret-key, or token)"),
        optional=True,
    )


def open_product(
    algorithm, parameters, name: str, context, feedback=None, authcfg_name: str = AUTHCFG
) -> L2AProduct:
    """The product of parameter ``name``: a local zip or folder, or a STAC item (http(s) URL or
    ``.json`` file) whose assets are signed with the ``authcfg_name`` configuration and read
    over HTTP. Network failures raise :class:`~theia_plugin.core.raster.theia_l2a.ProductError`."""
    from theia_plugin.core.raster.stac_l2a import is_stac_item_reference, open_stac_l2a

    value = (algorithm.parameterAsFile(parameters, name, context) or "").strip()
    if not is_stac_item_reference(value):
        return open_l2a(value)
    from theia_plugin.net import create_client

    authcfg = ""
    if authcfg_name in parameters:
        authcfg = algorithm.parameterAsString(parameters, authcfg_name, context) or ""
    client = create_client(authcfg=authcfg or None)
    return open_stac_l2a(value, client=client, feedback=feedback)


def processing_error(exc: BaseException):
    """The exception shown to the user for ``exc``, with any credential in its text (a signed
    URL's signature, a token in a query) masked: error texts end up in logs and reports."""
    from qgis.core import QgsProcessingException

    from theia_plugin.net import redact_text

    return QgsProcessingException(redact_text(str(exc)))


def find_products(folder: str | Path) -> list[Path]:
    """Theia L2A products (zips and folders named like one) directly inside ``folder``, or
    ``folder`` itself when it is a product folder."""
    folder = Path(folder)
    if PRODUCT_ID_RE.match(folder.name) and folder.is_dir():
        return [folder]
    found = []
    for entry in sorted(folder.iterdir()):
        is_zip = entry.suffix.lower() == ".zip" and entry.is_file()
        name = entry.stem if is_zip else entry.name
        if (is_zip or entry.is_dir()) and PRODUCT_ID_RE.match(name):
            found.append(entry)
    return found


def split_paths(text: str) -> list[Path]:
    """Paths one per line or separated by ``;`` (surrounding quotes and blanks ignored)."""
    paths = []
    for item in re.split(r"[;\n]", text or ""):
        item = item.strip().strip('"').strip("'").strip()
        if item:
            paths.append(Path(item))
    return paths


def add_product_list_parameters(algorithm, folder_name: str, list_name: str) -> None:
    """Theia L2A products given as a folder and/or a list of paths (batch algorithms)."""
    algorithm.addParameter(
        QgsProcessingParameterFile(
            folder_name,
            tr("Folder of Theia L2A products"),
            behavior=QgsProcessingParameterFile.Behavior.Folder,
            optional=True,
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterString(
            list_name,
            tr("Theia L2A products (zips or folders, one path per line)"),
            multiLine=True,
            optional=True,
        )
    )


def products_from(algorithm, parameters, context, folder_name: str, list_name: str) -> list[Path]:
    """The products of :func:`add_product_list_parameters`, each once, in the given order."""
    products = []
    folder = algorithm.parameterAsString(parameters, folder_name, context)
    if folder:
        if not Path(folder).is_dir():
            raise QgsProcessingException(tr("{path} is not a folder.").format(path=folder))
        products += find_products(folder)
    products += split_paths(algorithm.parameterAsString(parameters, list_name, context))
    unique = list(dict.fromkeys(products))
    if not unique:
        raise QgsProcessingException(
            tr("No Theia L2A product given: choose a folder holding products or list them.")
        )
    return unique


def _cancellations() -> tuple[type[BaseException], ...]:
    from theia_plugin.core.raster.engine import CancelledError as ComputationCancelled
    from theia_plugin.net import CancelledError as RequestCancelled

    return (ComputationCancelled, RequestCancelled)


#: A cancel by the user, during a computation or a request (e.g. reading a STAC item).
CANCELLED = _cancellations()
