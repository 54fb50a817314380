# The browser the portal's tests drive: Debian's Chromium (Playwright's own download is never used), with the Noto CJK
# fonts so that Chinese text renders in its pages and screenshots. Sourced, not run.

browser_ensure_installed() {
  local missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  [[ -d /usr/share/fonts/opentype/noto ]] || missing+=(fonts-noto-cjk)
  (( ${#missing[@]} == 0 )) && return 0
  local sudo=()
  if (( EUID != 0 )); then sudo=(sudo); fi
  local started=$SECONDS
  echo "[browser] ${missing[*]} not installed; installing with apt-get" >&2
  if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
    "${sudo[@]}" apt-get update -q </dev/null
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=120 "${missing[@]}" </dev/null
  echo "[browser] installed in $((SECONDS - started)) s" >&2
}
