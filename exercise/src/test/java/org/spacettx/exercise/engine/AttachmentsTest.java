package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.GeodeticPosition;
import org.spacettx.orbit.propagate.Sgp4;

class AttachmentsTest {

    @Test
    @SuppressWarnings("unchecked")
    void groundTrackMapStartsWhereTheSatelliteIsAtRelease() throws Exception {
        OrekitData data = OrekitData.standard();
        Scenario demo = ScenarioReader.read(Demo.file(), data).scenario();
        Inject nine = demo.inject(9).orElseThrow();
        Instant released = Instant.parse("2023-11-21T14:27:28Z");
        Map<String, Object> map = Attachments.render(demo, nine.attachments().get(0), released, data);
        List<Map<String, Object>> features = (List<Map<String, Object>>) map.get("features");
        assertThat(features.stream().filter(f -> "site".equals(((Map<String, Object>) f.get("properties")).get("kind"))))
                .hasSize(demo.sites().size());
        assertThat(Json.mapper().writeValueAsString(map)).startsWith("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"");
        Map<String, Object> track = features.get(0);
        List<List<double[]>> segments = (List<List<double[]>>) ((Map<String, Object>) track.get("geometry")).get("coordinates");
        int points = segments.stream().mapToInt(List::size).sum();
        assertThat(points).isBetween(170, 182); // 3 hours at 1 minute, less the antimeridian splits
        GeodeticPosition truth = Sgp4.of(demo.object("recon-1").orElseThrow().elements(), data).geodetic(released);
        double[] start = segments.get(0).get(0);
        assertThat(start[0]).isCloseTo(truth.longitudeDeg(), within(1e-3));
        assertThat(start[1]).isCloseTo(truth.latitudeDeg(), within(1e-3));
        for (List<double[]> segment : segments) {
            for (int i = 1; i < segment.size(); i++) {
                assertThat(Math.abs(segment.get(i)[0] - segment.get(i - 1)[0])).isLessThan(180);
            }
        }
    }
}
