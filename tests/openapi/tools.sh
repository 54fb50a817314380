# shellcheck shell=bash
# The npm tools that check the services' OpenAPI documents (Spectral, openapi-typescript, tsc), pinned by
# tests/openapi/package-lock.json. Sourced by test.sh; the caller sets `set -euo pipefail` and works from the repository root.
#
#   openapi_tools_ensure_node   # Debian's nodejs and npm with apt-get when `node` or `npm` is missing
#   openapi_tools_install       # `npm ci` into tests/openapi unless node_modules already matches the lock

OPENAPI_TOOLS_DIR=tests/openapi
# Written after a successful `npm ci`: the lock's hash, so that an unchanged lock skips the install.
OPENAPI_TOOLS_STAMP=$OPENAPI_TOOLS_DIR/node_modules/.installed-lock.sha256

openapi_tools_log() { echo "[openapi-tools] $*" >&2; }

openapi_tools_ensure_node() {
  local missing=()
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  (( ${#missing[@]} == 0 )) && return 0
  local sudo=()
  if (( EUID != 0 )); then sudo=(sudo); fi
  local started=$SECONDS
  openapi_tools_log "${missing[*]} not installed; installing with apt-get"
  if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
    "${sudo[@]}" apt-get update -q </dev/null
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q -o DPkg::Lock::Timeout=120 "${missing[@]}" </dev/null
  openapi_tools_log "installed in $((SECONDS - started)) s"
}

openapi_tools_install() {
  local lock_hash
  lock_hash=$(sha256sum "$OPENAPI_TOOLS_DIR/package-lock.json" | cut -d' ' -f1)
  if [[ -f $OPENAPI_TOOLS_STAMP && $(<"$OPENAPI_TOOLS_STAMP") == "$lock_hash" ]]; then
    openapi_tools_log "node_modules matches package-lock.json; npm ci skipped"
    return 0
  fi
  local started=$SECONDS
  # No install scripts: none of the tools needs one (the only one is a usage-analytics ping).
  npm ci --prefix "$OPENAPI_TOOLS_DIR" --ignore-scripts --no-audit --no-fund
  echo "$lock_hash" >"$OPENAPI_TOOLS_STAMP"
  openapi_tools_log "npm ci in $((SECONDS - started)) s"
}
