"""A real STAC API for tests: PostgreSQL 15 + PostGIS 3 + pgstac + stac-fastapi-pgstac.

:class:`StacApiService` (a context manager) starts, on 127.0.0.1 and free ports:

1. a throwaway PostgreSQL cluster (``initdb`` in a temp folder, socket in that folder). When we
   are root (CI is), the cluster belongs to an unprivileged system user (``theia-pg``, made by
   ``scripts/install-stac-server.sh`` or here; ``nobody`` as a last resort) because PostgreSQL
   refuses to run as root;
2. pgstac (``pypgstac`` migrate, then the collections and items of :mod:`.theia_data` loaded
   with ``--method upsert``, and their queryables);
3. ``uvicorn stac_fastapi.pgstac.app:create_app --factory`` (PG* environment variables),
   ready once ``GET /`` answers 200.

Every server-side command runs with the server venv's interpreter (``.venv-stac/bin/python``,
``scripts/install-stac-server.sh``) in subprocesses, so this module only needs the standard
library and works from the QGIS venv. ``postgres`` and ``uvicorn`` are direct children that the
kernel stops when this process dies (``PR_SET_PDEATHSIG``), even on ``kill -9`` of pytest;
:meth:`stop` (also registered with :mod:`atexit`) stops them and removes the temp folder, and
runs when :meth:`start` fails midway.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.servers.stac_api import theia_data

REPO_ROOT = Path(__file__).resolve().parents[3]
#: The server venv (override with THEIA_STAC_VENV).
STAC_VENV = Path(os.environ.get("THEIA_STAC_VENV", REPO_ROOT / ".venv-stac"))
#: Unprivileged owner of the clusters when running as root (override with THEIA_PG_USER).
PG_USER = os.environ.get("THEIA_PG_USER", "theia-pg")
INSTALL_HINT = "run scripts/install-stac-server.sh"
_LOADER = Path(__file__).with_name("pgstac_load.py")
_PR_SET_PDEATHSIG = 1
_TMP_PREFIX = "theia-stac-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_folders(parent: Path) -> None:
    """Remove the folders of services whose owner process died without cleaning up (kill -9).

    Their ``postgres`` and ``uvicorn`` already stopped with their parent (PDEATHSIG).
    """
    for owner in parent.glob(f"{_TMP_PREFIX}*/owner.pid"):
        try:
            pid = int(owner.read_text().strip())
        except (OSError, ValueError):
            continue
        if pid != os.getpid() and not _alive(pid):
            shutil.rmtree(owner.parent, ignore_errors=True)


class StacApiError(RuntimeError):
    """The STAC API service could not be started."""


def venv_python(venv: Path | None = None) -> Path:
    return (venv or STAC_VENV).absolute() / "bin" / "python"


def server_venv_ready(venv: Path | None = None) -> bool:
    """True when the server venv exists (``scripts/install-stac-server.sh`` was run)."""
    return venv_python(venv).is_file()


def find_pg_bindir() -> Path:
    """The PostgreSQL server binaries (THEIA_PG_BINDIR, else the newest Debian version)."""
    if os.environ.get("THEIA_PG_BINDIR"):
        return Path(os.environ["THEIA_PG_BINDIR"])
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if not candidates:
        raise StacApiError(f"PostgreSQL server binaries not found: {INSTALL_HINT}")
    return candidates[-1].parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent(sig: int) -> Any:
    """A ``preexec_fn`` that makes the child receive ``sig`` when this process dies."""

    def preexec() -> None:
        with contextlib.suppress(Exception):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, sig, 0, 0, 0)

    return preexec


def _ensure_pg_user(name: str) -> tuple[int, int]:
    """uid and gid of the cluster owner, creating the system user if needed (root only)."""
    import pwd

    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        created = subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--home-dir",
                "/nonexistent",
                "--shell",
                "/usr/sbin/nologin",
                "--user-group",
                name,
            ],
            capture_output=True,
            text=True,
        )
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            if name == "nobody":
                raise StacApiError(f"cannot create user {name}: {created.stderr}") from None
            return _ensure_pg_user("nobody")
    return entry.pw_uid, entry.pw_gid


class StacApiService:
    """A running STAC API loaded with :mod:`.theia_data` (use as a context manager).

    ``url`` is the API root (``http://127.0.0.1:<port>``, no trailing slash). ``assets_base``
    is passed to :func:`.theia_data.items` for the asset hrefs.
    """

    def __init__(
        self,
        assets_base: str = theia_data.DEFAULT_ASSETS_BASE,
        *,
        venv: Path | None = None,
        startup_timeout: float = 60.0,
        log_level: str = "warning",
        port: int | None = None,
    ) -> None:
        self.assets_base = assets_base
        self.python = venv_python(venv)
        self.startup_timeout = startup_timeout
        self.log_level = log_level
        self.requested_port = port
        self.url = ""
        self.pg_port = 0
        self.api_port = 0
        self.timings: dict[str, float] = {}
        self.tmp: Path | None = None
        self._postgres: subprocess.Popen | None = None
        self._uvicorn: subprocess.Popen | None = None
        self._password = secrets.token_hex(12)
        self._pg_user = "theia"
        self._as_user: dict[str, Any] = {}
        self._stopped = True

    # --- lifecycle ---------------------------------------------------------------------------

    def __enter__(self) -> StacApiService:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> StacApiService:
        if not self.python.is_file():
            raise StacApiError(f"server venv missing ({self.python}): {INSTALL_HINT}")
        self._stopped = False
        atexit.register(self.stop)
        t0 = time.monotonic()
        try:
            self._make_tmp()
            self._start_postgres()
            t1 = time.monotonic()
            self._load()
            t2 = time.monotonic()
            self._start_uvicorn()
            t3 = time.monotonic()
        except BaseException:
            self.stop()
            raise
        self.timings = {"postgres": t1 - t0, "pgstac": t2 - t1, "uvicorn": t3 - t2}
        return self

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)
        if self._uvicorn is not None:
            self._terminate(self._uvicorn, signal.SIGTERM)
            self._uvicorn = None
        if self._postgres is not None:
            # SIGINT = "fast" shutdown (pg_ctl stop -m fast)
            self._terminate(self._postgres, signal.SIGINT)
            self._postgres = None
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None

    @staticmethod
    def _terminate(proc: subprocess.Popen, sig: int) -> None:
        if proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(sig)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)

    # --- steps -------------------------------------------------------------------------------

    def _make_tmp(self) -> None:
        root = os.geteuid() == 0
        # as root, a folder the cluster owner can reach (TMPDIR may be private to root)
        parent = Path("/tmp" if root else tempfile.gettempdir())
        remove_stale_folders(parent)
        self.tmp = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX, dir=parent))
        (self.tmp / "owner.pid").write_text(str(os.getpid()))
        if root:
            uid, gid = _ensure_pg_user(PG_USER)
            os.chown(self.tmp, uid, gid)
            self._as_user = {"user": uid, "group": gid, "extra_groups": []}
        (self.tmp / "socket").mkdir()
        (self.tmp / "pwfile").write_text(self._password + "\n")
        for path in (self.tmp / "socket", self.tmp / "pwfile"):
            if root:
                os.chown(path, self._as_user["user"], self._as_user["group"])

    def _run(self, args: list[str], step: str, *, as_pg: bool = False, **kwargs: Any) -> str:
        try:
            done = subprocess.run(
                args,
                capture_output=True,
                text=True,
                cwd=self.tmp,
                timeout=self.startup_timeout,
                **(self._as_user if as_pg else {}),
                **kwargs,
            )
        except subprocess.TimeoutExpired as exc:
            raise StacApiError(f"{step}: timed out after {exc.timeout} s") from exc
        if done.returncode != 0:
            raise StacApiError(f"{step} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
        return done.stdout + done.stderr

    def _start_postgres(self) -> None:
        assert self.tmp is not None
        bindir = find_pg_bindir()
        data = self.tmp / "data"
        self._run(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                self._pg_user,
                f"--pwfile={self.tmp / 'pwfile'}",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            ],
            "initdb",
            as_pg=True,
        )
        self.pg_port = free_port()
        log = (self.tmp / "postgres.log").open("wb")
        # a direct child rather than "pg_ctl start": it dies with us (PDEATHSIG) if pytest is
        # killed; SIGINT is pg_ctl's "-m fast" stop.
        self._postgres = subprocess.Popen(
            [
                str(bindir / "postgres"),
                "-D",
                str(data),
                "-p",
                str(self.pg_port),
                "-h",
                "127.0.0.1",
                "-k",
                str(self.tmp / "socket"),
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=40",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.tmp,
            start_new_session=True,
            preexec_fn=_die_with_parent(signal.SIGINT),
            **self._as_user,
        )
        log.close()
        deadline = time.monotonic() + self.startup_timeout
        isready = [str(bindir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.pg_port)]
        while subprocess.run(isready, cwd=self.tmp).returncode != 0:
            if self._postgres.poll() is not None or time.monotonic() > deadline:
                raise StacApiError(f"PostgreSQL did not start:\n{self._log('postgres.log')}")
            time.sleep(0.1)
        psql = [str(bindir / "psql") if (bindir / "psql").is_file() else "psql"]
        self._run(
            [
                *psql,
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-d",
                "postgres",
                "-c",
                "CREATE DATABASE stac",
                "-c",
                "\\c stac",
                "-c",
                "CREATE EXTENSION IF NOT EXISTS postgis",
                "-c",
                "CREATE EXTENSION IF NOT EXISTS btree_gist",
            ],
            "create database",
            env=self.pg_env(),
        )

    def pg_env(self, database: str = "stac") -> dict[str, str]:
        """The environment of a process talking to the database (libpq and stac-fastapi)."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("PG", "POSTGRES", "PYTHON", "VIRTUAL_ENV"))
        }
        env.update(
            PGHOST="127.0.0.1",
            PGPORT=str(self.pg_port),
            PGUSER=self._pg_user,
            PGPASSWORD=self._password,
            PGDATABASE=database,
        )
        return env

    def _load(self) -> None:
        assert self.tmp is not None
        paths = theia_data.write(self.tmp / "data-json", self.assets_base)
        self._run(
            [
                str(self.python),
                str(_LOADER),
                str(paths["collections"]),
                str(paths["items"]),
                str(paths["queryables"]),
            ],
            "pgstac migrate/load",
            env=self.pg_env(),
        )

    def _start_uvicorn(self) -> None:
        assert self.tmp is not None
        self.api_port = self.requested_port or free_port()
        env = self.pg_env()
        env.update(
            # no .env file lookup surprises: cwd is our temp folder
            DB_MIN_CONN_SIZE="1",
            DB_MAX_CONN_SIZE="5",
            STAC_FASTAPI_TITLE="Theia test STAC API",
            STAC_FASTAPI_DESCRIPTION="Local stac-fastapi-pgstac loaded with Theia-like data",
        )
        log = (self.tmp / "uvicorn.log").open("wb")
        self._uvicorn = subprocess.Popen(
            [
                str(self.python),
                "-m",
                "uvicorn",
                "stac_fastapi.pgstac.app:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.api_port),
                "--log-level",
                self.log_level,
                "--no-access-log",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.tmp,
            env=env,
            start_new_session=True,
            preexec_fn=_die_with_parent(signal.SIGTERM),
        )
        log.close()
        self.url = f"http://127.0.0.1:{self.api_port}"
        deadline = time.monotonic() + self.startup_timeout
        while True:
            if self._uvicorn.poll() is not None:
                raise StacApiError(f"uvicorn exited:\n{self._log('uvicorn.log')}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise StacApiError(f"STAC API not ready in time:\n{self._log('uvicorn.log')}")
            time.sleep(0.1)

    def _log(self, name: str, tail: int = 4000) -> str:
        if self.tmp is None:
            return ""
        try:
            return (self.tmp / name).read_text(errors="replace")[-tail:]
        except OSError:
            return ""


def main(argv: list[str] | None = None) -> int:
    """``python -m tests.servers.stac_api``: run the service in the foreground."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tests.servers.stac_api", description=__doc__)
    parser.add_argument("--port", type=int, default=None, help="API port (default: a free one)")
    parser.add_argument("--assets-base", default=theia_data.DEFAULT_ASSETS_BASE)
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)
    service = StacApiService(args.assets_base, port=args.port, log_level=args.log_level)
    # SIGTERM (make, systemd, kill) stops cleanly like Ctrl-C
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        service.start()
    except StacApiError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        timings = ", ".join(f"{k} {v:.1f} s" for k, v in service.timings.items())
        print(f"STAC API ready ({timings}); PostgreSQL on 127.0.0.1:{service.pg_port}")
        print(service.url, flush=True)
        print("Ctrl-C to stop", file=sys.stderr, flush=True)
        while service._uvicorn is not None and service._uvicorn.poll() is None:
            time.sleep(0.5)
        print(f"uvicorn exited:\n{service._log('uvicorn.log')}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        service.stop()
