"""DSM-OPT input images taken from catalogue results (DINAMIS/Theia items).

An item gives its id, its viewing geometry when the catalogue publishes it (STAC ``view``
extension: ``view:incidence_angle``, ``view:azimuth``; DINAMIS-like ``incidence_angle``) and
its footprint (bbox, EPSG:4326), so that the client-side checks (convergence angle, region of
interest inside the images) can run before a job is sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

_INCIDENCE_KEYS = ("view:incidence_angle", "incidence_angle", "view:off_nadir")
_AZIMUTH_KEYS = ("view:azimuth", "azimuth_angle")


@dataclass(frozen=True)
class CatalogueImage:
    image_id: str
    incidence: float | None
    azimuth: float | None
    footprint_wgs84: tuple[float, float, float, float] | None


def _number(properties: Mapping[str, Any], keys: Iterable[str]) -> float | None:
    for key in keys:
        value = properties.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    return None


def images_from_items(items: Iterable[Any]) -> list[CatalogueImage]:
    """The images of catalogue items (:class:`~theia_plugin.core.catalogue.model.CatalogueItem`)
    in the given order, each id once."""
    images: list[CatalogueImage] = []
    for item in items:
        if any(image.image_id == item.id for image in images):
            continue
        properties = item.properties or {}
        bbox = tuple(item.bbox[:4]) if item.bbox and len(item.bbox) >= 4 else None
        images.append(
            CatalogueImage(
                item.id,
                _number(properties, _INCIDENCE_KEYS),
                _number(properties, _AZIMUTH_KEYS),
                bbox,  # type: ignore[arg-type]
            )
        )
    return images
