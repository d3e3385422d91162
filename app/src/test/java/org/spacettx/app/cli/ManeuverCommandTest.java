package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;

/** {@code spacettx maneuver}: the element set after a burn, its orbit before and after, OMM CSV the readers take back. */
class ManeuverCommandTest {

    @Test
    void anAlongTrackBurnRaisesTheApogee(@TempDir Path dir) throws Exception {
        CliRun json = CliRun.of("maneuver", "--tle", BreakupCommandTest.STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z",
                "--dv", "0,10,0", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(json.out());
        assertThat(out.get("dv_m_s").asDouble()).isEqualTo(10.0);
        // the mean semi-major axis grows by about 2 a² v Δv / μ = 17.6 km (vis-viva; ImpulseTest checks it exactly)
        double before = (out.get("before").get("apogee_km").asDouble() + out.get("before").get("perigee_km").asDouble()) / 2;
        double after = (out.get("after").get("apogee_km").asDouble() + out.get("after").get("perigee_km").asDouble()) / 2;
        assertThat(after - before).isCloseTo(17.6, within(1.0));
        assertThat(out.get("tle").get(1).asText()).startsWith("1 25544U");

        CliRun csv = CliRun.of("maneuver", "--tle", BreakupCommandTest.STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z",
                "--dv", "0,10,0", "--format", "csv");
        Path file = dir.resolve("after.csv");
        Files.writeString(file, csv.out());
        List<ElementSet> read = CatalogReader.strict(OrekitData.standard()).read(List.of(file)).elementSets();
        assertThat(read).singleElement().satisfies(e -> assertThat(e.noradId()).isEqualTo(25544));

        CliRun table = CliRun.of("maneuver", "--tle", BreakupCommandTest.STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z",
                "--dv", "0,10,0");
        assertThat(table.out()).contains("10.00 m/s at 2026-06-01T00:00:00Z: perigee");

        // --opm: the burn as a CCSDS OPM that Orekit reads: the impulse as given, at the burn, in RTN
        Path opm = dir.resolve("burn.opm");
        CliRun withOpm = CliRun.of("maneuver", "--tle", BreakupCommandTest.STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z",
                "--dv", "0.5,10,-1", "--opm", opm.toString());
        assertThat(withOpm.exitCode()).as(withOpm.err()).isZero();
        OrekitData data = OrekitData.standard();
        org.orekit.files.ccsds.ndm.odm.opm.Opm message = new org.orekit.files.ccsds.ndm.ParserBuilder(data.context()).buildOpmParser()
                .parseMessage(new org.orekit.data.DataSource(opm.toString(), () -> Files.newBufferedReader(opm)));
        assertThat(message.getMetadata().getObjectName()).isEqualTo("ISS (ZARYA)");
        var burn = message.getData().getManeuver(0);
        assertThat(burn.getDV().toArray()).containsExactly(new double[] {0.5, 10, -1}, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(burn.getReferenceFrame().getName()).isEqualTo("RTN");
        assertThat(Math.abs(burn.getEpochIgnition().durationFrom(org.spacettx.orbit.catalog.OrekitTle.toDate(
                java.time.Instant.parse("2026-06-01T00:00:00Z"), data.utc())))).isLessThan(1e-6);
    }

    @Test
    void badBurnsAreOneClearLine() {
        CliRun two = CliRun.of("maneuver", "--tle", BreakupCommandTest.STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z",
                "--dv", "0,10");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).contains("three numbers");
        CliRun down = CliRun.of("maneuver", "--tle", BreakupCommandTest.STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z",
                "--dv", "0,-2000,0");
        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.err()).contains("not in orbit");
    }
}
