#!/usr/bin/env python3
"""Builds the installable plugin zip: build/theia-<version>.zip.

The zip holds one folder, ``theia_plugin/``, with the code, metadata.txt, the runtime
resources (icons, compiled translations, help) and ``_vendor/``: the pure-Python packages
QGIS does not ship (requirements/bundled.txt), so installing needs no pip step.
"""

from __future__ import annotations

import argparse
import configparser
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "theia_plugin"
RUNTIME_RESOURCES = ("icons", "help", "data", "models")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "_vendor", "resources", "metadata.txt")


def version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def stage(staging: Path) -> Path:
    plugin_dir = staging / PACKAGE
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(ROOT / PACKAGE, plugin_dir, ignore=IGNORED)
    shutil.copy2(ROOT / "metadata.txt", plugin_dir / "metadata.txt")
    shutil.copy2(ROOT / "LICENSE", plugin_dir / "LICENSE")
    resources = plugin_dir / "resources"
    for name in RUNTIME_RESOURCES:
        if (ROOT / "resources" / name).is_dir():
            shutil.copytree(ROOT / "resources" / name, resources / name)
    (resources / "i18n").mkdir(parents=True)
    for qm in (ROOT / "resources" / "i18n").glob("*.qm"):
        shutil.copy2(qm, resources / "i18n" / qm.name)
    vendor(plugin_dir / "_vendor")
    return plugin_dir


def vendor(target: Path) -> None:
    """Pure-Python wheels only, without their dependencies (QGIS ships requests, dateutil)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--only-binary=:all:",
            "--no-compile",
            "--target",
            str(target),
            "-r",
            str(ROOT / "requirements" / "bundled.txt"),
        ],
        check=True,
    )
    shutil.rmtree(target / "bin", ignore_errors=True)
    for cache in target.rglob("__pycache__"):
        shutil.rmtree(cache)


def make_zip(plugin_dir: Path, zip_path: Path) -> None:
    tmp = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(plugin_dir.rglob("*")):
            archive.write(path, path.relative_to(plugin_dir.parent).as_posix())
    tmp.replace(zip_path)  # never leave a half-written zip behind


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    plugin_dir = stage(args.output / "package")
    zip_path = args.output / f"theia-{version()}.zip"
    make_zip(plugin_dir, zip_path)
    print(zip_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
