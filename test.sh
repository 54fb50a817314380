#!/usr/bin/env bash
# Builds the solution and runs every test project against a private, throw-away RabbitMQ node; the npm tools the
# OpenAPI document checks use (tests/openapi/tools.sh) are installed while it builds, and Debian's Chromium for the
# portal's browser tests before (deploy/local/browser.sh). The browser tests' screenshots and accessibility report
# are kept in .data/test-artefacts/portal.
#   ./test.sh                                   all tests
#   ./test.sh --filter FullyQualifiedName~Papers extra arguments go to `dotnet test`
# The last line is always `tests: N passed, N failed`; the exit code is dotnet test's, and non-zero when a
# test failed or none ran. Ports can be moved (e.g. for two runs at once) with POLICYENGAGE_TEST_AMQP_PORT,
# POLICYENGAGE_TEST_MANAGEMENT_PORT and POLICYENGAGE_TEST_DIST_PORT.
set -euo pipefail
cd "$(dirname "$0")"
exec </dev/null

export CI=true DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# The classic console logger prints the per-assembly "Passed!/Failed!" lines that the summary adds up.
export MSBUILDTERMINALLOGGER=off
export POLICYENGAGE_TEST_AMQP_PORT=${POLICYENGAGE_TEST_AMQP_PORT:-5673}
export POLICYENGAGE_TEST_MANAGEMENT_PORT=${POLICYENGAGE_TEST_MANAGEMENT_PORT:-15673}
dist_port=${POLICYENGAGE_TEST_DIST_PORT:-25673}
# Named by its port, so that two runs on different ports never meet as one Erlang node name.
broker_node=policyengage-test-$POLICYENGAGE_TEST_AMQP_PORT@localhost

# shellcheck source=deploy/local/rabbitmq.sh
source deploy/local/rabbitmq.sh
# shellcheck source=tests/openapi/tools.sh
source tests/openapi/tools.sh
# shellcheck source=deploy/local/browser.sh
source deploy/local/browser.sh

log_dir=.data/logs
mkdir -p "$log_dir"
build_log=$log_dir/test-build.log
tools_log=$log_dir/test-openapi-tools.log
test_log=$log_dir/test.log
broker_dir=$(mktemp -d "${TMPDIR:-/tmp}/policyengage-test-rabbitmq.XXXXXX")

stop_broker() {
  rabbitmq_stop
  # Keep the node's log for a failure investigation; its state goes with the temp dir.
  [[ -f $broker_dir/log/$broker_node.log ]] &&
    cp "$broker_dir/log/$broker_node.log" "$log_dir/test-rabbitmq.log"
  rm -rf "$broker_dir"
}
trap stop_broker EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

finish() {
  local status=$1 passed=${2:-0} failed=${3:-0}
  # No npm outlives the run.
  if [[ -n ${tools_pid:-} ]]; then wait "$tools_pid" || true; fi
  stop_broker
  echo "tests: $passed passed, $failed failed"
  exit "$status"
}

started=$SECONDS
rabbitmq_ensure_installed
browser_ensure_installed
openapi_tools_ensure_node
rabbitmq_start "$broker_node" "$POLICYENGAGE_TEST_AMQP_PORT" "$POLICYENGAGE_TEST_MANAGEMENT_PORT" \
  "$dist_port" "$broker_dir" || finish 1

# The broker boots and the OpenAPI checks' npm tools install while the solution builds.
openapi_tools_install >"$tools_log" 2>&1 &
tools_pid=$!
build_status=0
dotnet build PolicyEngage.sln 2>&1 | tee "$build_log" || build_status=$?
if (( build_status != 0 )); then
  echo "BUILD FAILED (exit code $build_status); the full output is in $build_log" >&2
  finish "$build_status"
fi

tools_status=0
wait "$tools_pid" || tools_status=$?
tools_pid=""
if (( tools_status != 0 )); then
  cat "$tools_log" >&2
  echo "OPENAPI TOOLS NOT INSTALLED (exit code $tools_status); the output is in $tools_log" >&2
  finish "$tools_status"
fi
rabbitmq_await 90 || finish 1
rabbitmq_define || finish 1

test_status=0
# Every process the tests start lives for seconds or minutes, and there are hundreds: the JIT's profile-guided tier,
# its re-JIT of every method called 30 times, and a server GC per process would only spend the 2 cores the tests share.
# Measured: a whole system spends a third less CPU in its first minute and a half without PGO, and Reviews' tests
# 38% less CPU with the re-JIT left to methods called a thousand times.
export DOTNET_TieredPGO=0 DOTNET_TC_CallCountThreshold=1000 DOTNET_gcServer=0
# A test stuck past the bound is dumped and stopped, so that a hang fails with its stacks instead of stalling CI.
if (( $# == 0 )); then
  # The browser tests run a whole system and Chromium of their own: after the rest, not beside the fault suite's
  # systems, which on 2 cores they would starve into timeouts (as would the fault suite started beside the other
  # assemblies: tried, and unit tests' process starts timed out).
  dotnet test PolicyEngage.sln --no-build --blame-hang-timeout 8m --filter "FullyQualifiedName!~PolicyEngage.Portal.Tests" 2>&1 |
    tee "$test_log" || test_status=$?
  dotnet test tests/PolicyEngage.Portal.Tests --no-build --blame-hang-timeout 8m 2>&1 | tee -a "$test_log" || test_status=$?
else
  dotnet test PolicyEngage.sln --no-build --blame-hang-timeout 8m "$@" 2>&1 | tee "$test_log" || test_status=$?
fi

# One line per test assembly: "Passed!  - Failed:     0, Passed:    21, Skipped:     0, Total:    21, ...";
# with a detailed console logger (--logger "console;verbosity=detailed") a block instead: "Total tests: 21",
# "     Passed: 21", "     Failed: 0".
count_tests() {
  local summaries
  summaries=$(sed -nE 's/.*(Passed|Failed)! +- +Failed: *([0-9]+), +Passed: *([0-9]+),.*/\3 \2/p' "$test_log")
  if [[ -z $summaries ]]; then
    summaries=$(awk '/^Total tests:/ { block = 1; next }
      block && /^ +Passed: +[0-9]+$/ { print $2, 0 }
      block && /^ +Failed: +[0-9]+$/ { print 0, $2 }
      /^ +Total time:/ { block = 0 }' "$test_log")
  fi
  awk '{ passed += $1; failed += $2 } END { print passed + 0, failed + 0 }' <<<"$summaries"
}
read -r passed failed < <(count_tests)
if (( test_status == 0 && failed > 0 )); then test_status=1; fi
if (( test_status == 0 && passed == 0 )); then
  echo "NO TESTS RAN: dotnet test found no test to run (check the filter or the test projects)" >&2
  test_status=1
fi
echo "dotnet test exit code $test_status after $((SECONDS - started)) s; output in $test_log" >&2
finish "$test_status" "$passed" "$failed"
