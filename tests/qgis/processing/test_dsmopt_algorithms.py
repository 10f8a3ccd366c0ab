"""The "Remote DSM (DSM-OPT)" algorithms against the local DSM-OPT service: through
processing.run inside QGIS (QGIS network stack), and through qgis_process."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import zipfile
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingProvider

import theia_plugin.processing.dsmopt as dsmopt_algorithms
from tests.servers.dsmopt import products
from tests.servers.fixtures import PROXY_ENV, clear_proxy_env
from theia_plugin.core.dsmopt import JobStore
from theia_plugin.processing.dsmopt import (
    FetchDsmOptResultsAlgorithm,
    SubmitDsmOptJobAlgorithm,
    WaitDsmOptJobAlgorithm,
)

REPO = Path(__file__).resolve().parents[3]
FAST = {"POLL_INTERVAL": "0.05", "POLL_MAX": "0.1"}
IMAGES = "PHR1A_20230710_F,PHR1A_20230710_B"


class _DsmOptTestProvider(QgsProcessingProvider):
    """Stands in for TheiaProvider (whose algorithm list the lifecycle tests cover)."""

    def id(self) -> str:
        return "theiadsmopttest"

    def name(self) -> str:
        return "Theia DSM-OPT (tests)"

    def loadAlgorithms(self) -> None:
        for algorithm in (
            SubmitDsmOptJobAlgorithm(),
            WaitDsmOptJobAlgorithm(),
            FetchDsmOptResultsAlgorithm(),
        ):
            self.addAlgorithm(algorithm)


@pytest.fixture(scope="module")
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    provider = _DsmOptTestProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture
def store_path(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "profile" / "theia" / "dsmopt-jobs.sqlite"
    monkeypatch.setattr(dsmopt_algorithms, "default_store_path", lambda: path)
    clear_proxy_env(monkeypatch)
    return path


def server(service, kind: str) -> dict:
    url = service.ogc_url if kind == "ogc" else service.gdm_url
    return {"SERVER_URL": url, "BACKEND": 0 if kind == "ogc" else 1}


def alg(name: str) -> str:
    return f"theiadsmopttest:{name}"


def test_listed_in_the_remote_dsm_group(provider) -> None:
    for name in ("dsmoptsubmit", "dsmoptwait", "dsmoptresults"):
        algorithm = QgsApplication.processingRegistry().algorithmById(alg(name))
        assert algorithm.group() == "Remote DSM (DSM-OPT)"
        assert "DSM-OPT" in algorithm.shortHelpString()


@pytest.mark.parametrize("kind", ["ogc", "gdm"])
def test_submit_wait_fetch(provider, dsmopt_service, store_path, tmp_path, kind) -> None:
    import processing

    submitted = processing.run(
        alg("dsmoptsubmit"), {**server(dsmopt_service, kind), "IMAGES": IMAGES, **FAST}
    )
    job_id = submitted["JOB_ID"]
    assert job_id in dsmopt_service.jobs
    [record] = JobStore(store_path).records()
    assert (record.job_id, record.backend) == (job_id, kind)

    waited = processing.run(
        alg("dsmoptwait"), {**server(dsmopt_service, kind), "JOB_ID": job_id, **FAST}
    )
    assert waited["STATUS"] in ("successful", "TERMINATED")
    assert waited["PROGRESS"] == 100
    assert JobStore(store_path).find(record.server_url, job_id).job.status == "successful"

    fetched = processing.run(
        alg("dsmoptresults"),
        {
            **server(dsmopt_service, kind),
            "JOB_ID": job_id,
            "DOWNLOAD": True,
            "OUTPUT_FOLDER": str(tmp_path / "out"),
        },
    )
    assert fetched["LICENCE"] == "CC-BY-NC"
    expected = products.layer_arrays(dsmopt_service.jobs[job_id].seed)
    dataset = gdal.Open(fetched["A3"])
    np.testing.assert_array_equal(dataset.ReadAsArray(), expected["A3"])
    dataset = None
    with zipfile.ZipFile(fetched["ARCHIVE"]) as archive:
        assert "A1_DSM_quality.tif" in archive.namelist()
    assert len(dsmopt_service.jobs) == 1


def test_failure_is_a_processing_error_naming_the_stage(
    provider, dsmopt_service, store_path
) -> None:
    import processing

    dsmopt_service.fail_at_stage = 3
    with pytest.raises(QgsProcessingException, match="3/7 PROCESSING: TIE-POINT DETECTION"):
        processing.run(
            alg("dsmoptsubmit"),
            {**server(dsmopt_service, "gdm"), "IMAGES": IMAGES, "WAIT": True, **FAST},
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"IMAGES": "only-one"}, "2 or 3 image ids expected, got 1"),
        ({"ROI": "1,2,3"}, "Region of interest"),
        ({"EXTRA": "[1]"}, "a JSON object expected"),
        ({"SERVER_URL": "ftp://x"}, "an http\\(s\\) address expected"),
    ],
)
def test_bad_input_is_refused_before_submitting(
    provider, dsmopt_service, store_path, changes, message
) -> None:
    import processing

    parameters = {**server(dsmopt_service, "ogc"), "IMAGES": IMAGES, **FAST, **changes}
    with pytest.raises(QgsProcessingException, match=message):
        processing.run(alg("dsmoptsubmit"), parameters)
    assert dsmopt_service.jobs == {}


def test_quota_refusal_is_a_processing_error(provider, dsmopt_service, store_path) -> None:
    import processing

    dsmopt_service.credit = 5
    with pytest.raises(QgsProcessingException, match=r"exceeds your remaining credit \(5 CPU s\)"):
        processing.run(alg("dsmoptsubmit"), {**server(dsmopt_service, "ogc"), "IMAGES": IMAGES})
    assert JobStore(store_path).records(include_pending=True) == []


QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")


@pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process is not installed")
def test_qgis_process_submits_and_waits(dsmopt_service, tmp_path) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "theia_plugin").symlink_to(REPO / "theia_plugin")
    env = {k: v for k, v in os.environ.items() if k not in PROXY_ENV}
    env.update(
        HOME=str(tmp_path / "home"),
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"),  # a fresh QGIS profile
        QGIS_PLUGINPATH=str(plugins),
        QT_QPA_PLATFORM="offscreen",
        XDG_RUNTIME_DIR=str(tmp_path / "xdg"),
        # The working copy has no _vendor/ (the zip has): the venv's pystac-client stands in.
        PYTHONPATH=os.pathsep.join(
            [str(REPO), "/usr/share/qgis/python/plugins", *site.getsitepackages()]
        ),
    )
    (tmp_path / "xdg").mkdir(mode=0o700)

    def qgis_process(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=240
        )

    enabled = qgis_process("plugins", "enable", "theia_plugin")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    run = qgis_process(
        "--json",
        "run",
        "theia:dsmoptsubmit",
        "--",
        f"SERVER_URL={dsmopt_service.gdm_url}",
        "BACKEND=1",
        f"IMAGES={IMAGES}",
        "WAIT=true",
        "POLL_INTERVAL=0.05",
        "POLL_MAX=0.1",
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{") :])["results"]
    assert results["STATUS"] == "TERMINATED"
    assert list(dsmopt_service.jobs) == [results["JOB_ID"]]
    stores = list((tmp_path / "config").rglob("dsmopt-jobs.sqlite"))
    assert len(stores) == 1 and JobStore(stores[0]).records()[0].job_id == results["JOB_ID"]
