"""pytest fixtures of the signed asset server (registered in ``tests/conftest.py``).

- ``signed_assets_session``: one :class:`~.process.SignedAssets` (asset server + signing
  service in a child process) for the session; ``signed_assets``: the same, reset per test.
- ``signed_l2a``: a generated L2A product published as the COG assets of the first
  ``sentinel2-l2a-theia`` item of :mod:`tests.servers.stac_api.theia_data` whose hrefs point to
  the asset server (``.item``, ``.product_dir``, ``.cogs``).
- ``stac_api_signed_assets``: a second real STAC API serving the Theia-like data with every
  href on the asset server (the default ``stac_api`` keeps the MTD hrefs).
- ``signing_env``: ``THEIA_SIGNING_SERVICE``/``THEIA_SIGNED_HOSTS`` pointing at the local
  service, for code that signs with the configured defaults (Processing).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.servers.assets.l2a import publish_l2a
from tests.servers.assets.process import SignedAssets
from tests.servers.stac_api import theia_data

ASSETS_PREFIX = "/theia-test"


@dataclass
class SignedL2A:
    item: dict[str, Any]
    product_dir: Path
    cogs: dict[str, Path]


@pytest.fixture(scope="session")
def signed_assets_session() -> Iterator[SignedAssets]:
    with SignedAssets() as servers:
        yield servers


@pytest.fixture
def signed_assets(signed_assets_session: SignedAssets) -> SignedAssets:
    signed_assets_session.reset()
    return signed_assets_session


def assets_base(servers: SignedAssets) -> str:
    return servers.assets.url(ASSETS_PREFIX)


def first_l2a_item(base: str) -> dict[str, Any]:
    return next(i for i in theia_data.items(base) if i["collection"] == theia_data.S2_L2A)


@pytest.fixture(scope="session")
def signed_l2a(signed_assets_session: SignedAssets, tmp_path_factory) -> SignedL2A:
    from tests.data.theia_synth import write_l2a_product

    root = tmp_path_factory.mktemp("signed-l2a")
    info = write_l2a_product(
        root / "product", date(2019, 2, 1), size_10m=240, seed=5, cloud_fraction=0.25,
        truth=False,
    )  # fmt: skip
    item = first_l2a_item(assets_base(signed_assets_session))
    cogs = publish_l2a(signed_assets_session.assets, info.path, item, root / "cogs")
    return SignedL2A(item, info.path, cogs)


@pytest.fixture(scope="session")
def stac_api_signed_assets(signed_assets_session: SignedAssets, signed_l2a: SignedL2A):
    from tests.servers.stac_api.fixtures import in_ci
    from tests.servers.stac_api.service import (
        INSTALL_HINT,
        STAC_VENV,
        StacApiService,
        server_venv_ready,
    )

    if not server_venv_ready():
        reason = f"STAC server venv {STAC_VENV} missing: {INSTALL_HINT}"
        if in_ci():
            pytest.fail(f"{reason} (CI=true: not skipping)", pytrace=False)
        pytest.skip(reason)
    with StacApiService(assets_base(signed_assets_session)) as service:
        yield service


@pytest.fixture
def signing_env(signed_assets: SignedAssets, monkeypatch: pytest.MonkeyPatch) -> SignedAssets:
    monkeypatch.setenv("THEIA_SIGNING_SERVICE", signed_assets.signing.url("").rstrip("/"))
    monkeypatch.setenv("THEIA_SIGNED_HOSTS", signed_assets.assets.netloc)
    return signed_assets


def requests_client(headers: dict[str, str] | None = None):
    """A requests-based :class:`~theia_plugin.net.HttpClient` sending ``headers`` (no machine
    proxy), with the short test timeouts."""
    from tests.servers.fixtures import FAST_CLIENT_OPTIONS
    from theia_plugin.net import HttpClient
    from theia_plugin.net.requests_transport import RequestsTransport

    transport = RequestsTransport(headers=headers, trust_env=False)
    return HttpClient(transport, **FAST_CLIENT_OPTIONS)
