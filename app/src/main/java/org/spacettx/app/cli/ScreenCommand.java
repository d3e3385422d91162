package org.spacettx.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.conjunction.CollisionProbability;
import org.spacettx.orbit.conjunction.Conjunction;
import org.spacettx.orbit.conjunction.Screening;
import org.spacettx.orbit.conjunction.ScreeningEngine;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx screen}: close approaches in a catalog over a span. */
@Command(name = "screen", mixinStandardHelpOptions = true, description = "Conjunction screening: every close approach (local minimum of distance) below a threshold, all objects "
        + "against each other, the --primary objects against the whole catalog, or a --cloud of fragments against the "
        + "catalog. Sorted by time of closest approach; "
        + "the miss vector is given in the primary's radial / in-track / cross-track frame (km). "
        + "With --pc-hbr-m, a probability of collision (Foster 2-D) under the uncertainties you state: element sets "
        + "carry no covariance, so it is labelled as assumed.")
public final class ScreenCommand implements Callable<Integer> {

    @Option(names = "--tle", required = true, paramLabel = "FILE|DIR|URL", description = "Catalog (any supported format); repeatable.")
    List<String> sources;

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = "--primary", paramLabel = "NORAD", split = ",",
            description = "Screen these objects against the catalog (repeatable); default: all against all.")
    List<Integer> primaries;

    @Option(names = "--cloud", paramLabel = "FILE",
            description = "Screen the objects of this file (a breakup's fragments, from spacettx breakup) against the catalog, "
                    + "not against each other; the catalog's own approaches are left out too. Repeatable.")
    List<String> clouds;

    @Mixin
    SpanOptions span;

    @Option(names = "--threshold-km", required = true, paramLabel = "KM", description = "Report approaches closer than this.")
    double thresholdKm;

    @Option(names = "--step", defaultValue = "60", paramLabel = "SECONDS",
            description = "Screening interval (default ${DEFAULT-VALUE}); results do not depend on it, speed does.")
    double stepSeconds;

    @Option(names = "--propagator", defaultValue = "fast", paramLabel = "fast|orekit",
            description = "fast: the batch SGP4 kernel; orekit: the reference path (default ${DEFAULT-VALUE}).")
    String propagator;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
    Integer threads;

    @Mixin
    ProbabilityOptions pc;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark",
            description = "Where to screen: in this process (default), or on Apache Spark (the spark module's engine: ./spacettx "
                    + "puts it and Spark on the class path; under spark-submit, --jars spacettx-spark.jar). The same approaches either way.")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: local[N], spark://HOST:PORT or yarn (spark-submit sets it).")
    String master;

    @Option(names = "--tasks", paramLabel = "N", description = "With --engine spark: tasks to share the span out in (default: twice the cluster's parallelism).")
    Integer tasks;

    @Mixin
    FormatOption format;

    @Option(names = "--cdm", paramLabel = "DIR", description = "Also write a CCSDS Conjunction Data Message (KVN, CCSDS 508.0) per "
            + "approach into DIR, named by the pair and the TCA, written by Orekit; needs --pc-sigma-km and --pc-hbr-m (a CDM "
            + "requires a covariance, and element sets carry none).")
    Path cdm;

    /** The screening on another engine ({@link ScreeningEngine}, found on the class path). */
    private List<Conjunction> elsewhere(String name, List<ElementSet> catalog, Screening.Request request) {
        ScreeningEngine found = java.util.ServiceLoader.load(ScreeningEngine.class).stream().map(java.util.ServiceLoader.Provider::get)
                .filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new InputException(null, "--engine", name.equals("spark")
                        ? "spark needs the spark module and Spark on the class path (./spacettx screen adds them; see docs/cli.md)"
                        : "'" + name + "' is not local or spark"));
        java.util.Map<String, String> options = new java.util.HashMap<>();
        if (master != null) {
            options.put("master", master);
        }
        if (tasks != null) {
            if (tasks < 1 || tasks > 100_000) {
                throw new InputException(null, "--tasks", "must be between 1 and 100000");
            }
            options.put("tasks", tasks.toString());
        }
        try {
            return found.run(catalog, request, options);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--engine " + name, e.getMessage());
        }
    }

    /** One CDM per approach into {@code --cdm}, named by the pair and the TCA. */
    private void writeCdms(List<Conjunction> conjunctions, CatalogOptions.Loaded loaded, CollisionProbability assumed, Times.Span span) {
        try {
            java.nio.file.Files.createDirectories(cdm);
        } catch (java.io.IOException e) {
            throw new InputException(null, "--cdm", "cannot make " + cdm + ": " + e.getMessage());
        }
        java.time.Instant now = java.time.Instant.now();
        for (Conjunction c : conjunctions) {
            ElementSet a = loaded.catalog().byNorad(c.noradA()).orElseThrow();
            ElementSet b = loaded.catalog().byNorad(c.noradB()).orElseThrow();
            String text = org.spacettx.orbit.ccsds.ConjunctionDataMessage.kvn(c, a, b, assumed, span.from(), span.to(), "SPACETTX", now,
                    loaded.data());
            CliFiles.write(cdm.resolve(org.spacettx.orbit.ccsds.ConjunctionDataMessage.messageId(c) + ".cdm"), text);
        }
        if (!quiet) {
            System.err.printf(Locale.ROOT, "spacettx: %d CDMs written to %s%n", conjunctions.size(), cdm);
        }
    }

    @Override
    public Integer call() {
        Times.Span s = span.span();
        if (!(thresholdKm > 0) || thresholdKm > 1000) {
            throw new InputException(null, "--threshold-km", "must be above 0 and at most 1000");
        }
        if (!(stepSeconds >= 1) || stepSeconds > 600) {
            throw new InputException(null, "--step", "must be between 1 and 600 seconds");
        }
        Screening.Propagator path = switch (propagator.trim().toLowerCase(Locale.ROOT)) {
            case "fast" -> Screening.Propagator.FAST;
            case "orekit" -> Screening.Propagator.OREKIT;
            default -> throw new InputException(null, "--propagator", "'" + propagator + "' is not fast or orekit");
        };
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 1024) {
            throw new InputException(null, "--threads", "must be between 1 and 1024");
        }
        CollisionProbability probability = pc.probability();
        if (cdm != null && probability == null) {
            throw new InputException(null, "--cdm", "a CDM requires a covariance and element sets carry none: state one with "
                    + "--pc-sigma-km R,T,N and --pc-hbr-m M");
        }
        CatalogOptions.Loaded loaded = catalogOptions.load(sources);
        List<ElementSet> catalog = new ArrayList<>(loaded.catalog().all());
        Set<Integer> wanted = new LinkedHashSet<>(primaries == null ? List.of() : primaries);
        for (int norad : wanted) {
            if (loaded.catalog().byNorad(norad).isEmpty()) {
                throw new InputException(null, "--primary", "object " + norad + " is not in the catalog");
            }
        }
        boolean cloud = clouds != null && !clouds.isEmpty();
        if (cloud) {
            if (!wanted.isEmpty()) {
                throw new InputException(null, "--cloud", "cannot be combined with --primary");
            }
            List<ElementSet> fragments = catalogOptions.load(clouds).catalog().all();
            Set<String> parents = new java.util.HashSet<>();
            for (ElementSet fragment : fragments) {
                if (loaded.catalog().byNorad(fragment.noradId()).isPresent()) {
                    throw new InputException(null, "--cloud", "object " + fragment.noradId()
                            + " is in the catalog too (give the fragments numbers of their own: spacettx breakup --first-norad)");
                }
                if (!fragment.cosparId().isBlank()) {
                    parents.add(fragment.cosparId().strip());
                }
                wanted.add(fragment.noradId());
            }
            // The object that broke up no longer exists: its fragments carry its international designator.
            List<ElementSet> gone = catalog.stream().filter(e -> parents.contains(e.cosparId().strip())).toList();
            catalog.removeAll(gone);
            if (!quiet) {
                gone.forEach(e -> System.err.println("spacettx: " + e.label() + " left out: the cloud is its breakup"));
            }
            catalog.addAll(fragments);
        }
        Screening.Progress progress = quiet ? null : new Screening.Progress() {
            private int lastPercent = -1;

            @Override
            public synchronized void update(int done, int total) {
                int percent = (int) (100L * done / total);
                if (percent / 10 != lastPercent / 10) {
                    lastPercent = percent;
                    System.err.printf("spacettx: screening %d%% (%d of %d intervals)%n", percent, done, total);
                }
            }
        };
        Screening.Request request = new Screening.Request(s.from(), s.to(), thresholdKm, wanted, stepSeconds, workers, path,
                probability, cloud);
        long begin = System.nanoTime();
        String where = engine.trim().toLowerCase(Locale.ROOT);
        Screening.Result result = where.equals("local") ? Screening.run(catalog, request, loaded.data(), progress) : null;
        List<Conjunction> conjunctions = result != null ? result.conjunctions() : elsewhere(where, catalog, request);
        List<Column> columns = new ArrayList<>(List.of(Column.text("norad_a", 7), Column.text("norad_b", 7),
                Column.text("tca_utc", 27), Column.number("miss_km", 9, 3), Column.number("rel_speed_km_s", 14, 3),
                Column.number("radial_km", 10, 3), Column.number("intrack_km", 10, 3), Column.number("crosstrack_km", 13, 3)));
        if (probability != null) {
            columns.add(Column.text("pc_assumed", 11));
        }
        boolean cumulative = probability != null && cloud;
        if (cumulative) {
            columns.add(Column.text("pc_cumulative_b", 15));
        }
        // with a cloud: for each catalog object, the probability that some fragment has hit it by then, 1 - Π(1 - p)
        java.util.Map<Integer, Double> missedSoFar = new java.util.HashMap<>();
        try (RowWriter out = new RowWriter(columns, format.format, System.out)) {
            for (Conjunction c : conjunctions) {
                List<Object> row = new ArrayList<>(List.of(c.noradA(), c.noradB(), c.tca().toString(), c.missKm(),
                        c.relativeSpeedKmS(), c.radialKm(), c.inTrackKm(), c.crossTrackKm()));
                if (probability != null) {
                    row.add(String.format(Locale.ROOT, "%.3e", c.probability()));
                }
                if (cumulative) {
                    double missed = missedSoFar.merge(c.noradB(), 1 - c.probability(), (x, y) -> x * y);
                    row.add(String.format(Locale.ROOT, "%.3e", 1 - missed));
                }
                out.row(row.toArray());
            }
        }
        if (cdm != null) {
            writeCdms(conjunctions, loaded, probability, s);
        }
        if (cumulative && !quiet) {
            missedSoFar.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue()).limit(5).forEach(e ->
                    System.err.printf(Locale.ROOT, "spacettx: %s: cumulative probability of a hit by the cloud %.3e%n",
                            loaded.catalog().byNorad(e.getKey()).map(ElementSet::label).orElse(String.valueOf(e.getKey())),
                            1 - e.getValue()));
        }
        if (!quiet && result == null) {
            System.err.printf(Locale.ROOT, "spacettx: %d objects, %d close approaches in %.1f s on %s%n", catalog.size(),
                    conjunctions.size(), (System.nanoTime() - begin) / 1e9, where);
        }
        if (!quiet && result != null) {
            Screening.Stats st = result.stats();
            System.err.printf("spacettx: %d objects, %d intervals, %d close approaches in %.1f s (%s propagator)%n",
                    st.objects(), st.intervals(), result.conjunctions().size(), st.seconds(), path.name().toLowerCase(Locale.ROOT));
            if (st.droppedObjects() > 0) {
                System.err.printf("spacettx: %d objects left out where SGP4 failed or put them outside their orbit (decayed)%n",
                        st.droppedObjects());
            }
            if (probability != null) {
                System.err.println("spacettx: pc_assumed: " + pc.describe());
            }
        }
        return 0;
    }
}
