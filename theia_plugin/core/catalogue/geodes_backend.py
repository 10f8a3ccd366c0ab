"""Search CNES GEODES (``POST /api/stac/search``) with a :class:`~.model.SearchRequest`.

GEODES speaks its own STAC dialect: a JSON body with ``page``/``limit`` (at most 80),
``query`` operators (``eq, neq, in, contains, lte, gte``) on ``dataset``, ``start_datetime``,
``end_datetime``, ``eo:cloud_cover``, ``grid:code``…, ``sortBy`` with directions ``asc``/``dsc``,
``bbox`` or ``intersects`` and ``collections``. Pages are numbered; the total is in
``context.matched``. Items are parsed with :meth:`~.model.CatalogueItem.from_geodes`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from theia_plugin.core.i18n import tr
from theia_plugin.net import CancelledError, HttpClient, InvalidResponseError
from theia_plugin.net.base import Feedback

from .model import CatalogueItem, SearchRequest, format_datetime
from .session import FinalPage
from .stac_backend import _canceled, _compare
from .themes import ThemeTree, load_themes

__all__ = ["MAX_LIMIT", "GeodesCatalogue", "GeodesPage"]

#: Largest page GEODES serves.
MAX_LIMIT = 80
DEFAULT_URL = "https://geodes-portal.cnes.fr/api/stac"

_OPS = {"=": "eq", "!=": "neq", "in": "in", "<=": "lte", ">=": "gte", "<": "lte", ">": "gte"}
#: request field → GEODES field
_FIELDS = {"datetime": "start_datetime", "s2:mgrs_tile": "grid:code"}


class GeodesPage:
    """One parsed page of GEODES results."""

    def __init__(self, items: list[CatalogueItem], matched: int | None, returned: int) -> None:
        self.items = items
        self.matched = matched
        self.returned = returned


class GeodesCatalogue:
    """The CNES GEODES catalogue.

    Args:
        url: the STAC root of GEODES (``…/api/stac``); search is ``{url}/search``.
        client: the HTTP client (searching is anonymous; downloads need ``X-API-Key``).
        themes: the CES theme tree (default: the shipped one).
    """

    catalogue = "geodes"

    def __init__(
        self,
        url: str = DEFAULT_URL,
        client: HttpClient | None = None,
        *,
        themes: ThemeTree | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self.client = client
        self.themes: ThemeTree | None = themes
        self._collections: list[dict[str, Any]] | None = None

    # --- request --------------------------------------------------------------------------------

    def body(
        self,
        request: SearchRequest,
        page: int = 1,
        discovered: Sequence[Mapping[str, Any]] = (),
    ) -> dict[str, Any] | None:
        """The POST body of page ``page`` (None: the themes select no collection).

        ``discovered`` are collection dicts of the server, classified into the request's themes.
        """
        body: dict[str, Any] = {"page": page, "limit": min(request.page_size, MAX_LIMIT)}
        collections = list(request.collections)
        if request.themes:
            tree = self.themes or load_themes()
            for cid in tree.collections_matching(request.themes, self.catalogue, discovered):
                if cid not in collections:
                    collections.append(cid)
            if not collections:
                return None
        query: dict[str, dict[str, Any]] = {}
        if collections:
            body["collections"] = collections
        if request.bbox is not None:
            body["bbox"] = list(request.bbox)
        if request.intersects is not None:
            body["intersects"] = request.intersects
        # range overlap: the product ends after the start and starts before the end
        if request.start is not None:
            query.setdefault("end_datetime", {})["gte"] = format_datetime(request.start)
        if request.end is not None:
            query.setdefault("start_datetime", {})["lte"] = format_datetime(request.end)
        if request.max_cloud_cover is not None:
            query.setdefault("eo:cloud_cover", {})["lte"] = request.max_cloud_cover
        for name, (op, value) in request.filters.items():
            field = _FIELDS.get(name, name)
            if name == "s2:mgrs_tile":
                value = _tile_code(value)
            if op == "like":
                query.setdefault(field, {})["contains"] = str(value).strip("%")
            else:
                query.setdefault(field, {})[_OPS[op]] = (
                    list(value) if isinstance(value, tuple) else value
                )
        if query:
            body["query"] = query
        field = _FIELDS.get(request.sort.field, request.sort.field)
        direction = "asc" if request.sort.ascending else "dsc"
        body["sortBy"] = [{"field": field, "direction": direction}]
        return body

    @staticmethod
    def parse_page(response: Any) -> GeodesPage:
        """Items and counts of a GEODES search response."""
        if not isinstance(response, Mapping) or not isinstance(response.get("features"), list):
            raise InvalidResponseError(
                tr("GEODES sent a search response without a “features” list")
            )
        items = [
            CatalogueItem.from_geodes(f) for f in response["features"] if isinstance(f, Mapping)
        ]
        context = response.get("context") or {}
        matched = context.get("matched") if isinstance(context, Mapping) else None
        returned = context.get("returned", len(items)) if isinstance(context, Mapping) else 0
        return GeodesPage(
            items, matched if isinstance(matched, int) else None, int(returned or len(items))
        )

    # --- network -------------------------------------------------------------------------------

    def collections(self, feedback: Feedback | None = None) -> list[dict[str, Any]]:
        """The GEODES collections (``POST {url}/collections``; cached)."""
        if self._collections is None:
            response = self._http().post_json(self.url + "/collections", {}, feedback=feedback)
            found = response.get("collections") if isinstance(response, Mapping) else None
            self._collections = [c for c in found or () if isinstance(c, dict)]
        return list(self._collections)

    def search(
        self,
        request: SearchRequest,
        feedback: Feedback | None = None,
        discovered: Sequence[Mapping[str, Any]] = (),
    ) -> Iterator[list[CatalogueItem]]:
        """Pages of results, by page number until a short page or ``context.matched``."""
        client = self._http()
        page_number = 1
        seen = 0
        while True:
            body = self.body(request, page_number, discovered)
            if body is None:
                return
            response = client.post_json(
                self.url + "/search", body, feedback=feedback, idempotent=True
            )
            page = self.parse_page(response)
            seen += len(page.items)
            items = [item for item in page.items if _accepts(item, request)]
            done = (
                not page.items
                or len(page.items) < body["limit"]
                or (page.matched is not None and seen >= page.matched)
            )
            if items:
                yield FinalPage(items) if done else items
            if _canceled(feedback):
                raise CancelledError()
            if done:
                return
            page_number += 1

    def _http(self) -> HttpClient:
        if self.client is None:
            from theia_plugin.net import create_client

            self.client = create_client()
        return self.client


def _tile_code(value: Any) -> Any:
    def one(tile: Any) -> str:
        text = str(tile).upper()
        return text if text.startswith("T") else "T" + text

    if isinstance(value, (list, tuple)):
        return [one(v) for v in value]
    return one(value)


def _accepts(item: CatalogueItem, request: SearchRequest) -> bool:
    """What GEODES cannot do itself: keywords, strict comparisons."""
    if request.keyword_terms:
        identifier = str(item.properties.get("identifier") or "")
        if not all(
            item.text_matches([t]) or t in identifier.lower() for t in request.keyword_terms
        ):
            return False
    for name, (op, value) in request.filters.items():
        strict = op in ("<", ">") and name in item.properties
        if strict and not _compare(item.properties.get(name), op, value):
            return False
    return True
