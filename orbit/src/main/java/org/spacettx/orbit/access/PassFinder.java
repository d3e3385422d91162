package org.spacettx.orbit.access;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

/**
 * Finds the passes of an object over a site above an elevation mask.
 *
 * <p>Method: on the ephemeris grid, the sign of d(elevation)/dt brackets every local maximum and minimum of the
 * elevation; each is refined by root finding. Between two consecutive extrema the elevation is monotonic, so it
 * crosses the mask at most once there, and a sign change of (elevation − mask) at the two ends finds that crossing
 * exactly. A grazing pass a second long is therefore found as surely as a long one: it is a maximum above the mask.
 * The only assumption is that two extrema are never closer than one grid step (60 s by default), while for any
 * Earth orbit they are tens of minutes apart. Times are refined to 1 ms.
 */
public final class PassFinder {

    private static final double TIME_ACCURACY_S = 1e-3;

    private PassFinder() {
    }

    public static List<Pass> find(Ephemerides sky, Ephemeris object, Topocentric site, double maskDeg) {
        int n = object.count();
        if (n < 2) {
            return List.of();
        }
        Evaluator f = new Evaluator(object, site, maskDeg);
        double end = object.endSeconds();
        // Critical times: start, every extremum, end; and which extrema are maxima.
        List<Double> critical = new ArrayList<>();
        List<Boolean> isMax = new ArrayList<>();
        critical.add(0.0);
        isMax.add(Boolean.FALSE);
        double[] p = new double[3];
        double[] v = new double[3];
        object.samplePosition(0, p);
        object.sampleVelocity(0, v);
        double previousTrend = site.elevationTrend(p, v);
        for (int k = 1; k < n; k++) {
            object.samplePosition(k, p);
            object.sampleVelocity(k, v);
            double trend = site.elevationTrend(p, v);
            if ((previousTrend > 0) != (trend > 0)) {
                double a = (k - 1) * object.step();
                double b = k * object.step();
                critical.add(solve(f::trend, a, b));
                isMax.add(previousTrend > 0);
            }
            previousTrend = trend;
        }
        critical.add(end);
        isMax.add(Boolean.FALSE);

        // Mask crossings: at most one on each monotonic segment between critical times.
        List<double[]> intervals = new ArrayList<>();
        double open = f.above(0.0) >= 0 ? 0.0 : Double.NaN;
        for (int i = 0; i + 1 < critical.size(); i++) {
            double a = critical.get(i);
            double b = critical.get(i + 1);
            boolean upAtA = f.above(a) >= 0;
            boolean upAtB = f.above(b) >= 0;
            if (!upAtA && upAtB) {
                open = solve(f::above, a, b);
            } else if (upAtA && !upAtB) {
                intervals.add(new double[] {open, solve(f::above, a, b)});
                open = Double.NaN;
            }
        }
        if (!Double.isNaN(open)) {
            intervals.add(new double[] {open, end});
        }
        List<Pass> passes = new ArrayList<>(intervals.size());
        for (double[] interval : intervals) {
            double best = interval[0];
            double bestElevation = f.elevation(interval[0]);
            for (int i = 0; i < critical.size(); i++) {
                double t = critical.get(i);
                if ((isMax.get(i) && t > interval[0] && t < interval[1]) || t == interval[1]) {
                    double e = f.elevation(t);
                    if (e > bestElevation) {
                        bestElevation = e;
                        best = t;
                    }
                }
            }
            double e = f.elevation(interval[1]);
            if (e > bestElevation) {
                best = interval[1];
            }
            passes.add(build(sky, object, site, interval[0], best, interval[1], interval[0] == 0.0 && f.above(0.0) >= 0,
                    interval[1] == end && f.above(end) >= 0));
        }
        return passes;
    }

    private static double solve(UnivariateFunction function, double a, double b) {
        double fa = function.value(a);
        double fb = function.value(b);
        if (fa == 0) {
            return a;
        }
        if (fb == 0 || (fa > 0) == (fb > 0)) {
            return b;
        }
        return new BrentSolver(TIME_ACCURACY_S).solve(200, function, a, b);
    }

    private static Pass build(Ephemerides sky, Ephemeris object, Topocentric site, double rise, double culmination,
                              double set, boolean risesBefore, boolean setsAfter) {
        double[] p = new double[3];
        double[] v = new double[3];
        double[] sun = new double[3];
        object.stateAt(rise, p, v);
        double riseAz = site.azimuthDeg(p);
        object.stateAt(set, p, v);
        double setAz = site.azimuthDeg(p);
        object.stateAt(culmination, p, v);
        sky.sunDirection(culmination, sun);
        return new Pass(object.noradId(), object.elements().name(), site.site().name(), sky.instantAt(rise),
                sky.instantAt(culmination), sky.instantAt(set), site.elevationDeg(p), riseAz, setAz, site.rangeKm(p),
                Sunlight.isSunlit(p, sun), site.sunElevationDeg(sun), risesBefore, setsAfter);
    }

    /** Elevation and its trend at any time, from the interpolated ephemeris. */
    private static final class Evaluator {
        private final Ephemeris object;
        private final Topocentric site;
        private final double mask;
        private final double[] p = new double[3];
        private final double[] v = new double[3];

        Evaluator(Ephemeris object, Topocentric site, double mask) {
            this.object = object;
            this.site = site;
            this.mask = mask;
        }

        double elevation(double t) {
            object.stateAt(t, p, v);
            return site.elevationDeg(p);
        }

        double above(double t) {
            return elevation(t) - mask;
        }

        double trend(double t) {
            object.stateAt(t, p, v);
            return site.elevationTrend(p, v);
        }
    }
}
