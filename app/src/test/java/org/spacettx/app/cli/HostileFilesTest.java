package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to hurt, through the command line as a user meets them (found by the hostile-input review): each is
 * refused with exit code 2 and one line naming the file and the problem, never an internal error or a stack trace.
 */
class HostileFilesTest {

    @TempDir
    Path dir;

    private static String demo() throws Exception {
        try (var in = HostileFilesTest.class.getResourceAsStream("/scenarios/rok-us-space-ttx.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void refusedCleanly(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("internal error").doesNotContain("Exception").contains(expected);
        assertThat(run.err().lines().count()).as(run.err()).isLessThanOrEqualTo(3);
    }

    @Test
    void aMapWhereAListBelongsIsNamedByLineNotAClassCastException() throws Exception {
        Path file = dir.resolve("map.yaml");
        Files.writeString(file, demo().replaceFirst("objectives: \\[O1\\]", "objectives: {}"));
        CliRun run = CliRun.of("exercise", "validate", file.toString());
        refusedCleanly(run, "must be a value or a list of values");
        assertThat(run.err()).containsPattern(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: error:");
    }

    @Test
    void aScenarioThatIsNotUtf8IsSaidToBeSo() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, demo().replaceFirst("title:", "title: caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        CliRun run = CliRun.of("exercise", "validate", file.toString());
        refusedCleanly(run, file + ": is not UTF-8 text: byte 0x");
        assertThat(run.err()).doesNotContain("Input length");
    }

    @Test
    void aGzipBombCatalogIsRefusedWithinTheLimit() throws Exception {
        Path file = dir.resolve("bomb.tle.gz");
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, (byte) '\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            for (int i = 0; i < 200; i++) {
                gz.write(block);
            }
        }
        Files.write(file, out.toByteArray());
        refusedCleanly(CliRun.of("catalog", "info", file.toString()), file + ": decompresses to more than 128 MiB");
    }

    @Test
    void aCatalogOfOneHugeLineIsQuotedOnlyInPart() throws Exception {
        Path file = dir.resolve("line.tle");
        Files.writeString(file, "N".repeat(5_000_000) + "\n" + "N".repeat(10) + "\n");
        CliRun run = CliRun.of("catalog", "info", file.toString());
        refusedCleanly(run, "expected TLE line 1 after the name line");
        assertThat(run.err().length()).isLessThan(400);
    }

    @Test
    void aDamagedArchiveSaysWhatIsWrongWithIt() throws Exception {
        Path file = dir.resolve("cut.zip");
        Path good = dir.resolve("good.zip");
        Path log = dir.resolve("events.jsonl");
        Path scenario = dir.resolve("demo.yaml");
        Files.writeString(scenario, demo());
        Path script = dir.resolve("script.jsonl");
        try (var in = HostileFilesTest.class.getResourceAsStream("/scenarios/rok-us-space-ttx.script.jsonl")) {
            Files.write(script, in.readAllBytes());
        }
        CliRun simulated = CliRun.of("exercise", "simulate", scenario.toString(), "--script", script.toString());
        assertThat(simulated.exitCode()).as(simulated.err()).isZero();
        Files.writeString(log, simulated.out());
        CliRun archived = CliRun.of("exercise", "archive", scenario.toString(), "--log", log.toString(), "-o", good.toString());
        assertThat(archived.exitCode()).as(archived.err()).isZero();
        byte[] bytes = Files.readAllBytes(good);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRun run = CliRun.of("report", file.toString());
        refusedCleanly(run, file.toString());
        assertThat(run.err()).doesNotContain(": null");
    }
}
