"""Processing adapter for per-date snow detection (group "Snow").

Thin wrapper over :func:`theia_plugin.core.snow.run_detection.detect_product`.
"""

from __future__ import annotations

from dataclasses import fields
from typing import ClassVar

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputRasterLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from theia_plugin.core.i18n import tr
from theia_plugin.core.raster.engine import CancelledError
from theia_plugin.core.snow.parameters import DetectionParameters
from theia_plugin.core.snow.run_detection import detect_product
from theia_plugin.processing.parameters import product_parameter


def _parameter_labels() -> dict[str, str]:
    """Labels of the advanced parameters, one per ``DetectionParameters`` field."""
    return {
        "ndsi_pass1": tr("Pass 1: minimum NDSI"),
        "red_pass1": tr("Pass 1: minimum red (milli-reflectance)"),
        "ndsi_pass2": tr("Pass 2: minimum NDSI"),
        "red_pass2": tr("Pass 2: minimum red (milli-reflectance)"),
        "dz": tr("Snowline: elevation band height dz (m)"),
        "fsnow_lim": tr("Snowline: minimum snow fraction of clear pixels in a band"),
        "fclear_lim": tr("Snowline: minimum clear fraction of a band"),
        "fsnow_total_lim": tr("Pass 2 only if pass-1 snow exceeds this fraction of the image"),
        "rf": tr("Cloud refinement: red downsampling factor rf"),
        "red_darkcloud": tr("Cloud refinement: dark cloud maximum red (milli-reflectance)"),
        "red_backtocloud": tr("Back to cloud: minimum red (milli-reflectance)"),
        "shadow_in_mask": tr("CLM bit of shadows of detected clouds"),
        "shadow_out_mask": tr("CLM bit of shadows of clouds outside the image"),
        "high_cloud_mask": tr("CLM bit of high clouds"),
        "multi": tr("Reflectance scale of the product over milli-reflectance"),
        "nodata": tr("No-data value of the bands"),
    }


#: Integer-valued parameters (the others are doubles).
_INTEGER_FIELDS = ("rf", "shadow_in_mask", "shadow_out_mask", "high_cloud_mask", "nodata")


def _style_seb(layer) -> None:
    """Paletted renderer with the SEB / FSC codes (0 no snow, 100 snow, 205 cloud, 255)."""
    from qgis.core import QgsPalettedRasterRenderer
    from qgis.PyQt.QtGui import QColor

    classes = [
        QgsPalettedRasterRenderer.Class(0, QColor(160, 120, 60), tr("No snow")),
        QgsPalettedRasterRenderer.Class(100, QColor(0, 255, 255), tr("Snow")),
        QgsPalettedRasterRenderer.Class(205, QColor(160, 160, 160), tr("Cloud")),
        QgsPalettedRasterRenderer.Class(255, QColor(0, 0, 0, 0), tr("No data")),
    ]
    layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))
    layer.triggerRepaint()


class _StyleSnowLayer(QgsProcessingLayerPostProcessorInterface):
    """Styles a loaded snow output: SEB codes, or a 0–100 ramp for FSC and NDSI %."""

    # QGIS does not own post-processors and applies them after the algorithm object is
    # gone: keep the live ones here (a handful of tiny objects per session).
    _alive: ClassVar[list] = []

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind

    @classmethod
    def create(cls, kind: str) -> _StyleSnowLayer:
        processor = cls(kind)
        cls._alive = [*cls._alive[-31:], processor]
        return processor

    def postProcessLayer(self, layer, context, feedback):
        from theia_plugin.toolbelt.styling import apply_ramp

        if self.kind == "SEB":
            _style_seb(layer)
        else:
            apply_ramp(layer, "Blues", 0.0, 100.0, classes=11)


class SnowDetectionAlgorithm(QgsProcessingAlgorithm):
    INPUT, DEM, TCD, EXPERT, OUTPUT_FOLDER = "INPUT", "DEM", "TCD", "EXPERT", "OUTPUT_FOLDER"
    SEB, FSC_TOC, FSC_OG, NDSI, EXPERT_MASK = "SEB", "FSC_TOC", "FSC_OG", "NDSI", "EXPERT_MASK"
    ZS, SNOW_PERCENT, CLOUD_PERCENT, METADATA = "ZS", "SNOW_PERCENT", "CLOUD_PERCENT", "METADATA"
    #: Output name of each core output kind.
    RASTERS: ClassVar[dict[str, str]] = {
        "SEB": SEB,
        "FSC-TOC": FSC_TOC,
        "FSC-OG": FSC_OG,
        "NDSI": NDSI,
        "EXPERT": EXPERT_MASK,
    }

    def name(self) -> str:
        return "snowdetection"

    def displayName(self) -> str:
        return tr("Snow detection (Let It Snow)")

    def group(self) -> str:
        return tr("Snow")

    def groupId(self) -> str:
        return "snow"

    def shortHelpString(self) -> str:
        return tr(
            "Detects snow on one Theia Sentinel-2 L2A product (folder or zip, read in place) "
            "like Theia's operational Let It Snow processor, on the 20 m grid.\n\n"
            "Inputs: the L2A product (bands B3, B4, B11 and the cloud mask CLM_R2 are used; "
            "B3 and B4 are cubic-resampled to 20 m), a DEM covering the product in any "
            "projection and resolution (resampled bilinearly to the 20 m grid), and optionally "
            "a tree cover density raster (%) for the on-ground fractional snow cover. The "
            "advanced parameters default to the upstream Sentinel-2 values.\n\n"
            "Outputs, written as Cloud Optimized GeoTIFFs named like Theia's products in the "
            "output folder: SEB (0 no snow, 100 snow, 205 cloud, 255 no data), FSC-TOC "
            "(fractional snow cover, 1–100 %, same codes), FSC-OG with a tree cover density, "
            "NDSI (%), an expert bit mask (1 pass 1, 2 pass 2, 4 all clouds, 8 refined "
            "clouds), and a JSON file with the snowline elevation zs (−1000 when not found), "
            "the snow and cloud percentages of the valid pixels and the parameters.\n\n"
            "Reference: Gascoin S., Grizonnet M., Bouchet M., Salgues G., Hagolle O. (2019), "
            "Theia Snow collection: high-resolution operational snow cover maps from "
            "Sentinel-2 and Landsat-8 data, Earth System Science Data 11, 493–514."
        )

    def createInstance(self):
        return type(self)()

    def initAlgorithm(self, config=None):
        self.addParameter(product_parameter(self.INPUT))
        self.addParameter(QgsProcessingParameterRasterLayer(self.DEM, tr("DEM (metres)")))
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.TCD, tr("Tree cover density (%) for FSC-OG"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.EXPERT, tr("Write the expert bit mask"), True)
        )
        labels = _parameter_labels()
        for field in fields(DetectionParameters):
            integer = field.name in _INTEGER_FIELDS
            parameter = QgsProcessingParameterNumber(
                field.name.upper(),
                labels[field.name],
                type=(
                    QgsProcessingParameterNumber.Type.Integer
                    if integer
                    else QgsProcessingParameterNumber.Type.Double
                ),
                defaultValue=field.default,
            )
            parameter.setFlags(
                parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced
            )
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputRasterLayer(self.SEB, tr("Snow (SEB)")))
        self.addOutput(QgsProcessingOutputRasterLayer(self.FSC_TOC, tr("FSC top of canopy")))
        self.addOutput(QgsProcessingOutputRasterLayer(self.FSC_OG, tr("FSC on ground")))
        self.addOutput(QgsProcessingOutputRasterLayer(self.NDSI, tr("NDSI (%)")))
        self.addOutput(QgsProcessingOutputRasterLayer(self.EXPERT_MASK, tr("Expert bit mask")))
        self.addOutput(QgsProcessingOutputNumber(self.ZS, tr("Snowline elevation zs (m)")))
        self.addOutput(QgsProcessingOutputNumber(self.SNOW_PERCENT, tr("Snow (%)")))
        self.addOutput(QgsProcessingOutputNumber(self.CLOUD_PERCENT, tr("Cloud (%)")))
        self.addOutput(QgsProcessingOutputFile(self.METADATA, tr("Metadata (JSON)")))

    def _parameters(self, parameters, context) -> DetectionParameters:
        values = {}
        for field in fields(DetectionParameters):
            if field.name in _INTEGER_FIELDS:
                values[field.name] = self.parameterAsInt(parameters, field.name.upper(), context)
            else:
                values[field.name] = self.parameterAsDouble(parameters, field.name.upper(), context)
        return DetectionParameters(**values)

    def processAlgorithm(self, parameters, context, feedback):
        dem = self.parameterAsRasterLayer(parameters, self.DEM, context)
        tcd = self.parameterAsRasterLayer(parameters, self.TCD, context)
        if dem is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.DEM))
        out_dir = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        try:
            params = self._parameters(parameters, context)
            outputs = detect_product(
                self.parameterAsFile(parameters, self.INPUT, context),
                dem.source(),
                out_dir,
                params=params,
                tcd_path=tcd.source() if tcd is not None else None,
                feedback=feedback,
                expert=self.parameterAsBoolean(parameters, self.EXPERT, context),
            )
        except CancelledError:
            return {}
        except (ValueError, OSError) as exc:  # ProductError, GridError, CoverageError…
            raise QgsProcessingException(str(exc)) from None
        feedback.pushInfo(
            tr("{product}: zs = {zs} m, snow {snow:.1f} %, cloud {cloud:.1f} %").format(
                product=outputs.product_id,
                zs=outputs.zs,
                snow=outputs.snow_percent,
                cloud=outputs.cloud_percent,
            )
        )
        results = {
            self.OUTPUT_FOLDER: out_dir,
            self.ZS: outputs.zs,
            self.SNOW_PERCENT: outputs.snow_percent,
            self.CLOUD_PERCENT: outputs.cloud_percent,
            self.METADATA: str(outputs.metadata),
        }
        for kind, path in outputs.paths.items():
            name = self.RASTERS[kind]
            results[name] = str(path)
            if kind in ("NDSI", "EXPERT"):  # outputs, not loaded: keep the layer list short
                continue
            details = context.LayerDetails(path.stem, context.project(), name)
            details.setPostProcessor(_StyleSnowLayer.create(kind))
            context.addLayerToLoadOnCompletion(str(path), details)
        return results


__all__ = ["SnowDetectionAlgorithm"]
