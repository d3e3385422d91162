package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.utils.PVCoordinates;
import org.spacettx.exercise.scenario.Breakup;
import org.spacettx.exercise.scenario.Maneuver;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.conjunction.CollisionProbability;
import org.spacettx.orbit.conjunction.Conjunction;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.maneuver.Impulse;

/**
 * The demo's counterspace events (the inspector's approach, the reconnaissance satellite's burn, the anti-satellite
 * test) and the triggers on them, checked by propagating the element sets the scenario computes with Orekit's own
 * SGP4 (not SpaceTTX's wrapper) and by direct scans.
 */
class CounterspaceTest {

    static final OrekitData DATA = TriggerScheduleTest.DATA;
    static final double MU_KM3_S2 = 398600.8; // WGS-72, as SGP4
    static Scenario demo;
    static TriggerSchedule schedule;

    @BeforeAll
    static void load() {
        TriggerScheduleTest.load(); // the demo and its schedule, as that test reads them
        demo = TriggerScheduleTest.demo;
        schedule = TriggerScheduleTest.schedule;
    }

    /** TEME position (km) and velocity (km/s) from Orekit's SGP4 on one element set. */
    static double[] state(ElementSet e, Instant t) {
        TLEPropagator p = TLEPropagator.selectExtrapolator(OrekitTle.toTle(e, DATA.utc()), DATA.teme());
        PVCoordinates pv = p.getPVCoordinates(OrekitTle.toDate(t, DATA.utc()), DATA.teme());
        return new double[] {pv.getPosition().getX() / 1000, pv.getPosition().getY() / 1000, pv.getPosition().getZ() / 1000,
                pv.getVelocity().getX() / 1000, pv.getVelocity().getY() / 1000, pv.getVelocity().getZ() / 1000};
    }

    static double distanceKm(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    static Vector3D velocity(double[] s) {
        return new Vector3D(s[3], s[4], s[5]);
    }

    @Test
    void theInspectorArrivesFiveKilometresBehindTheAlliedSatelliteAndStaysThere() {
        Maneuver approach = demo.maneuver("inspector-approach").orElseThrow();
        SpaceObject inspector = demo.object("inspector").orElseThrow();
        ElementSet target = demo.object("rok-eo").orElseThrow().elements();
        Instant depart = approach.burns().get(0).time();
        Instant arrive = approach.arrive();
        assertThat(approach.burns()).hasSize(2);
        assertThat(depart).isBefore(arrive).isAfter(arrive.minus(Duration.ofHours(7)));
        // until the first burn it flies its catalogued elements, then the set fitted after each burn
        assertThat(inspector.elementsAt(depart.minusSeconds(1))).isEqualTo(inspector.elements());
        assertThat(inspector.elementsAt(depart)).isEqualTo(approach.after().get(0));
        assertThat(inspector.elementsAt(arrive)).isEqualTo(approach.after().get(1));
        // the departure burn: the velocity changes by the burn's magnitude at (nearly) the same position
        double[] before = state(inspector.elements(), depart);
        double[] after = state(approach.after().get(0), depart);
        assertThat(distanceKm(before, after) * 1000).as("position jump at the burn, m").isLessThan(10);
        assertThat(velocity(after).subtract(velocity(before)).getNorm() * 1000)
                .isCloseTo(approach.burns().get(0).magnitudeMS(), within(0.05));
        // at arrival and for half an hour after it, Orekit puts it about 5 km from the allied satellite
        for (int s = 0; s <= 1800; s += 60) {
            Instant t = arrive.plusSeconds(s);
            double d = distanceKm(state(approach.after().get(1), t), state(target, t));
            assertThat(d).as("range %d s after arrival", s).isBetween(s == 0 ? 4.99 : 4.5, s == 0 ? 5.01 : 5.5);
        }
        // the approach trigger and the 20 km close-approach trigger follow it
        assertThat(schedule.timeOf(26)).contains(depart);
        assertThat(schedule.timeOf(17).orElseThrow()).isBetween(depart, arrive);
    }

    @Test
    void aBurnChangesTheOrbitAsVisVivaSays() {
        Maneuver raise = demo.maneuver("recon-raise").orElseThrow();
        SpaceObject recon = demo.object("recon-1").orElseThrow();
        Impulse burn = raise.burns().get(0);
        ElementSet before = recon.elementsAt(burn.time().minusSeconds(1));
        ElementSet after = recon.elementsAt(burn.time());
        assertThat(after).isEqualTo(raise.after().get(0)).isNotEqualTo(before);
        double[] s0 = state(before, burn.time());
        double[] s1 = state(after, burn.time());
        assertThat(distanceKm(s0, s1) * 1000).isLessThan(10);
        Vector3D dv = velocity(s1).subtract(velocity(s0));
        assertThat(dv.getNorm() * 1000).isCloseTo(3.0, within(0.05));
        assertThat(Vector3D.angle(dv, velocity(s0))).as("along the velocity").isLessThan(Math.toRadians(1));
        // vis-viva: a = 1 / (2/r - v²/mu); the mean motion changes as n ∝ a^-3/2
        double r = new Vector3D(s0[0], s0[1], s0[2]).getNorm();
        double a0 = 1 / (2 / r - velocity(s0).getNormSq() / MU_KM3_S2);
        double a1 = 1 / (2 / r - velocity(s0).add(dv).getNormSq() / MU_KM3_S2);
        double expected = -1.5 * (a1 - a0) / a0;
        double fitted = (after.meanMotion() - before.meanMotion()) / before.meanMotion();
        assertThat(fitted).isCloseTo(expected, within(Math.abs(expected) * 0.05));
    }

    @Test
    void theTestDestroysTheDefunctSatelliteAndItsFragmentsStartWhereItWas() {
        Breakup test = demo.breakup("asat-test").orElseThrow();
        SpaceObject parent = demo.object("ru-defunct").orElseThrow();
        assertThat(parent.destroyedAt()).isEqualTo(test.time());
        assertThat(parent.inOrbitAt(test.time().minusSeconds(1))).isTrue();
        assertThat(parent.inOrbitAt(test.time())).isFalse();
        assertThat(test.fragments()).hasSizeGreaterThan(500);
        double[] p = state(parent.elements(), test.time());
        double largestDvMS = 0;
        for (ElementSet f : test.fragments()) {
            double[] s = state(f, test.time());
            assertThat(distanceKm(s, p) * 1000).as("fragment %d at the breakup, m", f.noradId()).isLessThan(50);
            largestDvMS = Math.max(largestDvMS, velocity(s).subtract(velocity(p)).getNorm() * 1000);
        }
        assertThat(largestDvMS).as("the largest fragment Δv, m/s").isBetween(100.0, 5000.0);
        assertThat(schedule.timeOf(27)).contains(test.time());
    }

    /**
     * A glancing blow (1 kg at 1.2 km/s on 1,750 kg: below 40 J/g) craters the defunct satellite, which flies on; the
     * fragments are the crater's ejecta, and a count factor scales their number; a factor out of bounds is named.
     */
    @Test
    void aGlancingBlowLeavesTheTargetInOrbitAndACountFactorScalesTheCloud() throws Exception {
        String text = java.nio.file.Files.readString(org.spacettx.exercise.Demo.file());
        String hit = "impactor_mass_kg: 20\n    impact_speed_km_s: 9\n    min_size_m: 0.1";
        assertThat(text).contains(hit);
        java.util.function.Function<String, org.spacettx.exercise.scenario.ScenarioReader.Result> with = change -> org.spacettx.exercise
                .scenario.ScenarioReader.parse(text.replace(hit, change), org.spacettx.exercise.Demo.file().getParent(), DATA);
        Scenario once = with.apply("impactor_mass_kg: 1\n    impact_speed_km_s: 1.2\n    min_size_m: 0.01").scenario();
        Scenario twice = with.apply("impactor_mass_kg: 1\n    impact_speed_km_s: 1.2\n    min_size_m: 0.01\n    count_factor: 2").scenario();
        Breakup crater = once.breakup("asat-test").orElseThrow();
        SpaceObject survivor = once.object("ru-defunct").orElseThrow();
        assertThat(survivor.destroyedAt()).as("cratered, not destroyed").isNull();
        assertThat(survivor.inOrbitAt(crater.time().plusSeconds(3600))).isTrue();
        assertThat(crater.fragments()).isNotEmpty();
        int made = crater.fragments().size() + crater.notInOrbit();
        int scaled = twice.breakup("asat-test").orElseThrow().fragments().size() + twice.breakup("asat-test").orElseThrow().notInOrbit();
        assertThat((double) scaled / made).as("fragments with count_factor 2 over 1").isBetween(1.7, 2.1);
        var wrong = with.apply("impactor_mass_kg: 1\n    impact_speed_km_s: 1.2\n    min_size_m: 0.01\n    count_factor: 0");
        assertThat(wrong.problems()).anySatisfy(p -> assertThat(p.message()).contains("count_factor must be above 0 and at most 10"));
    }

    /**
     * Inject 28 goes out at the first approach closer than 25 km of a fragment to the allied satellite after move 4
     * starts: a scan of every fragment with Orekit (60 s steps; a fragment farther than 25 km + 15.5 km/s × 30 s
     * at a step cannot be within 25 km in between, the others are scanned second by second) finds the same.
     */
    @Test
    void theDebrisApproachIsTheFirstFragmentWithinItsDistance() {
        Breakup test = demo.breakup("asat-test").orElseThrow();
        ElementSet asset = demo.object("rok-eo").orElseThrow().elements();
        Instant from = demo.move("M4").orElseThrow().start();
        Instant released = schedule.timeOf(28).orElseThrow();
        Instant first = null;
        for (Instant t = from; first == null && !t.isAfter(released.plusSeconds(60)); t = t.plusSeconds(60)) {
            double[] a = state(asset, t);
            List<ElementSet> near = new ArrayList<>();
            for (ElementSet f : test.fragments()) {
                if (distanceKm(state(f, t), a) < 25 + 15.5 * 30) {
                    near.add(f);
                }
            }
            for (int s = -30; s <= 30 && first == null; s++) {
                Instant u = t.plusSeconds(s);
                for (ElementSet f : near) {
                    if (!u.isBefore(from) && distanceKm(state(f, u), state(asset, u)) < 25) {
                        first = u;
                    }
                }
            }
        }
        assertThat(first).as("the scan finds an approach").isNotNull();
        assertThat(Duration.between(released, first).toMillis() / 1000.0).isBetween(0.0, 1.0);
    }

    /** Inject 29: the cumulative probability over the approaches, each recomputed from Orekit states at its TCA. */
    @Test
    void theDebrisRiskIsTheCumulativeProbabilityOfTheApproaches() {
        Breakup test = demo.breakup("asat-test").orElseThrow();
        SpaceObject asset = demo.object("rok-eo").orElseThrow();
        CollisionProbability assumed = new CollisionProbability(0.005, 1, 1, 1);
        DebrisExposure exposure = DebrisExposure.compute(test, asset, demo.move("M4").orElseThrow().start(), demo.end(),
                DebrisExposure.screeningDistanceKm(1), assumed, DATA);
        assertThat(exposure.approaches()).hasSizeGreaterThanOrEqualTo(2);
        double miss = 1;
        Instant crossing = null;
        for (Conjunction c : exposure.approaches()) {
            ElementSet fragment = test.fragments().stream().filter(f -> f.noradId() == c.noradA()).findFirst().orElseThrow();
            double[] a = state(fragment, c.tca());
            double[] b = state(asset.elements(), c.tca());
            assertThat(distanceKm(a, b)).isCloseTo(c.missKm(), within(0.01));
            double p = assumed.of(a, b);
            assertThat(c.probability()).isCloseTo(p, within(p * 0.01 + 1e-15));
            miss *= 1 - p;
            if (crossing == null && 1 - miss > 1e-6) {
                crossing = c.tca();
            }
        }
        assertThat(exposure.total()).isCloseTo(1 - miss, within((1 - miss) * 0.01));
        assertThat(crossing).isNotNull();
        assertThat(schedule.timeOf(29)).contains(crossing);
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePictureShowsTheCloudToThoseWhoKnowItsParentAndNoManoeuvreBeforeItIsMade() {
        SpacePicture picture = new SpacePicture(demo, schedule, DATA);
        Breakup test = demo.breakup("asat-test").orElseThrow();
        assertThat((List<?>) picture.at(test.time().minusSeconds(60)).get("debris")).isEmpty();
        Map<String, Object> after = picture.at(test.time().plusSeconds(600));
        List<Map<String, Object>> debris = (List<Map<String, Object>>) after.get("debris");
        assertThat(debris).hasSize(1);
        assertThat((List<?>) debris.get(0).get("points")).hasSize(test.fragments().size() - (int) debris.get(0).get("decayed"))
                .hasSizeGreaterThan(500);
        Map<String, Object> parent = ((List<Map<String, Object>>) after.get("objects")).stream()
                .filter(o -> o.get("id").equals("ru-defunct")).findFirst().orElseThrow();
        assertThat(parent.get("inOrbit")).isEqualTo(false);
        assertThat(parent).doesNotContainKey("position").containsKey("destroyedAt");
        Map<String, Object> unseen = picture.at(test.time().plusSeconds(600), o -> !o.id().equals("ru-defunct"));
        assertThat((List<?>) unseen.get("debris")).isEmpty();
        // half an hour before the inspector's first burn, its track ahead follows its old orbit
        Maneuver approach = demo.maneuver("inspector-approach").orElseThrow();
        Instant t = approach.time().minus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Map<String, Object> inspector = ((List<Map<String, Object>>) picture.at(t).get("objects")).stream()
                .filter(o -> o.get("id").equals("inspector")).findFirst().orElseThrow();
        List<double[]> track = (List<double[]>) inspector.get("track");
        Instant trackFrom = Instant.parse((String) inspector.get("trackFrom"));
        Instant later = t.plus(Duration.ofMinutes(90)); // past the burn
        double[] point = track.get((int) Duration.between(trackFrom, later).toMinutes());
        var old = org.spacettx.orbit.propagate.Sgp4.of(demo.object("inspector").orElseThrow().elements(), DATA).geodetic(later);
        var flown = demo.object("inspector").orElseThrow().propagator(DATA).geodetic(later);
        assertThat(point[0]).isCloseTo(old.longitudeDeg(), within(1e-3));
        assertThat(point[1]).isCloseTo(old.latitudeDeg(), within(1e-3));
        assertThat(Math.abs(flown.latitudeDeg() - old.latitudeDeg()) + Math.abs(flown.longitudeDeg() - old.longitudeDeg()))
                .as("the burn does change where it is then").isGreaterThan(0.05);
    }
    /**
     * The effects' windows: the ground jammer's span (inject 16 at its start, its radius the link budget's); the
     * uplink jammer's and the laser's windows checked at their middle and a minute outside with Orekit's SGP4, TEME to
     * ITRF and topocentric frame (in the beam, above the elevation limit; outside it a minute before or after).
     */
    @Test
    void theEffectsBiteWhereTheGeometrySays() {
        org.spacettx.exercise.scenario.Effect.Ground dmz = (org.spacettx.exercise.scenario.Effect.Ground) demo.effect("dmz-jammer").orElseThrow();
        assertThat(schedule.bites(dmz)).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo(dmz.from());
            assertThat(b.end()).isEqualTo(dmz.to());
        });
        assertThat(schedule.timeOf(16)).contains(dmz.from());
        // 20 dBW at GPS L1, -160 dBW signal, 30 dB tolerance: FSPL may reach 20 - (-130) = 150 dB
        double budgetKm = Math.pow(10, (150 - 32.45 - 20 * Math.log10(1575.42)) / 20);
        double horizonKm = 4.12 * (Math.sqrt(30) + Math.sqrt(2));
        assertThat(dmz.reach().radiusKm()).isCloseTo(Math.min(budgetKm, horizonKm), within(1e-9));

        for (String id : List.of("uplink-jammer", "seoul-laser")) {
            org.spacettx.exercise.scenario.Effect e = demo.effect(id).orElseThrow();
            String objectId = e instanceof org.spacettx.exercise.scenario.Effect.Uplink u ? u.object()
                    : ((org.spacettx.exercise.scenario.Effect.Laser) e).object();
            double offNadirLimit = e instanceof org.spacettx.exercise.scenario.Effect.Uplink u ? u.jammer().beamHalfAngleDeg() : 30;
            double minElevation = e instanceof org.spacettx.exercise.scenario.Effect.Uplink u ? u.jammer().minElevationDeg() : 0;
            ElementSet sat = demo.object(objectId).orElseThrow().elementsAt(e.from());
            List<TriggerSchedule.Bite> bites = schedule.bites(e);
            assertThat(bites).as(id).isNotEmpty();
            org.orekit.frames.TopocentricFrame topo = new org.orekit.frames.TopocentricFrame(DATA.earth(),
                    new org.orekit.bodies.GeodeticPoint(Math.toRadians(e.site().latitudeDeg()), Math.toRadians(e.site().longitudeDeg()), 0), id);
            Vector3D ground = topo.getCartesianPoint();
            for (TriggerSchedule.Bite b : bites) {
                assertThat(b.start()).isAfterOrEqualTo(e.from());
                assertThat(b.end()).isBeforeOrEqualTo(e.to());
                Instant middle = b.start().plus(Duration.between(b.start(), b.end()).dividedBy(2));
                ElementSet flying = demo.object(objectId).orElseThrow().elementsAt(middle);
                for (long offset : new long[] {0, -60, 60}) {
                    Instant t = offset < 0 ? b.start().plusSeconds(offset) : offset > 0 ? b.end().plusSeconds(offset) : middle;
                    double[] s = state(flying, t);
                    org.orekit.time.AbsoluteDate date = OrekitTle.toDate(t, DATA.utc());
                    Vector3D p = DATA.teme().getTransformTo(DATA.itrf(), date).transformPosition(new Vector3D(s[0] * 1000, s[1] * 1000, s[2] * 1000));
                    double elevation = Math.toDegrees(topo.getElevation(p, DATA.itrf(), date));
                    double offNadir = Math.toDegrees(Vector3D.angle(p.negate(), ground.subtract(p)));
                    boolean inside = elevation >= minElevation && offNadir <= offNadirLimit;
                    if (offset == 0) {
                        assertThat(inside).as("%s in the middle of %s", id, b).isTrue();
                    } else if ((offset < 0 && b.start().isAfter(e.from())) || (offset > 0 && b.end().isBefore(e.to()))) {
                        assertThat(inside).as("%s a minute outside %s (off-nadir %.1f, elevation %.1f)", id, b, offNadir, elevation)
                                .isFalse();
                    }
                }
            }
            if (e instanceof org.spacettx.exercise.scenario.Effect.Uplink u) {
                for (TriggerSchedule.Bite b : bites) {
                    assertThat(b.jammingDbw()).isCloseTo(30 - (20 * Math.log10(b.closestKm()) + 20 * Math.log10(8000) + 32.45), within(1e-9));
                }
            }
            System.out.printf("%s: %d windows, first %s to %s%n", id, bites.size(), bites.get(0).start(), bites.get(0).end());
        }
    }
}
