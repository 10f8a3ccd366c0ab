"""Processing adapters for spectral indices (group "Spectral indices").

Thin wrappers over :func:`theia_plugin.core.indices.compute.compute_indices`.
"""

from __future__ import annotations

from typing import ClassVar

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from theia_plugin.core.i18n import tr
from theia_plugin.core.indices.bands import SENTINEL2_THEIA_L2A, computable_indices
from theia_plugin.core.indices.catalogue import catalogue
from theia_plugin.core.indices.compute import IndexRequest, MaskOptions, compute_indices
from theia_plugin.core.indices.formula import FormulaError
from theia_plugin.core.raster.engine import CancelledError, GridError
from theia_plugin.core.raster.theia_l2a import ProductError, open_l2a

RESOLUTIONS = (10, 20)


def is_normalised_difference(request: IndexRequest) -> bool:
    try:
        index = catalogue().get(request.name)
    except KeyError:
        return False
    return "normalized difference" in index.long_name.lower()


class _StyleIndexLayer(QgsProcessingLayerPostProcessorInterface):
    """Styles the output once QGIS has loaded it (diverging ramp for normalised differences)."""

    # QGIS does not own post-processors and applies them after the algorithm object is
    # gone: keep the live ones here (a handful of tiny objects per session).
    _alive: ClassVar[list] = []

    def __init__(self, diverging: bool):
        super().__init__()
        self.diverging = diverging

    @classmethod
    def create(cls, diverging: bool) -> _StyleIndexLayer:
        processor = cls(diverging)
        cls._alive = [*cls._alive[-31:], processor]
        return processor

    def postProcessLayer(self, layer, context, feedback):
        from theia_plugin.toolbelt.styling import apply_ramp

        if self.diverging:
            apply_ramp(layer, "RdYlGn", -1.0, 1.0)
        else:
            apply_ramp(layer, "Viridis")


class SpectralIndexAlgorithm(QgsProcessingAlgorithm):
    INPUT, INDEX, FORMULA = "INPUT", "INDEX", "FORMULA"
    RESOLUTION, MASK_CLOUDS, MASK_EDGE, INT16, OUTPUT = (
        "RESOLUTION", "MASK_CLOUDS", "MASK_EDGE", "INT16", "OUTPUT",
    )  # fmt: skip

    def name(self) -> str:
        return "spectralindex"

    def displayName(self) -> str:
        return tr("Spectral index")

    def group(self) -> str:
        return tr("Spectral indices")

    def groupId(self) -> str:
        return "indices"

    def shortHelpString(self) -> str:
        return tr(
            "Computes a spectral index of a Theia Sentinel-2 L2A product (folder or zip, read "
            "in place) and writes it as a Cloud Optimized GeoTIFF.\n\n"
            "Index: any of the Awesome Spectral Indices computable from Theia L2A bands "
            "(e.g. NDVI, NDWI after McFeeters, NDSI, NBR, SAVI, EVI), or a formula of your own "
            "over the band names B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (reflectance 0–1), "
            "e.g. (N - R) / (N + R).\n\n"
            "Pixels flagged by the cloud mask (CLM) or outside the swath (EDG) become nodata "
            "unless unticked. 20 m bands are read at 10 m by nearest neighbour; at 20 m, 10 m "
            "bands are averaged. Output: float32 with NaN nodata, or int16 ×10000 with −10000 "
            "like Theia's own indices.\n\n"
            "Reference: Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197."
        )

    def createInstance(self):
        return type(self)()

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT,
                tr("Theia L2A product (zip or folder)"),
                behavior=QgsProcessingParameterFile.Behavior.File,
            )
        )
        names = [index.short_name for index in computable_indices(SENTINEL2_THEIA_L2A)]
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
        self.addParameter(
            QgsProcessingParameterEnum(
                self.RESOLUTION, tr("Resolution"), options=["10 m", "20 m"], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.MASK_CLOUDS, tr("Mask clouds (CLM ≠ 0)"), True)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.MASK_EDGE, tr("Mask no-data edges (EDG)"), True)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.INT16, tr("Int16 ×10000 output like Theia"), False)
        )
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Index")))

    def processAlgorithm(self, parameters, context, feedback):
        formula = (self.parameterAsString(parameters, self.FORMULA, context) or "").strip()
        try:
            product = open_l2a(self.parameterAsFile(parameters, self.INPUT, context))
            if formula:
                request = IndexRequest.from_formula("formula", formula)
            else:
                name = self.parameterAsEnumString(parameters, self.INDEX, context)
                request = IndexRequest.from_catalogue(name)
            dest = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
            feedback.pushInfo(
                tr("{index} of {product}").format(index=request.name, product=product.product_id)
            )
            compute_indices(
                product,
                [request],
                [dest],
                resolution=RESOLUTIONS[self.parameterAsEnum(parameters, self.RESOLUTION, context)],
                masks=MaskOptions(
                    self.parameterAsBoolean(parameters, self.MASK_CLOUDS, context),
                    self.parameterAsBoolean(parameters, self.MASK_EDGE, context),
                ),
                int16=self.parameterAsBoolean(parameters, self.INT16, context),
                feedback=feedback,
            )
        except CancelledError:
            return {}
        except (ProductError, FormulaError, GridError, KeyError, OSError) as exc:
            raise QgsProcessingException(str(exc)) from None
        if context.willLoadLayerOnCompletion(dest):
            processor = _StyleIndexLayer.create(is_normalised_difference(request))
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(processor)
        return {self.OUTPUT: dest}


__all__ = ["SpectralIndexAlgorithm"]
