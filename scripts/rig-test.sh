#!/usr/bin/env bash
# Run the SIP rig suite (tests/e2e/rig) in a loopback-only network namespace.
#   bash scripts/rig-test.sh                 # all
#   bash scripts/rig-test.sh restart         # extra arguments go to `playwright test`
# RIG_WORKERS=1 runs the specs one after another (default 2: one Kamailio per worker).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The customer phone's browser code has its own tsconfig (DOM); esbuild does not type-check it.
npx tsc -p tests/rigs/customer-phone/web/tsconfig.json

# No namespace, no suite — and never a silent pass: say why and fail.
if ! reason=$(bash tests/rigs/netns/run-in-netns.sh true 2>&1); then
  echo "rig-test: FAILED: cannot create a loopback-only network namespace, so the SIP rig suite did not run." >&2
  echo "rig-test: reason: ${reason:-unknown}" >&2
  echo "rig-test: run as root (CI does), or allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1)." >&2
  exit 1
fi

started=$(date +%s)
status=0
bash tests/rigs/netns/run-in-netns.sh npx playwright test -c tests/rigs/playwright.rig.config.ts "$@" || status=$?
echo "rig-test: $(( $(date +%s) - started )) s, exit $status"
exit "$status"
