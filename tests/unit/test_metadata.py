"""metadata.txt is the single source of name and version, and says what QGIS needs."""

from __future__ import annotations

import configparser
import subprocess
import sys
import textwrap
from pathlib import Path

import theia_plugin.__about__ as about

ROOT = Path(__file__).resolve().parents[2]


def read_metadata() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_package_reads_name_and_version_from_metadata():
    metadata = read_metadata()
    assert about.__title__ == metadata["name"] == "Theia"
    assert about.__version__ == metadata["version"]


def test_metadata_required_fields():
    metadata = read_metadata()
    assert metadata["qgisMinimumVersion"] == "3.22"
    assert metadata["qgisMaximumVersion"] == "4.99"
    assert metadata["supportsQt6"] == "True"
    assert metadata["hasProcessingProvider"] == "yes"
    assert metadata["license"]
    assert "stac" in metadata["tags"]
    assert (ROOT / "theia_plugin" / metadata["icon"]).is_file()
    # Both languages describe the three capabilities.
    for key in ("about", "about[fr]"):
        text = metadata[key].lower()
        assert "catalogue" in text
        assert "processing" in text
        assert "dsm-opt" in text


def test_plugin_folder_metadata_is_the_top_level_file():
    assert (ROOT / "theia_plugin" / "metadata.txt").resolve() == (ROOT / "metadata.txt").resolve()


def test_core_imports_without_qt_or_qgis():
    """core/ is Qt-free: every module imports in an interpreter where qgis and PyQt are blocked."""
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("qgis", "PyQt5", "PyQt6", "sip"):
                    raise ImportError("blocked: " + name)
        sys.meta_path.insert(0, Block())
        import theia_plugin.core as core
        names = [m.name for m in pkgutil.walk_packages(core.__path__, "theia_plugin.core.")]
        for name in names:
            importlib.import_module(name)
        from theia_plugin.core.i18n import tr
        assert tr("Hello") == "Hello"
        print(len(names))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 1
