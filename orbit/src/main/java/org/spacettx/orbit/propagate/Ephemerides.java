package org.spacettx.orbit.propagate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.bodies.AnalyticalSolarPositionProvider;
import org.orekit.frames.Transform;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.parallel.Parallel;
import org.spacettx.orbit.parallel.WorkLimit;

/**
 * Earth-fixed ephemerides of many objects on one time grid, and the Sun's direction on the same grid. The frame
 * transform and the Sun are computed once per grid point and shared by all objects; objects are spread over
 * threads.
 */
public final class Ephemerides {

    /** Grid points between exact frame transforms and Sun positions. */
    static final int EXACT_EVERY = 10;

    /** Grid points between checks of the work's limit ({@link WorkLimit}). */
    private static final int CHECK_EVERY = 4096;

    private final Instant start;
    private final double step;
    private final int gridCount;
    private final List<Ephemeris> objects;
    private final double[] sun;

    private Ephemerides(Instant start, double step, int gridCount, List<Ephemeris> objects, double[] sun) {
        this.start = start;
        this.step = step;
        this.gridCount = gridCount;
        this.objects = List.copyOf(objects);
        this.sun = sun;
    }

    /**
     * Samples the objects from {@code start} to at least {@code end} every {@code step}.
     *
     * @param threads worker threads (1 = the calling thread only)
     */
    public static Ephemerides sample(List<Sgp4> objects, Instant start, Instant end, Duration step, int threads,
                                     OrekitData data) {
        if (!step.isPositive()) {
            throw new IllegalArgumentException("step must be positive");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end is before start");
        }
        double stepSeconds = step.toNanos() / 1e9;
        int count = (int) Math.ceil(Duration.between(start, end).toNanos() / 1e9 / stepSeconds - 1e-9) + 1;
        count = Math.max(count, 2);
        AbsoluteDate t0 = OrekitTle.toDate(start, data.utc());
        AbsoluteDate[] dates = new AbsoluteDate[count];
        EarthRotation[] transforms = new EarthRotation[count];
        double[] sun = new double[3 * count];
        AnalyticalSolarPositionProvider sunModel = new AnalyticalSolarPositionProvider(data.context());
        // Exact transforms and Sun every EXACT_EVERY grid points; in between, the Earth's rotation about its axis
        // carries the transform forward and the Sun's inertial direction is interpolated (both good to 1e-9 rad).
        EarthRotation exact = null;
        Vector3D sunBefore = null;
        Vector3D sunAfter = null;
        for (int k = 0; k < count; k++) {
            if (k % CHECK_EVERY == 0) {
                WorkLimit.checkpoint();
            }
            dates[k] = t0.shiftedBy(k * stepSeconds);
            int offset = k % EXACT_EVERY;
            if (offset == 0) {
                exact = new EarthRotation(data.teme().getTransformTo(data.itrf(), dates[k]));
                sunBefore = sunModel.getPosition(dates[k], data.teme());
                sunAfter = sunModel.getPosition(dates[k].shiftedBy(EXACT_EVERY * stepSeconds), data.teme());
            }
            transforms[k] = offset == 0 ? exact : exact.advancedBy(offset * stepSeconds);
            double f = (double) offset / EXACT_EVERY;
            Vector3D s = transforms[k].rotate(new Vector3D(1 - f, sunBefore, f, sunAfter)).normalize();
            sun[3 * k] = s.getX();
            sun[3 * k + 1] = s.getY();
            sun[3 * k + 2] = s.getZ();
        }
        List<Ephemeris> result = Parallel.map(objects, threads, object -> sampleOne(object, dates, transforms, stepSeconds));
        return new Ephemerides(start, stepSeconds, count, result, sun);
    }

    /**
     * The TEME→ITRF transform of one date as a plain rotation matrix and rotation rate: applying it by hand costs a
     * few dozen multiplications, several times less than Orekit's general {@code Transform}, and gives the same
     * numbers (tested), since this transform has no translation.
     */
    static final class EarthRotation {
        private final double[][] m;
        private final double wx;
        private final double wy;
        private final double wz;

        EarthRotation(Transform t) {
            this(t.getRotation().getMatrix(), t.getRotationRate());
        }

        private EarthRotation(double[][] m, Vector3D w) {
            this.m = m;
            this.wx = w.getX();
            this.wy = w.getY();
            this.wz = w.getZ();
        }

        /**
         * This transform {@code seconds} later: a vector fixed in TEME turns by −ω·seconds about the Earth's axis in
         * ITRF. Precession and nutation change by under 1e-9 rad in ten minutes, so they are left as they are.
         */
        EarthRotation advancedBy(double seconds) {
            double angle = -wz * seconds;
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            double[][] n = new double[3][3];
            for (int j = 0; j < 3; j++) {
                n[0][j] = c * m[0][j] - s * m[1][j];
                n[1][j] = s * m[0][j] + c * m[1][j];
                n[2][j] = m[2][j];
            }
            Vector3D w = new Vector3D(c * wx - s * wy, s * wx + c * wy, wz);
            return new EarthRotation(n, w);
        }

        Vector3D rotate(Vector3D v) {
            return new Vector3D(m[0][0] * v.getX() + m[0][1] * v.getY() + m[0][2] * v.getZ(),
                    m[1][0] * v.getX() + m[1][1] * v.getY() + m[1][2] * v.getZ(),
                    m[2][0] * v.getX() + m[2][1] * v.getY() + m[2][2] * v.getZ());
        }

        /** Writes position (m) and velocity (m/s) in ITRF into {@code out[offset..offset+5]}. */
        void apply(PVCoordinates teme, double[] out, int offset) {
            Vector3D p = teme.getPosition();
            Vector3D v = teme.getVelocity();
            double px = m[0][0] * p.getX() + m[0][1] * p.getY() + m[0][2] * p.getZ();
            double py = m[1][0] * p.getX() + m[1][1] * p.getY() + m[1][2] * p.getZ();
            double pz = m[2][0] * p.getX() + m[2][1] * p.getY() + m[2][2] * p.getZ();
            double vx = m[0][0] * v.getX() + m[0][1] * v.getY() + m[0][2] * v.getZ();
            double vy = m[1][0] * v.getX() + m[1][1] * v.getY() + m[1][2] * v.getZ();
            double vz = m[2][0] * v.getX() + m[2][1] * v.getY() + m[2][2] * v.getZ();
            out[offset] = px;
            out[offset + 1] = py;
            out[offset + 2] = pz;
            out[offset + 3] = vx - (wy * pz - wz * py);
            out[offset + 4] = vy - (wz * px - wx * pz);
            out[offset + 5] = vz - (wx * py - wy * px);
        }
    }

    private static Ephemeris sampleOne(Sgp4 object, AbsoluteDate[] dates, EarthRotation[] transforms, double step) {
        double[] samples = new double[6 * dates.length];
        int valid = 0;
        PropagationException stop = null;
        for (int k = 0; k < dates.length; k++) {
            if (k % CHECK_EVERY == 0) {
                WorkLimit.checkpoint();
            }
            PVCoordinates teme;
            try {
                teme = object.pvTeme(dates[k]);
            } catch (PropagationException e) {
                stop = e;
                break;
            }
            transforms[k].apply(teme, samples, 6 * k);
            valid++;
        }
        return new Ephemeris(object.elements(), step, samples, valid, stop);
    }

    public Instant start() {
        return start;
    }

    /** Grid step, seconds. */
    public double step() {
        return step;
    }

    /** Number of grid points. */
    public int gridCount() {
        return gridCount;
    }

    /** Last grid time, seconds since the start. */
    public double endSeconds() {
        return (gridCount - 1) * step;
    }

    public List<Ephemeris> objects() {
        return objects;
    }

    /** The instant {@code seconds} after the start, to the nanosecond. */
    public Instant instantAt(double seconds) {
        return start.plusNanos(Math.round(seconds * 1e9));
    }

    /** Unit vector towards the Sun in ITRF at {@code t} seconds (linear interpolation, renormalised). */
    public void sunDirection(double t, double[] out) {
        int k = Math.max(0, Math.min(gridCount - 2, (int) Math.floor(t / step)));
        double f = (t - k * step) / step;
        double norm = 0;
        for (int j = 0; j < 3; j++) {
            out[j] = sun[3 * k + j] * (1 - f) + sun[3 * (k + 1) + j] * f;
            norm += out[j] * out[j];
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < 3; j++) {
            out[j] /= norm;
        }
    }
}
