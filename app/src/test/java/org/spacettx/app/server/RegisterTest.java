package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.Database;

/**
 * The working group's action register across two exercises over real HTTP: items enter from the first exercise
 * with their origin, are listed, filtered, exported and updated by whom may, survive a restart unchanged, and the
 * open ones are offered as read-ahead in the next exercise.
 */
class RegisterTest {

    static final String PASSWORD = ServerTest.PASSWORD;

    @TempDir
    Path dir;

    @Test
    void actionItemsOutliveTheirExercise() throws Exception {
        Database db = Database.open(Database.embeddedUrl(dir), "sa", "");
        org.spacettx.app.cli.DemoAccess.prepare(db, PASSWORD);
        Server server = Server.start(db, Server.Options.local(0));
        String first = "wg-2026a";
        long korItem;
        long usaItem;
        try {
            ApiClient control = as(server, "control");
            create(control, first);
            assertThat(control.command(first, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
            assertThat(control.command(first, "{\"type\":\"JumpToMove\",\"move\":\"M4\"}").status()).isEqualTo(200);
            ApiClient kor = as(server, "kor1");
            ApiClient usa = as(server, "usa1");
            assertThat(kor.command(first, "{\"type\":\"SaveActionItem\",\"title\":\"Combined overflight warning procedure\","
                    + "\"ownerNation\":\"KOR\",\"due\":\"2027-01-31\",\"inject\":21}").status()).isEqualTo(200);
            assertThat(usa.command(first, "{\"type\":\"SaveActionItem\",\"title\":\"SDA data sharing arrangement\","
                    + "\"ownerNation\":\"USA\",\"due\":\"2027-03-31\"}").status()).isEqualTo(200);

            // listed with its origin, soonest due first
            JsonNode all = kor.get("/api/register").json();
            assertThat(all).hasSize(2);
            JsonNode k = all.get(0);
            assertThat(k.get("exercise").asText()).isEqualTo(first);
            assertThat(k.get("title").asText()).isEqualTo("Combined overflight warning procedure");
            assertThat(k.get("originMove").asText()).isEqualTo("M4");
            assertThat(k.get("originInject").asInt()).isEqualTo(21);
            assertThat(k.get("ownerNation").asText()).isEqualTo("KOR");
            assertThat(k.get("due").asText()).isEqualTo("2027-01-31");
            assertThat(k.get("status").asText()).isEqualTo("open");
            assertThat(k.get("canUpdate").asBoolean()).isTrue();
            assertThat(all.get(1).get("originInject").isNull()).isTrue();
            assertThat(all.get(1).get("canUpdate").asBoolean()).as("kor may not change the US item").isFalse();
            korItem = k.get("id").asLong();
            usaItem = all.get(1).get("id").asLong();

            // filters and CSV
            assertThat(kor.get("/api/register?nation=USA").json()).hasSize(1);
            assertThat(kor.get("/api/register?status=done").json()).isEmpty();
            assertThat(kor.get("/api/register?dueBefore=2027-02-01").json()).hasSize(1);
            assertThat(kor.get("/api/register?status=finished").status()).isEqualTo(400);
            assertThat(kor.get("/api/register?dueBefore=soon").status()).isEqualTo(400);
            ApiClient.Response csv = kor.get("/api/register?format=csv");
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            List<String> lines = csv.body().lines().toList();
            assertThat(lines.get(0)).isEqualTo("id,exercise,exercise_title,item,origin_move,origin_inject,title,owner_nation,"
                    + "due,status,updated_utc,history");
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1)).contains(",M4,21,\"Combined overflight warning procedure\",KOR,2027-01-31,open,")
                    .contains("kor1: open due 2027-01-31");

            // who may change what
            ApiClient.Response progress = kor.post("/api/register/" + korItem,
                    "{\"status\":\"in-progress\",\"note\":\"Draft procedure circulated\"}");
            assertThat(progress.status()).as(progress.body()).isEqualTo(200);
            assertThat(progress.json().get("history")).hasSize(2);
            assertThat(progress.json().get("history").get(1).get("note").asText()).isEqualTo("Draft procedure circulated");
            assertThat(kor.post("/api/register/" + usaItem, "{\"status\":\"done\"}").status()).isEqualTo(403);
            assertThat(kor.post("/api/register/" + korItem, "{\"ownerNation\":\"USA\"}").status()).isEqualTo(403);
            assertThat(kor.post("/api/register/" + korItem, "{\"status\":\"finished\"}").status()).isEqualTo(422);
            assertThat(kor.post("/api/register/" + korItem, "{\"due\":\"tomorrow\"}").status()).isEqualTo(400);
            ApiClient observer = as(server, "observer"); // not a member of this exercise
            assertThat(observer.get("/api/register").json()).isEmpty();
            assertThat(observer.post("/api/register/" + korItem, "{\"status\":\"done\"}").status()).isEqualTo(404);
            assertThat(new ApiClient(server.port()).get("/api/register").status()).isEqualTo(401);
            assertThat(control.post("/api/register/" + usaItem, "{\"due\":\"2027-04-30\",\"note\":\"moved by control\"}")
                    .json().get("due").asText()).isEqualTo("2027-04-30");
        } finally {
            server.close();
        }

        // a restart reads the exercise's log again: nothing is added twice, nothing undone
        server = Server.start(db, Server.Options.local(0));
        try {
            ApiClient kor = as(server, "kor1");
            JsonNode all = kor.get("/api/register").json();
            assertThat(all).hasSize(2);
            assertThat(all.get(0).get("status").asText()).isEqualTo("in-progress");
            assertThat(all.get(0).get("history")).hasSize(2);
            assertThat(all.get(1).get("due").asText()).isEqualTo("2027-04-30");

            // the next exercise: its members are offered the open items of the earlier ones
            String second = "wg-2026b";
            ApiClient control = as(server, "control");
            create(control, second);
            ApiClient usa = as(server, "usa1");
            assertThat(usa.post("/api/register/" + usaItem, "{\"status\":\"done\",\"note\":\"signed\"}").status()).isEqualTo(200);
            JsonNode readAhead = kor.get("/api/exercises/" + second + "/read-ahead").json();
            List<String> titles = new ArrayList<>();
            readAhead.forEach(e -> titles.add(e.get("title").asText()));
            assertThat(titles).containsExactly("Combined overflight warning procedure");
            assertThat(kor.get("/api/exercises/" + first + "/read-ahead").json()).as("not its own items").isEmpty();
            assertThat(as(server, "observer").get("/api/exercises/" + second + "/read-ahead").status()).isEqualTo(404);

            // the item saved again in its exercise: the register follows the exercise
            assertThat(kor.command(first, "{\"type\":\"SaveActionItem\",\"id\":\"AI-1\",\"title\":\"Combined overflight "
                    + "warning procedure\",\"ownerNation\":\"KOR\",\"due\":\"2027-01-31\",\"status\":\"done\"}").status()).isEqualTo(200);
            JsonNode after = kor.get("/api/register?nation=KOR").json().get(0);
            assertThat(after.get("status").asText()).isEqualTo("done");
            assertThat(after.get("history")).hasSize(3);
            assertThat(kor.get("/api/exercises/" + second + "/read-ahead").json()).isEmpty();
            assertThat(new AuditLog(db).entries()).anySatisfy(e -> assertThat(e.action()).isEqualTo("register-updated"));
        } finally {
            server.close();
            db.close();
        }
    }

    private static void create(ApiClient control, String id) throws Exception {
        String yaml = Files.readString(ServerTest.demoScenario()).replace("id: rok-us-space-ttx", "id: " + id);
        assertThat(control.post("/api/exercises?id=" + id, yaml).status()).isEqualTo(201);
        for (String[] m : new String[][] {{"kor1", "kor"}, {"usa1", "usa"}}) {
            assertThat(control.post("/api/exercises/" + id + "/members",
                    "{\"username\":\"" + m[0] + "\",\"role\":\"player\",\"cell\":\"" + m[1] + "\"}").status()).isEqualTo(204);
        }
    }

    private static ApiClient as(Server server, String user) {
        ApiClient c = new ApiClient(server.port());
        assertThat(c.login(user, PASSWORD).status()).isEqualTo(200);
        return c;
    }
}
