package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.spacettx.app.store.Database;

/** A server on the embedded store of a folder, with the demo exercise and accounts (one password for all), for tests. */
record DemoServer(Database db, Server server, String password) implements AutoCloseable {

    static DemoServer start(Path dir, String password) throws Exception {
        return start(dir, password, Server.Options.local(0));
    }

    static DemoServer start(Path dir, String password, Server.Options options) throws Exception {
        Database db = Database.open(Database.embeddedUrl(dir), null, null);
        org.spacettx.app.cli.DemoAccess.prepare(db, password);
        return new DemoServer(db, Server.start(db, options), password);
    }

    /** A demo user, logged in. */
    ApiClient as(String user) {
        ApiClient c = new ApiClient(server.port());
        assertThat(c.login(user, password).status()).isEqualTo(200);
        return c;
    }

    /** The audit trail as "action detail" lines, oldest first. */
    java.util.List<String> auditActions() {
        return new org.spacettx.app.store.AuditLog(db).entries().stream().map(e -> e.action() + " " + e.detail()).toList();
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
