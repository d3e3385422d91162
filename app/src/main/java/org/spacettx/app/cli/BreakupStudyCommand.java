package org.spacettx.app.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

import org.spacettx.orbit.breakup.BreakupStudy;
import org.spacettx.orbit.breakup.StudyEngine;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.parallel.Parallel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx breakup-study}: a breakup's risk to chosen assets over many realisations of the model. */
@Command(name = "breakup-study", mixinStandardHelpOptions = true, description = "A Monte Carlo study of one breakup (NASA Standard Breakup Model): --realisations clouds drawn from seeds --seed, "
        + "--seed+1, ...; in each, the fragments that stay in orbit screened against the --assets alone until --until. For "
        + "each asset, over the realisations: how many had an approach below --threshold-km, the approaches, the closest miss, "
        + "and with --pc-hbr-m the cumulative probability that some fragment hit it (median and 5th-95th percentiles). "
        + "In this process (default) or on Apache Spark (--engine spark --master URL: one task per realisation).")
public final class BreakupStudyCommand implements Callable<Integer> {

    @Mixin
    ObjectOptions objects;

    @Mixin
    BreakupOptions breakup;

    @Option(names = "--assets", required = true, split = ",", paramLabel = "NORAD", description = "The objects whose exposure is studied.")
    List<Integer> assets;

    @Option(names = "--until", required = true, paramLabel = "ISO", description = "The end of the span screened, UTC.")
    Instant until;

    @Option(names = "--realisations", defaultValue = "20", paramLabel = "N", description = "Clouds drawn (default ${DEFAULT-VALUE}).")
    int realisations;

    @Option(names = "--threshold-km", defaultValue = "10", paramLabel = "KM", description = "Approaches closer than this (default ${DEFAULT-VALUE}).")
    double thresholdKm;

    @Mixin
    ProbabilityOptions pc;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark", description = "Where the realisations run (default ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: local[N], spark://HOST:PORT or yarn.")
    String master;

    @Option(names = "--tasks", paramLabel = "N", description = "With --engine spark: tasks (default: twice the cluster's parallelism).")
    Integer tasks;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (realisations < 1 || realisations > 100_000) {
            throw new InputException(null, "--realisations", "must be between 1 and 100000");
        }
        if (!(thresholdKm > 0) || thresholdKm > 1000) {
            throw new InputException(null, "--threshold-km", "must be above 0 and at most 1000");
        }
        List<ElementSet> selected = objects.selected();
        if (selected.size() != 1) {
            throw new InputException(null, "--norad", "name exactly one object to break up (" + selected.size() + " selected)");
        }
        List<ElementSet> studied = new ArrayList<>();
        for (int norad : assets) {
            studied.add(objects.loaded().catalog().byNorad(norad)
                    .orElseThrow(() -> new InputException(null, "--assets", "object " + norad + " is not in the catalog")));
        }
        BreakupStudy.Spec spec;
        try {
            spec = new BreakupStudy.Spec(selected.get(0), breakup.time, breakup.event(), breakup.minSizeM, breakup.firstNorad, until,
                    thresholdKm, pc.probability());
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--until", e.getMessage());
        }
        List<Long> seeds = new ArrayList<>();
        for (int k = 0; k < realisations; k++) {
            seeds.add(breakup.seed + k);
        }
        String where = engine.trim().toLowerCase(Locale.ROOT);
        List<BreakupStudy.Exposure> exposures;
        try {
            exposures = where.equals("local")
                    ? Parallel.map(seeds, Runtime.getRuntime().availableProcessors(),
                            seed -> BreakupStudy.realise(spec, studied, seed, objects.loaded().data())).stream().flatMap(List::stream).toList()
                    : elsewhere(where, spec, studied, seeds);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "breakup", e.getMessage());
        }
        List<Column> columns = List.of(Column.text("norad", 7), Column.text("name", 24), Column.text("realisations_hit", 16),
                Column.number("approaches_median", 17, 1), Column.text("closest_km_min", 14), Column.text("pc_median", 10),
                Column.text("pc_p05", 10), Column.text("pc_p95", 10));
        try (RowWriter out = new RowWriter(columns, format.format, System.out)) {
            for (ElementSet a : studied) {
                List<BreakupStudy.Exposure> mine = exposures.stream().filter(e -> e.asset() == a.noradId()).toList();
                double[] counts = mine.stream().mapToDouble(BreakupStudy.Exposure::approaches).sorted().toArray();
                double[] pcs = mine.stream().mapToDouble(BreakupStudy.Exposure::cumulativeProbability).sorted().toArray();
                double closest = mine.stream().mapToDouble(BreakupStudy.Exposure::closestKm).filter(d -> !Double.isNaN(d)).min().orElse(Double.NaN);
                out.row(a.noradId(), a.name(), mine.stream().filter(e -> e.approaches() > 0).count() + "/" + mine.size(),
                        percentile(counts, 0.5), Double.isNaN(closest) ? "" : String.format(Locale.ROOT, "%.3f", closest),
                        pc(pcs, 0.5), pc(pcs, 0.05), pc(pcs, 0.95));
            }
        }
        java.util.IntSummaryStatistics fragments = exposures.stream().mapToInt(BreakupStudy.Exposure::fragmentsInOrbit).summaryStatistics();
        System.err.printf(Locale.ROOT, "spacettx: %d realisations (seeds %d to %d) on %s; %d to %d fragments in orbit%n", realisations,
                breakup.seed, breakup.seed + realisations - 1, where, fragments.getMin(), fragments.getMax());
        if (pc.probability() != null) {
            System.err.println("spacettx: pc: " + pc.describe());
        }
        return 0;
    }

    private List<BreakupStudy.Exposure> elsewhere(String name, BreakupStudy.Spec spec, List<ElementSet> assets, List<Long> seeds) {
        StudyEngine found = ServiceLoader.load(StudyEngine.class).stream().map(ServiceLoader.Provider::get).filter(e -> e.name().equals(name))
                .findFirst().orElseThrow(() -> new InputException(null, "--engine", name.equals("spark")
                        ? "spark needs the spark module and Spark on the class path (./spacettx adds them; see docs/cli.md)"
                        : "'" + name + "' is not local or spark"));
        Map<String, String> options = new HashMap<>();
        if (master != null) {
            options.put("master", master);
        }
        if (tasks != null) {
            options.put("tasks", tasks.toString());
        }
        return found.run(spec, assets, seeds, options);
    }

    /** A percentile of sorted values (nearest rank); NaN when there are none. */
    private static double percentile(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - (q > 0 ? 1 : 0))];
    }

    private static String pc(double[] sorted, double q) {
        double v = percentile(sorted, q);
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3e", v);
    }
}
