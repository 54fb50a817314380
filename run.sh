#!/usr/bin/env bash
# Runs the whole PolicyEngage system locally on the embedded default (SQLite files under ./.data):
#   RabbitMQ  - a private node under ./.data/rabbitmq, set up from deploy/rabbitmq/definitions.json (one user per
#               service); a broker already on 127.0.0.1:5672 is reused only when it is set up the same way
#   services  - Submissions :5101, Reviews :5102, RegulatorLiaison :5103, Audit :5104, gateway :8080
#   portal    - the web portal :5105, which people reach through the gateway: http://127.0.0.1:8080/
#   mail      - smtp4dev (a .NET tool pinned in .config/dotnet-tools.json): SMTP :2525 for the services' mail, and a
#               web page :5180 that shows every mail sent; nothing leaves the machine
#   dashboard - the standalone Aspire dashboard :18888 (traces, metrics and logs; every process exports to it over
#               OTLP on :18889); from its NuGet package, no Docker
# Every process it started is restarted with a back-off when it dies (like a compose restart policy);
# Ctrl-C or SIGTERM stops them all and exits 0. Logs: ./.data/logs/<name>.log
#   ./run.sh             build the solution, then run
#   ./run.sh --no-build  run what was built last
# The environment can move it beside another run (the supervision test does); unset, the defaults apply:
#   POLICYENGAGE_GATEWAY_PORT        8080
#   POLICYENGAGE_FIRST_SERVICE_PORT  5101   the four services take this port and the next three, in the order above
#   POLICYENGAGE_AMQP_PORT           5672   a private node also takes this +10000 (management) and +20000 (Erlang)
#   POLICYENGAGE_PORTAL_PORT         5105   the portal (behind the gateway; reach it at the gateway's address)
#   POLICYENGAGE_MAIL                1      0 leaves the mail server out (the services then keep their mail queued)
#   POLICYENGAGE_SMTP_PORT           2525   the mail server's SMTP port, where the services send
#   POLICYENGAGE_MAIL_PORT           5180   the mail server's web page
#   POLICYENGAGE_DASHBOARD           1      0 leaves the dashboard out (and the services export nowhere)
#   POLICYENGAGE_DASHBOARD_PORT      18888  the dashboard's page
#   POLICYENGAGE_DASHBOARD_OTLP_PORT 18889  where the processes export (OTLP/gRPC)
#   POLICYENGAGE_DATA_DIR            .data  logs, the private node's state, the SQLite files and keys/ (the token
#                                           key pair, made once; the private half goes to the gateway only) (relative: to here)
# Everything else in the environment reaches the services, e.g. RabbitMq__VirtualHost=<vhost>, or
# OTEL_EXPORTER_OTLP_ENDPOINT=<your collector> in place of the dashboard's.
set -euo pipefail
cd "$(dirname "$0")"
start_ns=$(date +%s%N)

build=1
for arg in "$@"; do
  case $arg in
    --no-build) build="" ;;
    *) echo "usage: $0 [--no-build]" >&2; exit 2 ;;
  esac
done

# shellcheck source=deploy/local/rabbitmq.sh
source deploy/local/rabbitmq.sh
# shellcheck source=deploy/local/dev-keys.sh
source deploy/local/dev-keys.sh
# shellcheck source=deploy/local/dashboard.sh
source deploy/local/dashboard.sh
# shellcheck source=deploy/local/mail.sh
source deploy/local/mail.sh

apps=(submissions reviews regulatorliaison audit portal gateway)
declare -A project_dir=(
  [submissions]=services/Submissions
  [reviews]=services/Reviews
  [regulatorliaison]=services/RegulatorLiaison
  [audit]=services/Audit
  [portal]=portal/PolicyEngage.Portal
  [gateway]=gateway/PolicyEngage.Gateway
)
declare -A assembly=(
  [submissions]=PolicyEngage.Submissions
  [reviews]=PolicyEngage.Reviews
  [regulatorliaison]=PolicyEngage.RegulatorLiaison
  [audit]=PolicyEngage.Audit
  [portal]=PolicyEngage.Portal
  [gateway]=PolicyEngage.Gateway
)
gateway_port=${POLICYENGAGE_GATEWAY_PORT:-8080}
first_service_port=${POLICYENGAGE_FIRST_SERVICE_PORT:-5101}
amqp_port=${POLICYENGAGE_AMQP_PORT:-5672}
data_dir=${POLICYENGAGE_DATA_DIR:-.data}
portal_port=${POLICYENGAGE_PORTAL_PORT:-5105}
mail=${POLICYENGAGE_MAIL:-1}
smtp_port=${POLICYENGAGE_SMTP_PORT:-2525}
mail_port=${POLICYENGAGE_MAIL_PORT:-5180}
dashboard=${POLICYENGAGE_DASHBOARD:-1}
dashboard_port=${POLICYENGAGE_DASHBOARD_PORT:-18888}
dashboard_otlp_port=${POLICYENGAGE_DASHBOARD_OTLP_PORT:-18889}
[[ $dashboard == [01] ]] || { echo "$0: POLICYENGAGE_DASHBOARD is 1 or 0, not '$dashboard'" >&2; exit 2; }
[[ $mail == [01] ]] || { echo "$0: POLICYENGAGE_MAIL is 1 or 0, not '$mail'" >&2; exit 2; }
for number in "$gateway_port" "$first_service_port" "$amqp_port" "$dashboard_port" "$dashboard_otlp_port" \
  "$portal_port" "$smtp_port" "$mail_port"; do
  [[ $number =~ ^[0-9]+$ ]] || { echo "$0: '$number' is not a port number" >&2; exit 2; }
done
declare -A port=(
  [submissions]=$first_service_port
  [reviews]=$((first_service_port + 1))
  [regulatorliaison]=$((first_service_port + 2))
  [audit]=$((first_service_port + 3))
  [portal]=$portal_port
  [gateway]=$gateway_port
  [dashboard]=$dashboard_port
  [mail]=$mail_port
)
# Before the services, so that their first mail and their first spans have somewhere to go.
if [[ $mail == 1 ]]; then apps=(mail "${apps[@]}"); fi
if [[ $dashboard == 1 ]]; then apps=(dashboard "${apps[@]}"); fi
otlp_endpoint=${OTEL_EXPORTER_OTLP_ENDPOINT:-}
if [[ $dashboard == 1 && -z $otlp_endpoint ]]; then otlp_endpoint=http://127.0.0.1:$dashboard_otlp_port; fi
management_port=$((amqp_port + 10000))
dist_port=$((amqp_port + 20000))
# Erlang node names are unique per host: a private node beside the default one needs a name of its own.
broker_node=policyengage@localhost
(( amqp_port == 5672 )) || broker_node=policyengage-$amqp_port@localhost
log_dir=$data_dir/logs
gateway_url=http://127.0.0.1:${port[gateway]}

declare -A pid=() started_at=() restart_at=() backoff=()
exit_code=0
broker_started=""
stopping=""

log_of() { if [[ $1 == rabbitmq ]]; then echo "$data_dir/rabbitmq/log/"; else echo "$log_dir/$1.log"; fi; }

# The dashboard and the mail server have no readiness probe of ours; their pages answering is enough.
ready_path() { if [[ $1 == dashboard || $1 == mail ]]; then echo /; else echo /health/ready; fi; }

say() { printf '[run %s] %s\n' "$(date +%T)" "$*"; }

elapsed() {
  local ms=$((($(date +%s%N) - start_ns) / 1000000))
  printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100))
}

app_alive() {
  if [[ $1 == rabbitmq ]]; then rabbitmq_alive; else [[ -n ${pid[$1]:-} ]] && kill -0 "${pid[$1]}" 2>/dev/null; fi
}

start_app() {
  local app=$1
  if [[ $app == rabbitmq ]]; then
    rabbitmq_start "$broker_node" "$amqp_port" "$management_port" "$dist_port" "$data_dir/rabbitmq"
    started_at[$app]=$SECONDS
    return
  fi
  local log=$log_dir/$app.log
  echo "===== $(date -u +%FT%TZ) run.sh starts $app =====" >>"$log"
  if [[ $app == dashboard ]]; then
    # Anonymous: it listens on loopback only, for whoever runs run.sh.
    env ASPNETCORE_URLS="http://127.0.0.1:$dashboard_port" \
      ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$dashboard_otlp_port" \
      ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true \
      setsid "$dashboard_executable" </dev/null >>"$log" 2>&1 &
    pid[$app]=$!
    started_at[$app]=$SECONDS
    return
  fi
  if [[ $app == mail ]]; then
    # Its messages in its own database under the data folder; SMTP on loopback only; no IMAP or POP3.
    env XDG_CONFIG_HOME="$(realpath -m "$data_dir/mail")" setsid "$mail_executable" --nousersettings --urls="http://127.0.0.1:$mail_port" \
      --smtpport="$smtp_port" --hostname=localhost --allowremoteconnections- --disableipv6 --imapport= --pop3port= \
      --db="$(realpath -m "$data_dir/mail/smtp4dev.db")" </dev/null >>"$log" 2>&1 &
    pid[$app]=$!
    started_at[$app]=$SECONDS
    return
  fi
  local -a app_env=(
    ASPNETCORE_ENVIRONMENT=Development
    "Urls=http://127.0.0.1:${port[$app]}"
    RabbitMq__Host=127.0.0.1
    "RabbitMq__Port=$amqp_port"
    "Database__DataDirectory=$data_dir"
    "Auth__PublicKeyPath=$DEV_PUBLIC_KEY"
  )
  if [[ -n $otlp_endpoint ]]; then
    # Spans within a second and metrics every five, rather than the exporters' 5 s and 60 s: someone is watching.
    app_env+=("OTEL_EXPORTER_OTLP_ENDPOINT=$otlp_endpoint" OTEL_BSP_SCHEDULE_DELAY=1000 OTEL_METRIC_EXPORT_INTERVAL=5000)
  fi
  if [[ $app == audit ]]; then app_env+=("Ledger__SigningKey=$DEV_LEDGER_KEY"); fi # Audit's alone: it signs checkpoints
  # The services' mail goes to the local mail server; its links lead to the portal, through the gateway.
  app_env+=("Portal__PublicUrl=$gateway_url")
  if [[ $mail == 1 ]]; then
    app_env+=(Smtp__Host=127.0.0.1 "Smtp__Port=$smtp_port" "Smtp__From=PolicyEngage <noreply@policyengage.local>")
  fi
  if [[ $app == portal ]]; then
    # The API through the gateway, like any client; the cookie keys kept, so that a restart signs no one out.
    app_env+=("Portal__GatewayUrl=$gateway_url" "Portal__KeysDirectory=$data_dir/keys/portal")
  fi
  if [[ $app == gateway ]]; then
    app_env+=("Auth__SigningKeyPath=$DEV_SIGNING_KEY") # the private half: the gateway's alone, for /dev/token
    local service
    for service in submissions reviews regulatorliaison audit portal; do
      app_env+=("ReverseProxy__Clusters__${service}__Destinations__primary__Address=http://127.0.0.1:${port[$service]}")
    done
  fi
  # setsid: Ctrl-C in the terminal reaches only this script, which then stops everything in order.
  env "${app_env[@]}" setsid dotnet "${project_dir[$app]}/bin/Debug/net10.0/${assembly[$app]}.dll" \
    </dev/null >>"$log" 2>&1 &
  pid[$app]=$!
  started_at[$app]=$SECONDS
}

# Reaps an app that ended and sets exit_code (not in a $(...) subshell: only this shell can wait for its children).
reap() {
  exit_code=0
  if [[ $1 == rabbitmq ]]; then wait "$RMQ_PID" 2>/dev/null || exit_code=$?; RMQ_PID=""
  else wait "${pid[$1]}" 2>/dev/null || exit_code=$?; pid[$1]=""; fi
}

stop_apps() {
  local -a group=("$@") alive=()
  local app waited
  for app in "${group[@]}"; do
    if app_alive "$app"; then kill -TERM "${pid[$app]}" 2>/dev/null || true; alive+=("$app"); fi
  done
  for ((waited = 0; waited < 60 && ${#alive[@]} > 0; waited++)); do
    sleep 0.5
    local -a still=()
    for app in "${alive[@]}"; do app_alive "$app" && still+=("$app"); done
    alive=("${still[@]}")
  done
  for app in "${alive[@]}"; do
    say "$app did not stop within 30 s; killing it"
    kill -KILL "${pid[$app]}" 2>/dev/null || true
  done
  for app in "${group[@]}"; do
    if [[ -n ${pid[$app]:-} ]]; then reap "$app"; fi
  done
}

shutdown() {
  [[ -n $stopping ]] && return 0
  stopping=1
  trap '' INT TERM HUP
  say "stopping"
  stop_apps gateway # first, so that no new request reaches a stopping service
  stop_apps submissions reviews regulatorliaison audit portal
  stop_apps mail # after the services: a relay may be sending as they stop
  stop_apps dashboard # last: it shows the others' final spans and logs to the end
  if [[ -n $broker_started ]]; then rabbitmq_stop; fi
  say "stopped"
}
trap 'shutdown; exit 0' INT TERM HUP
trap 'status=$?; shutdown; exit $status' EXIT

fail_with_logs() {
  say "ERROR: $1"
  local app
  for app in "${@:2}"; do
    echo "----- last lines of $log_dir/$app.log -----" >&2
    tail -n 30 "$log_dir/$app.log" >&2 || true
  done
  exit 1
}

mkdir -p "$log_dir"
for app in "${apps[@]}"; do
  if rabbitmq_port_open "${port[$app]}"; then
    say "ERROR: port ${port[$app]} ($app) is already in use; is run.sh already running?"
    exit 1
  fi
done
if [[ $dashboard == 1 ]]; then
  if rabbitmq_port_open "$dashboard_otlp_port"; then
    say "ERROR: port $dashboard_otlp_port (the dashboard's OTLP) is already in use; is run.sh already running?"
    exit 1
  fi
  dashboard_executable=$(dashboard_executable)
fi
if [[ $mail == 1 ]]; then
  if rabbitmq_port_open "$smtp_port"; then
    say "ERROR: port $smtp_port (the mail server's SMTP) is already in use; is run.sh already running?"
    exit 1
  fi
  mail_executable=$(mail_server_executable)
  mkdir -p "$data_dir/mail"
fi

# Token keys and the ledger's checkpoint key: before any service starts (deploy/local/dev-keys.sh).
dev_keys_ensure "$data_dir/keys"
dev_ledger_key_ensure "$data_dir/keys" "${Ledger__Origin:-policyengage.local/ledger}"

rabbitmq_ensure_installed
if rabbitmq_port_open "$amqp_port"; then
  # Reused only when it is set up as ours: each service logs in as its own user (deploy/rabbitmq/definitions.json).
  if ! rabbitmq_set_up_as_ours "$management_port"; then
    say "ERROR: a broker already listens on 127.0.0.1:$amqp_port, but its management API on port $management_port does not" \
      "let the operator see the service users that deploy/rabbitmq/definitions.json declares; stop it, or set" \
      "POLICYENGAGE_AMQP_PORT to a free port so that run.sh starts a private node there"
    exit 1
  fi
  say "RabbitMQ: reusing the broker that already listens on 127.0.0.1:$amqp_port (set up as ours; not supervised, not stopped)"
else
  start_app rabbitmq # boots while the solution builds
  broker_started=1
fi

if [[ -n $build ]]; then
  say "building PolicyEngage.sln"
  dotnet build PolicyEngage.sln -nologo </dev/null
fi

if [[ -n $broker_started ]]; then rabbitmq_await 90 && rabbitmq_define; fi

for app in "${apps[@]}"; do
  : >"$log_dir/$app.log"
  start_app "$app"
done

# Bounded wait for every /health/ready (database migrated, RabbitMQ reachable).
declare -A ready=() ready_after=()
ready_deadline=$((SECONDS + 120))
while (( ${#ready[@]} < ${#apps[@]} )); do
  for app in "${apps[@]}"; do
    [[ -n ${ready[$app]:-} ]] && continue
    if ! app_alive "$app"; then
      reap "$app"
      fail_with_logs "$app exited during start-up (exit code $exit_code)" "$app"
    fi
    if curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:${port[$app]}$(ready_path "$app")"; then
      ready[$app]=1
      ready_after[$app]=$(elapsed)
      say "$app ready on http://127.0.0.1:${port[$app]} (${ready_after[$app]} s after start)"
    fi
  done
  if (( ${#ready[@]} < ${#apps[@]} && SECONDS >= ready_deadline )); then
    not_ready=()
    for app in "${apps[@]}"; do [[ -n ${ready[$app]:-} ]] || not_ready+=("$app"); done
    fail_with_logs "not ready within 120 s: ${not_ready[*]}" "${not_ready[@]}"
  fi
  (( ${#ready[@]} == ${#apps[@]} )) || sleep 0.5
done

log_names="submissions|reviews|regulatorliaison|audit|portal|gateway"
dashboard_line="off (POLICYENGAGE_DASHBOARD=0)"
if [[ $dashboard == 1 ]]; then
  log_names+="|dashboard"
  dashboard_line="http://127.0.0.1:$dashboard_port  (every process's traces, metrics and logs; README: Watching it run)"
fi
mail_line="off (POLICYENGAGE_MAIL=0; the services keep their mail queued)"
if [[ $mail == 1 ]]; then
  log_names+="|mail"
  mail_line="http://127.0.0.1:$mail_port  (every mail the services sent; SMTP on 127.0.0.1:$smtp_port)"
fi
logs="$log_dir/<$log_names>.log"
management="http://127.0.0.1:$management_port  ($RABBITMQ_OPERATOR / $RABBITMQ_OPERATOR_PASSWORD)"
if [[ -n $broker_started ]]; then logs+=", broker: $(log_of rabbitmq)"
else management+=" if the reused broker has the management plugin"; fi
cat <<EOF

PolicyEngage is running: gateway ready ${ready_after[gateway]} s after start, everything ready after $(elapsed) s.
  Portal:         $gateway_url/  (sign in at $gateway_url/signin as anyone, in any role: development only)
  Gateway:        $gateway_url  (OpenAPI at $gateway_url/docs, and /api/... behind it)
  Mail:           $mail_line
  Dashboard:      $dashboard_line
  RabbitMQ UI:    $management
  Logs:           $logs
  Data (SQLite):  $data_dir/*.db
  A token (development only, valid one hour):
    TOKEN=\$(curl -s -X POST $gateway_url/dev/token -H 'Content-Type: application/json' \\
      -d '{"subject":"alice","role":"LiaisonOfficer"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
    curl -s $gateway_url/api/consultations -H "Authorization: Bearer \$TOKEN"
Press Ctrl-C to stop everything run.sh started.

EOF

# Supervision: a process that dies is restarted after a back-off of 1 s, doubling up to 30 s while it keeps
# dying within a minute of its start.
supervised=("${apps[@]}")
if [[ -n $broker_started ]]; then supervised=(rabbitmq "${apps[@]}"); fi
while true; do
  for app in "${supervised[@]}"; do
    if [[ -n ${restart_at[$app]:-} ]]; then
      if (( SECONDS >= restart_at[$app] )); then
        unset "restart_at[$app]"
        say "restarting $app"
        start_app "$app" || restart_at[$app]=$((SECONDS + backoff[$app]))
      fi
    elif ! app_alive "$app"; then
      reap "$app"
      delay=1
      if (( SECONDS - started_at[$app] < 60 )); then
        delay=$(( ${backoff[$app]:-0} * 2 ))
        (( delay >= 1 )) || delay=1
        (( delay <= 30 )) || delay=30
      fi
      backoff[$app]=$delay
      restart_at[$app]=$((SECONDS + delay))
      say "$app exited with code $exit_code; restarting in $delay s (log: $(log_of "$app"))"
    fi
  done
  sleep 1 &
  wait $! 2>/dev/null || true # 2>/dev/null: bash's own "Killed ..." job notices; we report exits ourselves
done
