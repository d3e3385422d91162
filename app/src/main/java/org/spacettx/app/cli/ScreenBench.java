package org.spacettx.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.conjunction.Screening;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx bench screen}: all-vs-all screening wall time, fast kernel against the Orekit path. */
@Command(name = "screen", mixinStandardHelpOptions = true, description = "All-vs-all conjunction screening of a catalog from its latest epoch over --hours at --threshold-km, on "
        + "the fast propagator and on the Orekit reference path in the same run (same filters, same threads), with "
        + "wall time, close approaches found and the ratio of the Orekit path's time to the fast path's. A one-hour "
        + "run of each warms the JIT up first. Both runs must find the same approaches; the bench says so if not.")
final class ScreenBench implements Callable<Integer> {

    @Mixin
    ObjectOptions objects;
    @Option(names = "--hours", defaultValue = "24", description = "Span in hours (default ${DEFAULT-VALUE}).")
    double hours;
    @Option(names = "--threshold-km", defaultValue = "10", description = "Threshold, km (default ${DEFAULT-VALUE}).")
    double thresholdKm;
    @Option(names = "--threads", description = "Threads (default: available processors).")
    Integer threads;
    @Option(names = "--fast-only", description = "Leave out the Orekit-path run (no ratio then).")
    boolean fastOnly;
    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (!(hours > 0) || hours > 24 * 31 || !(thresholdKm > 0)) {
            throw new InputException(null, "--hours/--threshold-km", "must be positive (hours at most a month)");
        }
        CatalogOptions.Loaded loaded = objects.loaded();
        List<ElementSet> catalog = objects.selected();
        Instant start = loaded.catalog().latestEpoch().orElseThrow(() -> new InputException(null, "--tle", "empty catalog"));
        Instant end = start.plus(Duration.ofSeconds(Math.round(hours * 3600)));
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        List<Screening.Propagator> paths = fastOnly ? List.of(Screening.Propagator.FAST)
                : List.of(Screening.Propagator.OREKIT, Screening.Propagator.FAST);
        System.err.printf("spacettx: %d objects, %.1f h from %s, %.1f km, %d threads; warming up%n", catalog.size(), hours,
                start, thresholdKm, n);
        for (Screening.Propagator p : paths) {
            Screening.run(catalog, new Screening.Request(start, start.plusSeconds(3600), thresholdKm, Set.of(), 60, n, p, null),
                    loaded.data(), null);
        }
        List<Screening.Result> results = new ArrayList<>();
        try (RowWriter out = new RowWriter(List.of(Column.text("propagator", 10), Column.text("threads", 7),
                Column.number("objects", 8, 0), Column.number("intervals", 9, 0), Column.number("propagations", 13, 0),
                Column.number("sphere_pairs", 13, 0), Column.number("chord_pairs", 12, 0), Column.number("approaches", 11, 0),
                Column.number("seconds", 9, 2), Column.number("speedup_vs_orekit", 17, 2)), format.format, System.out)) {
            double baseline = 0;
            for (Screening.Propagator p : paths) {
                Screening.Result r = Screening.run(catalog, new Screening.Request(start, end, thresholdKm, Set.of(), 60, n, p, null),
                        loaded.data(), null);
                results.add(r);
                Screening.Stats s = r.stats();
                if (p == Screening.Propagator.OREKIT) {
                    baseline = s.seconds();
                }
                out.row(p.name().toLowerCase(java.util.Locale.ROOT), n, (double) s.objects(), (double) s.intervals(),
                        (double) s.propagations(), (double) s.sphereCandidates(), (double) s.chordCandidates(),
                        (double) r.conjunctions().size(), s.seconds(), baseline > 0 ? baseline / s.seconds() : null);
            }
        }
        if (results.size() == 2) {
            int a = results.get(0).conjunctions().size();
            int b = results.get(1).conjunctions().size();
            System.err.println(a == b ? "spacettx: both paths found the same number of approaches (" + a + ")"
                    : "spacettx: the paths differ: orekit " + a + ", fast " + b + " approaches");
        }
        return 0;
    }
}
