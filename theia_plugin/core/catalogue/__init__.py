"""Catalogue search: the search model, CES themes and the STAC / GEODES backends (Qt-free).

- :mod:`.model`: :class:`SearchRequest` (validated, saved as a dict) and
  :class:`CatalogueItem` (parsed from STAC or GEODES items);
- :mod:`.themes`: the CES theme tree shipped in ``resources/data/ces-themes.json``;
- :mod:`.stac_backend`: :class:`StacCatalogue` (MTD STAC, any STAC API);
- :mod:`.geodes_backend`: :class:`GeodesCatalogue` (CNES GEODES);
- :mod:`.connections`: built-in and user catalogue connections, and the backend each opens;
- :mod:`.session`: one search paged on demand from successive background tasks;
- :mod:`.layers`: asset → layer spec (signed ``/vsicurl/`` COG, XYZ, WMS/WMTS, ``/vsizip/``).
"""

from .model import Asset, CatalogueItem, SearchRequest, SortOrder
from .themes import Theme, ThemeTree, load_themes

__all__ = [
    "Asset",
    "CatalogueItem",
    "SearchRequest",
    "SortOrder",
    "Theme",
    "ThemeTree",
    "load_themes",
]
