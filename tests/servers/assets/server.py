"""A private COG host and its URL-signing service, like Theia MTD's (catalogue.md §1).

:class:`AssetServer` serves files with HTTP Range support (``HEAD`` with ``Content-Length``,
``Accept-Ranges: bytes``, ``206``/``416`` with ``Content-Range``) and answers ``403`` (an S3-like
XML error) unless the URL carries a valid, unexpired signature (:mod:`.signature`).

:class:`SigningService` signs URLs of that server: ``POST /sign_urls``
``{"urls": [...≤64], "duration_seconds": N?}`` → ``{"hrefs": {url: signed}, "expiry": iso}`` and
``GET /sign?url=…[&duration_seconds=N]`` → ``{"href": signed, "expiry": iso}``. Credentials:
headers ``access-key`` + ``secret-key`` or ``authorization: bearer <token>``; ``401`` otherwise.
More than 64 URLs → ``400``.

Faults on demand: :meth:`SigningService.fail_next` (any status, or a malformed body),
:attr:`SigningService.backdate` (signatures issued in the past: expired or about to expire),
:meth:`AssetServer.fail_next`.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.servers.assets.signature import check_signature, sign_url
from tests.servers.http_server import RecordedRequest, _Handler, _Server

__all__ = ["MAX_URLS", "AssetServer", "SigningService"]

#: URLs one ``/sign_urls`` request may carry (the real service's limit).
MAX_URLS = 64
#: Paths of the control routes (no signature or credentials needed).
ADMIN_PREFIX = "/__admin/"
DEFAULT_DURATION = 28800
RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")


class _TimedHandler(_Handler):
    # A client that stops reading a body it no longer wants (GDAL probing a file with a plain
    # GET) must not pin a server thread forever.
    timeout = 5


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class _LocalServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 (random port) whose every request goes to
    :meth:`handle`, recorded in :attr:`requests`."""

    name = "local-server"

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.requests: list[RecordedRequest] = []
        self._faults: list[tuple[int | str, str | None]] = []

    def start(self) -> _LocalServer:
        self._server = _Server((self.host, 0), _TimedHandler)
        self._server.owner = self  # type: ignore[assignment]
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=self.name,
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)
        self._server = None

    def __enter__(self) -> _LocalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "server not started"
        return self._server.server_address[1]

    @property
    def netloc(self) -> str:
        return f"{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        return f"http://{self.netloc}{path}"

    def reset(self) -> None:
        with self._lock:
            self.requests = []
            self._faults = []

    def fail_next(self, status: int | str, times: int = 1, message: str | None = None) -> None:
        """Answer the next ``times`` requests with ``status`` (``"malformed"``: a 200 whose JSON
        body is cut short)."""
        with self._lock:
            self._faults += [(status, message)] * times

    # called by tests.servers.http_server._Handler
    def _record(self, record: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(record)

    def _find_route(self, path: str):
        return self._route

    def _route(self, h: _Handler, r: RecordedRequest) -> None:
        if r.path.startswith(ADMIN_PREFIX):
            self._admin(h, r)
            return
        with self._lock:
            fault = self._faults.pop(0) if self._faults else None
        if fault is None:
            self.handle(h, r)
        elif fault[0] == "malformed":
            h.send_body(200, b'{"hrefs": {"http://', "application/json")
        else:
            h.send_json(int(fault[0]), {"detail": fault[1] or f"injected {fault[0]}"})

    def handle(self, h: _Handler, r: RecordedRequest) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- control by tests in another process (see tests.servers.assets.process) -------------
    def _admin(self, h: _Handler, r: RecordedRequest) -> None:
        with self._lock:
            self.requests.pop()  # control calls are not part of what tests inspect
        op = r.path[len(ADMIN_PREFIX) :]
        args = json.loads(r.body or b"{}")
        try:
            result = self.admin(op, args)
        except Exception as exc:  # reported to the test process
            h.send_json(500, {"error": f"{type(exc).__name__}: {exc}"})
            return
        h.send_json(200, {"result": result})

    def admin(self, op: str, args: dict[str, Any]) -> Any:
        if op == "reset":
            return self.reset()
        if op == "fail_next":
            return self.fail_next(args["status"], args.get("times", 1), args.get("message"))
        if op == "set":
            for name, value in args.items():
                if not hasattr(self, name):
                    raise AttributeError(name)
                setattr(self, name, value)
            return None
        if op == "requests":
            with self._lock:
                return [
                    {
                        "method": q.method,
                        "path": q.path,
                        "query": q.query,
                        "headers": q.headers,
                        "body": q.body.decode("utf-8", "replace"),
                    }
                    for q in self.requests
                ]
        raise KeyError(f"unknown control operation {op}")

    def requests_to(self, path: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]


class AssetServer(_LocalServer):
    """Files published under URL paths, readable only through signed URLs."""

    name = "asset-server"

    def __init__(self, host: str = "127.0.0.1") -> None:
        super().__init__(host)
        self.secret = secrets.token_bytes(32)
        self.files: dict[str, Path] = {}

    def publish(self, path: str, file: str | Path) -> str:
        """Serve ``file`` at ``path``; returns its (unsigned) URL."""
        self.files["/" + path.lstrip("/")] = Path(file)
        return self.url("/" + path.lstrip("/"))

    def sign(self, url: str, duration: int, issued: datetime | None = None) -> str:
        return sign_url(url, self.secret, issued=issued or _utcnow(), duration=duration)

    def admin(self, op: str, args: dict[str, Any]) -> Any:
        if op == "publish":
            return self.publish(args["path"], args["file"])
        if op == "sign":
            return self.sign(args["url"], int(args["duration"]))
        return super().admin(op, args)

    def handle(self, h: _Handler, r: RecordedRequest) -> None:
        if r.method not in ("GET", "HEAD"):
            h.send_body(405, b"", "text/plain", {"Allow": "GET, HEAD"})
            return
        query = urlsplit(h.path).query
        refused = check_signature(r.path, query, self.secret, datetime.now(timezone.utc))
        if refused is not None:
            code = refused.split(":")[0]
            body = f"<Error><Code>{code}</Code><Message>{refused}</Message></Error>"
            h.send_body(403, body.encode(), "application/xml")
            return
        file = self.files.get(r.path)
        if file is None or not file.is_file():
            h.send_body(404, b"<Error><Code>NoSuchKey</Code></Error>", "application/xml")
            return
        data = file.read_bytes()
        size = len(data)
        headers = {"Accept-Ranges": "bytes", "ETag": f'"{hash(data) & 0xFFFFFFFF:08x}"'}
        wanted = r.header("Range")
        if wanted is None:
            h.send_body(200, data, "image/tiff", headers)
            return
        match = RANGE_RE.match(wanted.strip())
        if not match or match.groups() == ("", ""):
            h.send_body(200, data, "image/tiff", headers)  # multi-range: the whole body
            return
        first, last = match.groups()
        if first == "":  # suffix range: the last N bytes
            start, end = max(size - int(last), 0), size - 1
        else:
            start, end = int(first), min(int(last) if last else size - 1, size - 1)
        if start >= size or start > end:
            h.send_body(416, b"", "text/plain", {**headers, "Content-Range": f"bytes */{size}"})
            return
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        h.send_body(206, data[start : end + 1], "image/tiff", headers)


class SigningService(_LocalServer):
    """Signs URLs of one :class:`AssetServer` for callers that present credentials.

    Attributes tests may change (restored by :meth:`reset`): ``access_key``, ``secret_key``,
    ``token``, ``backdate`` (seconds; signatures are issued that long ago), ``max_duration``.
    """

    name = "signing-service"

    def __init__(self, assets: AssetServer, host: str = "127.0.0.1") -> None:
        super().__init__(host)
        self.assets = assets
        self.reset()

    def reset(self) -> None:
        super().reset()
        self.access_key = "mtd-access-0001"
        self.secret_key = "mtd-Secret-key-0002"
        self.token = "eyJ.test-bearer.token-0003"
        self.backdate = 0
        self.max_duration = 7 * 24 * 3600

    @property
    def credentials(self) -> dict[str, str]:
        """Headers of a valid API key."""
        return {"access-key": self.access_key, "secret-key": self.secret_key}

    def signed_batches(self) -> list[list[str]]:
        """The URL lists of every ``/sign_urls`` request received, in order."""
        out = []
        for r in self.requests_to("/sign_urls"):
            try:
                out.append(list(json.loads(r.body)["urls"]))
            except (ValueError, KeyError, TypeError):
                out.append([])
        return out

    def _authorised(self, r: RecordedRequest) -> bool:
        auth = r.header("authorization") or ""
        if auth.lower().startswith("bearer ") and auth[7:].strip() == self.token:
            return True
        return r.header("access-key") == self.access_key and (
            r.header("secret-key") == self.secret_key
        )

    def _sign(self, urls: list[str], duration: int) -> tuple[dict[str, str], str]:
        issued = _utcnow() - timedelta(seconds=self.backdate)
        hrefs = {url: self.assets.sign(url, duration, issued) for url in urls}
        return hrefs, (issued + timedelta(seconds=duration)).isoformat()

    def _duration(self, value: Any) -> int | str:
        if value is None:
            return DEFAULT_DURATION
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            return "duration_seconds must be a positive integer"
        if value > self.max_duration:
            return f"duration_seconds must be at most {self.max_duration}"
        return value

    def _check_urls(self, urls: Any) -> str | None:
        if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
            return "urls must be a list of strings"
        if not urls:
            return "urls is empty"
        if len(urls) > MAX_URLS:
            return f"at most {MAX_URLS} urls per request ({len(urls)} given)"
        foreign = [u for u in urls if urlsplit(u).netloc != self.assets.netloc]
        if foreign:
            return f"cannot sign {foreign[0]}: not a URL of the storage"
        return None

    def handle(self, h: _Handler, r: RecordedRequest) -> None:
        if r.path not in ("/sign_urls", "/sign"):
            h.send_json(404, {"detail": "Not Found"})
            return
        if not self._authorised(r):
            h.send_json(401, {"detail": "Not authenticated"}, {"WWW-Authenticate": "Bearer"})
            return
        if r.path == "/sign":
            self._sign_one(h, r)
        else:
            self._sign_many(h, r)

    def _sign_one(self, h: _Handler, r: RecordedRequest) -> None:
        if r.method != "GET":
            h.send_json(405, {"detail": "Method Not Allowed"})
            return
        urls = r.query.get("url", [])
        raw = r.query.get("duration_seconds", [None])[0]
        duration = self._duration(int(raw) if raw and raw.isdigit() else raw)
        problem = self._check_urls(urls) if len(urls) == 1 else "exactly one url is expected"
        problem = problem or (duration if isinstance(duration, str) else None)
        if problem:
            h.send_json(400, {"detail": problem})
            return
        hrefs, expiry = self._sign(urls, int(duration))
        h.send_json(200, {"href": hrefs[urls[0]], "expiry": expiry})

    def _sign_many(self, h: _Handler, r: RecordedRequest) -> None:
        if r.method != "POST":
            h.send_json(405, {"detail": "Method Not Allowed"})
            return
        try:
            body = json.loads(r.body or b"null")
        except ValueError:
            body = None
        if not isinstance(body, Mapping):
            h.send_json(422, {"detail": "body must be a JSON object"})
            return
        duration = self._duration(body.get("duration_seconds"))
        problem = self._check_urls(body.get("urls"))
        problem = problem or (duration if isinstance(duration, str) else None)
        if problem:
            h.send_json(400, {"detail": problem})
            return
        hrefs, expiry = self._sign(list(body["urls"]), int(duration))
        h.send_json(200, {"hrefs": hrefs, "expiry": expiry})


def query_of(url: str) -> dict[str, str]:
    """The query parameters of ``url`` (one value each)."""
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
