"""MAJA mask bits (snow.md §1) and how the synthetic scene sets them."""

from __future__ import annotations

import numpy as np

from .clouds import DETECTED, SHADOW_DETECTED, THICK, THINNEST

# CLM_R1/R2: cloud mask bits
CLM_CLOUDS_AND_SHADOWS = 1  # all clouds except the thinnest, and all shadows
CLM_CLOUDS = 2  # all clouds except the thinnest
CLM_MONO_TEMPORAL = 4
CLM_MULTI_TEMPORAL = 8
CLM_THINNEST = 16
CLM_SHADOW = 32  # shadow of a detected cloud
CLM_SHADOW_OUTSIDE = 64  # shadow of a cloud outside the image
CLM_HIGH = 128  # high cloud (1.38 µm)

# MG2_R1/R2: geophysical mask bits
MG2_WATER = 1
MG2_CLOUD = 2
MG2_SNOW = 4
MG2_SHADOW = 8
MG2_TOPO_SHADOW = 16
MG2_HIDDEN = 32  # hidden by relief: never set, the synthetic view is at nadir
MG2_SUN_LOW = 64
MG2_SUN_TANGENT = 128

#: cos(incidence) under which MAJA deems the slope correction unreliable (incidence > 80°).
SUN_LOW_COS = 0.17
#: cos(incidence) under which the sun grazes the slope (incidence > ~87°).
SUN_TANGENT_COS = 0.05


def cloud_mask(
    low: np.ndarray, high: np.ndarray, shadow: np.ndarray, shadow_outside: np.ndarray
) -> np.ndarray:
    """CLM bits from cloud opacities. Shadows are flagged only where no low cloud is."""
    clm = np.zeros(low.shape, dtype=np.uint8)
    clm[(low >= DETECTED) & (low < THINNEST)] |= CLM_THINNEST
    clm[low >= THINNEST] |= CLM_CLOUDS_AND_SHADOWS | CLM_CLOUDS | CLM_MULTI_TEMPORAL
    clm[low >= THICK] |= CLM_MONO_TEMPORAL
    clm[high >= DETECTED] |= CLM_HIGH | CLM_MONO_TEMPORAL | CLM_CLOUDS | CLM_CLOUDS_AND_SHADOWS
    shaded = (shadow >= SHADOW_DETECTED) & (low < DETECTED)
    clm[shaded & ~shadow_outside] |= CLM_SHADOW | CLM_CLOUDS_AND_SHADOWS
    clm[shaded & shadow_outside] |= CLM_SHADOW_OUTSIDE | CLM_CLOUDS_AND_SHADOWS
    return clm


def geophysical_mask(
    clm: np.ndarray,
    water: np.ndarray,
    snow: np.ndarray,
    cos_incidence: np.ndarray,
) -> np.ndarray:
    """MG2 bits. ``water``/``snow`` are what MAJA would see (clear pixels only)."""
    mg2 = np.zeros(clm.shape, dtype=np.uint8)
    cloudy = (clm & (CLM_CLOUDS | CLM_THINNEST)) != 0
    mg2[water & ~cloudy] |= MG2_WATER
    mg2[(clm & CLM_CLOUDS) != 0] |= MG2_CLOUD
    mg2[snow & ~cloudy] |= MG2_SNOW
    mg2[(clm & (CLM_SHADOW | CLM_SHADOW_OUTSIDE)) != 0] |= MG2_SHADOW
    mg2[cos_incidence <= 0] |= MG2_TOPO_SHADOW
    grazing = (cos_incidence > 0) & (cos_incidence < SUN_LOW_COS)
    mg2[grazing] |= MG2_SUN_LOW
    mg2[grazing & (cos_incidence < SUN_TANGENT_COS)] |= MG2_SUN_TANGENT
    return mg2
