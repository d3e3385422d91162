package org.spacettx.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The two databases SpaceTTX supports, for tests: the embedded SQLite store in a temporary directory, and a real PostgreSQL
 * server (PostgreSQL 18 binaries from Maven Central, started once per test run).
 */
public final class Databases {

    private static EmbeddedPostgres postgres;
    private static int counter;

    private Databases() {
    }

    public static Database embedded() {
        try {
            Path dir = Files.createTempDirectory("spacettx-embedded");
            return Database.open(Database.embeddedUrl(dir), "sa", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh, empty PostgreSQL database on the shared server. */
    public static Database postgres() {
        return Database.open(postgresUrl(), POSTGRES_USER, null);
    }

    /** The user of the shared PostgreSQL server (no password: the server trusts local connections). */
    public static final String POSTGRES_USER = "postgres";

    /** The JDBC URL of a fresh, empty database on the shared PostgreSQL server (started on first use). */
    public static synchronized String postgresUrl() {
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
            return postgres.getJdbcUrl(POSTGRES_USER, name);
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
