#!/usr/bin/env bash
# Moves every message currently in <queue>_error back to <queue>, so that the service consumes it again once the
# cause of its failure is fixed. Bodies and properties (message id, content type, headers) travel unchanged, so
# MassTransit reads a moved message exactly as it first arrived, and each goes back under its producer's AMQP
# user_id: a service parks a message without it (RabbitMQ would refuse the move) and keeps it in the header
# PolicyEngage-Producer, which this restores. See docs/messaging.md, "Operations: poison messages and the _error queue".
#
#   deploy/local/requeue-errors.sh <queue> [--vhost V] [--management URL] [--user U] [--password P] [--timeout SECONDS]
#
# It talks only to RabbitMQ's management HTTP API, and needs curl and jq. It takes the messages in batches and
# re-publishes each to the default exchange with routing key <queue>; publishing under another user's user_id needs
# a user with the `impersonator` tag (the local brokers' operator has it). A batch is saved to a file before it is
# re-published, so a failure half-way loses nothing (the file is named on failure). Header values pass through JSON:
# strings, numbers, booleans, lists and tables survive; AMQP-specific types (timestamps, byte arrays) may come back as
# their JSON equivalents. (A shovel would move messages inside the broker, but cannot give each its producer back.)
# Exit codes: 0 moved (possibly nothing), 1 failed (broker unreachable, queue missing, move incomplete), 2 usage.
set -euo pipefail
shopt -s inherit_errexit

usage() {
  echo "usage: $0 <queue> [--vhost V] [--management URL] [--user U] [--password P] [--timeout SECONDS]" >&2
  exit 2
}

fail() {
  echo "requeue-errors: $*" >&2
  exit 1
}

queue=""
vhost="/"
management="http://127.0.0.1:15672"
user="operator"
password="operator-development"
timeout=120

while (($#)); do
  case $1 in
    --vhost) vhost=${2:?--vhost needs a value}; shift 2 ;;
    --management) management=${2:?--management needs a URL}; shift 2 ;;
    --user) user=${2:?--user needs a value}; shift 2 ;;
    --password) password=${2:?--password needs a value}; shift 2 ;;
    --timeout) timeout=${2:?--timeout needs seconds}; shift 2 ;;
    -h | --help) usage ;;
    -*) echo "requeue-errors: unknown option $1" >&2; usage ;;
    *) [[ -z $queue ]] || { echo "requeue-errors: one queue at a time" >&2; usage; }; queue=$1; shift ;;
  esac
done
[[ -n $queue ]] || usage
[[ $timeout =~ ^[0-9]+$ ]] || { echo "requeue-errors: --timeout takes whole seconds" >&2; usage; }
# Written by ErrorQueueMove in ServiceDefaults when it parks a message.
producer_header=PolicyEngage-Producer
[[ $queue != *_error ]] || fail "name the service's queue, not its error queue: ${queue%_error}"
for tool in curl jq; do
  command -v "$tool" >/dev/null || fail "$tool is required (apt-get install -y $tool)"
done

error_queue=${queue}_error
management=${management%/}
uri() { jq -rn --arg v "$1" '$v | @uri'; }
messages() { if (($1 == 1)); then echo "1 message"; else echo "$1 messages"; fi; }
vhost_path=$(uri "$vhost")

# api METHOD PATH [JSON]: sets $status and $body. The credentials go to curl on a file descriptor, not in argv.
status="" body=""
api() {
  local method=$1 path=$2 data=${3-} response
  local -a args=(-sS -X "$method" -H "content-type: application/json" --max-time 30 -w '\n%{http_code}')
  [[ -z $data ]] || args+=(--data-binary @-)
  if ! response=$(curl "${args[@]}" -K <(printf 'user = "%s:%s"\n' "$user" "$password") \
    "$management/api/$path" <<<"$data" 2>&1); then
    fail "cannot reach the RabbitMQ management API at $management: ${response%$'\n'*}"
  fi
  status=${response##*$'\n'}
  body=${response%$'\n'*}
}

queue_must_exist() {
  api GET "queues/$vhost_path/$(uri "$1")"
  case $status in
    200) ;;
    404) fail "queue '$1' does not exist in virtual host '$vhost'${2:+ ($2)}" ;;
    *) fail "could not read queue '$1' (HTTP $status): $body" ;;
  esac
}

# The exact number of messages in the error queue now: the management API's queue statistics lag by seconds, so
# look at the first message (put straight back, marked redelivered) and read how many follow it.
error_queue_length() {
  api POST "queues/$vhost_path/$(uri "$error_queue")/get" '{"count":1,"ackmode":"reject_requeue_true","encoding":"auto","truncate":1}'
  [[ $status == 200 ]] || fail "could not look into '$error_queue' (HTTP $status): $body"
  jq 'if length == 0 then 0 else .[0].message_count + 1 end' <<<"$body"
}

move_with_api() {
  local count=$1 moved=0 batch_size batch taken backup=""
  local -a messages
  while ((moved < count)); do
    batch_size=$((count - moved < 100 ? count - moved : 100))
    api POST "queues/$vhost_path/$(uri "$error_queue")/get" \
      "{\"count\":$batch_size,\"ackmode\":\"ack_requeue_false\",\"encoding\":\"auto\"}"
    [[ $status == 200 ]] || fail "could not take messages from '$error_queue' (HTTP $status): $body"
    batch=$body
    taken=$(jq length <<<"$batch")
    ((taken > 0)) || break # someone else emptied it meanwhile
    [[ -n $backup ]] || backup=$(mktemp "${TMPDIR:-/tmp}/requeue-errors-$queue.XXXXXX.json")
    printf '%s\n' "$batch" >"$backup"

    # Empty properties come back from the API as [], which the publish endpoint refuses. The producer goes back
    # into user_id, and out of the headers.
    mapfile -t messages < <(jq -c --arg q "$queue" --arg producer "$producer_header" '.[] | {
        properties: (.properties | if type == "array" then {} else . end
          | if .headers[$producer] then .user_id = .headers[$producer] | del(.headers[$producer]) else . end),
        routing_key: $q, payload, payload_encoding}' <<<"$batch")
    local index
    for index in "${!messages[@]}"; do
      api POST "exchanges/$vhost_path/amq.default/publish" "${messages[index]}"
      if [[ $status != 200 || $body != *'"routed":true'* ]]; then
        fail "re-publishing to '$queue' failed after $((moved + index)) of $(messages "$count") (HTTP $status: $body);" \
          "this batch is saved in $backup, and its messages from index $index on were not re-published"
      fi
    done
    moved=$((moved + taken))
  done
  [[ -z $backup ]] || rm -f "$backup"
  echo "$moved"
}

# The virtual hosts this user may use (reading one by name needs the administrator tag; listing does not).
api GET "vhosts?columns=name"
case $status in
  200) jq -e --arg v "$vhost" 'any(.[]; .name == $v)' <<<"$body" >/dev/null ||
    fail "virtual host '$vhost' does not exist at $management, or user '$user' has no access to it" ;;
  401) fail "the management API at $management refused user '$user': $body" ;;
  *) fail "could not list virtual hosts at $management (HTTP $status): $body" ;;
esac
queue_must_exist "$error_queue" "nothing ever failed there, or the queue name is wrong"
queue_must_exist "$queue"

count=$(error_queue_length)
if ((count == 0)); then
  echo "Moved $(messages 0): '$error_queue' in virtual host '$vhost' is empty."
  exit 0
fi

moved=$(move_with_api "$count")
echo "Moved $(messages "$moved") from '$error_queue' to '$queue' in virtual host '$vhost'."
