package org.spacettx.orbit.access;

import java.time.Instant;

/**
 * One pass of an object above a site's elevation mask. Where the pass is already under way at the start of the
 * searched span, or still under way at its end, {@code rise} or {@code set} is the span's edge and the matching
 * flag says so.
 *
 * @param sunlit                whether the satellite is in sunlight at culmination
 * @param sunElevationDeg       the Sun's elevation at the site at culmination
 */
public record Pass(int noradId, String name, String siteName, Instant rise, Instant culmination, Instant set,
                   double maxElevationDeg, double riseAzimuthDeg, double setAzimuthDeg, double culminationRangeKm,
                   boolean sunlit, double sunElevationDeg, boolean risesBeforeSpan, boolean setsAfterSpan) {

    public double durationSeconds() {
        return java.time.Duration.between(rise, set).toNanos() / 1e9;
    }
}
