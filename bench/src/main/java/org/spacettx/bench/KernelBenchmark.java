package org.spacettx.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.BatchSgp4;

/**
 * SGP4 throughput on one thread: SpaceTTX's batch kernel against Orekit's {@link TLEPropagator}, the same objects at
 * the same times. One operation is every selected object at one time of a day at 60-s steps from the catalog's
 * latest epoch (the next time at each call, round the day), so a score in operations per second times the
 * objects is states per second ({@link KernelBench} prints it so, per fork, with the vector width).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KernelBenchmark {

    /** The catalog (TLE or OMM file). */
    @Param("")
    public String catalog;

    /** Which of its objects: {@code near-earth} (period under 225 min) or {@code deep-space}. */
    @Param({"near-earth"})
    public String objects;

    /** At most this many of them, the first in catalog order (0: all). */
    @Param("0")
    public int limit;

    /** Times in the span: a day at 60-s steps. */
    static final int STEPS = 1441;

    private BatchSgp4 kernel;
    private BatchSgp4.States states;
    private double[] minutes;
    private List<TLEPropagator> orekit;
    private AbsoluteDate[] dates;
    private int next;

    /** The objects a run measures, and the span's start: the same selection in the fork and in the runner. */
    record Selection(List<ElementSet> elements, Instant start, OrekitData data) {
    }

    static Selection select(String catalog, String objects, int limit) {
        if (catalog.isBlank()) {
            throw new IllegalArgumentException("no catalog: give -p catalog=FILE");
        }
        OrekitData data = OrekitData.standard();
        Catalog all = Catalog.of(CatalogReader.strict(data).read(List.of(Path.of(catalog))).elementSets());
        boolean deep = switch (objects) {
            case "near-earth" -> false;
            case "deep-space" -> true;
            default -> throw new IllegalArgumentException("objects: '" + objects + "' is not near-earth or deep-space");
        };
        BatchSgp4 whole = BatchSgp4.of(all.all(), data);
        List<ElementSet> chosen = new ArrayList<>();
        for (int i = 0; i < whole.size() && (limit <= 0 || chosen.size() < limit); i++) {
            if (whole.isDeepSpace(i) == deep) {
                chosen.add(whole.elements(i));
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(catalog + " has no " + objects + " objects");
        }
        return new Selection(chosen, all.latestEpoch().orElseThrow(), data);
    }

    @Setup
    public void setUp() {
        Selection s = select(catalog, objects, limit);
        kernel = BatchSgp4.of(s.elements(), s.data());
        states = new BatchSgp4.States(kernel.size());
        orekit = new ArrayList<>(kernel.size());
        for (ElementSet e : s.elements()) {
            orekit.add(TLEPropagator.selectExtrapolator(OrekitTle.toTle(e, s.data().utc()), s.data().teme()));
        }
        minutes = new double[STEPS];
        dates = new AbsoluteDate[STEPS];
        AbsoluteDate start = new AbsoluteDate(s.start(), s.data().utc());
        for (int k = 0; k < STEPS; k++) {
            minutes[k] = kernel.minutesAt(s.start()) + k;
            dates[k] = start.shiftedBy(60.0 * k);
        }
    }

    /** Every object at the next time through the batch kernel (SIMD lanes where the JVM has the vector module). */
    @Benchmark
    public double kernel() {
        int k = next;
        next = (k + 1) % STEPS;
        kernel.propagate(minutes[k], 0, kernel.size(), states);
        return states.x[k % states.x.length];
    }

    /** Every object at the next time through Orekit, one propagator each; one that fails (decayed) is skipped. */
    @Benchmark
    public double orekit() {
        int k = next;
        next = (k + 1) % STEPS;
        double sink = 0;
        for (TLEPropagator p : orekit) {
            try {
                sink += p.getPVCoordinates(dates[k]).getPosition().getX();
            } catch (RuntimeException e) {
                sink -= 1;
            }
        }
        return sink;
    }
}
