#!/usr/bin/env bash
# Builds Release and runs the benchmark driver (benchmarks/PolicyEngage.Bench) on a private, throw-away RabbitMQ node it
# starts and stops itself: the figures P1-P6 (issue 14), each against its baseline on this machine, and the ledger,
# grouping and lists benchmarks' tables, in one run. Prints one Markdown table of figures and ratios; a complete run
# writes it, with the machine it ran on, into docs/performance.md (which says how each figure is measured).
#   ./bench.sh              every figure (about 15 minutes on 2 cores)
#   ./bench.sh --full       the same, the lists benchmark at its own 100k papers (an 8 GB file, minutes more)
#   ./bench.sh --quick      smaller sizes, shorter runs: a smoke run, written to .data/bench/performance.md
#   ./bench.sh P1 P3        some figures only (P1 ... P6, ledger, digests, lists), written to .data/bench/performance.md
# The broker's ports can be moved with POLICYENGAGE_BENCH_AMQP_PORT (5674), POLICYENGAGE_BENCH_MANAGEMENT_PORT (15674)
# and POLICYENGAGE_BENCH_DIST_PORT (25674); the defaults sit beside run.sh's 5672 and test.sh's 5673.
set -euo pipefail
cd "$(dirname "$0")"
exec </dev/null

for arg in "$@"; do
  case $arg in
    --quick | --full | [Pp][1-6] | ledger | digests | lists) ;;
    *) echo "usage: $0 [--quick|--full] [P1 P2 P3 P4 P5 P6 ledger digests lists]" >&2; exit 2 ;;
  esac
done

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# The driver reports the whole run's wall time, this build included.
POLICYENGAGE_BENCH_STARTED=$(date +%s)
export POLICYENGAGE_BENCH_STARTED
amqp_port=${POLICYENGAGE_BENCH_AMQP_PORT:-5674}
management_port=${POLICYENGAGE_BENCH_MANAGEMENT_PORT:-15674}
dist_port=${POLICYENGAGE_BENCH_DIST_PORT:-25674}
# The driver finds the broker as the test kit does (TestBroker), and gives each figure a virtual host of its own there.
export POLICYENGAGE_TEST_AMQP_PORT=$amqp_port POLICYENGAGE_TEST_MANAGEMENT_PORT=$management_port
# Named by its port, so that two runs on different ports never meet as one Erlang node name.
broker_node=policyengage-bench-$amqp_port@localhost

# shellcheck source=deploy/local/rabbitmq.sh
source deploy/local/rabbitmq.sh

log_dir=.data/logs
mkdir -p "$log_dir"
build_log=$log_dir/bench-build.log
broker_dir=$(mktemp -d "${TMPDIR:-/tmp}/policyengage-bench-rabbitmq.XXXXXX")

stop_broker() {
  rabbitmq_stop
  # Keep the node's log for a failure investigation; its state goes with the temp dir.
  [[ -f $broker_dir/log/$broker_node.log ]] && cp "$broker_dir/log/$broker_node.log" "$log_dir/bench-rabbitmq.log"
  rm -rf "$broker_dir"
}
trap stop_broker EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rabbitmq_ensure_installed
# The broker boots while the driver and everything it runs build.
rabbitmq_start "$broker_node" "$amqp_port" "$management_port" "$dist_port" "$broker_dir"
echo "[bench] building benchmarks/PolicyEngage.Bench and what it runs (Release); output in $build_log"
if ! dotnet build benchmarks/PolicyEngage.Bench -c Release >"$build_log" 2>&1; then
  tail -n 40 "$build_log" >&2
  echo "BUILD FAILED; the full output is in $build_log" >&2
  exit 1
fi
rabbitmq_await 90
rabbitmq_define

status=0
dotnet run -c Release --no-build --project benchmarks/PolicyEngage.Bench -- "$@" || status=$?
echo "[bench] ./bench.sh took $(($(date +%s) - POLICYENGAGE_BENCH_STARTED)) s, exit code $status"
exit "$status"
