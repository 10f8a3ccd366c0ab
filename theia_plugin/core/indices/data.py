"""Read the Awesome Spectral Indices JSON files shipped in ``resources/data/spectral-indices``.

The files are read lazily, once per process: importing the package stays cheap for users who
never open the index tools. The folder is found relative to the plugin package, which works
both in the source tree (``theia_plugin/resources`` is a symlink) and in the installed zip.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import theia_plugin

DATA_DIR = Path(theia_plugin.__file__).parent / "resources" / "data" / "spectral-indices"


@cache
def _load(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open(encoding="utf-8") as stream:
        return json.load(stream)


def raw_indices() -> dict[str, dict[str, Any]]:
    """Index records keyed by short name, as in ``spectral-indices-dict.json``."""
    return _load("spectral-indices-dict.json")["SpectralIndices"]


def raw_bands() -> dict[str, dict[str, Any]]:
    """Standard band records keyed by ASI band name (B, G, R, N, ...)."""
    return _load("bands.json")


def raw_constants() -> dict[str, dict[str, Any]]:
    """Constant records keyed by name (L, g, C1, ...), each with a ``default`` (may be null)."""
    return _load("constants.json")


def constant_defaults() -> dict[str, float | None]:
    """Default value of every ASI constant; ``None`` when the catalogue gives none (PAR, ...)."""
    return {name: record["default"] for name, record in raw_constants().items()}
