#!/usr/bin/env bash
# The contract run: a fresh API (compiled, embedded default, temporary DATA_DIR, pinned CLOCK) fuzzed by
# schemathesis against its own /docs-json with a council token, then stopped. Non-zero on any failure.
#   bash test/contract/schemathesis.sh [REPORT_DIR]
# Builds first unless CAFEIA_SKIP_BUILD=1 (the test command has just built).
set -euo pipefail
cd "$(dirname "$0")/../.."

report_dir="${1:-.cache/schemathesis-report}"
data_dir="$(mktemp -d -t cafeia-schemathesis-XXXXXX)"
api_pid=""
cleanup() {
  local status=$?
  if [[ -n "$api_pid" ]]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  rm -rf "$data_dir"
  exit $status
}
trap cleanup EXIT INT TERM

bash scripts/infra/schemathesis.sh install
[[ "${CAFEIA_SKIP_BUILD:-0}" == 1 && -f dist/apps/api/src/main.js ]] || npm run -s build

export DATA_DIR="$data_dir"
export AUTH_SECRET="schemathesis-secret-0123456789-abcdefghij"
export CLOCK="2026-06-15T12:00:00Z"
export EVENT_STORE=sqlite READ_MODELS=sqlite
# fuzzed minPositions are mostly beyond the head: answer their 503 in 0.2 s rather than after 5 s
export MIN_POSITION_WAIT_MS=200
unset KAFKA_BROKERS DATABASE_URL EVENTSTORE_URL
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
export PORT
base_url="http://127.0.0.1:$PORT"

node dist/apps/api/src/main.js >"$data_dir/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 300); do
  if curl -fsS "$base_url/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$api_pid" 2>/dev/null; then cat "$data_dir/api.log" >&2; echo "the API exited before it was ready" >&2; exit 1; fi
  sleep 0.1
done
curl -fsS "$base_url/health/ready" >/dev/null || { cat "$data_dir/api.log" >&2; echo "the API did not get ready" >&2; exit 1; }

token="$(node dist/apps/api/src/token.js --role council)"
# the territory codes the API accepts, for the hooks that draw valid ones (test/contract/schemathesis_hooks.py)
export CAFEIA_TERRITORY_CODES="$data_dir/territory-codes.json"
node -e '
const { Territories, TERRITORY_LEVELS } = require("./dist/libs/territories/src");
const t = Territories.official();
const communes = t.all("commune").flatMap((c) => [c.code, ...t.arrondissementsOf(c.code).map((a) => a.code)]);
// the levels the directories filter by (an EPCI filter arrives with its read models)
const territories = ["region", "department", "epci", "commune"].flatMap((level) => t.all(level).map((x) => `${level}:${x.code}`));
// the postcodes of each commune: the postalCode of a structure must be one of them (a rule across two fields)
const postcodes = Object.fromEntries(communes.map((code) => [code, t.postcodesOf(code)]));
require("fs").writeFileSync(process.argv[1], JSON.stringify({ communes, territories, postcodes }));' "$CAFEIA_TERRITORY_CODES"
export PYTHONPATH="$PWD/test/contract${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=schemathesis_hooks
status=0
bash scripts/infra/schemathesis.sh run "$base_url" "$token" "$report_dir" || status=$?
if ! kill -0 "$api_pid" 2>/dev/null; then
  echo "--- the API died during the run; its last lines:" >&2
  tail -40 "$data_dir/api.log" >&2
  status=1
elif [[ $status != 0 ]] && grep -q '"request failed"' "$data_dir/api.log"; then
  # an unexpected 5xx is logged by the API (a documented 503 is 'request refused'): show it next to the failure
  echo "--- errors logged by the API:" >&2
  # head closes the pipe early: grep's SIGPIPE must not become the script's exit status (141)
  { grep '"request failed"' "$data_dir/api.log" || true; } | head -20 >&2 || true
fi
exit $status
