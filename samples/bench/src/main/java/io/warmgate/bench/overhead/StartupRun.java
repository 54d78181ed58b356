package io.warmgate.bench.overhead;

/**
 * One timed start of one sample in one arm.
 *
 * @param millis       from forking the JVM to the first successful answer
 * @param cpuMillis    the process's CPU time (user + system, all threads) right after that answer; NaN if unknown
 * @param agentClasses classes loaded from the agent before the application's main class
 * @param allClasses   every class loaded before the application's main class
 */
public record StartupRun(String sample, String arm, int run, double millis, double cpuMillis, int agentClasses,
                         int allClasses) {
}
