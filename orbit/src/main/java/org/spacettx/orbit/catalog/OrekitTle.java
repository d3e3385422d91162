package org.spacettx.orbit.catalog;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.hipparchus.util.FastMath;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.DateComponents;
import org.orekit.time.TimeComponents;
import org.orekit.time.TimeOffset;
import org.orekit.time.TimeScale;
import org.spacettx.orbit.input.SourceLocation;

/**
 * Conversion between {@link ElementSet} (TLE units) and Orekit's {@link TLE} (SI units), with the same unit factors
 * Orekit applies when it parses TLE text, so that both paths give the same propagation.
 */
public final class OrekitTle {

    private static final double REV_PER_DAY = 2 * FastMath.PI / 86_400.0;
    /** Orekit keeps n-dot itself in rad/s²; the TLE field holds n-dot / 2 in rev/day². */
    private static final double NDOT = FastMath.PI / 1.86624e9;
    /** Orekit keeps n-ddot itself in rad/s³; the TLE field holds n-ddot / 6 in rev/day³. */
    private static final double NDDOT = FastMath.PI / 5.3747712e13;

    private OrekitTle() {
    }

    public static TLE toTle(ElementSet e, TimeScale utc) {
        int launchYear = 0;
        int launchNumber = 0;
        String piece = "";
        if (e.cosparId().length() >= 8) {
            launchYear = Integer.parseInt(e.cosparId().substring(0, 4));
            launchNumber = Integer.parseInt(e.cosparId().substring(5, 8));
            piece = e.cosparId().substring(8);
        }
        return new TLE(e.noradId(), e.classification(), launchYear, launchNumber, piece, e.ephemerisType(),
                e.elementSetNumber(), toDate(e.epoch(), utc), e.meanMotion() * REV_PER_DAY, e.meanMotionDot() * NDOT,
                e.meanMotionDdot() * NDDOT, e.eccentricity(), FastMath.toRadians(e.inclinationDeg()),
                FastMath.toRadians(e.argPerigeeDeg()), FastMath.toRadians(e.raanDeg()),
                FastMath.toRadians(e.meanAnomalyDeg()), e.revolutionNumber(), e.bstar(), utc);
    }

    public static ElementSet fromTle(TLE tle, String name, ObjectInfo info, SourceLocation source) {
        String cospar = tle.getLaunchYear() > 0 || tle.getLaunchNumber() > 0
                ? String.format("%04d-%03d%s", tle.getLaunchYear(), tle.getLaunchNumber(), tle.getLaunchPiece().strip())
                : "";
        return new ElementSet(tle.getSatelliteNumber(), name, cospar, tle.getClassification(),
                toInstant(tle.getDate(), tle.getUtc()), tle.getMeanMotion() / REV_PER_DAY,
                tle.getE(), FastMath.toDegrees(tle.getI()), normalizeDegrees(FastMath.toDegrees(tle.getRaan())),
                normalizeDegrees(FastMath.toDegrees(tle.getPerigeeArgument())),
                normalizeDegrees(FastMath.toDegrees(tle.getMeanAnomaly())), tle.getBStar(),
                tle.getMeanMotionFirstDerivative() / NDOT, tle.getMeanMotionSecondDerivative() / NDDOT,
                tle.getEphemerisType(), tle.getElementNumber(), tle.getRevolutionNumberAtEpoch(), info, source);
    }

    public static AbsoluteDate toDate(Instant instant, TimeScale utc) {
        // As Orekit's AbsoluteDate(Instant, TimeScale), but with floor division so that instants before 1970 work.
        long day = Math.floorDiv(instant.getEpochSecond(), 86_400L);
        long secondOfDay = Math.floorMod(instant.getEpochSecond(), 86_400L);
        return new AbsoluteDate(new DateComponents(DateComponents.JAVA_EPOCH, (int) day),
                new TimeComponents(TimeOffset.SECOND.multiply(secondOfDay)
                        .add(new TimeOffset(instant.getNano(), TimeUnit.NANOSECONDS))), utc);
    }

    /**
     * The UTC instant of a date, exact to the nanosecond: the TAI reading since 1970 less TAI−UTC at that date
     * (inside a leap second the instant repeats the last second of the day, as java.time has no 23:59:60).
     * Much cheaper than Orekit's own conversion, which goes through text.
     */
    public static Instant toInstant(AbsoluteDate date, TimeScale utc) {
        AbsoluteDate taiEpoch = TAI_1970.computeIfAbsent(utc, OrekitTle::taiEpoch1970);
        TimeOffset reading = date.accurateDurationFrom(taiEpoch).add(utc.offsetFromTAI(date));
        long nanos = (reading.getAttoSeconds() + 500_000_000L) / 1_000_000_000L;
        return Instant.ofEpochSecond(reading.getSeconds(), nanos);
    }

    private static final java.util.Map<TimeScale, AbsoluteDate> TAI_1970 = new java.util.concurrent.ConcurrentHashMap<>();

    /** 1970-01-01T00:00:00 read in TAI, found from the UTC scale's own offset at that date. */
    private static AbsoluteDate taiEpoch1970(TimeScale utc) {
        AbsoluteDate utcEpoch = new AbsoluteDate(1970, 1, 1, 0, 0, 0.0, utc);
        return utcEpoch.shiftedBy(utc.offsetFromTAI(utcEpoch));
    }

    private static double normalizeDegrees(double degrees) {
        double d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d;
    }
}
