"""A forwarding route in front of the real local STAC API that can hold searches.

``HoldingStacProxy(http_server, stac_api.url)`` serves the STAC API under
``http_server.url("/stac-proxy")`` (links rewritten to the proxy). After :meth:`hold`, every
``/search`` request waits in the server until :meth:`release`: :attr:`waiting` is set once one
is held — a slow catalogue whose slowness the test controls exactly, with no sleeps. A search
held longer than ``max_hold`` seconds gets a 503, so a client that blocks its own thread while
waiting fails its test instead of hanging it.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

from tests.servers.http_server import LocalHttpServer, RecordedRequest


class HoldingStacProxy:
    def __init__(
        self,
        server: LocalHttpServer,
        upstream: str,
        prefix: str = "/stac-proxy",
        max_hold: float = 20.0,
    ):
        self.max_hold = max_hold
        self.server = server
        self.upstream = upstream.rstrip("/")
        self.prefix = prefix
        self.url = server.url(prefix)
        self.gate = threading.Event()
        self.gate.set()
        self.waiting = threading.Event()
        self.searches = 0
        server.add_route(prefix, self._route)

    def hold(self) -> None:
        self.waiting.clear()
        self.gate.clear()

    def release(self) -> None:
        self.gate.set()

    def _route(self, h, r: RecordedRequest) -> None:
        path = r.path[len(self.prefix) :] or "/"
        if path.startswith("/search"):
            self.searches += 1
            if not self.gate.is_set():
                self.waiting.set()
                deadline = time.monotonic() + self.max_hold
                while not self.gate.wait(0.05):
                    if self.server._stopping.is_set():
                        return
                    if time.monotonic() > deadline:  # a client that blocked us: fail it, no hang
                        h.send_json(503, {"detail": "held too long"})
                        return
        query = urlencode(r.query, doseq=True)
        url = self.upstream + path + (f"?{query}" if query else "")
        headers = {"Accept": r.header("Accept") or "application/json"}
        if r.body:
            headers["Content-Type"] = r.header("Content-Type") or "application/json"
        request = urllib.request.Request(url, data=r.body or None, headers=headers, method=r.method)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=30) as response:
                status, body = response.status, response.read()
                ctype = response.headers.get("Content-Type", "application/json")
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
            ctype = error.headers.get("Content-Type", "application/json")
        body = body.replace(self.upstream.encode(), self.url.encode())
        h.send_body(status, body, ctype)
