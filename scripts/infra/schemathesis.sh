#!/usr/bin/env bash
# Contract fuzzing of the API against its own OpenAPI document (schemathesis, PyPI).
#
#   scripts/infra/schemathesis.sh install                       create the venv once (fast when present)
#   scripts/infra/schemathesis.sh run BASE_URL TOKEN [REPORT_DIR]
#       every check, every phase (examples, coverage, fuzzing, stateful), a fixed seed and bounded examples, with the
#       narrowings of test/contract/schemathesis.toml (each justified there);
#       JUnit and NDJSON reports into REPORT_DIR (default <repo>/.cache/schemathesis-report); exits non-zero on any failure.
#
# Env: SCHEMATHESIS_SEED (20260615), SCHEMATHESIS_MAX_EXAMPLES (25), SCHEMATHESIS_MAX_TIME (seconds, 90),
#      SCHEMATHESIS_WORKERS (1, see below), CAFEIA_CACHE_DIR (<repo>/.cache).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE_DIR="${CAFEIA_CACHE_DIR:-$REPO/.cache}"
VENV="$CACHE_DIR/schemathesis-venv"
VERSION="4.32.5"

log() { echo "[schemathesis] $*" >&2; }

install() {
  if [[ -x "$VENV/bin/st" ]] && "$VENV/bin/st" --version 2>/dev/null | grep -q "$VERSION"; then return; fi
  log "creating $VENV with schemathesis $VERSION"
  mkdir -p "$CACHE_DIR"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION"
}

run() {
  local base_url="${1:?base URL of the API, e.g. http://127.0.0.1:3000}"
  local token="${2:?a council bearer token}"
  local report_dir="${3:-$CACHE_DIR/schemathesis-report}"
  install
  mkdir -p "$report_dir"
  local args=(
    "$base_url/docs-json"
    --url "$base_url"
    --header "Authorization: Bearer $token"
    --checks all
    --phases examples,coverage,fuzzing,stateful
    --seed "${SCHEMATHESIS_SEED:-20260615}"
    --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-25}"
    --max-time "${SCHEMATHESIS_MAX_TIME:-90}"
    # one worker: with two, CPython 3.11.7's ast.parse is not thread-safe (gh-106905, "AST constructor recursion depth
    # mismatch") and Hypothesis parses lambdas while describing strategies, which crashes a run now and then
    --workers "${SCHEMATHESIS_WORKERS:-1}"
    --generation-database none
    --report junit,ndjson
    --report-dir "$report_dir"
    --no-color
  )
  log "st run ${args[*]//$token/<token>}"
  "$VENV/bin/st" --config-file "$REPO/test/contract/schemathesis.toml" run "${args[@]}"
}

case "${1:-}" in
  install) install ;;
  run) shift; run "$@" ;;
  *) echo "usage: $0 install | run BASE_URL TOKEN [REPORT_DIR]" >&2; exit 2 ;;
esac
