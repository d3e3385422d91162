package org.spacettx.orbit.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

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
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, targets.size())));
        try {
            List<Future<Coverage>> futures = new ArrayList<>();
            for (Target target : targets) {
                futures.add(pool.submit(() -> {
                    List<Window> windows = new ArrayList<>();
                    for (Ephemeris object : sky.objects()) {
                        windows.addAll(OverflightFinder.find(sky, object, target, sensorFor.apply(object.noradId())));
                    }
                    return Coverage.of(target.name(), start, end, windows);
                }));
            }
            List<Coverage> result = new ArrayList<>(targets.size());
            for (Future<Coverage> f : futures) {
                result.add(f.get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
