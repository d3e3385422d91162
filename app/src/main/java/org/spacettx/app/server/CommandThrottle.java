package org.spacettx.app.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast one user may send commands: a burst (by default 60: what a person types or clicks in a minute, "acknowledge
 * all" included), then a steady rate (by default 2 a second). A user who sends more is answered 429 with how long to
 * wait, and nothing is decided: one delegate cannot fill the log (14,328 messages in 20 s, before this) or hold the
 * exercise's lock from the others. A token bucket per user, in memory.
 */
final class CommandThrottle {

    /** Commands a user may send at once, then a second once those are spent. */
    record Rate(int burst, double perSecond) {
        static final Rate DEFAULT = new Rate(60, 2);

        Rate {
            if (burst < 1 || !(perSecond > 0)) {
                throw new IllegalArgumentException("a command rate has a burst of 1 or more and a positive rate");
            }
        }
    }
    /** Buckets kept before full ones are swept. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Bucket(double tokens, long atNanos) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Rate rate;

    CommandThrottle(Clock clock, Rate rate) {
        this.clock = clock;
        this.rate = rate;
    }

    /** Takes one command of the user's allowance: empty when they may send it, else how long until they may. */
    Optional<Duration> take(String user) {
        if (buckets.size() > SWEEP_ABOVE) {
            long now = nanos();
            buckets.values().removeIf(b -> refilled(b, now) >= rate.burst());
        }
        Duration[] wait = {null};
        buckets.compute(user, (u, b) -> {
            long now = nanos();
            double tokens = b == null ? rate.burst() : refilled(b, now);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = Duration.ofMillis((long) Math.ceil((1 - tokens) * 1000.0 / rate.perSecond()));
            return new Bucket(tokens, now);
        });
        return Optional.ofNullable(wait[0]);
    }

    private double refilled(Bucket b, long now) {
        return Math.min(rate.burst(), b.tokens() + (now - b.atNanos()) / 1e9 * rate.perSecond());
    }

    private long nanos() {
        java.time.Instant instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
