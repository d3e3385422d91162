package org.spacettx.orbit.conjunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orekit.time.AbsoluteDate;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.breakup.BreakupModel;
import org.spacettx.orbit.breakup.FragmentElements;
import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.PropagationException;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * Screening against brute force: every object of a crowded subset of the real 2026 LEO catalog (the Starlink-like
 * shell at 53° and about 550 km, where approaches are frequent) sampled every second straight from Orekit's SGP4,
 * every local minimum of every pair's distance refined by golden-section search on Orekit states. The screening
 * must find each minimum below the threshold (TCA within 0.1 s, miss within 10 m) and nothing that brute force
 * does not find.
 */
class ScreeningTest {

    static final OrekitData DATA = OrekitData.standard();
    static List<ElementSet> shell;
    static Instant start;

    @BeforeAll
    static void load() {
        Catalog catalog = Catalog.of(CatalogReader.strict(DATA)
                .read(List.of(SharedData.path("catalog/spacetrack-3le-leo-2026-06-10.txt"))).elementSets());
        shell = catalog.all().stream()
                .filter(e -> e.inclinationDeg() > 52.9 && e.inclinationDeg() < 53.3 && e.meanMotion() > 15.0 && e.meanMotion() < 15.1)
                .toList();
        start = catalog.latestEpoch().orElseThrow();
    }

    record Minimum(int a, int b, Instant tca, double missKm) {
    }

    /** Every local minimum of distance below {@code thresholdKm} between pairs of {@code objects}, by brute force. */
    static List<Minimum> bruteForce(List<ElementSet> objects, Instant from, int seconds, double thresholdKm) {
        int n = objects.size();
        List<Sgp4> sgp4 = objects.stream().map(e -> Sgp4.of(e, DATA)).toList();
        AbsoluteDate t0 = sgp4.get(0).toDate(from);
        double[][] p = new double[n][3 * (seconds + 1)];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s <= seconds; s++) {
                CartesianState c = sgp4.get(i).teme(t0.shiftedBy(s));
                p[i][3 * s] = c.xKm();
                p[i][3 * s + 1] = c.yKm();
                p[i][3 * s + 2] = c.zKm();
            }
        }
        List<Minimum> minima = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double before = distance(p[i], p[j], 0);
                double here = distance(p[i], p[j], 1);
                for (int s = 1; s < seconds; s++) {
                    double after = distance(p[i], p[j], s + 1);
                    if (here <= before && here < after && here < thresholdKm + 20) {
                        double[] tm = goldenSection(sgp4.get(i), sgp4.get(j), t0, s - 1, s + 1);
                        if (tm[1] < thresholdKm) {
                            int a = Math.min(objects.get(i).noradId(), objects.get(j).noradId());
                            int b = Math.max(objects.get(i).noradId(), objects.get(j).noradId());
                            minima.add(new Minimum(a, b, from.plusNanos(Math.round(tm[0] * 1e9)), tm[1]));
                        }
                    }
                    before = here;
                    here = after;
                }
            }
        }
        return minima;
    }

    static double distance(double[] a, double[] b, int s) {
        double dx = a[3 * s] - b[3 * s];
        double dy = a[3 * s + 1] - b[3 * s + 1];
        double dz = a[3 * s + 2] - b[3 * s + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** {time (s after t0), distance} of the minimum in [lo, hi] to 1 µs. */
    static double[] goldenSection(Sgp4 a, Sgp4 b, AbsoluteDate t0, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - g * (hi - lo);
        double x2 = lo + g * (hi - lo);
        double f1 = exactDistance(a, b, t0, x1);
        double f2 = exactDistance(a, b, t0, x2);
        while (hi - lo > 1e-6) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - g * (hi - lo);
                f1 = exactDistance(a, b, t0, x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + g * (hi - lo);
                f2 = exactDistance(a, b, t0, x2);
            }
        }
        double t = 0.5 * (lo + hi);
        return new double[] {t, exactDistance(a, b, t0, t)};
    }

    static double exactDistance(Sgp4 a, Sgp4 b, AbsoluteDate t0, double s) {
        CartesianState x = a.teme(t0.shiftedBy(s));
        CartesianState y = b.teme(t0.shiftedBy(s));
        return Math.sqrt(Math.pow(x.xKm() - y.xKm(), 2) + Math.pow(x.yKm() - y.yKm(), 2) + Math.pow(x.zKm() - y.zKm(), 2));
    }

    static void assertSameAsBruteForce(List<ElementSet> objects, int seconds, double thresholdKm, Screening.Propagator propagator) {
        assertSameAsBruteForce(objects, seconds, thresholdKm, propagator, 60);
    }

    static void assertSameAsBruteForce(List<ElementSet> objects, int seconds, double thresholdKm, Screening.Propagator propagator,
                                       double stepSeconds) {
        Instant to = start.plusSeconds(seconds);
        List<Minimum> truth = bruteForce(objects, start, seconds, thresholdKm);
        Screening.Result result = Screening.run(objects, new Screening.Request(start, to, thresholdKm, Set.of(), stepSeconds, 2,
                propagator, null), DATA, null);
        List<Conjunction> found = result.conjunctions();
        System.out.printf("%d objects, %d s, %.0f km, %s: brute force %d minima, screening %d (%s)%n", objects.size(),
                seconds, thresholdKm, propagator, truth.size(), found.size(), result.stats());
        assertThat(truth).as("the test needs approaches to check").hasSizeGreaterThan(10);
        Map<String, List<Conjunction>> byPair = new HashMap<>();
        for (Conjunction c : found) {
            assertThat(c.noradA()).isLessThan(c.noradB());
            assertThat(c.missKm()).isLessThanOrEqualTo(thresholdKm);
            byPair.computeIfAbsent(c.noradA() + "-" + c.noradB(), k -> new ArrayList<>()).add(c);
        }
        double worstTca = 0;
        double worstMiss = 0;
        int matched = 0;
        for (Minimum m : truth) {
            // A minimum just under the threshold may come out just over it by either method: not required.
            List<Conjunction> candidates = byPair.getOrDefault(m.a() + "-" + m.b(), List.of());
            Conjunction match = candidates.stream()
                    .filter(c -> Math.abs(Duration.between(c.tca(), m.tca()).toNanos()) < 1_000_000_000L).findFirst().orElse(null);
            if (m.missKm() > thresholdKm - 0.01 && match == null) {
                continue;
            }
            assertThat(match).as("brute-force minimum %s not found", m).isNotNull();
            worstTca = Math.max(worstTca, Math.abs(Duration.between(match.tca(), m.tca()).toNanos() / 1e9));
            worstMiss = Math.max(worstMiss, Math.abs(match.missKm() - m.missKm()));
            matched++;
        }
        System.out.printf("matched %d: worst TCA difference %.2e s, worst miss difference %.2e km%n", matched, worstTca, worstMiss);
        assertThat(worstTca).isLessThan(0.1);
        assertThat(worstMiss).isLessThan(0.010);
        // Nothing found that brute force did not find.
        for (Conjunction c : found) {
            boolean known = truth.stream().anyMatch(m -> m.a() == c.noradA() && m.b() == c.noradB()
                    && Math.abs(Duration.between(c.tca(), m.tca()).toNanos()) < 1_000_000_000L);
            assertThat(known || c.missKm() > thresholdKm - 0.01).as("screening found %s, brute force did not", c).isTrue();
        }
        assertThat(found.size()).isBetween(matched, truth.size() + 2);
    }

    @Test
    void findsEveryApproachThatBruteForceFindsInACrowdedShell() {
        assertSameAsBruteForce(shell.subList(0, 60), 4 * 3600, 100, Screening.Propagator.FAST);
    }

    /** Five-minute intervals: the bounds grow with the step (sagitta 27 km per object) and still lose nothing. */
    @Test
    void aLongStepLosesNothing() {
        assertSameAsBruteForce(shell.subList(0, 60), 4 * 3600, 100, Screening.Propagator.FAST, 300);
    }

    @Test
    @Tag("slow")
    void findsEveryApproachOfTwoHundredObjectsOverTwelveHours() {
        assertSameAsBruteForce(shell.subList(0, 200), 12 * 3600, 50, Screening.Propagator.FAST);
    }

    @Test
    @Tag("slow")
    void theOrekitPathGivesTheSameApproaches() {
        assertSameAsBruteForce(shell.subList(100, 160), 4 * 3600, 100, Screening.Propagator.OREKIT);
    }

    /**
     * The units of work a cluster shares out: runs of chunk ranges that cover the span's chunks once find, together,
     * exactly what one run finds (the same approaches, the same TCA and miss to the last bit).
     */
    @Test
    void chunkRangesTogetherFindExactlyWhatOneRunFinds() {
        List<ElementSet> objects = shell.subList(0, 120);
        Screening.Request request = new Screening.Request(start, start.plusSeconds(6 * 3600), 50, Set.of(), 60, 2,
                Screening.Propagator.FAST, null);
        List<Conjunction> one = Screening.run(objects, request, DATA, null).conjunctions();
        int chunks = Screening.chunkCount(request);
        assertThat(chunks).isEqualTo(12); // 360 intervals of 60 s, 30 to a chunk
        List<Conjunction> parts = new java.util.ArrayList<>();
        for (int[] range : new int[][] {{0, 1}, {1, 5}, {5, 11}, {11, 12}}) {
            parts.addAll(Screening.runChunks(objects, request, DATA, range[0], range[1]));
        }
        parts.sort(java.util.Comparator.comparing(Conjunction::tca).thenComparingInt(Conjunction::noradA).thenComparingInt(Conjunction::noradB));
        assertThat(one).hasSizeGreaterThan(5);
        assertThat(parts).isEqualTo(one);
        assertThatThrownBy(() -> Screening.runChunks(objects, request, DATA, 3, 13)).hasMessageContaining("chunks 3 to 13 of 12");
    }

    @Test
    void primariesSeeExactlyTheirPartOfTheAllVsAllResult() {
        List<ElementSet> objects = shell.subList(0, 80);
        Instant to = start.plusSeconds(3 * 3600);
        List<Conjunction> all = Screening.run(objects, new Screening.Request(start, to, 100, Set.of(), 60, 2,
                Screening.Propagator.FAST, null), DATA, null).conjunctions();
        int primary = all.get(0).noradB();
        List<Conjunction> mine = Screening.run(objects, new Screening.Request(start, to, 100, Set.of(primary), 60, 1,
                Screening.Propagator.FAST, null), DATA, null).conjunctions();
        List<String> expected = all.stream().filter(c -> c.noradA() == primary || c.noradB() == primary)
                .map(c -> c.tca() + " " + Math.min(c.noradA(), c.noradB()) + "-" + Math.max(c.noradA(), c.noradB())).toList();
        assertThat(mine).isNotEmpty().allSatisfy(c -> assertThat(c.noradA()).isEqualTo(primary));
        assertThat(mine.stream().map(c -> c.tca() + " " + Math.min(c.noradA(), c.noradB()) + "-" + Math.max(c.noradA(), c.noradB())).toList())
                .containsExactlyElementsOf(expected);
    }

    /**
     * A debris cloud against a shell, without the fragments' approaches to one another: exactly the all-vs-all
     * result without the pairs inside the cloud or inside the shell. The cloud (a collision, so that some fragments
     * are fast enough near perigee to be screened outside the grid) exercises both of the screening's paths.
     */
    @Test
    void aCloudAgainstTheOthersAloneIsTheAllVsAllResultWithoutItsInnerPairs() {
        ElementSet parent = shell.get(0);
        BreakupModel.Cloud cloud = BreakupModel.breakUp(new BreakupModel.Collision(new BreakupModel.Parent(500, 2, false), 10, 10),
                0.02, 7);
        // the 30 fastest at perigee, and 70 others
        List<ElementSet> made = new java.util.ArrayList<>(FragmentElements.of(parent, start, cloud, 900000, DATA).elementSets());
        made.sort(java.util.Comparator.comparingDouble(ScreeningTest::perigeeSpeedKmS).reversed());
        List<ElementSet> fragments = new java.util.ArrayList<>(made.subList(0, 30));
        for (int i = 30; i < made.size() && fragments.size() < 100; i += made.size() / 70) {
            fragments.add(made.get(i));
        }
        assertThat(perigeeSpeedKmS(fragments.get(0))).as("a fragment faster than LEO at perigee").isGreaterThan(8.5);
        List<ElementSet> objects = new java.util.ArrayList<>(shell.subList(1, 150));
        objects.addAll(fragments);
        Instant to = start.plusSeconds(3 * 3600);
        Set<Integer> group = new java.util.HashSet<>();
        fragments.forEach(f -> group.add(f.noradId()));
        List<Conjunction> all = Screening.run(objects, new Screening.Request(start, to, 200, Set.of(), 60, 2,
                Screening.Propagator.FAST, null), DATA, null).conjunctions();
        List<String> expected = all.stream().filter(c -> group.contains(c.noradA()) != group.contains(c.noradB()))
                .map(ScreeningTest::pairKey).sorted().toList();
        Set<Integer> fast = new java.util.HashSet<>();
        fragments.subList(0, 30).forEach(f -> fast.add(f.noradId()));
        assertThat(all).as("approaches of the fastest fragments").anyMatch(c -> fast.contains(c.noradA()) || fast.contains(c.noradB()));
        List<Conjunction> cross = Screening.run(objects, new Screening.Request(start, to, 200, group, 60, 2,
                Screening.Propagator.FAST, null, true), DATA, null).conjunctions();
        // Both kinds of pair exist, so that the filter is exercised in both directions.
        assertThat(all.stream().filter(c -> group.contains(c.noradA()) && group.contains(c.noradB()))).isNotEmpty();
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(cross.stream().map(ScreeningTest::pairKey).sorted().toList()).containsExactlyElementsOf(expected);
        assertThat(cross).allSatisfy(c -> assertThat(group).contains(c.noradA()));
    }

    private static double perigeeSpeedKmS(ElementSet e) {
        double a = Math.cbrt(398600.8 / Math.pow(e.meanMotion() * 2 * Math.PI / 86400, 2));
        return Math.sqrt(398600.8 * (1 + e.eccentricity()) / (a * (1 - e.eccentricity())));
    }

    private static String pairKey(Conjunction c) {
        return c.tca() + " " + Math.min(c.noradA(), c.noradB()) + "-" + Math.max(c.noradA(), c.noradB());
    }

    @Test
    void theMissVectorIsExpressedInThePrimarysFrame() {
        List<Conjunction> all = Screening.run(shell.subList(0, 60), new Screening.Request(start, start.plusSeconds(3600 * 3), 100,
                Set.of(), 60, 2, Screening.Propagator.FAST, null), DATA, null).conjunctions();
        assertThat(all).isNotEmpty();
        for (Conjunction c : all) {
            // the components are an orthonormal decomposition of the miss vector
            double norm = Math.sqrt(c.radialKm() * c.radialKm() + c.inTrackKm() * c.inTrackKm() + c.crossTrackKm() * c.crossTrackKm());
            assertThat(norm).isCloseTo(c.missKm(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(c.relativeSpeedKmS()).isBetween(0.0, 16.0);
            assertThat(c.hasProbability()).isFalse();
        }
        // Independent check of one: the primary's state from Orekit, the frame built from it here.
        Conjunction c = all.get(0);
        ElementSet ea = shell.stream().filter(e -> e.noradId() == c.noradA()).findFirst().orElseThrow();
        ElementSet eb = shell.stream().filter(e -> e.noradId() == c.noradB()).findFirst().orElseThrow();
        CartesianState a = Sgp4.of(ea, DATA).teme(c.tca());
        CartesianState b = Sgp4.of(eb, DATA).teme(c.tca());
        double[] r = {a.xKm(), a.yKm(), a.zKm()};
        double[] d = {b.xKm() - a.xKm(), b.yKm() - a.yKm(), b.zKm() - a.zKm()};
        double radial = (r[0] * d[0] + r[1] * d[1] + r[2] * d[2]) / a.radiusKm();
        assertThat(radial).isCloseTo(c.radialKm(), org.assertj.core.data.Offset.offset(0.002));
    }

    /**
     * A spacecraft docked to a station is catalogued with the station's elements: the two never separate, and the
     * range rate between them is rounding noise (the vector lanes and the scalar tail differ in the last bits).
     * No closest approach of theirs is reported, and nothing else changes.
     */
    @Test
    void objectsMovingTogetherHaveNoClosestApproach() {
        List<ElementSet> objects = new ArrayList<>(shell.subList(0, 60));
        ElementSet station = objects.get(0);
        objects.add(new ElementSet(99998, "DOCKED", "", 'U', station.epoch(), station.meanMotion(), station.eccentricity(),
                station.inclinationDeg(), station.raanDeg(), station.argPerigeeDeg(), station.meanAnomalyDeg(), station.bstar(),
                station.meanMotionDot(), station.meanMotionDdot(), 0, 1, 1, null, null));
        Screening.Request request = new Screening.Request(start, start.plusSeconds(4 * 3600), 100, Set.of(), 60, 2,
                Screening.Propagator.FAST, null);
        List<Conjunction> with = Screening.run(objects, request, DATA, null).conjunctions();
        assertThat(with).noneMatch(c -> c.noradA() == station.noradId() && c.noradB() == 99998);
        List<Conjunction> without = Screening.run(objects.subList(0, 60), request, DATA, null).conjunctions();
        assertThat(with.stream().filter(c -> c.noradB() != 99998).toList()).isEqualTo(without);
        assertThat(with.stream().filter(c -> c.noradB() == 99998)).hasSameSizeAs(without.stream()
                .filter(c -> c.noradA() == station.noradId() || c.noradB() == station.noradId()).toList());
    }

    @Test
    void anObjectThatDecaysDuringTheSpanDropsOutAndChangesNothingElse() {
        // 16.4 rev/day with a large B*: SGP4 gives up on it within the first hours
        ElementSet dead = new ElementSet(99999, "DECAYING", "", 'U', start, 16.4, 0.0005, 53, 10, 20, 30, 0.05,
                0.01, 0, 0, 1, 1, null, null);
        org.spacettx.orbit.propagate.BatchSgp4 kernel = org.spacettx.orbit.propagate.BatchSgp4.of(List.of(dead), DATA);
        double[] state = new double[6];
        assertThat(kernel.stateAt(0, kernel.minutesAt(start.plusSeconds(3 * 3600)), state)).as("decayed by then")
                .isNotEqualTo(org.spacettx.orbit.propagate.BatchSgp4.OK);
        List<ElementSet> without = new ArrayList<>(shell.subList(0, 60));
        List<ElementSet> with = new ArrayList<>(without);
        with.add(dead);
        Screening.Request request = new Screening.Request(start, start.plusSeconds(3600 * 4), 100, Set.of(), 60, 2,
                Screening.Propagator.FAST, null);
        List<Conjunction> a = Screening.run(without, request, DATA, null).conjunctions();
        List<Conjunction> b = Screening.run(with, request, DATA, null).conjunctions().stream()
                .filter(c -> c.noradA() != 99999 && c.noradB() != 99999).toList();
        assertThat(a).isNotEmpty();
        assertThat(b).isEqualTo(a);
    }
}
