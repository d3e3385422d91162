package org.spacettx.orbit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
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
 * A ground radar's and a telescope's observations against a brute force with Orekit alone: every second, the object
 * from Orekit's TLE propagator in ITRF, its elevation and range from Orekit's {@link TopocentricFrame}, the Sun from
 * Orekit's analytical model (its elevation at the site, and the cylindrical shadow computed here from its direction). Every
 * span the scan sees that is longer than the sensor's sampling must be one of ours, start and end within 1 s; every
 * one of ours must be seen by the scan.
 */
@Tag("slow")
class GroundSensorTest {

    static final OrekitData DATA = OrekitData.standard();
    static final Site SITE = new Site("Test site", 36.5, 127.5, 100, "KOR", "sensor");
    static final Instant START = Instant.parse("2026-06-10T00:00:00Z");
    static final int SECONDS = 3 * 86400;

    record Interval(Instant start, Instant end) {
    }

    static ElementSet object(int norad) {
        return Catalog.of(CatalogReader.strict(DATA).read(List.of(SharedData.path("catalog/spacetrack-3le-leo-2026-06-10.txt")))
                .elementSets()).byNorad(norad).orElseThrow();
    }

    /** The seconds at which every constraint holds, by Orekit alone, as spans [first second, first second after]. */
    static List<Interval> scan(ElementSet e, GroundSensor sensor, double sizeM) {
        TLEPropagator propagator = TLEPropagator.selectExtrapolator(OrekitTle.toTle(e, DATA.utc()), DATA.teme());
        TopocentricFrame topo = new TopocentricFrame(DATA.earth(), new GeodeticPoint(Math.toRadians(SITE.latitudeDeg()),
                Math.toRadians(SITE.longitudeDeg()), SITE.altitudeM()), SITE.name());
        // Orekit's analytical Sun (no JPL ephemerides offline here; the grid's interpolation and our geometry are not used)
        AnalyticalSolarPositionProvider sun = new AnalyticalSolarPositionProvider(DATA.context());
        double radius = 6378137.0;
        List<Interval> found = new ArrayList<>();
        Instant open = null;
        for (int s = 0; s <= SECONDS; s++) {
            Instant t = START.plusSeconds(s);
            AbsoluteDate date = OrekitTle.toDate(t, DATA.utc());
            Vector3D p = propagator.getPVCoordinates(date, DATA.itrf()).getPosition();
            boolean ok = Math.toDegrees(topo.getElevation(p, DATA.itrf(), date)) >= sensor.minElevationDeg()
                    && topo.getRange(p, DATA.itrf(), date) / 1000 <= sensor.detectionRangeKm(sizeM)
                    && inField(sensor, Math.toDegrees(topo.getAzimuth(p, DATA.itrf(), date)));
            if (ok && sensor.kind() == GroundSensor.Kind.OPTICAL) {
                Vector3D sunPosition = sun.getPosition(date, DATA.itrf());
                Vector3D towardsSun = sunPosition.normalize();
                double along = p.dotProduct(towardsSun);
                boolean lit = along >= 0 || p.subtract(towardsSun.scalarMultiply(along)).getNorm() > radius;
                ok = lit && Math.toDegrees(topo.getElevation(sunPosition, DATA.itrf(), date)) <= sensor.maxSunElevationDeg();
            }
            if (ok && open == null) {
                open = t;
            } else if (!ok && open != null) {
                found.add(new Interval(open, t));
                open = null;
            }
        }
        if (open != null) {
            found.add(new Interval(open, START.plusSeconds(SECONDS)));
        }
        return found;
    }

    /** Whether an azimuth (Orekit's, clockwise from north) lies in the sensor's field of regard, counted here. */
    static boolean inField(GroundSensor sensor, double azimuthDeg) {
        double from = sensor.azimuthFromDeg();
        double to = sensor.azimuthToDeg();
        if (from == 0 && to == 360) {
            return true;
        }
        double a = (azimuthDeg + 360) % 360;
        return from < to ? a >= from && a <= to : a >= from || a <= to; // a sector that wraps through north
    }

    static void compare(ElementSet e, GroundSensor sensor, double sizeM) {
        Ephemerides sky = Ephemerides.sample(List.of(Sgp4.of(e, DATA)), START, START.plusSeconds(SECONDS), Duration.ofSeconds(60), 1, DATA);
        List<GroundSensor.Observation> ours = sensor.observe(sky, sky.objects().get(0), sizeM);
        List<Interval> truth = scan(e, sensor, sizeM);
        System.out.printf("%s by %s (%s): %d observations, %d seen by the 1-s scan%n", e.label(), sensor.id(), sensor.kind(), ours.size(),
                truth.size());
        assertThat(truth).as("the scan should see %s", e.label()).isNotEmpty();
        for (Interval expected : truth) {
            if (Duration.between(expected.start(), expected.end()).toSeconds() <= GroundSensor.SCAN_S) {
                continue;
            }
            GroundSensor.Observation match = ours.stream().filter(o -> !o.end().isBefore(expected.start()) && !o.start().isAfter(expected.end()))
                    .findFirst().orElseThrow(() -> new AssertionError("missed " + expected));
            // the scan's start is the first second the constraints hold: ours lies in the second before it
            assertThat(Duration.between(match.start(), expected.start()).toNanos() / 1e9).as("start of %s", expected).isBetween(0.0, 1.0);
            if (!match.endsAfterSpan()) {
                assertThat(Duration.between(match.end(), expected.end()).toNanos() / 1e9).as("end of %s", expected).isBetween(0.0, 1.0);
            }
        }
        for (GroundSensor.Observation o : ours) {
            assertThat(truth).as("extra %s", o).anyMatch(t -> !t.end().isBefore(o.start()) && !t.start().isAfter(o.end()));
            assertThat(o.closestKm()).isLessThanOrEqualTo(sensor.detectionRangeKm(sizeM));
        }
    }

    @Test
    void aRadarWhoseRangeBindsObservesTheIss() {
        // 1 m at 1,000 km: the ISS (taken as 1 m) only where it is nearer than 1,000 km, above 10°
        GroundSensor radar = new GroundSensor("radar", SITE, GroundSensor.Kind.RADAR, 10, 1000, 1, 0);
        compare(object(25544), radar, 1.0);
    }

    @Test
    void aTelescopeObservesSunlitObjectsFromADarkSite() {
        // the Sun 6° below the horizon (civil twilight's end): in June at 36.5° N the nights are short; the ISS is in a
        // week of no visible passes there (both computations find none), these are not
        GroundSensor telescope = new GroundSensor("telescope", SITE, GroundSensor.Kind.OPTICAL, 10, 2000, 0.5, -6);
        compare(object(58400), telescope, 1.0);
        compare(object(43013), telescope, 1.0);
        compare(object(20580), telescope, 1.0);
    }

    @Test
    void aRadarLimitedInAzimuthObservesOnlyWithinItsFaces() {
        // a radar facing south (90° to 270°) and one whose field wraps through north (300° to 60°), 2,000 km at 1 m
        GroundSensor south = new GroundSensor("south", SITE, GroundSensor.Kind.RADAR, 5, 2000, 1, 0, 90, 270);
        GroundSensor north = new GroundSensor("north", SITE, GroundSensor.Kind.RADAR, 5, 2000, 1, 0, 300, 60);
        compare(object(25544), south, 1.0);
        compare(object(25544), north, 1.0);
        compare(object(43013), north, 1.0);
        assertThatThrownBy(() -> new GroundSensor("x", SITE, GroundSensor.Kind.RADAR, 10, 100, 0.1, 0, 90, 90))
                .hasMessageContaining("azimuth");
        assertThatThrownBy(() -> new GroundSensor("x", SITE, GroundSensor.Kind.RADAR, 10, 100, 0.1, 0, -10, 90))
                .hasMessageContaining("azimuth");
    }

    @Test
    void detectionRangeFollowsTheStatedLaws() {
        GroundSensor radar = new GroundSensor("r", SITE, GroundSensor.Kind.RADAR, 10, 1000, 0.1, 0);
        GroundSensor telescope = new GroundSensor("t", SITE, GroundSensor.Kind.OPTICAL, 10, 1000, 0.1, -12);
        assertThat(radar.detectionRangeKm(0.1)).isEqualTo(1000);
        assertThat(radar.detectionRangeKm(0.4)).isEqualTo(2000); // cross-section ∝ L², echo ∝ σ / R⁴
        assertThat(telescope.detectionRangeKm(0.4)).isEqualTo(4000); // signal ∝ L² / R²
        assertThatThrownBy(() -> new GroundSensor("x", SITE, GroundSensor.Kind.RADAR, 10, 0, 0.1, 0))
                .hasMessageContaining("positive range");
    }
}
