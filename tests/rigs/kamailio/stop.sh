#!/usr/bin/env bash
# Stop a rig started by tests/rigs/kamailio/start.sh (same SIP_PORT / RUN_DIR).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
SIP_PORT="${SIP_PORT:-5060}"
RUN_DIR="${RUN_DIR:-$root/.tmp/kamailio-$SIP_PORT}"

pid="$(cat "$RUN_DIR/rig.pid" 2>/dev/null || true)"
if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
  echo "stop.sh: no rig running from $RUN_DIR"
  rm -f "$RUN_DIR/rig.pid"
  exit 0
fi
# start.sh ran kamailio as the leader of its own process group: stop the group.
kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
for _ in $(seq 1 100); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
if kill -0 "$pid" 2>/dev/null; then
  echo "stop.sh: kamailio $pid did not stop within 5 s; killing it" >&2
  kill -KILL -- "-$pid" 2>/dev/null || true
fi
rm -f "$RUN_DIR/rig.pid"
echo "kamailio rig stopped (pid $pid)"
