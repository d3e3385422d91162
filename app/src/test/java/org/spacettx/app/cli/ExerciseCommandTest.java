package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseCommandTest {

    static Path demo() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scenarios/rok-us-space-ttx.yaml"))) {
                return dir.resolve("scenarios/rok-us-space-ttx.yaml");
            }
        }
        throw new IllegalStateException("demo scenario not found");
    }

    @Test
    void validateAcceptsTheDemo() {
        CliRun run = CliRun.of("exercise", "validate", demo().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("valid (0 warnings): 4 cells, 4 moves, 30 injects, 9 questions");
        // and what the orbital engine made of the counterspace events
        assertThat(run.out()).contains("maneuver inspector-approach (RU INSPECTOR (EXERCISE)) at 2023-11-24T01:02:53.401Z: "
                + "2023-11-24T01:02:53.401Z 33.12 m/s").contains("breakup asat-test (RU DEFUNCT SAT (EXERCISE)) at 2023-11-25T03:00:00Z")
                .contains("1205 fragments of at least 0.1 m in orbit").contains("ground_jammer dmz-jammer");
    }

    /**
     * What only the computed schedule shows (the review found validate silent about it): an orbital trigger that
     * releases an inject in another move, and one that never happens, are warnings at the trigger's line.
     */
    @Test
    void validateWarnsWhenTheComputedScheduleReleasesAnInjectOutsideItsMove(@TempDir Path dir) throws Exception {
        Path moved = dir.resolve("moved.yaml");
        Files.writeString(moved, Files.readString(demo()).replace("  - number: 11\n    move: M3\n", "  - number: 11\n    move: M2\n")
                .replace("trigger: {first_overflight: {object: recon-1, place: guam}}",
                        "trigger: {first_overflight: {object: recon-1, place: guam, after: 2023-11-28T23:00:00Z}}"));
        CliRun run = CliRun.of("exercise", "validate", moved.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("valid (2 warnings)");
        List<String> lines = run.err().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches(".*moved.yaml:\\d+:\\d+: warning: msel\\[10\\]\\.trigger: inject 11 of move M2 is "
                + "released at 2023-11-25T00:53:54.*, in move M3 \\(first overflight of Seoul.* by MALLIGYONG-1.*"));
        assertThat(lines).anyMatch(l -> l.matches(".*moved.yaml:\\d+:\\d+: warning: msel\\[11\\]\\.trigger: inject 12 is never released: .*"));
    }

    @Test
    void validateReportsEveryProblemWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(demo()).replace("channel: phone-call", "chanel: phone-call")
                .replaceFirst("marking: KOR ONLY", "marking: SECRET"));
        CliRun run = CliRun.of("exercise", "validate", broken.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches(".*broken.yaml:\\d+:\\d+: error: msel\\[\\d+\\]\\.chanel: unknown key 'chanel' \\(did you mean 'channel'\\?\\).*"));
        assertThat(lines).anyMatch(l -> l.matches(".*broken.yaml:\\d+:\\d+: error: msel\\[1\\]\\.marking: 'SECRET' is not a releasability marking.*"));
        assertThat(lines.get(lines.size() - 1)).matches("spacettx: .*broken.yaml: \\d+ errors, 0 warnings");
    }

    @Test
    void timelineListsComputedReleaseTimes() throws Exception {
        CliRun run = CliRun.of("exercise", "timeline", demo().toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertThat(rows).hasSize(30);
        JsonNode launch = rows.get(7);
        assertThat(launch.get("number").asInt()).isEqualTo(8);
        assertThat(launch.get("release_utc").asText()).isEqualTo("2023-11-21T13:42:28Z");
        assertThat(rows.get(5).get("release_utc").asText()).isEmpty(); // manual
    }

    /** A log that attaches documents names them by content it does not hold: archived by the server, not from the log. */
    @Test
    void aLogThatAttachesDocumentsIsNotArchivedFromTheLogAlone(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path script = java.nio.file.Files.writeString(dir.resolve("script.jsonl"), """
                {"wall": "+0", "actor": "control", "command": {"type": "StartExercise"}}
                {"wall": "+5", "actor": "control", "command": {"type": "AttachFile", "number": 2, "file": {"name": "crane.png", "mediaType": "image/png", "sha256": "%s", "bytes": 1200}}}
                """.formatted("c".repeat(64)));
        CliRun simulated = CliRun.of("exercise", "simulate", demo().toString(), "--script", script.toString());
        assertThat(simulated.exitCode()).as(simulated.err()).isZero();
        Path log = java.nio.file.Files.writeString(dir.resolve("events.jsonl"), simulated.out());
        CliRun archived = CliRun.of("exercise", "archive", demo().toString(), "--log", log.toString(), "-o", dir.resolve("a.zip").toString());
        assertThat(archived.exitCode()).isEqualTo(2);
        // starting the exercise records two events
        assertThat(archived.err()).isEqualTo("spacettx: " + log + ": event 3 attaches the document crane.png: export the archive from "
                + "the server that holds it (GET /api/exercises/ID/archive)\n");
        assertThat(dir.resolve("a.zip")).doesNotExist();
    }

    @Test
    void simulatePrintsTheEventLog() throws Exception {
        Path script = demo().resolveSibling("rok-us-space-ttx.script.jsonl");
        CliRun run = CliRun.of("exercise", "simulate", demo().toString(), "--script", script.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> events = run.out().lines().map(l -> {
            try {
                return new ObjectMapper().readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(events.get(0).get("event").get("type").asText()).isEqualTo("ExerciseStarted");
        assertThat(events.get(events.size() - 1).get("event").get("type").asText()).isEqualTo("ExerciseEnded");
        assertThat(events.stream().filter(e -> e.get("event").get("type").asText().equals("InjectReleased"))).hasSize(30);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("sequence").asLong()).isEqualTo(i + 1);
        }
        assertThat(run.err()).contains("30 injects released of 30, 0 refused steps");
    }
}
