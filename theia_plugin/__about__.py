"""Plugin name and version, read from metadata.txt (their single source)."""

from __future__ import annotations

import configparser
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent


def _read_metadata() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    # metadata.txt sits in the plugin folder in the zip (in the repository it is a symlink
    # to the top-level file).
    with (PLUGIN_DIR / "metadata.txt").open(encoding="utf-8") as stream:
        parser.read_file(stream)
    return parser["general"]


_METADATA = _read_metadata()

__title__: str = _METADATA["name"]
__version__: str = _METADATA["version"]
__qgis_minimum__: str = _METADATA["qgisMinimumVersion"]
__icon_path__: Path = PLUGIN_DIR / _METADATA["icon"]
__homepage__: str = _METADATA.get("homepage", "")
__tracker__: str = _METADATA.get("tracker", "")
