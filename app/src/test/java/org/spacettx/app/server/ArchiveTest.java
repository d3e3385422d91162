package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.Database;
import org.spacettx.exercise.archive.ExerciseArchive;

/**
 * An exercise played on one server, exported as an archive, imported into another server: the same log, state and
 * reports there, byte for byte; the replay view shows each moment through the visibility policy.
 */
class ArchiveTest {

    static final String PASSWORD = ServerTest.PASSWORD;
    static final String EX = ServerTest.EX;

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    @Test
    void exportImportAndReplay() throws Exception {
        byte[] archive;
        String korReport;
        String controlReport;
        JsonNode korFeed;
        try (Database db = Database.open(Database.embeddedUrl(dirA), "sa", "");
                Server a = start(db)) {
            ApiClient control = as(a, "control");
            ApiClient kor = as(a, "kor1");
            ApiClient usa = as(a, "usa1");
            ok(control.command(EX, "{\"type\":\"StartExercise\"}"));
            ok(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M2\"}"));
            ok(kor.command(EX, "{\"type\":\"SubmitAnswer\",\"question\":\"Q4\",\"value\":{\"type\":\"Number\",\"value\":80},"
                    + "\"confidence\":\"HIGH\",\"rationale\":\"manoeuvres\"}"));
            ok(usa.command(EX, "{\"type\":\"SubmitAnswer\",\"question\":\"Q4\",\"value\":{\"type\":\"Number\",\"value\":50},"
                    + "\"confidence\":\"LOW\",\"rationale\":\"\"}"));
            ok(control.command(EX, "{\"type\":\"RevealQuestion\",\"question\":\"Q4\"}"));
            ok(kor.command(EX, "{\"type\":\"SaveActionItem\",\"title\":\"Share imagery assessments\",\"ownerNation\":\"KOR\","
                    + "\"due\":\"2027-02-28\",\"inject\":2}"));

            ApiClient.Response zip = control.get("/api/exercises/" + EX + "/archive");
            assertThat(zip.status()).isEqualTo(200);
            assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
            archive = zip.bytes();
            assertThat(kor.get("/api/exercises/" + EX + "/archive").status()).as("the log holds every cell's items").isEqualTo(403);
            assertThat(control.get("/api/exercises/" + EX + "/archive").bytes()).as("the same exercise, the same file")
                    .isEqualTo(archive);
            korReport = kor.get("/api/exercises/" + EX + "/report?lang=both").body();
            controlReport = control.get("/api/exercises/" + EX + "/report?format=json").body();
            korFeed = kor.get("/api/exercises/" + EX + "/feed").json();

            // the replay view: before anything, and at every event the KOR cell never sees a USA ONLY inject
            JsonNode start = kor.get("/api/exercises/" + EX + "/replay?seq=0").json();
            assertThat(start.get("injects")).isEmpty();
            assertThat(start.get("clock").get("started").asBoolean()).isFalse();
            int events = korFeed.get("lastSequence").asInt();
            assertThat(events).isGreaterThan(10);
            int sawInjects = 0;
            for (int seq = 0; seq <= events; seq++) {
                JsonNode then = kor.get("/api/exercises/" + EX + "/replay?seq=" + seq).json();
                assertThat(then.get("replay").get("seq").asInt()).isEqualTo(seq);
                assertThat(then.get("clock").get("running").asBoolean()).isFalse();
                assertThat(then.toString()).doesNotContain("Russian engineers reported at Sohae").doesNotContain("USA ONLY");
                sawInjects = Math.max(sawInjects, then.get("injects").size());
            }
            assertThat(sawInjects).isEqualTo(korFeed.get("injects").size());
            JsonNode last = kor.get("/api/exercises/" + EX + "/replay").json();
            assertThat(last.get("injects")).isEqualTo(korFeed.get("injects"));
            assertThat(last.get("questions")).isEqualTo(korFeed.get("questions"));
            assertThat(kor.get("/api/exercises/" + EX + "/replay?seq=" + (events + 1)).status()).isEqualTo(400);
            assertThat(kor.get("/api/exercises/" + EX + "/replay?seq=x").status()).isEqualTo(400);
        }

        ExerciseArchive parts = ExerciseArchive.read(archive, "a.zip");
        assertThat(parts.catalogCsv().lines().count()).as("header and the scenario's objects").isEqualTo(6);
        try (Database db = Database.open(Database.embeddedUrl(dirB), "sa", "")) {
            // another server: the same people, none of its exercises
            org.spacettx.app.store.Accounts accounts = new org.spacettx.app.store.Accounts(db);
            accounts.create("control", "Control", PASSWORD, true);
            accounts.create("kor1", "ROK", PASSWORD, false);
            accounts.create("usa1", "US", PASSWORD, false);
            try (Server b = Server.start(db, Server.Options.local(0))) {
            ApiClient admin = as(b, "control");
            ApiClient.Response imported = admin.postBytes("/api/exercises/import", archive, "application/zip");
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            assertThat(imported.json().get("id").asText()).isEqualTo(EX);
            assertThat(imported.json().get("events").asInt()).isEqualTo(parts.events().size());
            assertThat(admin.postBytes("/api/exercises/import", archive, "application/zip").status()).isEqualTo(409);
            assertThat(as(b, "kor1").postBytes("/api/exercises/import?id=x", archive, "application/zip").status()).isEqualTo(403);
            byte[] damaged = archive.clone();
            damaged[damaged.length / 2] ^= 0x55;
            ApiClient.Response refused = admin.postBytes("/api/exercises/import?id=damaged", damaged, "application/zip");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("error").asText()).startsWith("archive");
            assertThat(admin.postBytes("/api/exercises/import?id=junk", "PK junk".getBytes(), "application/zip").status()).isEqualTo(422);
            // under another id: the same parts, the manifest names the new exercise
            assertThat(admin.postBytes("/api/exercises/import?id=replayed", archive, "application/zip").status()).isEqualTo(201);
            ExerciseArchive again = ExerciseArchive.read(admin.get("/api/exercises/replayed/archive").bytes(), "b.zip");
            assertThat(again.exerciseId()).isEqualTo("replayed");
            assertThat(again.eventsJsonl()).isEqualTo(parts.eventsJsonl());
            assertThat(again.scenarioYaml()).isEqualTo(parts.scenarioYaml());
            assertThat(again.catalogCsv()).isEqualTo(parts.catalogCsv());

            // the same file comes out again, and the same reports for the same readers
            assertThat(admin.get("/api/exercises/" + EX + "/archive").bytes()).isEqualTo(archive);
            for (String[] m : new String[][] {{"kor1", "kor"}, {"usa1", "usa"}}) {
                assertThat(admin.post("/api/exercises/" + EX + "/members",
                        "{\"username\":\"" + m[0] + "\",\"role\":\"player\",\"cell\":\"" + m[1] + "\"}").status()).isEqualTo(204);
            }
            ApiClient kor = as(b, "kor1");
            assertThat(kor.get("/api/exercises/" + EX + "/report?lang=both").body()).isEqualTo(korReport);
            assertThat(admin.get("/api/exercises/" + EX + "/report?format=json").body()).isEqualTo(controlReport);
            JsonNode feed = kor.get("/api/exercises/" + EX + "/feed").json();
            for (String part : new String[] {"released", "questions", "actionItems", "statement", "lastSequence"}) {
                assertThat(feed.get(part)).as(part).isEqualTo(korFeed.get(part));
            }
            // the imported exercise's action item joins this server's register with its origin
            JsonNode register = kor.get("/api/register?exercise=" + EX).json();
            assertThat(register).hasSize(1);
            assertThat(register.get(0).get("originMove").asText()).isEqualTo("M2");
            assertThat(register.get(0).get("originInject").asInt()).isEqualTo(2);
            assertThat(new AuditLog(db).entries()).anySatisfy(e -> assertThat(e.action()).isEqualTo("exercise-imported"));
            }
        }
    }

    private static Server start(Database db) throws Exception {
        org.spacettx.app.cli.DemoAccess.prepare(db, PASSWORD);
        return Server.start(db, Server.Options.local(0));
    }

    private static ApiClient as(Server server, String user) {
        ApiClient c = new ApiClient(server.port());
        assertThat(c.login(user, PASSWORD).status()).isEqualTo(200);
        return c;
    }

    private static void ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
