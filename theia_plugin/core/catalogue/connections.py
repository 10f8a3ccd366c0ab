"""Catalogue and map-service connections: what they are, where they are kept, how to test them.

A :class:`Connection` is a name, a URL, a kind (``stac``, ``geodes``, ``wms``, ``wmts``) and
optionally the id of a QGIS authentication configuration (only the id: secrets stay in the QGIS
auth database). The built-in connections (Theia MTD STAC, CNES GEODES, Theia maps WMTS) always
exist and cannot be removed or renamed; only their authcfg can be set.

:class:`ConnectionRegistry` keeps the list through a small :class:`ConnectionStorage` (QgsSettings
inside QGIS, :class:`MemoryStorage` in tests). :func:`check_connection` checks that a connection
answers like what it claims to be and returns a :class:`CheckResult` whose message a user can act
on. The catalogue dock's API (:func:`builtin_connections`, :func:`connections_to_json`,
:func:`connections_from_json`, :func:`open_catalogue`) is kept as it was.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, Union
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from theia_plugin.core.i18n import tr
from theia_plugin.net import (
    AuthenticationError,
    CancelledError,
    ConnectionFailedError,
    HttpClient,
    InvalidResponseError,
    NetworkError,
    NotFoundError,
    RequestTimeoutError,
)
from theia_plugin.net.base import Feedback

from .geodes_backend import DEFAULT_URL as GEODES_URL
from .geodes_backend import GeodesCatalogue
from .stac_backend import StacCatalogue

__all__ = [
    "BUILTIN_CONNECTIONS",
    "CATALOGUE_KINDS",
    "GEODES",
    "KINDS",
    "MAPS",
    "MTD",
    "Catalogue",
    "CheckResult",
    "Connection",
    "ConnectionRegistry",
    "ConnectionStorage",
    "MemoryStorage",
    "OwsLayer",
    "builtin_connections",
    "capabilities_url",
    "check_connection",
    "connections_from_json",
    "connections_to_json",
    "fetch_ows_layers",
    "name_for_url",
    "open_catalogue",
]

#: Kinds that can be searched (the catalogue dock), then map services.
CATALOGUE_KINDS = ("stac", "geodes")
KINDS = (*CATALOGUE_KINDS, "wms", "wmts")

MTD_URL = "https://api.stac.teledetection.fr"
MTD_SIGNING_URL = "https://signing.stac.teledetection.fr"
THEIA_MAPS_WMTS_URL = "http://maps.theia-land.fr/mapcache/wmts"

Catalogue = Union[StacCatalogue, GeodesCatalogue]


@dataclass(frozen=True)
class Connection:
    """One connection.

    Attributes:
        name: unique, shown to the user.
        url: STAC API root, GEODES STAC root (``…/api/stac``) or WMS/WMTS service URL.
        kind: one of :data:`KINDS`.
        authcfg: id of a QGIS authentication configuration, or "".
        builtin: shipped with the plugin (cannot be removed, renamed or re-pointed).
        signing_url: STAC only: the URL-signing service of its private assets, or "".
    """

    name: str
    url: str
    kind: str = "stac"
    authcfg: str = ""
    builtin: bool = field(default=False, compare=False)
    signing_url: str = ""

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "name", " ".join(str(self.name or "").split()))
        set_(self, "kind", str(self.kind or "").strip().lower())
        set_(self, "url", str(self.url or "").strip())
        set_(self, "authcfg", str(self.authcfg or "").strip())
        set_(self, "signing_url", str(self.signing_url or "").strip().rstrip("/"))
        if not self.name:
            raise ValueError(tr("A catalogue connection needs a name"))
        if "/" in self.name or "\\" in self.name:
            raise ValueError(
                tr("The connection name “{name}” must not contain “/” or “\\”").format(
                    name=self.name
                )
            )
        if self.kind not in KINDS:
            raise ValueError(
                tr("Unknown catalogue kind “{kind}” (expected one of {kinds})").format(
                    kind=self.kind, kinds=", ".join(KINDS)
                )
            )
        if not _is_http_url(self.url):
            raise ValueError(
                tr("The catalogue URL “{url}” of “{name}” must start with http:// or https://")
                .format(url=self.url, name=self.name)
            )  # fmt: skip
        if self.signing_url and not _is_http_url(self.signing_url):
            raise ValueError(
                tr("The signing service URL “{url}” of “{name}” must start with http:// or "
                   "https://").format(url=self.signing_url, name=self.name)
            )  # fmt: skip
        if self.signing_url and self.kind != "stac":
            raise ValueError(tr("Only STAC connections have a signing service"))

    @property
    def catalogue(self) -> str:
        """The key of the CES themes file for this connection's collection ids."""
        return "geodes" if self.kind == "geodes" else "mtd"

    def to_dict(self) -> dict[str, str]:
        """What storage keeps (never a secret: ``authcfg`` is only an id)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "url": self.url,
            "authcfg": self.authcfg,
            "signing_url": self.signing_url,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Connection:
        return cls(
            name=str(data.get("name") or ""),
            url=str(data.get("url") or ""),
            kind=str(data.get("kind") or "stac"),
            authcfg=str(data.get("authcfg") or ""),
            signing_url=str(data.get("signing_url") or ""),
        )


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


MTD = Connection("Theia MTD (STAC)", MTD_URL, "stac", builtin=True, signing_url=MTD_SIGNING_URL)
GEODES = Connection("CNES GEODES", GEODES_URL, "geodes", builtin=True)
MAPS = Connection("Theia maps (WMTS)", THEIA_MAPS_WMTS_URL, "wmts", builtin=True)
BUILTIN_CONNECTIONS: tuple[Connection, ...] = (MTD, GEODES, MAPS)


def name_for_url(url: str) -> str:
    """A connection name made from a URL (names cannot hold "/": they are settings groups)."""
    parts = urlsplit(url.strip())
    path = " ".join(part for part in parts.path.split("/") if part)
    return " ".join(filter(None, (parts.netloc, path))) or url.strip().replace("/", " ")


def builtin_connections() -> list[Connection]:
    """The built-in catalogues (what the dock searches)."""
    return [MTD, GEODES]


def connections_to_json(connections: Sequence[Connection]) -> str:
    """The user's connections (built-in ones left out) as JSON text."""
    return json.dumps([c.to_dict() for c in connections if not c.builtin])


def connections_from_json(text: str) -> list[Connection]:
    """Connections saved by :func:`connections_to_json`; invalid entries raise ``ValueError``."""
    if not text:
        return []
    try:
        data: Any = json.loads(text)
    except ValueError as error:
        raise ValueError(
            tr("The saved catalogue connections are not valid JSON: {error}").format(error=error)
        ) from None
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise ValueError(tr("The saved catalogue connections must be a list of objects"))
    return [Connection.from_dict(d) for d in data]


def open_catalogue(connection: Connection, client: HttpClient) -> Catalogue:
    """The search backend of a ``stac`` or ``geodes`` connection."""
    if connection.kind not in CATALOGUE_KINDS:
        raise ValueError(
            tr("“{name}” is a {kind} map service, not a catalogue").format(
                name=connection.name, kind=connection.kind.upper()
            )
        )
    if connection.kind == "geodes":
        return GeodesCatalogue(connection.url, client)
    return StacCatalogue(connection.url, client, catalogue=connection.catalogue)


class ConnectionStorage(Protocol):
    """Where connections are kept: a list of :meth:`Connection.to_dict` records."""

    def read(self) -> list[dict[str, str]]: ...

    def write(self, records: Sequence[Mapping[str, str]]) -> None: ...


class MemoryStorage:
    """A :class:`ConnectionStorage` in memory (tests, command line)."""

    def __init__(self, records: Sequence[Mapping[str, str]] = ()) -> None:
        self.records = [dict(r) for r in records]

    def read(self) -> list[dict[str, str]]:
        return [dict(r) for r in self.records]

    def write(self, records: Sequence[Mapping[str, str]]) -> None:
        self.records = [dict(r) for r in records]


class ConnectionRegistry:
    """The built-in connections followed by the user's, persisted in ``storage``.

    A stored record named like a built-in only sets that built-in's authcfg. Records that no
    longer validate (edited by hand) are skipped rather than breaking the whole list.
    """

    def __init__(
        self, storage: ConnectionStorage, builtins: Sequence[Connection] = BUILTIN_CONNECTIONS
    ) -> None:
        self.storage = storage
        self._builtins = {c.name: c for c in builtins}

    def connections(self) -> list[Connection]:
        overrides: dict[str, str] = {}
        users: list[Connection] = []
        for record in self.storage.read():
            name = " ".join(str(record.get("name") or "").split())
            if name in self._builtins:
                overrides[name] = str(record.get("authcfg") or "")
                continue
            try:
                connection = Connection.from_dict(record)
            except ValueError:
                continue
            if all(c.name != connection.name for c in users):
                users.append(connection)
        builtins = [
            replace(c, authcfg=overrides.get(c.name, c.authcfg)) for c in self._builtins.values()
        ]
        return builtins + sorted(users, key=lambda c: c.name.lower())

    def get(self, name: str) -> Connection:
        for connection in self.connections():
            if connection.name == name:
                return connection
        raise KeyError(tr("There is no connection named “{name}”").format(name=name))

    def names(self) -> list[str]:
        return [c.name for c in self.connections()]

    def is_builtin(self, name: str) -> bool:
        return name in self._builtins

    def add(self, connection: Connection) -> Connection:
        if connection.name in self.names():
            raise ValueError(
                tr("A connection named “{name}” already exists").format(name=connection.name)
            )
        self._write([*self.connections(), replace(connection, builtin=False)])
        return connection

    def update(self, name: str, connection: Connection) -> Connection:
        """Replace the connection ``name`` by ``connection`` (which may be renamed)."""
        current = self.get(name)
        if current.builtin:
            if (connection.name, connection.kind, connection.url, connection.signing_url) != (
                current.name,
                current.kind,
                current.url,
                current.signing_url,
            ):
                raise ValueError(
                    tr("The built-in connection “{name}” cannot be changed, only its "
                       "authentication").format(name=name)
                )  # fmt: skip
            connection = replace(current, authcfg=connection.authcfg)
        elif connection.name != name and connection.name in self.names():
            raise ValueError(
                tr("A connection named “{name}” already exists").format(name=connection.name)
            )
        else:
            connection = replace(connection, builtin=False)
        self._write([connection if c.name == name else c for c in self.connections()])
        return connection

    def remove(self, name: str) -> None:
        if self.is_builtin(name):
            raise ValueError(
                tr("The built-in connection “{name}” cannot be removed").format(name=name)
            )
        self.get(name)
        self._write([c for c in self.connections() if c.name != name])

    def _write(self, connections: Sequence[Connection]) -> None:
        records = []
        for c in connections:
            if c.builtin:
                if c.authcfg:  # only what differs from the shipped definition
                    records.append({"name": c.name, "authcfg": c.authcfg})
            else:
                records.append(c.to_dict())
        self.storage.write(records)


# --- testing a connection --------------------------------------------------------------------


@dataclass(frozen=True)
class CheckResult:
    """Outcome of :func:`check_connection`: ``message`` is one line for the user, ``detail``
    the technical text (the error, the server's answer)."""

    ok: bool
    message: str
    detail: str = ""


@dataclass(frozen=True)
class OwsLayer:
    """A layer of a WMS/WMTS GetCapabilities document."""

    name: str
    title: str
    crs: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()
    tile_matrix_sets: tuple[str, ...] = ()


def capabilities_url(connection: Connection) -> str:
    """The GetCapabilities URL of a WMS/WMTS connection (the URL's own parameters kept)."""
    service = "WMTS" if connection.kind == "wmts" else "WMS"
    parts = urlsplit(connection.url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.upper() not in ("SERVICE", "REQUEST", "VERSION")
    ]
    query += [("SERVICE", service), ("REQUEST", "GetCapabilities")]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def fetch_ows_layers(
    connection: Connection, client: HttpClient, feedback: Feedback | None = None
) -> tuple[str, list[OwsLayer]]:
    """(service title, named layers) of a WMS/WMTS connection, from its GetCapabilities
    (fetched through ``client``, parsed with OWSLib). Raises ``ValueError`` when the answer is
    not a capabilities document of that service."""
    response = client.get(capabilities_url(connection), feedback=feedback)
    return parse_capabilities(connection.kind, response.content)


def parse_capabilities(kind: str, xml: bytes) -> tuple[str, list[OwsLayer]]:
    service = "WMTS" if kind == "wmts" else "WMS"
    try:
        if kind == "wmts":
            from owslib.wmts import WebMapTileService

            wmts = WebMapTileService("", xml=xml)
            layers = []
            for name, layer in wmts.contents.items():
                sets = tuple(layer.tilematrixsetlinks or ())
                layers.append(
                    OwsLayer(
                        name=str(name),
                        title=str(layer.title or name),
                        # the CRS of each tile matrix set, in the same order
                        crs=tuple(_crs_id(wmts, tms) for tms in sets),
                        formats=tuple(layer.formats or ()),
                        styles=_styles_default_first(layer.styles),
                        tile_matrix_sets=sets,
                    )
                )
            title = str(getattr(wmts.identification, "title", "") or "")
        else:
            from owslib.wms import WebMapService

            wms = WebMapService("", version="1.3.0", xml=xml)
            formats = tuple(wms.getOperationByName("GetMap").formatOptions or ())
            layers = [
                OwsLayer(
                    name=str(name),
                    title=str(layer.title or name),
                    crs=tuple(
                        str(c[4] if isinstance(c, tuple) else c) for c in layer.crsOptions or ()
                    ),
                    formats=formats,
                    styles=tuple(layer.styles or ()),
                )
                for name, layer in wms.contents.items()
                if name
            ]
            title = str(getattr(wms.identification, "title", "") or "")
    except Exception as exc:  # OWSLib raises whatever its XML parsing hits
        raise ValueError(
            tr("The answer is not a {service} GetCapabilities document ({error})").format(
                service=service, error=f"{type(exc).__name__}: {exc}"
            )
        ) from None
    return title, layers


def _crs_id(wmts: Any, tile_matrix_set: str) -> str:
    """``EPSG:3857`` from a tile matrix set's ``urn:ogc:def:crs:EPSG::3857`` (or as given)."""
    tms = wmts.tilematrixsets.get(tile_matrix_set)
    crs = str(getattr(tms, "crs", "") or "")
    if crs.lower().startswith("urn:ogc:def:crs:"):
        parts = crs.split(":")
        return f"{parts[4]}:{parts[-1]}" if len(parts) >= 6 else crs
    return crs


def _styles_default_first(styles: Any) -> tuple[str, ...]:
    if not isinstance(styles, Mapping):
        return tuple(styles or ())
    names = [str(n) for n in styles if n]
    default = [n for n in names if (styles.get(n) or {}).get("isDefault")]
    return tuple(default + [n for n in names if n not in default])


def check_connection(
    connection: Connection, client: HttpClient, feedback: Feedback | None = None
) -> CheckResult:
    """Check ``connection`` with ``client`` (which carries its authcfg): STAC landing page and
    conformance, GEODES collections, WMS/WMTS GetCapabilities. Never raises for a failure of
    the server; cancelling ``feedback`` raises :class:`~theia_plugin.net.CancelledError`."""
    testers = {"stac": _test_stac, "geodes": _test_geodes, "wms": _test_ows, "wmts": _test_ows}
    try:
        return testers[connection.kind](connection, client, feedback)
    except CancelledError:
        raise
    except AuthenticationError as exc:
        if connection.authcfg:
            hint = tr(
                "The server refused the credentials of the authentication configuration "
                "“{authcfg}”: check it, or choose another one"
            ).format(authcfg=connection.authcfg)
        else:
            hint = tr(
                "The server asks for credentials: choose an authentication configuration for "
                "this connection"
            )
        return CheckResult(False, hint, str(exc))
    except (ConnectionFailedError, RequestTimeoutError) as exc:
        return CheckResult(
            False,
            tr("{url} is unreachable: check the URL and the network").format(url=connection.url),
            str(exc),
        )
    except NotFoundError as exc:
        return CheckResult(False, _not_a(connection), str(exc))
    except InvalidResponseError as exc:
        return CheckResult(False, _not_a(connection), str(exc))
    except NetworkError as exc:
        return CheckResult(
            False, tr("{url} answered with an error").format(url=connection.url), str(exc)
        )
    except ValueError as exc:
        return CheckResult(False, _not_a(connection), str(exc))


def _not_a(connection: Connection) -> str:
    what = {
        "stac": tr("a STAC API"),
        "geodes": tr("a GEODES catalogue"),
        "wms": tr("a WMS service"),
        "wmts": tr("a WMTS service"),
    }[connection.kind]
    return tr("{url} does not look like {what}: check the URL and the type").format(
        url=connection.url, what=what
    )


def _test_stac(
    connection: Connection, client: HttpClient, feedback: Feedback | None
) -> CheckResult:
    root = connection.url.rstrip("/")
    landing = client.get_json(root, feedback=feedback)
    if (
        not isinstance(landing, Mapping)
        or not isinstance(landing.get("links"), list)
        or not (landing.get("stac_version") or landing.get("conformsTo"))
    ):
        raise ValueError(tr("the landing page lacks “links” and “stac_version”"))
    uris = landing.get("conformsTo") or []
    try:
        conformance = client.get_json(root + "/conformance", feedback=feedback)
        if isinstance(conformance, Mapping):
            uris = list(conformance.get("conformsTo") or uris)
    except NotFoundError:
        pass  # STAC API 1.0 allows the conformance classes on the landing page only
    item_search = any(str(u).endswith("/item-search") for u in uris)
    if not item_search:
        return CheckResult(
            False,
            tr("{url} is a STAC catalogue without item search: it cannot be searched").format(
                url=connection.url
            ),
            "\n".join(map(str, uris)),
        )
    title = str(landing.get("title") or landing.get("id") or connection.url)
    return CheckResult(
        True,
        tr("STAC API “{title}”: item search supported ({count} conformance classes)").format(
            title=title, count=len(uris)
        ),
        "\n".join(map(str, uris)),
    )


def _test_geodes(
    connection: Connection, client: HttpClient, feedback: Feedback | None
) -> CheckResult:
    answer = client.post_json(
        connection.url.rstrip("/") + "/collections", {}, feedback=feedback, idempotent=True
    )
    collections = answer.get("collections") if isinstance(answer, Mapping) else None
    if not isinstance(collections, list):
        raise ValueError(tr("the collections answer lacks a “collections” list"))
    return CheckResult(
        True,
        tr("GEODES catalogue: {count} collections").format(count=len(collections)),
        ", ".join(str(c.get("id")) for c in collections if isinstance(c, Mapping)),
    )


def _test_ows(connection: Connection, client: HttpClient, feedback: Feedback | None) -> CheckResult:
    title, layers = fetch_ows_layers(connection, client, feedback)
    service = connection.kind.upper()
    if not layers:
        return CheckResult(
            False,
            tr("The {service} service answers but publishes no layer").format(service=service),
        )
    return CheckResult(
        True,
        tr("{service} “{title}”: {count} layers").format(
            service=service, title=title or connection.url, count=len(layers)
        ),
        ", ".join(layer.name for layer in layers),
    )
