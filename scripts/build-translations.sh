#!/usr/bin/env bash
# Compiles resources/i18n/*.ts into the .qm catalogues the plugin loads at start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
LRELEASE=$(command -v lrelease || echo /usr/lib/qt5/bin/lrelease)
for ts in resources/i18n/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$LRELEASE" -silent "$ts" -qm "$qm"
  fi
done
