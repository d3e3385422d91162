package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.Database;

/**
 * Durability: a server in a separate JVM takes commands from two writers and is killed with SIGKILL at a random
 * moment, then restarted, several times. Every command that was acknowledged (HTTP 200) must be in the log after
 * the restart, and none twice.
 */
@Tag("slow")
class CrashTest {

    static final String PASSWORD = "crash-password-1";
    static final String EX = "rok-us-space-ttx";

    @TempDir
    Path dir;

    record Child(Process process, int port) {
    }

    Child startServer() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.spacettx.app.cli.Main", "serve", "--port", "0", "--data-dir", dir.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
        Pattern url = Pattern.compile("running at http://127\\.0\\.0\\.1:(\\d+)/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line = out.readLine(); line != null && System.nanoTime() < deadline; line = out.readLine()) {
            Matcher m = url.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling up
                        }
                    } catch (java.io.IOException ignored) {
                        // the process died
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new Child(p, Integer.parseInt(m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start");
    }

    @Test
    void acknowledgedCommandsSurviveKillMinusNine() throws Exception {
        try (Database db = Database.open(Database.embeddedUrl(dir), "sa", "")) {
            org.spacettx.app.cli.DemoAccess.prepare(db, PASSWORD);
        }
        Random random = new Random(7);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        int rounds = 4;
        for (int round = 0; round < rounds; round++) {
            Child child = startServer();
            try {
                ApiClient control = new ApiClient(child.port());
                assertThat(control.login("control", PASSWORD).status()).isEqualTo(200);
                if (!control.get("/api/exercises/" + EX + "/feed").json().get("clock").get("started").asBoolean()) {
                    assertThat(control.command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
                }
                verify(control, acknowledged);
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> writers = new ArrayList<>();
                for (String user : List.of("kor1", "usa1")) {
                    ApiClient writer = new ApiClient(child.port());
                    assertThat(writer.login(user, PASSWORD).status()).isEqualTo(200);
                    int r = round;
                    Thread t = new Thread(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String body = user + "-" + r + "-" + i;
                            try {
                                ApiClient.Response resp = writer.command(EX, "{\"type\":\"PostMessage\",\"toCell\":\"control\",\"body\":\""
                                        + body + "\",\"marking\":\"REL TO USA, KOR\"}");
                                if (resp.status() == 200) {
                                    acknowledged.add(body);
                                }
                            } catch (RuntimeException e) {
                                return; // the server was killed under the request: not acknowledged
                            }
                        }
                    });
                    t.start();
                    writers.add(t);
                }
                Thread.sleep(300 + random.nextInt(1500));
                child.process().destroyForcibly(); // SIGKILL
                child.process().waitFor(10, TimeUnit.SECONDS);
                stop.set(true);
                for (Thread t : writers) {
                    t.join(10_000);
                }
            } finally {
                child.process().destroyForcibly();
            }
        }
        Child last = startServer();
        try {
            ApiClient control = new ApiClient(last.port());
            assertThat(control.login("control", PASSWORD).status()).isEqualTo(200);
            verify(control, acknowledged);
            assertThat(acknowledged).hasSizeGreaterThan(rounds * 5);
        } finally {
            last.process().destroyForcibly();
        }
    }

    /** Every acknowledged message is in the feed exactly once, and the log is a gapless sequence. */
    static void verify(ApiClient control, List<String> acknowledged) {
        JsonNode feed = control.get("/api/exercises/" + EX + "/feed").json();
        Map<String, Integer> counts = new HashMap<>();
        feed.get("messages").forEach(m -> counts.merge(m.get("body").asText(), 1, Integer::sum));
        for (String body : acknowledged) {
            assertThat(counts.get(body)).as("acknowledged message %s", body).isEqualTo(1);
        }
        assertThat(counts.values()).allMatch(n -> n == 1);
        assertThat(feed.get("lastSequence").asLong()).isGreaterThanOrEqualTo(acknowledged.size());
    }
}
