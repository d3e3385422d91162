package org.spacettx.orbit.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.spacettx.orbit.parallel.Parallel;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

/**
 * A reconnaissance-satellite advance notice schedule: for each friendly site or area, when it is observable by any
 * of a set of adversary imaging satellites under their sensor model (and by which), and the safe windows between.
 */
public final class WarningSchedule {

    private WarningSchedule() {
    }

    /**
     * Computes the schedule; targets are spread over {@code threads} threads. The ephemerides must cover the span.
     *
     * @param sensorFor the sensor model of each object (by catalog number)
     */
    public static List<Coverage> compute(Ephemerides sky, List<Target> targets, IntFunction<Sensor> sensorFor,
                                         int threads) {
        Instant start = sky.start();
        Instant end = sky.instantAt(sky.endSeconds());
        return Parallel.map(targets, threads, target -> {
            List<Window> windows = new ArrayList<>();
            for (Ephemeris object : sky.objects()) {
                windows.addAll(OverflightFinder.find(sky, object, target, sensorFor.apply(object.noradId())));
            }
            return Coverage.of(target.name(), start, end, windows);
        });
    }
}
