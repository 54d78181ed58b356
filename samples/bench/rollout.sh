#!/usr/bin/env bash
# The rollout experiment, one command, from anywhere:
#
#   bash samples/bench/rollout.sh [--quick | --publish] [options]   e.g. --scenarios join,fleet-restart --repeat 5
#
# Installs HAProxy if it is missing (apt-get, Debian/Ubuntu), builds the agent, the Tomcat sample and the bench
# jar, then runs every scenario behind real HAProxy (10 load-balancer nodes on 127.0.0.2-11) three times,
# interleaved: a cold instance joins (no agent, HAProxy slowstart, agent ramp, agent + warm-up), the whole fleet
# restarts, the same behind a fail-open load balancer, one instance is stopped. All traffic stays on 127.0.0.0/8.
#
#   (no flag)   the full experiment (about 70 min); results in samples/bench/target/rollout/
#   --quick     every scenario once with short windows and 100 items (about 5 min), results in
#               samples/bench/target/rollout-quick/. CI runs this: it fails when the setup is broken, and never
#               judges the figures
#   --publish   the full experiment, results in src/docs/bench/ and the README's tables refreshed
#
# Further options go to the bench command: java -jar samples/bench/target/warmgate-bench.jar rollout --help
set -euo pipefail
cd "$(dirname "$0")/../.."

mode=full
if [ "${1:-}" = "--quick" ] || [ "${1:-}" = "--publish" ]; then
  mode="${1#--}"
  shift
fi

if ! command -v haproxy >/dev/null 2>&1; then
  echo "HAProxy is not installed; installing it with apt-get ..."
  sudo_if_needed=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_if_needed="sudo"
  fi
  $sudo_if_needed apt-get update
  $sudo_if_needed apt-get install -y haproxy
fi
# Captured whole, then cut: piping `haproxy -v` into `head` would let head exit first and kill HAProxy with
# SIGPIPE, which pipefail turns into a failure of the whole script.
haproxy_version="$(haproxy -v 2>&1)"
echo "${haproxy_version%%$'\n'*}"

# shellcheck source=build-bench.sh
source samples/bench/build-bench.sh
echo "Building the agent, the Tomcat sample and the bench jar ..."
build_bench samples/servlet-tomcat

read -r load1 load5 load15 _ </proc/loadavg
echo "Load average now: $load1 $load5 $load15 (on a busy machine the figures mean little)"

bench=(java -jar samples/bench/target/warmgate-bench.jar rollout)
case "$mode" in
  quick)
    # One run each, short windows, 100 items and the sample's own (low) cold cost, so it is cheap on a shared
    # machine: it proves every scenario still runs end to end; its figures mean nothing.
    exec "${bench[@]}" --repeat 1 --ids 100 --sample-properties sample.catalog.cost-factor=1 \
      --settle 1s --steady 2s --window 3s --tail 1s --ramp 3s --check-interval 500ms \
      --join-timeout 20s --burn-in 2s --warmup-rounds 1 --pause 0s \
      --out samples/bench/target/rollout-quick --work samples/bench/target/rollout-quick/work "$@"
    ;;
  publish)
    exec "${bench[@]}" --out src/docs/bench --readme README.md "$@"
    ;;
  *)
    exec "${bench[@]}" "$@"
    ;;
esac
