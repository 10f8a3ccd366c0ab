"""Masking and resampling parameters shared by the spectral-index algorithms."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
)

from theia_plugin.core.i18n import tr
from theia_plugin.core.indices.inputs import CLM_BITS, MG2_BITS, MaskOptions
from theia_plugin.core.raster.cog import COMPRESSIONS

MASK_CLOUDS, MASK_EDGE = "MASK_CLOUDS", "MASK_EDGE"
CLOUD_BITS, GEOPHYSICAL, MASK_SATURATED, UPSAMPLING = (
    "CLOUD_BITS", "GEOPHYSICAL_MASK", "MASK_SATURATED", "UPSAMPLING",
)  # fmt: skip
COMPRESSION = "COMPRESSION"
RESOLUTION, INT16 = "RESOLUTION", "INT16"
RESOLUTIONS = (10, 20, "finest")
UPSAMPLING_METHODS = ("nearest", "bilinear")


def _clm_labels() -> dict[str, str]:
    return {
        "clouds_and_shadows": tr("1: all clouds except the thinnest, and all shadows"),
        "clouds": tr("2: all clouds except the thinnest"),
        "mono_temporal": tr("4: clouds (mono-temporal test)"),
        "multi_temporal": tr("8: clouds (multi-temporal test)"),
        "thinnest": tr("16: thinnest clouds"),
        "shadows": tr("32: shadows of detected clouds"),
        "shadows_outside": tr("64: shadows of clouds outside the image"),
        "high_clouds": tr("128: high clouds (1.38 µm)"),
    }


def _mg2_labels() -> dict[str, str]:
    return {
        "water": tr("water"),
        "snow": tr("snow"),
        "topographic_shadows": tr("topographic shadows"),
        "hidden_by_relief": tr("hidden by relief"),
        "sun_too_low": tr("sun too low"),
        "sun_tangent": tr("sun tangent"),
        "clouds": tr("clouds (MG2)"),
        "shadows": tr("cloud shadows (MG2)"),
    }


def _advanced(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return parameter


def add_mask_parameters(algorithm) -> None:
    """The masking parameters of an algorithm over Theia L2A products."""
    algorithm.addParameter(
        QgsProcessingParameterBoolean(MASK_CLOUDS, tr("Mask clouds (CLM ≠ 0)"), True)
    )
    algorithm.addParameter(
        QgsProcessingParameterBoolean(MASK_EDGE, tr("Mask no-data edges (EDG)"), True)
    )
    algorithm.addParameter(
        _advanced(
            QgsProcessingParameterEnum(
                CLOUD_BITS,
                tr("Mask only these cloud mask (CLM) bits (none chosen: every bit)"),
                options=list(_clm_labels().values()),
                allowMultiple=True,
                defaultValue=[],
                optional=True,
            )
        )
    )
    algorithm.addParameter(
        _advanced(
            QgsProcessingParameterEnum(
                GEOPHYSICAL,
                tr("Also mask (geophysical mask MG2)"),
                options=list(_mg2_labels().values()),
                allowMultiple=True,
                defaultValue=[],
                optional=True,
            )
        )
    )
    algorithm.addParameter(
        _advanced(
            QgsProcessingParameterBoolean(
                MASK_SATURATED, tr("Mask saturated pixels of the bands used (SAT)"), False
            )
        )
    )
    add_upsampling_parameter(algorithm)


def add_upsampling_parameter(algorithm) -> None:
    algorithm.addParameter(
        _advanced(
            QgsProcessingParameterEnum(
                UPSAMPLING,
                tr("Coarser bands brought to the output resolution by"),
                options=[tr("nearest neighbour"), tr("bilinear interpolation")],
                defaultValue=0,
            )
        )
    )


def add_compression_parameter(algorithm) -> None:
    algorithm.addParameter(
        _advanced(
            QgsProcessingParameterEnum(
                COMPRESSION,
                tr("Compression of the output"),
                options=[
                    tr("DEFLATE (readable everywhere)"),
                    tr("ZSTD (faster to write; needs GDAL ≥ 2.3, as every current QGIS has)"),
                    tr("LZW"),
                ],
                defaultValue=0,
            )
        )
    )


def compression(algorithm, parameters, context) -> str:
    return COMPRESSIONS[algorithm.parameterAsEnum(parameters, COMPRESSION, context)]


def mask_options(algorithm, parameters, context) -> MaskOptions:
    clm_keys, mg2_keys = list(_clm_labels()), list(_mg2_labels())
    cloud_bits = sum(
        CLM_BITS[clm_keys[i]] for i in algorithm.parameterAsEnums(parameters, CLOUD_BITS, context)
    )
    geophysical = sum(
        MG2_BITS[mg2_keys[i]] for i in algorithm.parameterAsEnums(parameters, GEOPHYSICAL, context)
    )
    return MaskOptions(
        cloud=algorithm.parameterAsBoolean(parameters, MASK_CLOUDS, context),
        edge=algorithm.parameterAsBoolean(parameters, MASK_EDGE, context),
        cloud_bits=cloud_bits or None,
        geophysical_bits=geophysical,
        saturation=algorithm.parameterAsBoolean(parameters, MASK_SATURATED, context),
    )


def upsampling(algorithm, parameters, context) -> str:
    return UPSAMPLING_METHODS[algorithm.parameterAsEnum(parameters, UPSAMPLING, context)]


def mask_help() -> str:
    return tr(
        "Pixels flagged by the cloud mask (CLM ≠ 0, Theia's own advice) or outside the swath "
        "(EDG) become nodata unless unticked. Advanced: mask only some CLM bits (e.g. 2 and "
        "32 for clouds and their shadows), also mask MG2 flags (water, snow, topographic "
        "shadows, sun too low…) or pixels where a band used is saturated (SAT); 20 m bands "
        "are brought to 10 m by nearest neighbour or bilinear interpolation."
    )


def add_output_format(algorithm) -> None:
    """Int16 ×10000 or float32, and the compression: every index algorithm has them."""
    algorithm.addParameter(
        QgsProcessingParameterBoolean(INT16, tr("Int16 ×10000 output like Theia"), False)
    )
    add_compression_parameter(algorithm)


def output_format(algorithm, parameters, context) -> dict:
    return {
        "int16": algorithm.parameterAsBoolean(parameters, INT16, context),
        "compression": compression(algorithm, parameters, context),
    }


def add_product_options(algorithm) -> None:
    """Resolution, masks, upsampling and output format of the algorithms over Theia L2A."""
    algorithm.addParameter(
        QgsProcessingParameterEnum(
            RESOLUTION,
            tr("Resolution"),
            options=["10 m", "20 m", tr("finest of the bands used")],
            defaultValue=2,
        )
    )
    add_mask_parameters(algorithm)
    add_output_format(algorithm)


def product_options(algorithm, parameters, context) -> dict:
    """The keyword arguments of ``compute_indices`` set by :func:`add_product_options`."""
    return {
        "resolution": RESOLUTIONS[algorithm.parameterAsEnum(parameters, RESOLUTION, context)],
        "masks": mask_options(algorithm, parameters, context),
        "upsampling": upsampling(algorithm, parameters, context),
        **output_format(algorithm, parameters, context),
    }
