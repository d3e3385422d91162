package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.scenario.Marking;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * Each delegation's own picture of the demo: the Russian inspector's first burn (01:02:17 on 24 Nov) is not in the ROK
 * picture until its sensors see it again, the US track after its re-acquisition is, and sharing that track puts the
 * inspector where it is in the ROK picture too. Positions are checked against Orekit's own TLE propagator flying the
 * element set each cell holds.
 */
class CellKnowledgeTest {

    static final OrekitData DATA = OrekitData.standard();
    static Scenario demo;
    static Detections seen;
    static SpaceObject inspector;
    static SpaceObject recon;

    @BeforeAll
    static void load() {
        demo = ScenarioReader.read(Demo.file(), DATA).scenario();
        seen = Detections.compute(demo, DATA);
        inspector = demo.object("inspector").orElseThrow();
        recon = demo.object("recon-1").orElseThrow();
    }

    /** Where Orekit's TLE propagator puts an element set at a time (ITRF, km). */
    static Vector3D orekit(ElementSet e, Instant t) {
        TLEPropagator p = TLEPropagator.selectExtrapolator(OrekitTle.toTle(e, DATA.utc()), DATA.teme());
        return p.getPVCoordinates(OrekitTle.toDate(t, DATA.utc()), DATA.itrf()).getPosition().scalarMultiply(1e-3);
    }

    static Vector3D ours(SpaceObject asKnown, Instant t) {
        CartesianState s = Sgp4.of(asKnown.segments(), DATA).itrf(t);
        return new Vector3D(s.xKm(), s.yKm(), s.zKm());
    }

    static Item.SharedTrack share(String from, String to, String object, Instant at) {
        Detections.Fix fix = seen.track(from, demo.object(object).orElseThrow()).latestBy(at).orElseThrow();
        return new Item.SharedTrack("TRK-1", from, to, object, fix.latestBy(at), fix.sensor(), Marking.parse("REL TO USA, KOR"), at);
    }

    @Test
    void anUnseenManoeuvreIsNotInTheDelegationsPicture() {
        Instant burn = inspector.later().get(0).epoch();
        Instant t = Instant.parse("2023-11-24T02:00:00Z"); // after the burn, before the ROK sensors look again
        CellKnowledge k = new CellKnowledge(seen, List.of());
        CellKnowledge.Estimate kor = k.estimate("kor", inspector, t).orElseThrow();
        assertThat(kor.observed()).isBefore(burn); // its own sightings or the catalog's element set, both before the burn
        assertThat(kor.asKnown().later()).isEmpty();
        // the ROK picture flies the element set before the burn; the truth the one after it
        Vector3D held = ours(kor.asKnown(), t);
        assertThat(held.distance(orekit(inspector.elements(), t))).isLessThan(0.001);
        assertThat(held.distance(orekit(inspector.elementsAt(t), t))).isGreaterThan(Detections.GATE_KM);
        double hours = Duration.between(kor.observed(), t).toMillis() / 3.6e6;
        assertThat(kor.sigmaKm()).isCloseTo(CellKnowledge.SIGMA_AT_FIX_KM + CellKnowledge.SIGMA_GROWTH_KM_PER_DAY * hours / 24, within(1e-9));
        assertThat(kor.custody()).isEqualTo("tracked");
        // at 02:12:39 the ROK sensors look where they expect it and do not find it: lost, the old prediction kept
        Detections.Loss loss = seen.custodyLost("kor", inspector, burn).orElseThrow();
        CellKnowledge.Estimate after = k.estimate("kor", inspector, loss.time()).orElseThrow();
        assertThat(after.custody()).isEqualTo("lost");
        assertThat(after.observed()).isEqualTo(kor.observed());
        assertThat(k.estimate("kor", inspector, loss.time().minusMillis(1)).orElseThrow().custody()).isEqualTo("tracked");
    }

    @Test
    void aSharedTrackPutsTheObjectWhereTheAllySawIt() {
        Instant t = Instant.parse("2023-11-24T10:00:00Z"); // the US sensors have the inspector again since 09:53:20
        CellKnowledge none = new CellKnowledge(seen, List.of());
        CellKnowledge.Estimate usa = none.estimate("usa", inspector, t).orElseThrow();
        assertThat(usa.observed()).isAfter(inspector.later().get(1).epoch());
        assertThat(ours(usa.asKnown(), t).distance(orekit(inspector.elementsAt(t), t))).isLessThan(0.001);
        CellKnowledge.Estimate korBefore = none.estimate("kor", inspector, t).orElseThrow();
        assertThat(ours(korBefore.asKnown(), t).distance(orekit(inspector.elementsAt(t), t))).isGreaterThan(100);

        Item.SharedTrack track = share("usa", "kor", "inspector", t);
        assertThat(track.observedAt()).isEqualTo(usa.observed());
        CellKnowledge shared = new CellKnowledge(seen, List.of(track));
        assertThat(shared.estimate("kor", inspector, t.minusMillis(1)).orElseThrow().source()).isNotEqualTo("shared:usa");
        Instant later = t.plus(Duration.ofMinutes(30));
        CellKnowledge.Estimate kor = shared.estimate("kor", inspector, later).orElseThrow();
        assertThat(kor.source()).isEqualTo("shared:usa");
        assertThat(kor.observed()).isEqualTo(usa.observed());
        assertThat(kor.custody()).isEqualTo("tracked"); // the share after the loss re-acquires it
        assertThat(ours(kor.asKnown(), later).distance(orekit(inspector.elementsAt(later), later))).isLessThan(0.001);
        // the US picture is not changed by what it gave
        assertThat(shared.estimate("usa", inspector, later)).isEqualTo(none.estimate("usa", inspector, later));
    }

    @Test
    void aDelegationKnowsANewSatelliteFromItsOwnSightingOrAnAllysShare() {
        Instant insertion = recon.inOrbitFrom();
        Instant usaFirst = seen.firstDetection("usa", "recon-1", insertion).orElseThrow();
        Instant korFirst = seen.firstDetection("kor", "recon-1", insertion).orElseThrow();
        CellKnowledge none = new CellKnowledge(seen, List.of());
        assertThat(none.firstKnown("kor", "recon-1", insertion)).contains(korFirst);
        assertThat(none.estimate("kor", recon, korFirst.minusMillis(1))).isEmpty();
        Instant at = Instant.parse("2023-11-21T20:00:00Z"); // between the US first sighting (19:42) and the ROK one (00:19)
        assertThat(usaFirst).isBefore(at);
        assertThat(korFirst).isAfter(at);
        CellKnowledge shared = new CellKnowledge(seen, List.of(share("usa", "kor", "recon-1", at)));
        assertThat(shared.firstKnown("kor", "recon-1", insertion)).contains(at);
        assertThat(shared.estimate("kor", recon, at.minusMillis(1))).isEmpty();
        CellKnowledge.Estimate kor = shared.estimate("kor", recon, at).orElseThrow();
        assertThat(kor.source()).isEqualTo("shared:usa");
        assertThat(kor.observed()).isAfterOrEqualTo(usaFirst).isBeforeOrEqualTo(at);
        // the room's screen shows what every delegation holds: nothing of it while the ROK cell has nothing
        assertThat(none.common(List.of("kor", "usa"), recon, at)).isEmpty();
        assertThat(shared.common(List.of("kor", "usa"), recon, at)).isPresent();
        // a delegation without sensors is not estimated (it follows what happens)
        assertThat(none.estimate("control", recon, at)).isEmpty();
    }

    @Test
    void theUncertaintyGrowsByTheStatedModelAndATrackGoesStaleThenLost() {
        CellKnowledge k = new CellKnowledge(seen, List.of());
        Detections.Fix fix = seen.track("kor", recon).fixes().get(0);
        Instant day = fix.to().plus(Duration.ofHours(36));
        // with no later sighting in between, the uncertainty 36 h on is 1 km + 2 km/day x 1.5 days
        boolean seenBetween = seen.track("kor", recon).fixes().stream().anyMatch(f -> f.from().isAfter(fix.to()) && f.from().isBefore(day));
        CellKnowledge.Estimate e = k.estimate("kor", recon, day).orElseThrow();
        if (!seenBetween) {
            assertThat(e.sigmaKm()).isCloseTo(4.0, within(1e-6));
            assertThat(e.custody()).isEqualTo("stale");
        } else {
            assertThat(e.observed()).isAfter(fix.to());
        }
        // a satellite in the public catalog the cell never tracked: from the catalog's epoch
        SpaceObject catalogued = demo.objects().stream().filter(o -> o.inOrbitFrom() == null && seen.track("kor", o).fixes().isEmpty())
                .findFirst().orElse(null);
        if (catalogued != null) {
            CellKnowledge.Estimate c = k.estimate("kor", catalogued, demo.start()).orElseThrow();
            assertThat(c.source()).isEqualTo("catalog");
            assertThat(c.observed()).isEqualTo(catalogued.elements().epoch());
        }
        Map<String, Long> custody = new java.util.TreeMap<>();
        for (Instant t = demo.start(); t.isBefore(demo.end()); t = t.plus(Duration.ofHours(6))) {
            custody.merge(k.estimate("kor", inspector, t).orElseThrow().custody(), 1L, Long::sum);
        }
        assertThat(custody).containsKeys("tracked", "lost");
    }

    /** The picture a delegation gets carries its estimate, and the position its element set gives (not the truth's). */
    @Test
    void theDelegationsPictureShowsItsEstimate() {
        TriggerSchedule schedule = TriggerSchedule.compute(demo, DATA);
        SpacePicture space = new SpacePicture(demo, schedule, DATA);
        CellKnowledge k = new CellKnowledge(seen, List.of());
        Instant t = Instant.parse("2023-11-24T02:00:00Z");
        Map<String, Object> kor = space.at(t, o -> true, o -> k.estimate("kor", o, t), b -> true);
        Map<String, Object> truth = space.at(t);
        Map<String, Object> held = object(kor, "inspector");
        @SuppressWarnings("unchecked")
        Map<String, Object> estimate = (Map<String, Object>) held.get("estimate");
        assertThat(Instant.parse((String) estimate.get("observed"))).isBefore(inspector.later().get(0).epoch());
        assertThat(estimate.get("custody")).isEqualTo("tracked");
        GeodeticPoint g = DATA.earth().transform(orekit(inspector.elements(), t).scalarMultiply(1e3), DATA.itrf(), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) held.get("position");
        assertThat((Double) p.get("lat")).isCloseTo(Math.toDegrees(g.getLatitude()), within(2e-4));
        assertThat((Double) p.get("lon")).isCloseTo(Math.toDegrees(g.getLongitude()), within(2e-4));
        assertThat(p).isNotEqualTo(object(truth, "inspector").get("position"));
        // an object whose truth the cell holds is where the truth is
        assertThat(object(kor, "rok-eo").get("position")).isEqualTo(object(truth, "rok-eo").get("position"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> picture, String id) {
        return ((List<Map<String, Object>>) picture.get("objects")).stream().filter(m -> m.get("id").equals(id)).findFirst().orElseThrow();
    }
}
