"""Search requests and catalogue items, independent of any server dialect.

:class:`SearchRequest` is what the dock, the Processing algorithm and saved searches build;
backends (:mod:`.stac_backend`, :mod:`.geodes_backend`) translate it. :class:`CatalogueItem` is
what they return, parsed from STAC item dicts (:meth:`CatalogueItem.from_stac`) or GEODES item
dicts (:meth:`CatalogueItem.from_geodes`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from typing import Any, Union

from theia_plugin.core.i18n import tr

__all__ = [
    "FILTER_OPERATORS",
    "Asset",
    "CatalogueItem",
    "SearchRequest",
    "SortOrder",
    "parse_datetime",
]

#: Operators accepted in :attr:`SearchRequest.filters`.
FILTER_OPERATORS = ("=", "!=", "<", "<=", ">", ">=", "in", "like")
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000

DateLike = Union[date, datetime, str, None]


def parse_datetime(value: Any, *, end: bool = False) -> datetime | None:
    """A timezone-aware UTC datetime from a datetime, a date or an ISO 8601 string.

    A date (or a date-only string) means its first instant, or its last one when ``end`` is
    true. Naive datetimes are taken as UTC. Raises ``ValueError`` on anything else.
    """
    if value is None or value == "" or value == "..":
        return None
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10:
            value = date.fromisoformat(text)
        else:
            if text.endswith(("Z", "z")):
                text = text[:-1] + "+00:00"
            # Python 3.9's fromisoformat wants 0, 3 or 6 fraction digits
            if "." in text:
                head, _, rest = text.partition(".")
                digits = len(rest) - len(rest.lstrip("0123456789"))
                frac, tail = rest[:digits], rest[digits:]
                text = f"{head}.{(frac + '000000')[:6]}{tail}"
            value = datetime.fromisoformat(text)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)
    if isinstance(value, date):
        moment = time(23, 59, 59, 999999) if end else time(0, 0)
        return datetime.combine(value, moment, tzinfo=timezone.utc)
    raise ValueError(value)


def _opt_datetime(value: Any) -> datetime | None:
    try:
        return parse_datetime(value)
    except (TypeError, ValueError):
        return None


def format_datetime(value: datetime) -> str:
    """RFC 3339 UTC text (``2021-06-01T00:00:00Z``; fraction kept when non-zero)."""
    value = value.astimezone(timezone.utc)
    if value.microsecond:
        return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class SortOrder:
    """Sort on ``field`` (a STAC property name, e.g. ``datetime``)."""

    field: str = "datetime"
    ascending: bool = False


@dataclass(frozen=True)
class SearchRequest:
    """What the user asks a catalogue. Immutable, validated on construction.

    Attributes:
        keywords: free text ("" for none); every word must match.
        bbox: (west, south, east, north) in EPSG:4326, or None.
        start, end: interval ends (timezone-aware UTC datetimes; either may be None = open).
            Dates and ISO strings are accepted and converted (an end date means its last
            instant).
        collections: collection ids asked explicitly.
        themes: CES theme ids (see :mod:`.themes`), expanded by the backends.
        max_cloud_cover: highest ``eo:cloud_cover`` (0–100), or None.
        filters: extra queryables, name → (operator, value); operators in
            :data:`FILTER_OPERATORS`.
        sort: sort order (default: newest first).
        page_size: items per page.
        intersects: a GeoJSON geometry in EPSG:4326 (a drawn polygon, a layer's outline)
            the items must intersect; not together with ``bbox``.
    """

    keywords: str = ""
    bbox: tuple[float, float, float, float] | None = None
    start: datetime | None = None
    end: datetime | None = None
    collections: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    max_cloud_cover: float | None = None
    filters: Mapping[str, tuple[str, Any]] = field(default_factory=dict)
    sort: SortOrder = field(default_factory=SortOrder)
    page_size: int = DEFAULT_PAGE_SIZE
    intersects: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "keywords", " ".join(str(self.keywords or "").split()))
        set_(self, "bbox", _validate_bbox(self.bbox))
        set_(self, "intersects", _validate_geometry(self.intersects))
        if self.bbox is not None and self.intersects is not None:
            raise ValueError(tr("Search with a bounding box or a geometry, not both"))
        set_(self, "start", _validate_date(self.start, "start", end=False))
        set_(self, "end", _validate_date(self.end, "end", end=True))
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(
                tr("The start date ({start}) is after the end date ({end})").format(
                    start=format_datetime(self.start), end=format_datetime(self.end)
                )
            )
        set_(self, "collections", _ids(self.collections))
        set_(self, "themes", _ids(self.themes))
        if self.max_cloud_cover is not None:
            try:
                cloud = float(self.max_cloud_cover)
            except (TypeError, ValueError):
                cloud = math.nan
            if not 0 <= cloud <= 100:
                raise ValueError(
                    tr("The maximum cloud cover must be between 0 and 100 %, not {value}").format(
                        value=self.max_cloud_cover
                    )
                )
            set_(self, "max_cloud_cover", cloud)
        set_(self, "filters", _validate_filters(self.filters))
        if isinstance(self.sort, (tuple, list)):
            set_(self, "sort", SortOrder(str(self.sort[0]), bool(self.sort[1])))
        if not isinstance(self.sort, SortOrder) or not self.sort.field:
            raise ValueError(tr("The sort order needs a field name"))
        if (
            isinstance(self.page_size, bool)
            or not isinstance(self.page_size, int)
            or not 1 <= self.page_size <= MAX_PAGE_SIZE
        ):
            raise ValueError(
                tr("The page size must be a whole number from 1 to {maximum}, not {value}").format(
                    maximum=MAX_PAGE_SIZE, value=self.page_size
                )
            )

    def __hash__(self) -> int:
        # equal requests hash equal whatever the order of their filters
        return hash(json.dumps(self.to_dict(), sort_keys=True, default=repr))

    @property
    def keyword_terms(self) -> list[str]:
        """The keywords as lower-case words."""
        return self.keywords.lower().split()

    # --- saved searches -----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict; :meth:`from_dict` rebuilds an equal request."""
        return {
            "keywords": self.keywords,
            "bbox": list(self.bbox) if self.bbox is not None else None,
            "start": format_datetime(self.start) if self.start else None,
            "end": format_datetime(self.end) if self.end else None,
            "collections": list(self.collections),
            "themes": list(self.themes),
            "max_cloud_cover": self.max_cloud_cover,
            "filters": {name: [op, value] for name, (op, value) in self.filters.items()},
            "sort": {"field": self.sort.field, "ascending": self.sort.ascending},
            "page_size": self.page_size,
            "intersects": self.intersects,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SearchRequest:
        """The request saved by :meth:`to_dict` (missing keys take their default)."""
        if not isinstance(data, Mapping):
            raise ValueError(tr("A saved search must be a JSON object"))
        known = {
            "keywords",
            "bbox",
            "start",
            "end",
            "collections",
            "themes",
            "max_cloud_cover",
            "filters",
            "sort",
            "page_size",
            "intersects",
        }
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(
                tr("Unknown fields in the saved search: {names}").format(names=", ".join(unknown))
            )
        kwargs: dict[str, Any] = {k: data[k] for k in known & set(data) if k != "sort"}
        if kwargs.get("bbox") is not None:
            kwargs["bbox"] = tuple(kwargs["bbox"])
        if "filters" in kwargs:
            kwargs["filters"] = {
                name: tuple(spec) for name, spec in (kwargs["filters"] or {}).items()
            }
        for key in ("collections", "themes"):
            if key in kwargs:
                kwargs[key] = tuple(kwargs[key] or ())
        sort = data.get("sort")
        if sort is not None:
            kwargs["sort"] = SortOrder(
                str(sort.get("field", "datetime")), bool(sort.get("ascending", False))
            )
        return cls(**kwargs)


def _ids(values: Any) -> tuple[str, ...]:
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for value in values or ():
        text = str(value).strip()
        if text and text not in out:
            out.append(text)
    return tuple(out)


def _validate_bbox(bbox: Any) -> tuple[float, float, float, float] | None:
    if bbox is None:
        return None
    try:
        west, south, east, north = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise ValueError(
            tr("The bounding box must be four numbers: west, south, east, north")
        ) from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ValueError(tr("The bounding box must be four numbers: west, south, east, north"))
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ValueError(
            tr("Bounding box longitudes must be between -180 and 180 (west {west}, east {east})")
            .format(west=west, east=east)
        )  # fmt: skip
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise ValueError(
            tr("Bounding box latitudes must be between -90 and 90 (south {south}, north {north})")
            .format(south=south, north=north)
        )  # fmt: skip
    if west >= east:
        raise ValueError(
            tr("The bounding box west ({west}) must be less than its east ({east})").format(
                west=west, east=east
            )
        )
    if south >= north:
        raise ValueError(
            tr("The bounding box south ({south}) must be less than its north ({north})").format(
                south=south, north=north
            )
        )
    return (west, south, east, north)


_GEOMETRY_TYPES = (
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
)


def _validate_geometry(geometry: Any) -> dict[str, Any] | None:
    if geometry is None:
        return None
    if (
        not isinstance(geometry, Mapping)
        or geometry.get("type") not in _GEOMETRY_TYPES
        or not isinstance(geometry.get("coordinates"), (list, tuple))
        or not geometry["coordinates"]
    ):
        raise ValueError(
            tr("The search geometry must be a GeoJSON {types} with coordinates").format(
                types="/".join(_GEOMETRY_TYPES)
            )
        )
    # a plain JSON copy: saved searches round-trip it exactly
    return json.loads(
        json.dumps({"type": geometry["type"], "coordinates": geometry["coordinates"]})
    )


def _validate_date(value: Any, which: str, *, end: bool) -> datetime | None:
    try:
        return parse_datetime(value, end=end)
    except (TypeError, ValueError):
        pass
    if which == "start":
        message = tr("The start date “{value}” is not a date (expected e.g. 2021-06-30)")
    else:
        message = tr("The end date “{value}” is not a date (expected e.g. 2021-06-30)")
    raise ValueError(message.format(value=value))


def _validate_filters(filters: Any) -> dict[str, tuple[str, Any]]:
    out: dict[str, tuple[str, Any]] = {}
    for name, spec in dict(filters or {}).items():
        try:
            op, value = spec
        except (TypeError, ValueError):
            op, value = None, None
        op = str(op).lower() if op is not None else ""
        if op == "==":
            op = "="
        if not name or op not in FILTER_OPERATORS:
            raise ValueError(
                tr("The filter on “{name}” must be (operator, value) with an operator among {ops}")
                .format(name=name, ops=" ".join(FILTER_OPERATORS))
            )  # fmt: skip
        if isinstance(value, list):
            value = tuple(value)
        if op == "in" and not isinstance(value, tuple):
            value = (value,)
        out[str(name)] = (op, value)
    return out


# --- items ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Asset:
    """A file of an item."""

    href: str
    type: str = ""
    title: str = ""
    roles: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Asset:
        known = ("href", "type", "title", "roles")
        roles = data.get("roles") or ()
        if isinstance(roles, str):
            roles = (roles,)
        return cls(
            href=str(data.get("href") or ""),
            type=str(data.get("type") or ""),
            title=str(data.get("title") or ""),
            roles=tuple(str(r) for r in roles),
            extra={k: v for k, v in data.items() if k not in known},
        )


_THUMBNAIL_ROLES = ("thumbnail", "overview", "visual")
_THUMBNAIL_KEYS = ("thumbnail", "ql", "QL", "quicklook", "overview")


@dataclass(frozen=True)
class CatalogueItem:
    """One search result (a STAC or GEODES item), in a server-independent form.

    ``datetime`` is the nominal acquisition instant; range items (``datetime: null`` with
    ``start_datetime``/``end_datetime``) have ``datetime`` None and ``start``/``end`` set.
    Instant items have ``start == end == datetime`` unless the item says otherwise.
    """

    id: str
    collection: str = ""
    title: str = ""
    datetime: datetime | None = None
    start: datetime | None = None
    end: datetime | None = None
    bbox: tuple[float, ...] | None = None
    geometry: dict[str, Any] | None = None
    cloud_cover: float | None = None
    properties: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    assets: dict[str, Asset] = field(default_factory=dict, compare=False, repr=False)
    thumbnail: str = ""
    links: tuple[dict[str, Any], ...] = field(default=(), compare=False, repr=False)
    self_href: str = ""
    source: str = "stac"

    @property
    def sort_datetime(self) -> datetime | None:
        """The instant used to order results: datetime, else start, else end."""
        return self.datetime or self.start or self.end

    def overlaps(self, start: datetime | None, end: datetime | None) -> bool:
        """True when the item's time (instant or range) meets [start, end]."""
        first = self.start or self.datetime or self.end
        last = self.end or self.datetime or self.start
        if first is None:
            return True
        return (end is None or first <= end) and (start is None or last >= start)

    def text_matches(self, terms: Sequence[str]) -> bool:
        """True when every term is in the title, description, keywords or id (any case)."""
        props = self.properties
        keywords = props.get("keywords") or []
        if isinstance(keywords, str):
            keywords = [keywords]
        haystack = " ".join(
            [self.id, self.title, str(props.get("description") or ""), *map(str, keywords)]
        ).lower()
        return all(term.lower() in haystack for term in terms)

    # --- parsers ------------------------------------------------------------------------------

    @classmethod
    def from_stac(cls, data: Mapping[str, Any]) -> CatalogueItem:
        """Parse a STAC item dict (1.0/1.1; ``datetime`` may be null or missing)."""
        if not isinstance(data, Mapping) or not data.get("id"):
            raise ValueError(tr("Not a STAC item: an object with an “id” was expected"))
        props = dict(data.get("properties") or {})
        instant = _opt_datetime(props.get("datetime"))
        start = _opt_datetime(props.get("start_datetime")) or instant
        end = _opt_datetime(props.get("end_datetime")) or instant
        return cls._build(data, props, instant, start, end, "stac")

    @classmethod
    def from_geodes(cls, data: Mapping[str, Any]) -> CatalogueItem:
        """Parse a GEODES item dict.

        GEODES' ``datetime`` is the publication time: the acquisition is ``start_datetime``
        (``end_datetime``), so ``datetime`` is the start of acquisition here.
        """
        if not isinstance(data, Mapping) or not data.get("id"):
            raise ValueError(tr("Not a GEODES item: an object with an “id” was expected"))
        props = dict(data.get("properties") or {})
        start = _opt_datetime(props.get("start_datetime"))
        end = _opt_datetime(props.get("end_datetime"))
        published = _opt_datetime(props.get("datetime"))
        instant = start or published
        start = start or instant
        end = end or start
        item = cls._build(data, props, instant, start, end, "geodes")
        if not item.collection and props.get("dataset"):
            object.__setattr__(item, "collection", str(props["dataset"]))
        if not item.title and props.get("identifier"):
            object.__setattr__(item, "title", str(props["identifier"]))
        return item

    @classmethod
    def _build(
        cls,
        data: Mapping[str, Any],
        props: dict[str, Any],
        instant: datetime | None,
        start: datetime | None,
        end: datetime | None,
        source: str,
    ) -> CatalogueItem:
        assets = {
            str(key): Asset.from_dict(value)
            for key, value in (data.get("assets") or {}).items()
            if isinstance(value, Mapping)
        }
        links = tuple(dict(link) for link in data.get("links") or () if isinstance(link, Mapping))
        self_href = next(
            (str(link.get("href", "")) for link in links if link.get("rel") == "self"), ""
        )
        bbox = data.get("bbox")
        try:
            bbox_tuple = tuple(float(v) for v in bbox) if bbox else None
        except (TypeError, ValueError):
            bbox_tuple = None
        cloud = props.get("eo:cloud_cover")
        try:
            cloud_cover = float(cloud) if cloud is not None else None
        except (TypeError, ValueError):
            cloud_cover = None
        geometry = data.get("geometry")
        return cls(
            id=str(data["id"]),
            collection=str(data.get("collection") or ""),
            title=str(props.get("title") or ""),
            datetime=instant,
            start=start,
            end=end,
            bbox=bbox_tuple,
            geometry=dict(geometry) if isinstance(geometry, Mapping) else None,
            cloud_cover=cloud_cover,
            properties=props,
            assets=assets,
            thumbnail=_thumbnail(assets, links),
            links=links,
            self_href=self_href,
            source=source,
        )


def _thumbnail(assets: Mapping[str, Asset], links: Sequence[Mapping[str, Any]]) -> str:
    for role in _THUMBNAIL_ROLES:
        for asset in assets.values():
            if role in asset.roles and asset.href:
                return asset.href
    for key in _THUMBNAIL_KEYS:
        if key in assets and assets[key].href:
            return assets[key].href
    for link in links:
        if link.get("rel") in ("thumbnail", "preview") and link.get("href"):
            return str(link["href"])
    return ""
