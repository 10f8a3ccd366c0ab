"""Catalogue connections (built-in MTD STAC and GEODES, plus the user's STAC APIs) and the
backend each one opens (Qt-free).

User connections are stored by the UI as JSON (:func:`connections_to_json`); only an
``authcfg`` id is ever kept, never a credential.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, Union
from urllib.parse import urlsplit

from theia_plugin.core.i18n import tr
from theia_plugin.net import HttpClient

from .geodes_backend import DEFAULT_URL as GEODES_URL
from .geodes_backend import GeodesCatalogue
from .stac_backend import StacCatalogue

__all__ = [
    "GEODES",
    "KINDS",
    "MTD",
    "Catalogue",
    "Connection",
    "builtin_connections",
    "connections_from_json",
    "connections_to_json",
    "open_catalogue",
]

KINDS = ("stac", "geodes")
MTD_URL = "https://api.stac.teledetection.fr"

Catalogue = Union[StacCatalogue, GeodesCatalogue]


@dataclass(frozen=True)
class Connection:
    """A catalogue the dock can search."""

    name: str
    url: str
    kind: str = "stac"
    authcfg: str = ""
    builtin: bool = False

    def __post_init__(self) -> None:
        if not str(self.name).strip():
            raise ValueError(tr("A catalogue connection needs a name"))
        parts = urlsplit(str(self.url))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(
                tr("The catalogue URL “{url}” of “{name}” must start with http:// or https://")
                .format(url=self.url, name=self.name)
            )  # fmt: skip
        if self.kind not in KINDS:
            raise ValueError(
                tr("Unknown catalogue kind “{kind}” (expected one of {kinds})").format(
                    kind=self.kind, kinds=", ".join(KINDS)
                )
            )

    @property
    def catalogue(self) -> str:
        """The key of the CES themes file for this connection's collection ids."""
        return "geodes" if self.kind == "geodes" else "mtd"


MTD = Connection("Theia MTD (STAC)", MTD_URL, "stac", builtin=True)
GEODES = Connection("CNES GEODES", GEODES_URL, "geodes", builtin=True)


def builtin_connections() -> list[Connection]:
    return [MTD, GEODES]


def connections_to_json(connections: list[Connection]) -> str:
    """The user's connections (built-in ones left out) as JSON text."""
    return json.dumps(
        [
            {k: v for k, v in asdict(c).items() if k != "builtin"}
            for c in connections
            if not c.builtin
        ]
    )


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
    return [
        Connection(
            name=str(d.get("name", "")),
            url=str(d.get("url", "")),
            kind=str(d.get("kind", "stac")),
            authcfg=str(d.get("authcfg") or ""),
        )
        for d in data
    ]


def open_catalogue(connection: Connection, client: HttpClient) -> Catalogue:
    """The search backend of ``connection``."""
    if connection.kind == "geodes":
        return GeodesCatalogue(connection.url, client)
    return StacCatalogue(connection.url, client, catalogue=connection.catalogue)
