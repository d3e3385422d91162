package org.spacettx.app.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleBiFunction;

import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.propagate.BatchSgp4;
import org.spacettx.orbit.propagate.PropagationException;
import org.spacettx.orbit.propagate.Sgp4;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx bench propagate}: throughput of the propagation paths, as ratios to a baseline run alongside. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print throughput and ratios to a baseline measured in the same run.",
        subcommands = {BenchCommand.Propagate.class, ScreenBench.class, WarningBench.class, ServerBench.class, CrashBench.class, FailoverBench.class, FuzzBench.class})
public final class BenchCommand {

    @Command(name = "propagate", mixinStandardHelpOptions = true, description = "Propagations per second for a catalog over a span at a fixed step: plain Orekit SGP4 (the baseline), "
            + "SpaceTTX's checked SGP4 in TEME and in geodetic coordinates, and the batch kernel in TEME (one time a "
            + "call, and 31 times a call as screening calls it), single-threaded and on N threads.")
    static final class Propagate implements Callable<Integer> {
        @Mixin
        ObjectOptions objects;
        @Option(names = "--hours", defaultValue = "24", description = "Span in hours from the catalog's latest epoch (default ${DEFAULT-VALUE}).")
        double hours;
        @Option(names = "--step", defaultValue = "60", description = "Step in seconds (default ${DEFAULT-VALUE}).")
        double stepSeconds;
        @Option(names = "--limit", defaultValue = "0", description = "Use only the first N objects (0 = all).")
        int limit;
        @Option(names = "--threads", description = "Threads for the multi-threaded runs (default: available processors).")
        Integer threads;
        @Option(names = "--min-seconds", defaultValue = "5", description = "Each case repeats the whole span until it has run this long (default ${DEFAULT-VALUE}); the rate is "
                + "over all its runs, with the slowest and fastest run beside it (a shared machine's noise shows there).")
        double minSeconds;
        @Mixin
        FormatOption format;

        /** Grid dates a batch call of the blocked case covers: 31, as screening's chunks. */
        private static final int BLOCK = 31;

        /**
         * A range of objects at grid dates [stepFrom, stepTo) (by index): returns a number so that the JIT cannot
         * drop the computation, and counts failed propagations into {@code failed[0]}.
         */
        private interface RangeWork {
            double apply(int from, int to, int stepFrom, int stepTo, long[] failed);
        }

        private record Case(String name, int threads, RangeWork work) {
        }

        /** One object at a time through a per-object function, time-major; a propagation that throws counts as failed. */
        private static RangeWork perObject(ToDoubleBiFunction<Integer, AbsoluteDate> work, List<AbsoluteDate> dates) {
            return (from, to, stepFrom, stepTo, failed) -> {
                double sink = 0;
                for (int k = stepFrom; k < stepTo; k++) {
                    AbsoluteDate d = dates.get(k);
                    for (int i = from; i < to; i++) {
                        try {
                            sink += work.applyAsDouble(i, d);
                        } catch (RuntimeException e) {
                            failed[0]++;
                        }
                    }
                }
                return sink;
            };
        }

        /**
         * The batch kernel over the range, {@code perCall} grid dates a call (1: every object at one date, then the
         * next; more: each chunk of objects at all of them while its coefficients are in cache); the state arrays
         * are shared, each thread writing its own objects.
         */
        private static RangeWork batch(BatchSgp4 kernel, double[] minutes, int perCall) {
            BatchSgp4.States[] states = new BatchSgp4.States[perCall];
            for (int k = 0; k < perCall; k++) {
                states[k] = new BatchSgp4.States(kernel.size());
            }
            return (from, to, stepFrom, stepTo, failed) -> {
                double sink = 0;
                for (int k = stepFrom; k < stepTo; k += perCall) {
                    double[] times = java.util.Arrays.copyOfRange(minutes, k, Math.min(stepTo, k + perCall));
                    kernel.propagate(times, from, to, states);
                    for (int t = 0; t < times.length; t++) {
                        BatchSgp4.States s = states[t];
                        for (int i = from; i < to; i++) {
                            if (s.status[i] == BatchSgp4.OK) {
                                sink += s.x[i];
                            } else {
                                failed[0]++;
                            }
                        }
                    }
                }
                return sink;
            };
        }

        @Override
        public Integer call() throws Exception {
            if (!(hours > 0) || !(stepSeconds > 0)) {
                throw new InputException(null, "--hours/--step", "must be positive");
            }
            CatalogOptions.Loaded loaded = objects.loaded();
            OrekitData data = loaded.data();
            List<ElementSet> all = objects.selected();
            if (limit > 0 && limit < all.size()) {
                all = all.subList(0, limit);
            }
            List<Sgp4> objects = new ArrayList<>();
            List<TLE> tles = new ArrayList<>();
            List<ElementSet> kept = new ArrayList<>();
            for (ElementSet e : all) {
                try {
                    objects.add(Sgp4.of(e, data));
                    tles.add(OrekitTle.toTle(e, data.utc()));
                    kept.add(e);
                } catch (PropagationException ex) {
                    System.err.println("spacettx: left out " + ex.getMessage());
                }
            }
            BatchSgp4 kernel = BatchSgp4.of(kept, data);
            Instant start = loaded.catalog().latestEpoch().orElseThrow(() -> new InputException(null, "--tle", "empty catalog"));
            AbsoluteDate t0 = objects.get(0).toDate(start);
            int steps = (int) Math.floor(hours * 3600 / stepSeconds) + 1;
            List<AbsoluteDate> dates = new ArrayList<>(steps);
            for (int i = 0; i < steps; i++) {
                dates.add(t0.shiftedBy(i * stepSeconds));
            }
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            ThreadLocal<List<TLEPropagator>> plain = ThreadLocal.withInitial(() -> {
                List<TLEPropagator> list = new ArrayList<>(tles.size());
                for (TLE tle : tles) {
                    list.add(TLEPropagator.selectExtrapolator(tle, data.teme()));
                }
                return list;
            });
            RangeWork orekit = perObject((i, d) -> plain.get().get(i).getPVCoordinates(d).getPosition().getX(), dates);
            RangeWork teme = perObject((i, d) -> objects.get(i).teme(d).xKm(), dates);
            RangeWork geodetic = perObject((i, d) -> objects.get(i).geodetic(d).latitudeDeg(), dates);
            double[] minutes = new double[steps];
            for (int i = 0; i < steps; i++) {
                minutes[i] = kernel.minutesAt(start) + i * stepSeconds / 60.0;
            }
            RangeWork fast = batch(kernel, minutes, 1);
            RangeWork blocked = batch(kernel, minutes, BLOCK);
            List<Case> cases = List.of(new Case("orekit-sgp4 (baseline)", 1, orekit), new Case("spacettx-teme", 1, teme),
                    new Case("spacettx-geodetic", 1, geodetic), new Case("spacettx-batch-teme", 1, fast),
                    new Case("spacettx-batch-block", 1, blocked),
                    new Case("orekit-sgp4", n, orekit), new Case("spacettx-teme", n, teme),
                    new Case("spacettx-geodetic", n, geodetic), new Case("spacettx-batch-teme", n, fast),
                    new Case("spacettx-batch-block", n, blocked));

            System.err.printf("spacettx: %d objects x %d steps = %d propagations per case; warming up%n",
                    objects.size(), steps, (long) objects.size() * steps);
            // every case warms up for 2 s at least (and 240 steps), so that the JIT has compiled what it measures:
            // the batch kernel's nine phases take longer to reach C2 than the per-object loops
            int warmSteps = Math.max(1, Math.min(steps, 240));
            for (Case c : cases) {
                long warmStart = System.nanoTime();
                do {
                    run(c, objects.size(), warmSteps);
                } while (System.nanoTime() - warmStart < 2_000_000_000L);
            }
            double baseline = 0;
            try (RowWriter out = new RowWriter(List.of(Column.text("case", 24), Column.text("threads", 7),
                    Column.number("runs", 4, 0), Column.number("propagations", 13, 0), Column.number("seconds", 9, 3),
                    Column.number("per_second", 12, 0), Column.number("slowest_run", 12, 0),
                    Column.number("fastest_run", 12, 0), Column.number("ratio_to_baseline", 17, 2)), format.format, System.out)) {
                for (Case c : cases) {
                    long done = 0;
                    long failed = 0;
                    int runs = 0;
                    double seconds = 0;
                    double slowest = Double.POSITIVE_INFINITY;
                    double fastest = 0;
                    do {
                        long begin = System.nanoTime();
                        long[] counts = run(c, objects.size(), steps);
                        double s = (System.nanoTime() - begin) / 1e9;
                        seconds += s;
                        done += counts[0];
                        failed += counts[1];
                        runs++;
                        slowest = Math.min(slowest, counts[0] / s);
                        fastest = Math.max(fastest, counts[0] / s);
                    } while (seconds < minSeconds);
                    double rate = done / seconds;
                    if (baseline == 0) {
                        baseline = rate;
                    }
                    out.row(c.name(), c.threads(), (double) runs, (double) done, seconds, rate, slowest, fastest, rate / baseline);
                    if (failed > 0) {
                        System.err.printf("spacettx: %s: %d propagations failed (decayed objects)%n", c.name(), failed / runs);
                    }
                }
            }
            return 0;
        }

        /** Runs a case time-major (all objects at one date, then the next) on its threads; returns {done, failed}. */
        private static long[] run(Case c, int objectCount, int steps) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(c.threads());
            try {
                List<Future<long[]>> parts = new ArrayList<>();
                for (int k = 0; k < c.threads(); k++) {
                    int from = (int) ((long) objectCount * k / c.threads());
                    int to = (int) ((long) objectCount * (k + 1) / c.threads());
                    parts.add(pool.submit(() -> {
                        long[] failed = new long[1];
                        double sink = 0;
                        for (int step = 0; step < steps; step += BLOCK) {
                            sink += c.work().apply(from, to, step, Math.min(steps, step + BLOCK), failed);
                        }
                        return new long[] {(long) (to - from) * steps, failed[0], Double.isNaN(sink) ? 1 : 0};
                    }));
                }
                long[] total = new long[2];
                for (Future<long[]> part : parts) {
                    long[] r = part.get();
                    total[0] += r[0];
                    total[1] += r[1];
                }
                return total;
            } finally {
                pool.shutdown();
            }
        }
    }
}
