#!/usr/bin/env bash
# The agent's own overhead, one command, from anywhere:
#
#   bash samples/bench/overhead.sh
#
# Builds the agent, every sample and the bench jar, then measures:
#   1. the agent jar's size;
#   2. JMH: the gate decision for one health check, and the path check every other request pays;
#   3. a business-endpoint load run with and without the agent (throughput and p99 ratios);
#   4. start-up time to the first successful request with and without the agent, on every sample.
# About 15 minutes. Results go to src/docs/bench/ (jar-size.txt, jmh.txt, jmh.json, business-load.md,
# startup.md, startup.csv).
# Each step can be run alone: java -jar samples/bench/target/warmgate-bench.jar <jar-size|jmh|business-load|startup>
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=build-bench.sh
source samples/bench/build-bench.sh
echo "Building the agent, the samples and the bench jar ..."
build_bench samples/servlet-tomcat,samples/servlet-jetty,samples/jaxrs-jersey3,samples/jaxrs-jersey2-servlet,samples/spring-boot2,samples/spring-boot3

bench="java -jar samples/bench/target/warmgate-bench.jar"
mkdir -p src/docs/bench
echo "Load average now: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== 1. agent jar size"
$bench jar-size | tee src/docs/bench/jar-size.txt

echo "== 2. JMH"
$bench jmh -f 1 -wi 5 -w 1s -i 10 -r 1s -rf json -rff src/docs/bench/jmh.json 2>&1 | tee src/docs/bench/jmh.txt

echo "== 3. business endpoint with and without the agent"
$bench business-load

echo "== 4. start-up time"
$bench startup
