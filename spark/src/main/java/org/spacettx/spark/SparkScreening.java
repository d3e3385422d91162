package org.spacettx.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.conjunction.Conjunction;
import org.spacettx.orbit.conjunction.Screening;
import org.spacettx.orbit.data.OrekitData;

/**
 * Conjunction screening as a Spark job: the span's chunks of intervals ({@link Screening#chunkCount}) are shared out as
 * tasks, each screening the whole catalog (sent once to every executor) over its chunks with the batch kernel, on the
 * same grid as the single-machine path — so the approaches found are the same ones, to the last bit. Work is
 * partitioned by time block: every object is propagated in every task, and a task's cost is its chunks' propagation and
 * screening.
 */
public final class SparkScreening {

    private SparkScreening() {
    }

    /** What a run did: the approaches, in the single-machine path's order, and how the work was shared out. */
    public record Result(List<Conjunction> conjunctions, int chunks, int tasks, double seconds) {
    }

    /** {@code chunks} shared out in at most {@code tasks} contiguous ranges [from, to) of nearly equal length. */
    static List<int[]> ranges(int chunks, int tasks) {
        int n = Math.max(1, Math.min(tasks, chunks));
        List<int[]> ranges = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ranges.add(new int[] {(int) ((long) chunks * k / n), (int) ((long) chunks * (k + 1) / n)});
        }
        return ranges;
    }

    /**
     * Screens {@code catalog} as {@code request} asks on the cluster {@code spark} runs on, in {@code tasks} tasks (at most
     * one per chunk). Each task uses {@code request.threads()} threads of its executor.
     */
    public static Result run(JavaSparkContext spark, List<ElementSet> catalog, Screening.Request request, int tasks) {
        long begin = System.nanoTime();
        int chunks = Screening.chunkCount(request);
        List<int[]> ranges = ranges(chunks, tasks);
        int n = ranges.size();
        Broadcast<List<ElementSet>> objects = spark.broadcast(List.copyOf(catalog));
        try {
            List<Conjunction> found = new ArrayList<>(spark.parallelize(ranges, n)
                    .flatMap(range -> Screening.runChunks(objects.value(), request, OrekitData.standard(), range[0], range[1]).iterator())
                    .collect());
            found.sort(Comparator.comparing(Conjunction::tca).thenComparingInt(Conjunction::noradA).thenComparingInt(Conjunction::noradB));
            return new Result(List.copyOf(found), chunks, n, (System.nanoTime() - begin) / 1e9);
        } finally {
            objects.destroy();
        }
    }
}
