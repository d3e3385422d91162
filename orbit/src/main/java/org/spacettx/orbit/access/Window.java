package org.spacettx.orbit.access;

import java.time.Duration;
import java.time.Instant;

/**
 * A time during which an object can image (part of) a target under a sensor model.
 *
 * @param coverage fraction (0..1) of the target's sample points that were imageable at some time in the window
 */
public record Window(int noradId, String objectName, String targetName, Instant start, Instant end, double coverage,
                     boolean startsBeforeSpan, boolean endsAfterSpan) {

    public double durationSeconds() {
        return Duration.between(start, end).toNanos() / 1e9;
    }
}
