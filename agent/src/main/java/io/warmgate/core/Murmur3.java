package io.warmgate.core;

import java.nio.charset.StandardCharsets;

/**
 * MurmurHash3, x86 32-bit variant, seed 0, of a string's UTF-8 bytes: the peer hash (see {@link PeerBuckets}).
 * It gives bit for bit what Guava's {@code Hashing.murmur3_32_fixed().hashString(s, UTF_8).asInt()} gives, which
 * is what the original production health check computed ({@code Murmur3Test} compares the two on many inputs);
 * written out here so that the agent does not carry Guava (some 160 classes) for one function.
 */
final class Murmur3 {

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {
    }

    static int hashUtf8(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }

    static int hash(byte[] data) {
        int h1 = 0;
        int length = data.length;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            int k1 = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16
                    | (data[i + 3] & 0xff) << 24;
            h1 ^= mixK1(k1);
            h1 = Integer.rotateLeft(h1, 13) * 5 + 0xe6546b64;
        }
        int tail = 0;
        switch (length & 3) {
            case 3:
                tail ^= (data[i + 2] & 0xff) << 16;
                // fall through
            case 2:
                tail ^= (data[i + 1] & 0xff) << 8;
                // fall through
            case 1:
                tail ^= data[i] & 0xff;
                h1 ^= mixK1(tail);
                break;
            default:
                break;
        }
        return finalMix(h1 ^ length);
    }

    private static int mixK1(int k1) {
        return Integer.rotateLeft(k1 * C1, 15) * C2;
    }

    private static int finalMix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
