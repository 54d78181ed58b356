package io.warmgate.core;

/**
 * Turns the peer address of a health check into the one string form that is hashed.
 *
 * <p>Servlet containers format the same IPv6 address differently (Tomcat writes {@code 0:0:0:0:0:0:0:1},
 * others {@code ::1} or {@code [::1]}), and a bucket computed from one spelling differs from another. So every
 * address is parsed and re-printed in one canonical form before hashing. Nothing here ever does a DNS lookup:
 * a value that is not an IP literal is rejected, not resolved.
 */
public final class PeerAddresses {

    private static final int IPV6_GROUPS = 8;

    private PeerAddresses() {
    }

    /**
     * Canonical form of an IP literal, or null when {@code raw} is not one.
     * <ul>
     * <li>IPv4: the dotted quad, validated (four decimal octets 0-255). Octets with leading zeros are rejected:
     * some parsers read {@code 010} as octal 8 and others as decimal 10, so such a value names no single
     * address.</li>
     * <li>IPv6: RFC 5952 text form (lower case, leading zeros dropped, the longest run of two or more zero
     * groups written as {@code ::}, the first such run on a tie), without brackets and without a zone id.</li>
     * <li>IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}) becomes the plain dotted quad {@code a.b.c.d}: a server
     * listening on a dual-stack socket reports IPv4 clients in that form, but the peer really is an IPv4 node,
     * and it must land in the same bucket as on an instance with an IPv4-only socket.</li>
     * </ul>
     */
    public static String canonicalize(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.trim();
        if (value.length() >= 2 && value.charAt(0) == '[' && value.charAt(value.length() - 1) == ']') {
            // Brackets only ever enclose an IPv6 literal (as in URLs and "[v6]:port").
            String inside = value.substring(1, value.length() - 1).trim();
            return inside.indexOf(':') >= 0 ? canonicalIpv6(inside) : null;
        }
        if (value.indexOf(':') >= 0) {
            return canonicalIpv6(value);
        }
        return parseIpv4(value, 0, value.length()) >= 0 ? value : null;
    }

    /**
     * The peer named by a forwarding header such as {@code X-Forwarded-For}, canonical, or null when malformed.
     * A list ("client, proxy1, proxy2") yields its LAST entry: each proxy appends the address it received the
     * request from, so the last entry is the nearest hop, the load-balancer node itself, and it is also the
     * only entry a client cannot forge. A port is stripped ({@code 1.2.3.4:8080}, {@code [2001:db8::1]:443}),
     * and an RFC 7239 {@code Forwarded} element ({@code for="[2001:db8::1]:443";proto=https}) is understood.
     */
    public static String fromForwardedHeader(String headerValue) {
        if (headerValue == null) {
            return null;
        }
        String entry = headerValue.substring(headerValue.lastIndexOf(',') + 1).trim();
        if (entry.indexOf('=') >= 0) {
            entry = forwardedForParameter(entry);
            if (entry == null) {
                return null;
            }
        }
        if (entry.length() >= 2 && entry.charAt(0) == '"' && entry.charAt(entry.length() - 1) == '"') {
            entry = entry.substring(1, entry.length() - 1).trim();
        }
        return canonicalize(stripPort(entry));
    }

    /** The value of the {@code for=} parameter of one RFC 7239 element, or null when it has none. */
    private static String forwardedForParameter(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("for")) {
                return pair.substring(equals + 1).trim();
            }
        }
        return null;
    }

    /** Removes ":port" from "host:port" or "[v6]:port"; a bare IPv6 literal (several colons) has no port. */
    private static String stripPort(String value) {
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return null;
            }
            String rest = value.substring(close + 1);
            if (!rest.isEmpty() && !isPortSuffix(rest)) {
                return null;
            }
            return value.substring(0, close + 1);
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && colon == value.lastIndexOf(':')) {
            return isPortSuffix(value.substring(colon)) ? value.substring(0, colon) : null;
        }
        return value;
    }

    private static boolean isPortSuffix(String suffix) {
        if (suffix.length() < 2 || suffix.length() > 6 || suffix.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < suffix.length(); i++) {
            if (!isDigit(suffix.charAt(i))) {
                return false;
            }
        }
        return Integer.parseInt(suffix.substring(1)) <= 65535;
    }

    /** The 32-bit value of the dotted quad in text[start, end), or -1 when it is not one. */
    private static long parseIpv4(String text, int start, int end) {
        long address = 0;
        int octets = 0;
        int position = start;
        while (octets < 4) {
            int digitsEnd = position;
            while (digitsEnd < end && digitsEnd - position < 4 && isDigit(text.charAt(digitsEnd))) {
                digitsEnd++;
            }
            int length = digitsEnd - position;
            if (length == 0 || length > 3 || (length > 1 && text.charAt(position) == '0')) {
                return -1;
            }
            int octet = Integer.parseInt(text.substring(position, digitsEnd));
            if (octet > 255) {
                return -1;
            }
            address = (address << 8) | octet;
            octets++;
            if (octets < 4) {
                if (digitsEnd >= end || text.charAt(digitsEnd) != '.') {
                    return -1;
                }
                position = digitsEnd + 1;
            } else if (digitsEnd != end) {
                return -1;
            }
        }
        return address;
    }

    private static String canonicalIpv6(String text) {
        int percent = text.indexOf('%');
        if (percent >= 0) {
            // A zone id only says which local interface the packet came in on; it is not part of the address.
            if (percent == text.length() - 1) {
                return null;
            }
            text = text.substring(0, percent);
        }
        int[] groups = parseIpv6Groups(text);
        if (groups == null) {
            return null;
        }
        if (isIpv4Mapped(groups)) {
            return (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff);
        }
        return formatRfc5952(groups);
    }

    /** The eight 16-bit groups of an IPv6 literal (no brackets, no zone), or null when malformed. */
    private static int[] parseIpv6Groups(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return null; // "::" may stand for one run of zeros only
        }
        int[] head;
        int[] tail;
        if (doubleColon < 0) {
            head = parseGroupList(text, IPV6_GROUPS, true);
            tail = new int[0];
            if (head == null || head.length != IPV6_GROUPS) {
                return null;
            }
        } else {
            head = parseGroupList(text.substring(0, doubleColon), IPV6_GROUPS - 1, false);
            tail = parseGroupList(text.substring(doubleColon + 2), IPV6_GROUPS - 1, true);
            if (head == null || tail == null || head.length + tail.length > IPV6_GROUPS - 1) {
                return null;
            }
        }
        int[] groups = new int[IPV6_GROUPS];
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, IPV6_GROUPS - tail.length, tail.length);
        return groups;
    }

    /**
     * Parses "g:g:...:g". When the list ends the address, its last element may be an embedded dotted quad
     * (worth two groups). An empty string is an empty list (one side of "::"). Returns null when malformed or
     * longer than maxGroups.
     */
    private static int[] parseGroupList(String text, int maxGroups, boolean endsAddress) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        boolean embeddedIpv4 = endsAddress && parts[parts.length - 1].indexOf('.') >= 0;
        int count = parts.length + (embeddedIpv4 ? 1 : 0);
        if (count > maxGroups) {
            return null;
        }
        int[] groups = new int[count];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (embeddedIpv4 && i == parts.length - 1) {
                long ipv4 = parseIpv4(part, 0, part.length());
                if (ipv4 < 0) {
                    return null;
                }
                groups[i] = (int) (ipv4 >>> 16);
                groups[i + 1] = (int) (ipv4 & 0xffff);
            } else {
                int group = parseHexGroup(part);
                if (group < 0) {
                    return null;
                }
                groups[i] = group;
            }
        }
        return groups;
    }

    private static int parseHexGroup(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            int digit = Character.digit(part.charAt(i), 16);
            if (digit < 0 || part.charAt(i) > 'f') { // Character.digit also accepts non-ASCII digits
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static boolean isIpv4Mapped(int[] groups) {
        for (int i = 0; i < 5; i++) {
            if (groups[i] != 0) {
                return false;
            }
        }
        return groups[5] == 0xffff;
    }

    private static String formatRfc5952(int[] groups) {
        int bestStart = -1;
        int bestLength = 1; // a single zero group is never compressed (RFC 5952 section 4.2.2)
        for (int i = 0; i < IPV6_GROUPS; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < IPV6_GROUPS && groups[runEnd] == 0) {
                runEnd++;
            }
            if (runEnd - i > bestLength) { // strictly longer: the first run wins a tie
                bestStart = i;
                bestLength = runEnd - i;
            }
            i = runEnd;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < IPV6_GROUPS; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
