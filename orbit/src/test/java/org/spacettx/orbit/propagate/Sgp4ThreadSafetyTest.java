package org.spacettx.orbit.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;

/**
 * Orekit's TLE propagators are not thread-safe (shared between two threads they return thousands of wrong states
 * per run); {@link Sgp4} gives each thread its own. Four threads interleaving on the same objects must produce
 * exactly, bit for bit, the states of a single thread.
 */
class Sgp4ThreadSafetyTest {

    @Test
    void sharedObjectsGiveIdenticalStatesOnManyThreads() throws Exception {
        OrekitData data = OrekitData.standard();
        List<ElementSet> sets = CatalogReader.strict(data)
                .read(List.of(SharedData.path("catalog/celestrak-groups-2026-05-30/geo.tle"),
                        SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle"))).elementSets()
                .subList(0, 150);
        List<Sgp4> objects = sets.stream().map(e -> Sgp4.of(e, data)).toList();
        int steps = 200;
        double[][] expected = new double[objects.size()][steps];
        for (int i = 0; i < objects.size(); i++) {
            for (int k = 0; k < steps; k++) {
                expected[i][k] = signature(objects.get(i), k);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                results.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int k = 0; k < steps; k++) {
                        // Each thread walks the objects in a different order so that calls interleave.
                        for (int j = 0; j < objects.size(); j++) {
                            int i = (j * (offset + 1) + offset * 37) % objects.size();
                            if (signature(objects.get(i), (k + offset * 50) % steps) != expected[i][(k + offset * 50) % steps]) {
                                mismatches++;
                            }
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double signature(Sgp4 sgp4, int step) {
        try {
            CartesianState s = sgp4.temeAtMinutes(step * 7.0);
            GeodeticPosition g = sgp4.geodetic(sgp4.epochDate().shiftedBy(step * 420.0));
            return s.xKm() + 3 * s.yKm() + 7 * s.vzKmS() + g.latitudeDeg() + g.altitudeKm();
        } catch (PropagationException e) {
            return -1;
        }
    }
}
