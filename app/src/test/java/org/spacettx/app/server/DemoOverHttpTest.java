package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.Databases;

/**
 * The demo exercise played end to end over HTTP by control, both delegations and an observer at once, on the embedded store (SQLite) and on
 * a real PostgreSQL server: every inject is released, each delegation's feed holds only what is releasable to it,
 * revealed answers are shared, the statement is agreed and the exercise ends.
 */
@Tag("slow")
class DemoOverHttpTest {

    static final String PASSWORD = "http-demo-password";
    static final String EX = "rok-us-space-ttx";

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("SQLite", (Supplier<Database>) Databases::embedded),
                Arguments.of("PostgreSQL", (Supplier<Database>) Databases::postgres));
    }

    static void ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Runs the steps of several users at the same time, and waits for all. */
    static void together(List<Runnable> steps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(steps.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            steps.forEach(s -> done.add(pool.submit(s)));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static String answer(String question, String value) {
        return "{\"type\":\"SubmitAnswer\",\"question\":\"" + question + "\",\"value\":" + value
                + ",\"confidence\":\"MODERATE\",\"rationale\":\"\"}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void playedByEveryoneAtOnce(String name, Supplier<Database> open) throws Exception {
        try (Database db = open.get()) {
            org.spacettx.app.cli.DemoAccess.prepare(db, PASSWORD);
            try (Server server = Server.start(db, Server.Options.local(0))) {
                ApiClient control = new ApiClient(server.port());
                ApiClient kor = new ApiClient(server.port());
                ApiClient usa = new ApiClient(server.port());
                ApiClient observer = new ApiClient(server.port());
                together(List.of(() -> control.login("control", PASSWORD), () -> kor.login("kor1", PASSWORD),
                        () -> usa.login("usa1", PASSWORD), () -> observer.login("observer", PASSWORD)));
                ok(control.command(EX, "{\"type\":\"StartExercise\"}"));
                String[][] moves = {{"M1", "Q1", "{\"type\":\"Number\",\"value\":70}", "{\"type\":\"Number\",\"value\":40}"},
                        {"M2", "Q4", "{\"type\":\"Number\",\"value\":80}", "{\"type\":\"Number\",\"value\":60}"},
                        {"M3", "Q7", "{\"type\":\"Choice\",\"option\":\"a\"}", "{\"type\":\"Choice\",\"option\":\"b\"}"},
                        {"M4", "Q9", "{\"type\":\"Free\",\"text\":\"warning procedure\"}", "{\"type\":\"Free\",\"text\":\"data sharing\"}"}};
                for (String[] m : moves) {
                    ok(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"" + m[0] + "\"}"));
                    together(List.of(() -> ok(kor.command(EX, answer(m[1], m[2]))), () -> ok(usa.command(EX, answer(m[1], m[3]))),
                            () -> ok(observer.command(EX, "{\"type\":\"RecordObservation\",\"objective\":\"O1\",\"inject\":null,"
                                    + "\"rating\":4,\"text\":\"" + m[0] + "\"}")),
                            () -> ok(kor.command(EX, "{\"type\":\"PostMessage\",\"toCell\":\"usa\",\"body\":\"" + m[0]
                                    + "\",\"marking\":\"REL TO USA, KOR\"}"))));
                    ok(control.command(EX, "{\"type\":\"RevealQuestion\",\"question\":\"" + m[1] + "\"}"));
                }
                ok(control.command(EX, "{\"type\":\"ReleaseInject\",\"number\":6}"));
                ok(control.command(EX, "{\"type\":\"ReleaseInject\",\"number\":19}"));
                ok(control.command(EX, "{\"type\":\"DraftStatement\",\"text\":\"We share a unified understanding.\"}"));
                together(List.of(() -> ok(kor.command(EX, "{\"type\":\"AgreeStatement\"}")),
                        () -> ok(usa.command(EX, "{\"type\":\"AgreeStatement\"}"))));
                // Let the clock run the rest of move 4 at 10,000 times real time; the server's clock releases it.
                ok(control.command(EX, "{\"type\":\"SetSpeed\",\"speed\":10000}"));
                ok(control.command(EX, "{\"type\":\"StartClock\"}"));
                JsonNode feed = null;
                for (int i = 0; i < 40; i++) {
                    feed = control.get("/api/exercises/" + EX + "/feed").json();
                    if (feed.get("injects").size() == 30) {
                        break;
                    }
                    Thread.sleep(250);
                }
                assertThat(feed.get("injects").size()).isEqualTo(30);
                ok(control.command(EX, "{\"type\":\"EndExercise\"}"));

                JsonNode korFeed = kor.get("/api/exercises/" + EX + "/feed").json();
                JsonNode usaFeed = usa.get("/api/exercises/" + EX + "/feed").json();
                assertThat(korFeed.get("injects").toString()).doesNotContain("USA ONLY");
                assertThat(usaFeed.get("injects").toString()).doesNotContain("KOR ONLY");
                // of the 30: USA ONLY 3, 9, 14, 20, 26 and KOR ONLY 2, 13, 21, 30
                assertThat(korFeed.get("injects").size()).isEqualTo(25);
                assertThat(usaFeed.get("injects").size()).isEqualTo(26);
                assertThat(korFeed.get("answers").size()).as("both cells' revealed answers").isEqualTo(8);
                assertThat(korFeed.get("statement").get("agreedBy").size()).isEqualTo(2);
                assertThat(korFeed.get("clock").get("ended").asBoolean()).isTrue();
                assertThat(observer.get("/api/exercises/" + EX + "/feed").json().get("observations").size()).isEqualTo(4);
                assertThat(korFeed.get("observations").size()).isZero();
                assertThat(control.get("/api/exercises/" + EX + "/feed").json().get("injects").toString())
                        .contains("answer condition: kor Q4 >= 70");
            }
            // A new server over the same database replays the log to the same state.
            try (Server again = Server.start(db, Server.Options.local(0))) {
                ApiClient control = new ApiClient(again.port());
                control.login("control", PASSWORD);
                JsonNode feed = control.get("/api/exercises/" + EX + "/feed").json();
                assertThat(feed.get("injects").size()).isEqualTo(30);
                assertThat(feed.get("clock").get("ended").asBoolean()).isTrue();
            }
        }
    }
}
