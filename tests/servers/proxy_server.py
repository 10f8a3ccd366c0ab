"""A real HTTP proxy (proxy.py, from PyPI) started as a subprocess on 127.0.0.1.

Proof that a request traversed it: proxy.py adds ``Via: 1.1 proxy.py v…`` to the requests it
forwards (visible through the test server's ``/echo`` route), and writes one access-log line
per request (``… - GET 127.0.0.1:PORT/path - 200 OK - …``) that :meth:`ProxyServer.wait_for_log`
can wait for — when the client connection closes (keep-alive connections are logged late).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["ProxyServer", "free_port"]


def _die_with_parent() -> None:
    """In the child: get SIGTERM if the test process dies without stopping the proxy."""
    import ctypes
    import signal

    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (right now)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ProxyServer:
    """``python -m proxy`` on a random port of 127.0.0.1.

    Args:
        basic_auth: ``"user:password"`` to require proxy authentication (407 otherwise).
        python: interpreter that has proxy.py installed (default: this one).
    """

    def __init__(self, basic_auth: str | None = None, python: str | None = None) -> None:
        self.basic_auth = basic_auth
        self.python = python or sys.executable
        self._dir = Path(tempfile.mkdtemp(prefix="theia-proxy-"))
        self.log_file = self._dir / "proxy.log"
        self._port_file = self._dir / "port"
        self._process: subprocess.Popen | None = None
        self.port: int | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def host(self) -> str:
        return "127.0.0.1"

    def start(self, timeout: float = 20.0) -> ProxyServer:
        command = [
            self.python,
            "-m",
            "proxy",
            "--hostname",
            "127.0.0.1",
            "--port",
            "0",
            "--port-file",
            str(self._port_file),
            "--num-workers",
            "1",
            "--num-acceptors",
            "1",
            "--log-level",
            "INFO",
            "--log-file",
            str(self.log_file),
            "--timeout",
            "30",
        ]
        if self.basic_auth:
            command += ["--basic-auth", self.basic_auth]
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        self._process = subprocess.Popen(
            command,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            stdout=subprocess.DEVNULL,
            stderr=open(self._dir / "stderr.txt", "wb"),  # noqa: SIM115 - lives with process
            env=env,
            cwd=str(self._dir),
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"proxy.py exited early: {self.stderr()}")
            text = self._port_file.read_text().strip() if self._port_file.exists() else ""
            if text.isdigit() and self._accepts(int(text)):
                self.port = int(text)
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"proxy.py did not start within {timeout} s: {self.stderr()}")

    @staticmethod
    def _accepts(port: int) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> ProxyServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stderr(self) -> str:
        path = self._dir / "stderr.txt"
        return path.read_text(errors="replace") if path.exists() else ""

    def access_log(self) -> str:
        """The proxy's log so far (access lines contain ``METHOD host:port/path``)."""
        return self.log_file.read_text(errors="replace") if self.log_file.exists() else ""

    def wait_for_log(self, text: str, timeout: float = 5.0) -> bool:
        """True once ``text`` appears in the log. proxy.py writes an access line when the
        client connection closes: send ``Connection: close`` or close the client first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.access_log():
                return True
            time.sleep(0.05)
        return text in self.access_log()
