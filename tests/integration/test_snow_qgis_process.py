"""The annual snow synthesis runs from ``qgis_process`` on the installed plugin zip, and the
bundled example model is listed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile

import pytest

from tests.integration.test_package_install import build_zip, qgis_process_binary

pytestmark = pytest.mark.skipif(
    qgis_process_binary() is None, reason="needs qgis_process (installed by make test)"
)


def test_snow_synthesis_from_qgis_process(tmp_path):
    from tests.unit.snow.test_run_synthesis import random_series, write_series

    zip_path = build_zip(tmp_path / "build")
    profile = tmp_path / "profiles" / "default"
    (profile / "python" / "plugins").mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(profile / "python" / "plugins")
    (profile / "QGIS").mkdir()
    (profile / "QGIS" / "QGIS3.ini").write_text("[PythonPlugins]\ntheia_plugin=true\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(QGIS_CUSTOM_CONFIG_PATH=str(tmp_path), QT_QPA_PLATFORM="offscreen")

    def qgis_process(*args: str) -> str:
        completed = subprocess.run(
            [qgis_process_binary(), *args], env=env, capture_output=True, text=True,
            timeout=180, check=False,
        )  # fmt: skip
        assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
        return completed.stdout

    listing = [line.strip() for line in qgis_process("list").splitlines()]
    assert any(line.startswith("theia:snowsynthesis") for line in listing)
    assert any(line.startswith("theia:snowdetectionbatch") for line in listing)
    assert any(line.startswith("theia:Snow season from L2A products") for line in listing)

    times, stack = random_series(6)
    write_series(tmp_path / "l2b", times, stack)
    out = tmp_path / "l3b"
    stdout = qgis_process(
        "run", "theia:snowsynthesis", "--json", "--",
        f"INPUT_FOLDER={tmp_path / 'l2b'}", "YEAR=2018", "HEMISPHERE=0", "MARGIN=15",
        f"OUTPUT_FOLDER={out}",
    )  # fmt: skip
    results = json.loads(stdout[stdout.index("{") :])["results"]
    for kind in ("SCD", "SOD", "SMOD", "NOBS", "NSP"):
        assert results[kind].startswith(str(out / f"LIS_S2-SNOW-{kind}_T31TCH_20180901_20190831_"))
        assert os.path.isfile(results[kind])
    assert os.path.isfile(results["REPORT"]) and os.path.isfile(results["CHART"])
    assert [p.name for p in out.glob(".*")] == []  # nothing staged is left
    shutil.rmtree(tmp_path / "build", ignore_errors=True)
