package org.spacettx.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.server.LiveExercises;
import org.spacettx.app.server.Server;
import org.spacettx.exercise.archive.ExerciseArchive;
import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.EventFormat;

/**
 * What the release before the stable event format wrote opens and replays in this one: an embedded data directory, a
 * PostgreSQL database and an exercise archive, all made by the jar of commit 7dd1525 (see
 * {@code fixtures/main-7dd1525/README.md}). The embedded store is backed up before it is migrated.
 */
class UpgradeTest {

    static final String FIXTURES = "/fixtures/main-7dd1525/";
    static final String PASSWORD = "fixture-password-1";

    @TempDir
    Path dir;

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = UpgradeTest.class.getResourceAsStream(FIXTURES + name)) {
            return in.readAllBytes();
        }
    }

    /** The archive's 93 events by kind: what every store made from it must replay to. */
    static Map<String, Long> archivedKinds() throws Exception {
        ExerciseArchive archive = ExerciseArchive.read(fixture("fixture.spacettx.zip"), "fixture.spacettx.zip");
        return kinds(archive.events());
    }

    static Map<String, Long> kinds(List<Event.Recorded> events) {
        return events.stream().collect(Collectors.groupingBy(r -> EventFormat.name(r.event().getClass()), Collectors.counting()));
    }

    @Test
    void anEmbeddedStoreOfTheEarlierReleaseIsBackedUpMigratedAndReplayed() throws Exception {
        Files.write(dir.resolve(Database.EMBEDDED_FILE), fixture("spacettx.db"));
        List<String> said = new ArrayList<>();
        try (Database db = Database.embedded(dir, said::add)) {
            assertThat(said).hasSize(1);
            assertThat(said.get(0)).startsWith("backed up the store (schema version 4) to spacettx.db.before-V4-");
            try (var files = Files.list(dir)) {
                Path backup = files.filter(p -> p.getFileName().toString().startsWith("spacettx.db.before-V4-")).findFirst().orElseThrow();
                assertThat(Backups.check(backup).events()).isEqualTo(102);
            }
            opensAndReplays(db);
        }
        // the second start has nothing to migrate, so nothing to back up
        List<String> again = new ArrayList<>();
        try (Database db = Database.embedded(dir, again::add)) {
            assertThat(again).isEmpty();
        }
    }

    @Test
    void aPostgresqlDatabaseOfTheEarlierReleaseIsMigratedAndReplayed() throws Exception {
        String url = Databases.postgresUrl();
        try (Connection c = DriverManager.getConnection(url, Databases.POSTGRES_USER, null); Statement s = c.createStatement()) {
            s.execute(new String(fixture("postgresql.sql"), StandardCharsets.UTF_8));
        }
        try (Database db = Database.open(url, Databases.POSTGRES_USER, null)) {
            opensAndReplays(db);
        }
    }

    @Test
    void anArchiveOfTheEarlierReleaseImportsAndReplays() throws Exception {
        ExerciseArchive archive = ExerciseArchive.read(fixture("fixture.spacettx.zip"), "fixture.spacettx.zip");
        assertThat(archive.events()).hasSize(93);
        assertThat(kinds(archive.events())).as("every kind of event of that version").hasSize(26);
        // written again, the log carries this format's version on every line and reads back the same
        String written = org.spacettx.exercise.engine.EventLog.write(archive.events());
        assertThat(written.lines()).allMatch(l -> l.startsWith("{\"v\":" + EventFormat.VERSION + ","));
        assertThat(org.spacettx.exercise.engine.EventLog.read(written, "again")).isEqualTo(archive.events());
    }

    /** The store's two exercises load (the demo and the imported archive) and their logs are whole. */
    private static void opensAndReplays(Database db) throws Exception {
        try (Server server = Server.start(db, Server.Options.local(0))) {
            LiveExercises exercises = server.exercises();
            assertThat(exercises.all()).extracting(LiveExercises.Live::id).containsExactlyInAnyOrder("rok-us-space-ttx", "fixture-7dd1525");
            LiveExercises.Live played = exercises.get("fixture-7dd1525").orElseThrow();
            synchronized (played) {
                assertThat(played.exercise().log()).hasSize(93);
                assertThat(kinds(played.exercise().log())).isEqualTo(archivedKinds());
                assertThat(played.exercise().state().ended()).isTrue();
                assertThat(played.exercise().state().feedback()).hasSize(2);
            }
            LiveExercises.Live demo = exercises.get("rok-us-space-ttx").orElseThrow();
            synchronized (demo) {
                assertThat(demo.exercise().log()).hasSize(9);
                assertThat(demo.exercise().state().messages()).hasSize(1);
            }
            // the accounts and their passwords came along
            assertThat(new Accounts(db).authenticate("kor1", PASSWORD)).isPresent();
            assertThat(new ActionRegister(db).list(ActionRegister.Filter.ALL)).isNotEmpty();
        }
    }
}
