"""The bundled example model "DSM-OPT: submit, wait, fetch" run against the local service."""

from __future__ import annotations

import zipfile

import pytest
from qgis.core import QgsApplication

import theia_plugin.processing.dsmopt as dsmopt_algorithms
from tests.servers.fixtures import clear_proxy_env
from theia_plugin.processing.provider import MODELS_DIR, TheiaProvider

MODEL_ID = "theia:DSM-OPT: submit, wait, fetch"


@pytest.fixture(scope="module")
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("theia")
    if existing is not None:
        yield existing
        return
    provider = TheiaProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


def test_bundled_model_submits_waits_and_fetches(
    provider, dsmopt_service, tmp_path, monkeypatch
) -> None:
    import processing

    clear_proxy_env(monkeypatch)
    store = tmp_path / "profile" / "dsmopt-jobs.sqlite"
    monkeypatch.setattr(dsmopt_algorithms, "default_store_path", lambda: store)
    assert (MODELS_DIR / "dsmopt_submit_wait_fetch.model3").is_file()
    model = QgsApplication.processingRegistry().algorithmById(MODEL_ID)
    assert model is not None and model.group() == "Remote DSM (DSM-OPT)"
    result = processing.run(
        MODEL_ID,
        {"SERVER_URL": dsmopt_service.ogc_url, "BACKEND": 0, "NAME": "model run",
         "IMAGES": "PHR1A_F\nPHR1A_B", "ROI": "", "POLL_INTERVAL": "0.05", "POLL_MAX": "0.1",
         "fetch:Results folder": str(tmp_path / "results")},
    )  # fmt: skip
    assert len(dsmopt_service.jobs) == 1
    job = next(iter(dsmopt_service.jobs.values()))
    assert job.native == "TERMINATED" and job.name == "model run"
    assert result["fetch:Results folder"] == str(tmp_path / "results")
    archives = list((tmp_path / "results").rglob("*.zip"))
    assert archives
    with zipfile.ZipFile(archives[0]) as zipped:
        assert "A3_DSM_relative_denoised_filtered.tif" in zipped.namelist()
