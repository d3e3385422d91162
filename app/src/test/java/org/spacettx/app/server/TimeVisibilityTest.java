package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time in the visibility policy, on every read path: before MALLIGYONG-1's launch (move 2's surprise) no delegation
 * or observer learns of it — not from the space picture, its windows and next overflights, a picture asked for a
 * later time, the KML, the CZML, the warning calendar — and no one but control sees the questions of a move that has
 * not started, in the feed or the report. Once the exercise is past the launch and in move 3, they do.
 */
class TimeVisibilityTest {

    static final String EX = "rok-us-space-ttx";
    static final String SECRET = "MALLIGYONG";
    static final String ID = "recon-1";
    static final String NORAD = "99001";

    @TempDir
    static Path dir;
    static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(dir, "time-password-1");
        ApiClient control = demo.as("control");
        assertThat(control.command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
        assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M1\",\"back\":true}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** Everything a user can read about the space picture, as text, through every path. */
    static List<String> spacePaths(ApiClient c) {
        String base = "/api/exercises/" + EX;
        List<String> bodies = new ArrayList<>();
        bodies.add(c.get(base + "/space").body());
        bodies.add(c.get(base + "/space?at=2023-11-25T06:00:00Z").body()); // a later time than the exercise has reached
        bodies.add(c.get(base + "/space.kml?at=2023-11-25T06:00:00Z").body());
        bodies.add(c.get(base + "/space.czml?from=2023-11-21T00:00:00Z&to=2023-11-26T00:00:00Z&step=600").body());
        bodies.add(c.get(base + "/warning.ics").body());
        return bodies;
    }

    static JsonNode question(ApiClient c, String id) {
        for (JsonNode q : c.get("/api/exercises/" + EX + "/feed").json().get("questions")) {
            if (q.get("id").asText().equals(id)) {
                return q;
            }
        }
        throw new AssertionError("no question " + id);
    }

    static List<String> questionMoves(JsonNode questions) {
        List<String> moves = new ArrayList<>();
        questions.forEach(q -> moves.add(q.get("move").asText()));
        return moves;
    }

    @Test
    void beforeTheLaunchOnlyControlKnowsOfTheSatelliteAndOnlyControlSeesLaterQuestions() {
        for (String user : List.of("kor1", "usa1", "observer")) {
            ApiClient c = demo.as(user);
            for (String body : spacePaths(c)) {
                assertThat(body).as("%s before the launch", user).doesNotContain(SECRET).doesNotContain(ID)
                        .doesNotContain("\"norad\":" + NORAD).doesNotContain("NORAD " + NORAD).isNotEmpty();
            }
            JsonNode feed = c.get("/api/exercises/" + EX + "/feed").json();
            assertThat(questionMoves(feed.get("questions"))).as(user).isNotEmpty().containsOnly("M1");
            JsonNode report = c.get("/api/exercises/" + EX + "/report?format=json").json();
            List<String> reportMoves = new ArrayList<>();
            report.get("moves").forEach(m -> {
                if (m.get("questions").size() > 0) {
                    reportMoves.add(m.get("id").asText());
                }
            });
            assertThat(reportMoves).as("%s's report", user).containsOnly("M1");
        }
        ApiClient control = demo.as("control");
        assertThat(spacePaths(control).get(0)).contains(SECRET);
        assertThat(questionMoves(control.get("/api/exercises/" + EX + "/feed").json().get("questions")))
                .contains("M1", "M2", "M3", "M4");
    }

    @Test
    void afterTheLaunchTheDelegationsKnowOfItAndSeeTheQuestionsOfStartedMoves() {
        ApiClient control = demo.as("control");
        try {
            assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M3\"}").status()).isEqualTo(200);
            ApiClient kor = demo.as("kor1");
            JsonNode space = kor.get("/api/exercises/" + EX + "/space").json();
            assertThat(space.get("objects").findValuesAsText("id")).contains("recon-1");
            assertThat(space.get("next").findValuesAsText("norad")).contains(NORAD);
            assertThat(kor.get("/api/exercises/" + EX + "/warning.ics").body()).contains(SECRET);
            assertThat(questionMoves(kor.get("/api/exercises/" + EX + "/feed").json().get("questions")))
                    .contains("M1", "M2", "M3").doesNotContain("M4");
        } finally {
            assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M1\",\"back\":true}").status()).isEqualTo(200);
        }
    }
    /**
     * A delegation with sensors of its own learns of the new satellite when they first see it, not at its launch: run
     * from move 2's start (21 Nov 12:00) to about 21 Nov 20:30 — after the US sensors' first sighting (19:42), before the
     * ROK sensors' (22 Nov 00:19) — usa1 and the evaluators know it on every space path, kor1 and the room on none.
     */
    @Test
    void eachDelegationKnowsTheNewSatelliteFromItsOwnFirstDetection() throws Exception {
        ApiClient control = demo.as("control");
        try {
            assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M2\",\"back\":true}").status()).isEqualTo(200);
            assertThat(control.command(EX, "{\"type\":\"SetSpeed\",\"speed\":3600}").status()).isEqualTo(200);
            assertThat(control.command(EX, "{\"type\":\"StartClock\"}").status()).isEqualTo(200);
            Thread.sleep(8500); // 8.5 h of scenario time at one hour a second
            assertThat(control.command(EX, "{\"type\":\"PauseClock\"}").status()).isEqualTo(200);
            java.time.Instant now = java.time.Instant.parse(control.get("/api/exercises/" + EX + "/space").json().get("time").asText());
            assertThat(now).as("the exercise's time, between the two delegations' first sightings")
                    .isBetween(java.time.Instant.parse("2023-11-21T19:43:00Z"), java.time.Instant.parse("2023-11-22T00:19:00Z"));
            for (String user : List.of("kor1", "room")) {
                ApiClient c = user.equals("room") ? control : demo.as(user);
                List<String> bodies = user.equals("room")
                        ? List.of(c.get("/api/exercises/" + EX + "/space?audience=room").body(),
                                c.get("/api/exercises/" + EX + "/space.czml?audience=room&from=2023-11-21T12:00:00Z&to=2023-11-22T12:00:00Z&step=600").body())
                        : spacePaths(c);
                for (String body : bodies) {
                    assertThat(body).as("%s at %s", user, now).doesNotContain(SECRET).doesNotContain("\"" + ID + "\"")
                            .doesNotContain("object/" + ID).doesNotContain("NORAD " + NORAD);
                }
            }
            // the question about the new satellite names it to those who know it, to no one else
            assertThat(demo.as("kor1").get("/api/exercises/" + EX + "/feed").json().get("questions").toString())
                    .contains("\"id\":\"Q4\"").doesNotContain(ID).doesNotContain(SECRET);
            assertThat(question(demo.as("kor1"), "Q4").get("picture")).isEmpty();
            assertThat(question(demo.as("usa1"), "Q4").get("picture").toString()).isEqualTo("[\"" + ID + "\"]");
            assertThat(demo.as("kor1").get("/api/exercises/" + EX + "/room").json().get("questions").toString()).doesNotContain(ID);
            for (String user : List.of("usa1", "observer")) {
                JsonNode space = demo.as(user).get("/api/exercises/" + EX + "/space").json();
                assertThat(space.get("objects").findValuesAsText("id")).as("%s at %s", user, now).contains(ID);
                assertThat(demo.as(user).get("/api/exercises/" + EX + "/warning.ics").body()).as(user).contains(SECRET);
            }
        } finally {
            assertThat(control.command(EX, "{\"type\":\"PauseClock\"}").status()).isIn(200, 409, 422);
            assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M1\",\"back\":true}").status()).isEqualTo(200);
        }
    }

    /**
     * Nor does anyone but control learn of a manoeuvre, a breakup or an effect before it happens: in move 1 a
     * delegation's or the evaluators' picture of a later time is the present's (no cloud, no destroyed satellite, no
     * effects), and their CZML flies the inspector on the orbit it has now and keeps the defunct satellite to the span's
     * end, where control's CZML has the approach's burns and the breakup.
     */
    /**
     * The ground sensors on a picture are the viewer's own: a delegation's (never an ally's), all of them for control,
     * none on the room's screen; each with the ground it sees at 500 km, a closed ring round its site.
     */
    @Test
    void eachViewerSeesItsOwnSensorsCoverage() {
        String base = "/api/exercises/" + EX;
        java.util.function.Function<JsonNode, List<String>> ids = p -> {
            List<String> out = new ArrayList<>();
            p.get("sensors").forEach(x -> out.add(x.get("id").asText()));
            return out;
        };
        JsonNode kor = demo.as("kor1").get(base + "/space").json();
        assertThat(ids.apply(kor)).containsExactly("naro-radar", "bohyunsan-telescope");
        assertThat(ids.apply(demo.as("usa1").get(base + "/space").json())).containsExactly("kwajalein-radar", "shemya-radar", "maui-telescope");
        assertThat(ids.apply(demo.as("control").get(base + "/space").json())).hasSize(5);
        assertThat(ids.apply(demo.as("control").get(base + "/space?cell=kor").json())).containsExactly("naro-radar", "bohyunsan-telescope");
        assertThat(ids.apply(demo.as("control").get(base + "/space?audience=room").json())).isEmpty();
        JsonNode naro = kor.get("sensors").get(0);
        assertThat(naro.get("altitudeKm").asDouble()).isEqualTo(500);
        JsonNode ring = naro.get("ring");
        assertThat(ring.size()).isEqualTo(73);
        assertThat(ring.get(0).get(0).asDouble()).isEqualTo(ring.get(72).get(0).asDouble(), org.assertj.core.data.Offset.offset(1e-3));
        // 1,500 km at 5°: at 500 km the range binds, about 12.3° (1,370 km) from the site, due north the first point
        assertThat(ring.get(0).get(1).asDouble() - 34.4317).isBetween(12.0, 12.6);
    }

    @Test
    void manoeuvresAndBreakupsStillToComeAreControlsAlone() throws Exception {
        String base = "/api/exercises/" + EX;
        String czml = base + "/space.czml?from=2023-11-23T00:00:00Z&to=2023-11-26T00:00:00Z&step=600";
        JsonNode truth = packets(demo.as("control").get(czml).json());
        assertThat(truth.get("object/ru-defunct").get("availability").asText()).isEqualTo("2023-11-23T00:00:00Z/2023-11-25T03:00:00Z");
        assertThat(demo.as("control").get(base + "/space?at=2023-11-26T00:00:00Z").json().get("debris")).hasSize(1);
        // control's exports draw the cloud and the effects: CZML packets, KML folders
        assertThat(truth.has("debris/asat-test")).isTrue();
        assertThat(truth.has("effect/uplink-jammer")).isTrue();
        String controlKml = demo.as("control").get(base + "/space.kml?at=2023-11-26T00:00:00Z").body();
        assertThat(controlKml).contains("<name>Debris</name>").contains("<name>Counterspace effects</name>")
                .contains("UPLINK JAMMER NEAR PYONGYANG");
        for (String user : List.of("kor1", "usa1", "observer")) {
            ApiClient c = demo.as(user);
            JsonNode later = c.get(base + "/space?at=2023-11-26T00:00:00Z").json();
            assertThat(later.get("debris")).as(user).isEmpty();
            assertThat(later.get("effects")).as(user).isEmpty();
            assertThat(later.toString()).as(user).doesNotContain("destroyedAt");
            JsonNode seen = packets(c.get(czml).json());
            seen.fieldNames().forEachRemaining(id -> assertThat(id).as(user).doesNotStartWith("debris/").doesNotStartWith("effect/"));
            assertThat(c.get(base + "/space.kml?at=2023-11-26T00:00:00Z").body()).as(user)
                    .doesNotContain("<name>Debris</name>").doesNotContain("Counterspace effects").doesNotContain("JAMMER");
            assertThat(seen.get("object/ru-defunct").get("availability").asText()).as(user)
                    .isEqualTo("2023-11-23T00:00:00Z/2023-11-26T00:00:00Z");
            JsonNode mine = seen.get("object/inspector").get("position").get("cartesian");
            JsonNode real = truth.get("object/inspector").get("position").get("cartesian");
            assertThat(mine.size()).isEqualTo(real.size());
            // samples of 4 numbers every 600 s from 23 Nov 00:00: the first burn is at 24 Nov 01:02
            int beforeBurn = 4 * (int) (java.time.Duration.ofHours(25).toSeconds() / 600);
            for (int k = 0; k < mine.size(); k++) {
                if (k < beforeBurn) {
                    assertThat(mine.get(k).asDouble()).as("%s sample %d", user, k).isEqualTo(real.get(k).asDouble());
                }
            }
            assertThat(mine.get(mine.size() - 2).asDouble()).as("%s after the burns", user).isNotEqualTo(real.get(real.size() - 2).asDouble());
        }
    }

    static JsonNode packets(JsonNode czml) {
        com.fasterxml.jackson.databind.node.ObjectNode byId = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        czml.forEach(p -> byId.set(p.get("id").asText(), p));
        return byId;
    }
}
