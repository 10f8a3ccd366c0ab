"""pytest fixtures of the GEODES-like service (:mod:`tests.servers.geodes.service`).

``geodes_service_session`` runs one :class:`GeodesService` for the whole session (its
downloadable products are generated once); ``geodes_service`` is the same service with the
faults, records and API key reset for each test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers.geodes.service import GeodesService


@pytest.fixture(scope="session")
def geodes_service_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GeodesService]:
    with GeodesService(tmp_path_factory.mktemp("geodes-products")) as service:
        yield service


@pytest.fixture
def geodes_service(geodes_service_session: GeodesService) -> GeodesService:
    geodes_service_session.reset()
    return geodes_service_session
