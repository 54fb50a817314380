# shellcheck shell=bash
# The development key pair of ES256 tokens, sourced by run.sh, which makes it once in its data folder before any
# service starts. Only the gateway is given the private half (Auth__SigningKeyPath, for /dev/token); every process
# verifies tokens with the public half (Auth__PublicKeyPath). Delete the folder for a new pair: tokens signed with the
# old one are then 401.

DEV_SIGNING_KEY=""
DEV_PUBLIC_KEY=""

dev_keys_log() { echo "[keys] $*" >&2; }

# dev_keys_ensure DIR: sets DEV_SIGNING_KEY and DEV_PUBLIC_KEY to DIR/dev-signing-key.pem (mode 600) and
# DIR/dev-signing-key.pub.pem, creating whichever is missing with openssl (installed with apt-get if need be).
dev_keys_ensure() {
  local dir=$1
  DEV_SIGNING_KEY=$dir/dev-signing-key.pem
  DEV_PUBLIC_KEY=$dir/dev-signing-key.pub.pem
  if ! command -v openssl >/dev/null 2>&1; then
    local sudo=()
    if (( EUID != 0 )); then sudo=(sudo); fi
    dev_keys_log "openssl not installed; installing with apt-get"
    apt-cache show openssl >/dev/null 2>&1 || "${sudo[@]}" apt-get update -q </dev/null
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q -o DPkg::Lock::Timeout=120 openssl </dev/null
  fi
  mkdir -p "$dir"
  if [[ ! -s $DEV_SIGNING_KEY ]]; then
    # umask 077: the private key is never readable by others, not even for a moment before a chmod.
    (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$DEV_SIGNING_KEY")
    rm -f "$DEV_PUBLIC_KEY" # a public half left from an older pair would no longer match
    dev_keys_log "created the development key pair in $dir"
  fi
  chmod 600 "$DEV_SIGNING_KEY"
  [[ -s $DEV_PUBLIC_KEY ]] || openssl pkey -in "$DEV_SIGNING_KEY" -pubout -out "$DEV_PUBLIC_KEY"
}
