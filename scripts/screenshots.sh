#!/usr/bin/env bash
# Screenshots of the plugin in the real QGIS window, under Xvfb, into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
export THEIA_SCREENSHOTS="$PWD/docs/screenshots"
export THEIA_REPO="$PWD"
mkdir -p "$THEIA_SCREENSHOTS"
.venv/bin/python -c "import sys; sys.path.insert(0, 'scripts'); import run_qgis; run_qgis.prepare_profile()"

# The catalogue dock searches the local Theia-like STAC API (started here, stopped on exit).
export THEIA_SERVICES_READY
THEIA_SERVICES_READY="$(mktemp)"
.venv/bin/python scripts/screenshot_services.py &
services_pid=$!
trap 'kill "$services_pid" 2>/dev/null || true; wait "$services_pid" 2>/dev/null || true; rm -f "$THEIA_SERVICES_READY"' EXIT
for _ in $(seq 1 240); do
  [ -s "$THEIA_SERVICES_READY" ] && break
  kill -0 "$services_pid" 2>/dev/null || { echo "local services failed to start" >&2; exit 1; }
  sleep 0.5
done
THEIA_STAC_URL="$(sed -n 1p "$THEIA_SERVICES_READY")"
# The MTD-like catalogue whose COGs are read through URLs signed by the local signing service.
THEIA_SIGNED_STAC_URL="$(sed -n 2p "$THEIA_SERVICES_READY")"
THEIA_SIGNING_SERVICE="$(sed -n 3p "$THEIA_SERVICES_READY")"
THEIA_SIGNED_HOSTS="$(sed -n 4p "$THEIA_SERVICES_READY")"
THEIA_SIGNING_KEYS="$(sed -n 5p "$THEIA_SERVICES_READY")"
THEIA_SIGNED_ITEM="$(sed -n 6p "$THEIA_SERVICES_READY")"
export THEIA_STAC_URL THEIA_SIGNED_STAC_URL THEIA_SIGNING_SERVICE THEIA_SIGNED_HOSTS
export THEIA_SIGNING_KEYS THEIA_SIGNED_ITEM

PYTHONPATH="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')" \
  QT_QPA_PLATFORM=xcb timeout 360 xvfb-run -a -s "-screen 0 1400x900x24" \
  qgis --profiles-path build/qgis-profile --profile default --nologo --noversioncheck \
  --code scripts/screenshots_in_qgis.py
ls -1 "$THEIA_SCREENSHOTS"
