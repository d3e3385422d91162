package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.Backups;
import org.spacettx.app.store.DataDirectoryLock;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.EventStore;
import org.spacettx.app.store.StoreException;
import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.Json;

/**
 * A backup of the embedded store taken while a delegation's commands flow, restored into another directory: it
 * holds every command acknowledged before it began, in a gap-free log that replays, with an intact audit chain, and
 * a server starts on it. Restores are refused under a running server and from a file that is not a store.
 */
@Tag("slow")
class BackupTest {

    static final String EX = "rok-us-space-ttx";

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileCommandsFlowRestoresAndReplays() throws Exception {
        Path live = dir.resolve("live");
        Path restored = dir.resolve("restored");
        Path file = dir.resolve("backups/spacettx-backup.db");
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        int beforeBackup;
        int afterBackup;
        Backups.Summary summary;
        try (DemoServer demo = DemoServer.start(live, "backup-password-1")) {
            assertThat(demo.as("control").command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
            ApiClient kor = demo.as("kor1");
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String body = "flowing-" + i;
                    if (kor.command(EX, "{\"type\":\"PostMessage\",\"toCell\":\"usa\",\"body\":\"" + body
                            + "\",\"marking\":\"REL TO USA, KOR\"}").status() == 200) {
                        acknowledged.add(body);
                    }
                }
            });
            Thread.sleep(1500);
            beforeBackup = acknowledged.size();
            summary = Backups.backup(demo.db(), file);
            afterBackup = acknowledged.size();
            Thread.sleep(500);
            stop.set(true);
            writer.join();
            assertThatThrownBy(() -> Backups.backup(demo.db(), file)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("exists already");
        }
        assertThat(beforeBackup).as("commands before the backup").isGreaterThan(10);
        assertThat(acknowledged.size()).as("commands went on during and after it").isGreaterThan(afterBackup);

        Backups.Summary back = Backups.restore(file, restored);
        assertThat(back.events()).isEqualTo(summary.events());
        try (Database db = Database.open(Database.embeddedUrl(restored), null, null)) {
            List<Event.Recorded> log = new EventStore(db).load(EX);
            for (int i = 0; i < log.size(); i++) {
                assertThat(log.get(i).sequence()).isEqualTo(i + 1);
            }
            List<String> bodies = log.stream().map(r -> r.event() instanceof Event.MessagePosted m ? m.body() : null)
                    .filter(java.util.Objects::nonNull).toList();
            assertThat(bodies).containsAll(acknowledged.subList(0, beforeBackup));
            assertThat(bodies).hasSizeLessThanOrEqualTo(afterBackup + 1);
            assertThat(new AuditLog(db).verify()).isEmpty();
            assertThat(log).isNotEmpty();
            assertThat(Json.write(log.get(log.size() - 1))).isNotEmpty();
        }
        try (DemoServer again = DemoServer.start(restored, "backup-password-1")) {
            var feed = again.as("kor1").get("/api/exercises/" + EX + "/feed").json();
            assertThat(feed.get("messages").size()).isGreaterThanOrEqualTo(beforeBackup);
        }
    }

    @Test
    void aRestoreIsRefusedUnderARunningServerAndFromAFileThatIsNotAStore() throws Exception {
        Path data = dir.resolve("data");
        Path file = dir.resolve("b.db");
        try (Database db = Database.open(Database.embeddedUrl(data), null, null)) {
            Backups.backup(db, file);
        }
        try (DataDirectoryLock running = DataDirectoryLock.take(data)) {
            assertThatThrownBy(() -> Backups.restore(file, data)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("a SpaceTTX server is running on " + data);
            assertThatThrownBy(() -> DataDirectoryLock.take(data)).isInstanceOf(StoreException.class);
        }
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "not a database at all, but long enough to look like a file ".repeat(100));
        assertThatThrownBy(() -> Backups.restore(junk, data)).isInstanceOf(StoreException.class)
                .hasMessageContaining("junk.db: is not a SpaceTTX store");
        Backups.restore(file, data);
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("spacettx.db.replaced-"));
        }
    }
}
