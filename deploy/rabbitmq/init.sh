#!/bin/sh
# Run by the rabbitmq-init container (docker-compose.yml) once RabbitMQ is healthy and before any service starts;
# idempotent. Imports deploy/rabbitmq/definitions.json (the file the local run imports too: users, permissions,
# exchanges, queues, bindings), then gives each service user the password from the environment, and the operator the
# `impersonator` tag that deploy/local/requeue-errors.sh needs to return parked messages under their producers.
set -eu
api=http://rabbitmq:15672/api
auth="operator:${RABBITMQ_OPERATOR_PASSWORD:?}"

put_json() { # METHOD PATH JSON
  curl -fsS -o /dev/null -u "$auth" -X "$1" -H 'content-type: application/json' --data-binary "$3" "$api/$2"
}

put_json POST definitions "@/init/definitions.json"

# audit-ledger became audit-ledger-sequencer (a single active consumer, a flag a queue cannot gain): the old queue
# goes once empty, with its exchange; while it holds messages it stays, and this says so.
if curl -fsS -o /tmp/retired.json -u "$auth" "$api/queues/%2F/audit-ledger" 2>/dev/null; then
  if grep -q '"messages":0[,}]' /tmp/retired.json; then
    curl -fsS -o /dev/null -u "$auth" -X DELETE "$api/queues/%2F/audit-ledger"
    curl -fsS -o /dev/null -u "$auth" -X DELETE "$api/exchanges/%2F/audit-ledger" || true
    echo "rabbitmq-init: retired the empty queue audit-ledger"
  else
    echo "rabbitmq-init: the retired queue audit-ledger still holds messages; move them to audit-ledger-sequencer (management UI, Move messages), then run again" >&2
    exit 1
  fi
fi
put_json PUT users/operator "{\"password\":\"$RABBITMQ_OPERATOR_PASSWORD\",\"tags\":\"administrator,impersonator\"}"
put_json PUT users/Submissions "{\"password\":\"${RABBITMQ_SUBMISSIONS_PASSWORD:?}\",\"tags\":\"\"}"
put_json PUT users/Reviews "{\"password\":\"${RABBITMQ_REVIEWS_PASSWORD:?}\",\"tags\":\"\"}"
put_json PUT users/RegulatorLiaison "{\"password\":\"${RABBITMQ_REGULATORLIAISON_PASSWORD:?}\",\"tags\":\"\"}"
put_json PUT users/Audit "{\"password\":\"${RABBITMQ_AUDIT_PASSWORD:?}\",\"tags\":\"\"}"
echo "rabbitmq-init: definitions imported, service users' passwords set"
