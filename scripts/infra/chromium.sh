#!/usr/bin/env bash
# Debian's Chromium for the browser specs, installed when absent; prints the executable's path.
#
#   bash scripts/infra/chromium.sh      install if missing (as root, non-interactive), print /usr/bin/chromium
#
# Debian's package, not a test tool's own download: `npx playwright install` and puppeteer's download fail on
# this machine's closed network, and playwright-core drives any Chromium given by `executablePath`.
# The fonts make French text (accents, «», €) render legibly in screenshots; chromium pulls no font itself
# with --no-install-recommends. chromium-l10n gives it the French locale: date and time fields as a French user
# sees them (25/10/2026, 18:30), not the American format.
# Env: CHROMIUM_PATH (/usr/bin/chromium) — an existing executable is used as is, nothing is installed.
set -euo pipefail

BIN="${CHROMIUM_PATH:-/usr/bin/chromium}"

log() { echo "[chromium] $*" >&2; }

if [[ ! -x "$BIN" || ( -z "${CHROMIUM_PATH:-}" && ! -f /usr/lib/chromium/locales/fr.pak ) ]]; then
  if [[ $EUID -ne 0 ]]; then
    log "$BIN is missing and we are not root: apt-get install -y --no-install-recommends chromium chromium-l10n fonts-dejavu-core fonts-liberation"
    exit 1
  fi
  log "installing Chromium from Debian's packages"
  started=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-l10n fonts-dejavu-core fonts-liberation >/dev/null
  log "installed in $((SECONDS - started)) s"
  [[ -x "$BIN" ]] || { log "$BIN still missing after the install"; exit 1; }
fi
echo "$BIN"
