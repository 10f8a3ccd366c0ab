"""A GEODES-like service (CNES GEODES dialect) on 127.0.0.1, for tests and demos.

Routes (``base`` = :attr:`GeodesService.url`):

``POST /api/stac/search``
    GEODES's own body: ``page`` (≥ 1), ``limit`` (1–80, else 400), ``query``
    (``{field: {op: value}}`` with ``eq, neq, in, contains, lte, gte`` on any item property:
    ``dataset``, ``start_datetime``, ``end_datetime``, ``grid:code``, ``eo:cloud_cover``…),
    ``sortBy`` (``[{"field": f, "direction": "asc"|"dsc"}]``), ``bbox`` or ``intersects`` (by
    its bounding box: the items are rectangles) and
    ``collections``. Answers a FeatureCollection with ``context.matched`` (the total),
    ``returned``, ``limit`` and ``self``/``next`` links by page number. Bad bodies get 400 with
    a ``detail`` naming the problem.
``POST|GET /api/stac/collections`` and ``GET /api/stac/collections/<id>``
    The Theia collections (:data:`.data.COLLECTIONS`).
``GET|HEAD /api/download/<URN>/files/<md5>``
    The item's zip (a real Theia L2A product for the downloadable items), only with header
    ``X-API-Key`` equal to :attr:`GeodesService.api_key` (401 without, 403 when wrong); Range
    (206/416) and ``If-Range`` against the ``ETag`` (the MD5); offline products answer 404.
``GET /api/quicklook/<URN>/files/<md5>``
    A small PNG (anonymous).

Faults on demand, for tests: :meth:`GeodesService.add_fault` queues a fault for the next
requests under a path prefix; or prefix any URL with ``/fault/<kind>`` (every request
fails, e.g. ``base + "/fault/503/api/stac"`` as the catalogue URL). Kinds: ``401``, ``403``,
``404``, ``429`` (with ``Retry-After``), ``500``, ``503``, ``slow`` (answer after
``seconds``), ``reset`` (TCP RST before answering), ``malformed`` (200 with a broken JSON
body), ``drop`` (downloads: half the body, then an RST), ``trickle`` (downloads: the body in
4 KiB pieces, 50 ms apart).
"""

from __future__ import annotations

import contextlib
import json
import math
import socket
import struct
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tests.servers.http_server import LocalHttpServer, RecordedRequest, _Handler

from .data import GeodesData, build_data

__all__ = ["FAULT_KINDS", "MAX_LIMIT", "GeodesService"]

MAX_LIMIT = 80
OPERATORS = ("eq", "neq", "in", "contains", "lte", "gte")
FAULT_KINDS = (
    "401",
    "403",
    "404",
    "429",
    "500",
    "503",
    "slow",
    "reset",
    "malformed",
    "drop",
    "trickle",
)
_MESSAGES = {
    401: "Missing API key: send header X-API-Key",
    403: "Invalid API key",
    404: "Not found",
    429: "Too many requests: rate limit exceeded",
    500: "Internal server error",
    503: "Service temporarily unavailable (maintenance)",
}


class BadRequestError(ValueError):
    """A search body GEODES would refuse (400)."""


@dataclass
class Fault:
    kind: str
    prefix: str
    times: int
    retry_after: float = 1.0
    seconds: float = 3.0


class GeodesService(LocalHttpServer):
    """The GEODES-like server. ``with GeodesService(products_dir) as geodes: geodes.url``.

    Args:
        products_dir: where the downloadable products are written (default: a temporary
            folder removed on :meth:`stop`).
        downloadable: how many real L2A zips to generate (≤ 3).
        port: the port (default: a free one).
    """

    def __init__(
        self,
        products_dir: str | Path | None = None,
        *,
        downloadable: int = 3,
        port: int = 0,
        host: str = "127.0.0.1",
    ) -> None:
        self._products_dir = Path(products_dir) if products_dir is not None else None
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._downloadable = downloadable
        self._faults: list[Fault] = []
        self._fault_lock = threading.Lock()
        self.data: GeodesData | None = None
        super().__init__(host, port)

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> GeodesService:
        if self._products_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="geodes-")
            self._products_dir = Path(self._tmp.name)
        self._products_dir.mkdir(parents=True, exist_ok=True)
        super().start()
        # the items carry absolute URLs: built once the port is known (nobody knows it before)
        self.data = build_data(self.url(""), self._products_dir, self._downloadable)
        return self

    def stop(self) -> None:
        super().stop()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    @property
    def stac_url(self) -> str:
        """The STAC root to give :class:`GeodesCatalogue` (``…/api/stac``)."""
        return self.url("/api/stac")

    def reset(self) -> None:
        super().reset()
        with self._fault_lock:
            self._faults.clear()

    # -- faults --------------------------------------------------------------------------------
    def add_fault(
        self,
        kind: str,
        prefix: str = "/api",
        *,
        times: int = 1,
        retry_after: float = 1.0,
        seconds: float = 3.0,
    ) -> None:
        """Make the next ``times`` requests whose path starts with ``prefix`` fail with
        ``kind`` (one of :data:`FAULT_KINDS`)."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; expected one of {FAULT_KINDS}")
        with self._fault_lock:
            self._faults.append(Fault(str(kind), prefix, times, retry_after, seconds))

    def _take_fault(self, path: str) -> Fault | None:
        with self._fault_lock:
            for fault in self._faults:
                if path.startswith(fault.prefix) and fault.times > 0:
                    fault.times -= 1
                    return fault
        return None

    # -- data helpers for tests ---------------------------------------------------------------
    def items(self, **properties: Any) -> list[dict[str, Any]]:
        """The stored items whose properties equal ``properties`` (``dataset=…``)."""
        assert self.data is not None
        return [
            item
            for item in self.data.items
            if all(item["properties"].get(k) == v for k, v in properties.items())
        ]

    def downloadable_items(self) -> list[dict[str, Any]]:
        assert self.data is not None
        return [self.items(identifier=i)[0] for i in self.data.downloadable]

    # -- routing -------------------------------------------------------------------------------
    def _install_default_routes(self) -> None:
        self.add_route("/api", self._api)
        self.add_route("/fault", self._fault_prefixed)

    def _fault_prefixed(self, h: _Handler, r: RecordedRequest) -> None:
        parts = r.path.split("/", 3)  # "", "fault", kind, rest
        kind = parts[2] if len(parts) > 2 else ""
        if kind not in FAULT_KINDS:
            h.send_json(404, {"detail": f"Unknown fault {kind!r}"})
            return
        rest = "/" + (parts[3] if len(parts) > 3 else "")
        self._apply(h, r, Fault(kind, "", 1), rest)

    def _api(self, h: _Handler, r: RecordedRequest) -> None:
        fault = self._take_fault(r.path)
        self._apply(h, r, fault, r.path)

    def _apply(self, h: _Handler, r: RecordedRequest, fault: Fault | None, path: str) -> None:
        if fault is not None and fault.kind not in ("drop", "trickle"):
            if fault.kind == "slow":
                deadline = time.monotonic() + fault.seconds
                while time.monotonic() < deadline and not self._stopping.is_set():
                    time.sleep(0.02)
            elif fault.kind == "reset":
                h.reset_connection()
                return
            elif fault.kind == "malformed":
                h.send_body(200, b'{"type": "FeatureCollection", "features": [{"id": ')
                return
            else:
                status = int(fault.kind)
                headers = {"Retry-After": f"{fault.retry_after:g}"} if status == 429 else None
                h.send_json(status, {"detail": _MESSAGES[status]}, headers=headers)
                return
        self._route(h, r, path, fault.kind if fault is not None else None)

    def _route(self, h: _Handler, r: RecordedRequest, path: str, mode: str | None) -> None:
        assert self.data is not None
        parts = [p for p in path.split("/") if p]
        if parts[:3] == ["api", "stac", "search"] and len(parts) == 3:
            if r.method != "POST":
                h.send_json(405, {"detail": "Use POST for /api/stac/search"})
                return
            self._search(h, r)
        elif parts[:3] == ["api", "stac", "collections"]:
            if len(parts) == 3:
                h.send_json(200, {"collections": self.data.collections, "context": {}})
                return
            found = [c for c in self.data.collections if c["id"] == parts[3]]
            if len(parts) == 4 and found:
                h.send_json(200, found[0])
            else:
                h.send_json(404, {"detail": f"Collection {parts[3]} not found"})
        elif len(parts) == 5 and parts[0] == "api" and parts[1] in ("download", "quicklook"):
            if parts[3] != "files":
                h.send_json(404, {"detail": f"Not found: {path}"})
                return
            self._file(h, r, parts[1], parts[2], parts[4], mode)
        elif parts == ["api", "stac"]:
            h.send_json(
                200,
                {
                    "type": "Catalog",
                    "id": "gdh",
                    "stac_version": "1.0.0",
                    "description": "GEODES-like test catalogue",
                    "links": [
                        {"rel": "search", "href": self.url("/api/stac/search"), "method": "POST"}
                    ],
                },
            )
        else:
            h.send_json(404, {"detail": f"Not found: {path}"})

    # -- files -------------------------------------------------------------------------------

    def _file(
        self, h: _Handler, r: RecordedRequest, kind: str, urn: str, md5: str, mode: str | None
    ) -> None:
        assert self.data is not None
        if kind == "download":
            key = r.header("X-API-Key")
            if not key:
                h.send_json(401, {"detail": _MESSAGES[401]})
                return
            if key != self.api_key:
                h.send_json(403, {"detail": _MESSAGES[403]})
                return
        stored = self.data.files.get((urn, md5))
        if stored is None or (kind == "download") != (stored.content_type == "application/zip"):
            h.send_json(404, {"detail": f"No file {md5} for {urn}"})
            return
        if not stored.online:
            h.send_json(404, {"detail": f"{stored.name} is offline (archived): order it first"})
            return
        data = stored.read()
        size = len(data)
        etag = f'"{md5}"'
        headers = {
            "ETag": etag,
            "Accept-Ranges": "bytes",
            "Content-Disposition": f'attachment; filename="{stored.name}"',
        }
        start, end, status = 0, size - 1, 200
        range_header = r.header("Range")
        if_range = r.header("If-Range")
        if if_range is not None and if_range != etag:
            range_header = None
        if range_header and range_header.startswith("bytes="):
            first, _, last = range_header[6:].partition("-")
            start = int(first or 0)
            end = min(int(last), size - 1) if last else size - 1
            if start >= size:
                h.send_body(416, b"", "text/plain", {"Content-Range": f"bytes */{size}"})
                return
            status = 206
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        body = data[start : end + 1]
        h.send_response(status)
        h.send_header("Content-Type", stored.content_type)
        h.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            h.send_header(name, value)
        h.end_headers()
        if h.command == "HEAD":
            return
        if mode == "trickle":
            for offset in range(0, len(body), 4096):
                if self._stopping.is_set():
                    return
                h.wfile.write(body[offset : offset + 4096])
                h.wfile.flush()
                time.sleep(0.05)
            return
        if mode == "drop":
            # half the body really reaches the client, then the connection is aborted (RST)
            h.wfile.write(body[: len(body) // 2])
            h.wfile.flush()
            time.sleep(0.2)
            h.close_connection = True
            with contextlib.suppress(OSError):
                h.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                h.connection.close()
            return
        h.wfile.write(body)

    # -- search --------------------------------------------------------------------------------
    def _search(self, h: _Handler, r: RecordedRequest) -> None:
        try:
            body = json.loads(r.body or b"{}")
        except ValueError:
            h.send_json(400, {"detail": "The request body is not JSON"})
            return
        try:
            page, limit, matches = self._select(body)
        except BadRequestError as exc:
            h.send_json(400, {"detail": str(exc)})
            return
        chosen = matches[(page - 1) * limit : page * limit]
        base = self.url("/api/stac/search")
        links = [{"href": f"{base}?limit={limit}&page={page}", "rel": "self"}]
        if page * limit < len(matches):
            links.append({"href": f"{base}?limit={limit}&page={page + 1}", "rel": "next"})
        h.send_json(
            200,
            {
                "stac_version": "1.0.0-beta.1",
                "stac_extensions": [],
                "type": "FeatureCollection",
                "features": chosen,
                "links": links,
                "context": {"returned": len(chosen), "limit": limit, "matched": len(matches)},
            },
        )

    def _select(self, body: Any) -> tuple[int, int, list[dict[str, Any]]]:
        assert self.data is not None
        if not isinstance(body, Mapping):
            raise BadRequestError("The request body must be a JSON object")
        page = _whole(body.get("page", 1), "page", 1)
        limit = _whole(body.get("limit", 20), "limit", 1)
        if limit > MAX_LIMIT:
            raise BadRequestError(f"limit must be at most {MAX_LIMIT}, got {limit}")
        query = body.get("query") or {}
        if not isinstance(query, Mapping):
            raise BadRequestError("query must be an object {field: {operator: value}}")
        tests = []
        for name, spec in query.items():
            if not isinstance(spec, Mapping) or not spec:
                raise BadRequestError(f"query.{name} must be an object {{operator: value}}")
            for op, value in spec.items():
                if op not in OPERATORS:
                    raise BadRequestError(
                        f"Unknown operator {op!r} on {name}; expected one of {', '.join(OPERATORS)}"
                    )
                tests.append((name, op, value))
        collections = body.get("collections")
        if collections is not None and (
            not isinstance(collections, list) or not all(isinstance(c, str) for c in collections)
        ):
            raise BadRequestError("collections must be a list of collection ids")
        box = None
        if body.get("bbox") is not None:
            box = _bbox(body["bbox"])
        if body.get("intersects") is not None:
            if box is not None:
                raise BadRequestError("Use bbox or intersects, not both")
            box = _geometry_bbox(body["intersects"])
        items = [
            item
            for item in self.data.items
            if (collections is None or item["collection"] in collections)
            and (box is None or _overlap(box, item["bbox"]))
            and all(_test(item, name, op, value) for name, op, value in tests)
        ]
        sort_by = body.get("sortBy") or []
        if not isinstance(sort_by, list):
            raise BadRequestError("sortBy must be a list of {field, direction}")
        for rule in reversed(sort_by):
            if not isinstance(rule, Mapping) or not rule.get("field"):
                raise BadRequestError("Each sortBy entry needs a field")
            direction = str(rule.get("direction", "asc")).lower()
            if direction not in ("asc", "dsc", "desc"):
                raise BadRequestError(f"sortBy direction must be asc or dsc, got {direction!r}")
            field = rule["field"]
            present = [i for i in items if _prop(i, field) is not None]
            absent = [i for i in items if _prop(i, field) is None]
            present.sort(key=lambda i: _key(_prop(i, field)), reverse=direction != "asc")
            items = present + absent
        return page, limit, items


def _whole(value: Any, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise BadRequestError(f"{name} must be a whole number ≥ {minimum}, got {value!r}")
    return value


def _bbox(value: Any) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(v) for v in value)
    except (TypeError, ValueError):
        raise BadRequestError("bbox must be [west, south, east, north]") from None
    if west > east or south > north:
        raise BadRequestError(
            "bbox must be [west, south, east, north] with west ≤ east, south ≤ north"
        )
    return west, south, east, north


def _geometry_bbox(geometry: Any) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []

    def walk(coords: Any) -> None:
        if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
            xs.append(float(coords[0]))
            ys.append(float(coords[1]))
        elif isinstance(coords, (list, tuple)):
            for part in coords:
                walk(part)

    if not isinstance(geometry, Mapping) or "coordinates" not in geometry:
        raise BadRequestError("intersects must be a GeoJSON geometry")
    walk(geometry["coordinates"])
    if not xs:
        raise BadRequestError("intersects has no coordinates")
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a: tuple[float, ...], b: list[float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _prop(item: Mapping[str, Any], name: str) -> Any:
    if name in ("collection", "id"):
        return item.get(name)
    return item["properties"].get(name)


def _key(value: Any) -> tuple[int, Any]:
    moment = _as_datetime(value)
    if moment is not None:
        return (0, moment.timestamp())
    if isinstance(value, (int, float)):
        return (0, float(value))
    return (1, str(value))


def _as_datetime(value: Any) -> datetime | None:
    if not isinstance(value, str) or len(value) < 10 or value[4:5] != "-":
        return None
    text = value.replace("Z", "+00:00").replace("z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _compare(actual: Any, expected: Any) -> float | None:
    """<0, 0 or >0 like ``actual - expected``; None when they cannot be compared."""
    a_time, e_time = _as_datetime(actual), _as_datetime(expected)
    if a_time is not None and e_time is not None:
        return (a_time - e_time).total_seconds()
    if isinstance(actual, (int, float)) and isinstance(expected, (int, float)):
        return float(actual) - float(expected)
    if isinstance(actual, str) and isinstance(expected, str):
        return (actual > expected) - (actual < expected)
    return None


def _test(item: Mapping[str, Any], name: str, op: str, value: Any) -> bool:
    actual = _prop(item, name)
    if op == "neq":
        return actual is None or _compare(actual, value) != 0
    if actual is None:
        return False
    if op == "eq":
        return _compare(actual, value) == 0
    if op == "in":
        values = value if isinstance(value, list) else [value]
        return any(_compare(actual, v) == 0 for v in values)
    if op == "contains":
        if isinstance(actual, list):
            return value in actual
        return str(value).lower() in str(actual).lower()
    diff = _compare(actual, value)
    if diff is None or (isinstance(diff, float) and math.isnan(diff)):
        return False
    return diff <= 0 if op == "lte" else diff >= 0
