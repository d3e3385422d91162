package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
        server = Server.start(db, Server.Options.local(0));
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
                new Case("GET /api/auth/providers", c -> c.get("/api/auth/providers").status(), expect(200, 200, 200, 200, 200, 200)),
                new Case("GET /api/me", c -> c.get("/api/me").status(), expect(401, 200, 200, 200, 200, 200)),
                new Case("GET /api/exercises", c -> c.get("/api/exercises").status(), expect(401, 200, 200, 200, 200, 200)),
                new Case("POST /api/exercises", c -> c.post("/api/exercises", scenario()).status(), expect(401, 201, 403, 403, 403, 403)),
                new Case("POST members", c -> c.post(base + "/members", "{\"username\":\"outsider\",\"role\":\"observer\",\"cell\":\"observers\"}").status(),
                        expect(401, 204, 403, 403, 403, 404)),
                new Case("GET feed", c -> c.get(base + "/feed").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET members", c -> c.get(base + "/members").status(), expect(401, 200, 403, 403, 403, 404)),
                new Case("GET stream", c -> c.streamStatus(EX), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET space", c -> c.get(base + "/space?at=2023-11-22T00:00:00Z").status(), expect(401, 200, 200, 200, 200, 404)),
                // control, and the evaluators (they see everything, the scenario's default), look at a delegation's picture
                new Case("GET space of a delegation", c -> c.get(base + "/space?cell=kor").status(), expect(401, 200, 403, 403, 200, 404)),
                new Case("GET space.czml of a delegation", c -> c.get(base + "/space.czml?cell=usa&from=2023-11-22T00:00:00Z&to=2023-11-22T01:00:00Z")
                        .status(), expect(401, 200, 403, 403, 200, 404)),
                new Case("POST ShareTrack", c -> c.command(EX,
                        "{\"type\":\"ShareTrack\",\"object\":\"recon-1\",\"toCell\":\"" + (c == CLIENTS.get("kor1") ? "usa" : "kor")
                                + "\",\"marking\":\"REL TO KOR, USA\"}").status(), expect(401, 422, 200, 200, 422, 404)),
                new Case("GET timeline", c -> c.get(base + "/timeline").status(), expect(401, 200, 403, 403, 200, 404)),
                new Case("GET report", c -> c.get(base + "/report").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET report json", c -> c.get(base + "/report?format=json").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET report pdf", c -> c.get(base + "/report?format=pdf").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET space.czml", c -> c.get(base + "/space.czml?from=2023-11-22T00:00:00Z&to=2023-11-22T01:00:00Z").status(),
                        expect(401, 200, 200, 200, 200, 404)),
                new Case("GET archive", c -> c.get(base + "/archive").status(), expect(401, 200, 403, 403, 403, 404)),
                new Case("GET evaluation.csv", c -> c.get(base + "/evaluation.csv").status(), expect(401, 200, 403, 403, 200, 404)),
                new Case("GET replay", c -> c.get(base + "/replay?seq=1").status(), expect(401, 200, 200, 200, 200, 404)),
                new Case("GET accounts", c -> c.get("/api/accounts").status(), expect(401, 200, 403, 403, 403, 403)),
                new Case("POST accounts", c -> c.post("/api/accounts", "{\"username\":\"m" + UNIQUE.incrementAndGet()
                        + "\",\"password\":\"matrix-password-9\"}").status(), expect(401, 201, 403, 403, 403, 403)),
                new Case("POST account", c -> c.post("/api/accounts/kor1", "{}").status(), expect(401, 400, 403, 403, 403, 403)),
                new Case("POST scenarios/validate", c -> c.post("/api/scenarios/validate", scenario()).status(),
                        expect(401, 200, 403, 403, 403, 403)),
                new Case("POST scenarios/validate-document", c -> c.post("/api/scenarios/validate-document", "{\"document\":{\"id\":\"x\"}}").status(),
                        expect(401, 200, 403, 403, 403, 403)),
                new Case("GET drafts", c -> c.get("/api/drafts").status(), expect(401, 200, 403, 403, 403, 403)),
                new Case("POST drafts", c -> c.post("/api/drafts", "{\"from\":\"blank\"}").status(), expect(401, 201, 403, 403, 403, 403)),
                new Case("GET draft", c -> c.get("/api/drafts/new-exercise").status(), expect(401, 200, 403, 403, 403, 403)),
                new Case("GET draft versions", c -> c.get("/api/drafts/new-exercise/versions").status(), expect(401, 200, 403, 403, 403, 403)),
                new Case("POST draft version", c -> c.post("/api/drafts/new-exercise/versions", "{}").status(), expect(401, 400, 403, 403, 403, 403)),
                new Case("GET draft diff", c -> c.get("/api/drafts/new-exercise/diff?from=1").status(), expect(401, 200, 403, 403, 403, 403)),
                new Case("GET draft file", c -> c.get("/api/drafts/new-exercise/scenario.yaml").status(), expect(401, 200, 403, 403, 403, 403)),
                new Case("GET draft workbook", c -> c.get("/api/drafts/new-exercise/msel.xlsx").status(), expect(401, 200, 403, 403, 403, 403)),
                new Case("POST draft workbook", c -> c.postBytes("/api/drafts/new-exercise/msel.xlsx?base=1", new byte[] {1},
                        "application/octet-stream").status(), expect(401, 422, 403, 403, 403, 403)),
                new Case("POST draft publish", c -> c.post("/api/drafts/nothing/publish", "{}").status(), expect(401, 404, 403, 403, 403, 403)),
                new Case("GET launch-sites", c -> c.get("/api/launch-sites").status(), expect(401, 200, 403, 403, 403, 403)),
                new Case("GET catalogs", c -> c.get("/api/catalogs").status(), expect(401, 200, 403, 403, 403, 403)),
                new Case("POST catalogs", c -> c.post("/api/catalogs", "{\"name\":\"x\",\"content\":\"x\"}").status(),
                        expect(401, 422, 403, 403, 403, 403)),
                new Case("GET catalog search", c -> c.get("/api/catalogs/search?q=iss").status(), expect(401, 200, 403, 403, 403, 403)),
                new Case("POST import", c -> c.post("/api/exercises/import", "{}").status(), expect(401, 422, 403, 403, 403, 403)),
                new Case("POST msel.xlsx", c -> c.postBytes(base + "/msel.xlsx", new byte[] {1}, "application/octet-stream").status(),
                        expect(401, 422, 403, 403, 403, 404)),
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
                new Case("POST EvaluateObjective", c -> c.command(EX,
                        "{\"type\":\"EvaluateObjective\",\"objective\":\"O1\",\"rating\":\"S\",\"criteria\":[\"met\",\"partly\"],"
                                + "\"strengths\":\"\",\"improvements\":\"\"}").status(),
                        expect(401, 200, 422, 422, 200, 404)),
                new Case("POST SaveActionItem", c -> c.command(EX,
                        "{\"type\":\"SaveActionItem\",\"id\":null,\"title\":\"t\",\"ownerNation\":\"KOR\",\"due\":null,\"status\":\"open\"}").status(),
                        // a delegation saves items for its own nation only (the US delegation's is refused)
                        expect(401, 200, 200, 422, 422, 404)),
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

    /**
     * Knowledge on every read path: at 02:00 on 24 Nov the Russian inspector has made its first burn (01:02) unseen by
     * either delegation's sensors; their pictures and KML put it where their element sets do (hundreds of
     * kilometres from the truth control sees), and its position as the truth has it appears on none of them. A track
     * the US delegation shares once its sensors have it again (09:53) moves it in the ROK picture too.
     */
    @Test
    void aPositionADelegationHasNotObservedReachesItOnNoPath() {
        String base = "/api/exercises/" + EX;
        String at = "2023-11-24T02:00:00Z";
        JsonNode truth = CLIENTS.get("control").get(base + "/space?at=" + at).json();
        JsonNode truthInspector = object(truth, "inspector");
        // as the KML writes a point (degrees to 5 places)
        String truthPoint = String.format(java.util.Locale.ROOT, "%.5f,%.5f", truthInspector.get("position").get("lon").asDouble(),
                truthInspector.get("position").get("lat").asDouble());
        for (String caller : List.of("kor1", "usa1")) {
            ApiClient c = CLIENTS.get(caller);
            JsonNode held = object(c.get(base + "/space?at=" + at).json(), "inspector");
            assertThat(held.get("estimate").get("observed").asText()).as(caller).isLessThan("2023-11-24T01:02:17Z");
            assertThat(distanceKm(held.get("position"), truthInspector.get("position"))).as(caller).isGreaterThan(100);
            // nor is the true position in its KML, and control's view of that cell is what the cell gets
            assertThat(c.get(base + "/space.kml?at=" + at).body()).as(caller).contains("RU INSPECTOR").doesNotContain(truthPoint);
            String cell = caller.equals("kor1") ? "kor" : "usa";
            JsonNode asControl = object(CLIENTS.get("control").get(base + "/space?at=" + at + "&cell=" + cell).json(), "inspector");
            assertThat(asControl.get("position")).as("control's view of %s", cell).isEqualTo(held.get("position"));
        }
        assertThat(CLIENTS.get("control").get(base + "/space.kml?at=" + at).body()).contains(truthPoint);
        // the CZML a delegation reads flies the inspector on its element set: at 02:00 its sample is hundreds of km from
        // control's, whose sample is the truth
        String czml = "/space.czml?from=2023-11-24T01:00:00Z&to=2023-11-24T03:00:00Z&step=60";
        double[] truthCzml = czmlSample(CLIENTS.get("control").get(base + czml).json(), "object/inspector", at);
        for (String caller : List.of("kor1", "usa1")) {
            double[] held = czmlSample(CLIENTS.get(caller).get(base + czml).json(), "object/inspector", at);
            double km = Math.sqrt(Math.pow(held[0] - truthCzml[0], 2) + Math.pow(held[1] - truthCzml[1], 2)
                    + Math.pow(held[2] - truthCzml[2], 2)) / 1000;
            assertThat(km).as("%s's CZML inspector at %s, from the truth", caller, at).isGreaterThan(100);
        }
        ApiClient usa = CLIENTS.get("usa1");
        JsonNode korBefore = object(CLIENTS.get("kor1").get(base + "/space?at=2023-11-24T10:30:00Z").json(), "inspector");
        assertThat(korBefore.get("estimate").get("source").asText()).isNotEqualTo("shared:usa");
        assertThat(usa.get(base + "/feed").json().get("tracks").toString()).doesNotContain("inspector");
        JsonNode usaAt = object(usa.get(base + "/space?at=2023-11-24T10:30:00Z").json(), "inspector");
        JsonNode truthAt = object(CLIENTS.get("control").get(base + "/space?at=2023-11-24T10:30:00Z").json(), "inspector");
        assertThat(distanceKm(usaAt.get("position"), truthAt.get("position"))).isLessThan(0.1);
        assertThat(distanceKm(korBefore.get("position"), truthAt.get("position"))).isGreaterThan(100);
    }

    /** The Earth-fixed position (m) a CZML packet samples at a time (one of its samples). */
    static double[] czmlSample(JsonNode czml, String id, String at) {
        for (JsonNode packet : czml) {
            if (packet.path("id").asText().equals(id)) {
                JsonNode position = packet.get("position");
                java.time.Instant epoch = java.time.Instant.parse(position.get("epoch").asText());
                double seconds = java.time.Duration.between(epoch, java.time.Instant.parse(at)).toSeconds();
                JsonNode c = position.get("cartesian");
                for (int k = 0; k + 3 < c.size(); k += 4) {
                    if (Math.abs(c.get(k).asDouble() - seconds) < 1e-6) {
                        return new double[] {c.get(k + 1).asDouble(), c.get(k + 2).asDouble(), c.get(k + 3).asDouble()};
                    }
                }
                throw new AssertionError("no sample at " + at + " in " + id);
            }
        }
        throw new AssertionError("no packet " + id);
    }

    static JsonNode object(JsonNode picture, String id) {
        for (JsonNode o : picture.get("objects")) {
            if (o.get("id").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("no " + id + " in " + picture);
    }

    /** The distance between two picture positions ({lat, lon, altKm}) on a spherical Earth, km. */
    static double distanceKm(JsonNode a, JsonNode b) {
        double[] p = xyz(a);
        double[] q = xyz(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    static double[] xyz(JsonNode p) {
        double r = 6371 + p.get("altKm").asDouble();
        double lat = Math.toRadians(p.get("lat").asDouble());
        double lon = Math.toRadians(p.get("lon").asDouble());
        return new double[] {r * Math.cos(lat) * Math.cos(lon), r * Math.cos(lat) * Math.sin(lon), r * Math.sin(lat)};
    }

    @Test
    void feedsCarryOnlyWhatEachCallerMaySee() {
        // the evaluators read what each nation was given alone (the scenario's default, evaluators: {sees: all})
        Map<String, List<String>> forbidden = Map.of("kor1", List.of("USA ONLY"), "usa1", List.of("KOR ONLY"),
                "observer", List.of());
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
        for (String reader : List.of("control", "observer")) {
            JsonNode feed = CLIENTS.get(reader).get("/api/exercises/" + EX + "/feed").json();
            List<String> all = new java.util.ArrayList<>();
            feed.get("injects").forEach(i -> all.add(i.get("marking").asText()));
            assertThat(all).as(reader).contains("KOR ONLY", "USA ONLY");
        }
    }

    /** The text of every path by which a caller reads about the space picture, at the time the exercise has reached. */
    static List<String> spacePaths(ApiClient c, String audience) {
        String base = "/api/exercises/" + EX;
        String q = audience == null ? "" : "audience=" + audience;
        List<String> bodies = new java.util.ArrayList<>(List.of(c.get(base + "/space?" + q).body(),
                c.get(base + "/space?at=2023-11-26T00:00:00Z&" + q).body(), // a later time than the exercise has reached
                c.get(base + "/space.czml?from=2023-11-14T00:00:00Z&to=2023-11-28T00:00:00Z&step=600&" + q).body()));
        if (audience == null) {
            bodies.add(c.get(base + "/space.kml?at=2023-11-26T00:00:00Z").body());
            bodies.add(c.get(base + "/warning.ics").body());
        }
        return bodies;
    }

    static java.util.Set<String> questionMoves(JsonNode questions) {
        java.util.Set<String> moves = new java.util.TreeSet<>();
        questions.forEach(q -> moves.add(q.get("move").asText()));
        return moves;
    }

    /**
     * What each caller may see walks with the scenario: at the start of move 1, of move 2 (the reconnaissance
     * satellite is launched later that day) and of move 3 (it is in orbit), for each delegation, the observer and the
     * room's screen, every path that reads the space picture knows of the satellite exactly when it is in orbit, and
     * the feed, the replay and the report show the questions of started moves only. Control previews everything.
     */
    @Test
    void whatEachCallerSeesWalksWithTheScenario() {
        ApiClient control = CLIENTS.get("control");
        String base = "/api/exercises/" + EX;
        Map<String, java.util.Set<String>> started = Map.of("M1", java.util.Set.of("M1"), "M2", java.util.Set.of("M1", "M2"),
                "M3", java.util.Set.of("M1", "M2", "M3"));
        int checked = 0;
        try {
            for (String move : List.of("M1", "M2", "M3")) {
                assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"" + move + "\",\"back\":true}").status()).isEqualTo(200);
                boolean inOrbit = move.equals("M3");
                long last = control.get(base + "/feed").json().get("lastSequence").asLong();
                for (String caller : List.of("kor1", "usa1", "observer", "room")) {
                    ApiClient c = caller.equals("room") ? control : CLIENTS.get(caller);
                    String audience = caller.equals("room") ? "room" : null;
                    for (String body : spacePaths(c, audience)) {
                        if (inOrbit) {
                            assertThat(body).as("%s in %s", caller, move).contains("MALLIGYONG");
                        } else {
                            assertThat(body).as("%s in %s, before the launch", caller, move).isNotEmpty()
                                    .doesNotContain("recon-1").doesNotContain("MALLIGYONG").doesNotContain("NORAD 99001")
                                    .doesNotContain("\"norad\":99001");
                        }
                        checked++;
                    }
                    List<JsonNode> feeds = caller.equals("room") ? List.of(control.get(base + "/room").json())
                            : List.of(c.get(base + "/feed").json(), c.get(base + "/replay?seq=" + last).json());
                    for (JsonNode feed : feeds) {
                        assertThat(questionMoves(feed.get("questions"))).as("%s's questions in %s", caller, move)
                                .isEqualTo(started.get(move));
                        checked++;
                    }
                    if (!caller.equals("room")) {
                        java.util.Set<String> reportMoves = new java.util.TreeSet<>();
                        c.get(base + "/report?format=json").json().get("moves").forEach(m -> {
                            if (m.get("questions").size() > 0) {
                                reportMoves.add(m.get("id").asText());
                            }
                        });
                        assertThat(reportMoves).as("%s's report in %s", caller, move).isEqualTo(started.get(move));
                        checked++;
                    }
                }
                assertThat(spacePaths(control, null).get(0)).as("control in %s", move).contains("recon-1");
                assertThat(questionMoves(control.get(base + "/feed").json().get("questions"))).contains("M1", "M2", "M3", "M4");
            }
        } finally {
            assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M4\"}").status()).isEqualTo(200);
        }
        assertThat(checked).isEqualTo(3 * (3 * (5 + 2 + 1) + (3 + 1)));
    }
}
