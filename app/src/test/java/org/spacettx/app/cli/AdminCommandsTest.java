package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

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
        assertThat(CliRun.of("users", "list", "--data-dir", d, "--format", "csv").out()).contains("alice,Alice Kim,true,false");
        assertThat(CliRun.of("users", "disable", "alice", "--data-dir", d).exitCode()).isZero();
        assertThat(CliRun.of("users", "passwd", "alice", "--data-dir", d).out()).startsWith("new password for alice: ");
        assertThat(CliRun.of("users", "disable", "nobody", "--data-dir", d).err()).contains("no user 'nobody'");
        CliRun verify = CliRun.of("audit", "verify", "--data-dir", d);
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("audit log intact: 3 entries");
        try (Database db = Database.open(Database.embeddedUrl(dir), "sa", "")) {
            db.transaction(c -> c.createStatement().executeUpdate("UPDATE audit SET username = 'mallory' WHERE seq = 2"));
        }
        CliRun broken = CliRun.of("audit", "verify", "--data-dir", d);
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("audit log BROKEN: entry 2 was changed");
    }
}
