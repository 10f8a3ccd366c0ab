"""Processing adapters for spectral indices (group "Spectral indices").

Thin wrappers over :func:`theia_plugin.core.indices.compute.compute_indices`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from theia_plugin.core.i18n import tr
from theia_plugin.core.indices.bands import SENTINEL2_THEIA_L2A, computable_indices
from theia_plugin.core.indices.catalogue import catalogue
from theia_plugin.core.indices.compute import IndexRequest, compute_indices
from theia_plugin.core.indices.formula import FormulaError
from theia_plugin.core.raster.engine import GridError, RasterReadError
from theia_plugin.core.raster.theia_l2a import ProductError, open_l2a
from theia_plugin.net import redact_text
from theia_plugin.processing.index_options import add_product_options, mask_help, product_options
from theia_plugin.processing.parameters import (
    CANCELLED,
    add_product_list_parameters,
    authcfg_parameter,
    open_product,
    processing_error,
    product_parameter,
    products_from,
)


def is_normalised_difference(request: IndexRequest) -> bool:
    try:
        index = catalogue().get(request.name)
    except KeyError:
        return False
    return "normalized difference" in index.long_name.lower()


class _StyleIndexLayer(QgsProcessingLayerPostProcessorInterface):
    """Styles the output once QGIS has loaded it (diverging ramp for normalised differences)."""

    # QGIS takes ownership of each post-processor (one per layer: the context deletes them)
    # but calls back into Python after the algorithm object is gone: keep the Python side of
    # the live ones here. A batch may queue hundreds of outputs; the objects are tiny.
    _alive: ClassVar[list] = []
    _KEEP = 4096

    def __init__(self, diverging: bool):
        super().__init__()
        self.diverging = diverging

    @classmethod
    def create(cls, diverging: bool) -> _StyleIndexLayer:
        """A new processor for one layer (never share one: each layer's owner deletes it)."""
        processor = cls(diverging)
        cls._alive = [*cls._alive[-(cls._KEEP - 1) :], processor]
        return processor

    def postProcessLayer(self, layer, context, feedback):
        from theia_plugin.toolbelt.styling import apply_ramp

        if self.diverging:
            apply_ramp(layer, "RdYlGn", -1.0, 1.0)
        else:
            apply_ramp(layer, "Viridis")


def report_indices(feedback, requests) -> None:
    """Log what each index is and whom to cite (also stored in the output file's metadata)."""
    for request in requests:
        if request.reference:
            feedback.pushInfo(
                tr("{name} ({long_name}) = {formula}; reference: {reference}").format(
                    name=request.name, long_name=request.long_name,
                    formula=request.formula.text, reference=request.reference,
                )
            )  # fmt: skip


def style_when_loaded(context, dest: str, request: IndexRequest) -> None:
    """Style the output ``dest`` of ``request`` if QGIS loads it when the run is over."""
    if context.willLoadLayerOnCompletion(dest):
        processor = _StyleIndexLayer.create(is_normalised_difference(request))
        context.layerToLoadOnCompletionDetails(dest).setPostProcessor(processor)


class SpectralIndexAlgorithm(QgsProcessingAlgorithm):
    INPUT, INDEX, FORMULA = "INPUT", "INDEX", "FORMULA"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "spectralindex"

    def displayName(self) -> str:
        return tr("Spectral index")

    def group(self) -> str:
        return tr("Spectral indices")

    def groupId(self) -> str:
        return "indices"

    def shortHelpString(self) -> str:
        text = tr(
            "Computes a spectral index of a Theia Sentinel-2 L2A product (folder or zip, read "
            "in place) and writes it as a Cloud Optimized GeoTIFF.\n\n"
            "Index: any of the Awesome Spectral Indices computable from Theia L2A bands "
            "(e.g. NDVI, NDWI after McFeeters, NDSI, NBR, SAVI, EVI), or a formula of your own "
            "over the band names B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (reflectance 0–1), "
            "e.g. (N - R) / (N + R).\n\n"
            "Resolution: by default the finest of the bands the index reads (10 m for NDVI, "
            "20 m for an index of 20 m bands only); at 20 m, 10 m bands are averaged. Output: "
            "float32 with NaN nodata, or int16 ×10000 with −10000 like Theia's own indices.\n\n"
            "Reference: Montero et al. (2023), Awesome Spectral Indices, "
            "Scientific Data 10, 197."
        )
        return text + "\n\n" + mask_help()

    def createInstance(self):
        return type(self)()

    def initAlgorithm(self, config=None):
        self.addParameter(product_parameter(self.INPUT, stac=True))
        self.addParameter(authcfg_parameter())
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
        add_product_options(self)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Index")))

    def processAlgorithm(self, parameters, context, feedback):
        formula = (self.parameterAsString(parameters, self.FORMULA, context) or "").strip()
        try:
            product = open_product(self, parameters, self.INPUT, context, feedback)
            if formula:
                request = IndexRequest.from_formula("formula", formula)
            else:
                name = self.parameterAsEnumString(parameters, self.INDEX, context)
                request = IndexRequest.from_catalogue(name)
            dest = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
            feedback.pushInfo(
                tr("{index} of {product}").format(index=request.name, product=product.product_id)
            )
            report_indices(feedback, [request])
            compute_indices(
                product,
                [request],
                [dest],
                feedback=feedback,
                **product_options(self, parameters, context),
            )
        except CANCELLED:
            return {}
        except (ValueError, KeyError, OSError, RuntimeError) as exc:  # GDAL raises RuntimeError
            raise processing_error(exc) from None
        style_when_loaded(context, dest, request)
        return {self.OUTPUT: dest}


# -- several indices, several products --------------------------------------------------------
_FILE_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_FORMULA_ENTRY = re.compile(r"^\s*(?P<name>[A-Za-z][A-Za-z0-9_-]*)\s*=(?P<formula>.+)$")
#: Errors of one product that must not stop a batch (GDAL and rasterio raise RuntimeError or
#: their own exception classes on corrupt or truncated files).
_PRODUCT_ERRORS = (Exception,)


def output_name(product_id: str, index: str) -> str:
    """``<product_id>_<INDEX>.tif``, with any character unsafe in a file name replaced."""
    return f"{product_id}_{_FILE_NAME_UNSAFE.sub('_', index)}.tif"


def parse_formulas(text: str) -> list[IndexRequest]:
    """``name = formula`` entries, one per line or separated by ``;``."""
    requests = []
    for entry in re.split(r"[;\n]", text or ""):
        if not entry.strip():
            continue
        match = _FORMULA_ENTRY.match(entry)
        if not match:
            raise FormulaError(
                tr(
                    "{entry!r} is not of the form name = formula (e.g. mine = (N - R) / (N + R)); "
                    "names start with a letter and use letters, digits, _ and -."
                ).format(entry=entry.strip())
            )
        requests.append(IndexRequest.from_formula(match["name"], match["formula"].strip()))
    return requests


def _unique(requests: list[IndexRequest]) -> list[IndexRequest]:
    seen: dict[str, IndexRequest] = {}
    for request in requests:
        key = output_name("", request.name).lower()
        if key in seen:
            raise FormulaError(
                tr("Two indices would be written to the same file: {first} and {second}.").format(
                    first=seen[key].name, second=request.name
                )
            )
        seen[key] = request
    return list(seen.values())


class _IndicesAlgorithmBase(QgsProcessingAlgorithm):
    """Parameters and options shared by the folder-output algorithms."""

    LOAD_OUTPUTS, OUTPUT_FOLDER, OUTPUT_FILES = "LOAD_OUTPUTS", "OUTPUT_FOLDER", "OUTPUT_FILES"

    def group(self) -> str:
        return tr("Spectral indices")

    def groupId(self) -> str:
        return "indices"

    def createInstance(self):
        return type(self)()

    def add_options(self) -> None:
        add_product_options(self)
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.LOAD_OUTPUTS, tr("Open the output files after running the algorithm"), True
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputMultipleLayers(self.OUTPUT_FILES, tr("Index files")))

    def options(self, parameters, context) -> dict:
        return product_options(self, parameters, context)

    def output_folder(self, parameters, context) -> Path:
        # parameterAsFileOutput resolves TEMPORARY_OUTPUT to a fresh temporary folder.
        folder = Path(self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context))
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def load_styled(self, parameters, context, written) -> None:
        """Queue ``(request, path)`` outputs for loading, styled, when the run is over."""
        if context.project() is None:
            return
        if not self.parameterAsBoolean(parameters, self.LOAD_OUTPUTS, context):
            return
        for request, path in written:
            details = QgsProcessingContext.LayerDetails(
                Path(path).stem, context.project(), self.OUTPUT_FILES
            )
            details.setPostProcessor(_StyleIndexLayer.create(is_normalised_difference(request)))
            context.addLayerToLoadOnCompletion(str(path), details)


class SeveralIndicesAlgorithm(_IndicesAlgorithmBase):
    INPUT, INDICES, FORMULAS = "INPUT", "INDICES", "FORMULAS"

    def name(self) -> str:
        return "severalindices"

    def displayName(self) -> str:
        return tr("Several indices at once")

    def shortHelpString(self) -> str:
        text = tr(
            "Computes several spectral indices of one Theia Sentinel-2 L2A product (folder "
            "or zip, read in place) in a single pass over its bands, and writes one Cloud "
            "Optimized GeoTIFF per index, named <product>_<INDEX>.tif, in the output folder.\n\n"
            "Indices: any of the Awesome Spectral Indices computable from Theia L2A bands "
            "(e.g. NDVI, NDWI after McFeeters, NDMI, NDSI, NBR, SAVI, EVI), and/or formulas of "
            "your own, one per line or separated by semicolons, written name = formula over "
            "the band names B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (reflectance 0–1), e.g. "
            "mine = (N - R) / (N + R + 0.5). The name is used in the file name.\n\n"
            "Output: float32 with NaN nodata, or int16 ×10000 with −10000 like Theia's own "
            "indices. Outputs: the output folder and the list of written files; opened files "
            "are styled (a diverging red–green ramp for normalised differences).\n\n"
            "Reference: Montero et al. (2023), Awesome Spectral Indices, "
            "Scientific Data 10, 197."
        )
        return text + "\n\n" + mask_help()

    def initAlgorithm(self, config=None):
        self.addParameter(product_parameter(self.INPUT, stac=True))
        self.addParameter(authcfg_parameter())
        names = [index.short_name for index in computable_indices(SENTINEL2_THEIA_L2A)]
        self.addParameter(
            QgsProcessingParameterEnum(
                self.INDICES, tr("Indices"), options=names, allowMultiple=True,
                defaultValue=["NDVI"], usesStaticStrings=True, optional=True,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterString(
                self.FORMULAS,
                tr("Formulas of your own (name = formula, one per line)"),
                multiLine=True,
                optional=True,
            )
        )
        self.add_options()

    def processAlgorithm(self, parameters, context, feedback):
        try:
            product = open_product(self, parameters, self.INPUT, context, feedback)
            names = self.parameterAsEnumStrings(parameters, self.INDICES, context)
            requests = [IndexRequest.from_catalogue(name) for name in names]
            requests += parse_formulas(self.parameterAsString(parameters, self.FORMULAS, context))
            if not requests:
                raise QgsProcessingException(tr("Choose at least one index or give a formula."))
            requests = _unique(requests)
            folder = self.output_folder(parameters, context)
            destinations = [folder / output_name(product.product_id, r.name) for r in requests]
            feedback.pushInfo(
                tr("{indices} of {product}").format(
                    indices=", ".join(r.name for r in requests), product=product.product_id
                )
            )
            report_indices(feedback, requests)
            compute_indices(
                product, requests, destinations, feedback=feedback,
                **self.options(parameters, context),
            )  # fmt: skip
        except CANCELLED:
            return {}
        except (
            ProductError,
            FormulaError,
            GridError,
            RasterReadError,
            KeyError,
            OSError,
            RuntimeError,
        ) as exc:
            raise processing_error(exc) from None
        self.load_styled(parameters, context, zip(requests, destinations))
        return {
            self.OUTPUT_FOLDER: str(folder),
            self.OUTPUT_FILES: [str(path) for path in destinations],
        }


class IndicesOverProductsAlgorithm(_IndicesAlgorithmBase):
    INPUT_FOLDER, PRODUCTS, INDEX, FORMULA = "INPUT_FOLDER", "PRODUCTS", "INDEX", "FORMULA"
    FAILED = "FAILED"

    def name(self) -> str:
        return "indicesoverproducts"

    def displayName(self) -> str:
        return tr("Spectral index over several products")

    def shortHelpString(self) -> str:
        text = tr(
            "Computes one spectral index for each of several Theia Sentinel-2 L2A products and "
            "writes one Cloud Optimized GeoTIFF per product, named <product>_<INDEX>.tif, in "
            "the output folder.\n\n"
            "Products: a folder (every L2A zip or product folder directly inside it, or the "
            "folder itself if it is a product) and/or a list of product zips or folders, one "
            "path per line or separated by semicolons (in qgis_process: "
            '--PRODUCTS="/data/a.zip;/data/b.zip").\n\n'
            "Index: any of the Awesome Spectral Indices computable from Theia L2A bands, or a "
            "formula of your own over B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (reflectance 0–1), "
            "which replaces the index; its files are then named <product>_formula.tif.\n\n"
            "A product that cannot be processed (missing bands, another grid, corrupt or "
            "truncated file) is reported as an error and leaves no file behind; the other "
            "products go on. Cancelling stops at once and leaves no partial file. Outputs: the "
            "output folder, the list of written files and the number of failed products.\n\n"
            "Reference: Montero et al. (2023), Awesome Spectral Indices, "
            "Scientific Data 10, 197."
        )
        return text + "\n\n" + mask_help()

    def initAlgorithm(self, config=None):
        add_product_list_parameters(self, self.INPUT_FOLDER, self.PRODUCTS)
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
        self.add_options()
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, tr("Failed products")))

    def products(self, parameters, context) -> list[Path]:
        return products_from(self, parameters, context, self.INPUT_FOLDER, self.PRODUCTS)

    def processAlgorithm(self, parameters, context, feedback):
        formula = (self.parameterAsString(parameters, self.FORMULA, context) or "").strip()
        try:
            if formula:
                request = IndexRequest.from_formula("formula", formula)
            else:
                name = self.parameterAsEnumString(parameters, self.INDEX, context)
                request = IndexRequest.from_catalogue(name)
        except (FormulaError, KeyError) as exc:
            raise processing_error(exc) from None
        report_indices(feedback, [request])
        products = self.products(parameters, context)
        folder = self.output_folder(parameters, context)
        options = self.options(parameters, context)
        steps = QgsProcessingMultiStepFeedback(len(products), feedback)
        written, failed = [], 0
        for step, path in enumerate(products):
            if feedback.isCanceled():
                break
            steps.setCurrentStep(step)
            try:
                product = open_l2a(path)
                dest = folder / output_name(product.product_id, request.name)
                feedback.pushInfo(
                    tr("[{n}/{total}] {index} of {product}").format(
                        n=step + 1, total=len(products), index=request.name,
                        product=product.product_id,
                    )
                )  # fmt: skip
                compute_indices(product, [request], [dest], feedback=steps, **options)
            except CANCELLED:
                break
            except _PRODUCT_ERRORS as exc:
                failed += 1
                feedback.reportError(
                    tr("{product}: {error} (skipped; the other products go on)").format(
                        product=path, error=redact_text(str(exc))
                    ),
                    False,
                )
                continue
            written.append(dest)
        if products and failed == len(products):
            raise QgsProcessingException(
                tr("None of the {count} products could be processed.").format(count=failed)
            )
        self.load_styled(parameters, context, [(request, path) for path in written])
        return {
            self.OUTPUT_FOLDER: str(folder),
            self.OUTPUT_FILES: [str(path) for path in written],
            self.FAILED: failed,
        }


__all__ = ["IndicesOverProductsAlgorithm", "SeveralIndicesAlgorithm", "SpectralIndexAlgorithm"]
