"""Processing adapter: "Search Theia catalogue" (group "Catalogue").

The same search as the dock (a :class:`~theia_plugin.core.catalogue.model.SearchRequest` on a
STAC API or GEODES), for models and ``qgis_process``: outputs the footprints (item properties
as fields) and a text file listing the asset URLs, one per line.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from theia_plugin.core.catalogue.connections import (
    MTD_URL,
    Connection,
    name_for_url,
    open_catalogue,
)
from theia_plugin.core.catalogue.layers import primary_keys
from theia_plugin.core.catalogue.model import CatalogueItem, SearchRequest
from theia_plugin.core.i18n import tr
from theia_plugin.net import CancelledError, NetworkError, create_client
from theia_plugin.processing.catalogue_parameters import WGS84, date_value, extent_bbox, split_list
from theia_plugin.toolbelt.footprints import item_feature, item_fields

KINDS = ("stac", "geodes")


def asset_urls(items: list[CatalogueItem], keys: tuple[str, ...]) -> list[str]:
    """Asset hrefs of the items: the given keys, else each item's primary assets."""
    urls: list[str] = []
    for item in items:
        wanted = [k for k in keys if k in item.assets] if keys else primary_keys(item)
        urls += [item.assets[k].href for k in wanted if item.assets[k].href]
    return urls


def write_lines(path: Path, lines: list[str]) -> None:
    """Write atomically (a temporary file in the same folder, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write("".join(f"{line}\n" for line in lines))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class SearchCatalogueAlgorithm(QgsProcessingAlgorithm):
    CATALOGUE = "CATALOGUE"
    KIND = "KIND"
    AUTHCFG = "AUTHCFG"
    COLLECTIONS = "COLLECTIONS"
    EXTENT = "EXTENT"
    START = "START"
    END = "END"
    KEYWORDS = "KEYWORDS"
    MAX_CLOUD = "MAX_CLOUD"
    MAX_ITEMS = "MAX_ITEMS"
    ASSETS = "ASSETS"
    OUTPUT = "OUTPUT"
    URLS = "URLS"
    COUNT = "COUNT"

    def name(self) -> str:
        return "searchcatalogue"

    def displayName(self) -> str:
        return tr("Search Theia catalogue")

    def group(self) -> str:
        return tr("Catalogue")

    def groupId(self) -> str:
        return "catalogue"

    def shortHelpString(self) -> str:
        return tr(
            "Searches a STAC API (the Theia MTD catalogue by default) or CNES GEODES by "
            "collections, area, dates, keywords and cloud cover, newest first. Outputs the "
            "footprints of the items found (their properties as fields) and a text file with "
            "their asset URLs, one per line (the given asset keys, else each item's main "
            "assets)."
        )

    def createInstance(self):
        return SearchCatalogueAlgorithm()

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterString(self.CATALOGUE, tr("Catalogue URL"), defaultValue=MTD_URL)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.KIND, tr("Catalogue kind"), options=["STAC API", "GEODES"], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterAuthConfig(self.AUTHCFG, tr("Authentication"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.COLLECTIONS, tr("Collections (comma-separated ids)"), optional=True
            )
        )
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, tr("Area"), optional=True))
        for name, label in ((self.START, tr("Start date")), (self.END, tr("End date"))):
            self.addParameter(
                QgsProcessingParameterDateTime(
                    name, label, type=QgsProcessingParameterDateTime.Type.Date, optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterString(self.KEYWORDS, tr("Keywords"), optional=True)
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
                self.MAX_ITEMS, tr("Maximum number of items"), minValue=1, defaultValue=100
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.ASSETS, tr("Asset keys to list (comma-separated; empty: main assets)"),
                optional=True,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Footprints"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.URLS, tr("Asset URLs"), fileFilter=tr("Text files (*.txt)")
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Number of items")))

    def _request(self, parameters, context) -> SearchRequest:
        bbox = extent_bbox(self, parameters, self.EXTENT, context)
        dates = [date_value(self, parameters, name, context) for name in (self.START, self.END)]
        cloud = parameters.get(self.MAX_CLOUD)
        max_items = self.parameterAsInt(parameters, self.MAX_ITEMS, context)
        try:
            return SearchRequest(
                keywords=self.parameterAsString(parameters, self.KEYWORDS, context),
                bbox=bbox,
                start=dates[0],
                end=dates[1],
                collections=split_list(
                    self.parameterAsString(parameters, self.COLLECTIONS, context)
                ),
                max_cloud_cover=None
                if cloud in (None, "")
                else self.parameterAsDouble(parameters, self.MAX_CLOUD, context),
                page_size=min(max(max_items, 1), 100),
            )
        except ValueError as error:
            raise QgsProcessingException(str(error)) from None

    def processAlgorithm(self, parameters, context, feedback):
        request = self._request(parameters, context)
        max_items = self.parameterAsInt(parameters, self.MAX_ITEMS, context)
        url = self.parameterAsString(parameters, self.CATALOGUE, context).strip()
        kind = KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context) or None
        try:
            connection = Connection(name_for_url(url or MTD_URL), url or MTD_URL, kind)
        except ValueError as error:
            raise QgsProcessingException(str(error)) from None
        items: list[CatalogueItem] = []
        with create_client(authcfg=authcfg) as client:
            catalogue = open_catalogue(connection, client)
            try:
                for page in catalogue.search(request, feedback):
                    items += page[: max_items - len(items)]
                    feedback.setProgress(100.0 * len(items) / max_items)
                    feedback.pushInfo(tr("{n} items found").format(n=len(items)))
                    if len(items) >= max_items or feedback.isCanceled():
                        break
            except CancelledError:
                feedback.reportError(tr("Search cancelled"))
            except NetworkError as error:
                raise QgsProcessingException(
                    tr("The search of {url} failed: {error}").format(url=url, error=error)
                ) from None
        fields = item_fields(items)
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, WGS84
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for item in items:
            sink.addFeature(item_feature(item, fields), QgsFeatureSink.Flag.FastInsert)
        urls_path = Path(self.parameterAsFileOutput(parameters, self.URLS, context))
        keys = split_list(self.parameterAsString(parameters, self.ASSETS, context))
        write_lines(urls_path, asset_urls(items, keys))
        return {self.OUTPUT: dest_id, self.URLS: str(urls_path), self.COUNT: len(items)}
