package org.spacettx.exercise.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.frames.Frame;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;

/**
 * The demo's space picture as CZML: the published packet structure (a JSON Schema of the parts written), each
 * object's availability and samples, the positions against Orekit's own TLE propagator and ITRF, and the viewer's
 * Lagrange interpolation between samples against direct propagation.
 */
class SpaceCzmlTest {

    static Scenario demo;
    static JsonNode czml;
    static final Instant FROM = Instant.parse("2023-11-21T12:00:00Z");
    static final Instant TO = Instant.parse("2023-11-22T12:00:00Z");

    @BeforeAll
    static void write() throws Exception {
        demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
        czml = new ObjectMapper().readTree(SpaceCzml.of(demo, OrekitData.standard(), FROM, TO,
                Duration.ofSeconds(60), "en"));
    }

    @Test
    void packetsFollowThePublishedStructure() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(SpaceCzmlTest.class.getResourceAsStream("/czml/czml-subset.schema.json"));
        List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(czml);
        assertThat(errors).as(errors.toString()).isEmpty();
        Set<String> ids = new HashSet<>();
        czml.forEach(p -> assertThat(ids.add(p.get("id").asText())).as("unique id " + p.get("id")).isTrue());
        assertThat(czml.get(0).get("clock").get("interval").asText()).isEqualTo(FROM + "/" + TO);
        // 12 places (areas as one packet per ring) and the 4 objects
        assertThat(ids).contains("place/osan", "object/recon-1", "object/ru-radar", "object/rok-eo", "object/inspector");
        // a broken packet is caught by the same schema
        JsonNode broken = new ObjectMapper().readTree("[{\"id\":\"document\",\"version\":\"1.0\"},"
                + "{\"id\":\"x\",\"availability\":\"yesterday\",\"position\":{\"cartesian\":[0,1,2,3]}}]");
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void availabilityAndSamplesOfEachObject() {
        for (JsonNode p : czml) {
            if (!p.get("id").asText().startsWith("object/")) {
                continue;
            }
            String[] span = p.get("availability").asText().split("/");
            Instant start = Instant.parse(span[0]);
            Instant end = Instant.parse(span[1]);
            JsonNode position = p.get("position");
            assertThat(Instant.parse(position.get("epoch").asText())).isEqualTo(start);
            JsonNode c = position.get("cartesian");
            assertThat(c.size() % 4).isZero();
            int samples = c.size() / 4;
            assertThat(samples).isGreaterThan(SpaceCzml.INTERPOLATION_DEGREE + 1);
            assertThat(c.get(0).asDouble()).isZero();
            assertThat(c.get(c.size() - 4).asDouble()).isEqualTo(Duration.between(start, end).toSeconds());
            for (int k = 1; k < samples; k++) {
                assertThat(c.get(4 * k).asDouble()).isGreaterThan(c.get(4 * (k - 1)).asDouble());
                double r = Math.sqrt(Math.pow(c.get(4 * k + 1).asDouble(), 2) + Math.pow(c.get(4 * k + 2).asDouble(), 2)
                        + Math.pow(c.get(4 * k + 3).asDouble(), 2));
                assertThat(r).as(p.get("id") + " radius").isBetween(6_500_000.0, 7_200_000.0);
            }
        }
        // the recon satellite exists from its insertion, 10 minutes after the launch of 13:42:28
        JsonNode recon = packet("object/recon-1");
        assertThat(recon.get("availability").asText()).startsWith("2023-11-21T13:52:28Z/");
        assertThat(packet("object/ru-radar").get("availability").asText()).isEqualTo(FROM + "/" + TO);
    }

    @Test
    void positionsMatchOrekitAndInterpolateWithinAMetre() {
        OrekitData data = OrekitData.standard();
        Frame itrf = data.itrf();
        for (SpaceObject o : demo.objects()) {
            JsonNode p = packet("object/" + o.id());
            Instant epoch = Instant.parse(p.get("position").get("epoch").asText());
            JsonNode c = p.get("position").get("cartesian");
            TLE tle = OrekitTle.toTle(o.elements(), data.utc());
            TLEPropagator propagator = TLEPropagator.selectExtrapolator(tle, data.teme());
            int samples = c.size() / 4;
            double worstSample = 0;
            double worstMid = 0;
            for (int k = 0; k < samples; k += 37) {
                double t = c.get(4 * k).asDouble();
                Vector3D orekit = position(propagator, itrf, data, epoch.plusMillis(Math.round(t * 1000)));
                worstSample = Math.max(worstSample, orekit.distance(new Vector3D(c.get(4 * k + 1).asDouble(),
                        c.get(4 * k + 2).asDouble(), c.get(4 * k + 3).asDouble())));
                if (k >= 3 && k + 3 < samples) {
                    // halfway to the next sample, as a viewer interpolates: Lagrange on the 6 samples around
                    double mid = t + 30;
                    Vector3D interpolated = lagrange(c, k - 2, mid);
                    worstMid = Math.max(worstMid, interpolated.distance(position(propagator, itrf, data, epoch.plusMillis(Math.round(mid * 1000)))));
                }
            }
            assertThat(worstSample).as(o.id() + " samples vs Orekit (m)").isLessThan(0.01);
            assertThat(worstMid).as(o.id() + " interpolated vs Orekit (m)").isLessThan(1.0);
        }
    }

    @Test
    void theDebrisAndTheEffectsAreDrawnForThoseWhoMaySeeThem() throws Exception {
        OrekitData data = OrekitData.standard();
        Instant from = Instant.parse("2023-11-24T00:00:00Z");
        Instant to = Instant.parse("2023-11-25T09:00:00Z");
        org.spacettx.exercise.scenario.Breakup asat = demo.breakups().get(0);
        JsonNode truth = new ObjectMapper().readTree(SpaceCzml.of(demo, data, from, to, Duration.ofSeconds(60), "en"));
        JsonNode schema = new ObjectMapper().readTree(SpaceCzmlTest.class.getResourceAsStream("/czml/czml-subset.schema.json"));
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(truth)).isEmpty();
        List<JsonNode> fragments = new java.util.ArrayList<>();
        truth.forEach(p -> {
            if (p.get("id").asText().startsWith("debris/" + asat.id() + "/")) {
                fragments.add(p);
            }
        });
        assertThat(fragments).hasSizeGreaterThan((int) (0.95 * asat.fragments().size())).hasSizeLessThanOrEqualTo(asat.fragments().size());
        assertThat(packet(truth, "debris/" + asat.id()).get("name").asText()).isEqualTo(asat.name().in("en"));
        // each fragment from the breakup on, sampled every 5 minutes; samples and the viewer's interpolation against Orekit
        double worstSample = 0;
        double worstMid = 0;
        for (JsonNode f : fragments.subList(0, 40)) {
            assertThat(f.get("parent").asText()).isEqualTo("debris/" + asat.id());
            assertThat(f.get("availability").asText()).startsWith(asat.time() + "/");
            JsonNode c = f.get("position").get("cartesian");
            assertThat(c.get(4).asDouble() - c.get(0).asDouble()).isEqualTo(SpaceCzml.FRAGMENT_STEP.toSeconds());
            int norad = Integer.parseInt(f.get("id").asText().substring(f.get("id").asText().lastIndexOf('/') + 1));
            TLEPropagator propagator = TLEPropagator.selectExtrapolator(OrekitTle.toTle(asat.fragments().stream()
                    .filter(e -> e.noradId() == norad).findFirst().orElseThrow(), data.utc()), data.teme());
            for (int k = 5; k + 5 < c.size() / 4; k += 7) {
                double t = c.get(4 * k).asDouble();
                worstSample = Math.max(worstSample, position(propagator, data.itrf(), data, asat.time().plusSeconds((long) t))
                        .distance(new Vector3D(c.get(4 * k + 1).asDouble(), c.get(4 * k + 2).asDouble(), c.get(4 * k + 3).asDouble())));
                double mid = t + SpaceCzml.FRAGMENT_STEP.toSeconds() / 2.0;
                assertThat(f.get("position").get("interpolationDegree").asInt()).isEqualTo(SpaceCzml.FRAGMENT_INTERPOLATION_DEGREE);
                double miss = lagrange(c, k - 4, mid, 9).distance(position(propagator, data.itrf(), data,
                        asat.time().plusMillis(Math.round(mid * 1000))));
                worstMid = Math.max(worstMid, miss);
            }
        }
        System.out.printf("fragments in the CZML: %d of %d; worst sample %.4f m, worst interpolated %.1f m%n", fragments.size(),
                asat.fragments().size(), worstSample, worstMid);
        assertThat(worstSample).as("to the metre").isLessThan(0.9);
        // 93 m for the most eccentric of these (e = 0.54) through its perigee; metres for the others: points on a globe
        assertThat(worstMid).isLessThan(150.0);
        // control's effects while active: the ground jammer's denied area with the radius its budget gives
        JsonNode jammer = packet(truth, "effect/dmz-jammer");
        org.spacettx.exercise.scenario.Effect.Ground dmz = (org.spacettx.exercise.scenario.Effect.Ground) demo.effects().stream()
                .filter(e -> e.id().equals("dmz-jammer")).findFirst().orElseThrow();
        assertThat(jammer.get("availability").asText()).isEqualTo(dmz.from() + "/" + dmz.to());
        assertThat(jammer.get("ellipse").get("semiMajorAxis").asDouble()).isCloseTo(dmz.reach().radiusKm() * 1000,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(packet(truth, "effect/uplink-jammer").get("ellipse")).isNull();
        // a delegation before the breakup: no cloud, no effect; after it: the cloud, still no effect
        SpaceCzml.View before = new SpaceCzml.View(o -> true, Instant.parse("2023-11-25T02:00:00Z"), false);
        SpaceCzml.View after = new SpaceCzml.View(o -> true, Instant.parse("2023-11-25T04:00:00Z"), false);
        SpaceCzml.View parentUnknown = new SpaceCzml.View(o -> !o.id().equals(asat.object()), null, false);
        assertThat(ids(SpaceCzml.of(demo, data, from, to, Duration.ofSeconds(60), "en", before)))
                .noneMatch(id -> id.startsWith("debris/") || id.startsWith("effect/"));
        assertThat(ids(SpaceCzml.of(demo, data, from, to, Duration.ofSeconds(60), "en", after)))
                .contains("debris/" + asat.id()).noneMatch(id -> id.startsWith("effect/"));
        assertThat(ids(SpaceCzml.of(demo, data, from, to, Duration.ofSeconds(60), "en", parentUnknown)))
                .noneMatch(id -> id.startsWith("debris/"));
    }

    private static List<String> ids(String document) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        new ObjectMapper().readTree(document).forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    private static JsonNode packet(JsonNode document, String id) {
        for (JsonNode p : document) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no packet " + id);
    }

    @Test
    void badSpansAreRefused() {
        assertThatThrownBy(() -> SpaceCzml.of(demo, OrekitData.standard(), TO, FROM, Duration.ofSeconds(60), "en"))
                .hasMessageContaining("end after it starts");
        assertThatThrownBy(() -> SpaceCzml.of(demo, OrekitData.standard(), FROM, TO, Duration.ofHours(1), "en"))
                .hasMessageContaining("at most 10 minutes");
    }

    private static Vector3D position(TLEPropagator propagator, Frame itrf, OrekitData data, Instant t) {
        AbsoluteDate date = OrekitTle.toDate(t, data.utc());
        return propagator.getPVCoordinates(date, itrf).getPosition();
    }

    /** Lagrange interpolation of degree 5 on samples first..first+5 at time t. */
    private static Vector3D lagrange(JsonNode c, int first, double t) {
        return lagrange(c, first, t, 5);
    }

    /** Lagrange interpolation of {@code degree} on samples first..first+degree at time t. */
    private static Vector3D lagrange(JsonNode c, int first, double t, int degree) {
        double[] out = new double[3];
        for (int i = first; i <= first + degree; i++) {
            double w = 1;
            for (int j = first; j <= first + degree; j++) {
                if (j != i) {
                    w *= (t - c.get(4 * j).asDouble()) / (c.get(4 * i).asDouble() - c.get(4 * j).asDouble());
                }
            }
            for (int a = 0; a < 3; a++) {
                out[a] += w * c.get(4 * i + 1 + a).asDouble();
            }
        }
        return new Vector3D(out[0], out[1], out[2]);
    }

    private static JsonNode packet(String id) {
        return packet(czml, id);
    }
}
