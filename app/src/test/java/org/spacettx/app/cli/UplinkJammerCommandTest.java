package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code spacettx uplink-jammer}: the windows with their closest range, jamming and J/S; a bad beam is one clear line. */
class UplinkJammerCommandTest {

    static final String STATIONS = BreakupCommandTest.STATIONS;

    @Test
    void theWindowsOfAJammerUnderTheStationsPath() {
        CliRun run = CliRun.of("uplink-jammer", "--tle", STATIONS, "--norad", "25544", "--site", "39.03,125.75", "--eirp-dbw", "30",
                "--frequency-mhz", "6000", "--beam-deg", "60", "--signal-dbw", "-120", "--from", "2026-06-01T00:00:00Z",
                "--to", "2026-06-02T00:00:00Z", "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("norad,name,start_utc,end_utc,duration_s,closest_utc,closest_km,jamming_dbw,j_over_s_db");
        assertThat(lines).hasSizeGreaterThan(1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double closest = Double.parseDouble(f[6]);
            double jamming = Double.parseDouble(f[7]);
            // the link budget at the printed range (rounded to 0.1 km and 0.1 dB)
            assertThat(jamming).isCloseTo(30 - (20 * Math.log10(closest) + 20 * Math.log10(6000) + 32.45),
                    org.assertj.core.api.Assertions.within(0.11));
            assertThat(Double.parseDouble(f[8])).isCloseTo(jamming + 120, org.assertj.core.api.Assertions.within(0.11));
            assertThat(f[5].compareTo(f[2])).isGreaterThanOrEqualTo(0);
            assertThat(f[5].compareTo(f[3])).isLessThanOrEqualTo(0);
        }
        CliRun bad = CliRun.of("uplink-jammer", "--tle", STATIONS, "--norad", "25544", "--site", "39.03,125.75", "--eirp-dbw", "30",
                "--frequency-mhz", "6000", "--beam-deg", "120", "--from", "2026-06-01T00:00:00Z", "--to", "2026-06-02T00:00:00Z");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip().lines()).singleElement().asString().contains("half-angle 120.0 is outside (0, 90) degrees");
    }
}
