package org.spacettx.app.cli;

import org.spacettx.exercise.export.ICalendar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.orbit.SharedData;

class AccessCommandsTest {

    static final String LEO = SharedData.path("catalog/spacetrack-3le-leo-2026-06-10.txt").toString();
    static final String SITES;

    static {
        try {
            SITES = Path.of(AccessCommandsTest.class.getResource("/korea-sites.geojson").toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void passesAsJsonHaveTheDocumentedKeys() throws Exception {
        CliRun run = CliRun.of("passes", "--tle", LEO, "--norad", "58400", "--site", "37.09,127.03",
                "--from", "2026-06-10T00:00:00Z", "--to", "2026-06-11T00:00:00Z", "--min-elevation", "10", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode passes = new ObjectMapper().readTree(run.out());
        assertThat(passes.size()).isGreaterThanOrEqualTo(3);
        assertThat(passes.get(0).fieldNames()).toIterable().startsWith("norad", "name", "rise_utc", "culmination_utc",
                "set_utc", "max_elevation_deg", "rise_azimuth_deg", "set_azimuth_deg", "sunlit");
        for (JsonNode p : passes) {
            assertThat(p.get("max_elevation_deg").asDouble()).isBetween(10.0, 90.0);
            assertThat(p.get("rise_utc").asText()).isLessThan(p.get("set_utc").asText());
            assertThat(p.get("sunlit").isBoolean()).isTrue();
        }
    }

    @Test
    void overflightOfAreasAndRevisitStatistics() throws Exception {
        CliRun windows = CliRun.of("overflight", "--tle", LEO, "--norad", "58400", "--aoi", SITES,
                "--sensor", "radar:off-nadir=45", "--from", "2026-06-10T00:00:00Z", "--to", "2026-06-14T00:00:00Z",
                "--format", "csv");
        assertThat(windows.exitCode()).as(windows.err()).isZero();
        List<String> rows = windows.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("norad,name,target,start_utc,end_utc,duration_s,coverage_pct");
        assertThat(rows).anyMatch(r -> r.contains(",Pyeongtaek area,")).anyMatch(r -> r.contains(",Seoul,"));

        CliRun revisit = CliRun.of("overflight", "--tle", LEO, "--norad", "58400", "--aoi", SITES,
                "--sensor", "radar:off-nadir=45", "--from", "2026-06-10T00:00:00Z", "--to", "2026-06-14T00:00:00Z",
                "--revisit", "--format", "json");
        JsonNode stats = new ObjectMapper().readTree(revisit.out());
        assertThat(stats).hasSize(4);
        for (JsonNode s : stats) {
            assertThat(s.get("longest_gap_s").asDouble()).isPositive().isLessThanOrEqualTo(4 * 86400);
        }
    }

    @Test
    void warningScheduleWritesAnICalendarWithObservableAndSafeEvents(@TempDir Path dir) throws Exception {
        Path ics = dir.resolve("warning.ics");
        CliRun run = CliRun.of("warning", "--tle", LEO, "--norad", "58400", "--sites", SITES,
                "--sensor", "optical:off-nadir=30,sun=10", "--from", "2026-06-10T00:00:00Z", "--to", "2026-06-17T00:00:00Z",
                "--ics", ics.toString(), "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = run.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("target,status,start_utc,end_utc,duration_min,satellites");
        long observable = rows.stream().filter(r -> r.contains(",OBSERVABLE,")).count();
        long safe = rows.stream().filter(r -> r.contains(",SAFE,")).count();
        assertThat(observable).isPositive();
        assertThat(safe).isGreaterThanOrEqualTo(observable);
        String calendar = Files.readString(ics);
        assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(calendar.split("BEGIN:VEVENT", -1)).hasSize((int) (observable + safe) + 1);
        for (String line : calendar.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(calendar).contains("SUMMARY:OBSERVABLE: Osan AB", "SUMMARY:SAFE: Camp Humphreys", "DTSTART:2026");
    }

    @Test
    void launchPrintsATleThatReadsBackAndAnOmm() throws Exception {
        CliRun run = CliRun.of("launch", "--site", "sohae", "--time", "2023-11-21T13:42:28Z", "--inclination", "97.4",
                "--altitude", "500", "--name", "RECON-SAT (EXERCISE)", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(run.out());
        String tle = out.get("tle").get(0).asText() + "\n" + out.get("tle").get(1).asText() + "\n" + out.get("tle").get(2).asText() + "\n";
        assertThat(out.get("omm").get("INCLINATION").asText()).startsWith("97.4");
        CliRun back = CliRun.of("catalog", "list", writeTemp(tle), "--format", "csv");
        assertThat(back.exitCode()).as(back.err()).isZero();
        // The TLE keeps the epoch to 1e-8 day (0.864 ms).
        assertThat(back.out()).contains("99001,RECON-SAT (EXERCISE),,2023-11-21T13:42:28.000");
    }

    @Test
    void badPlacesAndSensorsAreNamed(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.geojson");
        Files.writeString(broken, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"X\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[127.0, 95.0]}}]}");
        CliRun run = CliRun.of("overflight", "--tle", LEO, "--norad", "58400", "--aoi", broken.toString(),
                "--sensor", "radar:off-nadir=45", "--from", "2026-06-10T00:00:00Z", "--to", "2026-06-11T00:00:00Z");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("spacettx: " + broken + ": feature 1 (X): latitude 95.0 is outside -90..90 degrees\n");

        CliRun sensor = CliRun.of("overflight", "--tle", LEO, "--site", "37,127", "--sensor", "sonar:range=3",
                "--from", "2026-06-10T00:00:00Z", "--to", "2026-06-11T00:00:00Z");
        assertThat(sensor.exitCode()).isEqualTo(2);
        assertThat(sensor.err()).startsWith("spacettx: --sensor: sensor type 'sonar' is not optical, radar or elevation");

        CliRun launch = CliRun.of("launch", "--site", "nowhere", "--time", "2023-11-21T13:42:28Z", "--inclination", "97.4",
                "--altitude", "500");
        assertThat(launch.exitCode()).isEqualTo(2);
        assertThat(launch.err()).startsWith("spacettx: --site: 'nowhere' is not a known launch site; known: SOHAE, TONGHAE");

        CliRun span = CliRun.of("passes", "--tle", LEO, "--site", "37,127", "--from", "2026-06-11T00:00:00Z",
                "--to", "2026-06-10T00:00:00Z");
        assertThat(span.exitCode()).isEqualTo(2);
        assertThat(span.err()).isEqualTo("spacettx: --to: must be after --from\n");
    }

    private static String writeTemp(String text) throws java.io.IOException {
        Path file = Files.createTempFile("launch", ".tle");
        Files.writeString(file, text);
        file.toFile().deleteOnExit();
        return file.toString();
    }
}
