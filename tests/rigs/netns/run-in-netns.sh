#!/usr/bin/env bash
# Run a command in a fresh, loopback-only network namespace (as root).
#
#   bash tests/rigs/netns/run-in-netns.sh npx playwright test -c tests/rigs/playwright.rig.config.ts
#
# Why: Chromium leaves loopback addresses out of its ICE candidates while another interface is
# up, so WebRTC media between two pages on one machine would use (or look for) a real network.
# In a namespace whose only interface is `lo`, and with Chromium's
# --allow-loopback-in-peer-connection, media really flows over 127.0.0.1 — and nothing, SIP or
# RTP, can leave the machine. Ports are private to the namespace too: a rig inside never
# collides with one outside (or with another engineer's).
#
# The namespace lives as long as a process inside it does: stop what you start inside (the rig
# fixtures and stop.sh do), or it keeps running, unreachable from outside.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 <command> [args…]" >&2
  exit 2
fi

if [[ "${HUIFANG_IN_NETNS:-}" == "1" ]]; then
  exec "$@" # already inside
fi

if [[ $(id -u) -ne 0 ]]; then
  # Without root, a user namespace can provide the network namespace (if the kernel allows it).
  exec unshare --user --map-root-user --net -- env HUIFANG_IN_NETNS=1 bash -c 'ip link set lo up && exec "$@"' netns "$@"
fi

if ! command -v ip >/dev/null 2>&1; then
  echo "run-in-netns: 'ip' (iproute2) is missing: run scripts/rig-install.sh" >&2
  exit 1
fi

exec unshare --net -- env HUIFANG_IN_NETNS=1 bash -c 'ip link set lo up && exec "$@"' netns "$@"
