#!/usr/bin/env bash
# Quick start, command 1: install, build, seed demo data (10,000 customers) and start the console —
# the desktop app where the Electron binary is present, web mode where it is not — together with the
# SIP rig: Kamailio on 127.0.0.1 (SIP_PORT 5060, WS_PORT 8088) and the customer phone page
# (PHONE_PORT 8089). Web mode starts pre-configured as agent 1001. Ctrl-C stops everything.
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

# ── The SIP rig in the background, stopped again when this script ends (Ctrl-C, error, exit).
SIP_PORT=${SIP_PORT:-5060}
WS_PORT=${WS_PORT:-8088}
PHONE_PORT=${PHONE_PORT:-8089}
AGENT=${HUIFANG_AGENT:-1001}
export SIP_PORT WS_PORT
kamailio_started=""
phone_pid=""
web_pid=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$web_pid" ]; then kill -TERM -- "-$web_pid" 2>/dev/null || true; wait "$web_pid" 2>/dev/null || true; fi
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
mkdir -p .tmp
setsid node_modules/.bin/tsx tests/rigs/customer-phone/serve.ts --port "$PHONE_PORT" >.tmp/customer-phone.log 2>&1 </dev/null &
phone_pid=$!

instructions() {
  cat <<TXT

────────────────────────────────────────────────────────────────────────────────
 Huifang is running.
   Console:         $1   (softphone: agent $AGENT)
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
HUIFANG_SIP_PASSWORD="pass$AGENT" setsid node_modules/.bin/tsx electron/host/web.ts --port "$PORT" --db "$DB" --region CN \
  --sip-ws "ws://127.0.0.1:$WS_PORT" --sip-domain huifang.test --sip-extension "$AGENT" --sip-display-name "坐席 $AGENT" \
  >"$web_log" 2>&1 </dev/null &
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
