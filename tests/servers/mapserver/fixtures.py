"""pytest fixture ``map_server``: one :class:`MapServerService` for the session.

Skips when ``qgis_mapserver`` is missing, except in CI (``CI=true``) where it fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.servers.mapserver.service import INSTALL_HINT, MapServerService, mapserver_available


@pytest.fixture(scope="session")
def map_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MapServerService]:
    if not mapserver_available():
        reason = f"qgis_mapserver missing: {INSTALL_HINT}"
        if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
            pytest.fail(f"{reason} (CI=true: not skipping)", pytrace=False)
        pytest.skip(reason)
    with MapServerService(tmp_path_factory.mktemp("mapserver")) as service:
        yield service
