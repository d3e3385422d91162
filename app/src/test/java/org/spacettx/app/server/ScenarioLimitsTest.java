package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.ExerciseRecords;
import org.spacettx.exercise.scenario.Limits;

/**
 * One scenario cannot take the server down. On main before this, a century-long scenario was accepted by the
 * validation (which then ran for over ten minutes and filled the heap), publishing it stored an exercise whose
 * schedule no start could compute, and every later start died in {@code LiveExercises.loadAll}. Now: the span is an
 * error naming its limit, answered at once; a scenario over a limit is never stored; a server whose store holds one
 * starts anyway, says which exercise is out of service and why, and serves the others; validations run off the
 * request threads under a time limit, a newer one of the same planner cancels the older, and so can the planner.
 */
class ScenarioLimitsTest {

    static final String PASSWORD = "limits-password-1";
    static final String EX = "rok-us-space-ttx";

    @TempDir
    Path dir;

    static String demoYaml() throws Exception {
        return Files.readString(ServerTest.demoScenario());
    }

    /**
     * The demo over 59 days: about four times its work, and a scenario no other test computes (so no cache of an
     * earlier computation makes it quick).
     */
    static String longDemo() {
        try {
            return demoYaml().replace("end: 2023-11-29T00:00:00Z", "end: 2024-01-12T00:00:00Z");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String century() throws Exception {
        return demoYaml().replace("end: 2023-11-29T00:00:00Z", "end: 2123-11-29T00:00:00Z").replace("id: rok-us-space-ttx", "id: century");
    }

    @Test
    void aCenturyIsRefusedAtOnceAndNeverStored() throws Exception {
        try (DemoServer demo = DemoServer.start(dir, PASSWORD)) {
            ApiClient control = demo.as("control");
            long started = System.nanoTime();
            ApiClient.Response checked = control.post("/api/scenarios/validate", century());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(checked.status()).isEqualTo(200);
            assertThat(checked.json().get("valid").asBoolean()).isFalse();
            JsonNode problem = checked.json().get("problems").get(0);
            assertThat(problem.get("path").asText()).isEqualTo("end");
            assertThat(problem.get("message").asText()).contains("at most 60 days are allowed (max-scenario-days)");

            ApiClient.Response created = control.post("/api/exercises", century());
            assertThat(created.status()).isEqualTo(422);
            assertThat(new ExerciseRecords(demo.db()).find("century")).as("nothing stored").isEmpty();
        }
    }

    @Test
    void aScheduleOverItsBudgetIsAnErrorOfTheValidationAndRefusedAtPublication() throws Exception {
        Path data = dir.resolve("small");
        Limits small = Limits.DEFAULT.withSamples(Limits.DEFAULT.skySamples(), 1_000_000);
        // the demo asks for about 14 million states: this server takes one million at most
        try (DemoServer demo = DemoServer.start(data, PASSWORD, Server.Options.local(0).withLimits(small))) {
            ApiClient control = demo.as("control");
            JsonNode checked = control.post("/api/scenarios/validate", demoYaml()).json();
            assertThat(checked.get("valid").asBoolean()).isFalse();
            assertThat(checked.get("errors").asInt()).isOne();
            assertThat(checked.get("problems").get(0).get("message").asText()).startsWith("computing the schedule would propagate ")
                    .endsWith("at most 1,000,000 are allowed (max-schedule-samples)");
            ApiClient.Response created = control.post("/api/exercises?id=another", demoYaml());
            assertThat(created.status()).isEqualTo(422);
            assertThat(created.json().get("error").asText()).endsWith("(max-schedule-samples)");
            assertThat(new ExerciseRecords(demo.db()).find("another")).isEmpty();

            // and the demo the store held already, computed under the default limits, is out of service here
            assertThat(control.get("/api/exercises").json().get(0).get("failed").asText()).endsWith("(max-schedule-samples)");
            ApiClient.Response feed = control.get("/api/exercises/" + EX + "/feed");
            assertThat(feed.status()).isEqualTo(503);
            assertThat(feed.json().get("error").asText()).startsWith("exercise " + EX + " is out of service: this server could not load it");
            assertThat(demo.as("observer").get("/api/exercises/century/feed").status()).as("no such exercise").isEqualTo(404);
        }
    }

    @Test
    void aServerWhoseStoreHoldsAnExerciseItCannotLoadStartsAndServesTheOthers() throws Exception {
        Path data = dir.resolve("store");
        try (Database db = Database.open(Database.embeddedUrl(data), null, null)) {
            org.spacettx.app.cli.DemoAccess.prepare(db, PASSWORD);
            // as an earlier version stored it, before the limits
            ExerciseRecords records = new ExerciseRecords(db);
            records.create("century", "A century", century(), "control");
            records.addMember("century", "control", "controller", "control");
            records.addMember("century", "kor1", "player", "kor");
        }
        long started = System.nanoTime();
        try (DemoServer demo = DemoServer.start(data, PASSWORD)) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
            ApiClient kor = demo.as("kor1");
            JsonNode list = kor.get("/api/exercises").json();
            assertThat(list).hasSize(2);
            JsonNode century = list.get(0).get("id").asText().equals("century") ? list.get(0) : list.get(1);
            assertThat(century.get("failed").asText()).contains("max-scenario-days");
            assertThat(kor.get("/api/exercises/century/feed").status()).isEqualTo(503);
            assertThat(kor.get("/api/exercises/century/stream").status()).isEqualTo(503);
            assertThat(kor.get("/api/exercises/" + EX + "/feed").status()).isEqualTo(200);
            assertThat(demo.as("control").command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void aValidationStopsAtTheTimeLimitAndANewerOneCancelsTheOlder() throws Exception {
        Limits quick = Limits.DEFAULT.withComputeTime(Duration.ofSeconds(1));
        Path data = dir.resolve("quick");
        try (Database db = Database.open(Database.embeddedUrl(data), null, null)) {
            org.spacettx.app.cli.DemoAccess.prepare(db, PASSWORD);
        }
        try (DemoServer demo = DemoServer.start(data, PASSWORD, Server.Options.local(0).withLimits(quick))) {
            ApiClient control = demo.as("control");
            JsonNode slow = control.post("/api/scenarios/validate", longDemo()).json();
            assertThat(slow.get("valid").asBoolean()).isFalse();
            assertThat(slow.get("problems").get(0).get("message").asText())
                    .isEqualTo("computing the schedule took longer than 1 s and was stopped (max-compute-seconds)");
        }
        try (DemoServer demo = DemoServer.start(dir.resolve("cancel"), PASSWORD)) {
            ApiClient control = demo.as("control");
            ApiClient kor = demo.as("kor1");
            assertThat(control.delete("/api/scenarios/validation").status()).as("nothing to cancel").isEqualTo(404);
            CompletableFuture<ApiClient.Response> first = CompletableFuture.supplyAsync(() -> control.post("/api/scenarios/validate", longDemo()));
            Thread.sleep(700);
            // the server serves the delegations meanwhile
            long asked = System.nanoTime();
            assertThat(kor.get("/api/exercises/" + EX + "/feed").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
            CompletableFuture<ApiClient.Response> second = CompletableFuture.supplyAsync(() -> control.post("/api/scenarios/validate", longDemo()));
            ApiClient.Response replaced = first.get();
            assertThat(replaced.status()).isEqualTo(409);
            assertThat(replaced.json().get("error").asText()).startsWith("the validation was cancelled");
            Thread.sleep(300);
            assertThat(control.delete("/api/scenarios/validation").status()).isEqualTo(204);
            assertThat(second.get().status()).isEqualTo(409);
            // and the worker is free again: a third runs to its end
            assertThat(control.post("/api/scenarios/validate", demoYaml0()).json().get("valid").asBoolean()).isTrue();
        }
    }

    private static String demoYaml0() {
        try {
            return demoYaml();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
