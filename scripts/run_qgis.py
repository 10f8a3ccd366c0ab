#!/usr/bin/env python3
"""Launch QGIS with the working copy linked as a plugin in a development profile.

The profile lives in build/qgis-profile so a developer's own QGIS profile is never touched.
Extra arguments are passed to QGIS (e.g. ``--code script.py``).
"""

from __future__ import annotations

import configparser
import os
import shutil
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ROOT / "build" / "qgis-profile"
PROFILE = PROFILES / "profiles" / "default"


def prepare_profile() -> None:
    plugins = PROFILE / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    link = plugins / "theia_plugin"
    if link.is_symlink() or link.exists():
        if link.resolve() != (ROOT / "theia_plugin").resolve():
            raise SystemExit(f"{link} exists and is not a link to this working copy")
    else:
        link.symlink_to(ROOT / "theia_plugin", target_is_directory=True)
    ini = PROFILE / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    config = configparser.ConfigParser(interpolation=None)
    config.optionxform = str  # QGIS keys are case-sensitive
    config.read(ini)
    if not config.has_section("PythonPlugins"):
        config.add_section("PythonPlugins")
    config.set("PythonPlugins", "theia_plugin", "true")
    with ini.open("w") as stream:
        config.write(stream, space_around_delimiters=False)


def main() -> int:
    qgis = shutil.which("qgis")
    if qgis is None:
        print("QGIS is not installed: run `make setup` first.", file=sys.stderr)
        return 1
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print(
            "No display: `make qgis` opens the QGIS window. Headless, use `make demo`, or run "
            "`xvfb-run -a make qgis` for a virtual screen.",
            file=sys.stderr,
        )
        return 1
    prepare_profile()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    # The working copy has no _vendor/: let QGIS's Python see the venv's packages instead.
    venv_packages = sysconfig.get_paths()["purelib"]
    env["PYTHONPATH"] = os.pathsep.join(p for p in (venv_packages, env.get("PYTHONPATH")) if p)
    args = [qgis, "--profiles-path", str(PROFILES), "--profile", "default", *sys.argv[1:]]
    os.execve(qgis, args, env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
