package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.Accounts;
import org.spacettx.app.store.Database;

/**
 * Every endpoint x every kind of caller (anonymous, control, each delegation, observer, a logged-in outsider), with
 * the status each must get, and the feed of each checked against the markings it may see.
 */
class AuthorizationMatrixTest {

    static final String PASSWORD = "matrix-password-1";
    static final String EX = "rok-us-space-ttx";
    static final List<String> CALLERS = List.of("anonymous", "control", "kor1", "usa1", "observer", "outsider");

    @TempDir
    static Path dir;
    static Database db;
    static Server server;
    static final Map<String, ApiClient> CLIENTS = new LinkedHashMap<>();
    static final AtomicInteger UNIQUE = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(Database.embeddedUrl(dir), "sa", "");
        org.spacettx.app.cli.DemoAccess.prepare(db, PASSWORD);
        new Accounts(db).create("outsider", "Outsider", PASSWORD, false);
        server = Server.start("127.0.0.1", 0, db, false, Clock.systemUTC());
        for (String c : CALLERS) {
            ApiClient client = new ApiClient(server.port());
            if (!c.equals("anonymous")) {
                assertThat(client.login(c, PASSWORD).status()).isEqualTo(200);
            }
            CLIENTS.put(c, client);
        }
        ApiClient control = CLIENTS.get("control");
        assertThat(control.command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
        assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M4\"}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    record Case(String name, Function<ApiClient, Integer> call, Map<String, Integer> expected) {
    }

    static Map<String, Integer> expect(int anonymous, int control, int kor, int usa, int observer, int outsider) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("anonymous", anonymous);
        m.put("control", control);
        m.put("kor1", kor);
        m.put("usa1", usa);
        m.put("observer", observer);
        m.put("outsider", outsider);
        return m;
    }

    static String scenario() {
        try {
            return Files.readString(ServerTest.demoScenario()).replace("id: rok-us-space-ttx", "id: copy-" + UNIQUE.incrementAndGet());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyEndpointForEveryCaller() {
        String base = "/api/exercises/" + EX;
        List<Case> cases = List.of(
                new Case("GET /api/health", c -> c.get("/api/health").status(), expect(200, 200, 200, 200, 200, 200)),
                new Case("GET /api/openapi.json", c -> c.get("/api/openapi.json").status(), expect(200, 200, 200, 200, 200, 200)),
                new Case("GET /api/me", c -> c.get("/api/me").status(), expect(401, 200, 200, 200, 200, 200)),
                new Case("GET /api/exercises", c -> c.get("/api/exercises").status(), expect(401, 200, 200, 200, 200, 200)),
                new Case("POST /api/exercises", c -> c.post("/api/exercises", scenario()).status(), expect(401, 201, 403, 403, 403, 403)),
                new Case("POST members", c -> c.post(base + "/members", "{\"username\":\"outsider\",\"role\":\"observer\",\"cell\":\"observers\"}").status(),
                        expect(401, 204, 403, 403, 403, 404)),
                new Case("GET feed", c -> c.get(base + "/feed").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET stream", c -> c.streamStatus(EX), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET space", c -> c.get(base + "/space?at=2023-11-22T00:00:00Z").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET timeline", c -> c.get(base + "/timeline").status(), expect(401, 200, 403, 403, 403, 404)),
                new Case("GET report", c -> c.get(base + "/report").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET report json", c -> c.get(base + "/report?format=json").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET report pdf", c -> c.get(base + "/report?format=pdf").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET space.czml", c -> c.get(base + "/space.czml?from=2023-11-22T00:00:00Z&to=2023-11-22T01:00:00Z").status(),
                        expect(401, 200, 200, 200, 200, 404)),
                new Case("GET archive", c -> c.get(base + "/archive").status(), expect(401, 200, 403, 403, 403, 404)),
                new Case("GET replay", c -> c.get(base + "/replay?seq=1").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("POST import", c -> c.post("/api/exercises/import", "{}").status(), expect(401, 422, 403, 403, 403, 403)),
                new Case("GET read-ahead", c -> c.get(base + "/read-ahead").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET register", c -> c.get("/api/register").status(), expect(401, 200, 200, 200, 200, 200)),
                new Case("POST register entry", c -> c.post("/api/register/999999", "{\"status\":\"done\"}").status(),
                        expect(401, 404, 404, 404, 404, 404)),
                new Case("GET space.kml", c -> c.get(base + "/space.kml?at=2023-11-22T00:00:00Z").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET warning.ics", c -> c.get(base + "/warning.ics").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("POST Tick", c -> c.command(EX, "{\"type\":\"Tick\"}").status(), expect(401, 200, 422, 422, 422, 404)),
                new Case("POST RecordObservation", c -> c.command(EX,
                        "{\"type\":\"RecordObservation\",\"objective\":\"O1\",\"inject\":null,\"rating\":3,\"text\":\"ok\"}").status(),
                        expect(401, 200, 422, 422, 200, 404)),
                new Case("POST SaveActionItem", c -> c.command(EX,
                        "{\"type\":\"SaveActionItem\",\"id\":null,\"title\":\"t\",\"ownerNation\":\"KOR\",\"due\":null,\"status\":\"open\"}").status(),
                        expect(401, 200, 200, 200, 422, 404)),
                new Case("POST not a command", c -> c.command(EX, "{\"type\":\"Explode\"}").status(), expect(401, 400, 400, 400, 400, 404)));
        StringBuilder failures = new StringBuilder();
        int checked = 0;
        for (Case k : cases) {
            for (String caller : CALLERS) {
                if (k.name().equals("POST members") && caller.equals("control")) {
                    continue; // checked last: it makes the outsider a member
                }
                int status = k.call().apply(CLIENTS.get(caller));
                checked++;
                if (status != k.expected().get(caller)) {
                    failures.append(k.name()).append(" as ").append(caller).append(": ").append(status)
                            .append(" instead of ").append(k.expected().get(caller)).append('\n');
                }
            }
        }
        // Last: control makes the outsider an observer, who then gets the exercise's feed.
        assertThat(CLIENTS.get("control").post("/api/exercises/" + EX + "/members",
                "{\"username\":\"outsider\",\"role\":\"observer\",\"cell\":\"observers\"}").status()).isEqualTo(204);
        assertThat(CLIENTS.get("outsider").get("/api/exercises/" + EX + "/feed").status()).isEqualTo(200);
        assertThat(failures.toString()).isEmpty();
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void feedsCarryOnlyWhatEachCallerMaySee() {
        Map<String, List<String>> forbidden = Map.of("kor1", List.of("USA ONLY"), "usa1", List.of("KOR ONLY"),
                "observer", List.of("KOR ONLY", "USA ONLY"));
        for (Map.Entry<String, List<String>> e : forbidden.entrySet()) {
            JsonNode feed = CLIENTS.get(e.getKey()).get("/api/exercises/" + EX + "/feed").json();
            assertThat(feed.get("injects").size()).as(e.getKey()).isPositive();
            for (JsonNode i : feed.get("injects")) {
                assertThat(e.getValue()).as("%s sees inject %s", e.getKey(), i.get("number")).doesNotContain(i.get("marking").asText());
                assertThat(i.has("expectedAction")).isEqualTo(e.getKey().equals("observer"));
            }
            if (!e.getKey().equals("observer")) {
                assertThat(feed.get("observations").size()).as("%s sees observations", e.getKey()).isZero();
            }
        }
        JsonNode control = CLIENTS.get("control").get("/api/exercises/" + EX + "/feed").json();
        List<String> all = new java.util.ArrayList<>();
        control.get("injects").forEach(i -> all.add(i.get("marking").asText()));
        assertThat(all).contains("KOR ONLY", "USA ONLY");
    }
}
