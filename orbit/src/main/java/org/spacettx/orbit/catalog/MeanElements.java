package org.spacettx.orbit.catalog;

import java.time.Instant;

import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * A hypothetical object defined by SGP4 mean elements, for scenarios that need an object no catalog holds (a
 * satellite not yet launched, a fictional adversary platform). Angles in degrees; give either the mean motion
 * (rev/day, as in a TLE) or the mean altitude, not both.
 *
 * <p>The mean altitude is the geocentric radius averaged over one revolution, less the WGS-72 equatorial radius
 * SGP4 uses (6378.135 km). It is turned into a mean motion in two steps: the SGP4 (Brouwer) mean semi-major axis
 * whose orbit-averaged radius, with SGP4's short-period J2 term, is that radius (for a sun-synchronous orbit the
 * average radius exceeds the mean axis by about 4.5 km); then the Kozai mean motion of a TLE from which SGP4
 * recovers that axis. Kepler's law alone would put a LEO object several km off.
 */
public record MeanElements(int noradId, String name, Instant epoch, double inclinationDeg, double raanDeg,
                           double eccentricity, double argPerigeeDeg, double meanAnomalyDeg,
                           Double meanMotionRevPerDay, Double altitudeKm, double bstar) {

    /** SGP4's (WGS-72) constants: equatorial radius km, sqrt(GM) in earth radii^1.5/min, J2/2. */
    static final double EARTH_RADIUS_KM = 6378.135;
    static final double XKE = 60.0 / Math.sqrt(EARTH_RADIUS_KM * EARTH_RADIUS_KM * EARTH_RADIUS_KM / 398600.8);
    static final double K2 = 0.5 * 0.001082616;

    /** The element set, checked; problems are reported as {@link InputException}s naming the element. */
    public ElementSet toElementSet(SourceLocation at) {
        check(at);
        double meanMotion = meanMotionRevPerDay != null ? meanMotionRevPerDay : meanMotionForAltitude();
        if (!(meanMotion > 0 && meanMotion < 20)) {
            throw new InputException(at, "mean motion", meanMotion + " rev/day is outside (0, 20)");
        }
        return new ElementSet(noradId, name, "", 'U', epoch, meanMotion, eccentricity, inclinationDeg,
                normalize(raanDeg), normalize(argPerigeeDeg), normalize(meanAnomalyDeg), bstar, 0.0, 0.0, 0, 999, 0,
                ObjectInfo.UNKNOWN, at);
    }

    private void check(SourceLocation at) {
        if (noradId < 0 || noradId > Alpha5.MAX) {
            throw new InputException(at, "catalog number", noradId + " is outside 0.." + Alpha5.MAX);
        }
        if (epoch == null) {
            throw new InputException(at, "epoch", "is missing");
        }
        if ((meanMotionRevPerDay == null) == (altitudeKm == null)) {
            throw new InputException(at, "mean motion / altitude", "give exactly one of the two");
        }
        if (!(inclinationDeg >= 0 && inclinationDeg <= 180)) {
            throw new InputException(at, "inclination", inclinationDeg + " degrees is outside 0..180");
        }
        if (!(eccentricity >= 0 && eccentricity < 1)) {
            throw new InputException(at, "eccentricity", eccentricity + " is outside [0, 1)");
        }
        for (double angle : new double[] {raanDeg, argPerigeeDeg, meanAnomalyDeg}) {
            if (!Double.isFinite(angle)) {
                throw new InputException(at, "angles", "must be finite numbers of degrees");
            }
        }
        if (altitudeKm != null) {
            double perigeeKm = (EARTH_RADIUS_KM + altitudeKm) * (1 - eccentricity) - EARTH_RADIUS_KM;
            if (!(perigeeKm > 100)) {
                throw new InputException(at, "altitude", String.format(java.util.Locale.ROOT,
                        "perigee would be %.0f km above the surface; it must be above 100 km", perigeeKm));
            }
        }
    }

    private double meanMotionForAltitude() {
        double target = meanAxisForAverageRadius((EARTH_RADIUS_KM + altitudeKm) / EARTH_RADIUS_KM);
        double n = XKE / Math.pow(target, 1.5); // rad/min, first guess from Kepler
        for (int i = 0; i < 50; i++) {
            double ratio = recoveredSemiMajorAxis(n) / target;
            n *= Math.pow(ratio, 1.5);
            if (Math.abs(ratio - 1) < 1e-15) {
                break;
            }
        }
        return n * 1440.0 / (2 * Math.PI);
    }

    /**
     * The mean semi-major axis a (earth radii) whose SGP4 radius averaged over mean anomaly is {@code radius}:
     * r averages a(1 + e²/2), times SGP4's short-period factor 1 − 1.5·k2·√(1−e²)·(3cos²i − 1)/p², p = a(1 − e²).
     */
    private double meanAxisForAverageRadius(double radius) {
        double cosI = Math.cos(Math.toRadians(inclinationDeg));
        double e2 = eccentricity * eccentricity;
        double a = radius;
        for (int i = 0; i < 50; i++) {
            double p = a * (1 - e2);
            double factor = (1 + e2 / 2) * (1 - 1.5 * K2 * Math.sqrt(1 - e2) * (3 * cosI * cosI - 1) / (p * p));
            a = radius / factor;
        }
        return a;
    }

    /** SGP4's recovered (Brouwer) mean semi-major axis, earth radii, for a Kozai mean motion in rad/min. */
    private double recoveredSemiMajorAxis(double kozaiMeanMotion) {
        double cosI = Math.cos(Math.toRadians(inclinationDeg));
        double a1 = Math.pow(XKE / kozaiMeanMotion, 2.0 / 3.0);
        double temp = 1.5 * K2 * (3 * cosI * cosI - 1) / Math.pow(1 - eccentricity * eccentricity, 1.5);
        double delta1 = temp / (a1 * a1);
        double a0 = a1 * (1 - delta1 * (1.0 / 3.0 + delta1 * (1 + 134.0 / 81.0 * delta1)));
        double delta0 = temp / (a0 * a0);
        return a0 / (1 - delta0);
    }

    private static double normalize(double degrees) {
        double d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d;
    }
}
