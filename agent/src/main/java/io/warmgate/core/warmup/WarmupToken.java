package io.warmgate.core.warmup;

import java.security.SecureRandom;

/**
 * The secret value of the marker header on the warm-up's own requests. A health check that carries it exactly
 * is the warm-up's, and passes the gate untouched; anyone else who sends the header (with any other value) is
 * gated like every load-balancer node. Random per JVM, so it cannot be known in advance.
 */
final class WarmupToken {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String value;

    private WarmupToken(String value) {
        this.value = value;
    }

    /** 128 random bits as 32 hex digits. Created on the warm-up thread: seeding may read from the OS. */
    static WarmupToken random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        char[] hex = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            hex[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new WarmupToken(new String(hex));
    }

    String value() {
        return value;
    }

    /**
     * Exact match, in time that does not depend on where the first difference is, so that the response time of
     * a health check cannot be used to guess the token character by character.
     */
    boolean matches(String candidate) {
        if (candidate == null || candidate.length() != value.length()) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < value.length(); i++) {
            difference |= value.charAt(i) ^ candidate.charAt(i);
        }
        return difference == 0;
    }

    /** Never the value: it must not appear in logs. */
    @Override
    public String toString() {
        return "WarmupToken[secret]";
    }
}
