package org.spacettx.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The two databases SpaceTTX supports, for tests: embedded H2 in a temporary directory, and a real PostgreSQL
 * server (PostgreSQL 18 binaries from Maven Central, started once per test run).
 */
public final class Databases {

    private static EmbeddedPostgres postgres;
    private static int counter;

    private Databases() {
    }

    public static Database h2() {
        try {
            Path dir = Files.createTempDirectory("spacettx-h2");
            return Database.open(Database.embeddedUrl(dir), "sa", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh, empty PostgreSQL database on the shared server. */
    public static synchronized Database postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                }));
            }
            String name = "spacettx_" + (++counter);
            try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return Database.open(postgres.getJdbcUrl("postgres", name), "postgres", null);
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
