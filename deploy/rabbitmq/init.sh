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
put_json PUT users/operator "{\"password\":\"$RABBITMQ_OPERATOR_PASSWORD\",\"tags\":\"administrator,impersonator\"}"
put_json PUT users/Submissions "{\"password\":\"${RABBITMQ_SUBMISSIONS_PASSWORD:?}\",\"tags\":\"\"}"
put_json PUT users/Reviews "{\"password\":\"${RABBITMQ_REVIEWS_PASSWORD:?}\",\"tags\":\"\"}"
put_json PUT users/RegulatorLiaison "{\"password\":\"${RABBITMQ_REGULATORLIAISON_PASSWORD:?}\",\"tags\":\"\"}"
put_json PUT users/Audit "{\"password\":\"${RABBITMQ_AUDIT_PASSWORD:?}\",\"tags\":\"\"}"
echo "rabbitmq-init: definitions imported, service users' passwords set"
