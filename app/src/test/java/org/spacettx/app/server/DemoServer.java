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

    /** On a temporary store of its own (for a test class), the demo exercise started or not. */
    static DemoServer ofItsOwn(String password, boolean started) throws Exception {
        Database db = org.spacettx.app.store.Databases.embedded();
        org.spacettx.app.cli.DemoAccess.prepare(db, password);
        DemoServer demo = new DemoServer(db, Server.start(db, Server.Options.local(0)), password);
        if (started) {
            assertThat(demo.as("control").command("rok-us-space-ttx", "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
        }
        return demo;
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
