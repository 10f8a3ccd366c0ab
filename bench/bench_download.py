"""Streaming download through the plugin's network layer vs curl and a naive requests call.

A local HTTP server serves a large incompressible file; each contender downloads it in its
own process. The plugin's two transports (QGIS network stack, requests) must stream to disk:
their peak memory stays flat while the naive ``requests.get(...).content`` holds the body.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.measure import Measure, measure, print_table

ROOT = Path(__file__).resolve().parents[1]
SIZE_MB = int(os.environ.get("THEIA_BENCH_DOWNLOAD_MB", "512"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(directory: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
         "--directory", str(directory)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise RuntimeError("the benchmark HTTP server did not start")


def _child(kind: str, url: str, dest: str) -> None:
    """Runs inside the measured process."""
    sys.path.insert(0, str(ROOT))
    if kind == "naive-requests":
        import requests

        Path(dest).write_bytes(requests.get(url, timeout=60).content)
        return
    if kind in ("qgis", "qgis-start-only"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from qgis.core import QgsApplication

        app = QgsApplication([], False)
        app.initQgis()
        if kind == "qgis-start-only":
            return
    from theia_plugin.net import create_client

    client = create_client(prefer_qgis=(kind == "qgis"), timeout=60)
    client.download(url, dest)


def run() -> None:
    work = Path(tempfile.mkdtemp(prefix="theia-bench-dl-"))
    try:
        source = work / "served" / "payload.bin"
        source.parent.mkdir()
        with source.open("wb") as stream:
            for _ in range(SIZE_MB):
                stream.write(os.urandom(1 << 20))
        digest = _md5(source)
        server, base = _serve(source.parent)
        url = f"{base}/payload.bin"
        rows: list[Measure] = []
        try:
            contenders = {
                "curl -o": ["curl", "-sS", "-o", "{dest}", url],
                "plugin net (QGIS transport)": [sys.executable, "-m", "bench.bench_download",
                                                "--child", "qgis", url, "{dest}"],
                "QGIS start only (baseline)": [sys.executable, "-m", "bench.bench_download",
                                               "--child", "qgis-start-only", url, "{dest}"],
                "plugin net (requests transport)": [sys.executable, "-m", "bench.bench_download",
                                                    "--child", "requests", url, "{dest}"],
                "requests .content (naive)": [sys.executable, "-m", "bench.bench_download",
                                              "--child", "naive-requests", url, "{dest}"],
            }  # fmt: skip
            for name, argv in contenders.items():
                if argv[0] == "curl" and shutil.which("curl") is None:
                    continue
                dest = work / f"{name.split()[0]}-{len(rows)}.bin"
                row = measure(
                    name, [a.replace("{dest}", str(dest)) for a in argv], env=_child_env()
                )
                if "baseline" in name:
                    row.note = "what the QGIS row pays before downloading"
                    rows.append(row)
                    continue
                ok = _md5(dest) == digest
                row.note = f"{SIZE_MB / row.wall_s:.0f} MB/s" + ("" if ok else "  CORRUPT")
                rows.append(row)
                dest.unlink()
        finally:
            server.terminate()
            server.wait()
        print_table(
            f"Download of a {SIZE_MB} MB file from a local HTTP server (one process each)",
            rows,
            reference="curl -o" if any(r.name == "curl -o" for r in rows) else rows[0].name,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _md5(path: Path) -> str:
    """In chunks: the parent's peak memory is inherited by the children it measures."""
    digest = hashlib.md5()  # integrity check only
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), "/usr/share/qgis/python/plugins", env.get("PYTHONPATH")) if p
    )
    return env


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        _child(*sys.argv[2:])
    else:
        run()
