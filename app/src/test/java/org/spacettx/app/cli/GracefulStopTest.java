package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.EventStore;
import org.spacettx.exercise.engine.Event;

/**
 * SIGTERM (what a service manager sends) ends the server cleanly: the commands under way are answered (a request
 * either gets its answer or finds the port closed, never a cut connection), the live streams end (so browsers
 * reconnect), and everything acknowledged is in the store.
 */
@Tag("slow")
class GracefulStopTest {

    static final String PASSWORD = "graceful-password-1";
    static final String EX = ServerCommands.DemoSetup.EXERCISE;

    @TempDir
    Path dir;

    @Test
    void sigtermAnswersTheCommandsUnderWayAndEndsTheStreams() throws Exception {
        try (Database db = Database.embedded(dir, m -> { })) {
            DemoAccess.prepare(db, PASSWORD);
        }
        ChildServer server = ChildServer.start(List.of("serve", "--port", "0", "--data-dir", dir.toString()));
        URI base = URI.create("http://127.0.0.1:" + server.awaitReady(Duration.ofMinutes(2)));
        HttpSession control = HttpSession.login(base, "control", PASSWORD);
        assertThat(control.post("/api/exercises/" + EX + "/commands", "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
        // a browser's stream
        HttpSession kor = HttpSession.login(base, "kor1", PASSWORD);
        AtomicBoolean streamEnded = new AtomicBoolean();
        Thread stream = Thread.ofVirtual().start(() -> {
            try {
                HttpResponse<java.io.InputStream> r = kor.http.send(HttpRequest.newBuilder(base.resolve("/api/exercises/" + EX + "/stream"))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    while (in.readLine() != null) {
                        // events and keep-alives
                    }
                }
                streamEnded.set(true);
            } catch (Exception e) {
                // cut rather than ended: streamEnded stays false
            }
        });
        // writers posting until the server is gone
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        List<String> cut = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; !stop.get(); i++) {
                String body = "before the stop " + i;
                try {
                    HttpSession.Reply r = kor.post("/api/exercises/" + EX + "/commands", "{\"type\":\"PostMessage\",\"toCell\":\"usa\","
                            + "\"body\":\"" + body + "\",\"marking\":\"REL TO USA, KOR\"}");
                    if (r.status() == 200) {
                        acknowledged.put(body, i);
                    }
                    if (r.status() == 429) {
                        Thread.sleep(500);
                    }
                } catch (ConnectException refused) {
                    return; // the port is closed: the server has stopped taking requests
                } catch (java.io.IOException e) {
                    cut.add(body + ": " + e);
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Thread.sleep(1500);
        long stopping = System.nanoTime();
        server.process().destroy(); // SIGTERM
        assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        double seconds = (System.nanoTime() - stopping) / 1e9;
        stop.set(true);
        writer.join(10_000);
        stream.join(10_000);
        assertThat(server.process().exitValue()).as("128 + SIGTERM").isEqualTo(143);
        assertThat(seconds).isLessThan(15);
        assertThat(cut).as("no command cut off without its answer").isEmpty();
        assertThat(streamEnded).as("the stream ended rather than broke").isTrue();
        assertThat(acknowledged).isNotEmpty();
        try (Database db = Database.embedded(dir, m -> { })) {
            List<String> stored = new EventStore(db).load(EX).stream()
                    .map(r -> r.event() instanceof Event.MessagePosted m ? m.body() : null).filter(java.util.Objects::nonNull).toList();
            assertThat(stored).containsAll(acknowledged.keySet());
        }
    }
}
