package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.GeodeticPosition;
import org.spacettx.orbit.propagate.Sgp4;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The demo's space picture as KML: well-formed KML 2.2, and the reconnaissance satellite where SGP4 puts it. */
class ExerciseKmlTest {

    static final Path SCENARIO = Path.of("..", "scenarios", "rok-us-space-ttx.yaml");
    static final String KML = "http://www.opengis.net/kml/2.2";

    @Test
    void theSpacePictureAsKml() throws Exception {
        CliRun run = CliRun.of("exercise", "kml", SCENARIO.toString(), "--at", "2023-11-24T00:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(KML);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("kml");
        Scenario demo = ScenarioReader.read(SCENARIO, OrekitData.standard()).scenario();
        NodeList placemarks = doc.getElementsByTagNameNS(KML, "Placemark");
        // every place, and for each object (all in orbit by move 3): position, track; two have sensors; and the two
        // effects active then (the uplink jammer and the laser, from 24 Nov 00:00): the command line is control's view
        long active = demo.effects().stream().filter(e -> !e.from().isAfter(Instant.parse("2023-11-24T00:00:00Z"))
                && e.to().isAfter(Instant.parse("2023-11-24T00:00:00Z"))).count();
        assertThat(active).isEqualTo(2);
        assertThat(placemarks.getLength()).isEqualTo(demo.sites().size() + demo.areas().size() + demo.objects().size() * 2 + 2 + active);
        assertThat(run.out()).contains("<name>Counterspace effects</name>").contains("UPLINK JAMMER NEAR PYONGYANG (EXERCISE)");
        Element recon = null;
        for (int k = 0; k < placemarks.getLength(); k++) {
            Element p = (Element) placemarks.item(k);
            if (text(p, "name").equals("MALLIGYONG-1 (EXERCISE)")) {
                recon = p;
            }
        }
        assertThat(recon).isNotNull();
        String[] c = text(recon, "coordinates").split(",");
        GeodeticPosition truth = Sgp4.of(demo.object("recon-1").orElseThrow().elements(), OrekitData.standard())
                .geodetic(Instant.parse("2023-11-24T00:00:00Z"));
        assertThat(Double.parseDouble(c[0])).isCloseTo(truth.longitudeDeg(), within(2e-4));
        assertThat(Double.parseDouble(c[1])).isCloseTo(truth.latitudeDeg(), within(2e-4));
        assertThat(Double.parseDouble(c[2])).isCloseTo(truth.altitudeKm() * 1000, within(100.0));
        assertThat(text(recon, "altitudeMode")).isEqualTo("absolute");
        // Korean names on request
        CliRun ko = CliRun.of("exercise", "kml", SCENARIO.toString(), "--at", "2023-11-24T00:00:00Z", "--lang", "ko");
        assertThat(ko.out()).contains("오산 공군기지").contains("만리경-1호 (연습)");
        CliRun outside = CliRun.of("exercise", "kml", SCENARIO.toString(), "--at", "2030-01-01T00:00:00Z");
        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err()).contains("is outside the scenario");
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagNameNS(KML, tag).item(0).getTextContent();
    }

    @Test
    void theSpacePictureAsCzml() throws Exception {
        CliRun run = CliRun.of("exercise", "czml", SCENARIO.toString(), "--from", "2023-11-24T00:00:00Z",
                "--to", "2023-11-24T02:00:00Z", "--step", "120", "--lang", "ko");
        assertThat(run.exitCode()).as(run.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode czml = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(czml.get(0).get("id").asText()).isEqualTo("document");
        assertThat(czml.get(0).get("clock").get("interval").asText()).isEqualTo("2023-11-24T00:00:00Z/2023-11-24T02:00:00Z");
        com.fasterxml.jackson.databind.JsonNode recon = null;
        for (com.fasterxml.jackson.databind.JsonNode p : czml) {
            if (p.get("id").asText().equals("object/recon-1")) {
                recon = p;
            }
        }
        assertThat(recon).isNotNull();
        assertThat(recon.get("name").asText()).isEqualTo("만리경-1호 (연습)");
        assertThat(recon.get("position").get("cartesian").size()).isEqualTo(4 * 61); // every 120 s over 2 h, both ends
        assertThat(CliRun.of("exercise", "czml", SCENARIO.toString(), "--step", "5").err()).contains("--step").contains("10 to 600");
        assertThat(CliRun.of("exercise", "czml", SCENARIO.toString(), "--lang", "fr").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("exercise", "czml", SCENARIO.toString(), "--from", "2023-11-24T02:00:00Z",
                "--to", "2023-11-24T01:00:00Z").err()).contains("is not after");
    }
}
