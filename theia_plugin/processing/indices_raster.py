"""Processing adapter: spectral indices of any multiband raster, with a band mapping."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from theia_plugin.core.i18n import tr
from theia_plugin.core.indices.catalogue import catalogue
from theia_plugin.core.indices.compute import IndexRequest, compute_indices
from theia_plugin.core.indices.inputs import MaskOptions, MultibandRasterInput, parse_band_mapping
from theia_plugin.processing.index_options import add_output_format, output_format
from theia_plugin.processing.indices import report_indices, style_when_loaded
from theia_plugin.processing.parameters import CANCELLED, processing_error


class RasterIndexAlgorithm(QgsProcessingAlgorithm):
    INPUT, MAPPING, SCALE, OFFSET = "INPUT", "BAND_MAPPING", "SCALE", "OFFSET"
    INDEX, FORMULA, OUTPUT = "INDEX", "FORMULA", "OUTPUT"

    def name(self) -> str:
        return "rasterindex"

    def displayName(self) -> str:
        return tr("Spectral index of any raster")

    def group(self) -> str:
        return tr("Spectral indices")

    def groupId(self) -> str:
        return "indices"

    def createInstance(self):
        return type(self)()

    def shortHelpString(self) -> str:
        return tr(
            "Computes a spectral index of any multiband raster (a stack of reflectance bands "
            "from any sensor) and writes it as a Cloud Optimized GeoTIFF.\n\n"
            "Band mapping: which raster band (numbered from 1) plays each Awesome Spectral "
            "Indices band, e.g. B=1, G=2, R=3, N=4 for a blue-green-red-NIR stack. Band names: "
            "A (coastal), B, G, R, RE1, RE2, RE3, N, N2 (narrow NIR), S1, S2 (SWIR), T1, T2 "
            "(thermal), WV. For Landsat 8/9, map N to the band holding B5.\n\n"
            "Reflectance = value × scale + offset must fall in 0–1: 0.0001 for values ×10000 "
            "(Theia, Sentinel-2), 0.0000275 and −0.2 for Landsat Collection 2 Level-2, 1 for "
            "float reflectance. The raster's nodata value becomes nodata.\n\n"
            "Index: any of the 280 Awesome Spectral Indices whose bands are mapped, or a "
            "formula of your own over the band names, e.g. (N - R) / (N + R). A band the index "
            "needs but the mapping lacks is named in the error.\n\n"
            "Reference: Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, tr("Raster")))
        self.addParameter(
            QgsProcessingParameterString(
                self.MAPPING,
                tr("Band mapping (NAME=band number)"),
                defaultValue="B=1, G=2, R=3, N=4",
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SCALE, tr("Reflectance scale factor"),
                QgsProcessingParameterNumber.Type.Double, defaultValue=0.0001,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterNumber(
                self.OFFSET, tr("Reflectance offset"),
                QgsProcessingParameterNumber.Type.Double, defaultValue=0.0,
            )
        )  # fmt: skip
        names = [index.short_name for index in catalogue()]
        self.addParameter(
            QgsProcessingParameterEnum(
                self.INDEX, tr("Index"), options=names, defaultValue="NDVI",
                usesStaticStrings=True,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterString(
                self.FORMULA, tr("Formula of your own (replaces the index)"), optional=True
            )
        )
        add_output_format(self)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Index")))

    def processAlgorithm(self, parameters, context, feedback):
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(tr("The raster could not be opened."))
        formula = (self.parameterAsString(parameters, self.FORMULA, context) or "").strip()
        try:
            source = MultibandRasterInput(
                layer.source(),
                parse_band_mapping(self.parameterAsString(parameters, self.MAPPING, context)),
                scale=self.parameterAsDouble(parameters, self.SCALE, context),
                offset=self.parameterAsDouble(parameters, self.OFFSET, context),
            )
            if formula:
                request = IndexRequest.from_formula("formula", formula)
            else:
                request = IndexRequest.from_catalogue(
                    self.parameterAsEnumString(parameters, self.INDEX, context)
                )
            dest = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
            feedback.pushInfo(
                tr("{index} of {product}").format(index=request.name, product=source.label)
            )
            report_indices(feedback, [request])
            compute_indices(
                source,
                [request],
                [dest],
                resolution=None,
                masks=MaskOptions(cloud=False, edge=False),
                **output_format(self, parameters, context),
                feedback=feedback,
            )
        except CANCELLED:
            return {}
        except (ValueError, KeyError, OSError, RuntimeError) as exc:  # GDAL raises RuntimeError
            raise processing_error(exc) from None
        style_when_loaded(context, dest, request)
        return {self.OUTPUT: dest}
