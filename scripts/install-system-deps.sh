#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those missing (idempotent).
set -euo pipefail
packages=(
  python3-qgis qgis-providers qgis qgis-server     # QGIS 3.22 LTR, its Python bindings, server
  python3-venv python3-pip
  python3-gdal gdal-bin python3-rasterio python3-numpy
  python3-owslib                                    # WMS/WMTS capabilities (tests of the map services)
  qttools5-dev-tools pyqt5-dev-tools                # lrelease / pylupdate5 for translations
  xvfb xauth                                        # a virtual display for screenshots
  zip unzip
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}"
