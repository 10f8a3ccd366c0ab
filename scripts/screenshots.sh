#!/usr/bin/env bash
# Screenshots of the plugin in the real QGIS window, under Xvfb, into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
export THEIA_SCREENSHOTS="$PWD/docs/screenshots"
export THEIA_REPO="$PWD"
mkdir -p "$THEIA_SCREENSHOTS"
.venv/bin/python -c "import sys; sys.path.insert(0, 'scripts'); import run_qgis; run_qgis.prepare_profile()"
PYTHONPATH="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')" \
  QT_QPA_PLATFORM=xcb timeout 180 xvfb-run -a -s "-screen 0 1400x900x24" \
  qgis --profiles-path build/qgis-profile --profile default --nologo --noversioncheck \
  --code scripts/screenshots_in_qgis.py
ls -1 "$THEIA_SCREENSHOTS"
