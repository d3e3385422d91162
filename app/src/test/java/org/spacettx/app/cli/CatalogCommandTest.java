package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.spacettx.orbit.SharedData;

class CatalogCommandTest {

    @Test
    void infoCountsRecordsObjectsAndDuplicates() throws Exception {
        CliRun run = CliRun.of("catalog", "info", SharedData.path("catalog/celestrak-groups-2026-05-30").toString(),
                "--format", "json");
        assertThat(run.exitCode()).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertThat(value(rows, "records_read")).isEqualTo("912");
        assertThat(value(rows, "objects")).isEqualTo("885");
        assertThat(value(rows, "duplicates_resolved")).isEqualTo("27");
        assertThat(value(rows, "epoch_min_utc")).isEqualTo("2026-05-16T19:27:04.075776Z");
    }

    @Test
    void infoGroupsByCountryWhenMetadataIsJoined() {
        CliRun run = CliRun.of("catalog", "info", SharedData.path("catalog/spacetrack-3le-leo-2026-06-10.txt").toString(),
                "--satcat", SharedData.path("satcat/ucs-satellite-database-2023-05-01.tsv").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("country:USA", "country:(unknown)");
    }

    @Test
    void listFindsByNameAnyCase() {
        CliRun run = CliRun.of("catalog", "list", SharedData.path("catalog/spacetrack-3le-leo-2026-06-10.txt").toString(),
                "--name", "malligyong", "--format", "csv");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.out().lines().skip(1).findFirst().orElseThrow()).startsWith("58400,MALLIGYONG-1,2023-179A,");
    }

    @Test
    void lenientSkipsAndReports() {
        CliRun run = CliRun.of("catalog", "info", SharedData.path("sgp4-verification/SGP4-VER.TLE").toString(), "--lenient");
        assertThat(run.exitCode()).isZero();
        // Vallado's hand-made error cases carry wrong checksums: 33333 (both lines), 33334, 33335.
        assertThat(run.err().lines().filter(l -> l.startsWith("spacettx: skipped"))).hasSize(3);
        assertThat(run.out()).containsPattern("records_rejected\\s+3");
    }

    private static String value(JsonNode rows, String item) {
        for (JsonNode row : rows) {
            if (row.get("item").asText().equals(item)) {
                return row.get("value").asText();
            }
        }
        throw new AssertionError("no row " + item);
    }
}
