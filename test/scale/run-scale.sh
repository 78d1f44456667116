#!/usr/bin/env bash
# The multi-process suite (`npm run test:scale`, also the last step of `npm test`): builds dist/, makes sure
# PostgreSQL and Kafka are there (DATABASE_URL / KAFKA_BROKERS from the environment, else the local ones of
# scripts/infra/, stopped again at the end), then runs test/scale/*.test.ts, which starts the EventStoreDB
# double, two `api`s, two `relay`s (one active, one standing by) and a `projector` as separate processes.
#   SCALE_SKIP_BUILD=1  reuse dist/ as it is        SCALE_KEEP_LOGS=1  keep the services' logs (path printed)
#   SCALE_CAFES=n       size of the load (160)      SCALE_SEED=n       another deterministic load
set -euo pipefail
cd "$(dirname "$0")/../.."

started_pg=0
started_kafka=0
cleanup() {
  local status=$?
  # the scripts do nothing when the URL variable is set, and by now it is (exported below)
  [[ $started_kafka == 1 ]] && env -u KAFKA_BROKERS bash scripts/infra/kafka.sh stop >/dev/null 2>&1 || true
  [[ $started_pg == 1 ]] && env -u DATABASE_URL bash scripts/infra/postgres.sh stop >/dev/null 2>&1 || true
  exit $status
}
trap cleanup EXIT INT TERM

step() { printf '\n=== scale: %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }
started=$(date +%s)

if [[ "${SCALE_SKIP_BUILD:-}" != 1 ]]; then
  step "build (npm run build)"
  npm run build
fi
for app in api relay projector; do
  [[ -f "dist/apps/$app/src/main.js" ]] || { echo "dist/apps/$app/src/main.js is missing: the build failed" >&2; exit 1; }
done

if [[ -z "${DATABASE_URL:-}" ]]; then
  step "starting a local PostgreSQL"
  bash scripts/infra/postgres.sh status || started_pg=1
  DATABASE_URL="$(bash scripts/infra/postgres.sh start)"
fi
export DATABASE_URL

if [[ -z "${KAFKA_BROKERS:-}" ]]; then
  step "starting a local Apache Kafka broker"
  bash scripts/infra/kafka.sh status || started_kafka=1
  KAFKA_BROKERS="$(bash scripts/infra/kafka.sh start)"
fi
export KAFKA_BROKERS
export KAFKAJS_NO_PARTITIONER_WARNING=1

step "multi-process suite (PostgreSQL $DATABASE_URL, Kafka $KAFKA_BROKERS)"
# jest.config.js keeps test/scale out of the default run; this suite is selected explicitly here
npx jest --ci --runInBand --testMatch '**/test/scale/*.test.ts' --testPathIgnorePatterns '/node_modules/|/dist/' \
  ${CAFEIA_JEST_RESULTS:+--json --outputFile "$CAFEIA_JEST_RESULTS/scale.json"}
step "passed in $(( $(date +%s) - started ))s"
