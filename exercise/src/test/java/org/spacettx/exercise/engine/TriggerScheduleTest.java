package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.frames.TopocentricFrame;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Sgp4;

/** The demo's computed release times against direct computations from SGP4 and Orekit, second by second. */
class TriggerScheduleTest {

    static final OrekitData DATA = OrekitData.standard();
    static Scenario demo;
    static TriggerSchedule schedule;

    @BeforeAll
    static void load() {
        demo = ScenarioReader.read(Demo.file(), DATA).scenario();
        schedule = TriggerSchedule.compute(demo, DATA);
    }

    @Test
    void timeLaunchAndChainedTriggers() {
        assertThat(schedule.timeOf(1)).contains(Instant.parse("2023-11-14T01:00:00Z"));
        assertThat(schedule.timeOf(8)).contains(Instant.parse("2023-11-21T13:42:28Z"));
        // when the US delegation's own sensors first see the new satellite (DetectionsTest holds it to Orekit)
        assertThat(schedule.timeOf(9).orElseThrow().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .isEqualTo(Instant.parse("2023-11-21T19:42:16.945Z"));
        assertThat(schedule.timeOf(7)).contains(Instant.parse("2023-11-16T02:00:00Z"));
        assertThat(schedule.timeOf(6)).isEmpty();
        assertThat(schedule.timeOf(15)).isEmpty();
    }

    @Test
    void firstPassOverOsanMatchesADirectScan() {
        SpaceObject recon = demo.object("recon-1").orElseThrow();
        Site osan = demo.sites().get("osan");
        Sgp4 sgp4 = Sgp4.of(recon.elements(), DATA);
        TopocentricFrame topo = new TopocentricFrame(DATA.earth(), new GeodeticPoint(Math.toRadians(osan.latitudeDeg()),
                Math.toRadians(osan.longitudeDeg()), osan.altitudeM()), "osan");
        Instant start = recon.inOrbitFrom();
        Instant rise = null;
        boolean below = false;
        for (int s = 0; s < 3 * 86400 && rise == null; s++) {
            Instant t = start.plusSeconds(s);
            CartesianState c = sgp4.itrf(t);
            double elevation = Math.toDegrees(topo.getElevation(new Vector3D(c.xKm() * 1e3, c.yKm() * 1e3, c.zKm() * 1e3),
                    DATA.itrf(), OrekitTle.toDate(t, DATA.utc())));
            if (elevation >= 10 && below) {
                rise = t;
            }
            below |= elevation < 10;
        }
        assertThat(rise).isNotNull();
        assertThat(Duration.between(schedule.timeOf(10).orElseThrow(), rise).toMillis() / 1000.0).isBetween(0.0, 1.0);
    }

    @Test
    void closeApproachMatchesADirectScan() {
        Sgp4 a = demo.object("rok-eo").orElseThrow().propagator(DATA);
        Sgp4 b = demo.object("inspector").orElseThrow().propagator(DATA);
        Instant start = Instant.parse("2023-11-24T00:00:00Z");
        Instant first = null;
        for (int s = 0; s < 2 * 86400 && first == null; s++) {
            Instant t = start.plusSeconds(s);
            CartesianState x = a.teme(t);
            CartesianState y = b.teme(t);
            if (Math.sqrt(Math.pow(x.xKm() - y.xKm(), 2) + Math.pow(x.yKm() - y.yKm(), 2) + Math.pow(x.zKm() - y.zKm(), 2)) < 20) {
                first = t;
            }
        }
        assertThat(first).isNotNull();
        assertThat(Duration.between(schedule.timeOf(17).orElseThrow(), first).toMillis() / 1000.0).isBetween(0.0, 1.0);
    }

    /**
     * Inject 25 is released 3 h before the closest approach of rok-eo and inspector that screening predicts: a
     * 1-second scan of their distance from Orekit's SGP4 finds the same minimum (time within 1 s, miss within 10 m).
     */
    @Test
    void conjunctionWarningIsTheScreenedClosestApproachLessItsLead() {
        Sgp4 a = demo.object("rok-eo").orElseThrow().propagator(DATA);
        Sgp4 b = demo.object("inspector").orElseThrow().propagator(DATA);
        Instant from = demo.move("M3").orElseThrow().start();
        Instant tca = null;
        double miss = Double.NaN;
        double before = Double.NaN;
        double here = distance(a, b, from);
        long span = Duration.between(from, demo.end()).toSeconds();
        for (int s = 1; s < span && tca == null; s++) {
            double after = distance(a, b, from.plusSeconds(s + 1));
            if (here < before && here <= after && here < 10) {
                tca = from.plusSeconds(s);
                miss = here;
            }
            before = here;
            here = after;
        }
        assertThat(tca).as("the scan finds the approach").isNotNull();
        TriggerSchedule.Entry entry = schedule.entries().stream().filter(e -> e.inject().number() == 25).findFirst().orElseThrow();
        Instant release = entry.time().orElseThrow();
        assertThat(Duration.between(release.plus(Duration.ofHours(3)), tca).toMillis() / 1000.0).isBetween(-1.0, 1.0);
        assertThat(entry.basis().en()).contains("ROK EO SAT").contains("RU INSPECTOR").contains("3 h before");
        assertThat(entry.basis().ko()).contains("근접").contains("3시간 전 배포").doesNotContain("closest");
        double reported = Double.parseDouble(entry.basis().en().replaceAll(".*miss ([0-9.]+) km.*", "$1"));
        assertThat(reported).isCloseTo(miss, org.assertj.core.data.Offset.offset(0.01 + 0.005)); // printed to 10 m
        assertThat(release).isAfterOrEqualTo(from);
    }

    private static double distance(Sgp4 a, Sgp4 b, Instant t) {
        CartesianState x = a.teme(t);
        CartesianState y = b.teme(t);
        return Math.sqrt(Math.pow(x.xKm() - y.xKm(), 2) + Math.pow(x.yKm() - y.yKm(), 2) + Math.pow(x.zKm() - y.zKm(), 2));
    }

    @Test
    void everyOrbitalTriggerOfTheDemoHappensWithinTheScenario() {
        for (int n : new int[] {5, 10, 11, 12, 17, 18, 25}) {
            Instant t = schedule.timeOf(n).orElseThrow(() -> new AssertionError("inject " + n + " has no time"));
            assertThat(t).isBetween(demo.start(), demo.end());
        }
    }
}
