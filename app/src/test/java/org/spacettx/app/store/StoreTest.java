package org.spacettx.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.Event;

/** The store on both databases: migrations, the event log's optimistic append, accounts, the audit chain. */
@Tag("slow")
class StoreTest {

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("SQLite", (Supplier<Database>) Databases::embedded),
                Arguments.of("PostgreSQL", (Supplier<Database>) Databases::postgres));
    }

    static Event.Recorded event(long seq) {
        return new Event.Recorded(seq, Instant.parse("2023-11-14T00:00:00Z").plusSeconds(seq),
                Instant.parse("2023-09-19T00:00:00Z").plusSeconds(seq), Actor.SYSTEM, new Event.MoveStarted("M" + seq));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eventLogAppendsInOrderAndRefusesARaceLoser(String name, Supplier<Database> open) throws Exception {
        try (Database db = open.get()) {
            new ExerciseRecords(db).create("ex", "t", "scenario: 1", "test");
            EventStore store = new EventStore(db);
            store.append("ex", 0, List.of(event(1), event(2)));
            assertThatThrownBy(() -> store.append("ex", 0, List.of(event(1)))).isInstanceOf(EventStore.Conflict.class);
            // Eight writers race to append sequence 3 after 2: exactly one wins, the others are told to retry.
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(pool.submit(() -> {
                    try {
                        store.append("ex", 2, List.of(event(3)));
                        return true;
                    } catch (EventStore.Conflict e) {
                        return false;
                    }
                }));
            }
            int wins = 0;
            for (Future<Boolean> f : tries) {
                wins += f.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(wins).isEqualTo(1);
            assertThat(store.load("ex")).extracting(Event.Recorded::sequence).containsExactly(1L, 2L, 3L);
            assertThat(store.load("ex").get(2)).isEqualTo(event(3));
        }
    }

    /**
     * One series of migrations with a variant per kind where SQL differs (V2's identity column): both kinds must end
     * with the same tables and columns in the same order, so that the variants cannot drift apart.
     */
    @org.junit.jupiter.api.Test
    void bothKindsOfDatabaseHaveTheSameSchema() {
        try (Database sqlite = Databases.embedded(); Database postgres = Databases.postgres()) {
            assertThat(columns(sqlite)).isEqualTo(columns(postgres)).containsKeys("events", "audit", "action_register");
        }
    }

    /** The embedded store's durability rests on these settings: every connection of the pool must have them. */
    @org.junit.jupiter.api.Test
    void theEmbeddedStoreSyncsEveryCommit() {
        try (Database db = Databases.embedded()) {
            for (int i = 0; i < 10; i++) { // several connections of the pool, not just the first
                java.util.Map<String, String> settings = db.read(c -> {
                    java.util.Map<String, String> pragmas = new java.util.LinkedHashMap<>();
                    for (String pragma : List.of("journal_mode", "synchronous", "foreign_keys", "busy_timeout")) {
                        try (var s = c.createStatement(); var r = s.executeQuery("PRAGMA " + pragma)) {
                            r.next();
                            pragmas.put(pragma, r.getString(1));
                        }
                    }
                    return pragmas;
                });
                assertThat(settings).containsExactly(java.util.Map.entry("journal_mode", "wal"), java.util.Map.entry("synchronous", "2"),
                        java.util.Map.entry("foreign_keys", "1"), java.util.Map.entry("busy_timeout", "5000"));
            }
        }
    }

    private static java.util.Map<String, List<String>> columns(Database db) {
        return db.read(c -> {
            java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
            try (var tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    String table = tables.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    String schema = tables.getString("TABLE_SCHEM");
                    if (table.startsWith("flyway_") || table.startsWith("sqlite_") || schema != null && !schema.equals("public")) {
                        continue;
                    }
                    List<String> names = new ArrayList<>();
                    try (var cols = c.getMetaData().getColumns(null, schema, tables.getString("TABLE_NAME"), "%")) {
                        while (cols.next()) {
                            names.add(cols.getInt("ORDINAL_POSITION") + ":" + cols.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                    names.sort(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.substring(0, n.indexOf(':')))));
                    out.put(table, names);
                }
            }
            return out;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void accountsAndAudit(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            Accounts accounts = new Accounts(db);
            accounts.create("alice", "Alice", "correct horse battery", false);
            assertThat(accounts.authenticate("alice", "correct horse battery")).isPresent();
            assertThat(accounts.authenticate("alice", "wrong password!")).isEmpty();
            assertThat(accounts.authenticate("nobody", "correct horse battery")).isEmpty();
            assertThatThrownBy(() -> accounts.create("alice", "A", "another password", false)).hasMessageContaining("already exists");
            assertThatThrownBy(() -> accounts.create("Bad Name", "A", "another password", false)).hasMessageContaining("username");
            accounts.setDisabled("alice", true);
            assertThat(accounts.authenticate("alice", "correct horse battery")).isEmpty();
            AuditLog audit = new AuditLog(db);
            for (int i = 0; i < 5; i++) {
                audit.record("alice", "login", "n" + i);
            }
            assertThat(audit.verify()).isEmpty();
            db.transaction(c -> c.createStatement().executeUpdate("DELETE FROM audit WHERE seq = 3"));
            assertThat(audit.verify()).contains("entry 3 is missing (found 4)");
        }
    }
}
