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

    /**
     * {@code --cdm DIR}: one CCSDS CDM per approach, read back by Orekit's CDM parser: the pair, TCA and miss distance of
     * its CSV row (to the millisecond and the metre), the probability printed, and each object's state; without a
     * stated covariance (a CDM requires one) it is refused.
     */
    @Test
    void everyApproachAsACdmThatOreKitReads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path out = dir.resolve("cdm");
        String[] screen = {"screen", "--tle", STATIONS, "--from", "2026-05-30T00:00:00Z", "--to", "2026-05-30T06:00:00Z",
            "--threshold-km", "200", "--pc-hbr-m", "20", "--pc-sigma-km", "0.2,0.8,0.2", "--format", "csv"};
        CliRun run = CliRun.of(PropagateCommandTest.concat(screen, "--cdm", out.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String[]> rows = rows(run);
        assertThat(rows).isNotEmpty();
        assertThat(run.err()).contains(rows.size() + " CDMs written to");
        org.spacettx.orbit.data.OrekitData data = org.spacettx.orbit.data.OrekitData.standard();
        try (var files = java.nio.file.Files.list(out)) {
            assertThat(files.count()).isEqualTo(rows.size());
        }
        for (String[] r : rows) {
            java.time.Instant tca = java.time.Instant.parse(r[2]);
            String id = r[0] + "_" + r[1] + "_" + r[2].replaceAll("[-:]", "").replaceAll("\\..*", "").replace("Z", "");
            java.nio.file.Path file = out.resolve(id + ".cdm");
            org.orekit.files.ccsds.ndm.cdm.Cdm cdm = new org.orekit.files.ccsds.ndm.ParserBuilder(data.context()).buildCdmParser()
                    .parseMessage(new org.orekit.data.DataSource(file.toString(), () -> java.nio.file.Files.newBufferedReader(file)));
            var relative = cdm.getRelativeMetadata();
            assertThat(Math.abs(relative.getTca().durationFrom(org.spacettx.orbit.catalog.OrekitTle.toDate(tca, data.utc())))).isLessThan(1e-3);
            assertThat(relative.getMissDistance()).isCloseTo(Double.parseDouble(r[3]) * 1000, org.assertj.core.data.Offset.offset(1.0));
            assertThat(relative.getCollisionProbability()).isCloseTo(Double.parseDouble(r[8]),
                    org.assertj.core.data.Offset.offset(Double.parseDouble(r[8]) * 2e-3 + 1e-300));
            assertThat(cdm.getMetadataObject1().getObjectDesignator()).isEqualTo(r[0]);
            assertThat(cdm.getMetadataObject2().getObjectDesignator()).isEqualTo(r[1]);
            // the states are 1 m apart where the CSV's miss says so
            org.hipparchus.geometry.euclidean.threed.Vector3D p1 = cdm.getDataObject1().getStateVectorBlock().getPositionVector();
            org.hipparchus.geometry.euclidean.threed.Vector3D p2 = cdm.getDataObject2().getStateVectorBlock().getPositionVector();
            assertThat(p1.distance(p2)).isCloseTo(Double.parseDouble(r[3]) * 1000, org.assertj.core.data.Offset.offset(1.0));
        }
        CliRun refused = CliRun.of("screen", "--tle", STATIONS, "--from", "2026-05-30T00:00:00Z", "--to", "2026-05-30T01:00:00Z",
                "--threshold-km", "200", "--cdm", out.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--cdm", "--pc-sigma-km");
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
