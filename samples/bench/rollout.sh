#!/usr/bin/env bash
# The rollout experiment, one command, from anywhere:
#
#   bash samples/bench/rollout.sh [options]      e.g. --scenarios no-agent,agent-ramp --rate 200
#
# Installs HAProxy if it is missing (apt-get, Debian/Ubuntu), builds the agent, the Tomcat sample and the bench
# jar, then runs the four scenarios behind real HAProxy (10 load-balancer nodes on 127.0.0.2-11): no agent,
# HAProxy slowstart, agent ramp only, agent + synthetic warm-up. About 9 minutes. Writes
# src/docs/bench/rollout-seconds.csv, rollout-summary.csv, rollout-summary.md and rollout.svg; logs and the
# generated HAProxy configurations go to samples/bench/target/rollout/. All traffic stays on 127.0.0.0/8.
# Options: java -jar samples/bench/target/warmgate-bench.jar rollout --help
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v haproxy >/dev/null 2>&1; then
  echo "HAProxy is not installed; installing it with apt-get ..."
  sudo_if_needed=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_if_needed="sudo"
  fi
  $sudo_if_needed apt-get update
  $sudo_if_needed apt-get install -y haproxy
fi
haproxy -v | head -1

# shellcheck source=samples/bench/build-bench.sh
source samples/bench/build-bench.sh
echo "Building the agent, the Tomcat sample and the bench jar ..."
build_bench samples/servlet-tomcat

echo "Load average now: $(cut -d' ' -f1-3 /proc/loadavg) (on a busy machine the figures mean little)"
exec java -jar samples/bench/target/warmgate-bench.jar rollout "$@"
