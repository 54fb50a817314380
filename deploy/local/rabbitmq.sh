# shellcheck shell=bash
# RabbitMQ for local runs and tests: install Debian's broker when missing and run a PRIVATE node as our own
# child process (its own name, ports, state, cookie and config), so that it never touches a system broker and
# can be stopped reliably. Sourced by run.sh and test.sh; the caller sets `set -euo pipefail`.
#
#   rabbitmq_ensure_installed                                          # broker + curl + jq
#   rabbitmq_start NODE AMQP_PORT MANAGEMENT_PORT DIST_PORT STATE_DIR   # spawns the node, returns at once
#   rabbitmq_await [TIMEOUT_SECONDS]                                    # AMQP port open + await_startup
#   rabbitmq_define                                                     # definitions, passwords, no guest
#   rabbitmq_set_up_as_ours MANAGEMENT_PORT                             # is a broker we did not start set up so?
#   rabbitmq_stop                                                       # graceful shutdown, then the group
#   rabbitmq_alive, rabbitmq_port_open PORT, rabbitmq_log_tail

# The real scripts: /usr/sbin/rabbitmq* are wrappers that switch to the rabbitmq user (and its cookie) as root.
RABBITMQ_SCRIPTS=/usr/lib/rabbitmq/bin

# Users, permissions, exchanges, queues and bindings: the file the compose file's broker-init loads too.
RABBITMQ_DEFINITIONS=$(cd "$(dirname "${BASH_SOURCE[0]}")/../rabbitmq" && pwd)/definitions.json
# The administrator of a private node (management UI, requeue tool, tests). `impersonator` lets the requeue tool
# publish a parked message back under its producer's user_id. Development password: the node listens on loopback only.
RABBITMQ_OPERATOR=operator
RABBITMQ_OPERATOR_PASSWORD=operator-development

# State of the node this shell started (empty when none).
RMQ_NODE=""
RMQ_DIR=""
RMQ_AMQP_PORT=""
RMQ_MANAGEMENT_PORT=""
RMQ_PID=""
RMQ_STARTED_AT=""

rabbitmq_log() { echo "[rabbitmq] $*" >&2; }

# The broker, and the tools its operation scripts (requeue-errors.sh) use: curl and jq.
rabbitmq_ensure_installed() {
  local missing=()
  [[ -x $RABBITMQ_SCRIPTS/rabbitmq-server ]] || missing+=(rabbitmq-server)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v jq >/dev/null 2>&1 || missing+=(jq)
  (( ${#missing[@]} == 0 )) && return 0
  local sudo=()
  if (( EUID != 0 )); then sudo=(sudo); fi
  local started=$SECONDS
  rabbitmq_log "${missing[*]} not installed; installing with apt-get"
  if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
    "${sudo[@]}" apt-get update -q </dev/null
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q -o DPkg::Lock::Timeout=120 "${missing[@]}" </dev/null
  rabbitmq_log "installed in $((SECONDS - started)) s"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
rabbitmq_port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

rabbitmq_alive() {
  [[ -n $RMQ_PID ]] && kill -0 "$RMQ_PID" 2>/dev/null
}

# rabbitmqctl for our node: the same HOME, so that it reads the node's Erlang cookie.
rabbitmq_ctl() {
  HOME=$RMQ_DIR "$RABBITMQ_SCRIPTS/rabbitmqctl" -n "$RMQ_NODE" "$@" </dev/null
}

rabbitmq_log_tail() {
  local file
  for file in "$RMQ_DIR/log/console.log" "$RMQ_DIR/log/$RMQ_NODE.log"; do
    [[ -s $file ]] || continue
    echo "----- last lines of $file -----" >&2
    tail -n 25 "$file" >&2
  done
}

rabbitmq_start() {
  local node=$1 amqp_port=$2 management_port=$3 dist_port=$4 dir=$5
  local port
  for port in "$amqp_port" "$management_port" "$dist_port"; do
    if rabbitmq_port_open "$port"; then
      rabbitmq_log "cannot start $node: port $port is already in use"
      return 1
    fi
  done

  mkdir -p "$dir/mnesia" "$dir/log"
  dir=$(cd "$dir" && pwd)
  RMQ_NODE=$node RMQ_DIR=$dir RMQ_AMQP_PORT=$amqp_port RMQ_MANAGEMENT_PORT=$management_port

  # Our own cookie, written before anything starts, so that the node and rabbitmqctl never race to create it.
  if [[ ! -s $dir/.erlang.cookie ]]; then
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/.erlang.cookie")
    chmod 400 "$dir/.erlang.cookie"
  fi

  # Loopback only, so that the development passwords below never face a network. A fresh node creates the operator
  # instead of guest; rabbitmq_define deletes a guest that an older state still holds.
  cat >"$dir/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$amqp_port
management.tcp.ip = 127.0.0.1
management.tcp.port = $management_port
default_user = $RABBITMQ_OPERATOR
default_pass = $RABBITMQ_OPERATOR_PASSWORD
default_user_tags.administrator = true
default_user_tags.impersonator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
EOF

  local -a node_env=(
    HOME="$dir"
    RABBITMQ_NODENAME="$node"
    RABBITMQ_NODE_PORT="$amqp_port"
    RABBITMQ_DIST_PORT="$dist_port"
    RABBITMQ_MNESIA_BASE="$dir/mnesia"
    RABBITMQ_LOG_BASE="$dir/log"
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
    RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
    # Keep the machine-wide files out of a private node.
    RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
    RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
  )

  if ! grep -qs rabbitmq_management "$dir/enabled_plugins"; then
    env "${node_env[@]}" "$RABBITMQ_SCRIPTS/rabbitmq-plugins" --offline enable rabbitmq_management \
      </dev/null >"$dir/log/plugins.log" 2>&1 || { cat "$dir/log/plugins.log" >&2; return 1; }
  fi

  # setsid: the node gets its own process group, so a Ctrl-C in the terminal reaches only our script (which
  # then stops the node in order) and a stuck node can be killed as a whole group.
  RMQ_STARTED_AT=$SECONDS
  (cd "$dir" && exec env "${node_env[@]}" setsid "$RABBITMQ_SCRIPTS/rabbitmq-server" \
    </dev/null >>"$dir/log/console.log" 2>&1) &
  RMQ_PID=$!
  rabbitmq_log "starting $node (AMQP $amqp_port, management $management_port, state in $dir)"
}

rabbitmq_await() {
  local timeout=${1:-90}
  local deadline=$((SECONDS + timeout))
  until rabbitmq_port_open "$RMQ_AMQP_PORT"; do
    if ! rabbitmq_alive; then
      rabbitmq_log "ERROR: $RMQ_NODE exited during start-up"
      rabbitmq_log_tail
      return 1
    fi
    if (( SECONDS >= deadline )); then
      rabbitmq_log "ERROR: $RMQ_NODE did not open AMQP port $RMQ_AMQP_PORT within $timeout s"
      rabbitmq_log_tail
      return 1
    fi
    sleep 0.5
  done
  local remaining=$((deadline - SECONDS))
  (( remaining > 5 )) || remaining=5
  if ! rabbitmq_ctl -q await_startup --timeout "$remaining" >/dev/null 2>&1; then
    rabbitmq_log "ERROR: $RMQ_NODE opened its AMQP port but did not finish start-up within $timeout s"
    rabbitmq_log_tail
    return 1
  fi
  rabbitmq_log "$RMQ_NODE ready in $((SECONDS - RMQ_STARTED_AT)) s"
}

# The broker setup both the local run and the compose file use: import deploy/rabbitmq/definitions.json (additive, so
# it also brings an older state up to date), give each service user its development password (BrokerUser in
# ServiceDefaults says the same), make sure the operator exists, and leave no guest: it could publish anything.
rabbitmq_define() {
  rabbitmq_ctl -q import_definitions "$RABBITMQ_DEFINITIONS" >/dev/null
  rabbitmq_retire_queues || return 1
  # The import leaves a queue that already exists as it is: one from before the broker setup (a classic queue
  # MassTransit declared) would make the service's quorum declaration fail, so say so now, plainly.
  local classic
  classic=$(rabbitmq_ctl -q list_queues --no-table-headers name type | awk '$2 != "quorum" { print $1 }' |
    grep -Fx -f <(jq -r '.queues[].name' "$RABBITMQ_DEFINITIONS") || true)
  if [[ -n $classic ]]; then
    rabbitmq_log "ERROR: $RMQ_NODE holds queues from before the broker setup that are not quorum queues:" $classic
    rabbitmq_log "stop, delete $RMQ_DIR (it holds only messages not yet consumed; the services' outboxes keep what" \
      "they have not sent), and start again"
    return 1
  fi
  local user
  for user in $(jq -r '.users[].name' "$RABBITMQ_DEFINITIONS"); do
    rabbitmq_ctl -q change_password "$user" "$user-development" >/dev/null
  done
  if ! rabbitmq_ctl -q list_users | cut -f1 | grep -qx "$RABBITMQ_OPERATOR"; then
    rabbitmq_ctl -q add_user "$RABBITMQ_OPERATOR" "$RABBITMQ_OPERATOR_PASSWORD" >/dev/null
  fi
  rabbitmq_ctl -q set_user_tags "$RABBITMQ_OPERATOR" administrator impersonator >/dev/null
  rabbitmq_ctl -q set_permissions -p / "$RABBITMQ_OPERATOR" ".*" ".*" ".*" >/dev/null
  if rabbitmq_ctl -q list_users | cut -f1 | grep -qx guest; then
    rabbitmq_ctl -q delete_user guest >/dev/null
    rabbitmq_log "deleted the guest user an older state of $RMQ_NODE held"
  fi
  rabbitmq_log "$RMQ_NODE set up from $RABBITMQ_DEFINITIONS"
}

# Queues a later setup replaced: audit-ledger became audit-ledger-sequencer (a single active consumer, a flag a queue
# cannot gain). An empty one goes, with its exchange; one still holding messages stays, named, until they are moved.
RABBITMQ_RETIRED_QUEUES=(audit-ledger)
rabbitmq_retire_queues() {
  local queue messages
  for queue in "${RABBITMQ_RETIRED_QUEUES[@]}"; do
    messages=$(rabbitmq_ctl -q list_queues --no-table-headers name messages | awk -v q="$queue" '$1 == q { print $2 }')
    [[ -n $messages ]] || continue
    if (( messages > 0 )); then
      rabbitmq_log "ERROR: the retired queue $queue still holds $messages messages; move them to its successor first" \
        "(deploy/local/requeue-errors.sh moves a queue's _error queue back; a shovel or the management UI's 'Move messages' works too)"
      return 1
    fi
    rabbitmq_ctl -q delete_queue "$queue" >/dev/null
    curl -fsS -o /dev/null -u "$RABBITMQ_OPERATOR:$RABBITMQ_OPERATOR_PASSWORD" -X DELETE \
      "http://127.0.0.1:$RMQ_MANAGEMENT_PORT/api/exchanges/%2F/$queue" || true
    rabbitmq_log "retired the empty queue $queue and its exchange"
  done
}

# True when a broker this shell did not start answers its management API on 127.0.0.1:PORT as set up by
# rabbitmq_define (the operator logs in, and the service users exist): otherwise the services could not log in.
rabbitmq_set_up_as_ours() {
  local management_port=$1 user
  for user in $(jq -r '.users[].name' "$RABBITMQ_DEFINITIONS"); do
    curl -fs -o /dev/null --max-time 5 -u "$RABBITMQ_OPERATOR:$RABBITMQ_OPERATOR_PASSWORD" \
      "http://127.0.0.1:$management_port/api/users/$user" || return 1
  done
}

# Graceful shutdown (waits for the node's OS process), else SIGTERM and finally SIGKILL to its process group.
rabbitmq_stop() {
  rabbitmq_alive || { RMQ_PID=""; return 0; }
  local started=$SECONDS
  rabbitmq_log "stopping $RMQ_NODE"
  timeout 45 env HOME="$RMQ_DIR" "$RABBITMQ_SCRIPTS/rabbitmqctl" -n "$RMQ_NODE" -q shutdown \
    </dev/null >/dev/null 2>&1 || true
  local signal waited
  for signal in TERM KILL; do
    for ((waited = 0; waited < 20; waited++)); do
      rabbitmq_alive || break 2
      sleep 0.5
    done
    rabbitmq_log "$RMQ_NODE still running; sending SIG$signal to its process group"
    # setsid made the node's first process the leader of its own group; never signal a group we belong to.
    if [[ $(ps -o pgid= -p "$RMQ_PID" 2>/dev/null | tr -d ' ') == "$RMQ_PID" ]]; then
      kill -"$signal" -- "-$RMQ_PID" 2>/dev/null || true
    else
      kill -"$signal" "$RMQ_PID" 2>/dev/null || true
    fi
  done
  wait "$RMQ_PID" 2>/dev/null || true
  rabbitmq_log "$RMQ_NODE stopped in $((SECONDS - started)) s"
  RMQ_PID=""
}
