"""Processing adapter: search the spectral-index catalogue by name and application domain."""

from __future__ import annotations

import html
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from theia_plugin.core.i18n import tr
from theia_plugin.core.indices.bands import SENTINEL2_THEIA_L2A
from theia_plugin.core.indices.catalogue import catalogue

ANY = "any"


class FindIndicesAlgorithm(QgsProcessingAlgorithm):
    TEXT, DOMAIN, OUTPUT, NAMES, COUNT = "TEXT", "DOMAIN", "OUTPUT", "NAMES", "COUNT"

    def name(self) -> str:
        return "findindices"

    def displayName(self) -> str:
        return tr("Find spectral indices")

    def group(self) -> str:
        return tr("Spectral indices")

    def groupId(self) -> str:
        return "indices"

    def createInstance(self):
        return type(self)()

    def shortHelpString(self) -> str:
        return tr(
            "Searches the 280 Awesome Spectral Indices by name (short or long, e.g. “burn” or "
            "“NDWI”) and application domain (vegetation, water, burn, snow, urban, soil…), and "
            "writes an HTML table of the matches: name, long name, formula, bands, whether "
            "Theia L2A products have those bands, and the index's reference (DOI or URL).\n\n"
            "Outputs: the HTML page, the matching names separated by commas and their number."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterString(self.TEXT, tr("Name contains"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DOMAIN, tr("Application domain"), options=[ANY, *catalogue().domains()],
                defaultValue=ANY, usesStaticStrings=True,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, tr("Index table"), fileFilter="HTML (*.html)"
            )
        )
        self.addOutput(QgsProcessingOutputString(self.NAMES, tr("Index names")))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Number of indices")))

    def processAlgorithm(self, parameters, context, feedback):
        text = self.parameterAsString(parameters, self.TEXT, context)
        domain = self.parameterAsEnumString(parameters, self.DOMAIN, context)
        found = catalogue().search(text, None if domain == ANY else domain)
        computable = {
            index.short_name for index in catalogue().computable_with(SENTINEL2_THEIA_L2A)
        }
        rows = "\n".join(
            "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in (
                index.short_name, index.long_name, index.application_domain, index.formula,
                ", ".join(index.bands),
                tr("yes") if index.short_name in computable else tr("no"),
            )) + f'<td><a href="{html.escape(index.reference)}">'
            f"{html.escape(index.reference)}</a></td></tr>"
            for index in found
        )  # fmt: skip
        headers = "".join(
            f"<th>{html.escape(h)}</th>"
            for h in (
                tr("Name"), tr("Long name"), tr("Domain"), tr("Formula"), tr("Bands"),
                tr("Theia L2A"), tr("Reference"),
            )
        )  # fmt: skip
        page = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
            + html.escape(tr("Spectral indices"))
            + "</title></head><body><table border='1' cellspacing='0' cellpadding='3'>"
            + f"<tr>{headers}</tr>\n{rows}</table></body></html>"
        )
        dest = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial = dest.with_name(f".{dest.name}.part")
        partial.write_text(page, encoding="utf-8")
        partial.replace(dest)
        feedback.pushInfo(
            tr("{count} indices found: {names}").format(
                count=len(found), names=", ".join(i.short_name for i in found)
            )
        )
        return {
            self.OUTPUT: str(dest),
            self.NAMES: ",".join(index.short_name for index in found),
            self.COUNT: len(found),
        }
