#!/usr/bin/env bash
# Installs the pygeoapi server of the DSM-OPT interoperability test (tests/servers/pygeoapi)
# into its own venv (.venv-pygeoapi, from /usr/bin/python3 without system site packages) with
# the pins of requirements/servers-pygeoapi.txt; reinstalled only when that file changes.
# Usage: scripts/install-pygeoapi.sh   (from anywhere; paths are relative to the repo root)
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PYTHON=${SYSTEM_PYTHON:-/usr/bin/python3}
VENV=${THEIA_PYGEOAPI_VENV:-.venv-pygeoapi}
REQUIREMENTS=requirements/servers-pygeoapi.txt
STAMP="$VENV/.stamp-servers-pygeoapi"

if [ ! -x "$VENV/bin/python" ]; then
  echo "Creating $VENV"
  "$SYSTEM_PYTHON" -m venv "$VENV"
  rm -f "$STAMP"
fi
if [ ! -f "$STAMP" ] || [ "$REQUIREMENTS" -nt "$STAMP" ]; then
  echo "Installing $REQUIREMENTS into $VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
  touch "$STAMP"
fi
"$VENV/bin/python" -c "import pygeoapi, rasterio, tinydb" \
  || { echo "error: $VENV is incomplete; remove it and run $0 again" >&2; exit 1; }
