"""Every user-visible string has a French translation, and the compiled catalogue works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts import i18n  # noqa: E402


def test_french_catalogue_is_complete():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n.py"), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_extractor_finds_tr_calls_and_rejects_non_literals(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "mod.py").write_text(
        "from x import tr\n"
        "a = tr('Plain text')\n"
        "b = self.tr('Method text')\n"
        "c = tr(f'{a} formatted')\n"
    )
    strings, problems = i18n.extract(package)
    assert set(strings) == {"Plain text", "Method text"}
    assert len(problems) == 1
    assert "needs a string literal" in problems[0]


def test_update_keeps_translations_and_marks_new_strings(tmp_path):
    ts = tmp_path / "t.ts"
    i18n.write_ts(ts, {"Hello": ["a.py:1"]}, {})
    text = ts.read_text()
    assert 'type="unfinished"' in text
    assert i18n.load_ts(ts) == {"Hello": ""}
    i18n.write_ts(ts, {"Hello": ["a.py:1"], "New": ["a.py:2"]}, {"Hello": "Bonjour"})
    loaded = i18n.load_ts(ts)
    assert loaded["Hello"] == "Bonjour"
    assert loaded["New"] == ""
