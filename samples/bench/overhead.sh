#!/usr/bin/env bash
# The agent's own overhead, one command, from anywhere:
#
#   bash samples/bench/overhead.sh [--quick | --publish]
#
# Builds the agent, every sample and the bench jar, then measures:
#   1. the agent jar's size;
#   2. JMH: the gate decision for one health check, and the path check every other request pays;
#   3. a business-endpoint load run with and without the agent (throughput and p99 ratios);
#   4. start-up: time to the first successful request, CPU time and the agent's classes before main, in four
#      arms (no agent, an empty premain, a null transformer, warmgate) on Tomcat, Jetty, Jersey 3, Spring Boot 3.
#
#   (no flag)   about 25 minutes; results in samples/bench/target/overhead/
#   --quick     every step once, as short as it goes (about 2 minutes, Tomcat only for steps 3 and 4), results
#               in samples/bench/target/overhead-quick/. CI runs this to prove the steps still work; it never
#               judges the figures
#   --publish   the full run, results in src/docs/bench/ (jar-size.txt, jmh.txt, jmh.json, business-load.md,
#               startup.md, startup.csv)
#
# Each step can be run alone: java -jar samples/bench/target/warmgate-bench.jar <jar-size|jmh|business-load|startup>
set -euo pipefail
cd "$(dirname "$0")/../.."

mode=full
if [ "${1:-}" = "--quick" ] || [ "${1:-}" = "--publish" ]; then
  mode="${1#--}"
  shift
fi
case "$mode" in
  quick) out=samples/bench/target/overhead-quick ;;
  publish) out=src/docs/bench ;;
  *) out=samples/bench/target/overhead ;;
esac

# shellcheck source=build-bench.sh
source samples/bench/build-bench.sh
if [ "$mode" = quick ]; then
  echo "Building the agent, the Tomcat sample and the bench jar ..."
  build_bench samples/servlet-tomcat
else
  echo "Building the agent, the samples and the bench jar ..."
  build_bench samples/servlet-tomcat,samples/servlet-jetty,samples/jaxrs-jersey3,samples/jaxrs-jersey2-servlet,samples/spring-boot2,samples/spring-boot3
fi

bench=(java -jar samples/bench/target/warmgate-bench.jar)
mkdir -p "$out"
read -r load1 load5 load15 _ </proc/loadavg
echo "Load average now: $load1 $load5 $load15"

echo "== 1. agent jar size"
"${bench[@]}" jar-size >"$out/jar-size.txt"
cat "$out/jar-size.txt"

echo "== 2. JMH"
if [ "$mode" = quick ]; then
  jmh_args=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms)
else
  jmh_args=(-f 1 -wi 5 -w 1s -i 10 -r 1s)
fi
# Written to a file first, not piped through tee: a pipeline would hide JMH's exit status behind tee's.
"${bench[@]}" jmh "${jmh_args[@]}" -rf json -rff "$out/jmh.json" >"$out/jmh.txt" 2>&1 || {
  cat "$out/jmh.txt"
  exit 1
}
cat "$out/jmh.txt"

echo "== 3. business endpoint with and without the agent"
if [ "$mode" = quick ]; then
  "${bench[@]}" business-load --out "$out" --rounds 1 --closed-duration 2s --open-duration 2s --ids 100
else
  "${bench[@]}" business-load --out "$out"
fi

echo "== 4. start-up time"
if [ "$mode" = quick ]; then
  "${bench[@]}" startup --out "$out" --samples tomcat --runs 1
else
  "${bench[@]}" startup --out "$out"
fi
