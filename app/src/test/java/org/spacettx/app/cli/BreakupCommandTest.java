package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;

/** {@code spacettx breakup}: fragments written as OMM CSV that the catalog reader takes back, reproducible by seed. */
class BreakupCommandTest {

    static final String STATIONS = SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle").toString();

    @Test
    void anAsatCollisionWritesItsFragmentsAsACatalog(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fragments.csv");
        CliRun run = CliRun.of("breakup", "--tle", STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z",
                "--impactor-mass-kg", "20", "--impact-speed-km-s", "10", "--parent-mass-kg", "1750", "--min-size-m", "0.1",
                "--seed", "2021", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("collision of ISS (ZARYA) (25544) at 2026-06-01T00:00:00Z: 571.4 J/g, catastrophic");
        List<ElementSet> fragments = CatalogReader.strict(OrekitData.standard()).read(List.of(out)).elementSets();
        assertThat(run.out()).contains(fragments.size() + " in orbit written to");
        assertThat(fragments.size()).isGreaterThan(500);
        assertThat(fragments.get(0).noradId()).isEqualTo(200000);
        assertThat(fragments.get(0).name()).isEqualTo("ISS (ZARYA) DEB");
        // the same seed, the same file
        Path again = dir.resolve("again.csv");
        CliRun.of("breakup", "--tle", STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z", "--impactor-mass-kg", "20",
                "--impact-speed-km-s", "10", "--parent-mass-kg", "1750", "--min-size-m", "0.1", "--seed", "2021", "-o", again.toString());
        assertThat(java.nio.file.Files.readString(again)).isEqualTo(java.nio.file.Files.readString(out));
    }

    @Test
    void badRequestsAreOneClearLine(@TempDir Path dir) {
        String out = dir.resolve("f.csv").toString();
        CliRun none = CliRun.of("breakup", "--tle", STATIONS, "--time", "2026-06-01T00:00:00Z", "--explosion", "--parent-mass-kg", "1000",
                "--min-size-m", "0.1", "-o", out);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("name exactly one object");
        CliRun tooSmall = CliRun.of("breakup", "--tle", STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z", "--explosion",
                "--parent-mass-kg", "1000", "--min-size-m", "0.0000001", "-o", out);
        assertThat(tooSmall.exitCode()).isEqualTo(2);
        assertThat(tooSmall.err()).contains("ask for a larger smallest length");
        CliRun noSpeed = CliRun.of("breakup", "--tle", STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z",
                "--impactor-mass-kg", "20", "--parent-mass-kg", "1000", "--min-size-m", "0.1", "-o", out);
        assertThat(noSpeed.exitCode()).isEqualTo(2);
        assertThat(noSpeed.err()).contains("--impact-speed-km-s");
    }
}
