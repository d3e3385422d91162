package org.spacettx.orbit.conjunction;

import java.time.Instant;
import java.util.Optional;

import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

/**
 * The first time two objects come closer than a distance, from their sampled ephemerides. The search steps by
 * (distance − threshold) / (largest possible relative speed), so it cannot step over an approach, and refines the
 * crossing by bisection to 1 ms.
 */
public final class CloseApproachFinder {

    /** No two Earth-orbiting objects close faster than this, m/s (two LEO objects head-on: about 15.5 km/s). */
    static final double MAX_RELATIVE_SPEED = 16_000;
    private static final double MIN_STEP_S = 0.05;

    private CloseApproachFinder() {
    }

    /** The first time at or after {@code afterSeconds} (since the grid start) when the distance drops below {@code thresholdM}. */
    public static Optional<Instant> first(Ephemerides sky, Ephemeris a, Ephemeris b, double thresholdM, double afterSeconds) {
        double end = Math.min(a.endSeconds(), b.endSeconds());
        double t = Math.max(0, afterSeconds);
        double[] pa = new double[3];
        double[] pb = new double[3];
        double[] v = new double[3];
        double previous = t;
        while (t <= end) {
            double d = distance(a, b, t, pa, pb, v);
            if (d < thresholdM) {
                if (t == previous) {
                    return Optional.of(sky.instantAt(t));
                }
                double lo = previous;
                double hi = t;
                while (hi - lo > 1e-3) {
                    double mid = 0.5 * (lo + hi);
                    if (distance(a, b, mid, pa, pb, v) < thresholdM) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return Optional.of(sky.instantAt(hi));
            }
            previous = t;
            t += Math.max(MIN_STEP_S, (d - thresholdM) / MAX_RELATIVE_SPEED);
        }
        return Optional.empty();
    }

    private static double distance(Ephemeris a, Ephemeris b, double t, double[] pa, double[] pb, double[] v) {
        a.stateAt(t, pa, v);
        b.stateAt(t, pb, v);
        double dx = pa[0] - pb[0];
        double dy = pa[1] - pb[1];
        double dz = pa[2] - pb[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
