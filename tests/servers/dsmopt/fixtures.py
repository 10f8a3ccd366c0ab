"""pytest fixtures of the local DSM-OPT service (:mod:`tests.servers.dsmopt.service`).

``dsmopt_service_session`` runs one service for the whole session; ``dsmopt_service`` is the
same service reset (jobs, faults, settings) for each test, with fast stages.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers.dsmopt.service import DsmOptService


@pytest.fixture(scope="session")
def dsmopt_service_session() -> Iterator[DsmOptService]:
    with DsmOptService(stage_seconds=0.15) as service:
        yield service


@pytest.fixture
def dsmopt_service(dsmopt_service_session: DsmOptService) -> Iterator[DsmOptService]:
    dsmopt_service_session.reset()
    yield dsmopt_service_session
    dsmopt_service_session.reset()
