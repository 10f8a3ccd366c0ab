"""Client-side checks of a DSM-OPT job before it is submitted.

Each check names what is wrong and what was expected. Errors block the submission; warnings
only inform (e.g. a convergence angle outside the ideal 5–15°). Checks whose facts are unknown
(no incidence angles, no footprints, no cost estimate) are skipped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from theia_plugin.core.i18n import tr

__all__ = [
    "MAX_CONVERGENCE",
    "Check",
    "ImageInfo",
    "check_job",
    "convergence_angle",
    "errors",
]

MIN_IMAGES, MAX_IMAGES = 2, 3
#: Stereo convergence angle (degrees): required below MAX, ideal between the IDEAL bounds.
MAX_CONVERGENCE = 20.0
IDEAL_CONVERGENCE = (5.0, 15.0)

Bbox = tuple[float, float, float, float]  # xmin, ymin, xmax, ymax


@dataclass(frozen=True)
class ImageInfo:
    """An input image: its id and, when known, its viewing geometry and footprint.

    ``incidence`` is the viewing incidence angle in degrees, signed along the track (forward
    positive, backward negative) when ``azimuth`` (viewing azimuth, degrees) is unknown;
    ``footprint`` is a bbox in the ROI's CRS.
    """

    image_id: str
    incidence: float | None = None
    azimuth: float | None = None
    footprint: Bbox | None = None


@dataclass(frozen=True)
class Check:
    level: str  # "error" or "warning"
    text: str

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def errors(checks: Sequence[Check]) -> list[Check]:
    return [check for check in checks if check.is_error]


def _view_vector(image: ImageInfo) -> tuple[float, float, float]:
    incidence = math.radians(image.incidence or 0.0)
    azimuth = math.radians(image.azimuth or 0.0)
    return (
        math.sin(incidence) * math.sin(azimuth),
        math.sin(incidence) * math.cos(azimuth),
        math.cos(incidence),
    )


def convergence_angle(first: ImageInfo, second: ImageInfo) -> float | None:
    """Angle (degrees) between two viewing directions; None when an incidence is unknown.

    With both azimuths, the angle between the two view vectors; without, the difference of
    the signed along-track incidences.
    """
    if first.incidence is None or second.incidence is None:
        return None
    if first.azimuth is None or second.azimuth is None:
        return abs(first.incidence - second.incidence)
    a, b = _view_vector(first), _view_vector(second)
    dot = max(-1.0, min(1.0, sum(x * y for x, y in zip(a, b))))
    return math.degrees(math.acos(dot))


def check_job(
    images: Sequence[ImageInfo],
    roi: Bbox | None,
    *,
    credit: float | None = None,
    cost: float | None = None,
) -> list[Check]:
    """Every problem found with a job's inputs (empty: good to go)."""
    found: list[Check] = []
    ids = [image.image_id.strip() for image in images]
    if any(not image_id for image_id in ids):
        found.append(Check("error", tr("Input images: an image id is empty")))
    if not MIN_IMAGES <= len(images) <= MAX_IMAGES:
        found.append(
            Check(
                "error",
                tr("Input images: 2 or 3 stereo images expected, {count} given").format(
                    count=len(images)
                ),
            )
        )
    duplicates = sorted({i for i in ids if i and ids.count(i) > 1})
    if duplicates:
        found.append(
            Check(
                "error",
                tr("Input images: {ids} given more than once; each image must be distinct").format(
                    ids=", ".join(duplicates)
                ),
            )
        )
    found.extend(_convergence_checks(images))
    found.extend(_roi_checks(images, roi))
    if cost is not None and credit is not None and cost > credit:
        found.append(
            Check(
                "error",
                tr(
                    "Credit: the estimated cost ({cost:.0f} CPU s) exceeds your remaining credit "
                    "({credit:.0f} CPU s); reduce the region of interest or raise the "
                    "resolution factor"
                ).format(cost=cost, credit=credit),
            )
        )
    return found


def _convergence_checks(images: Sequence[ImageInfo]) -> list[Check]:
    angles = [(a.image_id, b.image_id, convergence_angle(a, b)) for a, b in combinations(images, 2)]
    known = [(a, b, angle) for a, b, angle in angles if angle is not None]
    if not known:
        return []
    first, second, widest = max(known, key=lambda item: item[2])
    if widest >= MAX_CONVERGENCE:
        return [
            Check(
                "error",
                tr(
                    "Stereo geometry: the convergence angle between {a} and {b} is {angle:.1f}°; "
                    "it must be below {limit:.0f}° (5–15° is ideal)"
                ).format(a=first, b=second, angle=widest, limit=MAX_CONVERGENCE),
            )
        ]
    low, high = IDEAL_CONVERGENCE
    if widest < low or widest > high:
        return [
            Check(
                "warning",
                tr(
                    "Stereo geometry: the convergence angle is {angle:.1f}°, outside the ideal "
                    "{low:.0f}–{high:.0f}° (heights will be less precise)"
                ).format(angle=widest, low=low, high=high),
            )
        ]
    return []


def _roi_checks(images: Sequence[ImageInfo], roi: Bbox | None) -> list[Check]:
    if roi is None:
        return []
    xmin, ymin, xmax, ymax = roi
    if not (xmin < xmax and ymin < ymax):
        return [
            Check(
                "error",
                tr("Region of interest: an extent with xmin < xmax and ymin < ymax expected"),
            )
        ]
    outside = [
        image.image_id
        for image in images
        if image.footprint is not None
        and not (
            image.footprint[0] <= xmin
            and image.footprint[1] <= ymin
            and xmax <= image.footprint[2]
            and ymax <= image.footprint[3]
        )
    ]
    if outside:
        return [
            Check(
                "error",
                tr(
                    "Region of interest: not inside the footprint of {ids}; draw it where all "
                    "the images overlap"
                ).format(ids=", ".join(outside)),
            )
        ]
    return []
