package org.spacettx.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.spacettx.orbit.access.PassFinder;
import org.spacettx.orbit.access.Sensor;
import org.spacettx.orbit.access.Target;
import org.spacettx.orbit.access.Topocentric;
import org.spacettx.orbit.access.WarningSchedule;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;
import org.spacettx.orbit.propagate.PropagationException;
import org.spacettx.orbit.propagate.Sgp4;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx bench warning}: the warning schedule's cost per satellite-site-week against a plain scan. */
@Command(name = "warning", mixinStandardHelpOptions = true, description = "Warning-schedule benchmark: N sites x M imaging satellites (the first sun-synchronous-like LEO objects of "
        + "the catalog) x D days. Times the sampling, the pass search (10 deg mask) and the warning schedule "
        + "(optical:off-nadir=30,sun=10), per satellite-site-week, against a baseline measured in the same run: a "
        + "plain fixed-step elevation scan (10 s) straight from SGP4, on a few satellite-site pairs. Two 2-day runs "
        + "warm the JIT up first.")
final class WarningBench implements Callable<Integer> {

    @Mixin
    ObjectOptions objects;
    @Option(names = "--sites", defaultValue = "20")
    int siteCount;
    @Option(names = "--satellites", defaultValue = "50")
    int satelliteCount;
    @Option(names = "--days", defaultValue = "7")
    int days;
    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (siteCount < 1 || satelliteCount < 1 || days < 1 || days > 60) {
            throw new InputException(null, "--sites/--satellites/--days", "must be positive (days at most 60)");
        }
        CatalogOptions.Loaded loaded = objects.loaded();
        OrekitData data = loaded.data();
        List<ElementSet> imagers = loaded.catalog().all().stream()
                .filter(e -> e.meanMotion() > 14 && e.inclinationDeg() > 95 && e.inclinationDeg() < 100)
                .limit(satelliteCount).toList();
        if (imagers.size() < satelliteCount) {
            throw new InputException(null, "--tle", "holds only " + imagers.size() + " sun-synchronous-like LEO objects");
        }
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < siteCount; i++) {
            // A fixed spread over the western Pacific theatre: 30-45 N, 120-146 E.
            sites.add(new Site("site-" + i, 30 + (i * 7.3) % 15, 120 + (i * 11.7) % 26, 0, "", ""));
        }
        Instant start = loaded.catalog().latestEpoch().orElseThrow();
        Instant end = start.plus(Duration.ofDays(days));
        double pairWeeks = (double) siteCount * satelliteCount * days / 7.0;
        List<Sgp4> objects = imagers.stream().map(e -> Sgp4.of(e, data)).toList();
        System.err.println("spacettx: warming up");
        run(objects, sites, start, start.plus(Duration.ofDays(2)), data);
        run(objects, sites, start, start.plus(Duration.ofDays(2)), data);

        double[] timings = run(objects, sites, start, end, data);
        double sampling = timings[0];
        double passSearch = timings[1];
        double warning = timings[2];
        int passes = (int) timings[3];
        int periods = (int) timings[4];

        // Baseline: a fixed 10-second scan of elevation straight from SGP4 (Orekit frames), on a few pairs.
        int baselinePairs = Math.min(4, satelliteCount);
        long t0 = System.nanoTime();
        int samples = 0;
        for (int k = 0; k < baselinePairs; k++) {
            Topocentric topo = new Topocentric(sites.get(k % sites.size()));
            Sgp4 sgp4 = objects.get(k);
            double[] p = new double[3];
            for (Instant t = start; t.isBefore(end); t = t.plusSeconds(10)) {
                try {
                    CartesianState s = sgp4.itrf(t);
                    p[0] = s.xKm() * 1e3;
                    p[1] = s.yKm() * 1e3;
                    p[2] = s.zKm() * 1e3;
                    samples += topo.elevationDeg(p) > 10 ? 1 : 0;
                } catch (PropagationException e) {
                    break;
                }
            }
        }
        double baselinePerPairWeek = (System.nanoTime() - t0) / 1e9 / (baselinePairs * days / 7.0);

        System.err.printf("spacettx: %d sites x %d satellites x %d days: %d passes, %d observable periods (%d scan hits)%n",
                siteCount, satelliteCount, days, passes, periods, samples);
        try (RowWriter out = new RowWriter(List.of(Column.text("stage", 34), Column.number("seconds", 9, 3),
                Column.number("ms_per_sat_site_week", 20, 4), Column.number("speedup_vs_baseline", 19, 1)),
                format.format, System.out)) {
            double base = baselinePerPairWeek * 1000;
            out.row("baseline: 10 s scan (extrapolated)", baselinePerPairWeek * pairWeeks, base, 1.0);
            out.row("sampling (shared by both below)", sampling, sampling * 1000 / pairWeeks, base / (sampling * 1000 / pairWeeks));
            out.row("passes, 10 deg mask", passSearch, passSearch * 1000 / pairWeeks, base / (passSearch * 1000 / pairWeeks));
            out.row("warning schedule, optical", warning, warning * 1000 / pairWeeks, base / (warning * 1000 / pairWeeks));
            double total = sampling + warning;
            out.row("warning schedule incl. sampling", total, total * 1000 / pairWeeks, base / (total * 1000 / pairWeeks));
        }
        return 0;
    }

    /** Sampling, pass search and warning schedule over a span: their seconds, then the pass and period counts. */
    private static double[] run(List<Sgp4> objects, List<Site> sites, Instant start, Instant end, OrekitData data) {
        int threads = Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        Ephemerides sky = Ephemerides.sample(objects, start, end, Skies.GRID_STEP, threads, data);
        double sampling = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        int passes = 0;
        for (Site site : sites) {
            Topocentric topo = new Topocentric(site);
            for (Ephemeris object : sky.objects()) {
                passes += PassFinder.find(sky, object, topo, 10).size();
            }
        }
        double passSearch = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Sensor sensor = Sensor.parse("optical:off-nadir=30,sun=10");
        List<Target> targets = sites.stream().map(Target::of).toList();
        int periods = WarningSchedule.compute(sky, targets, n -> sensor, threads).stream()
                .mapToInt(c -> c.periods().size()).sum();
        double warning = (System.nanoTime() - t0) / 1e9;
        return new double[] {sampling, passSearch, warning, passes, periods};
    }
}
