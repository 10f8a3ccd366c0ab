"""Catalogue paging: the plugin's STAC search vs raw HTTP requests of the same query.

A real local STAC API (PostgreSQL + pgstac + stac-fastapi-pgstac, tests/servers/stac_api)
is loaded with 10 000 extra Sentinel-2 L2A items. Each contender, in its own process, pages
through all of them (100 per page, newest first) and reports the time to the first page, the
mean time per following page and its memory after 1 000 items and at the end (the plugin
yields page by page: memory must stay flat). Contenders:
- raw HTTP: ``requests`` POSTing ``/search`` and following the ``next`` links (the floor);
- the plugin's ``StacCatalogue`` (pystac-client on the plugin's network layer), outside QGIS
  (requests transport) and inside QGIS (QgsNetworkAccessManager transport).
"""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench.measure import Measure, measure, print_table

ROOT = Path(__file__).resolve().parents[1]
BULK_ITEMS = 10_000
PAGE = 100
COLLECTION = "sentinel2-l2a-theia"


def bulk_items(count: int = BULK_ITEMS) -> list[dict]:
    """``count`` extra L2A items: every tile of the test data, one a day from 2010 on."""
    from tests.servers.stac_api import theia_data as data

    rng = random.Random(10_000)
    tiles = sorted(data.TILES)
    start = datetime(2010, 1, 1, 10, 30, tzinfo=timezone.utc)
    out = []
    for n in range(count):
        tile = tiles[n % len(tiles)]
        when = start + timedelta(days=n // len(tiles), seconds=n % 60, milliseconds=n % 1000)
        platform = "sentinel-2a" if n % 2 == 0 else "sentinel-2b"
        orbit = data.TILES[tile]["orbits"][n % 2]
        cloud = round(min(100.0, rng.expovariate(1 / 25.0)), 2)
        out.append(data._s2_item(data.DEFAULT_ASSETS_BASE, tile, when, platform, orbit, cloud))
    return out


def start_service():
    from tests.servers.stac_api import theia_data
    from tests.servers.stac_api.service import StacApiService

    class BulkStacApiService(StacApiService):
        def _load(self) -> None:
            original = theia_data.write

            def write(folder, assets_base=theia_data.DEFAULT_ASSETS_BASE):
                paths = original(folder, assets_base)
                with paths["items"].open("a", encoding="utf-8") as f:
                    for item in bulk_items():
                        f.write(json.dumps(item) + "\n")
                return paths

            theia_data.write = write
            try:
                super()._load()
            finally:
                theia_data.write = original

    return BulkStacApiService().start()


# -- children ---------------------------------------------------------------------------------
def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Pager:
    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.first = 0.0
        self.pages = 0
        self.items = 0
        self.rss_1000 = 0.0

    def page(self, count: int) -> None:
        self.pages += 1
        self.items += count
        if self.pages == 1:
            self.first = time.perf_counter() - self.started
        if not self.rss_1000 and self.items >= 1000:
            self.rss_1000 = _rss_mb()

    def report(self) -> None:
        total = time.perf_counter() - self.started
        per_page = (total - self.first) / max(1, self.pages - 1)
        print(json.dumps({
            "first_page_s": self.first, "per_page_ms": per_page * 1000, "items": self.items,
            "rss_1000_mb": self.rss_1000, "rss_end_mb": _rss_mb(),
        }))  # fmt: skip


def child(kind: str, url: str) -> None:
    sys.path.insert(0, str(ROOT))
    pager = _Pager()
    if kind == "raw":
        import requests

        body = {"collections": [COLLECTION], "limit": PAGE,
                "sortby": [{"field": "properties.datetime", "direction": "desc"}]}  # fmt: skip
        with requests.Session() as session:
            href, method = f"{url}/search", "POST"
            while href:
                response = session.request(method, href, json=body if method == "POST" else None)
                response.raise_for_status()
                page = response.json()
                pager.page(len(page["features"]))
                link = next((ln for ln in page.get("links", ()) if ln["rel"] == "next"), None)
                href = link["href"] if link else None
                method = (link or {}).get("method", "GET")
                body = (link or {}).get("body", body)
    else:
        if kind == "qgis":
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from qgis.core import QgsApplication

            app = QgsApplication([], False)
            app.initQgis()
        from theia_plugin.core.catalogue.model import SearchRequest
        from theia_plugin.core.catalogue.stac_backend import StacCatalogue
        from theia_plugin.net import create_client

        with create_client(prefer_qgis=kind == "qgis") as client:
            catalogue = StacCatalogue(url, client)
            request = SearchRequest(collections=(COLLECTION,), page_size=PAGE)
            for page in catalogue.search(request):
                pager.page(len(page))
    pager.report()
    if kind == "qgis":
        os._exit(0)  # skip QGIS's teardown: nothing to clean up in a benchmark child


def run() -> None:
    sys.path.insert(0, str(ROOT))
    service = start_service()
    try:
        me = [sys.executable, "-m", "bench.bench_catalogue", "--child"]
        contenders = {
            "raw HTTP (requests, next links)": [*me, "raw", service.url],
            "plugin StacCatalogue (requests transport)": [*me, "requests", service.url],
            "plugin StacCatalogue (QGIS transport)": [*me, "qgis", service.url],
        }
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(ROOT), "/usr/share/qgis/python/plugins", env.get("PYTHONPATH")) if p
        )
        rows: list[Measure] = []
        for name, argv in contenders.items():
            row = measure(name, argv, env=env, keep_stdout=True)
            figures = json.loads(row.stdout.strip().splitlines()[-1])
            row.note = (
                f"{figures['items']} items; first page {figures['first_page_s'] * 1000:.0f} ms, "
                f"then {figures['per_page_ms']:.0f} ms/page; RSS {figures['rss_1000_mb']:.0f} MB "
                f"after 1000 items, {figures['rss_end_mb']:.0f} MB at the end"
            )
            rows.append(row)
        print_table(
            f"STAC paging through {BULK_ITEMS} items ({PAGE} per page, newest first), local "
            "stac-fastapi-pgstac",
            rows,
            reference="raw HTTP (requests, next links)",
        )
    finally:
        service.stop()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        run()
