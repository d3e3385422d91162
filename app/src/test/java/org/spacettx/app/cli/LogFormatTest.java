package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.ExerciseRecords;
import org.spacettx.exercise.engine.Json;

/**
 * {@code serve --log-format json}: the log is JSON lines a site's collector reads (level, logger, message), here the
 * error of an exercise the server could not load.
 */
@Tag("slow")
class LogFormatTest {

    @TempDir
    Path dir;

    @Test
    void theLogIsJsonLines() throws Exception {
        String demo;
        try (var in = LogFormatTest.class.getResourceAsStream("/scenarios/rok-us-space-ttx.yaml")) {
            demo = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (Database db = Database.embedded(dir, m -> { })) {
            DemoAccess.prepare(db, "log-password-1");
            new ExerciseRecords(db).create("century", "A century", demo.replace("end: 2023-11-29T00:00:00Z", "end: 2123-11-29T00:00:00Z")
                    .replace("id: rok-us-space-ttx", "id: century"), "control");
        }
        try (ChildServer server = ChildServer.start(List.of("serve", "--log-format", "json", "--port", "0", "--data-dir", dir.toString()))) {
            server.awaitReady(Duration.ofMinutes(2));
            List<String> logged = server.output().lines().filter(l -> l.startsWith("{")).toList();
            assertThat(logged).isNotEmpty();
            JsonNode error = logged.stream().map(l -> {
                try {
                    return Json.mapper().readTree(l);
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + l, e);
                }
            }).filter(n -> n.path("formattedMessage").asText().contains("century")).findFirst().orElseThrow(() -> new AssertionError(server.output()));
            assertThat(error.get("level").asText()).isEqualTo("ERROR");
            assertThat(error.get("loggerName").asText()).isEqualTo("org.spacettx.app.server.LiveExercises");
            assertThat(error.get("formattedMessage").asText()).startsWith("exercise century was not loaded: ").contains("max-scenario-days");
            assertThat(error.has("timestamp")).isTrue();
        }
        assertThat(Files.exists(dir.resolve("spacettx.db"))).isTrue();
    }
}
