#!/usr/bin/env bash
# Start the Kamailio rig (registrar + proxy, SIP over WebSocket) on 127.0.0.1.
#
#   tests/rigs/kamailio/start.sh          # in the background; stop with tests/rigs/kamailio/stop.sh
#   tests/rigs/kamailio/start.sh --fg     # in the foreground (Ctrl-C stops it), log on stderr
#
# Environment: SIP_PORT (5060, UDP+TCP), WS_PORT (8088), RUN_DIR (.tmp/kamailio-$SIP_PORT),
# LOG_LEVEL (2 = info, 3 = debug). Works in the root network namespace and inside
# tests/rigs/netns/run-in-netns.sh alike. From Node use tests/rigs/kamailio/rig.ts instead.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
SIP_PORT="${SIP_PORT:-5060}"
WS_PORT="${WS_PORT:-8088}"
RUN_DIR="${RUN_DIR:-$root/.tmp/kamailio-$SIP_PORT}"
LOG_LEVEL="${LOG_LEVEL:-2}"

command -v kamailio >/dev/null || { echo "start.sh: kamailio is not installed: run scripts/rig-install.sh" >&2; exit 1; }

accepts() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$WS_PORT" "$SIP_PORT"; do
  if accepts "$port"; then
    echo "start.sh: 127.0.0.1:$port is already in use (a rig still running? tests/rigs/kamailio/stop.sh; a system kamailio? systemctl stop kamailio)" >&2
    exit 1
  fi
done

mkdir -p "$RUN_DIR"
args=(-DD -E -f "$here/kamailio.cfg"
  -A "SIP_PORT=$SIP_PORT" -A "WS_PORT=$WS_PORT" -A "LOG_LEVEL=$LOG_LEVEL"
  -Y "$RUN_DIR" -P "$RUN_DIR/kamailio.pid" -w "$RUN_DIR" -m 32 -M 4)

if [[ "${1:-}" == "--fg" ]]; then
  exec kamailio "${args[@]}"
fi

log="$RUN_DIR/kamailio.log"
: >"$log"
setsid kamailio "${args[@]}" >>"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$RUN_DIR/rig.pid"

for _ in $(seq 1 200); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start.sh: kamailio exited during start; errors from $log:" >&2
    grep -E 'ERROR|CRITICAL|error' "$log" | tail -15 >&2 || tail -15 "$log" >&2
    exit 1
  fi
  if accepts "$WS_PORT"; then
    echo "kamailio rig up (pid $pid): ws://127.0.0.1:$WS_PORT  sip:127.0.0.1:$SIP_PORT (udp, tcp)  log $log"
    exit 0
  fi
  sleep 0.05
done
echo "start.sh: ws port $WS_PORT did not accept within 10 s; log $log" >&2
kill -- "-$pid" 2>/dev/null || true
exit 1
