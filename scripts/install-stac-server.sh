#!/usr/bin/env bash
# Installs what the local STAC API of the tests needs (tests/servers/stac_api), idempotently:
#   - Debian packages PostgreSQL 15 + PostGIS 3 (only those missing),
#   - the system user that runs the throwaway PostgreSQL clusters when we are root
#     (PostgreSQL refuses to run as root),
#   - the server venv .venv-stac (from /usr/bin/python3, WITHOUT system site packages) with the
#     pins of requirements/servers-stac.txt (reinstalled only when that file changes).
# Usage: scripts/install-stac-server.sh   (from anywhere; paths are relative to the repo root)
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PYTHON=${SYSTEM_PYTHON:-/usr/bin/python3}
VENV=${THEIA_STAC_VENV:-.venv-stac}
REQUIREMENTS=requirements/servers-stac.txt
PG_USER=${THEIA_PG_USER:-theia-pg}
STAMP="$VENV/.stamp-servers-stac"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# 1. Debian packages
packages=(
  postgresql-15 postgresql-client-15 postgresql-15-postgis-3   # PostgreSQL 15 + PostGIS 3
  python3-venv
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}"
fi

# 2. The unprivileged user of the test clusters (only needed when the tests run as root)
if [ "$(id -u)" -eq 0 ] && ! id -u "$PG_USER" >/dev/null 2>&1; then
  echo "Creating system user $PG_USER"
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
    --user-group "$PG_USER"
fi

# 3. The server venv
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
"$VENV/bin/python" -c "import stac_fastapi.pgstac, pypgstac, uvicorn" \
  || { echo "error: $VENV is incomplete; remove it and run $0 again" >&2; exit 1; }
