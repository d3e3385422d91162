package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.bodies.AnalyticalSolarPositionProvider;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.frames.TopocentricFrame;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.scenario.CellSensor;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.access.GroundSensor;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;

/**
 * What each delegation's own sensors see of the demo's new satellite: the first detection of MALLIGYONG-1 after its
 * launch by the US sensors (which releases inject 9) and by the ROK sensors, each against a second-by-second scan
 * with Orekit alone (TLE propagator, topocentric frames, analytical Sun, the cylindrical shadow written here) of every
 * sensor of the cell from the satellite's insertion: the first second one of them sees it, within 1 s of ours. The
 * two delegations learn of the satellite hours apart.
 */
class DetectionsTest {

    static final OrekitData DATA = OrekitData.standard();
    static Scenario demo;
    static TriggerSchedule schedule;

    @BeforeAll
    static void load() {
        demo = ScenarioReader.read(Demo.file(), DATA).scenario();
        schedule = TriggerSchedule.compute(demo, DATA);
    }

    /** The first second, from {@code from}, that one of the cell's sensors observes the object, by Orekit alone. */
    static Instant scan(SpaceObject o, List<CellSensor> sensors, Instant from, int seconds) {
        java.util.Map<org.spacettx.orbit.catalog.ElementSet, TLEPropagator> propagators = new java.util.HashMap<>();
        AnalyticalSolarPositionProvider sun = new AnalyticalSolarPositionProvider(DATA.context());
        List<TopocentricFrame> frames = sensors.stream().map(s -> new TopocentricFrame(DATA.earth(), new GeodeticPoint(
                Math.toRadians(s.sensor().site().latitudeDeg()), Math.toRadians(s.sensor().site().longitudeDeg()),
                s.sensor().site().altitudeM()), s.id())).toList();
        for (int t = 0; t <= seconds; t++) {
            AbsoluteDate date = OrekitTle.toDate(from.plusSeconds(t), DATA.utc());
            // the element set in force then (after a manoeuvre, the one after it), flown by Orekit's own propagator
            TLEPropagator propagator = propagators.computeIfAbsent(o.elementsAt(from.plusSeconds(t)),
                    e -> TLEPropagator.selectExtrapolator(OrekitTle.toTle(e, DATA.utc()), DATA.teme()));
            Vector3D p = propagator.getPVCoordinates(date, DATA.itrf()).getPosition();
            for (int k = 0; k < sensors.size(); k++) {
                GroundSensor g = sensors.get(k).sensor();
                TopocentricFrame topo = frames.get(k);
                boolean seen = Math.toDegrees(topo.getElevation(p, DATA.itrf(), date)) >= g.minElevationDeg()
                        && topo.getRange(p, DATA.itrf(), date) / 1000 <= g.detectionRangeKm(o.sizeM());
                if (seen && g.kind() == GroundSensor.Kind.OPTICAL) {
                    Vector3D s = sun.getPosition(date, DATA.itrf());
                    Vector3D u = s.normalize();
                    double along = p.dotProduct(u);
                    seen = (along >= 0 || p.subtract(u.scalarMultiply(along)).getNorm() > 6378137.0)
                            && Math.toDegrees(topo.getElevation(s, DATA.itrf(), date)) <= g.maxSunElevationDeg();
                }
                if (seen) {
                    return from.plusSeconds(t);
                }
            }
        }
        return null;
    }

    @Test
    void eachDelegationFirstSeesTheNewSatelliteWhenItsOwnSensorsCan() {
        SpaceObject recon = demo.object("recon-1").orElseThrow();
        Instant insertion = recon.inOrbitFrom();
        Instant[] first = new Instant[2];
        int i = 0;
        for (String cell : List.of("usa", "kor")) {
            List<CellSensor> sensors = demo.sensors().stream().filter(s -> s.cell().equals(cell)).toList();
            Instant ours = schedule.detections().firstDetection(cell, "recon-1", insertion).orElseThrow();
            Instant truth = scan(recon, sensors, insertion, (int) Duration.between(insertion, ours).toSeconds() + 60);
            System.out.printf("%s first sees MALLIGYONG-1 at %s (%s after insertion); the 1-s Orekit scan: %s%n", cell, ours,
                    Duration.between(insertion, ours), truth);
            assertThat(truth).as("%s: the scan sees it", cell).isNotNull();
            // the scan's first second is the first whole second at or after our time
            assertThat(Duration.between(ours, truth).toNanos() / 1e9).as("%s: first detection vs the scan (s)", cell).isBetween(0.0, 1.0);
            first[i++] = ours;
        }
        assertThat(schedule.timeOf(9)).contains(first[0]);
        assertThat(Duration.between(first[0], first[1]).toHours()).as("the ROK cell learns of it hours after the US cell").isGreaterThanOrEqualTo(2);
    }

    /**
     * Each delegation learns of the ASAT test's debris when one of its sensors first observes a fragment (each by its
     * own size): against a 1-s Orekit scan of every fragment from the breakup, by every sensor of the cell, the first
     * second any is seen is within 1 s after ours, and none is seen earlier.
     */
    @Test
    @org.junit.jupiter.api.Tag("slow") // 1,205 fragments scanned second by second: about 20 s
    void eachDelegationFirstSeesTheDebrisWhenItsSensorsSeeAFragment() {
        org.spacettx.exercise.scenario.Breakup asat = demo.breakups().get(0);
        for (String cell : List.of("usa", "kor")) {
            List<CellSensor> sensors = demo.sensors().stream().filter(s -> s.cell().equals(cell)).toList();
            Instant ours = schedule.detections().firstDebrisDetection(cell, asat.id()).orElseThrow();
            int seconds = (int) Duration.between(asat.time(), ours).toSeconds() + 2;
            Instant truth = null;
            for (int i = 0; i < asat.fragments().size(); i++) {
                SpaceObject fragment = new SpaceObject("f" + i, org.spacettx.exercise.scenario.Text.of("f", "f"), "", asat.fragments().get(i),
                        "", "elements", null, asat.sizesM().get(i));
                Instant seen = scan(fragment, sensors, asat.time(), seconds);
                if (seen != null && (truth == null || seen.isBefore(truth))) {
                    truth = seen;
                }
            }
            System.out.printf("%s first sees a fragment of %s at %s (%s after it); the 1-s Orekit scan of %d fragments: %s%n", cell,
                    asat.id(), ours, Duration.between(asat.time(), ours), asat.fragments().size(), truth);
            assertThat(truth).as("%s: the scan sees a fragment", cell).isNotNull();
            assertThat(Duration.between(ours, truth).toNanos() / 1e9).as("%s: first fragment vs the scan (s)", cell).isBetween(0.0, 1.0);
        }
    }

    /**
     * The ROK cell loses custody of the Russian inspector at its first sighting after the inspector's first burn: that
     * sighting starts where a 1-s Orekit scan of the ROK sensors first sees the inspector after the burn (within 1 s),
     * and there the inspector is more than the 10 km gate from where the pre-burn element set, flown by Orekit, puts it;
     * at the ROK cell's last sighting before the burn it was where that set said. Inject 30 is released then.
     */
    @Test
    void theRokCellLosesTheInspectorWhenItsSensorsFindItAwayFromItsPrediction() {
        SpaceObject inspector = demo.object("inspector").orElseThrow();
        Instant burn = demo.maneuvers().stream().filter(m -> m.object().equals("inspector")).findFirst().orElseThrow().time();
        Detections.Loss loss = schedule.detections().custodyLost("kor", inspector, demo.moves().get(2).start()).orElseThrow();
        assertThat(loss.reason()).isEqualTo("maneuver");
        assertThat(schedule.timeOf(30)).contains(loss.time());
        List<CellSensor> kor = demo.sensors().stream().filter(s -> s.cell().equals("kor")).toList();
        Instant truth = scan(inspector, kor, burn, (int) Duration.between(burn, loss.time()).toSeconds() + 60);
        System.out.printf("kor loses the inspector at %s (%.1f km off; burn %s); the 1-s Orekit scan first sees it after the burn at %s%n",
                loss.time(), loss.offsetKm(), burn, truth);
        assertThat(Duration.between(loss.time(), truth).toNanos() / 1e9).isBetween(0.0, 1.0);
        TLEPropagator before = TLEPropagator.selectExtrapolator(OrekitTle.toTle(inspector.elementsAt(burn.minusSeconds(1)), DATA.utc()), DATA.teme());
        TLEPropagator after = TLEPropagator.selectExtrapolator(OrekitTle.toTle(inspector.elementsAt(loss.time()), DATA.utc()), DATA.teme());
        AbsoluteDate at = OrekitTle.toDate(loss.time(), DATA.utc());
        double offsetKm = before.getPVCoordinates(at, DATA.itrf()).getPosition().distance(after.getPVCoordinates(at, DATA.itrf()).getPosition()) / 1000;
        assertThat(offsetKm).isGreaterThan(Detections.GATE_KM).isCloseTo(loss.offsetKm(), org.assertj.core.data.Offset.offset(0.01));
        Detections.Sighting lastBefore = schedule.detections().of("kor", "inspector").stream().filter(x -> x.end().isBefore(burn))
                .reduce((a, b) -> b).orElseThrow();
        AbsoluteDate then = OrekitTle.toDate(lastBefore.start(), DATA.utc());
        assertThat(before.getPVCoordinates(then, DATA.itrf()).getPosition().distance(
                TLEPropagator.selectExtrapolator(OrekitTle.toTle(inspector.elementsAt(lastBefore.start()), DATA.utc()), DATA.teme())
                        .getPVCoordinates(then, DATA.itrf()).getPosition()) / 1000).isLessThan(Detections.GATE_KM);
    }

    @Test
    void noDetectionBeforeInsertionNorAfterADestruction() {
        SpaceObject recon = demo.object("recon-1").orElseThrow();
        SpaceObject defunct = demo.object("ru-defunct").orElseThrow();
        for (String cell : schedule.detections().cells()) {
            assertThat(schedule.detections().of(cell, "recon-1")).allSatisfy(s -> assertThat(s.start()).isAfterOrEqualTo(recon.inOrbitFrom()));
            assertThat(schedule.detections().of(cell, "ru-defunct")).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.end()).isBeforeOrEqualTo(defunct.destroyedAt()));
        }
        assertThat(schedule.detections().cells()).containsExactly("kor", "usa");
        assertThat(schedule.detections().of("control", "recon-1")).isEmpty();
    }
}
