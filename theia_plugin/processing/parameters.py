"""Parameters shared by the Theia algorithms."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterAuthConfig, QgsProcessingParameterFile

from theia_plugin.core.i18n import tr
from theia_plugin.core.raster.theia_l2a import L2AProduct, open_l2a

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
