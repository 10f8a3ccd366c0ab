"""A real pygeoapi (PyPI, its own venv ``.venv-pygeoapi``) serving the DSM-OPT-like process of
:mod:`.dsmopt_process` with asynchronous execution (TinyDB job manager), and a plain file
server publishing the rasters it writes.

``PygeoapiService`` (context manager) writes the configuration and the OpenAPI document into
a temporary folder, starts Flask (threaded, no reloader) on a free port with the repository on
``PYTHONPATH`` (so pygeoapi imports the process plugin), and waits for ``/processes``.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.servers.proxy_server import free_port

__all__ = ["PygeoapiService", "venv_python"]

REPO = Path(__file__).resolve().parents[3]
PROCESSOR = "tests.servers.pygeoapi.dsmopt_process.DsmOptProcessor"

_SERVE = """
from pygeoapi.flask_app import APP
import sys
APP.run(host="127.0.0.1", port=int(sys.argv[1]), threaded=True, use_reloader=False, debug=False)
"""


def venv_python() -> Path:
    venv = Path(os.environ.get("THEIA_PYGEOAPI_VENV", REPO / ".venv-pygeoapi"))
    return venv / "bin" / "python"


def _config(port: int, folder: Path) -> dict:
    return {
        "server": {
            "bind": {"host": "127.0.0.1", "port": port},
            "url": f"http://127.0.0.1:{port}",
            "mimetype": "application/json; charset=UTF-8",
            "encoding": "utf-8",
            "languages": ["en-US"],
            "limits": {"default_items": 10, "max_items": 50},
            "map": {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "attribution": "OSM"},
            "manager": {
                "name": "TinyDB",
                "connection": str(folder / "jobs.db"),
                "output_dir": str(folder / "outputs"),
            },
        },
        "logging": {"level": "ERROR", "logfile": str(folder / "pygeoapi.log")},
        "metadata": {
            "identification": {
                "title": "DSM-OPT interoperability test",
                "description": "pygeoapi running a DSM-OPT-like process",
                "keywords": ["dsm"],
                "keywords_type": "theme",
                "terms_of_service": "https://creativecommons.org/licenses/by-nc/4.0/",
                "url": "https://example.org",
            },
            "license": {"name": "CC-BY-NC 4.0", "url": "https://creativecommons.org/licenses/"},
            "provider": {"name": "Theia plugin tests", "url": "https://example.org"},
            "contact": {"name": "Tests", "email": "tests@example.org"},
        },
        "resources": {"dsm-opt": {"type": "process", "processor": {"name": PROCESSOR}}},
    }


class PygeoapiService:
    def __init__(self, seconds: float = 1.0) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="pygeoapi-"))
        self.port = free_port()
        self.seconds = seconds
        self._process: subprocess.Popen | None = None
        self._files: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONHOME",)}
        env.update(
            PYTHONPATH=str(REPO),
            PYGEOAPI_CONFIG=str(self.folder / "config.yml"),
            PYGEOAPI_OPENAPI=str(self.folder / "openapi.yml"),
            DSMOPT_PYGEOAPI_SECONDS=str(self.seconds),
            DSMOPT_PYGEOAPI_FILES=str(self.folder / "files"),
            DSMOPT_PYGEOAPI_FILES_URL=self.files_url,
            NO_PROXY="127.0.0.1,localhost",
        )
        return env

    def start(self) -> PygeoapiService:
        python = venv_python()
        if not python.is_file():
            raise RuntimeError(f"{python} missing: run scripts/install-pygeoapi.sh (make setup)")
        (self.folder / "files").mkdir()
        (self.folder / "outputs").mkdir()  # the job manager writes results there
        handler = functools.partial(SimpleHTTPRequestHandler, directory=str(self.folder / "files"))
        handler.log_message = lambda *args: None
        self._files = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self._files.serve_forever, daemon=True).start()
        # JSON is YAML: no YAML writer needed on this side
        (self.folder / "config.yml").write_text(json.dumps(_config(self.port, self.folder)))
        env = self._env()
        subprocess.run(
            [str(python.parent / "pygeoapi"), "openapi", "generate", env["PYGEOAPI_CONFIG"],
             "--output-file", env["PYGEOAPI_OPENAPI"]],
            env=env, check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        self._log = open(self.folder / "server.log", "wb")  # noqa: SIM115 - closed in stop()
        self._process = subprocess.Popen(
            [str(python), "-c", _SERVE, str(self.port)], env=env, stdout=self._log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"pygeoapi exited: {self.log()}")
            with contextlib.suppress(OSError):
                request = urllib.request.Request(f"{self.url}/processes?f=json")
                opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
                with opener.open(request, timeout=5) as answer:
                    if b"dsm-opt" in answer.read():
                        return self
            time.sleep(0.2)
        raise RuntimeError(f"pygeoapi did not answer within 60 s: {self.log()}")

    @property
    def files_url(self) -> str:
        port = self._files.server_address[1] if self._files else 0
        return f"http://127.0.0.1:{port}"

    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text(errors="replace")[-3000:] if path.is_file() else ""

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
            self._log.close()
        if self._files is not None:
            self._files.shutdown()
            self._files.server_close()
            self._files = None
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PygeoapiService:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
