package org.spacettx.orbit.access;

import java.util.ArrayList;
import java.util.List;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

/**
 * Finds the windows in which an object can image a target (a site, or any sample point of an area) under a
 * sensor model.
 *
 * <p>Method, built so that no window longer than {@link #MIN_STEP_S} can be missed: far from the target, the
 * sub-satellite point must travel at least (its angular distance to the target's cap − the largest possible
 * footprint) before anything can become visible, and it cannot travel faster than the orbit's angular rate at
 * perigee plus the Earth's rotation: the search jumps that far at once. Near the target, the exact margin (degrees
 * inside the sensor's limits, best sample point) is evaluated with steps bounded by how fast a margin can change,
 * never longer than {@link #MAX_INSIDE_STEP_S}; a sign change is refined by bisection to 1 ms.
 */
public final class OverflightFinder {

    static final double MIN_STEP_S = 0.25;
    static final double MAX_INSIDE_STEP_S = 2.0;
    private static final double TIME_ACCURACY_S = 1e-3;
    private static final double EARTH_RATE_DEG_S = Math.toDegrees(7.2921151467e-5);

    private OverflightFinder() {
    }

    public static List<Window> find(Ephemerides sky, Ephemeris object, Target target, Sensor sensor) {
        if (object.count() < 2) {
            return List.of();
        }
        Search s = new Search(sky, object, target, sensor);
        return s.run();
    }

    private static final class Search {
        private final Ephemerides sky;
        private final Ephemeris object;
        private final Target target;
        private final Sensor sensor;
        private final double end;
        private final double[] capUnit;
        private final double footprintUpper;
        private final double capRate;
        private final double marginRate;
        private final double[] p = new double[3];
        private final double[] v = new double[3];
        private final double[] sun = new double[3];
        private final boolean[] covered;

        Search(Ephemerides sky, Ephemeris object, Target target, Sensor sensor) {
            this.sky = sky;
            this.object = object;
            this.target = target;
            this.sensor = sensor;
            this.end = object.endSeconds();
            this.capUnit = target.capCenter().unitVector();
            ElementSet e = object.elements();
            double n = e.meanMotion() * 2 * Math.PI / 86400.0;
            double ecc = e.eccentricity();
            double a = Math.cbrt(3.986004418e14 / (n * n));
            double apogee = a * (1 + ecc) * 1.02;
            double perigeeRadius = a * (1 - ecc) * 0.98;
            double perigeeAltitude = Math.max(80e3, perigeeRadius - Topocentric.WGS84_A);
            double perigeeSpeed = Math.sqrt(3.986004418e14 * (2 / perigeeRadius - 1 / a)) * 1.05;
            // Largest footprint: at apogee; geodetic vs geocentric latitude adds up to 0.2 degrees.
            this.footprintUpper = sensor.footprintHalfAngleDeg(apogee) + target.capRadiusDeg() + 0.2;
            this.capRate = (Math.toDegrees(perigeeSpeed / perigeeRadius) + EARTH_RATE_DEG_S) * 1.1;
            this.marginRate = Math.toDegrees((perigeeSpeed + 500) / perigeeAltitude) * 1.5;
            this.covered = new boolean[target.points().size()];
        }

        /** Degrees by which the target could at most be inside the footprint (≤ 0: certainly not visible). */
        private double capMargin(double t) {
            object.stateAt(t, p, v);
            double r = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
            double dot = (p[0] * capUnit[0] + p[1] * capUnit[1] + p[2] * capUnit[2]) / r;
            return footprintUpper - Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot))));
        }

        /** Best margin over the target's points (degrees; ≥ 0 visible), marking covered points when asked. */
        private double margin(double t, boolean mark) {
            object.stateAt(t, p, v);
            sky.sunDirection(t, sun);
            double best = -180;
            List<Topocentric> points = target.points();
            for (int i = 0; i < points.size(); i++) {
                double m = sensor.margin(p, points.get(i), sun);
                if (mark && m >= 0) {
                    covered[i] = true;
                }
                best = Math.max(best, m);
            }
            return best;
        }

        List<Window> run() {
            List<Window> windows = new ArrayList<>();
            double t = 0;
            double mAtT = margin(0, true);
            boolean inside = mAtT >= 0;
            double windowStart = inside ? 0 : Double.NaN;
            while (t < end) {
                double step;
                if (inside) {
                    step = Math.min(MAX_INSIDE_STEP_S, mAtT / marginRate);
                } else {
                    double cap = Double.isNaN(mAtT) ? capMargin(t) : 0;
                    if (cap < 0) {
                        step = -cap / capRate;
                    } else {
                        if (Double.isNaN(mAtT)) {
                            mAtT = margin(t, false);
                        }
                        step = Math.min(60, -mAtT / marginRate);
                    }
                }
                double next = Math.min(end, t + Math.max(MIN_STEP_S, step));
                double mNext = !inside && capMargin(next) < 0 ? Double.NaN : margin(next, inside);
                boolean visibleNext = !Double.isNaN(mNext) && mNext >= 0;
                if (!inside && visibleNext) {
                    windowStart = bisect(t, next, true);
                    java.util.Arrays.fill(covered, false);
                    margin(windowStart, true);
                    margin(next, true);
                    inside = true;
                } else if (inside && !visibleNext) {
                    windows.add(window(windowStart, bisect(t, next, false), false));
                    inside = false;
                }
                t = next;
                mAtT = mNext;
            }
            if (inside) {
                windows.add(window(windowStart, end, true));
            }
            return windows;
        }

        /** The time in [a, b] where visibility changes, to 1 ms; {@code rising}: invisible at a, visible at b. */
        private double bisect(double a, double b, boolean rising) {
            double lo = a;
            double hi = b;
            while (hi - lo > TIME_ACCURACY_S) {
                double mid = 0.5 * (lo + hi);
                boolean visible = margin(mid, false) >= 0;
                if (visible == rising) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return rising ? hi : lo;
        }

        private Window window(double start, double stop, boolean endsAfter) {
            int count = 0;
            for (boolean c : covered) {
                count += c ? 1 : 0;
            }
            java.util.Arrays.fill(covered, false);
            return new Window(object.noradId(), object.elements().name(), target.name(), sky.instantAt(start),
                    sky.instantAt(stop), (double) count / target.points().size(), start == 0.0, endsAfter);
        }
    }
}
