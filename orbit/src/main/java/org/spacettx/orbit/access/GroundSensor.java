package org.spacettx.orbit.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.spacettx.orbit.geo.Area;
import org.spacettx.orbit.geo.GeoPoint;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

/**
 * A sensor on the ground that observes objects in orbit: a radar, or an optical telescope.
 *
 * <p>It observes an object while the object is above its elevation mask and within the range at which it detects an
 * object of that size, and, for a telescope, while the site is dark (the Sun below {@code maxSunElevationDeg}) and the
 * object sunlit (the cylindrical shadow of {@link Sunlight}). The range follows from the sensor's stated performance,
 * {@code minSizeM} at {@code maxRangeKm}: a radar's echo goes as the cross-section over the fourth power of the range
 * and the cross-section as the square of the size, so it detects an object of size {@code L} out to {@code maxRangeKm
 * √(L / minSizeM)}; a telescope's signal from a sunlit object goes as the square of the size over the square of the
 * range, so out to {@code maxRangeKm L / minSizeM} (phase angle and albedo left out: the same for every object).
 *
 * <p>Its field of regard may be limited in azimuth: from {@code azimuthFromDeg} clockwise to {@code azimuthToDeg}
 * (a fixed phased-array radar's faces; 0 to 360, the default, all round).
 *
 * @param maxSunElevationDeg a telescope needs the Sun below this at the site (-12: nautical twilight); unused for a radar
 */
public record GroundSensor(String id, Site site, Kind kind, double minElevationDeg, double maxRangeKm, double minSizeM,
                           double maxSunElevationDeg, double azimuthFromDeg, double azimuthToDeg) {

    public enum Kind { RADAR, OPTICAL }

    /** Within a pass the constraints are sampled this often and each change refined to a millisecond. */
    static final double SCAN_S = 10;
    private static final double TIME_ACCURACY_S = 1e-3;

    public GroundSensor {
        if (!(maxRangeKm > 0) || !(minSizeM > 0)) {
            throw new IllegalArgumentException("a sensor needs a positive range and smallest size");
        }
        if (!(minElevationDeg >= -5 && minElevationDeg < 90)) {
            throw new IllegalArgumentException("a sensor's elevation mask is from -5 to 90 degrees");
        }
        if (!(azimuthFromDeg >= 0 && azimuthFromDeg <= 360 && azimuthToDeg >= 0 && azimuthToDeg <= 360)
                || azimuthFromDeg == azimuthToDeg && !allRound(azimuthFromDeg, azimuthToDeg)) {
            throw new IllegalArgumentException("a sensor's azimuth limits are two different angles from 0 to 360 degrees");
        }
    }

    /** A sensor that looks all round in azimuth. */
    public GroundSensor(String id, Site site, Kind kind, double minElevationDeg, double maxRangeKm, double minSizeM,
                        double maxSunElevationDeg) {
        this(id, site, kind, minElevationDeg, maxRangeKm, minSizeM, maxSunElevationDeg, 0, 360);
    }

    private static boolean allRound(double from, double to) {
        return from == 0 && to == 360;
    }

    /** The width of the field of regard in azimuth, degrees (360: all round). */
    public double azimuthWidthDeg() {
        return allRound(azimuthFromDeg, azimuthToDeg) ? 360 : ((azimuthToDeg - azimuthFromDeg) % 360 + 360) % 360;
    }

    /**
     * How far (degrees) an azimuth is inside the field of regard, negative outside: continuous, zero at its edges.
     */
    double azimuthMarginDeg(double azimuthDeg) {
        double width = azimuthWidthDeg();
        if (width >= 360) {
            return 180;
        }
        double d = ((azimuthDeg - azimuthFromDeg) % 360 + 360) % 360;
        return d <= width ? Math.min(d, width - d) : -Math.min(d - width, 360 - d);
    }

    /**
     * How far from the site (great-circle angle, degrees) the ground lies over which an object at {@code altitudeKm}
     * is above the mask and within {@code maxRangeKm}: the nearer of the two limits, on a sphere of the Earth's mean
     * radius; 0 where the range does not reach that altitude.
     */
    public double coverageAngleDeg(double altitudeKm) {
        double r = Area.EARTH_RADIUS_KM;
        double orbit = r + altitudeKm;
        if (!(altitudeKm > 0) || maxRangeKm <= altitudeKm) {
            return 0;
        }
        double mask = Math.toRadians(minElevationDeg);
        double byMask = Math.acos(r * Math.cos(mask) / orbit) - mask;
        double byRange = Math.acos(Math.max(-1, Math.min(1, (r * r + orbit * orbit - maxRangeKm * maxRangeKm) / (2 * r * orbit))));
        return Math.toDegrees(Math.min(byMask, byRange));
    }

    /**
     * The ground over which this sensor sees an object at {@code altitudeKm} ({@link #coverageAngleDeg}), as a closed
     * ring: a circle round the site, or the sector between its azimuth limits from the site; every 5° of azimuth at
     * most. Empty where it sees nothing at that altitude.
     */
    public List<GeoPoint> coverage(double altitudeKm) {
        double angle = coverageAngleDeg(altitudeKm);
        if (angle <= 0) {
            return List.of();
        }
        GeoPoint centre = new GeoPoint(site.latitudeDeg(), site.longitudeDeg());
        double width = azimuthWidthDeg();
        int steps = (int) Math.ceil(width / 5);
        List<GeoPoint> ring = new ArrayList<>();
        if (width < 360) {
            ring.add(centre);
        }
        for (int k = 0; k <= steps; k++) {
            ring.add(centre.destination(azimuthFromDeg + width * k / steps, angle));
        }
        if (width < 360) {
            ring.add(centre);
        }
        return ring;
    }

    /** The range (km) within which it detects an object of {@code sizeM}. */
    public double detectionRangeKm(double sizeM) {
        double ratio = sizeM / minSizeM;
        return maxRangeKm * (kind == Kind.RADAR ? Math.sqrt(ratio) : ratio);
    }

    /** One span during which the sensor observes an object; {@code closestKm} the least range sampled in it. */
    public record Observation(String sensor, int noradId, Instant start, Instant end, double closestKm, boolean startsBeforeSpan,
                              boolean endsAfterSpan) {
        public double durationSeconds() {
            return Duration.between(start, end).toNanos() / 1e9;
        }
    }

    /**
     * The spans this sensor observes {@code object} (of size {@code sizeM}) over the ephemerides' span, in time order:
     * the passes above the mask (exact, {@link PassFinder}), within each the times all the other constraints hold,
     * sampled every {@value #SCAN_S} s and each change refined to a millisecond (a gap or a span shorter than the
     * sampling can be missed).
     */
    public List<Observation> observe(Ephemerides sky, Ephemeris object, double sizeM) {
        Topocentric topo = new Topocentric(site);
        Margin margin = new Margin(sky, object, topo, detectionRangeKm(sizeM));
        List<Observation> out = new ArrayList<>();
        for (Pass pass : PassFinder.find(sky, object, topo, minElevationDeg)) {
            double a = seconds(sky, pass.rise());
            double b = Math.min(seconds(sky, pass.set()), object.endSeconds());
            Double open = margin.value(a) >= 0 ? a : null;
            double closest = open != null ? margin.rangeKm(a) : Double.POSITIVE_INFINITY;
            double previous = a;
            double previousValue = margin.value(a);
            for (double t = Math.min(a + SCAN_S, b); ; t = Math.min(t + SCAN_S, b)) {
                double value = margin.value(t);
                if ((previousValue >= 0) != (value >= 0)) {
                    double edge = new BrentSolver(TIME_ACCURACY_S).solve(200, margin::value, previous, t);
                    if (value >= 0) {
                        open = edge;
                        closest = margin.rangeKm(edge);
                    } else if (open != null) {
                        closest = Math.min(closest, margin.rangeKm(edge));
                        out.add(observation(sky, object, open, edge, closest, pass.risesBeforeSpan() && open == a, false));
                        open = null;
                        closest = Double.POSITIVE_INFINITY;
                    }
                }
                if (open != null) {
                    closest = Math.min(closest, margin.rangeKm(t));
                }
                previous = t;
                previousValue = value;
                if (t >= b) {
                    break;
                }
            }
            if (open != null) {
                out.add(observation(sky, object, open, b, closest, pass.risesBeforeSpan() && open == a, pass.setsAfterSpan()));
            }
        }
        return out;
    }

    private Observation observation(Ephemerides sky, Ephemeris object, double start, double end, double closestKm,
                                    boolean startsBefore, boolean endsAfter) {
        return new Observation(id, object.noradId(), sky.instantAt(start), sky.instantAt(end), closestKm, startsBefore, endsAfter);
    }

    private static double seconds(Ephemerides sky, Instant t) {
        return Duration.between(sky.start(), t).toNanos() / 1e9;
    }

    /**
     * The least of the constraints' margins at a time, each positive where it holds: range, azimuth (when limited), and
     * for a telescope the Sun's depression at the site and the object's distance outside the Earth's shadow.
     */
    private final class Margin {
        final Ephemerides sky;
        final Ephemeris object;
        final Topocentric topo;
        final double detectionKm;
        final double[] p = new double[3];
        final double[] v = new double[3];
        final double[] sun = new double[3];

        Margin(Ephemerides sky, Ephemeris object, Topocentric topo, double detectionKm) {
            this.sky = sky;
            this.object = object;
            this.topo = topo;
            this.detectionKm = detectionKm;
        }

        double rangeKm(double t) {
            object.stateAt(t, p, v);
            return topo.rangeKm(p);
        }

        double value(double t) {
            object.stateAt(t, p, v);
            double m = detectionKm - topo.rangeKm(p);
            if (azimuthWidthDeg() < 360) {
                m = Math.min(m, azimuthMarginDeg(topo.azimuthDeg(p)));
            }
            if (kind == Kind.OPTICAL) {
                sky.sunDirection(t, sun);
                m = Math.min(m, maxSunElevationDeg - topo.sunElevationDeg(sun));
                m = Math.min(m, Sunlight.marginM(p, sun) / 1000);
            }
            return m;
        }
    }
}
