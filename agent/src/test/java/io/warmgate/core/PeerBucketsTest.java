package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeerBucketsTest {

    @Test
    void hashIsGuavaMurmur3FixedForManyAddresses() {
        for (String peer : sampleAddresses()) {
            int expected = Hashing.murmur3_32_fixed().hashString(peer, StandardCharsets.UTF_8).asInt();
            assertThat(PeerBuckets.hash(peer)).as(peer).isEqualTo(expected);
            assertThat(PeerBuckets.bucket(PeerBuckets.hash(peer)))
                    .as(peer).isEqualTo((int) (Math.abs((long) expected) % 100));
        }
    }

    @Test
    void knownValuesComputedOnceWithGuava() {
        // Fixed expectations: if these change, every instance in a mixed fleet would disagree on buckets.
        assertThat(PeerBuckets.hash("10.0.1.7")).isEqualTo(-1167935928);
        assertThat(PeerBuckets.bucket(-1167935928)).isEqualTo(28);
        assertThat(PeerBuckets.hash("127.0.0.1")).isEqualTo(186615114);
        assertThat(PeerBuckets.bucket(186615114)).isEqualTo(14);
        assertThat(PeerBuckets.hash("::1")).isEqualTo(-319090840);
        assertThat(PeerBuckets.bucket(-319090840)).isEqualTo(40);
        assertThat(PeerBuckets.hash("2001:db8::1")).isEqualTo(-974699634);
        assertThat(PeerBuckets.hash("192.168.1.10")).isEqualTo(-1528819720);
        assertThat(PeerBuckets.bucket(-1528819720)).isEqualTo(20);
        assertThat(PeerBuckets.hash("")).isZero();
    }

    @Test
    void bucketIsNeverNegativeEvenForIntegerMinValue() {
        assertThat(PeerBuckets.bucket(Integer.MIN_VALUE)).isEqualTo(48); // 2147483648 % 100
        assertThat(PeerBuckets.absoluteHash(Integer.MIN_VALUE)).isEqualTo(2147483648L);
        assertThat(PeerBuckets.bucket(Integer.MAX_VALUE)).isEqualTo(47);
        assertThat(PeerBuckets.bucket(-1)).isEqualTo(1);
        assertThat(PeerBuckets.bucket(0)).isZero();
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            assertThat(PeerBuckets.bucket(random.nextInt())).isBetween(0, 99);
        }
    }

    @Test
    void absoluteHashIsWhatLogsPrint() {
        assertThat(PeerBuckets.absoluteHash(-1167935928)).isEqualTo(1167935928L);
        assertThat(PeerBuckets.absoluteHash(186615114)).isEqualTo(186615114L);
    }

    private static List<String> sampleAddresses() {
        List<String> peers = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            peers.add("10.0." + (i / 16) + "." + i);
            peers.add("127.0.0." + i);
        }
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            peers.add(String.format("2001:db8:%x:%x::%x", random.nextInt(0x10000), random.nextInt(0x10000),
                    random.nextInt(0x10000)));
        }
        peers.add("::1");
        peers.add("fe80::1");
        return peers;
    }
}
