package org.spacettx.spark;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.conjunction.Screening;
import org.spacettx.orbit.data.OrekitData;

/**
 * Where the Spark path pays off, measured in one run ({@code ./spacettx bench spark}): the single-process screening
 * (the baseline, all cores), then the same screening on Spark ({@code --master}, default local[2]) in several task
 * counts, each repeated; every task's own time and chunk count, from which a task's fixed cost (the kernel and the
 * screening set up for the whole catalog) and its cost per chunk are fitted (least squares); from those, the time on N
 * executors of one core each, {@code job overhead + waves × task time}, against the baseline: the break-even.
 */
public final class SparkBench {

    private SparkBench() {
    }

    /** One task's measure: the chunks it screened and its time in the executor. */
    record TaskTime(int chunks, double seconds) implements java.io.Serializable {
    }

    public static void main(String[] args) {
        String tle = null;
        double hours = 24;
        double thresholdKm = 10;
        int repeats = 3;
        String master = "local[2]";
        int[] taskCounts = {2, 4, 8, 16};
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--tle" -> tle = args[++k];
                case "--hours" -> hours = Double.parseDouble(args[++k]);
                case "--threshold-km" -> thresholdKm = Double.parseDouble(args[++k]);
                case "--repeats" -> repeats = Integer.parseInt(args[++k]);
                case "--master" -> master = args[++k];
                case "--tasks" -> taskCounts = Arrays.stream(args[++k].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> {
                    System.err.println("spacettx bench spark: unknown option " + args[k]
                            + " (--tle FILE --hours H --threshold-km D --repeats R --master URL --tasks 2,4,8,16)");
                    System.exit(2);
                }
            }
        }
        if (tle == null) {
            System.err.println("spacettx bench spark: --tle FILE is needed");
            System.exit(2);
        }
        OrekitData data = OrekitData.standard();
        Catalog catalog = Catalog.of(CatalogReader.strict(data).read(List.of(Path.of(tle))).elementSets());
        List<ElementSet> objects = catalog.all();
        Instant start = catalog.latestEpoch().orElseThrow();
        int cores = Runtime.getRuntime().availableProcessors();
        Screening.Request request = new Screening.Request(start, start.plusSeconds(Math.round(hours * 3600)), thresholdKm, Set.of(), 60,
                cores, Screening.Propagator.FAST, null);
        Screening.Request oneThread = new Screening.Request(request.from(), request.to(), thresholdKm, Set.of(), 60, 1,
                Screening.Propagator.FAST, null);
        int chunks = Screening.chunkCount(request);
        System.out.printf(Locale.ROOT, "%d objects, %.0f h at %.0f km: %d chunks of 30 intervals; %d cores; batch kernel on %s%n",
                objects.size(), hours, thresholdKm, chunks, cores,
                org.spacettx.orbit.propagate.BatchSgp4.simd() ? "SIMD lanes" : "the scalar path (no jdk.incubator.vector)");

        Screening.run(objects, request, data, null); // warm-up
        double[] baseline = new double[repeats];
        int approaches = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            approaches = Screening.run(objects, request, data, null).conjunctions().size();
            baseline[r] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.printf(Locale.ROOT, "single process, %d threads: %s s (%d approaches)%n", cores, spread(baseline), approaches);

        JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster(master).setAppName("spacettx bench spark")
                .set("spark.ui.enabled", "false"));
        try {
            Broadcast<List<ElementSet>> shared = spark.broadcast(List.copyOf(objects));
            List<TaskTime> all = new ArrayList<>();
            List<Double> overheads = new ArrayList<>();
            runTasks(spark, shared, oneThread, 2); // warm-up: executors load the kernel's classes
            for (int tasks : taskCounts) {
                double[] wall = new double[repeats];
                double[] slowest = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    long t0 = System.nanoTime();
                    List<TaskTime> times = runTasks(spark, shared, oneThread, tasks);
                    wall[r] = (System.nanoTime() - t0) / 1e9;
                    slowest[r] = times.stream().mapToDouble(TaskTime::seconds).max().orElse(0);
                    all.addAll(times);
                    if (tasks <= cores) { // one wave: the job's wall time less its slowest task is what Spark itself costs
                        overheads.add(wall[r] - slowest[r]);
                    }
                }
                System.out.printf(Locale.ROOT, "spark %s, %d tasks: %s s (%.2fx the single process); slowest task %s s%n", master, tasks,
                        spread(wall), median(wall) / median(baseline), spread(slowest));
            }
            // a task's time = fixed + per chunk × chunks, fitted over every task measured
            double n = all.size();
            double sx = all.stream().mapToDouble(TaskTime::chunks).sum();
            double sy = all.stream().mapToDouble(TaskTime::seconds).sum();
            double sxx = all.stream().mapToDouble(t -> (double) t.chunks() * t.chunks()).sum();
            double sxy = all.stream().mapToDouble(t -> t.chunks() * t.seconds()).sum();
            double perChunk = (n * sxy - sx * sy) / (n * sxx - sx * sx);
            double fixed = (sy - perChunk * sx) / n;
            double overhead = overheads.isEmpty() ? Double.NaN : median(overheads.stream().mapToDouble(Double::doubleValue).toArray());
            System.out.printf(Locale.ROOT, "a task (one core): %.3f s fixed + %.4f s a chunk (fitted over %d tasks); a job's own cost"
                    + " (its wall time less its slowest task, jobs of one wave): %.3f s (median of %d)%n", fixed, perChunk, all.size(), overhead, overheads.size());
            double oneCore = fixed + perChunk * chunks;
            System.out.printf(Locale.ROOT, "model, N executors of one core, one task each: %.3f s + %.3f s + %.4f s x ceil(%d / N)%n",
                    overhead, fixed, perChunk, chunks);
            Integer breakEven = null;
            for (int executors : new int[] {1, 2, 4, 8, 16, 32, 64, 128}) {
                double modelled = overhead + fixed + perChunk * Math.ceil((double) chunks / executors);
                System.out.printf(Locale.ROOT, "  N = %3d: %.2f s (%.2fx the single process on %d cores)%n", executors, modelled,
                        modelled / median(baseline), cores);
                if (breakEven == null && modelled < median(baseline)) {
                    breakEven = executors;
                }
            }
            System.out.printf(Locale.ROOT, "one core alone: %.2f s; break-even against this machine's %d cores: %s%n", oneCore, cores,
                    breakEven == null ? "beyond 128 executors" : breakEven + " executors (the session's start, about 5 s, not counted)");
        } finally {
            spark.stop();
        }
    }

    private static List<TaskTime> runTasks(JavaSparkContext spark, Broadcast<List<ElementSet>> objects, Screening.Request request, int tasks) {
        List<int[]> ranges = SparkScreening.ranges(Screening.chunkCount(request), tasks);
        return spark.parallelize(ranges, ranges.size()).map(range -> {
            long t0 = System.nanoTime();
            Screening.runChunks(objects.value(), request, OrekitData.standard(), range[0], range[1]);
            return new TaskTime(range[1] - range[0], (System.nanoTime() - t0) / 1e9);
        }).collect();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The median and the range of repeated measures: "median (min–max)". */
    private static String spread(double[] values) {
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", median(values), Arrays.stream(values).min().orElse(0),
                Arrays.stream(values).max().orElse(0));
    }
}
