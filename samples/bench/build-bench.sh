# shellcheck shell=bash
# Sourced by rollout.sh and overhead.sh (not run on its own): builds the agent, the given sample modules and
# the bench jar with the Maven wrapper. Call from the repository root: build_bench samples/servlet-tomcat ...
build_bench() {
  local modules="agent,samples/common,samples/testkit"
  local module
  for module in "$@"; do
    modules="$modules,$module"
  done
  if grep -q '<module>samples/bench</module>' pom.xml; then
    ./mvnw -q -B -ntp -DskipTests -pl "$modules,samples/bench" -am package
  else
    # The bench module is not in the parent's module list (yet): install what it depends on, then build it alone.
    ./mvnw -q -B -ntp -DskipTests -pl "$modules" -am install
    ./mvnw -q -B -ntp -DskipTests -f samples/bench/pom.xml package
  fi
}
