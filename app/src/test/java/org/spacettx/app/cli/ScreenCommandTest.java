package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spacettx.orbit.SharedData;

class ScreenCommandTest {

    static final String STATIONS = SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle").toString();

    static List<String[]> rows(CliRun run) {
        return run.out().lines().skip(1).map(l -> l.split(",")).toList();
    }

    @Test
    void csvHasTheAgreedColumnsSortedByTimeOfClosestApproach() {
        CliRun run = CliRun.of("screen", "--tle", STATIONS, "--from", "2026-05-30T00:00:00Z", "--to", "2026-05-30T12:00:00Z",
                "--threshold-km", "200", "--format", "csv", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow())
                .isEqualTo("norad_a,norad_b,tca_utc,miss_km,rel_speed_km_s,radial_km,intrack_km,crosstrack_km");
        List<String[]> rows = rows(run);
        assertThat(rows).isNotEmpty();
        String previous = "";
        for (String[] r : rows) {
            assertThat(Integer.parseInt(r[0])).isLessThan(Integer.parseInt(r[1]));
            assertThat(r[2].compareTo(previous)).isGreaterThanOrEqualTo(0);
            assertThat(Double.parseDouble(r[3])).isBetween(0.0, 200.0);
            previous = r[2];
        }
        // The Orekit path screens to the same approaches.
        CliRun reference = CliRun.of("screen", "--tle", STATIONS, "--from", "2026-05-30T00:00:00Z", "--to", "2026-05-30T12:00:00Z",
                "--threshold-km", "200", "--format", "csv", "--quiet", "--propagator", "orekit", "--threads", "1");
        assertThat(reference.exitCode()).isZero();
        // Compared pair by pair (two approaches at the same instant may come out in either order).
        java.util.Comparator<String[]> byPair = java.util.Comparator.<String[], String>comparing(r -> r[0])
                .thenComparing(r -> r[1]).thenComparing(r -> r[2]);
        List<String[]> same = rows(reference).stream().sorted(byPair).toList();
        List<String[]> fast = rows.stream().sorted(byPair).toList();
        assertThat(same).hasSameSizeAs(fast);
        for (int k = 0; k < fast.size(); k++) {
            assertThat(same.get(k)[0] + "-" + same.get(k)[1]).isEqualTo(fast.get(k)[0] + "-" + fast.get(k)[1]);
            assertThat(java.time.Duration.between(java.time.Instant.parse(same.get(k)[2]), java.time.Instant.parse(fast.get(k)[2]))
                    .abs().toMillis()).isLessThan(10);
            assertThat(Double.parseDouble(same.get(k)[3])).isCloseTo(Double.parseDouble(fast.get(k)[3]),
                    org.assertj.core.data.Offset.offset(0.0011));
        }
    }

    /** Without the spark module on the class path (the plain jar), --engine spark says what it needs instead of failing. */
    @Test
    void anEngineThatIsNotThereIsExplained() {
        CliRun spark = CliRun.of("screen", "--tle", STATIONS, "--from", "2026-05-30T00:00:00Z", "--to", "2026-05-30T01:00:00Z",
                "--threshold-km", "200", "--engine", "spark", "--master", "local[2]", "--quiet");
        assertThat(spark.exitCode()).isNotZero();
        assertThat(spark.err()).contains("--engine").contains("spark needs the spark module and Spark on the class path")
                .doesNotContain("Exception");
        CliRun other = CliRun.of("screen", "--tle", STATIONS, "--from", "2026-05-30T00:00:00Z", "--to", "2026-05-30T01:00:00Z",
                "--threshold-km", "200", "--engine", "flink", "--quiet");
        assertThat(other.err()).contains("'flink' is not local or spark");
    }

    @Test
    void aPrimaryAndAnAssumedProbability() {
        CliRun all = CliRun.of("screen", "--tle", STATIONS, "--from", "2026-05-30T00:00:00Z", "--to", "2026-05-30T12:00:00Z",
                "--threshold-km", "200", "--format", "csv", "--quiet");
        String primary = rows(all).get(0)[0];
        CliRun run = CliRun.of("screen", "--tle", STATIONS, "--from", "2026-05-30T00:00:00Z", "--to", "2026-05-30T12:00:00Z",
                "--threshold-km", "200", "--primary", primary, "--pc-hbr-m", "20", "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).endsWith(",pc_assumed");
        assertThat(rows(run)).isNotEmpty().allSatisfy(r -> {
            assertThat(r[0]).isEqualTo(primary);
            assertThat(Double.parseDouble(r[8])).isBetween(0.0, 1.0);
        });
        assertThat(run.err()).contains("pc_assumed: Foster 2-D, hard-body radius 20.0 m, assumed 1-sigma 0.1,0.5,0.1 km");
        assertThat(run.err()).contains("screening 100%");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String[][] cases = {
                {"--threshold-km", "0", "--threshold-km"},
                {"--primary", "1", "object 1 is not in the catalog"},
                {"--propagator", "magic", "'magic' is not fast or orekit"},
                {"--pc-sigma-km", "1,2", "is not three numbers"},
        };
        for (String[] c : cases) {
            List<String> args = new java.util.ArrayList<>(List.of("screen", "--tle", STATIONS, "--from", "2026-05-30T00:00:00Z",
                    "--to", "2026-05-30T01:00:00Z", "--pc-hbr-m", "10"));
            if (!c[0].equals("--threshold-km")) {
                args.addAll(List.of("--threshold-km", "5"));
            }
            args.add(c[0]);
            args.add(c[1]);
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", c)).isEqualTo(2);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains(c[2]).doesNotContain("Exception");
        }
    }
}
