package io.warmgate.it.support;

/**
 * A path the gate must never touch (liveness, business endpoints, a status page nobody configured as a health
 * check), and how the application's own 200 answer on it begins.
 */
public record UngatedPath(String path, String bodyStart) {
}
