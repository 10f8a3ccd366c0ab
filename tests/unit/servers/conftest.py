"""Fixtures of the local-service tests (the STAC API fixture is in tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.servers.fixtures import clear_proxy_env


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's proxy variables must not route loopback test traffic elsewhere."""
    clear_proxy_env(monkeypatch)
