#!/usr/bin/env bash
# Installs everything Huifang needs on a fresh Debian machine with Node 20:
# Debian packages (Chromium for tests, Kamailio as the SIP server, sipp, PostgreSQL for the server's
# scale-out mode) and the npm dependencies. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium kamailio kamailio-websocket-modules sip-tester postgresql iproute2)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "huifang: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "huifang: Node 20 or newer is required (found $(node --version))" >&2
  exit 1
fi

# The Electron binary cannot be downloaded everywhere; the install must not depend on it.
# (package.json's allowScripts also denies electron's postinstall; this covers older npm.)
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
stamp=node_modules/.huifang-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "huifang: npm ci (builds better-sqlite3 from source, about two minutes)"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
