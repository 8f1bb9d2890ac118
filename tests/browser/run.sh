#!/usr/bin/env bash
# Builds the web console and runs the browser tests against build/guiyan (or $GUIYAN_BIN).
# Screenshots and the server log go to test-output/browser/ at the repository root.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root/web"
[ -d node_modules ] || npm install --no-audit --no-fund
npm run build
cd "$root/tests/browser"
[ -d node_modules ] || npm install --no-audit --no-fund
node --test --test-concurrency=1 ./*.test.mjs
