"""The asset server and signing service in a child process, driven from tests.

They cannot share the test process: GDAL holds the GIL while it opens a ``/vsicurl/`` file, so
an in-process server could not answer it. :class:`SignedAssets` starts
``python -m tests.servers.assets`` and gives proxies with the servers' controls (publish, faults,
settings, recorded requests) over their ``/__admin/`` routes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

from tests.servers.http_server import RecordedRequest

REPO_ROOT = Path(__file__).resolve().parents[3]


class _Remote:
    def __init__(self, port: int, host: str = "127.0.0.1") -> None:
        self.host, self.port = host, port

    @property
    def netloc(self) -> str:
        return f"{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        return f"http://{self.netloc}{path}"

    def _call(self, op: str, **args: Any) -> Any:
        request = urllib.request.Request(
            self.url(f"/__admin/{op}"),
            data=json.dumps(args).encode(),
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        # no proxy: loopback only
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=30) as response:
                return json.loads(response.read())["result"]
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"{op}: {exc.read().decode(errors='replace')}") from None

    def reset(self) -> None:
        self._call("reset")

    def fail_next(self, status: int | str, times: int = 1, message: str | None = None) -> None:
        """The next ``times`` requests get ``status`` (``"malformed"``: cut-short JSON)."""
        self._call("fail_next", status=status, times=times, message=message)

    def set(self, **attributes: Any) -> None:
        self._call("set", **attributes)

    @property
    def requests(self) -> list[RecordedRequest]:
        return [
            RecordedRequest(
                method=r["method"],
                path=r["path"],
                query=r["query"],
                headers=r["headers"],
                body=r["body"].encode(),
            )
            for r in self._call("requests")
        ]

    def requests_to(self, path: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path == path]


class RemoteAssetServer(_Remote):
    def publish(self, path: str, file: str | Path) -> str:
        """Serve ``file`` at ``path``; returns its (unsigned) URL."""
        return self._call("publish", path=path, file=str(file))

    def sign(self, url: str, duration: int = 3600) -> str:
        """``url`` signed by the server's secret (what the signing service hands out)."""
        return self._call("sign", url=url, duration=duration)


class RemoteSigningService(_Remote):
    #: Credentials the service accepts (its defaults, restored by ``reset``).
    access_key = "mtd-access-0001"
    secret_key = "mtd-Secret-key-0002"
    token = "eyJ.test-bearer.token-0003"

    @property
    def credentials(self) -> dict[str, str]:
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


class SignedAssets:
    """Context manager: ``.assets`` (:class:`RemoteAssetServer`), ``.signing``
    (:class:`RemoteSigningService`)."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None

    def __enter__(self) -> SignedAssets:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), *sys.path])}
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "tests.servers.assets"],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line:
            self.__exit__()
            raise RuntimeError("the asset server did not start (see its stderr above)")
        ports = json.loads(line)
        self.assets = RemoteAssetServer(ports["assets"])
        self.signing = RemoteSigningService(ports["signing"])
        return self

    def reset(self) -> None:
        self.assets.reset()
        self.signing.reset()

    def __exit__(self, *exc: object) -> None:
        if self._proc is None:
            return
        try:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            self._proc.wait(10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._proc = None
