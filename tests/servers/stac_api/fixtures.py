"""pytest fixture of the local STAC API (:mod:`tests.servers.stac_api.service`).

Register it in a ``conftest.py``::

    from tests.servers.stac_api.fixtures import stac_api  # noqa: F401

``stac_api`` is one :class:`StacApiService` for the whole session (``.url``; the data of
:mod:`tests.servers.stac_api.theia_data` with its default assets base). It skips when the server
venv is missing (``scripts/install-stac-server.sh`` not run) except in CI (``CI=true``), where it
fails: CI must never skip these tests silently.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.servers.stac_api.service import (
    INSTALL_HINT,
    STAC_VENV,
    StacApiService,
    server_venv_ready,
)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


@pytest.fixture(scope="session")
def stac_api() -> Iterator[StacApiService]:
    if not server_venv_ready():
        reason = f"STAC server venv {STAC_VENV} missing: {INSTALL_HINT}"
        if in_ci():
            pytest.fail(f"{reason} (CI=true: not skipping)", pytrace=False)
        pytest.skip(reason)
    with StacApiService() as service:
        yield service
