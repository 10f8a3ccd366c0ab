"""The "Theia" node of the QGIS Browser panel: connections → collections → items → assets.

Every level that needs the network is populated by QGIS in a worker thread (items without the
``Fast`` capability: ``QgsDataItem.populate`` runs ``createChildren`` through QtConcurrent), so
the Browser never waits on a server. ``createChildren`` must therefore be thread-safe: it only
builds new items from data fetched with its own HTTP client.

Asset items are ``QgsLayerItem``s (provider key + URI), so QGIS drags them onto the map or the
Layers panel through its own mime URIs: COGs as ``/vsicurl/`` (signed when the host needs it),
WMS/WMTS layers with the ``wms`` provider.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsDataCollectionItem,
    QgsDataItem,
    QgsDataItemProvider,
    QgsDataProvider,
    QgsDataSourceUri,
    QgsErrorItem,
    QgsLayerItem,
)
from qgis.PyQt import sip

from theia_plugin.core.catalogue.connections import (
    Connection,
    ConnectionRegistry,
    OwsLayer,
    capabilities_url,
    fetch_ows_layers,
)
from theia_plugin.core.catalogue.model import Asset, CatalogueItem, SearchRequest
from theia_plugin.core.i18n import tr
from theia_plugin.net import HttpClient

PROVIDER_NAME = "Theia"
ROOT_PATH = "theia:"
#: Items listed per page of a collection (then a "more…" node loads the next page).
PAGE_SIZE = 50
RASTER_TYPES = ("image/tiff", "image/jp2", "application/x-geotiff")
RASTER_SUFFIXES = (".tif", ".tiff", ".jp2", ".vrt")


def _client(authcfg: str) -> HttpClient:
    from theia_plugin.toolbelt.network import plugin_http_client

    return plugin_http_client(authcfg or None)


def _registry() -> ConnectionRegistry:
    from theia_plugin.toolbelt.connection_settings import connection_registry

    return connection_registry()


def _keeping(create_children):
    """Decorates ``createChildren`` so the parent keeps Python references to its children.

    On QGIS 3.22 the Python part of items returned by a Python ``createChildren`` is otherwise
    garbage-collected (QGIS's disabled test ``testPythonCreateChildrenCalledFromCplusplus``):
    the C++ items would survive without their overrides. Items QGIS deleted since (a refresh
    keeps the existing copies) are dropped here. Never call ``children()`` from Python on these
    items: it wraps them in new Python-owned wrappers that delete the C++ items when collected.
    """

    def wrapper(self) -> list[QgsDataItem]:
        children = create_children(self)
        self.kids = [k for k in getattr(self, "kids", []) if not sip.isdeleted(k)] + children
        return children

    return wrapper


def live_children(item: QgsDataItem) -> list[QgsDataItem]:
    """The children of a Theia item, through the Python references it keeps."""
    return [k for k in getattr(item, "kids", []) if not sip.isdeleted(k)]


def _error(parent: QgsDataItem, exc: BaseException) -> QgsErrorItem:
    return QgsErrorItem(None, str(exc), parent.item_path + "/error")


def _icon(name: str):
    return QgsApplication.getThemeIcon(name)


# --- asset → layer URI (minimal: the dock's core/catalogue/layers.py will own this) ----------


def _is_raster(asset: Asset) -> bool:
    kind = asset.type.lower()
    if any(kind.startswith(t) for t in RASTER_TYPES):
        return True
    if kind:
        return False
    path = asset.href.split("?", 1)[0].lower()
    return path.endswith(RASTER_SUFFIXES)


def _cog_uri(url: str) -> str:
    return url if url.startswith("/vsi") else f"/vsicurl/{url}"


def ows_layer_uri(connection: Connection, layer: OwsLayer) -> str:
    """``wms`` provider URI of a WMS or WMTS layer."""
    uri = QgsDataSourceUri()
    uri.setParam("contextualWMSLegend", "0")
    uri.setParam("dpiMode", "7")
    uri.setParam("layers", layer.name)
    formats = layer.formats or ("image/png",)
    uri.setParam("format", "image/png" if "image/png" in formats else formats[0])
    if connection.kind == "wmts":
        index = 0
        for preferred in ("EPSG:3857", "GoogleMapsCompatible"):
            hits = [i for i, c in enumerate(layer.crs) if c == preferred]
            hits += [i for i, t in enumerate(layer.tile_matrix_sets) if t == preferred]
            if hits:
                index = hits[0]
                break
        uri.setParam("tileMatrixSet", layer.tile_matrix_sets[index])
        uri.setParam("crs", layer.crs[index] if index < len(layer.crs) else "EPSG:3857")
        uri.setParam("styles", layer.styles[0] if layer.styles else "default")
        uri.setParam("url", capabilities_url(connection))
    else:
        crs = next((c for c in ("EPSG:3857", "EPSG:4326") if c in layer.crs), None)
        uri.setParam("crs", crs or (layer.crs[0] if layer.crs else "EPSG:4326"))
        uri.setParam("styles", "")
        uri.setParam("url", connection.url)
    if connection.authcfg:
        uri.setAuthConfigId(connection.authcfg)
    return bytes(uri.encodedUri()).decode("utf-8")


# --- signing ------------------------------------------------------------------------------


_signers: dict[tuple[str, str], Any] = {}
_signers_lock = threading.Lock()


def signer_for(connection: Connection):
    """One :class:`UrlSigner` per (signing service, authcfg): signatures are cached across
    browser refreshes. None when the connection has no signing service."""
    if connection.kind != "stac" or not connection.signing_url:
        return None
    from theia_plugin.core.catalogue.signing import UrlSigner, configured_service_url

    # THEIA_SIGNING_SERVICE overrides the built-in one (a mirror, or a local service)
    service = configured_service_url() if connection.builtin else connection.signing_url
    key = (service, connection.authcfg)
    with _signers_lock:
        if key not in _signers:
            _signers[key] = UrlSigner(_client(connection.authcfg), service)
        return _signers[key]


# --- items --------------------------------------------------------------------------------


class TheiaRootItem(QgsDataCollectionItem):
    """ "Theia": one child per connection (read from the settings: no network)."""

    def __init__(self, parent: QgsDataItem | None, registry_factory=_registry) -> None:
        super().__init__(parent, PROVIDER_NAME, ROOT_PATH, "theia")
        self.item_path = ROOT_PATH
        self.registry_factory = registry_factory
        self.setIcon(_icon("/mIconCloud.svg"))
        self.setCapabilitiesV2(
            Qgis.BrowserItemCapabilities(
                Qgis.BrowserItemCapability.Fast | Qgis.BrowserItemCapability.Fertile
            )
        )

    @_keeping
    def createChildren(self) -> list[QgsDataItem]:
        try:
            connections = self.registry_factory().connections()
        except Exception as exc:  # broken settings must not break the Browser
            return [_error(self, exc)]
        return [ConnectionItem(self.item_path, c) for c in connections]


# Children are created without a parent (QGIS sets it when it adds them) and only use Python
# attributes of their own item in createChildren, which runs in a worker thread.


class ConnectionItem(QgsDataCollectionItem):
    """A connection: its collections (STAC, GEODES) or layers (WMS/WMTS), fetched in a thread."""

    def __init__(self, parent_path: str, connection: Connection) -> None:
        self.item_path = f"{parent_path}/{connection.name}"
        super().__init__(None, connection.name, self.item_path, "theia")
        self.connection = connection
        self.setToolTip(connection.url)
        icons = {"stac": "/mIconFolder.svg", "geodes": "/mIconFolder.svg"}
        self.setIcon(_icon(icons.get(connection.kind, "/mIconWms.svg")))
        self._catalogue: Any = None
        self._lock = threading.Lock()

    def catalogue(self) -> Any:
        with self._lock:
            if self._catalogue is None:
                client = _client(self.connection.authcfg)
                if self.connection.kind == "geodes":
                    from theia_plugin.core.catalogue.geodes_backend import GeodesCatalogue

                    self._catalogue = GeodesCatalogue(self.connection.url, client)
                else:
                    from theia_plugin.core.catalogue.stac_backend import StacCatalogue

                    self._catalogue = StacCatalogue(self.connection.url, client)
            return self._catalogue

    @_keeping
    def createChildren(self) -> list[QgsDataItem]:
        try:
            if self.connection.kind in ("wms", "wmts"):
                with _client(self.connection.authcfg) as client:
                    _title, layers = fetch_ows_layers(self.connection, client)
                return [OwsLayerItem(self.item_path, self.connection, layer) for layer in layers]
            collections = self.catalogue().collections()
        except Exception as exc:
            return [_error(self, exc)]
        return [
            CollectionItem(self, str(c.get("id")), str(c.get("title") or c.get("id")))
            for c in collections
            if c.get("id")
        ]


class CollectionItem(QgsDataCollectionItem):
    """A collection: its newest items, one page (then "more…")."""

    def __init__(self, connection_item: ConnectionItem, collection_id: str, title: str) -> None:
        self.item_path = f"{connection_item.item_path}/{collection_id}"
        super().__init__(None, title, self.item_path, "theia")
        self.connection_item = connection_item
        self.collection_id = collection_id
        self.setToolTip(collection_id)
        self.setIcon(_icon("/mIconFolder.svg"))

    @_keeping
    def createChildren(self) -> list[QgsDataItem]:
        request = SearchRequest(collections=(self.collection_id,), page_size=PAGE_SIZE)
        try:
            pages = self.connection_item.catalogue().search(request)
        except Exception as exc:
            return [_error(self, exc)]
        return _page_children(self, pages, self.connection_item)


def _page_children(
    parent: QgsDataItem, pages: Iterator[list[CatalogueItem]], connection_item: ConnectionItem
) -> list[QgsDataItem]:
    """The items of the next page of ``pages``, and a "more…" node when a page was full."""
    try:
        page = next(pages, None)
    except Exception as exc:
        return [_error(parent, exc)]
    if not page:
        return []
    path = parent.item_path
    children: list[QgsDataItem] = [CatalogueItemItem(path, item, connection_item) for item in page]
    if len(page) >= PAGE_SIZE:
        children.append(MoreItem(path, pages, connection_item))
    return children


class MoreItem(QgsDataCollectionItem):
    """The next page of a collection, loaded when expanded."""

    def __init__(
        self,
        parent_path: str,
        pages: Iterator[list[CatalogueItem]],
        connection_item: ConnectionItem,
    ) -> None:
        self.item_path = parent_path + "/more"
        super().__init__(None, tr("more…"), self.item_path, "theia")
        self.pages = pages
        self.connection_item = connection_item
        self.setSortKey("~")  # last

    @_keeping
    def createChildren(self) -> list[QgsDataItem]:
        return _page_children(self, self.pages, self.connection_item)


class CatalogueItemItem(QgsDataCollectionItem):
    """A STAC/GEODES item: its raster assets as layers (signed in a thread when needed)."""

    def __init__(self, parent_path: str, item: CatalogueItem, connection_item: ConnectionItem):
        self.item_path = f"{parent_path}/{item.id}"
        super().__init__(None, item.title or item.id, self.item_path, "theia")
        self.item = item
        self.connection = connection_item.connection
        when = item.datetime or item.start
        self.setToolTip(f"{item.id}\n{when.isoformat() if when else ''}".strip())
        self.setIcon(_icon("/mIconRasterGroup.svg"))

    @_keeping
    def createChildren(self) -> list[QgsDataItem]:
        assets = {k: a for k, a in self.item.assets.items() if a.href and _is_raster(a)}
        signer = signer_for(self.connection)
        try:
            signed = signer.sign_many([a.href for a in assets.values()]) if signer else {}
        except Exception as exc:
            return [_error(self, exc)]
        children: list[QgsDataItem] = []
        for key, asset in assets.items():
            url = signed.get(asset.href, asset.href)
            children.append(AssetLayerItem(self, key, asset, url))
        if signed:
            from theia_plugin.core.raster.stac_l2a import apply_vsicurl_options

            apply_vsicurl_options(signed.values())
        return children


class AssetLayerItem(QgsLayerItem):
    """A raster asset: a COG through ``/vsicurl/`` (the signed URL when the host needs one).

    The unsigned href is remembered (:mod:`.project_resign`) so a layer made from this item
    can be signed again when a saved project is reopened.
    """

    def __init__(self, parent: CatalogueItemItem, key: str, asset: Asset, url: str) -> None:
        self.item_path = f"{parent.item_path}/{key}"
        uri = _cog_uri(url)
        super().__init__(None, key, self.item_path, uri, Qgis.BrowserLayerType.Raster, "gdal")
        self.setToolTip(asset.title or asset.href)
        self.layer_name = f"{parent.item.id} {key}"
        if url != asset.href:
            from theia_plugin.ui.project_resign import remember_signed

            remember_signed(uri, asset.href, parent.connection)

    def layerName(self) -> str:
        return self.layer_name


class OwsLayerItem(QgsLayerItem):
    """A WMS/WMTS layer from the service's GetCapabilities."""

    def __init__(self, parent_path: str, connection: Connection, layer: OwsLayer) -> None:
        self.item_path = f"{parent_path}/{layer.name}"
        super().__init__(
            None,
            layer.title or layer.name,
            self.item_path,
            ows_layer_uri(connection, layer),
            Qgis.BrowserLayerType.Raster,
            "wms",
        )
        self.setToolTip(layer.name)
        self.setIcon(_icon("/mIconWms.svg"))


# --- provider -------------------------------------------------------------------------------


class TheiaDataItemProvider(QgsDataItemProvider):
    """Adds the "Theia" root node to the Browser panel."""

    def __init__(self, registry_factory=_registry) -> None:
        super().__init__()
        self.registry_factory = registry_factory
        self._roots: list[TheiaRootItem] = []

    def name(self) -> str:
        return PROVIDER_NAME

    def dataProviderKey(self) -> str:
        return "theia"

    def capabilities(self) -> int:
        return int(QgsDataProvider.DataCapability.Net)

    def createDataItem(self, path: str, parent_item: QgsDataItem | None) -> QgsDataItem | None:
        if path:
            return None
        root = TheiaRootItem(parent_item, self.registry_factory)
        sip.transferto(root, None)  # owned by the Browser model; kept alive below
        self._roots.append(root)
        return root

    def refresh(self) -> None:
        """Re-read the connections (after the connection manager changed them)."""
        self._roots = [r for r in self._roots if not sip.isdeleted(r)]
        for root in self._roots:
            root.refresh()
