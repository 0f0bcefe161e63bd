#!/usr/bin/env bash
# Install what the SIP rig needs (idempotent; .ci/run calls it): Kamailio with the WebSocket
# modules, sipp, iproute2 (network namespaces) and Chromium. Runs apt-get update at most once,
# and only when something is missing.
set -euo pipefail

packages=(kamailio kamailio-websocket-modules sip-tester iproute2 chromium)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "rig-install: all present (${packages[*]})"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "rig-install: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi

echo "rig-install: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"

# The Debian package may start a system-wide kamailio on 5060; the rig runs its own.
if command -v systemctl >/dev/null && systemctl is-active --quiet kamailio 2>/dev/null; then
  echo "rig-install: note: a system kamailio service is running (systemctl stop kamailio frees 5060 outside netns)"
fi
