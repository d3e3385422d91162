package org.spacettx.orbit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.frames.TopocentricFrame;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * Passes against an independent brute force: the elevation every second straight from SGP4 and Orekit's own
 * {@link TopocentricFrame} (no sampling, no interpolation, no root finding, none of our geometry). Every interval
 * the scan sees above the mask must be one of our passes with rise and set within 1 s and the same maximum
 * elevation within 0.05°; every pass of ours longer than 2 s must be seen by the scan.
 */
@Tag("slow")
class PassFinderTest {

    static final OrekitData DATA = OrekitData.standard();

    record Interval(Instant rise, Instant set, double maxElevation) {
    }

    static Catalog catalog(String file) {
        return Catalog.of(CatalogReader.strict(DATA).read(List.of(SharedData.path(file))).elementSets());
    }

    /** Brute force: 1-second elevation scan with Orekit's topocentric frame. */
    static List<Interval> scan(ElementSet e, Site site, Instant start, int seconds, double mask) {
        Sgp4 sgp4 = Sgp4.of(e, DATA);
        TopocentricFrame topo = new TopocentricFrame(DATA.earth(), new GeodeticPoint(Math.toRadians(site.latitudeDeg()),
                Math.toRadians(site.longitudeDeg()), site.altitudeM()), site.name());
        List<Interval> found = new ArrayList<>();
        Instant rise = null;
        double max = -90;
        for (int s = 0; s <= seconds; s++) {
            Instant t = start.plusSeconds(s);
            AbsoluteDate date = OrekitTle.toDate(t, DATA.utc());
            var state = sgp4.itrf(t);
            double elevation = Math.toDegrees(topo.getElevation(new PVCoordinates(
                    new org.hipparchus.geometry.euclidean.threed.Vector3D(state.xKm() * 1e3, state.yKm() * 1e3, state.zKm() * 1e3))
                    .getPosition(), DATA.itrf(), date));
            if (elevation >= mask) {
                if (rise == null) {
                    rise = t;
                    max = -90;
                }
                max = Math.max(max, elevation);
            } else if (rise != null) {
                found.add(new Interval(rise, t, max));
                rise = null;
            }
        }
        if (rise != null) {
            found.add(new Interval(rise, start.plusSeconds(seconds), max));
        }
        return found;
    }

    static void compare(ElementSet e, Site site, Instant start, int seconds, double mask) {
        Ephemerides sky = Ephemerides.sample(List.of(Sgp4.of(e, DATA)), start, start.plusSeconds(seconds),
                Duration.ofSeconds(60), 1, DATA);
        List<Pass> passes = PassFinder.find(sky, sky.objects().get(0), new Topocentric(site), mask);
        List<Interval> truth = scan(e, site, start, seconds, mask);
        System.out.printf("%s over %s: %d passes found, %d seen by the 1-s scan%n", e.label(), site.name(), passes.size(), truth.size());
        assertThat(truth).as("the scan should see passes of %s over %s", e.label(), site.name()).isNotEmpty();
        for (Interval expected : truth) {
            Pass match = passes.stream()
                    .filter(p -> !p.set().isBefore(expected.rise()) && !p.rise().isAfter(expected.set()))
                    .findFirst().orElseThrow(() -> new AssertionError("missed pass " + expected + " of " + e.label()));
            // The scan's rise is the first second above the mask: our exact rise lies in the second before it.
            double riseError = Duration.between(match.rise(), expected.rise()).toNanos() / 1e9;
            double setError = Duration.between(match.set(), expected.set()).toNanos() / 1e9;
            if (!match.risesBeforeSpan()) {
                assertThat(riseError).as("rise of %s", expected).isBetween(0.0, 1.0);
            }
            if (!match.setsAfterSpan()) {
                assertThat(setError).as("set of %s", expected).isBetween(0.0, 1.0);
            }
            // The scan's maximum is sampled once a second, so it can only be lower than the true one.
            assertThat(match.maxElevationDeg() - expected.maxElevation()).as("max elevation of %s", expected)
                    .isBetween(-1e-4, 0.05);
        }
        for (Pass p : passes) {
            if (p.durationSeconds() > 2) {
                assertThat(truth).as("extra pass %s", p)
                        .anyMatch(t -> !t.set().isBefore(p.rise()) && !t.rise().isAfter(p.set()));
            }
        }
    }

    @Test
    void issOverOsanForTwoDays() {
        ElementSet iss = catalog("catalog/spacetrack-3le-leo-2026-06-10.txt").byNorad(25544).orElseThrow();
        compare(iss, new Site("Osan AB", 37.090, 127.030, 12, "USA", "air base"),
                Instant.parse("2026-06-10T00:00:00Z"), 2 * 86400, 10);
    }

    @Test
    void malligyongOverSeoulAndGuamWithALowMask() {
        ElementSet m = catalog("catalog/spacetrack-3le-leo-2026-06-10.txt").byNorad(58400).orElseThrow();
        compare(m, new Site("MND Seoul", 37.535, 126.977, 40, "KOR", "ministry"), Instant.parse("2026-06-10T00:00:00Z"),
                86400, 0);
        compare(m, new Site("Andersen AFB", 13.584, 144.930, 160, "USA", "air base"),
                Instant.parse("2026-06-10T00:00:00Z"), 86400, 5);
    }

    @Test
    void molniyaOverWashington() {
        ElementSet molniya = catalog("catalog/spacetrack-3le-full-2023-09-09.txt").byName("MOLNIYA 2-9").get(0);
        compare(molniya, new Site("Washington", 38.898, -77.037, 20, "USA", "city"),
                Instant.parse("2023-09-04T00:00:00Z"), 2 * 86400, 10);
    }

    /**
     * A pass lasting seconds: the mask is put just under a real pass's maximum (found independently above), and the
     * finder must still report it, with its maximum elevation above the mask.
     */
    @Test
    void grazingPassesAreNotMissed() {
        ElementSet iss = catalog("catalog/spacetrack-3le-leo-2026-06-10.txt").byNorad(25544).orElseThrow();
        Site osan = new Site("Osan AB", 37.090, 127.030, 12, "USA", "air base");
        Instant start = Instant.parse("2026-06-10T00:00:00Z");
        Ephemerides sky = Ephemerides.sample(List.of(Sgp4.of(iss, DATA)), start, start.plusSeconds(86400),
                Duration.ofSeconds(60), 1, DATA);
        List<Pass> all = PassFinder.find(sky, sky.objects().get(0), new Topocentric(osan), 0);
        assertThat(all).isNotEmpty();
        for (Pass p : all) {
            if (p.risesBeforeSpan() || p.setsAfterSpan()) {
                continue;
            }
            double mask = p.maxElevationDeg() - 0.002;
            List<Pass> grazing = PassFinder.find(sky, sky.objects().get(0), new Topocentric(osan), mask);
            assertThat(grazing).as("grazing pass under %.3f deg", mask)
                    .anySatisfy(g -> {
                        assertThat(g.culmination()).isCloseTo(p.culmination(), within(Duration.ofSeconds(1)));
                        assertThat(g.durationSeconds()).isLessThan(30);
                        assertThat(g.maxElevationDeg()).isGreaterThanOrEqualTo(mask);
                    });
        }
    }
}
