package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The agent's murmur3 is Guava's murmur3_32_fixed of the UTF-8 bytes, bit for bit, whatever the input. */
class Murmur3Test {

    private static int guava(String text) {
        return Hashing.murmur3_32_fixed().hashString(text, StandardCharsets.UTF_8).asInt();
    }

    @Test
    void everyLengthAndTailFromEmptyToSixtyFourBytes() {
        StringBuilder text = new StringBuilder();
        for (int length = 0; length <= 64; length++) {
            assertThat(Murmur3.hashUtf8(text.toString())).as("length %d", length).isEqualTo(guava(text.toString()));
            text.append((char) ('a' + length % 26));
        }
    }

    @Test
    void randomStringsWithMultiByteAndSupplementaryCharacters() {
        Random random = new Random(42);
        int[] alphabet = {'0', '9', '.', ':', '[', ']', 'f', 'Z', 0xe9, 0x4e2d, 0x1f600, 0x10348, 0x7f, 0x80, 0x7ff, 0x800};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(Murmur3.hashUtf8(text.toString())).as(text.toString()).isEqualTo(guava(text.toString()));
        }
    }

    @Test
    void randomBytes() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(33)];
            random.nextBytes(bytes);
            assertThat(Murmur3.hash(bytes)).isEqualTo(Hashing.murmur3_32_fixed().hashBytes(bytes).asInt());
        }
    }
}
