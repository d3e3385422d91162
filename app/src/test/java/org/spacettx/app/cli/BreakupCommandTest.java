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
    void aGlancingBlowCratersTheTargetWhichSurvivesInTheFile(@TempDir Path dir) throws Exception {
        // 1 kg at 1.2 km/s on 2,200 kg: 0.33 J/g, far below 40 J/g; the ejecta are M = 1 × 1.2² = 1.44 kg
        Path out = dir.resolve("crater.csv");
        CliRun run = CliRun.of("breakup", "--tle", STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z",
                "--impactor-mass-kg", "1", "--impact-speed-km-s", "1.2", "--parent-mass-kg", "2200", "--min-size-m", "0.01",
                "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("not catastrophic", "is cratered and survives as one body of 2199.6 kg",
                "are 1.4 kg");
        List<ElementSet> written = CatalogReader.strict(OrekitData.standard()).read(List.of(out)).elementSets();
        assertThat(written.get(0).noradId()).as("the survivor, first").isEqualTo(25544);
        assertThat(written.subList(1, written.size())).allSatisfy(f -> assertThat(f.noradId()).isGreaterThanOrEqualTo(200000));

        // the count scaled to a known event, and a factor out of bounds named
        Path scaled = dir.resolve("scaled.csv");
        CliRun three = CliRun.of("breakup", "--tle", STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z", "--explosion",
                "--parent-mass-kg", "1e9", "--parent-length-m", "4", "--min-size-m", "0.1", "--count-factor", "3", "-o", scaled.toString());
        CliRun one = CliRun.of("breakup", "--tle", STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z", "--explosion",
                "--parent-mass-kg", "1e9", "--parent-length-m", "4", "--min-size-m", "0.1", "-o", out.toString());
        assertThat(three.exitCode()).as(three.err()).isZero();
        java.util.function.Function<String, Integer> made = text -> Integer.parseInt(text.replaceAll("(?s).*: (\\d+) made.*", "$1"));
        assertThat(made.apply(three.out())).isCloseTo(3 * made.apply(one.out()), org.assertj.core.api.Assertions.within(2));
        CliRun wrong = CliRun.of("breakup", "--tle", STATIONS, "--norad", "25544", "--time", "2026-06-01T00:00:00Z", "--explosion",
                "--parent-mass-kg", "1000", "--min-size-m", "0.1", "--count-factor", "40", "-o", scaled.toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("--count-factor").contains("at most 10");
    }

    @Test
    void theCloudIsScreenedAgainstAnAlliedAsset(@TempDir Path dir) throws Exception {
        // an allied satellite, and 0.2 degrees ahead of it in the same orbit an object destroyed by a kill vehicle
        org.spacettx.orbit.data.OrekitData data = org.spacettx.orbit.data.OrekitData.standard();
        java.time.Instant epoch = java.time.Instant.parse("2026-06-01T00:00:00Z");
        StringBuilder tle = new StringBuilder();
        for (int[] o : new int[][] {{99003, 0}, {99010, 1}}) {
            ElementSet e = new org.spacettx.orbit.catalog.MeanElements(o[0], o[0] == 99003 ? "ALLIED SAT" : "TARGET", epoch, 97.6, 40,
                    0.0005, 0, 0.2 * o[1], null, 550.0, 0).toElementSet(org.spacettx.orbit.input.SourceLocation.of("t"));
            var t = org.spacettx.orbit.catalog.OrekitTle.toTle(e, data.utc());
            tle.append(e.name()).append('\n').append(t.getLine1()).append('\n').append(t.getLine2()).append('\n');
        }
        Path objects = dir.resolve("objects.tle");
        java.nio.file.Files.writeString(objects, tle);
        Path cloud = dir.resolve("cloud.csv");
        CliRun breakup = CliRun.of("breakup", "--tle", objects.toString(), "--norad", "99010", "--time", "2026-06-01T00:10:00Z",
                "--impactor-mass-kg", "20", "--impact-speed-km-s", "10", "--parent-mass-kg", "800", "--min-size-m", "0.1", "-o", cloud.toString());
        assertThat(breakup.exitCode()).as(breakup.err()).isZero();
        // the debris risk to the allied satellite: its close approaches with the fragments over the next six hours
        CliRun screen = CliRun.of("screen", "--tle", objects.toString(), "--tle", cloud.toString(), "--primary", "99003",
                "--from", "2026-06-01T00:10:00Z", "--to", "2026-06-01T06:10:00Z", "--threshold-km", "5", "--format", "csv", "--quiet");
        assertThat(screen.exitCode()).as(screen.err()).isZero();
        List<String> approaches = screen.out().lines().skip(1).toList();
        assertThat(approaches).as("fragments crossing the allied satellite's path").isNotEmpty();
        assertThat(approaches).allSatisfy(line -> assertThat(line).startsWith("99003,"));
        // each with a fragment (numbered from 200000), or with the parent's last element set, which the file still holds
        assertThat(approaches).allSatisfy(line -> assertThat(Integer.parseInt(line.split(",")[1])).satisfiesAnyOf(
                n -> assertThat(n).isGreaterThanOrEqualTo(200000), n -> assertThat(n).isEqualTo(99010)));
        assertThat(approaches).anySatisfy(line -> assertThat(Integer.parseInt(line.split(",")[1])).isGreaterThanOrEqualTo(200000));

        // the same cloud with --cloud: the fragments against the catalog, not against each other; the allied
        // satellite's approaches are the same, and the cumulative probability adds them up as 1 - Π(1 - p)
        CliRun clouded = CliRun.of("screen", "--tle", objects.toString(), "--cloud", cloud.toString(), "--pc-hbr-m", "5",
                "--pc-sigma-km", "0.5,0.5,0.5", "--from", "2026-06-01T00:10:00Z", "--to", "2026-06-01T06:10:00Z", "--threshold-km", "5",
                "--format", "csv");
        assertThat(clouded.exitCode()).as(clouded.err()).isZero();
        assertThat(clouded.out().lines().findFirst().orElseThrow()).endsWith(",pc_assumed,pc_cumulative_b");
        List<String[]> allied = clouded.out().lines().skip(1).map(l -> l.split(",")).filter(f -> f[1].equals("99003")).toList();
        java.util.function.Function<String, String> key = line -> {
            String[] f = line.split(",");
            return f[1] + " " + f[2] + " " + f[3];
        };
        assertThat(allied.stream().map(f -> f[0] + " " + f[2] + " " + f[3]).toList()).containsExactlyElementsOf(approaches.stream()
                .filter(l -> Integer.parseInt(l.split(",")[1]) >= 200000).map(key).toList());
        double missed = 1;
        for (String[] f : allied) {
            missed *= 1 - Double.parseDouble(f[8]);
            assertThat(Double.parseDouble(f[9])).isCloseTo(1 - missed, org.assertj.core.api.Assertions.within((1 - missed) * 1e-3 + 1e-300));
        }
        assertThat(1 - missed).as("some risk to the allied satellite").isPositive();
        assertThat(clouded.err()).contains("ALLIED SAT: cumulative probability of a hit by the cloud");
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
