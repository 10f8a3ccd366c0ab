"""Processing algorithm "Download catalogue assets": search (or list ids) and download."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from theia_plugin.core.catalogue.download import ScaledFeedback, download_assets, plan_downloads
from theia_plugin.core.catalogue.geodes_backend import DEFAULT_URL as GEODES_URL
from theia_plugin.core.catalogue.geodes_backend import GeodesCatalogue
from theia_plugin.core.catalogue.model import CatalogueItem, SearchRequest
from theia_plugin.core.catalogue.signing import UrlSigner
from theia_plugin.core.catalogue.stac_backend import StacCatalogue
from theia_plugin.core.i18n import tr
from theia_plugin.net import AuthenticationError, CancelledError, NetworkError, create_client
from theia_plugin.processing.catalogue_parameters import date_value, extent_bbox, split_list

__all__ = ["CatalogueDownloadAlgorithm"]

KINDS = ("geodes", "stac")


class CatalogueDownloadAlgorithm(QgsProcessingAlgorithm):
    """Find items (by id or by a search) in GEODES or a STAC API and download their assets."""

    KIND, URL, IDS, COLLECTIONS = "CATALOGUE_KIND", "CATALOGUE_URL", "ITEM_IDS", "COLLECTIONS"
    EXTENT, START, END, MAX_CLOUD = "EXTENT", "START_DATE", "END_DATE", "MAX_CLOUD_COVER"
    MAX_ITEMS, ASSETS, AUTHCFG = "MAX_ITEMS", "ASSET_KEYS", "AUTHCFG"
    OUTPUT_FOLDER, FILES, COUNT = "OUTPUT_FOLDER", "FILES", "ITEM_COUNT"

    def name(self) -> str:
        return "downloadcatalogueassets"

    def displayName(self) -> str:
        return tr("Download catalogue assets")

    def group(self) -> str:
        return tr("Catalogue")

    def groupId(self) -> str:
        return "catalogue"

    def shortHelpString(self) -> str:
        return tr(
            "Downloads the assets of catalogue items into a folder: CNES GEODES product zips "
            "(which open as Theia products) or the assets of any STAC API.\n\n"
            "Items: give their ids (GEODES: the product identifier or the URN id; one per "
            "line or separated by commas; the extent, dates and cloud cover are then not "
            "used), or search by collections, extent, dates and cloud cover; at most "
            "'Maximum items' are taken, newest first.\n\n"
            "Assets: asset keys or roles (e.g. B04, CLM_R1, data); empty: the data assets. "
            "Files already downloaded and complete are kept; interrupted downloads resume; "
            "checksums given by the catalogue are verified.\n\n"
            'Authentication: GEODES downloads need an API key: choose an "API Header" '
            "configuration with header X-API-Key. An item that cannot be downloaded (e.g. an "
            "offline product) is reported and the others go on."
        )

    def createInstance(self):
        return type(self)()

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterEnum(
                self.KIND, tr("Catalogue kind"), options=["GEODES", "STAC API"], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.URL, tr("Catalogue URL"), defaultValue=GEODES_URL)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.IDS, tr("Item ids (instead of a search)"), multiLine=True, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.COLLECTIONS, tr("Collections (comma-separated)"), optional=True
            )
        )
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, tr("Extent"), optional=True))
        for name, label in ((self.START, tr("Start date")), (self.END, tr("End date"))):
            self.addParameter(
                QgsProcessingParameterDateTime(
                    name, label, type=QgsProcessingParameterDateTime.Type.Date, optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_CLOUD,
                tr("Maximum cloud cover (%)"),
                type=QgsProcessingParameterNumber.Type.Double,
                minValue=0,
                maxValue=100,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_ITEMS, tr("Maximum items"), defaultValue=10, minValue=1, maxValue=10000
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.ASSETS, tr("Asset keys or roles (empty: data assets)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterAuthConfig(self.AUTHCFG, tr("Authentication"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputMultipleLayers(self.FILES, tr("Downloaded files")))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Items downloaded")))

    # --- inputs ---------------------------------------------------------------------------------

    def _limit(self, parameters, context) -> int:
        """Maximum items; every listed id counts, whatever the maximum says."""
        ids = split_list(self.parameterAsString(parameters, self.IDS, context))
        return max(self.parameterAsInt(parameters, self.MAX_ITEMS, context), len(ids))

    def _request(self, parameters, context) -> SearchRequest:
        kind = KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
        ids = split_list(self.parameterAsString(parameters, self.IDS, context))
        limit = self._limit(parameters, context)
        kwargs: dict = {"page_size": min(max(limit, 1), 80 if kind == "geodes" else 100)}
        kwargs["collections"] = split_list(
            self.parameterAsString(parameters, self.COLLECTIONS, context)
        )
        if ids:  # the items asked, whatever the other search fields say
            field = "id"
            if kind == "geodes" and not all(i.upper().startswith("URN:") for i in ids):
                field = "identifier"
            kwargs["filters"] = {field: ("in", ids)}
            return SearchRequest(**kwargs)
        kwargs["bbox"] = extent_bbox(self, parameters, self.EXTENT, context)
        kwargs["start"] = date_value(self, parameters, self.START, context)
        kwargs["end"] = date_value(self, parameters, self.END, context)
        if parameters.get(self.MAX_CLOUD) not in (None, ""):
            kwargs["max_cloud_cover"] = self.parameterAsDouble(parameters, self.MAX_CLOUD, context)
        try:
            return SearchRequest(**kwargs)
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from None

    def _items(self, catalogue, request: SearchRequest, limit: int, feedback) -> list:
        items: list[CatalogueItem] = []
        for page in catalogue.search(request, feedback):
            items.extend(page[: limit - len(items)])
            if len(items) >= limit or feedback.isCanceled():
                break
        return items

    # --- run ------------------------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):
        kind = KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
        url = self.parameterAsString(parameters, self.URL, context).strip()
        if not url.lower().startswith(("http://", "https://")):
            raise QgsProcessingException(
                tr("The catalogue URL “{url}” must start with http:// or https://").format(url=url)
            )
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context) or None
        keys = split_list(self.parameterAsString(parameters, self.ASSETS, context))
        limit = self._limit(parameters, context)
        out_dir = Path(self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context))
        request = self._request(parameters, context)
        client = create_client(authcfg=authcfg)
        catalogue = GeodesCatalogue(url, client) if kind == "geodes" else StacCatalogue(url, client)
        # Theia MTD's private assets are signed with the same authentication; other hosts
        # are left as they are.
        signer = UrlSigner(client).sign_many if kind == "stac" else None
        try:
            items = self._items(catalogue, request, limit, feedback)
        except CancelledError:
            return {}
        except NetworkError as exc:
            raise QgsProcessingException(str(exc)) from None
        if feedback.isCanceled():
            return {}
        if not items:
            raise QgsProcessingException(tr("The catalogue found no item for this search."))
        feedback.pushInfo(tr("{count} items found").format(count=len(items)))
        written: list[str] = []
        done = failed = 0
        for index, item in enumerate(items):
            if feedback.isCanceled():
                return {}
            label = item.title or item.id
            try:
                targets = plan_downloads([item], out_dir, keys)
            except ValueError as exc:
                failed += 1
                feedback.reportError(f"{label}: {exc}", False)
                continue
            feedback.pushInfo(
                tr("[{n}/{total}] {item}: {files} files").format(
                    n=index + 1, total=len(items), item=label, files=len(targets)
                )
            )
            share = 100.0 / len(items)
            progress = ScaledFeedback(feedback, index * share, share)
            try:
                results = download_assets(
                    targets, out_dir, client, feedback=progress, signer=signer
                )
            except CancelledError:
                return {}
            except AuthenticationError as exc:
                raise QgsProcessingException(str(exc)) from None  # every item would fail
            except NetworkError as exc:
                failed += 1
                feedback.reportError(
                    tr("{item}: {error} (skipped; the other items go on)").format(
                        item=label, error=exc
                    ),
                    False,
                )
                continue
            done += 1
            written += [str(r.path) for r in results]
        if feedback.isCanceled():
            return {}
        if not done:
            raise QgsProcessingException(
                tr("None of the {count} items could be downloaded.").format(count=failed)
            )
        feedback.setProgress(100)
        return {self.OUTPUT_FOLDER: str(out_dir), self.FILES: written, self.COUNT: done}
