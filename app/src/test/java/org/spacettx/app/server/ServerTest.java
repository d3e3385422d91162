package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.Database;

/** The server over real HTTP against the embedded database (SQLite), with the demo exercise and accounts. */
class ServerTest {

    static final String PASSWORD = "test-password-42";
    static final String EX = "rok-us-space-ttx";

    @TempDir
    static Path dir;
    static DemoServer demo;
    static Database db;
    static Server server;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(dir, PASSWORD);
        db = demo.db();
        server = demo.server();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static ApiClient as(String user) {
        return demo.as(user);
    }

    @Test
    void loginLogoutAndErrorsAreJson() {
        ApiClient anonymous = new ApiClient(server.port());
        ApiClient.Response denied = anonymous.get("/api/exercises");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.json().get("error").asText()).isEqualTo("log in first");
        ApiClient.Response wrong = anonymous.login("kor1", "nope-nope-nope");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("Exception").doesNotContain("at org.");

        ApiClient kor = as("kor1");
        assertThat(kor.get("/api/me").json().get("memberships").get(0).get("cell").asText()).isEqualTo("kor");
        assertThat(kor.delete("/api/session").status()).isEqualTo(204);
        assertThat(kor.get("/api/me").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/nothing-here").status()).isEqualTo(401);
        assertThat(as("usa1").get("/api/nothing-here").json().get("error").asText()).startsWith("no such resource");
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndNewOnEveryLogin() {
        ApiClient c = new ApiClient(server.port());
        ApiClient.Response first = c.login("usa1", PASSWORD);
        String cookie1 = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie1).contains("HttpOnly").contains("SameSite=Strict").startsWith("spacettx_session=");
        ApiClient.Response second = c.login("usa1", PASSWORD);
        String cookie2 = second.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie2.split(";")[0]).isNotEqualTo(cookie1.split(";")[0]);
        assertThat(first.json().get("csrfToken").asText()).isNotEqualTo(second.json().get("csrfToken").asText());
    }

    @Test
    void stateChangesNeedTheCsrfToken() {
        ApiClient control = as("control");
        ApiClient.Response without = control.postRaw("/api/exercises/" + EX + "/commands", "{\"type\":\"Tick\"}", null);
        assertThat(without.status()).isEqualTo(403);
        ApiClient.Response wrong = control.postRaw("/api/exercises/" + EX + "/commands", "{\"type\":\"Tick\"}", "forged");
        assertThat(wrong.status()).isEqualTo(403);
    }

    @Test
    void loginsAreThrottledAfterRepeatedFailures() {
        ApiClient c = new ApiClient(server.port());
        for (int i = 0; i < 5; i++) {
            assertThat(c.login("observer", "wrong-password-" + i).status()).isEqualTo(401);
        }
        assertThat(c.login("observer", PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void oversizedRequestsAreRefusedAsJson() {
        ApiClient control = as("control");
        ApiClient.Response r = control.post("/api/exercises", "x".repeat(3_000_000));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).doesNotContain("Exception");
    }

    @Test
    void securityHeadersOnEveryResponse() {
        ApiClient.Response r = new ApiClient(server.port()).get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void playingAMoveShowsEachNationOnlyWhatIsReleasableToIt() throws Exception {
        ApiClient control = as("control");
        ApiClient kor = as("kor1");
        ApiClient usa = as("usa1");
        BlockingQueue<ApiClient.SseEvent> korStream = ApiClient.queue();
        BlockingQueue<ApiClient.SseEvent> usaStream = ApiClient.queue();
        Runnable closeKor = kor.stream(EX, null, korStream);
        Runnable closeUsa = usa.stream(EX, null, usaStream);
        try {
            if (!control.get("/api/exercises/" + EX + "/feed").json().get("clock").get("started").asBoolean()) {
                assertThat(control.command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
            }
            assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M3\"}").status()).isEqualTo(200);
            JsonNode korFeed = kor.get("/api/exercises/" + EX + "/feed").json();
            JsonNode usaFeed = usa.get("/api/exercises/" + EX + "/feed").json();
            List<String> korMarkings = markings(korFeed);
            List<String> usaMarkings = markings(usaFeed);
            assertThat(korMarkings).contains("KOR ONLY").doesNotContain("USA ONLY");
            assertThat(usaMarkings).contains("USA ONLY").doesNotContain("KOR ONLY");
            // The live streams carried the releases, each to whom it may reach, nothing else.
            List<ApiClient.SseEvent> usaEvents = drain(usaStream, "InjectReleased", 10);
            assertThat(usaEvents).isNotEmpty();
            for (ApiClient.SseEvent e : usaEvents) {
                int number = new com.fasterxml.jackson.databind.ObjectMapper().readTree(e.data()).get("event").get("number").asInt();
                assertThat(List.of(2, 13, 21, 30)).as("KOR ONLY inject %d reached the US stream", number).doesNotContain(number);
            }
            assertThat(drain(korStream, "InjectReleased", 10)).isNotEmpty();
            // A player cannot release injects; control can, and the audit log records it.
            assertThat(kor.command(EX, "{\"type\":\"ReleaseInject\",\"number\":19}").status()).isEqualTo(422);
            assertThat(control.command(EX, "{\"type\":\"ReleaseInject\",\"number\":19}").status()).isEqualTo(200);
            assertThat(new AuditLog(db).entries()).anyMatch(a -> a.action().equals("ReleaseInject"));
            assertThat(new AuditLog(db).verify()).isEmpty();
        } finally {
            closeKor.run();
            closeUsa.run();
        }
    }

    @Test
    void theStreamResumesFromLastEventIdWithoutGapOrDuplicate() throws Exception {
        ApiClient control = as("control");
        if (!control.get("/api/exercises/" + EX + "/feed").json().get("clock").get("started").asBoolean()) {
            control.command(EX, "{\"type\":\"StartExercise\"}");
        }
        BlockingQueue<ApiClient.SseEvent> first = ApiClient.queue();
        Runnable close = control.stream(EX, null, first);
        for (int i = 0; i < 3; i++) {
            control.command(EX, "{\"type\":\"PostMessage\",\"toCell\":\"kor\",\"body\":\"note " + i + "\",\"marking\":\"REL TO USA, KOR\"}");
        }
        List<ApiClient.SseEvent> seen = drain(first, null, 3);
        close.run();
        long lastSeq = Long.parseLong(control.get("/api/exercises/" + EX + "/feed").json().get("lastSequence").asText());
        String cut = seen.get(seen.size() / 2).id();
        control.command(EX, "{\"type\":\"PostMessage\",\"toCell\":\"usa\",\"body\":\"after the cut\",\"marking\":\"REL TO USA, KOR\"}");
        BlockingQueue<ApiClient.SseEvent> resumed = ApiClient.queue();
        Runnable close2 = control.stream(EX, cut, resumed);
        try {
            List<ApiClient.SseEvent> rest = drainUntil(resumed, lastSeq + 1);
            List<Long> ids = new ArrayList<>();
            rest.forEach(e -> ids.add(Long.parseLong(e.id())));
            assertThat(ids.get(0)).isEqualTo(Long.parseLong(cut) + 1);
            for (int i = 1; i < ids.size(); i++) {
                assertThat(ids.get(i)).isEqualTo(ids.get(i - 1) + 1); // control sees every event: no gap
            }
            assertThat(ids).doesNotHaveDuplicates().contains(lastSeq + 1);
        } finally {
            close2.run();
        }
    }

    @Test
    void uploadedScenariosAreValidatedWithLineAndColumn() throws Exception {
        ApiClient control = as("control"); // the demo's control account is an administrator
        String broken = Files.readString(demoScenario()).replace("id: rok-us-space-ttx", "id: broken-copy")
                .replace("channel: news", "chanel: news");
        ApiClient.Response r = control.post("/api/exercises", broken);
        assertThat(r.status()).isEqualTo(422);
        // in the file's order: the inject's missing 'channel' (at the inject's first line), then the typo below it
        JsonNode first = r.json().get("details").get(0);
        assertThat(first.get("line").asInt()).isPositive();
        assertThat(first.get("message").asText()).isEqualTo("'channel' is missing");
        JsonNode typo = null;
        for (JsonNode d : r.json().get("details")) {
            if (d.get("message").asText().contains("unknown key 'chanel'")) {
                typo = d;
            }
        }
        assertThat(typo).as("the typo is named").isNotNull();
        assertThat(typo.get("line").asInt()).isGreaterThan(first.get("line").asInt());
        // valid, but its computed schedule releases inject 11 in move 3: created, with the warning
        String late = Files.readString(demoScenario()).replace("id: rok-us-space-ttx", "id: warned-copy")
                .replace("  - number: 11\n    move: M3\n", "  - number: 11\n    move: M2\n");
        ApiClient.Response created = control.post("/api/exercises", late);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("warnings").toString()).contains("inject 11 of move M2 is released at 2023-11-25T00:53:54");
        ApiClient kor = as("kor1");
        assertThat(kor.post("/api/exercises", "scenario: 1").status()).isEqualTo(403);
        String withCatalog = Files.readString(demoScenario()).replace("id: rok-us-space-ttx", "id: sneaky")
                .replace("\nstart: 2023-11-14T00:00:00Z", "\nstart: 2023-11-14T00:00:00Z\ncatalog: [/etc/passwd]");
        assertThat(control.post("/api/exercises", withCatalog).json().get("details").toString())
                .contains("catalog files cannot be used here");
    }

    @Test
    void nonMembersGet404AndTheAuditChainDetectsTampering() throws Exception {
        ApiClient control = as("control");
        assertThat(control.get("/api/exercises/not-an-exercise/feed").status()).isEqualTo(404);
        AuditLog audit = new AuditLog(db);
        assertThat(audit.verify()).isEmpty();
        Path copy = dir.resolve("tamper");
        Files.createDirectories(copy);
        try (Database other = Database.open(Database.embeddedUrl(copy), "sa", "")) {
            AuditLog log = new AuditLog(other);
            log.record("a", "login", "x");
            log.record("b", "login", "y");
            log.record("c", "ReleaseInject", "z");
            assertThat(log.verify()).isEmpty();
            other.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE audit SET detail = 'nothing' WHERE seq = 2")) {
                    return s.executeUpdate();
                }
            });
            assertThat(log.verify()).contains("entry 2 was changed");
        }
    }

    @Test
    void theSpacePictureShowsTheReconSatelliteAndItsOverflightsOfOsan() {
        // control: before the exercise reaches the launch only control knows of the satellite (TimeVisibilityTest)
        ApiClient control = as("control");
        JsonNode picture = control.get("/api/exercises/" + EX + "/space?at=2023-11-22T00:00:00Z").json();
        JsonNode recon = null;
        for (JsonNode o : picture.get("objects")) {
            if (o.get("id").asText().equals("recon-1")) {
                recon = o;
            }
        }
        assertThat(recon).isNotNull();
        assertThat(recon.get("inOrbit").asBoolean()).isTrue();
        assertThat(recon.get("position").get("altKm").asDouble()).isBetween(450.0, 560.0);
        assertThat(recon.get("track").size()).isGreaterThan(100);
        // optical, 30 deg off nadir at about 500 km: a footprint about 2.6 deg (290 km) in radius around the satellite
        JsonNode edge = recon.get("footprint").get(0);
        double dLat = edge.get(1).asDouble() - recon.get("position").get("lat").asDouble();
        assertThat(recon.get("footprint").size()).isEqualTo(73);
        assertThat(Math.abs(dLat)).isBetween(2.3, 3.0);
        assertThat(picture.get("windows").toString()).contains("Osan Air Base");
        JsonNode osanNext = null;
        for (JsonNode w : picture.get("next")) {
            if (w.get("place").asText().equals("osan") && w.get("norad").asInt() == 99001) {
                osanNext = w;
            }
        }
        assertThat(osanNext).as("next overflight of Osan by the recon satellite").isNotNull();
        assertThat(osanNext.get("target").get("en").asText()).isEqualTo("Osan Air Base");
        assertThat(osanNext.get("target").get("ko").asText()).isEqualTo("오산 공군기지");
        JsonNode before = control.get("/api/exercises/" + EX + "/space?at=2023-11-20T00:00:00Z").json();
        assertThat(before.get("objects").toString()).contains("\"id\":\"recon-1\"");
        assertThat(control.get("/api/exercises/" + EX + "/space?at=1999-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(control.get("/api/exercises/" + EX + "/space?at=yesterday").status()).isEqualTo(400);
    }

    @Test
    void questionsReachTheirCellsAsTheirMoveBeginsAndAreRevealedWithTheirDivergence() throws Exception {
        ApiClient control = as("control");
        String id = "questions-" + System.nanoTime();
        assertThat(control.post("/api/exercises?id=" + id, Files.readString(demoScenario())).status()).isEqualTo(201);
        for (String[] m : new String[][] {{"kor1", "kor"}, {"usa1", "usa"}}) {
            assertThat(control.post("/api/exercises/" + id + "/members",
                    "{\"username\":\"" + m[0] + "\",\"role\":\"player\",\"cell\":\"" + m[1] + "\"}").status()).isEqualTo(204);
        }
        ApiClient kor = as("kor1");
        ApiClient usa = as("usa1");
        assertThat(questionIds(kor, id)).containsExactly("Q1", "Q2", "Q3");
        assertThat(questionIds(control, id)).hasSize(9);
        String answer = "{\"type\":\"SubmitAnswer\",\"question\":\"Q1\",\"value\":{\"type\":\"Number\",\"value\":%d},"
                + "\"confidence\":\"LOW\",\"rationale\":\"\"}";
        assertThat(control.command(id, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
        assertThat(kor.command(id, answer.formatted(70)).status()).isEqualTo(200);
        assertThat(usa.command(id, answer.formatted(40)).status()).isEqualTo(200);
        JsonNode blind = question(kor, id, "Q1");
        assertThat(blind.get("round").asInt()).isEqualTo(1);
        assertThat(blind.get("revealedRounds")).isEmpty();
        assertThat(control.command(id, "{\"type\":\"RevealQuestion\",\"question\":\"Q1\"}").status()).isEqualTo(200);
        JsonNode revealed = question(kor, id, "Q1").get("revealedRounds").get(0);
        assertThat(revealed.get("round").asInt()).isEqualTo(1);
        assertThat(revealed.get("divergence").asDouble()).isCloseTo(0.30, org.assertj.core.data.Offset.offset(1e-12));
        JsonNode m1 = kor.get("/api/exercises/" + id + "/feed").json().get("moves").get(0);
        assertThat(m1.get("id").asText()).isEqualTo("M1");
        assertThat(m1.get("unifiedUnderstanding").asDouble()).isCloseTo(70.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(control.command(id, "{\"type\":\"JumpToMove\",\"move\":\"M2\"}").status()).isEqualTo(200);
        assertThat(questionIds(kor, id)).contains("Q4", "Q5", "Q6").doesNotContain("Q7");
        // A reloaded console page asks who it is and gets the session's CSRF token back.
        assertThat(kor.get("/api/me").json().get("csrfToken").asText()).isEqualTo(kor.csrf);
    }

    /** Each caller's after-action report holds what the policy lets it see: KOR ONLY and USA ONLY injects stay apart. */
    @Test
    void theReportOfEachCallerIsFilteredByThePolicy() throws Exception {
        ApiClient control = as("control");
        String id = "report-" + System.nanoTime();
        assertThat(control.post("/api/exercises?id=" + id, Files.readString(demoScenario())).status()).isEqualTo(201);
        for (String[] m : new String[][] {{"kor1", "kor"}, {"usa1", "usa"}}) {
            assertThat(control.post("/api/exercises/" + id + "/members",
                    "{\"username\":\"" + m[0] + "\",\"role\":\"player\",\"cell\":\"" + m[1] + "\"}").status()).isEqualTo(204);
        }
        assertThat(control.command(id, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
        assertThat(control.command(id, "{\"type\":\"JumpToMove\",\"move\":\"M2\"}").status()).isEqualTo(200);
        String korOnly = "New activity at the Sohae assembly building"; // inject 2
        String usaOnly = "Russian engineers reported at Sohae"; // inject 3
        ApiClient.Response kor = as("kor1").get("/api/exercises/" + id + "/report");
        assertThat(kor.status()).isEqualTo(200);
        assertThat(kor.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(kor.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'");
        assertThat(kor.body()).contains(korOnly).doesNotContain(usaOnly).contains("After-action report and improvement plan");
        ApiClient.Response usa = as("usa1").get("/api/exercises/" + id + "/report?lang=both");
        assertThat(usa.body()).contains(usaOnly).doesNotContain(korOnly).contains("사후 강평 보고서");
        JsonNode all = control.get("/api/exercises/" + id + "/report?format=json").json();
        assertThat(all.get("timeline").toString()).contains(korOnly).contains(usaOnly);
        assertThat(all.get("reader").get("role").asText()).isEqualTo("controller");
        ApiClient.Response pdf = as("kor1").get("/api/exercises/" + id + "/report?format=pdf&lang=ko");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("사후강평보고서및개선계획").contains("서해발사장조립동신규활동")
                    .doesNotContain("서해발사장에러시아기술진체류보고"); // inject 2 (KOR ONLY) in, inject 3 (USA ONLY) not
        }
        assertThat(as("kor1").get("/api/exercises/" + id + "/report?format=docx").status()).isEqualTo(400);
        assertThat(as("kor1").get("/api/exercises/" + id + "/report?lang=fr").status()).isEqualTo(400);
    }

    /** The space picture as KML and the warning schedule as iCalendar, for the tools staff already use. */
    @Test
    void theSpacePictureAndTheWarningScheduleExportForOtherTools() {
        ApiClient kor = as("kor1");
        ApiClient.Response kml = kor.get("/api/exercises/" + EX + "/space.kml?at=2023-11-24T00:00:00Z&lang=ko");
        assertThat(kml.status()).isEqualTo(200);
        assertThat(kml.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.google-earth.kml+xml");
        assertThat(kml.body()).contains("<kml xmlns=\"http://www.opengis.net/kml/2.2\">").contains("오산 공군기지")
                .contains("만리경-1호 (연습)");
        ApiClient.Response ics = kor.get("/api/exercises/" + EX + "/warning.ics");
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("SUMMARY:OBSERVABLE: Osan Air Base")
                .contains("MALLIGYONG-1 (EXERCISE)").endsWith("END:VCALENDAR\r\n");
        // one event per window the space picture knows
        long events = ics.body().lines().filter(l -> l.equals("BEGIN:VEVENT")).count();
        assertThat(events).isGreaterThan(10);
        assertThat(kor.get("/api/exercises/" + EX + "/warning.ics?lang=fr").status()).isEqualTo(400);
        assertThat(kor.get("/api/exercises/" + EX + "/space.kml?at=2031-01-01T00:00:00Z").status()).isEqualTo(400);
    }

    @Test
    void theSpacePictureCarriesTheScenarioPlaces() {
        JsonNode places = as("kor1").get("/api/exercises/" + EX + "/space?at=2023-11-22T00:00:00Z").json().get("places");
        JsonNode osan = null;
        JsonNode area = null;
        for (JsonNode p : places) {
            if (p.get("name").get("en").asText().equals("Osan Air Base")) {
                osan = p;
            }
            if (p.get("kind").asText().equals("area")) {
                area = p;
            }
        }
        assertThat(osan).isNotNull();
        assertThat(osan.get("point").get(0).asDouble()).isCloseTo(127.03, org.assertj.core.data.Offset.offset(0.05)); // lon first
        assertThat(osan.get("point").get(1).asDouble()).isCloseTo(37.09, org.assertj.core.data.Offset.offset(0.05));
        assertThat(area).isNotNull();
        JsonNode ring = area.get("rings").get(0);
        assertThat(ring.size()).isGreaterThan(3);
        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1)); // closed
    }

    static List<String> questionIds(ApiClient c, String exercise) {
        List<String> out = new ArrayList<>();
        c.get("/api/exercises/" + exercise + "/feed").json().get("questions").forEach(q -> out.add(q.get("id").asText()));
        return out;
    }

    static JsonNode question(ApiClient c, String exercise, String id) {
        for (JsonNode q : c.get("/api/exercises/" + exercise + "/feed").json().get("questions")) {
            if (q.get("id").asText().equals(id)) {
                return q;
            }
        }
        throw new AssertionError("no question " + id);
    }

    static Path demoScenario() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("scenarios/rok-us-space-ttx.yaml"))) {
                return d.resolve("scenarios/rok-us-space-ttx.yaml");
            }
        }
        throw new IllegalStateException("demo scenario not found");
    }

    static List<String> markings(JsonNode feed) {
        List<String> out = new ArrayList<>();
        feed.get("injects").forEach(i -> out.add(i.get("marking").asText()));
        return out;
    }

    static List<ApiClient.SseEvent> drain(BlockingQueue<ApiClient.SseEvent> q, String name, int atLeast) throws InterruptedException {
        List<ApiClient.SseEvent> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            ApiClient.SseEvent e = q.poll(200, TimeUnit.MILLISECONDS);
            if (e == null) {
                if (out.size() >= Math.min(atLeast, 1) && q.isEmpty()) {
                    break;
                }
                continue;
            }
            if (name == null || name.equals(e.name())) {
                out.add(e);
            }
        }
        return out;
    }

    static List<ApiClient.SseEvent> drainUntil(BlockingQueue<ApiClient.SseEvent> q, long sequence) throws InterruptedException {
        List<ApiClient.SseEvent> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            ApiClient.SseEvent e = q.poll(200, TimeUnit.MILLISECONDS);
            if (e != null) {
                out.add(e);
                if (Long.parseLong(e.id()) >= sequence) {
                    break;
                }
            }
        }
        return out;
    }
}
