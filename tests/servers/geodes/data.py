"""The content of the GEODES-like service: Theia collections, items in the GEODES shape, files.

Items follow the real GEODES responses (``../shared/data/real-responses/geodes-*.json``):
``URN:FEATURE:DATA:gdh:<uuid>:V1`` ids, ``dataset``/``identifier``/``grid:code`` properties,
``start_datetime``/``end_datetime`` for the acquisition and ``datetime`` for the publication,
a quicklook asset (role ``overview``) and a zip asset (role ``data``) whose href ends with the
file's MD5 and whose description carries size, online state and checksum.

A few Sentinel-2 L2A items are *downloadable*: their zip is a real Theia L2A product written by
:func:`tests.data.theia_synth.product.write_l2a_product` (``zip=True``); the others are
"offline" (their download answers 404 like an archived product).
"""

from __future__ import annotations

import hashlib
import random
import struct
import uuid
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

__all__ = [
    "COLLECTIONS",
    "DOWNLOADABLE_DATES",
    "GeodesData",
    "StoredFile",
    "build_data",
]

L2A = "THEIA_REFLECTANCE_SENTINEL2_L2A"
L3A = "THEIA_REFLECTANCE_SENTINEL2_L3A"
SNOW = "THEIA_SNOW_SENTINEL2_L2B"
BIOPHY = "THEIA_BIOPHY_SENTINEL2_L2B"
OSO = "THEIA_OSO_RASTER_L3B"

#: id → (title, description, keywords, theme)
COLLECTIONS: dict[str, tuple[str, str, list[str], list[str]]] = {
    L2A: (
        "Theia Sentinel-2 L2A (MAJA) surface reflectance",
        "Sentinel-2 surface reflectances corrected for atmospheric effects by MAJA, with "
        "cloud and shadow masks.",
        ["reflectance", "sentinel-2", "l2a", "maja", "theia"],
        ["landSurface"],
    ),
    L3A: (
        "Theia Sentinel-2 L3A monthly syntheses",
        "Monthly cloud-free syntheses of Sentinel-2 surface reflectances (WASP).",
        ["reflectance", "synthesis", "l3a", "theia"],
        ["landSurface"],
    ),
    SNOW: (
        "Theia Sentinel-2 snow cover (L2B)",
        "Snow presence and fractional snow cover from Sentinel-2 (Let It Snow). Neige.",
        ["snow", "neige", "cryosphere", "theia"],
        ["cryosphere"],
    ),
    BIOPHY: (
        "Theia Sentinel-2 biophysical variables (L2B)",
        "LAI, FAPAR and FCOVER from Sentinel-2.",
        ["LAI", "FCOVER", "vegetation", "theia"],
        ["bioSphere"],
    ),
    OSO: (
        "Theia OSO land cover (raster)",
        "Yearly land-cover map of metropolitan France (occupation du sol).",
        ["land cover", "occupation du sol", "oso", "theia"],
        ["landSurface"],
    ),
}

#: lon/lat bounds of the tiles used (approximate footprints of the MGRS tiles).
TILES: dict[str, tuple[float, float, float, float]] = {
    "T31TCH": (0.26, 43.24, 1.64, 44.25),
    "T31TCJ": (0.21, 44.14, 1.62, 45.15),
    "T32TLR": (6.22, 44.93, 7.62, 45.93),
}
FRANCE = (-5.2, 41.3, 9.6, 51.1)

#: acquisition days of the downloadable L2A products (tile T31TCH).
DOWNLOADABLE_DATES = (date(2023, 6, 15), date(2023, 7, 5), date(2023, 8, 14))

_NAMESPACE = uuid.UUID("6f0e8c0a-3c1e-4f5e-9a51-7a3c0e6d2b10")


@dataclass
class StoredFile:
    """A file served under ``/api/download`` or ``/api/quicklook``."""

    name: str
    content_type: str
    data: bytes | None = None  # in memory (quicklooks) …
    path: Path | None = None  # … or on disk (product zips)
    online: bool = True

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()


@dataclass
class GeodesData:
    collections: list[dict[str, Any]]
    items: list[dict[str, Any]]
    #: (URN, md5) → file
    files: dict[tuple[str, str], StoredFile] = field(default_factory=dict)
    #: identifiers of the downloadable items
    downloadable: list[str] = field(default_factory=list)


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _urn(identifier: str) -> str:
    return f"URN:FEATURE:DATA:gdh:{uuid.uuid5(_NAMESPACE, identifier)}:V1"


def png(width: int, height: int, rgb: tuple[int, int, int], seed: int = 0) -> bytes:
    """A small RGB PNG: ``rgb`` with a deterministic texture (a quicklook stand-in)."""
    rng = random.Random(seed)
    rows = []
    for _ in range(height):
        row = bytearray([0])
        for _ in range(width):
            shade = rng.randint(-25, 25)
            row += bytes(max(0, min(255, c + shade)) for c in rgb)
        rows.append(bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


def _polygon(bbox: tuple[float, float, float, float]) -> dict[str, Any]:
    w, s, e, n = bbox
    return {"type": "Polygon", "coordinates": [[[w, n], [w, s], [e, s], [e, n], [w, n]]]}


class _Builder:
    def __init__(self, base_url: str) -> None:
        self.base = base_url.rstrip("/")
        self.data = GeodesData(collections=[], items=[])

    def collection(self, cid: str) -> dict[str, Any]:
        title, description, keywords, theme = COLLECTIONS[cid]
        return {
            "type": "Collection",
            "id": cid,
            "stac_version": "1.0.0",
            "stac_extensions": [],
            "title": title,
            "description": description,
            "keywords": keywords,
            "license": "etalab-2.0",
            "context": {},
            "extent": {
                "spatial": {"bbox": [list(FRANCE)]},
                "temporal": {"interval": [["2016-01-01T00:00:00.000Z", None]]},
            },
            "providers": [{"name": "CNES", "roles": ["host", "processor"]}],
            "summaries": {"theme": theme, "dataset": cid, "format": "zip", "latest": True},
            "links": [
                {"rel": "self", "href": f"{self.base}/api/stac/collections/{cid}"},
                {"rel": "root", "href": f"{self.base}/api/stac"},
            ],
            "assets": {},
        }

    def item(
        self,
        cid: str,
        identifier: str,
        start: datetime,
        end: datetime,
        bbox: tuple[float, float, float, float],
        properties: dict[str, Any],
        zip_file: StoredFile,
        seed: int,
    ) -> dict[str, Any]:
        urn = _urn(identifier)
        quicklook = StoredFile(
            f"{identifier}_quicklook.png",
            "image/png",
            data=png(32, 32, (90 + seed % 80, 120, 70 + seed % 50), seed),
        )
        ql_md5 = hashlib.md5(quicklook.data or b"").hexdigest()
        if zip_file.path is not None:
            zip_bytes = zip_file.path.read_bytes()
            zip_md5, zip_size = hashlib.md5(zip_bytes).hexdigest(), len(zip_bytes)
        else:  # offline product: a stable fake checksum and size
            zip_md5 = hashlib.md5(identifier.encode()).hexdigest()
            zip_size = 700_000_000 + seed * 1000
        self.data.files[(urn, ql_md5)] = quicklook
        self.data.files[(urn, zip_md5)] = zip_file
        day = start.strftime("%Y/%m/%d")
        published = end + timedelta(days=1, hours=3)
        props = {
            "dataset": cid,
            "identifier": identifier,
            "start_datetime": _iso(start),
            "end_datetime": _iso(end),
            "datetime": _iso(published),
            "latest": True,
            "version": "00.00",
            "keywords": ["season:" + _season(start)],
            **properties,
        }
        online = "true" if zip_file.online else "false"
        return {
            "stac_version": "1.0.0-beta.2",
            "stac_extensions": [
                "https://stac-extensions.github.io/eo/v2.0.0/schema.json",
                "https://stac-extensions.github.io/grid/v1.1.0/schema.json",
                "https://stac-extensions.github.io/sat/v1.1.0/schema.json",
            ],
            "id": urn,
            "bbox": list(bbox),
            "geometry": _polygon(bbox),
            "centroid": {"lon": (bbox[0] + bbox[2]) / 2, "lat": (bbox[1] + bbox[3]) / 2},
            "type": "Feature",
            "collection": cid,
            "properties": props,
            "links": [
                {"href": f"{self.base}/api/stac", "rel": "root", "type": "application/json"},
                {
                    "href": f"{self.base}/api/stac/collections/{cid}",
                    "rel": "collection",
                    "type": "application/json",
                },
                {
                    "href": f"{self.base}/api/stac/collections/{cid}/items/{urn}",
                    "rel": "self",
                    "type": "application/geo+json",
                },
            ],
            "assets": {
                f"{day}/{identifier}_quicklook.png": {
                    "href": f"{self.base}/api/quicklook/{urn}/files/{ql_md5}?scope=gdh",
                    "title": f"{day}/{identifier}_quicklook.png",
                    "description": _describe(
                        len(quicklook.data or b""), "true", "QUICKLOOK_SD", ql_md5
                    ),
                    "type": "image/png",
                    "roles": ["overview"],
                },
                f"{identifier}.zip": {
                    "href": f"{self.base}/api/download/{urn}/files/{zip_md5}",
                    "title": f"{identifier}.zip",
                    "description": _describe(zip_size, online, "RAWDATA", zip_md5),
                    "type": "application/zip",
                    "roles": ["data"],
                },
            },
        }


def _describe(size: int, online: str, datatype: str, md5: str) -> str:
    return (
        f"File size: {size} bytes\n\nIs reference: false\n\nIs online: {online}\n\n"
        f"Datatype: {datatype}\n\nChecksum MD5: {md5}"
    )


def _season(moment: datetime) -> str:
    return ("winter", "spring", "summer", "autumn")[(moment.month % 12) // 3]


def _moment(day: date, hour: int = 10, minute: int = 37) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, 5, 524000, tzinfo=timezone.utc)


def _l2a_properties(tile: str, cloud: float, platform: str) -> dict[str, Any]:
    return {
        "grid:code": tile,
        "eo:cloud_cover": cloud,
        "platform": platform,
        "instrument": "MSI",
        "sat:relative_orbit": 108 if tile == "T32TLR" else 8,
        "processing:level": "L2A",
        "product:type": "REFLECTANCE",
    }


def build_data(base_url: str, products_dir: Path | None, downloadable: int = 3) -> GeodesData:
    """The whole catalogue. ``downloadable`` real L2A zips are written in ``products_dir``."""
    from tests.data.theia_synth.naming import product_id
    from tests.data.theia_synth.product import write_l2a_product

    builder = _Builder(base_url)
    data = builder.data
    data.collections = [builder.collection(cid) for cid in COLLECTIONS]
    rng = random.Random(20230101)
    seed = 0

    def offline(identifier: str) -> StoredFile:
        return StoredFile(f"{identifier}.zip", "application/zip", online=False)

    # L2A: every 5 days of 2022-2023 on three tiles (offline archive)
    for tile, bbox in TILES.items():
        day = date(2022, 1, 3)
        while day <= date(2023, 12, 31):
            seed += 1
            platform = ("SENTINEL2A", "SENTINEL2B")[seed % 2]
            identifier = product_id(platform, _moment(day), tile)
            props = _l2a_properties(tile, round(rng.uniform(0, 100), 2), platform)
            data.items.append(
                builder.item(
                    L2A,
                    identifier,
                    _moment(day),
                    _moment(day),
                    bbox,
                    props,
                    offline(identifier),
                    seed,
                )
            )
            day += timedelta(days=5)
    # L2A: real products on T31TCH, online
    for day in DOWNLOADABLE_DATES[: max(0, downloadable)]:
        assert products_dir is not None, "downloadable products need a folder"
        seed += 1
        info = write_l2a_product(
            products_dir, day, tile="T31TCH", size_10m=120, seed=seed, zip=True, truth=False
        )
        stored = StoredFile(info.path.name, "application/zip", path=info.path)
        props = _l2a_properties("T31TCH", round(info.cloud_percent, 2), info.platform)
        data.items.append(
            builder.item(
                L2A,
                info.product_id,
                info.acquired,
                info.acquired,
                TILES["T31TCH"],
                props,
                stored,
                seed,
            )
        )
        data.downloadable.append(info.product_id)
    # L2B snow on T32TLR: every 10 days of the 2022-2023 hydrological year
    day = date(2022, 9, 1)
    while day < date(2023, 9, 1):
        seed += 1
        moment = _moment(day)
        identifier = f"SENTINEL2B_{moment:%Y%m%d-%H%M%S}-524_L2B-SNOW_T32TLR_C_1.10"
        props = {
            "grid:code": "T32TLR",
            "eo:cloud_cover": round(rng.uniform(0, 100), 2),
            "platform": "SENTINEL2B",
            "processing:level": "L2B",
            "product:type": "SNOW",
        }
        bbox = TILES["T32TLR"]
        data.items.append(
            builder.item(SNOW, identifier, moment, moment, bbox, props, offline(identifier), seed)
        )
        day += timedelta(days=10)
    # L3A: monthly syntheses (range items) on T31TCJ
    for year in (2022, 2023):
        for month in range(1, 13):
            seed += 1
            start = datetime(year, month, 1, tzinfo=timezone.utc)
            nxt = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=timezone.utc)
            end = nxt - timedelta(seconds=1)
            identifier = f"SENTINEL2X_{year}{month:02d}15-000000-000_L3A_T31TCJ_C_V1-1"
            props = {"grid:code": "T31TCJ", "processing:level": "L3A", "product:type": "L3A"}
            data.items.append(
                builder.item(
                    L3A, identifier, start, end, TILES["T31TCJ"], props, offline(identifier), seed
                )
            )
    # OSO: yearly maps of France (range items without tile)
    for year in range(2018, 2024):
        seed += 1
        start = datetime(year, 1, 1, tzinfo=timezone.utc)
        end = datetime(year, 12, 31, 23, 59, 59, tzinfo=timezone.utc)
        identifier = f"OCS_{year}_CESBIO"
        props = {"processing:level": "L3B", "product:type": "OSO"}
        data.items.append(
            builder.item(OSO, identifier, start, end, FRANCE, props, offline(identifier), seed)
        )
    # biophysical variables on T31TCH, summer 2023
    day = date(2023, 5, 2)
    while day < date(2023, 10, 1):
        seed += 1
        moment = _moment(day)
        identifier = f"SENTINEL2A_{moment:%Y%m%d-%H%M%S}-524_L2B-BIOPHY_T31TCH_C_V1-0"
        props = {
            "grid:code": "T31TCH",
            "eo:cloud_cover": round(rng.uniform(0, 100), 2),
            "platform": "SENTINEL2A",
            "processing:level": "L2B",
        }
        data.items.append(
            builder.item(
                BIOPHY,
                identifier,
                moment,
                moment,
                TILES["T31TCH"],
                props,
                offline(identifier),
                seed,
            )
        )
        day += timedelta(days=10)
    return data
