#!/usr/bin/env bash
# Quick start, command 1: install, build, seed demo data (10,000 customers) and start the console —
# the desktop app where the Electron binary is present, web mode where it is not.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

DATA_DIR=${HUIFANG_DATA_DIR:-.data}
DB="$DATA_DIR/huifang.db"
PORT=${HUIFANG_PORT:-5170}
CUSTOMERS=${HUIFANG_DEMO_CUSTOMERS:-10000}
mkdir -p "$DATA_DIR"

npm run --silent build:renderer
if [ ! -f "$DB" ]; then
  npx tsx scripts/seed-demo.ts --db "$DB" --customers "$CUSTOMERS" --seed 42
fi

# The desktop shell needs the Electron binary. Try to fetch it once (where downloads are allowed);
# fall back to web mode quietly where they are not.
electron_binary() { node -e "try{const p=require('electron');process.stdout.write(require('fs').existsSync(p)?p:'')}catch{}" 2>/dev/null; }
if [ -z "$(electron_binary)" ] && [ -z "${HUIFANG_WEB:-}" ]; then
  timeout 60 node node_modules/electron/install.js >/dev/null 2>&1 || true
fi

if [ -n "$(electron_binary)" ] && [ -z "${HUIFANG_WEB:-}" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" != Linux ]; }; then
  echo "huifang: starting the desktop app"
  node scripts/build-electron.mjs
  HUIFANG_DB="$PWD/$DB" exec npx electron .
fi

echo "huifang: no Electron binary (or no display) here: starting web mode"
exec npx tsx electron/host/web.ts --port "$PORT" --db "$DB" --region CN
