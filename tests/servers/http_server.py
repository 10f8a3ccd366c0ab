"""A small, real, threaded HTTP/1.1 server for network tests (127.0.0.1, random port).

Start it with :class:`LocalHttpServer` (context manager) or the pytest fixtures of
:mod:`tests.servers.fixtures`. Every request is recorded (:attr:`LocalHttpServer.requests`)
so tests can check what the client really sent, and per-route hit counters let tests assert
how many attempts were made.

Routes (``?query`` parameters in brackets):

``/json``
    200 ``{"ok": true, "items": [1, 2, 3]}``.
``/echo`` (any method)
    200 JSON describing the request: ``method``, ``path``, ``query``, ``headers``, ``body``
    (text) and ``json`` (parsed body or null).
``/basic``
    Basic auth (``basic_user``/``basic_password``); 401 + ``WWW-Authenticate`` otherwise.
``/header-key``
    Theia MTD-like: headers ``access-key``/``secret-key`` must equal ``access_key``/
    ``secret_key``; 401 when missing, 403 when wrong.
``/api-key``
    GEODES-like: header ``X-API-Key`` must equal ``api_key``; 401/403 otherwise.
``/status/<code>`` [``message``]
    That status with a JSON ``{"detail": message}`` body (a default message otherwise).
``/flaky/<code>`` [``fail=N``, ``retry_after=S``, ``counter=K``]
    ``code`` (with ``Retry-After: S`` when given) for the first ``N`` calls counted under
    ``K`` (default: the path), then 200 ``{"calls": n}``.
``/slow`` [``seconds=S``]
    Waits ``S`` seconds (default 5) before answering 200 JSON.
``/reset`` [``fail=N``, ``counter=K``]
    Resets the TCP connection (RST) for the first ``N`` calls (default: always), then 200.
``/reflect-auth``
    401 whose JSON ``detail`` quotes every credential header received (a careless server:
    used to check that secrets echoed by a server are masked in our error texts).
``/reflect-values``
    401 whose ``detail`` is ``Rejected`` followed by the bare values (no ``name=``) of every
    header but the ordinary ones; for ``Authorization`` the credential without its scheme and,
    for Basic, the decoded password: what no pattern-based masking can recognise.
``/redirect/<code>`` [``to=URL``]
    ``code`` (301, 302, 303, 307, 308) with ``Location: URL`` (default ``/echo``; relative or
    absolute, e.g. on a second server).
``/redirect-loop``
    302 to itself, forever.
``/malformed``
    200 ``application/json`` whose body is not JSON.
``/html-error``
    502 with an HTML body (as a misconfigured reverse proxy would send).
``/bytes`` [``size=N``, ``seed=S``, ``chunk=C``, ``delay=D``, ``drop_after=B``, ``drop_half=1``,
``counter=K``, ``vary=1``, ``gzip=1``]
    ``N`` deterministic bytes (:func:`payload`), ``Content-Length``, ``ETag``,
    ``Last-Modified`` and ``Accept-Ranges: bytes``; honours ``Range: bytes=a-[b]`` (206/416)
    and ``If-Range`` (a validator that no longer matches gets the whole body, 200).
    ``delay`` sleeps between chunks of ``C`` bytes (slow download); ``drop_after`` closes the
    connection (FIN, no RST: the bytes sent do arrive) after ``B`` body bytes (``drop_half``:
    half of the body) on the first call counted under ``K`` (interrupted download). ``vary``:
    the content (and ETag) changes at every call (seed ``S + call - 1``). ``gzip``: the body
    is :func:`compressible_payload`, sent gzip-encoded (whole, no ranges, like on-the-fly
    compression) when the request accepts gzip.
``/stac``…
    A tiny STAC API: landing page (conformance ``core``, ``item-search``), ``/stac/conformance``,
    ``/stac/collections``, ``/stac/collections/<id>``, ``/stac/search`` (GET and POST) returning
    FeatureCollections of ``stac_item_count`` items, ``limit`` per page, with a ``next`` link
    (GET: ``token`` in the URL; POST: ``method``/``body`` in the link). When
    ``stac_required_headers`` is set, every STAC route answers 401 unless those headers are
    present with those values.

Later test suites may add routes with :meth:`LocalHttpServer.add_route`.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import json
import random
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit

__all__ = ["LAST_MODIFIED", "LocalHttpServer", "RecordedRequest", "compressible_payload", "payload"]

#: ``Last-Modified`` of every ``/bytes`` response.
LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT"

STAC_CONFORMANCE = [
    "https://api.stacspec.org/v1.0.0/core",
    "https://api.stacspec.org/v1.0.0/item-search",
    "https://api.stacspec.org/v1.0.0/collections",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
]


def payload(size: int, seed: int = 0) -> bytes:
    """The deterministic body of ``/bytes?size=size&seed=seed``."""
    return random.Random(seed).randbytes(size)


def compressible_payload(size: int, seed: int = 0) -> bytes:
    """The body of ``/bytes?size=size&seed=seed&gzip=1`` (compresses about 50 times)."""
    block = payload(997, seed)
    return (block * (size // len(block) + 1))[:size]


@dataclass
class RecordedRequest:
    """One request as the server received it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    time: float = field(default_factory=time.monotonic)

    def header(self, name: str, default: str | None = None) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return default


Route = Callable[["_Handler", RecordedRequest], None]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    owner: LocalHttpServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that give up (timeouts, cancellations) break pipes: expected in these tests.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        # answer in one segment: no 40 ms Nagle/delayed-ACK stall per request
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()

    # every method goes through one dispatcher
    def _dispatch(self) -> None:
        owner = self.server.owner
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        record = RecordedRequest(
            method=self.command,
            path=parts.path,
            query=parse_qs(parts.query, keep_blank_values=True),
            headers={k: v for k, v in self.headers.items()},
            body=body,
        )
        owner._record(record)
        route = owner._find_route(parts.path)
        if route is None:
            self.send_json(404, {"detail": f"No route for {parts.path}"})
            return
        try:
            route(self, record)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = _dispatch

    # -- response helpers ----------------------------------------------------------------------
    def send_body(
        self,
        status: int,
        body: bytes,
        content_type: str = "application/json",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_json(self, status: int, data: Any, headers: Mapping[str, str] | None = None) -> None:
        ctype = "application/geo+json" if isinstance(data, dict) and "features" in data else None
        self.send_body(
            status,
            json.dumps(data).encode("utf-8"),
            content_type=ctype or "application/json",
            headers=headers,
        )

    def reset_connection(self) -> None:
        """Abort the TCP connection with an RST."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()

    def base_url(self) -> str:
        return self.server.owner.url("")


def _q(record: RecordedRequest, name: str, default: str | None = None) -> str | None:
    values = record.query.get(name)
    return values[0] if values else default


class LocalHttpServer:
    """The test server. Attributes you may change between tests (reset by :meth:`reset`):

    ``basic_user``/``basic_password``, ``access_key``/``secret_key``, ``api_key``,
    ``stac_required_headers`` (dict or None), ``stac_item_count``.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self._wanted_port = port  # 0: a free one
        self._lock = threading.Lock()
        self._routes: list[tuple[str, Route]] = []
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self.requests: list[RecordedRequest] = []
        self.hits: Counter[str] = Counter()
        self._keys: Counter[str] = Counter()
        self.reset()
        self._install_default_routes()

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> LocalHttpServer:
        self._server = _Server((self.host, self._wanted_port), _Handler)
        self._server.owner = self
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="local-http-server",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)
        self._server = None

    def __enter__(self) -> LocalHttpServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "server not started"
        return self._server.server_address[1]

    def url(self, path: str = "/") -> str:
        """Absolute URL of ``path`` on this server."""
        return f"http://{self.host}:{self.port}{path}"

    def reset(self) -> None:
        """Forget recorded requests and counters; restore the default credentials."""
        with self._lock:
            self.requests = []
            self.hits = Counter()
            self._keys = Counter()
        self.basic_user = "alice"
        self.basic_password = "wonderland-Secret-42"
        self.access_key = "AK-test-0001"
        self.secret_key = "SK-very-secret-0002"
        self.api_key = "geodes-key-0003-secret"
        self.stac_required_headers: dict[str, str] | None = None
        self.stac_item_count = 5

    # -- recording -----------------------------------------------------------------------------
    def _record(self, record: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(record)
            self.hits[record.path] += 1

    def requests_to(self, path: str) -> list[RecordedRequest]:
        """Recorded requests whose path is ``path``."""
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def _count(self, key: str) -> int:
        """Increment and return the call count of ``key``."""
        with self._lock:
            self._keys[key] += 1
            return self._keys[key]

    # -- routing -------------------------------------------------------------------------------
    def add_route(self, prefix: str, handler: Route) -> None:
        """Serve paths equal to ``prefix`` or under ``prefix/`` with ``handler``.

        The longest matching prefix wins; among equal prefixes the most recently added one
        (so tests can override the default routes).
        ``handler(h, record)`` answers with ``h.send_json``/``h.send_body``.
        """
        self._routes.insert(0, (prefix.rstrip("/"), handler))

    def _find_route(self, path: str) -> Route | None:
        best: tuple[int, Route] | None = None
        for prefix, handler in self._routes:
            matches = path == prefix or path.startswith(prefix + "/")
            if matches and (best is None or len(prefix) > best[0]):
                best = (len(prefix), handler)
        return best[1] if best else None

    def _install_default_routes(self) -> None:
        self.add_route("/json", lambda h, r: h.send_json(200, {"ok": True, "items": [1, 2, 3]}))
        self.add_route("/echo", self._echo)
        self.add_route("/basic", self._basic)
        self.add_route("/header-key", self._header_key)
        self.add_route("/api-key", self._api_key)
        self.add_route("/status", self._status)
        self.add_route("/flaky", self._flaky)
        self.add_route("/slow", self._slow)
        self.add_route("/reset", self._reset)
        self.add_route(
            "/malformed",
            lambda h, r: h.send_body(
                200,
                b'{"type": "FeatureCollection", "features": [',
            ),
        )
        self.add_route(
            "/html-error",
            lambda h, r: h.send_body(
                502,
                b"<html><head><title>502 Bad Gateway</title></head>"
                b"<body><h1>Bad Gateway</h1></body></html>",
                content_type="text/html",
            ),
        )
        self.add_route("/reflect-auth", self._reflect_auth)
        self.add_route("/reflect-values", self._reflect_values)
        self.add_route("/redirect", self._redirect)
        self.add_route(
            "/redirect-loop",
            lambda h, r: h.send_body(302, b"", "text/plain", {"Location": "/redirect-loop"}),
        )
        self.add_route("/bytes", self._bytes)
        self.add_route("/stac", self._stac)

    # -- route implementations -----------------------------------------------------------------
    @staticmethod
    def _echo(h: _Handler, r: RecordedRequest) -> None:
        try:
            parsed = json.loads(r.body) if r.body else None
        except ValueError:
            parsed = None
        h.send_json(
            200,
            {
                "method": r.method,
                "path": r.path,
                "query": r.query,
                "headers": r.headers,
                "body": r.body.decode("utf-8", errors="replace"),
                "json": parsed,
            },
        )

    def _basic(self, h: _Handler, r: RecordedRequest) -> None:
        expected = base64.b64encode(f"{self.basic_user}:{self.basic_password}".encode()).decode(
            "ascii"
        )
        auth = r.header("Authorization") or ""
        if auth != f"Basic {expected}":
            h.send_json(
                401,
                {"detail": "Invalid user name or password"},
                headers={"WWW-Authenticate": 'Basic realm="theia-tests"'},
            )
            return
        h.send_json(200, {"ok": True, "user": self.basic_user})

    def _header_key(self, h: _Handler, r: RecordedRequest) -> None:
        access, secret = r.header("access-key"), r.header("secret-key")
        if not access or not secret:
            h.send_json(401, {"detail": "Missing access-key/secret-key headers"})
        elif access != self.access_key or secret != self.secret_key:
            h.send_json(403, {"detail": "Invalid API key"})
        else:
            h.send_json(200, {"ok": True})

    def _api_key(self, h: _Handler, r: RecordedRequest) -> None:
        key = r.header("X-API-Key")
        if not key:
            h.send_json(401, {"message": "X-API-Key header required"})
        elif key != self.api_key:
            h.send_json(403, {"message": "API key not recognised"})
        else:
            h.send_json(200, {"ok": True})

    @staticmethod
    def _reflect_auth(h: _Handler, r: RecordedRequest) -> None:
        names = ("Authorization", "access-key", "secret-key", "X-API-Key")
        quoted = ", ".join(f"{n}={r.header(n)}" for n in names if r.header(n))
        h.send_json(401, {"detail": f"Credentials rejected: {quoted or 'none'}"})

    @staticmethod
    def _reflect_values(h: _Handler, r: RecordedRequest) -> None:
        ordinary = {
            "host",
            "user-agent",
            "accept",
            "accept-encoding",
            "accept-language",
            "cache-control",
            "connection",
            "content-length",
            "content-type",
            "pragma",
        }
        values = []
        for name, value in r.headers.items():
            if name.lower() in ordinary:
                continue
            scheme, _, credential = value.partition(" ")
            if name.lower() != "authorization" or not credential:
                values.append(value)
                continue
            values.append(credential)
            if scheme.lower() == "basic":
                decoded = base64.b64decode(credential).decode("utf-8", errors="replace")
                values.append(decoded.partition(":")[2])
        h.send_json(401, {"detail": "Rejected " + " ".join(values)})

    @staticmethod
    def _redirect(h: _Handler, r: RecordedRequest) -> None:
        code = int(r.path.rsplit("/", 1)[-1])
        h.send_body(code, b"", "text/plain", {"Location": _q(r, "to", "/echo")})

    @staticmethod
    def _status(h: _Handler, r: RecordedRequest) -> None:
        try:
            code = int(r.path.rsplit("/", 1)[-1])
        except ValueError:
            code = 400
        message = _q(r, "message") or f"Simulated error {code}"
        h.send_json(code, {"detail": message})

    def _flaky(self, h: _Handler, r: RecordedRequest) -> None:
        code = int(r.path.rsplit("/", 1)[-1])
        fail = int(_q(r, "fail", "1"))
        key = _q(r, "counter", r.path)
        calls = self._count(f"flaky:{key}")
        if calls <= fail:
            headers = {}
            retry_after = _q(r, "retry_after")
            if retry_after is not None:
                headers["Retry-After"] = retry_after
            h.send_json(code, {"detail": f"Try again later (call {calls})"}, headers=headers)
        else:
            h.send_json(200, {"calls": calls})

    def _slow(self, h: _Handler, r: RecordedRequest) -> None:
        seconds = float(_q(r, "seconds", "5"))
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not self._stopping.is_set():
            time.sleep(0.02)
        h.send_json(200, {"slept": seconds})

    def _reset(self, h: _Handler, r: RecordedRequest) -> None:
        fail = _q(r, "fail")
        calls = self._count(f"reset:{_q(r, 'counter', r.path)}")
        if fail is None or calls <= int(fail):
            h.reset_connection()
        else:
            h.send_json(200, {"calls": calls})

    def _bytes(self, h: _Handler, r: RecordedRequest) -> None:
        size = int(_q(r, "size", "1048576"))
        calls = self._count(f"bytes:{_q(r, 'counter', r.path)}")
        seed = int(_q(r, "seed", "0")) + (calls - 1 if _q(r, "vary") else 0)
        data = (compressible_payload if _q(r, "gzip") else payload)(size, seed)
        etag = '"' + hashlib.md5(data).hexdigest() + '"'
        start, end, status = 0, size - 1, 200
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        range_header = r.header("Range")
        if_range = r.header("If-Range")
        if if_range is not None and if_range not in (etag, LAST_MODIFIED):
            range_header = None  # changed since: the whole new content
        if _q(r, "gzip") and "gzip" in (r.header("Accept-Encoding") or ""):
            body = gzip.compress(data, mtime=0)
            headers["Content-Encoding"] = "gzip"
        else:
            headers["Accept-Ranges"] = "bytes"
            if range_header and range_header.startswith("bytes="):
                first, _, last = range_header[6:].partition("-")
                start = int(first or 0)
                end = min(int(last), size - 1) if last else size - 1
                if start >= size:
                    h.send_body(
                        416,
                        b"",
                        content_type="text/plain",
                        headers={"Content-Range": f"bytes */{size}"},
                    )
                    return
                status = 206
                headers["Content-Range"] = f"bytes {start}-{end}/{size}"
            body = data[start : end + 1]
        h.send_response(status)
        h.send_header("Content-Type", "application/octet-stream")
        h.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            h.send_header(name, value)
        h.end_headers()
        if h.command == "HEAD":
            return
        limit = None
        if calls == 1 and _q(r, "drop_after") is not None:
            limit = int(_q(r, "drop_after"))
        elif calls == 1 and _q(r, "drop_half"):
            limit = len(body) // 2
        chunk = int(_q(r, "chunk", "65536"))
        delay = float(_q(r, "delay", "0"))
        sent = 0
        for offset in range(0, len(body), chunk):
            if self._stopping.is_set():
                return
            piece = body[offset : offset + chunk]
            if limit is not None and sent + len(piece) > limit:
                h.wfile.write(piece[: limit - sent])
                h.wfile.flush()
                h.close_connection = True
                h.connection.shutdown(socket.SHUT_RDWR)  # clean close, body incomplete
                return
            h.wfile.write(piece)
            sent += len(piece)
            if delay:
                h.wfile.flush()
                time.sleep(delay)

    # -- STAC ----------------------------------------------------------------------------------
    def _stac(self, h: _Handler, r: RecordedRequest) -> None:
        required = self.stac_required_headers
        if required:
            for name, value in required.items():
                if r.header(name) != value:
                    h.send_json(401, {"detail": f"Missing or invalid {name} header"})
                    return
        root = self.url("/stac")
        sub = r.path[len("/stac") :].strip("/")
        if sub == "":
            h.send_json(200, self._stac_landing(root))
        elif sub == "conformance":
            h.send_json(200, {"conformsTo": STAC_CONFORMANCE})
        elif sub == "collections":
            h.send_json(
                200,
                {"collections": [self._stac_collection(root)], "links": []},
            )
        elif sub == "collections/sentinel2-l2a-theia":
            h.send_json(200, self._stac_collection(root))
        elif sub.startswith("collections/"):
            h.send_json(404, {"detail": f"Collection {sub.split('/', 1)[1]} not found"})
        elif sub == "search":
            self._stac_search(h, r, root)
        else:
            h.send_json(404, {"detail": f"Not found: {r.path}"})

    @staticmethod
    def _stac_landing(root: str) -> dict[str, Any]:
        return {
            "type": "Catalog",
            "stac_version": "1.0.0",
            "id": "theia-tests",
            "title": "Theia test STAC API",
            "description": "A tiny STAC API for the network-layer tests",
            "conformsTo": STAC_CONFORMANCE,
            "links": [
                {"rel": "self", "href": root, "type": "application/json"},
                {"rel": "root", "href": root, "type": "application/json"},
                {"rel": "conformance", "href": f"{root}/conformance"},
                {"rel": "data", "href": f"{root}/collections", "type": "application/json"},
                {
                    "rel": "search",
                    "href": f"{root}/search",
                    "type": "application/geo+json",
                    "method": "GET",
                },
                {
                    "rel": "search",
                    "href": f"{root}/search",
                    "type": "application/geo+json",
                    "method": "POST",
                },
            ],
        }

    @staticmethod
    def _stac_collection(root: str) -> dict[str, Any]:
        return {
            "type": "Collection",
            "stac_version": "1.0.0",
            "id": "sentinel2-l2a-theia",
            "description": "Sentinel-2 L2A (MAJA), test data",
            "license": "etalab-2.0",
            "extent": {
                "spatial": {"bbox": [[-5.0, 41.0, 10.0, 51.5]]},
                "temporal": {"interval": [["2016-01-01T00:00:00Z", None]]},
            },
            "links": [
                {"rel": "self", "href": f"{root}/collections/sentinel2-l2a-theia"},
                {"rel": "root", "href": root},
                {"rel": "items", "href": f"{root}/collections/sentinel2-l2a-theia/items"},
            ],
        }

    @staticmethod
    def _stac_item(root: str, index: int) -> dict[str, Any]:
        x, y = 3.0 + index * 0.01, 43.5
        return {
            "type": "Feature",
            "stac_version": "1.0.0",
            "id": f"SENTINEL2A_2023{index:04d}-T31TEJ",
            "collection": "sentinel2-l2a-theia",
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]],
            },
            "bbox": [x, y, x + 0.1, y + 0.1],
            "properties": {
                "datetime": f"2023-06-{1 + index % 28:02d}T10:30:00Z",
                "eo:cloud_cover": (index * 7) % 100,
                "s2:mgrs_tile": "31TEJ",
            },
            "assets": {
                "B04": {
                    "href": f"{root}/assets/{index}/B04.tif",
                    "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                }
            },
            "links": [{"rel": "collection", "href": f"{root}/collections/sentinel2-l2a-theia"}],
        }

    def _stac_search(self, h: _Handler, r: RecordedRequest, root: str) -> None:
        if r.method == "POST":
            try:
                params = json.loads(r.body or b"{}")
            except ValueError:
                h.send_json(400, {"detail": "Body is not JSON"})
                return
        else:
            params = {k: v[0] for k, v in r.query.items()}
        try:
            limit = max(1, int(params.get("limit") or 2))
            offset = int(str(params.get("token") or "page:0").split(":")[-1])
        except ValueError:
            h.send_json(400, {"detail": "Invalid limit or token"})
            return
        total = self.stac_item_count
        features = [self._stac_item(root, i) for i in range(offset, min(total, offset + limit))]
        links: list[dict[str, Any]] = [{"rel": "root", "href": root}]
        if offset + limit < total:
            token = f"page:{offset + limit}"
            if r.method == "POST":
                links.append(
                    {
                        "rel": "next",
                        "href": f"{root}/search",
                        "method": "POST",
                        "body": {**params, "token": token},
                        "type": "application/geo+json",
                    }
                )
            else:
                query = {**params, "token": token}
                from urllib.parse import urlencode

                links.append(
                    {
                        "rel": "next",
                        "href": f"{root}/search?{urlencode(query)}",
                        "type": "application/geo+json",
                    }
                )
        h.send_json(
            200,
            {
                "type": "FeatureCollection",
                "features": features,
                "links": links,
                "context": {"limit": limit, "returned": len(features)},
            },
        )
