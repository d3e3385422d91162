package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.Database;

/** The administrators' commands on an embedded database. */
class AdminCommandsTest {

    @Test
    void usersDbAndAudit(@TempDir Path dir) throws Exception {
        String d = dir.toString();
        assertThat(CliRun.of("db", "migrate", "--data-dir", d).out()).contains("up to date");
        CliRun add = CliRun.of("users", "add", "alice", "--name", "Alice Kim", "--admin", "--data-dir", d);
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).matches("(?s)created alice with password [a-zA-Z0-9]{16}\\s*");
        CliRun dup = CliRun.of("users", "add", "alice", "--data-dir", d);
        assertThat(dup.exitCode()).isEqualTo(2);
        assertThat(dup.err()).contains("user 'alice' already exists");
        assertThat(CliRun.of("users", "add", "Bad Name", "--data-dir", d).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("users", "list", "--data-dir", d, "--format", "csv").out()).contains("alice,Alice Kim,true,false,false");
        assertThat(CliRun.of("users", "add", "park.planner", "--planner", "--data-dir", d).exitCode()).isZero();
        assertThat(CliRun.of("users", "list", "--data-dir", d, "--format", "csv").out()).contains("park.planner,park.planner,false,true,false");
        // a whole catalog (past the browser's 2 MB) kept for the workspace's search
        Path leo = org.spacettx.orbit.SharedData.path("catalog/spacetrack-3le-leo-2026-06-10.txt");
        CliRun stored = CliRun.of("catalog", "store", leo.toString(), "--name", "Space-Track LEO 2026-06-10", "--data-dir", d);
        assertThat(stored.exitCode()).as(stored.err()).isZero();
        assertThat(stored.out()).startsWith("stored space-track-leo-2026-06-10: ");
        try (var db = org.spacettx.app.store.Database.embedded(dir, x -> { })) {
            assertThat(new org.spacettx.app.store.Catalogs(db).list()).extracting(org.spacettx.app.store.Catalogs.Listed::name)
                    .containsExactly("Space-Track LEO 2026-06-10");
        }
        Path junk = dir.resolve("junk.txt");
        java.nio.file.Files.writeString(junk, "not a catalog");
        CliRun refused = CliRun.of("catalog", "store", junk.toString(), "--data-dir", d);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("junk.txt").contains("no element set could be read");
        assertThat(CliRun.of("users", "disable", "alice", "--data-dir", d).exitCode()).isZero();
        assertThat(CliRun.of("users", "passwd", "alice", "--data-dir", d).out()).startsWith("new password for alice: ");
        assertThat(CliRun.of("users", "disable", "nobody", "--data-dir", d).err()).contains("no user 'nobody'");
        CliRun verify = CliRun.of("audit", "verify", "--data-dir", d);
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("audit log intact: 5 entries");
        try (Database db = Database.open(Database.embeddedUrl(dir), "sa", "")) {
            db.transaction(c -> c.createStatement().executeUpdate("UPDATE audit SET username = 'mallory' WHERE seq = 2"));
        }
        CliRun broken = CliRun.of("audit", "verify", "--data-dir", d);
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("audit log BROKEN: entry 2 was changed");
    }

    @Test
    void theActionRegisterIsListedExportedAndUpdated(@TempDir Path dir) throws Exception {
        String d = dir.toString();
        try (Database db = Database.open(Database.embeddedUrl(dir), "sa", "")) {
            DemoAccess.prepare(db, "test-password-42");
            var register = new org.spacettx.app.store.ActionRegister(db);
            java.time.Instant at = java.time.Instant.parse("2026-11-30T09:00:00Z");
            register.fromExercise("rok-us-space-ttx", 7, at, "kor1", new org.spacettx.exercise.engine.Item.ActionItem("AI1",
                    "Warning procedure, \"combined\"", "KOR", java.time.LocalDate.of(2027, 1, 31), "open", java.util.List.of(), "M4", 24),
                    "Warning procedure, \"combined\"", "KOR", java.time.LocalDate.of(2027, 1, 31), "open");
            register.fromExercise("rok-us-space-ttx", 8, at, "usa1", new org.spacettx.exercise.engine.Item.ActionItem("AI2",
                    "SDA data sharing", "USA", null, "open", java.util.List.of(), "M4", null), "SDA data sharing", "USA", null, "open");
            register.fromExercise("rok-us-space-ttx", 9, at, "usa1", new org.spacettx.exercise.engine.Item.ActionItem("AI3",
                    "=HYPERLINK(\"http://x\")", "USA", null, "dropped", java.util.List.of(), "M4", null),
                    "=HYPERLINK(\"http://x\")", "USA", null, "dropped");
            // the same event again (a restart re-reads the log): nothing new
            register.fromExercise("rok-us-space-ttx", 8, at, "usa1", new org.spacettx.exercise.engine.Item.ActionItem("AI2",
                    "SDA data sharing", "USA", null, "open", java.util.List.of(), "M4", null), "SDA data sharing", "USA", null, "open");
        }
        CliRun list = CliRun.of("register", "list", "--data-dir", d);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines().toList()).hasSize(4);
        assertThat(list.out()).contains("M4 #24").contains("2027-01-31");
        CliRun update = CliRun.of("register", "update", "1", "--status", "done", "--note", "adopted", "--by", "secretariat",
                "--data-dir", d);
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).contains("1 AI1 done due 2027-01-31");
        CliRun csv = CliRun.of("register", "list", "--data-dir", d, "--format", "csv", "--status", "done");
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("1,rok-us-space-ttx,\"ROK-US Space Tabletop Exercise (demo)\",AI1,M4,24,"
                + "\"Warning procedure, \"\"combined\"\"\",KOR,2027-01-31,done,")
                .contains("kor1: open due 2027-01-31 | ").contains("secretariat: done due 2027-01-31 [adopted]");
        assertThat(CliRun.of("register", "list", "--data-dir", d, "--status", "open", "--format", "csv").out().lines())
                .hasSize(2).last().asString().contains("AI2");
        assertThat(CliRun.of("register", "list", "--data-dir", d, "--nation", "KOR", "--format", "json").out())
                .contains("\"item\":\"AI1\"").doesNotContain("AI2");
        // a title a spreadsheet would run as a formula stays text
        assertThat(CliRun.of("register", "list", "--data-dir", d, "--format", "csv", "--status", "dropped").out())
                .contains(",\"'=HYPERLINK(\"\"http://x\"\")\",").doesNotContain(",\"=HYPERLINK");
        CliRun bad = CliRun.of("register", "update", "1", "--status", "finished", "--data-dir", d);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("status is one of open, in-progress, done, dropped");
        assertThat(CliRun.of("register", "update", "99", "--status", "done", "--data-dir", d).err()).contains("no register entry 99");
        assertThat(CliRun.of("register", "list", "--data-dir", d, "--status", "closed").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("audit", "verify", "--data-dir", d).exitCode()).isZero();
    }
}
