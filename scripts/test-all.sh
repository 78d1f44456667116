#!/usr/bin/env bash
# The whole test suite (`npm test`): provisions what the tests need on this machine when no URL is given —
# a local PostgreSQL (Debian's packages), the real Apache Kafka broker (KRaft, jars from Maven Central) and
# Debian's Chromium for the browser specs —
# runs every suite, then stops what it started.
#   DATABASE_URL / KAFKA_BROKERS set: those engines are used and nothing is started for them.
#   EVENTSTORE_URL set: the EventStoreDB adapter's contract suite also runs against that real server.
set -euo pipefail
cd "$(dirname "$0")/.."

started_pg=0
started_kafka=0
cleanup() {
  local status=$?
  # the scripts leave engines given by URL alone: unset the URLs we exported so they stop what we started
  [[ $started_kafka == 1 ]] && env -u KAFKA_BROKERS bash scripts/infra/kafka.sh stop >/dev/null 2>&1 || true
  [[ $started_pg == 1 ]] && env -u DATABASE_URL bash scripts/infra/postgres.sh stop >/dev/null 2>&1 || true
  exit $status
}
trap cleanup EXIT INT TERM

step() { printf '\n=== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

if [[ -z "${DATABASE_URL:-}" ]]; then
  step "starting a local PostgreSQL"
  started_pg=1
  DATABASE_URL="$(bash scripts/infra/postgres.sh start)"
fi
export DATABASE_URL

if [[ -z "${KAFKA_BROKERS:-}" ]]; then
  step "starting a local Apache Kafka broker (KRaft)"
  started_kafka=1
  KAFKA_BROKERS="$(bash scripts/infra/kafka.sh start)"
fi
export KAFKA_BROKERS
export KAFKAJS_NO_PARTITIONER_WARNING=1

step "type-check and build (the multi-process suites run the compiled apps)"
npx tsc --noEmit -p tsconfig.json
npm run -s build

results="$(mktemp -d)"
export CAFEIA_JEST_RESULTS="$results"

step "unit, contract and end-to-end suites (SQLite and PostgreSQL)"
npx jest --maxWorkers=2 --ci --json --outputFile "$results/main.json"

step "Kafka suites (real broker at $KAFKA_BROKERS)"
npx jest --ci --runInBand --testMatch '**/*.kafka-spec.ts' --json --outputFile "$results/kafka.json"

step "browser suites (headless Chromium, axe, a local OpenID Connect provider)"
CHROMIUM_PATH="$(bash scripts/infra/chromium.sh)"
export CHROMIUM_PATH
# VM modules: the specs load ESM-only packages (openid-client) with a real import() (test/browser/README.md)
NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--experimental-vm-modules --disable-warning=ExperimentalWarning" \
  npx jest -c test/browser/jest.config.js --ci --json --outputFile "$results/browser.json"

if [[ -f test/scale/run-scale.sh ]]; then
  step "multi-process suite (npm run test:scale)"
  bash test/scale/run-scale.sh
fi
step "contract fuzzing of the OpenAPI document (schemathesis, zero failures)"
CAFEIA_SKIP_BUILD=1 bash test/contract/schemathesis.sh

step "all suites passed"
# one closing line for every runner: the totals of all jest runs
node -e '
const fs = require("fs"), dir = process.argv[1];
let passed = 0, failed = 0;
for (const f of fs.readdirSync(dir)) { const r = JSON.parse(fs.readFileSync(dir + "/" + f, "utf8")); passed += r.numPassedTests; failed += r.numFailedTests; }
console.log(`${passed} passed, ${failed} failed`);' "$results"
