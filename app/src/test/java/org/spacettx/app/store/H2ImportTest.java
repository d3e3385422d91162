package org.spacettx.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.auth.Passwords;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.Json;

/**
 * A data directory of an earlier SpaceTTX (an H2 store, made here with the migrations H2 ran then) is carried over
 * to the embedded store on first open: accounts, exercises, the event log, the audit chain and the register.
 */
class H2ImportTest {

    @TempDir
    Path dir;

    @Test
    void anEarlierH2StoreIsCarriedOverWhole() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("spacettx") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        // the schema an H2 store last had: versions 1 and 2 (the embedded store moved to SQLite before version 3)
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .target("2").load().migrate();
        Instant at = Instant.parse("2026-11-30T09:15:30.123456Z");
        Event.Recorded first = new Event.Recorded(1, Instant.parse("2023-11-14T00:00:00Z"), at, Actor.SYSTEM, new Event.MoveStarted("M1"));
        Event.Recorded second = new Event.Recorded(2, Instant.parse("2023-11-14T00:10:00Z"), at.plusSeconds(5), Actor.SYSTEM,
                new Event.MoveStarted("M2"));
        String hash = AuditLog.hash(AuditLog.GENESIS, 1, at, "control", "login", "from 127.0.0.1");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            run(c, "INSERT INTO users VALUES (?, ?, ?, ?, ?, ?)", "control", "Exercise control",
                    Passwords.hash("old-password-1"), true, false, Timestamp.from(at));
            run(c, "INSERT INTO exercises VALUES (?, ?, ?, ?, ?)", "ex", "Old exercise", "scenario: 1", Timestamp.from(at), "control");
            run(c, "INSERT INTO memberships VALUES (?, ?, ?, ?)", "ex", "control", "controller", "control");
            for (Event.Recorded e : List.of(first, second)) {
                run(c, "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", "ex", e.sequence(), Timestamp.from(e.scenarioTime()),
                        Timestamp.from(e.wallTime()), "system", Json.write(e));
            }
            run(c, "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?)", 1L, Timestamp.from(at), "control", "login", "from 127.0.0.1",
                    AuditLog.GENESIS, hash);
            run(c, "INSERT INTO action_register (exercise_id, item_id, origin_move, origin_inject, title, owner_nation, due,"
                    + " status, last_event_seq, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "ex", "AI-1", "M4", 21,
                    "Keep the data", "KOR", java.sql.Date.valueOf("2027-01-31"), "open", 2L, Timestamp.from(at));
            run(c, "INSERT INTO action_register_history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 1L, 1, Timestamp.from(at),
                    "kor1", "Keep the data", "KOR", java.sql.Date.valueOf("2027-01-31"), "open", "", 2L);
        }
        assertThat(H2Import.needed(dir)).isTrue();

        List<String> said = new ArrayList<>();
        try (Database db = Database.embedded(dir, said::add)) {
            assertThat(said).singleElement().asString().contains("carried the earlier H2 store").contains("events 2")
                    .contains("audit 1").contains("action_register 1");
            assertThat(new Accounts(db).authenticate("control", "old-password-1")).isPresent();
            assertThat(new EventStore(db).load("ex")).containsExactly(first, second);
            assertThat(new AuditLog(db).entries()).singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(at));
            assertThat(new AuditLog(db).verify()).isEmpty();
            ActionRegister.Entry item = new ActionRegister(db).list(ActionRegister.Filter.ALL).get(0);
            assertThat(item.title()).isEqualTo("Keep the data");
            assertThat(item.due()).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(item.history()).hasSize(1);
            // the register keeps numbering after the imported rows
            new ActionRegister(db).fromExercise("ex", 3, at, "usa1", new org.spacettx.exercise.engine.Item.ActionItem("AI-2",
                    "Next", "USA", null, "open", List.of(), "M4", null), "Next", "USA", null, "open");
            assertThat(new ActionRegister(db).list(ActionRegister.Filter.ALL)).extracting(ActionRegister.Entry::id)
                    .containsExactlyInAnyOrder(1L, 2L);
        }
        assertThat(Files.exists(dir.resolve("spacettx.mv.db"))).isFalse();
        assertThat(Files.exists(dir.resolve("spacettx.mv.db.imported"))).isTrue();
        assertThat(H2Import.needed(dir)).isFalse();
        List<String> again = new ArrayList<>();
        try (Database db = Database.embedded(dir, again::add)) {
            assertThat(again).isEmpty();
            assertThat(new EventStore(db).load("ex")).hasSize(2);
        }
    }

    private static void run(Connection c, String sql, Object... values) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int k = 0; k < values.length; k++) {
                s.setObject(k + 1, values[k]);
            }
            s.executeUpdate();
        }
    }
}
