package org.spacettx.orbit.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orekit.bodies.AnalyticalSolarPositionProvider;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.frames.TopocentricFrame;
import org.orekit.time.AbsoluteDate;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.Area;
import org.spacettx.orbit.geo.CircleArea;
import org.spacettx.orbit.geo.GeoPoint;
import org.spacettx.orbit.geo.PolygonArea;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * Overflight windows against a brute-force check of the sensor geometry every second, written here with Orekit's
 * {@link TopocentricFrame} for elevation and the Sun, SGP4 states without sampling, and the off-nadir angle from
 * the vectors: every interval the scan finds must be a window (edges within 1 s), and every window longer than
 * 2 s must be seen by the scan.
 */
@Tag("slow")
class OverflightFinderTest {

    static final OrekitData DATA = OrekitData.standard();
    static final Instant START = Instant.parse("2026-06-10T00:00:00Z");

    record Interval(Instant start, Instant end) {
    }

    static ElementSet malligyong() {
        Catalog c = Catalog.of(CatalogReader.strict(DATA)
                .read(List.of(SharedData.path("catalog/spacetrack-3le-leo-2026-06-10.txt"))).elementSets());
        return c.byNorad(58400).orElseThrow();
    }

    static List<Interval> scan(ElementSet e, List<GeoPoint> points, Sensor sensor, int seconds) {
        Sgp4 sgp4 = Sgp4.of(e, DATA);
        AnalyticalSolarPositionProvider sunModel = new AnalyticalSolarPositionProvider(DATA.context());
        List<TopocentricFrame> frames = new ArrayList<>();
        for (GeoPoint p : points) {
            frames.add(new TopocentricFrame(DATA.earth(), new GeodeticPoint(Math.toRadians(p.latitudeDeg()),
                    Math.toRadians(p.longitudeDeg()), 0), "p"));
        }
        List<Interval> found = new ArrayList<>();
        Instant open = null;
        for (int s = 0; s <= seconds; s++) {
            Instant t = START.plusSeconds(s);
            AbsoluteDate date = OrekitTle.toDate(t, DATA.utc());
            CartesianState c = sgp4.itrf(t);
            Vector3D sat = new Vector3D(c.xKm() * 1e3, c.yKm() * 1e3, c.zKm() * 1e3);
            Vector3D sun = sunModel.getPosition(date, DATA.itrf());
            boolean visible = false;
            for (TopocentricFrame f : frames) {
                if (Math.toDegrees(f.getElevation(sat, DATA.itrf(), date)) < sensor.minElevationDeg()) {
                    continue;
                }
                Vector3D ground = f.getCartesianPoint();
                double offNadir = Math.toDegrees(Vector3D.angle(sat.negate(), ground.subtract(sat)));
                if (!Double.isNaN(sensor.maxOffNadirDeg()) && offNadir > sensor.maxOffNadirDeg()) {
                    continue;
                }
                if (!Double.isNaN(sensor.minSunElevationDeg())
                        && Math.toDegrees(f.getElevation(sun, DATA.itrf(), date)) < sensor.minSunElevationDeg()) {
                    continue;
                }
                visible = true;
                break;
            }
            if (visible && open == null) {
                open = t;
            } else if (!visible && open != null) {
                found.add(new Interval(open, t));
                open = null;
            }
        }
        if (open != null) {
            found.add(new Interval(open, START.plusSeconds(seconds)));
        }
        return found;
    }

    static void compare(ElementSet e, Target target, List<GeoPoint> points, Sensor sensor, int seconds) {
        Ephemerides sky = Ephemerides.sample(List.of(Sgp4.of(e, DATA)), START, START.plusSeconds(seconds),
                Duration.ofSeconds(60), 1, DATA);
        List<Window> windows = OverflightFinder.find(sky, sky.objects().get(0), target, sensor);
        List<Interval> truth = scan(e, points, sensor, seconds);
        System.out.printf("%s over %s with %s: %d windows, %d seen by the scan%n", e.label(), target.name(), sensor,
                windows.size(), truth.size());
        assertThat(truth).as("the scan should see windows").isNotEmpty();
        for (Interval expected : truth) {
            Window match = windows.stream()
                    .filter(w -> !w.end().isBefore(expected.start()) && !w.start().isAfter(expected.end()))
                    .findFirst().orElseThrow(() -> new AssertionError("missed window " + expected));
            double startError = Duration.between(match.start(), expected.start()).toNanos() / 1e9;
            double endError = Duration.between(match.end(), expected.end()).toNanos() / 1e9;
            assertThat(startError).as("start of %s vs %s", expected, match).isBetween(-0.05, 1.05);
            assertThat(endError).as("end of %s vs %s", expected, match).isBetween(-0.05, 1.05);
            assertThat(match.coverage()).isBetween(0.0, 1.0).isPositive();
        }
        for (Window w : windows) {
            if (w.durationSeconds() > 2) {
                assertThat(truth).as("extra window %s", w)
                        .anyMatch(t -> !t.end().isBefore(w.start()) && !t.start().isAfter(w.end()));
            }
        }
    }

    @Test
    void opticalOverASiteWithSunLimit() {
        Site osan = new Site("Osan AB", 37.090, 127.030, 0, "USA", "air base");
        Sensor sensor = Sensor.parse("optical:off-nadir=40,sun=10");
        compare(malligyong(), Target.of(osan), List.of(osan.point()), sensor, 5 * 86400);
    }

    @Test
    void radarOverAPolygon() {
        Area seoul = new PolygonArea("Seoul metropolitan area", List.of(List.of(List.of(
                new GeoPoint(37.30, 126.70), new GeoPoint(37.30, 127.25), new GeoPoint(37.75, 127.25),
                new GeoPoint(37.75, 126.70)))), "KOR", "city");
        Sensor sensor = Sensor.parse("radar:off-nadir=45");
        compare(malligyong(), Target.of(seoul, 8.0), seoul.samples(8.0), sensor, 86400);
    }

    @Test
    void elevationLimitOverACircle() {
        Area guam = new CircleArea("Guam", new GeoPoint(13.45, 144.78), 40, "USA", "island");
        Sensor sensor = Sensor.parse("elevation:20");
        compare(malligyong(), Target.of(guam, 10.0), guam.samples(10.0), sensor, 2 * 86400);
    }
}
