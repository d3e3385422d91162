package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.EventStore;

/**
 * One server per data directory, tested from outside the process that promises it: a first server runs in a JVM of
 * its own and is made to collect its garbage ({@code jcmd PID GC.run}: a lock whose channel nobody references is
 * released then); a second {@code serve} on the same directory, started as another process, must refuse to start,
 * and so must a {@code db restore} into it, while the first goes on acknowledging commands that are all still in the
 * store afterwards. On main before the fix the second server started and the restore replaced the live store.
 */
@Tag("slow")
class OneServerPerDirectoryTest {

    static final String PASSWORD = "one-writer-password-1";
    static final String EX = ServerCommands.DemoSetup.EXERCISE;

    @TempDir
    Path dir;

    @Test
    void aSecondServerAndARestoreAreRefusedWhileTheFirstRuns() throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.embedded(data, m -> { })) {
            DemoAccess.prepare(db, PASSWORD);
        }
        Path backup = dir.resolve("backup.db");
        try (ChildServer first = ChildServer.start(List.of("serve", "--port", "0", "--data-dir", data.toString()))) {
            URI base = URI.create("http://127.0.0.1:" + first.awaitReady(Duration.ofMinutes(2)));
            HttpSession kor = HttpSession.login(base, "kor1", PASSWORD);
            HttpSession control = HttpSession.login(base, "control", PASSWORD);
            assertThat(control.post(commands(), "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
            assertThat(post(kor, "before the collection")).isEqualTo(200);
            assertThat(CliRun.of("db", "backup", backup.toString(), "--data-dir", data.toString()).exitCode())
                    .as("a backup is taken online").isZero();

            forceGarbageCollection(first.pid());

            try (ChildServer second = ChildServer.start(List.of("serve", "--port", "0", "--data-dir", data.toString()))) {
                assertThat(second.awaitExit(Duration.ofMinutes(2))).as(second.output()).isEqualTo(2);
                assertThat(second.output()).contains("a SpaceTTX server is running on").contains("spacettx.lock");
            }
            try (ChildServer restore = ChildServer.start(List.of("db", "restore", backup.toString(), "--data-dir", data.toString()))) {
                assertThat(restore.awaitExit(Duration.ofMinutes(2))).as(restore.output()).isEqualTo(2);
                assertThat(restore.output()).contains("a SpaceTTX server is running on");
            }
            assertThat(post(kor, "after the refusals")).as("the first server still writes").isEqualTo(200);
        }
        try (Database db = Database.embedded(data, m -> { })) {
            List<String> bodies = new EventStore(db).load(EX).stream()
                    .map(r -> r.event() instanceof org.spacettx.exercise.engine.Event.MessagePosted m ? m.body() : null)
                    .filter(java.util.Objects::nonNull).toList();
            assertThat(bodies).containsExactly("before the collection", "after the refusals");
        }
    }

    private static String commands() {
        return "/api/exercises/" + EX + "/commands";
    }

    private static int post(HttpSession user, String body) throws Exception {
        return user.post(commands(), "{\"type\":\"PostMessage\",\"toCell\":\"control\",\"body\":\"" + body
                + "\",\"marking\":\"REL TO USA, KOR\"}").status();
    }

    /** A full collection in another JVM, by the JDK's own diagnostic command; fails unless it ran. */
    static void forceGarbageCollection(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();
        assertThat(said).contains("Command executed successfully");
    }
}
