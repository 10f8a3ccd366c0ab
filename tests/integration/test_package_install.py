"""The zip from `make package` installs into an empty QGIS profile and the plugin loads.

Runs the real QGIS desktop application (under Xvfb) with a throwaway profile, exactly as a
user who installs the zip from Plugins › Install from ZIP, with no pip step: the interpreter
is Debian's /usr/bin/python3 without this project's venv on its path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    shutil.which("qgis") is None or shutil.which("xvfb-run") is None,
    reason="needs the QGIS desktop application and xvfb-run (installed by make test)",
)

CHECK_SCRIPT = """
import json, sys
import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer

result = {"active": list(qgis.utils.active_plugins)}
result["providers"] = [p.id() for p in QgsApplication.processingRegistry().providers()]
menu_bar = qgis.utils.iface.mainWindow().menuBar()
result["menus"] = [a.menu().objectName() for a in menu_bar.actions() if a.menu()]
try:
    import pystac_client
    result["pystac_client"] = pystac_client.__file__
except Exception as exc:
    result["pystac_client"] = "import failed: %r" % exc
result["available"] = list(qgis.utils.available_plugins)
result["paths"] = list(qgis.utils.plugin_paths)
with open(RESULT, "w") as stream:
    json.dump(result, stream)
QTimer.singleShot(200, lambda: QgsApplication.exit(0))
"""


def build_zip(output: Path) -> Path:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "package.py"), "--output", str(output)],
        check=True,
        capture_output=True,
    )
    (zip_path,) = output.glob("theia-*.zip")
    return zip_path


def test_zip_installs_into_an_empty_profile(tmp_path):
    zip_path = build_zip(tmp_path / "build")
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert {n.split("/")[0] for n in names} == {"theia_plugin"}
        assert "theia_plugin/metadata.txt" in names
        assert any(n.startswith("theia_plugin/_vendor/pystac_client/") for n in names)
        assert "theia_plugin/resources/i18n/theia_fr.qm" in names
        profile = tmp_path / "profiles" / "default"
        plugins_dir = profile / "python" / "plugins"
        plugins_dir.mkdir(parents=True)
        archive.extractall(plugins_dir)
    # What the Plugin Manager writes when the user ticks the plugin.
    (profile / "QGIS").mkdir()
    (profile / "QGIS" / "QGIS3.ini").write_text("[PythonPlugins]\ntheia_plugin=true\n")

    result_file = tmp_path / "result.json"
    script = tmp_path / "check.py"
    script.write_text(f"RESULT = {str(result_file)!r}\n" + textwrap.dedent(CHECK_SCRIPT))
    # A user's QGIS: no venv, no repository on the path.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = "/usr/bin:/bin"
    env.pop("QT_QPA_PLATFORM", None)
    completed = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x800x24",
            "qgis",
            "--profiles-path",
            str(tmp_path),
            "--profile",
            "default",
            "--nologo",
            "--noversioncheck",
            "--code",
            str(script),
        ],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result_file.is_file(), completed.stdout + completed.stderr
    result = json.loads(result_file.read_text())
    assert "theia_plugin" in result["active"], json.dumps(result, indent=1)
    assert "theia" in result["providers"]
    assert "mTheiaMenu" in result["menus"]
    assert result["pystac_client"].startswith(str(plugins_dir / "theia_plugin" / "_vendor"))


def qgis_process_binary() -> str:
    """Debian's ``qgis_process`` wrapper passes ``--noversioncheck`` (from /etc/default/qgis),
    which qgis_process rejects; the real binary beside it works."""
    return shutil.which("qgis_process.bin") or shutil.which("qgis_process")


def test_zip_provider_is_listed_by_qgis_process(tmp_path):
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
            timeout=120, check=False,
        )  # fmt: skip
        assert completed.returncode == 0, completed.stderr
        return completed.stdout

    assert "* theia_plugin" in qgis_process("plugins").splitlines()
    listing = [line.strip() for line in qgis_process("list").splitlines()]
    assert "Theia" in listing
    assert any(line.startswith("theia:spectralindex") for line in listing)

    # And an algorithm runs from the command line, on the installed copy.
    from datetime import date

    from tests.data.theia_synth import write_l2a_product

    product = write_l2a_product(tmp_path / "data", date(2019, 5, 4), size_10m=64, zip=True)
    output = tmp_path / "ndvi.tif"
    qgis_process(
        "run", "theia:spectralindex", "--",
        f"INPUT={product.path}", "INDEX=NDVI", f"OUTPUT={output}",
    )  # fmt: skip
    assert output.is_file()
    assert [p.name for p in tmp_path.glob(".ndvi.tif*")] == []  # no temporary file left
