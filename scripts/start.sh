#!/usr/bin/env bash
# Quick start, command 1: install, build, and start the whole contact center on 127.0.0.1:
#  - the sync server (SERVER_PORT 8787, SQLite in .data/server.db) seeded with the demo contact
#    center: 10,000 customers with their history and follow-up tasks, agents 1001 and 1002, a
#    supervisor and an admin (scripts/server-demo.ts);
#  - the SIP rig: Kamailio (SIP_PORT 5060, WS_PORT 8088) and the customer phone page (PHONE_PORT 8089);
#  - the console — the desktop app where the Electron binary is present, web mode where it is not.
#    Web mode starts as agent 1001: softphone configured, signed in to the sync server, its store
#    filled from it. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

DATA_DIR=${HUIFANG_DATA_DIR:-.data}
DB="$DATA_DIR/huifang.db"
SERVER_DB="$DATA_DIR/server.db"
PORT=${HUIFANG_PORT:-5170}
SERVER_PORT=${HUIFANG_SERVER_PORT:-8787}
CUSTOMERS=${HUIFANG_DEMO_CUSTOMERS:-10000}
mkdir -p "$DATA_DIR" .tmp

npm run --silent build:renderer
if [ ! -f "$SERVER_DB" ]; then
  npx tsx scripts/seed-server-demo.ts --db "$SERVER_DB" --customers "$CUSTOMERS" --seed 42
fi

# ── The SIP rig in the background, stopped again when this script ends (Ctrl-C, error, exit).
SIP_PORT=${SIP_PORT:-5060}
WS_PORT=${WS_PORT:-8088}
PHONE_PORT=${PHONE_PORT:-8089}
AGENT=${HUIFANG_AGENT:-1001}
export SIP_PORT WS_PORT
kamailio_started=""
phone_pid=""
web_pid=""
server_pid=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$web_pid" ]; then kill -TERM -- "-$web_pid" 2>/dev/null || true; wait "$web_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ]; then kill -TERM -- "-$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$phone_pid" ]; then kill -TERM -- "-$phone_pid" 2>/dev/null || kill -TERM "$phone_pid" 2>/dev/null || true; fi
  if [ -n "$kamailio_started" ]; then bash tests/rigs/kamailio/stop.sh >/dev/null 2>&1 || true; fi
  echo "huifang: background services stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if bash tests/rigs/kamailio/start.sh; then
  kamailio_started=1
else
  echo "huifang: Kamailio did not start (see above): the console runs, its softphone keeps retrying" >&2
fi
# ── The sync server: node itself (not the tsx CLI) so SIGTERM reaches it, in its own process group.
server_log=.tmp/server.log
: >"$server_log"
setsid node --import tsx server/main.ts --db "$SERVER_DB" --port "$SERVER_PORT" --quiet >"$server_log" 2>&1 </dev/null &
server_pid=$!
server_url=""
for _ in $(seq 1 300); do
  grep -q 'listening on' "$server_log" && { server_url="http://127.0.0.1:$SERVER_PORT"; break; }
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$server_url" ]; then
  echo "huifang: the sync server did not start (.tmp/server.log below): the console runs on its own demo data" >&2
  cat "$server_log" >&2 || true
  server_pid=""
fi
# Without a server to fill it (or in the desktop app, signed in from the pill), the console gets the same demo locally.
seed_console_locally() {
  [ -f "$DB" ] || npx tsx scripts/seed-demo.ts --db "$DB" --customers "$CUSTOMERS" --seed 42
}

setsid node_modules/.bin/tsx tests/rigs/customer-phone/serve.ts --port "$PHONE_PORT" >.tmp/customer-phone.log 2>&1 </dev/null &
phone_pid=$!

instructions() {
  cat <<TXT

────────────────────────────────────────────────────────────────────────────────
 Huifang is running.
   Console:         $1   (softphone: agent $AGENT)
   Sync server:     ${server_url:-not running}   (log .tmp/server.log; demo accounts: 1001 / huifang-1001,
                    1002 / huifang-1002 agents, sup / huifang-sup supervisor, admin / huifang-admin)
   SIP rig:         ws://127.0.0.1:$WS_PORT (Kamailio, log .tmp/kamailio-$SIP_PORT/kamailio.log)
   Customer phone:  http://127.0.0.1:$PHONE_PORT/?ws=ws://127.0.0.1:$WS_PORT&user=2001&autoRegister=1
                    (a web phone: dial $AGENT from it)
   To call the console from a terminal (click "Available" first):
     npx tsx scripts/call-agent.ts --agent $AGENT --caller +8613800138000
   (+8613800138000 is 张伟; outside a loopback-only netns the call has no audio, the screen-pop works)
 Ctrl-C stops the console, Kamailio and the phone page.
────────────────────────────────────────────────────────────────────────────────
TXT
}

# The desktop shell needs the Electron binary. Try to fetch it once (where downloads are allowed);
# fall back to web mode quietly where they are not.
electron_binary() { node -e "try{const p=require('electron');process.stdout.write(require('fs').existsSync(p)?p:'')}catch{}" 2>/dev/null; }
if [ -z "$(electron_binary)" ] && [ -z "${HUIFANG_WEB:-}" ]; then
  timeout 60 node node_modules/electron/install.js >/dev/null 2>&1 || true
fi

if [ -n "$(electron_binary)" ] && [ -z "${HUIFANG_WEB:-}" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" != Linux ]; }; then
  echo "huifang: starting the desktop app"
  seed_console_locally
  node scripts/build-electron.mjs
  instructions "the desktop window (settings: ws://127.0.0.1:$WS_PORT, domain huifang.test, $AGENT / pass$AGENT)"
  HUIFANG_DB="$PWD/$DB" npx electron .
  exit 0
fi

echo "huifang: no Electron binary (or no display) here: starting web mode"
# The password goes through the environment (a flag would show in ps); web.ts seals it in the store.
web_log=.tmp/web-console.log
: >"$web_log"
# Its own process group, so the trap stops all of it (tsx and node) whichever signal ended us.
# With the sync server up, the console signs in as the agent and fills its store from the server.
sync_args=()
if [ -n "$server_url" ]; then
  sync_args=(--sync-server "$server_url" --sync-user "$AGENT")
  export HUIFANG_SYNC_PASSWORD="huifang-$AGENT"
else
  seed_console_locally
fi
HUIFANG_SIP_PASSWORD="pass$AGENT" setsid node_modules/.bin/tsx electron/host/web.ts --port "$PORT" --db "$DB" --region CN \
  --sip-ws "ws://127.0.0.1:$WS_PORT" --sip-domain huifang.test --sip-extension "$AGENT" --sip-display-name "坐席 $AGENT" \
  "${sync_args[@]}" >"$web_log" 2>&1 </dev/null &
web_pid=$!
tail -n +1 -f --pid="$web_pid" "$web_log" &
url=""
for _ in $(seq 1 600); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+/#token=[A-Za-z0-9_-]+' "$web_log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$web_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$url" ] && instructions "$url"
status=0
wait "$web_pid" || status=$?
web_pid=""
exit "$status"
