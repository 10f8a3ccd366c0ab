"""Processing adapter for per-date snow detection (group "Snow").

Thin wrapper over :func:`theia_plugin.core.snow.run_detection.detect_product`.
"""

from __future__ import annotations

import os
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import ClassVar

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputHtml,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingOutputRasterLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from theia_plugin.core.i18n import tr
from theia_plugin.core.raster.theia_l2a import open_l2a
from theia_plugin.core.snow.naming import L3B_KINDS
from theia_plugin.core.snow.parameters import DetectionParameters, SynthesisParameters
from theia_plugin.core.snow.report import report_html
from theia_plugin.core.snow.run_detection import detect_product
from theia_plugin.core.snow.run_synthesis import synthesize_files
from theia_plugin.processing.parameters import (
    CANCELLED,
    add_product_list_parameters,
    authcfg_parameter,
    open_product,
    processing_error,
    product_parameter,
    products_from,
    split_paths,
)


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


def _detection_parameters(algorithm, parameters, context) -> DetectionParameters:
    values = {}
    for field in fields(DetectionParameters):
        name = field.name.upper()
        if field.name in _INTEGER_FIELDS:
            values[field.name] = algorithm.parameterAsInt(parameters, name, context)
        else:
            values[field.name] = algorithm.parameterAsDouble(parameters, name, context)
    return DetectionParameters(**values)


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
            "Detects snow on one Theia Sentinel-2 L2A product (folder or zip, read in place, "
            "or a sentinel2-l2a-theia STAC item streamed over HTTP, its assets signed with the "
            "chosen authentication) like Theia's operational Let It Snow processor, on the 20 m "
            "grid.\n\n"
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
        self.addParameter(product_parameter(self.INPUT, stac=True))
        self.addParameter(authcfg_parameter())
        _DetectionOptions.add(self)
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
        return _detection_parameters(self, parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        dem = self.parameterAsRasterLayer(parameters, self.DEM, context)
        tcd = self.parameterAsRasterLayer(parameters, self.TCD, context)
        if dem is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.DEM))
        out_dir = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        try:
            params = self._parameters(parameters, context)
            outputs = detect_product(
                open_product(self, parameters, self.INPUT, context, feedback),
                dem.source(),
                out_dir,
                params=params,
                tcd_path=tcd.source() if tcd is not None else None,
                feedback=feedback,
                expert=self.parameterAsBoolean(parameters, self.EXPERT, context),
            )
        except CANCELLED:
            return {}
        except (ValueError, OSError, RuntimeError) as exc:  # ProductError, GridError… GDAL
            raise processing_error(exc) from None
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


class _DetectionOptions:
    """DEM, TCD, expert mask and advanced parameters: shared by single and batch detection."""

    DEM, TCD, EXPERT = "DEM", "TCD", "EXPERT"

    @classmethod
    def add(cls, algorithm) -> None:
        algorithm.addParameter(QgsProcessingParameterRasterLayer(cls.DEM, tr("DEM (metres)")))
        algorithm.addParameter(
            QgsProcessingParameterRasterLayer(
                cls.TCD, tr("Tree cover density (%) for FSC-OG"), optional=True
            )
        )
        algorithm.addParameter(
            QgsProcessingParameterBoolean(cls.EXPERT, tr("Write the expert bit mask"), True)
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
            algorithm.addParameter(parameter)


class SnowDetectionBatchAlgorithm(QgsProcessingAlgorithm):
    """Detection over several L2A products of one tile: one output set per product."""

    INPUT_FOLDER, PRODUCTS, OUTPUT_FOLDER = "INPUT_FOLDER", "PRODUCTS", "OUTPUT_FOLDER"
    SEB_FILES, FAILED = "SEB_FILES", "FAILED"

    def name(self) -> str:
        return "snowdetectionbatch"

    def displayName(self) -> str:
        return tr("Snow detection over several products")

    def group(self) -> str:
        return tr("Snow")

    def groupId(self) -> str:
        return "snow"

    def shortHelpString(self) -> str:
        return tr(
            "Runs the snow detection (Let It Snow) on each of several Theia Sentinel-2 L2A "
            "products of one tile and writes each product's outputs (SEB, FSC-TOC, NDSI, "
            "expert mask, JSON metadata, named like Theia's products) into one output folder, "
            "ready for the annual snow synthesis.\n\n"
            "Products: a folder (every L2A zip or product folder directly inside it) and/or a "
            "list of product zips or folders, one path per line or separated by semicolons. "
            "All must be of one tile (the DEM covers that tile). A product that cannot be "
            "processed is reported and leaves no file; the others go on. Outputs: the output "
            "folder, the SEB files and the number of failed products."
        )

    def createInstance(self):
        return type(self)()

    def initAlgorithm(self, config=None):
        add_product_list_parameters(self, self.INPUT_FOLDER, self.PRODUCTS)
        _DetectionOptions.add(self)
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputMultipleLayers(self.SEB_FILES, tr("Snow (SEB) files")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, tr("Failed products")))

    def products(self, parameters, context) -> list[Path]:
        return products_from(self, parameters, context, self.INPUT_FOLDER, self.PRODUCTS)

    def processAlgorithm(self, parameters, context, feedback):
        dem = self.parameterAsRasterLayer(parameters, _DetectionOptions.DEM, context)
        tcd = self.parameterAsRasterLayer(parameters, _DetectionOptions.TCD, context)
        if dem is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, _DetectionOptions.DEM))
        paths = self.products(parameters, context)
        try:
            products = [open_l2a(path) for path in paths]
        except ValueError as exc:
            raise processing_error(exc) from None
        tiles = sorted({p.tile for p in products})
        if len(tiles) > 1:
            raise QgsProcessingException(
                tr(
                    "The products are of several tiles ({tiles}); give the products of one tile "
                    "(the DEM and the synthesis cover one tile)."
                ).format(tiles=", ".join(tiles))
            )
        out_dir = Path(self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context))
        params = _detection_parameters(self, parameters, context)
        expert = self.parameterAsBoolean(parameters, _DetectionOptions.EXPERT, context)
        steps = QgsProcessingMultiStepFeedback(len(products), feedback)
        written, failed = [], 0
        for step, product in enumerate(products):
            if feedback.isCanceled():
                break
            steps.setCurrentStep(step)
            feedback.pushInfo(
                tr("[{n}/{total}] snow detection of {product}").format(
                    n=step + 1, total=len(products), product=product.product_id
                )
            )
            try:
                outputs = detect_product(
                    product, dem.source(), out_dir, params=params,
                    tcd_path=tcd.source() if tcd is not None else None,
                    feedback=steps, expert=expert,
                )  # fmt: skip
            except CANCELLED:
                break
            except (ValueError, OSError, RuntimeError) as exc:
                failed += 1
                feedback.reportError(
                    tr("{product}: {error} (skipped; the other products go on)").format(
                        product=product.product_id, error=exc
                    ),
                    False,
                )
                continue
            feedback.pushInfo(
                tr("{product}: zs = {zs} m, snow {snow:.1f} %, cloud {cloud:.1f} %").format(
                    product=outputs.product_id, zs=outputs.zs,
                    snow=outputs.snow_percent, cloud=outputs.cloud_percent,
                )
            )  # fmt: skip
            written.append(str(outputs.paths["SEB"]))
        if feedback.isCanceled():
            return {}
        if failed == len(products):
            raise QgsProcessingException(
                tr("None of the {count} products could be processed.").format(count=failed)
            )
        return {self.OUTPUT_FOLDER: str(out_dir), self.SEB_FILES: written, self.FAILED: failed}


class _StyleSynthesisLayer(QgsProcessingLayerPostProcessorInterface):
    """Styles a loaded L3B output: a count ramp or a calendar-date ramp."""

    _alive: ClassVar[list] = []

    def __init__(self, kind: str, start: date, end: date, maximum: int | None):
        super().__init__()
        self.kind, self.start, self.end, self.maximum = kind, start, end, maximum

    @classmethod
    def create(cls, *args) -> _StyleSynthesisLayer:
        processor = cls(*args)
        cls._alive = [*cls._alive[-31:], processor]
        return processor

    def postProcessLayer(self, layer, context, feedback):
        style_synthesis_layer(layer, self.kind, self.start, self.end, self.maximum)


def style_synthesis_layer(layer, kind: str, start: date, end: date, maximum=None) -> None:
    """Style one L3B layer (SCD/NOBS/NSP counts; SOD/SMOD calendar dates)."""
    from qgis.core import QgsRasterBandStats

    from theia_plugin.toolbelt.snow_styles import style_day_of_year, style_duration

    if kind in ("SOD", "SMOD"):
        style_day_of_year(layer, start, end)
        return
    if maximum is None:
        stats = layer.dataProvider().bandStatistics(1, QgsRasterBandStats.Stats.Max)
        maximum = int(stats.maximumValue)
    style_duration(layer, kind, maximum)


class SnowSynthesisAlgorithm(QgsProcessingAlgorithm):
    INPUT_FOLDER, INPUTS, YEAR, HEMISPHERE = "INPUT_FOLDER", "INPUTS", "YEAR", "HEMISPHERE"
    START, END, MARGIN, DAILY_STACK = "START", "END", "MARGIN", "DAILY_STACK"
    OUTPUT_FOLDER, REPORT, CHART, SUMMARY, DAILY = (
        "OUTPUT_FOLDER", "REPORT", "CHART", "SUMMARY", "DAILY",
    )  # fmt: skip
    DATES = "DATES"
    HEMISPHERES = ("north", "south")

    def name(self) -> str:
        return "snowsynthesis"

    def displayName(self) -> str:
        return tr("Annual snow synthesis")

    def group(self) -> str:
        return tr("Snow")

    def groupId(self) -> str:
        return "snow"

    def shortHelpString(self) -> str:
        return tr(
            "Annual snow indicators of one tile from its per-date snow products, exactly as "
            "Theia's Let It Snow synthesis (L3B) defines them.\n\n"
            "Inputs: a folder (searched with its subfolders and zips) and/or a list of files: "
            "this plugin's snow detection outputs, Theia's L2B-SNOW products (…_SNW_R2.tif) or "
            "…SNOW-FSC… files, all of one tile and one grid. The period is the hydrological "
            "year starting in the given year (1 Sep – 31 Aug in the northern hemisphere, "
            "1 Mar – end of February in the southern one) unless a start and an end date are "
            "given; products up to the date margin outside the period anchor the "
            "interpolation.\n\n"
            "Per pixel, clear observations are interpolated linearly to every day (constant "
            "before the first and after the last), a day is snow-covered when the value "
            "reaches 50 %, and: SCD = snow cover duration (days); SOD / SMOD = first / last day "
            "of the longest snow period (day 0 = first day of the period; 0 when SCD ≤ 10 "
            "days); NOBS = number of clear observations; NSP = number of changes of the daily "
            "snow state. Outputs: uint16 Cloud Optimized GeoTIFFs named like Theia's, styled "
            "when loaded (SOD and SMOD with calendar dates in the legend), an optional daily "
            "snow stack (one band per day), a JSON summary and an HTML report with a chart of "
            "the snow-covered area and cloud cover per date.\n\n"
            "Reference: Gascoin S. et al. (2019), Earth System Science Data 11, 493–514; "
            "Barrou Dumont Z. et al. (2021), The Cryosphere."
        )

    def createInstance(self):
        return type(self)()

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT_FOLDER,
                tr("Folder of snow products"),
                behavior=QgsProcessingParameterFile.Behavior.Folder,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.INPUTS,
                tr("Snow product files (one path per line)"),
                multiLine=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                tr("Hydrological year (the year it starts)"),
                type=QgsProcessingParameterNumber.Type.Integer,
                defaultValue=date.today().year - 1,
                minValue=1972,
                maxValue=2200,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.HEMISPHERE,
                tr("Hemisphere"),
                options=[
                    tr("North (1 September – 31 August)"),
                    tr("South (1 March – end of February)"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MARGIN, tr("Date margin (days)"),
                type=QgsProcessingParameterNumber.Type.Integer, defaultValue=15, minValue=0,
            )
        )  # fmt: skip
        for name, label in (
            (self.START, tr("Custom period: start date (YYYY-MM-DD, replaces the year)")),
            (self.END, tr("Custom period: end date (YYYY-MM-DD)")),
        ):
            parameter = QgsProcessingParameterString(name, label, optional=True)
            parameter.setFlags(
                parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced
            )
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.DAILY_STACK, tr("Write the daily snow stack (one band per day)"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder"))
        )
        labels = {
            "SCD": tr("Snow cover duration (SCD, days)"),
            "SOD": tr("Snow onset date (SOD)"),
            "SMOD": tr("Snow melt-out date (SMOD)"),
            "NOBS": tr("Number of clear observations (NOBS)"),
            "NSP": tr("Number of snow state changes (NSP)"),
        }
        for kind in L3B_KINDS:
            self.addOutput(QgsProcessingOutputRasterLayer(kind, labels[kind]))
        self.addOutput(QgsProcessingOutputRasterLayer(self.DAILY, tr("Daily snow stack")))
        self.addOutput(QgsProcessingOutputHtml(self.REPORT, tr("Season report")))
        self.addOutput(QgsProcessingOutputFile(self.CHART, tr("Season chart (PNG)")))
        self.addOutput(QgsProcessingOutputFile(self.SUMMARY, tr("Per-date summary (JSON)")))
        self.addOutput(QgsProcessingOutputNumber(self.DATES, tr("Number of dates")))

    def _parameters(self, parameters, context) -> SynthesisParameters:
        texts = [
            (self.parameterAsString(parameters, name, context) or "").strip()
            for name in (self.START, self.END)
        ]
        margin = self.parameterAsInt(parameters, self.MARGIN, context)
        hemisphere = self.HEMISPHERES[self.parameterAsEnum(parameters, self.HEMISPHERE, context)]
        if any(texts):
            try:
                start, end = (date.fromisoformat(text) for text in texts)
            except ValueError:
                raise QgsProcessingException(
                    tr(
                        "A custom period needs both a start and an end date written YYYY-MM-DD "
                        "(got {start!r} and {end!r})."
                    ).format(start=texts[0], end=texts[1])
                ) from None
            return SynthesisParameters(
                period_start=start, period_end=end, date_margin=margin, hemisphere=hemisphere
            )
        year = self.parameterAsInt(parameters, self.YEAR, context)
        return SynthesisParameters(year=year, date_margin=margin, hemisphere=hemisphere)

    def processAlgorithm(self, parameters, context, feedback):
        inputs = []
        folder = self.parameterAsString(parameters, self.INPUT_FOLDER, context)
        if folder:
            if not Path(folder).is_dir():
                raise QgsProcessingException(tr("{path} is not a folder.").format(path=folder))
            inputs.append(Path(folder))
        inputs += split_paths(self.parameterAsString(parameters, self.INPUTS, context))
        if not inputs:
            raise QgsProcessingException(
                tr("No snow product given: choose a folder holding snow products or list them.")
            )
        out_dir = Path(self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context))
        daily = self.parameterAsBoolean(parameters, self.DAILY_STACK, context)
        try:
            params = self._parameters(parameters, context)
            outputs = synthesize_files(
                inputs, out_dir, params, daily_stack=daily, feedback=feedback
            )
        except CANCELLED:
            return {}
        except (ValueError, OSError, RuntimeError) as exc:
            raise processing_error(exc) from None
        report, chart = write_report(outputs)
        results = {
            self.OUTPUT_FOLDER: str(out_dir),
            self.REPORT: str(report),
            self.CHART: str(chart),
            self.SUMMARY: str(outputs.summary_file),
            self.DATES: len(outputs.dates),
        }
        if outputs.daily_stack is not None:
            results[self.DAILY] = str(outputs.daily_stack)
        maxima = {"SCD": (outputs.period_end - outputs.period_start).days + 1,
                  "NOBS": outputs.max_nobs}  # fmt: skip
        for kind, path in outputs.paths.items():
            results[kind] = str(path)
            if context.project() is None:
                continue
            details = context.LayerDetails(path.stem, context.project(), kind)
            details.setPostProcessor(
                _StyleSynthesisLayer.create(
                    kind, outputs.period_start, outputs.period_end, maxima.get(kind)
                )
            )
            context.addLayerToLoadOnCompletion(str(path), details)
        return results


def write_report(outputs) -> tuple[Path, Path]:
    """The HTML season report and its PNG chart, beside the synthesis outputs."""
    from theia_plugin.toolbelt.snow_chart import render_season_chart

    base = outputs.summary_file.with_suffix("")
    chart = base.with_name(base.name.replace("-SUMMARY_", "-CHART_") + ".png")
    report = base.with_name(base.name.replace("-SUMMARY_", "-REPORT_") + ".html")
    render_season_chart(outputs.dates, outputs.period_start, outputs.period_end, chart)
    tmp = report.with_name(f".{report.name}.part")
    tmp.write_text(report_html(outputs, chart.name), encoding="utf-8")
    os.replace(tmp, report)
    return report, chart


__all__ = [
    "SnowDetectionAlgorithm",
    "SnowDetectionBatchAlgorithm",
    "SnowSynthesisAlgorithm",
    "style_synthesis_layer",
    "write_report",
]
