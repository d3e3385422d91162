package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.EventStore;
import org.spacettx.exercise.engine.Event;

/**
 * The edges of the command path, each broken on main before: a command's answer carried every event appended with
 * it (kor1 received the release of the USA ONLY inject 3 in its own reply); a command sent again after a lost
 * answer was stored twice; one delegate could store thousands of commands a minute.
 */
class CommandEdgesTest {

    static final String EX = "rok-us-space-ttx";
    static final String PASSWORD = "edges-password-1";
    static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path dir;

    /**
     * A wall clock the test moves. The server's clock beat (its thread "spacettx-clock") stays at the start, so that
     * injects fall due inside the commands the test sends, never in a beat between them.
     */
    static final class TestClock extends Clock {
        volatile Instant now = T0;

        @Override
        public Instant instant() {
            return Thread.currentThread().getName().equals("spacettx-clock") ? T0 : now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static String message(String body) {
        return "{\"type\":\"PostMessage\",\"toCell\":\"control\",\"body\":\"" + body + "\",\"marking\":\"REL TO USA, KOR\"}";
    }

    @Test
    void aCommandIsAnsweredWithWhatItsCallerMaySee() throws Exception {
        TestClock clock = new TestClock();
        try (DemoServer demo = DemoServer.start(dir, PASSWORD, Server.Options.local(0).withClock(clock))) {
            ApiClient control = demo.as("control");
            ApiClient kor = demo.as("kor1");
            for (String c : List.of("{\"type\":\"StartExercise\"}", "{\"type\":\"JumpToMove\",\"move\":\"M1\"}",
                    "{\"type\":\"SetSpeed\",\"speed\":10}", "{\"type\":\"StartClock\"}")) {
                assertThat(control.command(EX, c).status()).isEqualTo(200);
            }
            // 31 scenario hours on (3.1 h at ten times real time): injects 1 and 5 (all), 2 (KOR ONLY) and 3 (USA ONLY)
            // fall due, inside kor1's next command
            clock.now = T0.plus(Duration.ofMinutes(186));
            ApiClient.Response posted = kor.command(EX, message("while the clock runs"));
            assertThat(posted.status()).as(posted.body()).isEqualTo(200);
            JsonNode reply = posted.json();
            List<String> seen = new ArrayList<>();
            reply.get("events").forEach(e -> seen.add(e.get("event").get("type").asText()
                    + (e.get("event").has("number") ? " " + e.get("event").get("number").asInt() : "")));
            assertThat(seen).containsExactly("MessagePosted", "InjectReleased 1", "InjectReleased 5", "InjectReleased 2");
            reply.get("events").forEach(e -> assertThat(e.get("event").path("reason").asText("")).as("no release's reason").isEmpty());
            // the store holds the USA ONLY release, appended in the same command
            List<Event.Recorded> log = new EventStore(demo.db()).load(EX);
            long mine = reply.get("events").get(0).get("sequence").asLong();
            assertThat(log.stream().filter(r -> r.sequence() > mine && r.sequence() <= mine + 4)
                    .map(r -> r.event() instanceof Event.InjectReleased i ? i.number() : -1)).containsExactly(1, 5, 2, 3);
        }
    }

    @Test
    void theSameKeyFromTheSameUserGetsTheFirstAnswerAgainEvenAfterARestart() throws Exception {
        String key = "3f1c0f3e-1d7c-4a43-9d36-0c0ad2f8e6a1";
        String first;
        try (DemoServer demo = DemoServer.start(dir, PASSWORD)) {
            ApiClient control = demo.as("control");
            ApiClient kor = demo.as("kor1");
            assertThat(control.command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
            ApiClient.Response sent = kor.commandWithKey(EX, message("once"), key);
            assertThat(sent.status()).isEqualTo(200);
            first = sent.json().toString();
            ApiClient.Response again = kor.commandWithKey(EX, message("once"), key);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().toString()).isEqualTo(first);
            assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
            ApiClient.Response other = kor.commandWithKey(EX, message("something else"), key);
            assertThat(other.status()).isEqualTo(422);
            assertThat(other.json().get("error").asText()).contains("was sent before with another command");
            // another user's key is their own
            assertThat(demo.as("usa1").commandWithKey(EX, message("once"), key).status()).isEqualTo(200);
            assertThat(kor.commandWithKey(EX, message("x"), "").status()).isEqualTo(400);
            assertThat(kor.commandWithKey(EX, message("x"), "k".repeat(201)).status()).isEqualTo(400);
        }
        try (DemoServer demo = DemoServer.start(dir, PASSWORD)) {
            ApiClient kor = demo.as("kor1");
            ApiClient.Response afterRestart = kor.commandWithKey(EX, message("once"), key);
            assertThat(afterRestart.status()).isEqualTo(200);
            assertThat(afterRestart.json().toString()).isEqualTo(first);
            long stored = new EventStore(demo.db()).load(EX).stream()
                    .filter(r -> r.event() instanceof Event.MessagePosted m && m.body().equals("once")).count();
            assertThat(stored).as("kor1's once, and usa1's").isEqualTo(2);
        }
    }

    @Test
    void aUserSendsABurstThenWaits() throws Exception {
        TestClock clock = new TestClock(); // stopped: nothing refills the allowance during the test
        try (DemoServer demo = DemoServer.start(dir, PASSWORD, Server.Options.local(0).withClock(clock))) {
            ApiClient control = demo.as("control");
            ApiClient kor = demo.as("kor1");
            assertThat(control.command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
            for (int i = 0; i < 60; i++) {
                assertThat(kor.command(EX, message("burst " + i)).status()).isEqualTo(200);
            }
            ApiClient.Response refused = kor.command(EX, message("one too many"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            assertThat(refused.json().get("details").get("retryAfterSeconds").asInt()).isEqualTo(1);
            assertThat(demo.as("usa1").command(EX, message("others go on")).status()).isEqualTo(200);
            clock.now = T0.plusSeconds(1);
            assertThat(kor.command(EX, message("after a second")).status()).isEqualTo(200);
            long stored = new EventStore(demo.db()).load(EX).stream().filter(r -> r.event() instanceof Event.MessagePosted).count();
            assertThat(stored).isEqualTo(60 + 1 + 1);
        }
    }
}
