#!/usr/bin/env bash
# Quick start, command 2: install what the tests need, then run the whole suite
# (typecheck, lint, vitest, Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
npm test
