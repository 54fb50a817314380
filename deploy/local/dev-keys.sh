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

# dev_ledger_key_ensure DIR ORIGIN: sets DEV_LEDGER_KEY to the ledger's checkpoint signing key in signed-note form,
# PRIVATE+KEY+<origin>+<key id hex>+<base64(0x01 ‖ Ed25519 seed)>, kept in DIR/ledger-signing-key (mode 600) and made
# once with openssl; only Audit is given it (Ledger__SigningKey). The key id is the first 4 bytes of
# SHA-256(origin ‖ 0x0A ‖ 0x01 ‖ public key), as C2SP signed-note defines it; Audit checks it when it starts.
dev_ledger_key_ensure() {
  local dir=$1 origin=$2 file=$1/ledger-signing-key
  mkdir -p "$dir"
  if [[ ! -s $file ]] || ! grep -q "^PRIVATE+KEY+$origin+" "$file"; then
    local der key_id seed public_key
    der=$(mktemp)
    (umask 077 && openssl genpkey -algorithm ed25519 -outform DER -out "$der")
    # PKCS#8 and SubjectPublicKeyInfo for Ed25519 both end in the 32 raw key bytes.
    seed=$({ printf '\x01'; tail -c 32 "$der"; } | base64 -w0)
    public_key=$(openssl pkey -inform DER -in "$der" -pubout -outform DER | tail -c 32 | base64 -w0)
    key_id=$({ printf '%s\n\x01' "$origin"; base64 -d <<<"$public_key"; } | sha256sum | cut -c1-8)
    rm -f "$der"
    (umask 077 && printf 'PRIVATE+KEY+%s+%s+%s\n' "$origin" "$key_id" "$seed" >"$file")
    dev_keys_log "created the ledger's checkpoint signing key for $origin in $file"
  fi
  chmod 600 "$file"
  DEV_LEDGER_KEY=$(<"$file")
}
