package io.warmgate.core.fleet;

import java.util.Locale;

/**
 * One sibling instance to ask "are you healthy and open?": a host, a port and, optionally, the health path to
 * ask (by default the path of the health check that started this instance's ramp, which is the path the
 * load balancer checks on every instance).
 */
public final class FleetTarget {

    private static final String HTTP = "http://";

    private final String host;
    private final int port;
    private final String path;

    public FleetTarget(String host, int port, String path) {
        this.host = host;
        this.port = port;
        this.path = path;
    }

    /**
     * Parses {@code host:port}, {@code [v6]:port} or {@code http://host:port/path}.
     *
     * @throws IllegalArgumentException with the reason, for configuration messages
     */
    public static FleetTarget parse(String text) {
        String rest = text.trim();
        String path = null;
        if (rest.regionMatches(true, 0, HTTP, 0, HTTP.length())) {
            rest = rest.substring(HTTP.length());
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                path = rest.substring(slash);
                rest = rest.substring(0, slash);
            }
        } else if (rest.toLowerCase(Locale.ROOT).startsWith("https://")) {
            throw new IllegalArgumentException("'" + text + "': https is not supported; give the plain HTTP "
                    + "port the load balancer checks");
        } else if (rest.contains("/")) {
            throw new IllegalArgumentException("'" + text + "' is neither host:port nor http://host:port/path");
        }
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' has no port");
        }
        String host = rest.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("'" + text + "': put an IPv6 address in brackets, as [::1]:8080");
        }
        if (host.isEmpty() || !printableWithoutSpaces(host) || (path != null && !printableWithoutSpaces(path))) {
            throw new IllegalArgumentException("'" + text + "' has an empty or unprintable host or path");
        }
        return new FleetTarget(host, parsePort(rest.substring(colon + 1), text), path);
    }

    /** Parses the port of {@code host:port} entries and {@code fleet.dns}. */
    public static int parsePort(String digits, String whole) {
        if (digits.isEmpty() || digits.length() > 5) {
            throw new IllegalArgumentException("'" + whole + "' has no valid port");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IllegalArgumentException("'" + whole + "' has no valid port");
            }
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + whole + "' has a port outside 1-65535");
        }
        return port;
    }

    private static boolean printableWithoutSpaces(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The configured path, or null to ask the path the load balancer checks. */
    public String path() {
        return path;
    }

    /** {@code host:port}, with IPv6 hosts in brackets. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
