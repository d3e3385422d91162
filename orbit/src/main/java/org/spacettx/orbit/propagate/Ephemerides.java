package org.spacettx.orbit.propagate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.bodies.AnalyticalSolarPositionProvider;
import org.orekit.frames.Transform;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;

/**
 * Earth-fixed ephemerides of many objects on one time grid, and the Sun's direction on the same grid. The frame
 * transform and the Sun are computed once per grid point and shared by all objects; objects are spread over
 * threads.
 */
public final class Ephemerides {

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
        Transform[] transforms = new Transform[count];
        double[] sun = new double[3 * count];
        AnalyticalSolarPositionProvider sunModel = new AnalyticalSolarPositionProvider(data.context());
        for (int k = 0; k < count; k++) {
            dates[k] = t0.shiftedBy(k * stepSeconds);
            transforms[k] = data.teme().getTransformTo(data.itrf(), dates[k]);
            Vector3D s = sunModel.getPosition(dates[k], data.itrf()).normalize();
            sun[3 * k] = s.getX();
            sun[3 * k + 1] = s.getY();
            sun[3 * k + 2] = s.getZ();
        }
        int workers = Math.max(1, Math.min(threads, objects.size()));
        List<Ephemeris> result = new ArrayList<>(objects.size());
        if (workers == 1) {
            for (Sgp4 object : objects) {
                result.add(sampleOne(object, dates, transforms, stepSeconds));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                List<Future<Ephemeris>> futures = new ArrayList<>();
                for (Sgp4 object : objects) {
                    futures.add(pool.submit(() -> sampleOne(object, dates, transforms, stepSeconds)));
                }
                for (Future<Ephemeris> f : futures) {
                    result.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sampling interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        return new Ephemerides(start, stepSeconds, count, result, sun);
    }

    private static Ephemeris sampleOne(Sgp4 object, AbsoluteDate[] dates, Transform[] transforms, double step) {
        double[] samples = new double[6 * dates.length];
        int valid = 0;
        PropagationException stop = null;
        for (int k = 0; k < dates.length; k++) {
            PVCoordinates teme;
            try {
                teme = object.pvTeme(dates[k]);
            } catch (PropagationException e) {
                stop = e;
                break;
            }
            PVCoordinates itrf = transforms[k].transformPVCoordinates(teme);
            int i = 6 * k;
            samples[i] = itrf.getPosition().getX();
            samples[i + 1] = itrf.getPosition().getY();
            samples[i + 2] = itrf.getPosition().getZ();
            samples[i + 3] = itrf.getVelocity().getX();
            samples[i + 4] = itrf.getVelocity().getY();
            samples[i + 5] = itrf.getVelocity().getZ();
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
