#!/usr/bin/env bash
# npm test: everything, in order, stopping at the first failing step.
#   1 typecheck · 2 lint · 3 unit + integration tests (vitest: PGlite always, PostgreSQL too when
#   TEST_DATABASE_URL is set) · 4 browser check · 5 end-to-end tests (Playwright, production build)
set -euo pipefail
cd "$(dirname "$0")/.."

STEPS_TOTAL=5
step_no=0
summary=()

banner() { printf '\n==================== %s ====================\n' "$*"; }

run_step() {
  local name="$1"; shift
  step_no=$((step_no + 1))
  banner "[$step_no/$STEPS_TOTAL] $name: $*"
  local started=$SECONDS
  if "$@"; then
    local took=$((SECONDS - started))
    summary+=("  ok    $name (${took} s)")
    printf '%s\n' "---- [$step_no/$STEPS_TOTAL] $name: ok in ${took} s"
  else
    local code=$?
    summary+=("  FAIL  $name (exit $code)")
    banner "FAILED at step $step_no/$STEPS_TOTAL: $name (exit $code)"
    printf '%s\n' "${summary[@]}"
    exit "$code"
  fi
}

# The generated Prisma client is imported by the code, the types and the tests.
if [ ! -d lib/generated/prisma ]; then
  banner "[setup] Prisma client missing: node scripts/prisma-generate.mjs"
  node scripts/prisma-generate.mjs
fi

run_step "Typecheck" npm run --silent typecheck
run_step "Lint" npm run --silent lint
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "Integration tests run on PGlite and on PostgreSQL (TEST_DATABASE_URL is set)."
else
  echo "Integration tests run on PGlite only (set TEST_DATABASE_URL=postgresql://… to add PostgreSQL)."
fi
run_step "Unit and integration tests" npx vitest run
run_step "Browser for the end-to-end tests" npx tsx e2e/support/browser.ts --check
run_step "End-to-end tests" npx playwright test

banner "npm test: all $STEPS_TOTAL steps passed"
printf '%s\n' "${summary[@]}"
