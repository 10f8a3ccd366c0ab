"""Search any STAC API (the MTD catalogue first) with a :class:`~.model.SearchRequest`.

The request is translated according to what the server declares in its conformance classes
(read once):

- collections: the explicit ones ∪ those of the CES themes (known ids of the ``mtd`` catalogue
  present on the server, plus the server's collections classified into the themes);
- ``bbox``; ``datetime`` as ``start/end`` with ``..`` for an open end (items with only
  ``start_datetime``/``end_datetime`` are matched by overlap on the server side);
- keywords: ``q`` when item search supports free text; else a CQL2 ``filter`` matching item
  title/description/id or the collections whose metadata contain the words; else client-side
  matching on the same fields;
- cloud cover: ``query`` ``{"eo:cloud_cover": {"lte": x}}``, else CQL2, else client-side;
- extra queryables: CQL2-JSON ``filter``, else ``query``, else client-side;
- sort: ``sortby`` (else each page is sorted client-side).

Paging follows the ``next`` links (keyset tokens), never a total count.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from pystac_client.item_search import ItemSearch
from pystac_client.warnings import DoesNotConformTo

from theia_plugin.core.i18n import tr
from theia_plugin.net import CancelledError, HttpClient, NotFoundError
from theia_plugin.net.base import Feedback
from theia_plugin.net.stac_io import open_stac_api

from .model import CatalogueItem, SearchRequest, format_datetime
from .themes import ThemeTree, collection_text, load_themes, normalize

__all__ = ["Capabilities", "StacCatalogue"]

#: conformance URI endings (any STAC API version)
_ITEM_SEARCH = "/item-search"
_QUERY = "/item-search#query"
_FILTER = "/item-search#filter"
_SORT = "/item-search#sort"
_FREE_TEXT = ("/item-search#free-text", "/ogcapi-features#free-text")
_CQL2_JSON = "/cql2-json"

_QUERY_OPS = {"=": "eq", "!=": "neq", "<": "lt", "<=": "lte", ">": "gt", ">=": "gte", "in": "in"}
_CQL2_OPS = {"!=": "<>"}


class Capabilities:
    """What a STAC API supports, from its conformance classes."""

    def __init__(self, conforms_to: Sequence[str]) -> None:
        self.uris = tuple(conforms_to)

        def has(*endings: str) -> bool:
            return any(uri.endswith(e) for uri in self.uris for e in endings)

        self.item_search = has(_ITEM_SEARCH)
        self.query = has(_QUERY)
        self.filter = has(_FILTER)
        self.cql2_json = has(_CQL2_JSON) or self.filter
        self.sort = has(_SORT)
        self.free_text = has(*_FREE_TEXT)

    def __repr__(self) -> str:
        flags = ("item_search", "query", "filter", "sort", "free_text")
        return "Capabilities(" + ", ".join(f for f in flags if getattr(self, f)) + ")"


class _Search(ItemSearch):
    """pystac-client's ItemSearch with extra parameters (``q``)."""

    def __init__(self, *args: Any, extra: Mapping[str, Any] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._extra = dict(extra or {})

    def get_parameters(self) -> dict[str, Any]:
        params = dict(super().get_parameters())
        params.update(self._extra)
        return params


class StacCatalogue:
    """A STAC API searched through the plugin's HTTP layer.

    Args:
        url: the API root (landing page).
        client: the HTTP client (proxy, auth, timeouts).
        catalogue: the key of the CES themes file for this server's collection ids
            (``"mtd"``).
        themes: the CES theme tree (default: the shipped one).
    """

    def __init__(
        self,
        url: str,
        client: HttpClient,
        *,
        catalogue: str = "mtd",
        themes: ThemeTree | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self.client = client
        self.catalogue = catalogue
        self.themes = themes
        self._api: Any = None
        self._capabilities: Capabilities | None = None
        self._collections: list[dict[str, Any]] | None = None
        self._queryables: dict[str, dict[str, dict[str, Any]]] = {}

    # --- server --------------------------------------------------------------------------------

    def _open(self, feedback: Feedback | None = None) -> Any:
        if self._api is None:
            self._api = open_stac_api(self.url, self.client, feedback=feedback)
        self._api._stac_io.feedback = feedback
        return self._api

    def capabilities(self, feedback: Feedback | None = None) -> Capabilities:
        """The server's conformance (read once: landing page, else ``/conformance``)."""
        if self._capabilities is None:
            api = self._open(feedback)
            uris = api.get_conforms_to()
            if not uris:
                body = self.client.get_json(self.url + "/conformance", feedback=feedback)
                uris = list(body.get("conformsTo") or []) if isinstance(body, dict) else []
            self._capabilities = Capabilities(uris)
        return self._capabilities

    def collections(self, feedback: Feedback | None = None) -> list[dict[str, Any]]:
        """The server's collections as dicts (every page of ``/collections``; cached)."""
        if self._collections is None:
            api = self._open(feedback)
            link = api.get_single_link("data")
            href = link.absolute_href if link is not None else self.url + "/collections"
            out: list[dict[str, Any]] = []
            for page in api._stac_io.get_pages(href):
                out += [c for c in page.get("collections") or () if isinstance(c, dict)]
                if _canceled(feedback):
                    raise CancelledError()
            self._collections = out
        return list(self._collections)

    def queryables(
        self, collection_ids: Sequence[str] = (), feedback: Feedback | None = None
    ) -> dict[str, dict[str, Any]]:
        """Properties the server can filter on (name → JSON schema), for building filters.

        The union over the collections' ``queryables`` documents (the server-wide one when no
        collection is given); ``geometry`` is left out (use bbox/intersects). A collection
        without queryables (404) contributes nothing.
        """
        links = {
            str(c.get("id")): c.get("links") or ()
            for c in (self.collections(feedback) if collection_ids else ())
        }
        hrefs = []
        for cid in collection_ids:
            href = next(
                (
                    str(link.get("href"))
                    for link in links.get(cid, ())
                    if str(link.get("rel", "")).endswith("queryables") and link.get("href")
                ),
                f"{self.url}/collections/{cid}/queryables",
            )
            hrefs.append(href)
        if not collection_ids:
            hrefs.append(self.url + "/queryables")
        out: dict[str, dict[str, Any]] = {}
        for href in hrefs:
            if href not in self._queryables:
                try:
                    body = self.client.get_json(href, feedback=feedback)
                except NotFoundError:
                    body = {}
                props = body.get("properties") if isinstance(body, dict) else None
                self._queryables[href] = {
                    str(k): dict(v)
                    for k, v in (props or {}).items()
                    if isinstance(v, dict) and k != "geometry"
                }
            for name, schema in self._queryables[href].items():
                out.setdefault(name, schema)
        return out

    def _theme_tree(self) -> ThemeTree:
        return self.themes or load_themes()

    # --- search --------------------------------------------------------------------------------

    def search(
        self, request: SearchRequest, feedback: Feedback | None = None
    ) -> Iterator[list[CatalogueItem]]:
        """Pages of results (lists of items), following the server's ``next`` links.

        Network failures raise :class:`~theia_plugin.net.NetworkError` subclasses (with the
        server's text); cancelling ``feedback`` raises :class:`~theia_plugin.net.CancelledError`
        between pages.
        """
        plan = self.plan(request, feedback)
        if plan is None:
            return
        if not self.capabilities(feedback).item_search:
            raise ValueError(
                tr("The STAC API {url} does not support item search").format(url=self.url)
            )
        api = self._open(feedback)
        links = [link for link in api.links if link.rel == "search"]
        methods = {str(link.extra_fields.get("method") or "POST").upper() for link in links}
        # POST unless the server only searches with GET (GET cannot carry a geometry well)
        method = "GET" if methods == {"GET"} and request.intersects is None else "POST"
        href = links[0].absolute_href if links else self.url + "/search"
        with warnings.catch_warnings():
            # conformance was checked here, with any STAC API version (pystac-client: 1.0 only)
            warnings.simplefilter("ignore", DoesNotConformTo)
            search = _Search(
                href,
                method=method,
                client=api,
                limit=request.page_size,
                extra=plan.extra,
                **plan.parameters,
            )
        for page in search.pages_as_dicts():
            if _canceled(feedback):
                raise CancelledError()
            items = [CatalogueItem.from_stac(f) for f in page.get("features") or ()]
            items = [item for item in items if plan.accepts(item)]
            if not plan.server_sorts:
                items.sort(key=lambda i: _sort_key(i, request), reverse=not request.sort.ascending)
            if items:
                yield items

    def plan(self, request: SearchRequest, feedback: Feedback | None = None) -> _Plan | None:
        """How ``request`` is sent to this server (None: nothing can match)."""
        caps = self.capabilities(feedback)
        params: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        plan = _Plan(request)

        collections = list(request.collections)
        if request.themes:
            available = {c.get("id") for c in self.collections(feedback)}
            for cid in self._theme_tree().collections_matching(
                request.themes, self.catalogue, self.collections(feedback)
            ):
                if cid in available and cid not in collections:
                    collections.append(cid)
            if not collections:
                return None
        if collections:
            params["collections"] = collections
        if request.bbox is not None:
            params["bbox"] = list(request.bbox)
        if request.intersects is not None:
            params["intersects"] = request.intersects
        if request.start is not None or request.end is not None:
            params["datetime"] = "/".join(
                format_datetime(d) if d is not None else ".." for d in (request.start, request.end)
            )

        cql: list[dict[str, Any]] = []
        query: dict[str, dict[str, Any]] = {}
        use_cql = caps.filter and caps.cql2_json

        if request.keyword_terms:
            if caps.free_text:
                extra["q"] = request.keywords
            else:
                matching = self._collections_by_term(request.keyword_terms, feedback)
                if use_cql:
                    cql += [_keyword_cql(term, matching[term]) for term in request.keyword_terms]
                else:
                    plan.keyword_collections = matching

        if request.max_cloud_cover is not None:
            if caps.query:
                query["eo:cloud_cover"] = {"lte": request.max_cloud_cover}
            elif use_cql:
                cql.append(_cql("<=", "eo:cloud_cover", request.max_cloud_cover))
            else:
                plan.client_filters["eo:cloud_cover"] = ("<=", request.max_cloud_cover)

        for name, (op, value) in request.filters.items():
            if use_cql:
                cql.append(_cql(op, name, value))
            elif caps.query and op in _QUERY_OPS:
                query.setdefault(name, {})[_QUERY_OPS[op]] = (
                    list(value) if isinstance(value, tuple) else value
                )
            else:
                plan.client_filters[name] = (op, value)

        if query:
            params["query"] = query
        if cql:
            params["filter"] = cql[0] if len(cql) == 1 else {"op": "and", "args": cql}
            params["filter_lang"] = "cql2-json"
        if caps.sort:
            direction = "asc" if request.sort.ascending else "desc"
            params["sortby"] = [{"field": request.sort.field, "direction": direction}]
            plan.server_sorts = True
        plan.parameters = params
        plan.extra = extra
        return plan

    def _collections_by_term(
        self, terms: Sequence[str], feedback: Feedback | None
    ) -> dict[str, list[str]]:
        """For each keyword, the ids of the collections whose metadata contain it."""
        texts = {
            str(c.get("id")): f" {normalize(collection_text(c))} "
            for c in self.collections(feedback)
        }
        out: dict[str, list[str]] = {}
        for term in terms:
            needle = normalize(term)
            out[term] = [cid for cid, text in texts.items() if needle and needle in text]
        return out


class _Plan:
    """A request translated for one server, with what is left to check client-side."""

    def __init__(self, request: SearchRequest) -> None:
        self.request = request
        self.parameters: dict[str, Any] = {}
        self.extra: dict[str, Any] = {}
        self.client_filters: dict[str, tuple[str, Any]] = {}
        self.keyword_collections: dict[str, list[str]] | None = None
        self.server_sorts = False

    def accepts(self, item: CatalogueItem) -> bool:
        if self.keyword_collections is not None:
            for term, collections in self.keyword_collections.items():
                if item.collection not in collections and not item.text_matches([term]):
                    return False
        return all(
            _compare(item.properties.get(name), op, value)
            for name, (op, value) in self.client_filters.items()
        )


def _canceled(feedback: Any) -> bool:
    check = getattr(feedback, "isCanceled", None)
    return bool(check and check())


def _sort_key(item: CatalogueItem, request: SearchRequest) -> tuple[int, Any]:
    field = request.sort.field
    if field in ("datetime", "start_datetime", "end_datetime"):
        value: Any = {
            "datetime": item.sort_datetime,
            "start_datetime": item.start,
            "end_datetime": item.end,
        }[field]
    elif field in ("id", "collection"):
        value = getattr(item, field)
    else:
        value = item.properties.get(field)
    if value is None:
        return (0, "")
    if isinstance(value, datetime):
        return (1, value.timestamp())
    return (1, value) if isinstance(value, (int, float)) else (1, str(value))


def _cql(op: str, name: str, value: Any) -> dict[str, Any]:
    prop = {"property": name}
    if op == "in":
        return {"op": "in", "args": [prop, list(value)]}
    return {"op": _CQL2_OPS.get(op, op), "args": [prop, value]}


def _keyword_cql(term: str, collections: Sequence[str]) -> dict[str, Any]:
    pattern = {"op": "casei", "args": [f"%{term}%"]}
    args: list[dict[str, Any]] = [
        {"op": "like", "args": [{"op": "casei", "args": [{"property": name}]}, pattern]}
        for name in ("title", "description", "id")
    ]
    if collections:
        args.append({"op": "in", "args": [{"property": "collection"}, list(collections)]})
    return {"op": "or", "args": args}


def _compare(actual: Any, op: str, expected: Any) -> bool:
    """Client-side check of one condition (items lacking the property do not match)."""
    if actual is None:
        return False
    try:
        if op == "=":
            return actual == expected
        if op == "!=":
            return actual != expected
        if op == "in":
            return actual in tuple(expected)
        if op == "like":
            import fnmatch

            pattern = str(expected).replace("%", "*").replace("_", "?")
            return fnmatch.fnmatchcase(str(actual).lower(), pattern.lower())
        return {
            "<": actual < expected,
            "<=": actual <= expected,
            ">": actual > expected,
            ">=": actual >= expected,
        }[op]
    except (TypeError, KeyError):
        return False
