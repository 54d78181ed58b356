package io.warmgate.it.support;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The test oracle: what the design says every peer should see, computed here with Guava directly and never
 * with the agent's own code, so a bug in the agent's hashing or ramp cannot hide itself.
 *
 * <p>bucket = |murmur3_32_fixed(peer)| mod 100 (absolute value in long arithmetic);
 * percent(t) = 100 * (t / duration)^(1 / aggression); a peer is allowed once bucket <= percent(t), i.e. from
 * t_b = duration * (bucket / 100)^aggression on.
 */
public final class ExpectedRamp {

    private final Duration duration;
    private final double aggression;

    public ExpectedRamp(Duration duration, double aggression) {
        if (duration.isZero() || duration.isNegative() || aggression <= 0) {
            throw new IllegalArgumentException("duration and aggression must be positive");
        }
        this.duration = duration;
        this.aggression = aggression;
    }

    public Duration duration() {
        return duration;
    }

    /** The peer hash as an unsigned magnitude, the form the agent logs it in. */
    public static long absoluteHash(String peer) {
        int hash = Hashing.murmur3_32_fixed().hashString(peer, StandardCharsets.UTF_8).asInt();
        return Math.abs((long) hash);
    }

    public static int bucket(String peer) {
        return (int) (absoluteHash(peer) % 100);
    }

    /** t_b: how long after the ramp start the peer turns healthy. */
    public long allowedAfterNanos(String peer) {
        return Math.round(duration.toNanos() * Math.pow(bucket(peer) / 100.0, aggression));
    }

    /** percent(t) for {@code elapsedNanos} since the ramp start, clamped to [0, 100]. */
    public double percentAt(long elapsedNanos) {
        if (elapsedNanos <= 0) {
            return 0.0;
        }
        if (elapsedNanos >= duration.toNanos()) {
            return 100.0;
        }
        return 100.0 * Math.pow((double) elapsedNanos / duration.toNanos(), 1.0 / aggression);
    }
}
