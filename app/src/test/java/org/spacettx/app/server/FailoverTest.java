package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spacettx.app.cli.ChildServer;
import org.spacettx.app.cli.DemoAccess;
import org.spacettx.app.cli.Main;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.Databases;
import org.spacettx.app.store.StoreException;
import org.spacettx.app.store.WriterLease;
import org.spacettx.exercise.engine.Json;

/**
 * A standby that takes over, on real PostgreSQL: one server is active, a second on the same database stands by, and
 * takes over when the active one is killed or loses its database session; the database decides (an advisory lock and
 * an epoch every write checks), so two servers never both write.
 */
@Tag("slow")
class FailoverTest {

    @Test
    void aServerWhoseLeaseWasTakenWritesNothing() {
        String url = Databases.postgresUrl();
        try (Database first = Database.open(url, Databases.POSTGRES_USER, null);
             Database second = Database.open(url, Databases.POSTGRES_USER, null);
             WriterLease a = new WriterLease(url, Databases.POSTGRES_USER, null, "a");
             WriterLease b = new WriterLease(url, Databases.POSTGRES_USER, null, "b")) {
            long epochA = a.tryAcquire();
            assertThat(epochA).isPositive();
            assertThat(b.tryAcquire()).as("held by a").isEqualTo(-1);
            first.fence(epochA);
            new AuditLog(first).record("a", "write", "while active");
            a.close(); // a's session ends (as when its process dies)
            long epochB = b.tryAcquire();
            assertThat(epochB).isEqualTo(epochA + 1);
            second.fence(epochB);
            assertThatThrownBy(() -> new AuditLog(first).record("a", "write", "after the takeover"))
                    .isInstanceOf(StoreException.NotActive.class).hasMessageContaining("b took over");
            new AuditLog(second).record("b", "write", "as the active one");
            assertThat(new AuditLog(second).entries()).extracting(AuditLog.Entry::detail).containsExactly("while active", "as the active one");
            assertThat(new AuditLog(second).verify()).isEmpty();
        }
    }

    @Test
    void aServerThatLosesItsDatabaseSessionStopsAndTheStandbyServes() throws Exception {
        String url = Databases.postgresUrl();
        try (Database db = Database.open(url, Databases.POSTGRES_USER, null)) {
            DemoAccess.prepare(db, "failover-password-1");
        }
        List<String> args = List.of("serve", "--port", "0", "--db", url, "--db-user", Databases.POSTGRES_USER);
        try (ChildServer a = ChildServer.start(args)) {
            URI first = URI.create("http://127.0.0.1:" + a.awaitReady(Duration.ofMinutes(2)));
            try (ChildServer b = ChildServer.start(args)) {
                b.awaitLine(java.util.regex.Pattern.compile("standing by"), Duration.ofMinutes(3));
                ApiClient kor = new ApiClient(first.getPort());
                assertThat(kor.login("kor1", "failover-password-1").status()).isEqualTo(200);
                assertThat(kor.command("rok-us-space-ttx", "{\"type\":\"AcknowledgeInject\",\"number\":1}").status())
                        .as("the active one answers (the exercise has not started)").isEqualTo(422);
                ApiClient control = new ApiClient(first.getPort());
                assertThat(control.login("control", "failover-password-1").status()).isEqualTo(200);
                // kor1 watches the live stream at the first server while control starts the exercise there
                java.util.concurrent.BlockingQueue<ApiClient.SseEvent> before = ApiClient.queue();
                Runnable closeBefore = kor.stream("rok-us-space-ttx", null, before);
                assertThat(control.command("rok-us-space-ttx", "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
                long lastSeen = lastId(before, Duration.ofSeconds(5));
                closeBefore.run();
                assertThat(lastSeen).as("kor1 saw the start").isPositive();
                long cut = System.nanoTime();
                try (Connection c = DriverManager.getConnection(url, Databases.POSTGRES_USER, null); Statement s = c.createStatement()) {
                    s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'spacettx writer lease'"
                            + " AND pid <> pg_backend_pid()");
                }
                int port = b.awaitReady(Duration.ofSeconds(30));
                double seconds = (System.nanoTime() - cut) / 1e9;
                assertThat(seconds).as("takeover").isLessThan(10);
                // the same browser session goes on at the standby
                ApiClient same = kor.at(port);
                assertThat(same.get("/api/me").status()).isEqualTo(200);
                // control goes on at the standby, and kor1's stream resumes from the last event it had: no gap
                assertThat(control.at(port).command("rok-us-space-ttx", "{\"type\":\"PostMessage\",\"toCell\":\"kor\","
                        + "\"body\":\"after the failover\",\"marking\":\"REL TO USA, KOR\"}").status()).isEqualTo(200);
                java.util.concurrent.BlockingQueue<ApiClient.SseEvent> after = ApiClient.queue();
                Runnable closeAfter = same.stream("rok-us-space-ttx", Long.toString(lastSeen), after);
                try {
                    ApiClient.SseEvent next = after.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                    while (next != null && next.id() == null) {
                        next = after.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                    }
                    assertThat(next).as("an event after the failover").isNotNull();
                    assertThat(Long.parseLong(next.id())).as("the next event, none skipped").isEqualTo(lastSeen + 1);
                    List<ApiClient.SseEvent> rest = new java.util.ArrayList<>(List.of(next));
                    for (ApiClient.SseEvent e = after.poll(3, java.util.concurrent.TimeUnit.SECONDS); e != null;
                            e = after.poll(3, java.util.concurrent.TimeUnit.SECONDS)) {
                        rest.add(e);
                    }
                    assertThat(rest).anyMatch(e -> e.data().contains("after the failover"));
                } finally {
                    closeAfter.run();
                }
                // and the first server has stopped serving: its port refuses
                Thread.sleep(1500);
                HttpClient http = HttpClient.newHttpClient();
                assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(first.resolve("/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
                assertThat(a.output()).contains("lost the database's writer lease");
            }
        }
    }

    /** The id of the last event that arrives before the stream has been quiet for a second. */
    private static long lastId(java.util.concurrent.BlockingQueue<ApiClient.SseEvent> events, Duration first) throws InterruptedException {
        long last = -1;
        ApiClient.SseEvent e = events.poll(first.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        while (e != null) {
            if (e.id() != null) {
                last = Long.parseLong(e.id());
            }
            e = events.poll(1, java.util.concurrent.TimeUnit.SECONDS);
        }
        return last;
    }

    @Test
    void tenFailoversLoseNothingAcknowledged() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        int code;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            code = Main.run("bench", "failover", "--kills", "10", "--seed", "7", "--max-run-ms", "2000", "--format", "json",
                    "--db", Databases.postgresUrl(), "--db-user", Databases.POSTGRES_USER);
        } finally {
            System.setOut(original);
        }
        JsonNode row = Json.mapper().readTree(out.toString(java.nio.charset.StandardCharsets.UTF_8)).get(0);
        assertThat(code).as(row.toString()).isZero();
        assertThat(row.get("kills").asInt()).isEqualTo(10);
        assertThat(row.get("acknowledged").asInt()).as("enough commands to mean something").isGreaterThan(100);
        assertThat(row.get("lost").asInt()).isZero();
        assertThat(row.get("doubled").asInt()).isZero();
        assertThat(row.get("gaps").asInt()).isZero();
        assertThat(row.get("audit").asText()).isEqualTo("intact");
        assertThat(row.get("failover_worst_s").asDouble()).isLessThan(10);
    }
}
