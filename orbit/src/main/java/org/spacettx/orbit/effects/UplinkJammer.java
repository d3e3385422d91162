package org.spacettx.orbit.effects;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import org.spacettx.orbit.access.OverflightFinder;
import org.spacettx.orbit.access.Sensor;
import org.spacettx.orbit.access.Target;
import org.spacettx.orbit.access.Topocentric;
import org.spacettx.orbit.access.Window;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

/**
 * A ground jammer against a satellite's receiver (its uplink), as geometry from a stated link budget. The satellite
 * hears the jammer while the jammer's site is inside its receive beam, a cone about its nadir of half-angle
 * {@code beamHalfAngleDeg}, and it is above {@code minElevationDeg} as seen from the site; the windows are the
 * overflight windows of that beam over the site ({@link OverflightFinder}, to a millisecond). In a window the jamming
 * power at the satellite's receiver is {@code J = EIRP - FSPL(range) + G_rx} (dBW; free-space loss as for
 * {@link GroundJammer}), strongest at the closest range; against the wanted uplink's power at the receiver, J/S. No
 * atmosphere, the jammer's antenna pointed at the satellite, the beam's gain flat across it.
 */
public record UplinkJammer(double eirpDbw, double frequencyMhz, double beamHalfAngleDeg, double minElevationDeg) {

    public UplinkJammer {
        if (!Double.isFinite(eirpDbw) || !(frequencyMhz > 0)) {
            throw new IllegalArgumentException("a jammer needs a finite EIRP and a positive frequency");
        }
        if (!(beamHalfAngleDeg > 0 && beamHalfAngleDeg < 90)) {
            throw new IllegalArgumentException("the beam's half-angle " + beamHalfAngleDeg + " is outside (0, 90) degrees");
        }
        if (!(minElevationDeg >= 0 && minElevationDeg < 90)) {
            throw new IllegalArgumentException("the minimum elevation " + minElevationDeg + " is outside [0, 90) degrees");
        }
    }

    /** One window: when the satellite hears the jammer, when it is closest, how close, and the jamming then (dBW). */
    public record Exposure(Window window, Instant closest, double closestRangeKm, double peakJammingDbw) {
        /** The jamming over the wanted signal at the receiver at the closest point, dB. */
        public double peakJammingToSignalDb(double signalDbw) {
            return peakJammingDbw - signalDbw;
        }
    }

    /** The beam as a sensor model: off-nadir within the half-angle, above the minimum elevation, no sunlight needed. */
    public Sensor beam() {
        return new Sensor("radar", beamHalfAngleDeg, minElevationDeg, Double.NaN);
    }

    /** Free-space path loss at a distance (km), dB. */
    public double pathLossDb(double distanceKm) {
        return GroundJammer.pathLossDb(distanceKm, frequencyMhz);
    }

    /**
     * Every window in the sampled span when {@code satellite} hears a jammer at {@code site}, with the closest range
     * in it (the range's minimum on the ephemeris's interpolation) and the jamming then.
     */
    public List<Exposure> exposures(Ephemerides sky, Ephemeris satellite, Site site, double receiverGainDbi) {
        Topocentric ground = new Topocentric(site);
        List<Exposure> out = new ArrayList<>();
        double[] p = new double[3];
        double[] v = new double[3];
        for (Window w : OverflightFinder.find(sky, satellite, Target.of(site), beam())) {
            // the range over a pass has one minimum (Brent's search, Hipparchus, to a millisecond)
            UnivariatePointValuePair closest = new BrentOptimizer(1e-10, 1e-3).optimize(new MaxEval(500),
                    new UnivariateObjectiveFunction(t -> range(satellite, ground, t, p, v)), GoalType.MINIMIZE,
                    new SearchInterval(seconds(sky, w.start()), seconds(sky, w.end())));
            double t = closest.getPoint();
            double closestKm = closest.getValue();
            out.add(new Exposure(w, sky.instantAt(t), closestKm, eirpDbw - pathLossDb(closestKm) + receiverGainDbi));
        }
        return out;
    }

    private static double seconds(Ephemerides sky, Instant time) {
        return Duration.between(sky.start(), time).toNanos() / 1e9;
    }

    private static double range(Ephemeris satellite, Topocentric ground, double t, double[] p, double[] v) {
        satellite.stateAt(Math.max(0, Math.min(satellite.endSeconds(), t)), p, v);
        return ground.rangeKm(p);
    }
}
