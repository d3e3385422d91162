package org.spacettx.app.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;

/**
 * The store's database: embedded H2 in a file under the data directory by default, PostgreSQL for shared
 * deployments, the same Flyway migrations for both. Work is done in explicit transactions.
 */
public final class Database implements AutoCloseable {

    /** A unit of work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /**
     * The embedded database of a data directory. WRITE_DELAY=0 makes H2 write every commit to its file before the
     * commit returns, so that a killed process loses no acknowledged command.
     */
    public static String embeddedUrl(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("spacettx")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    /** Opens (and migrates) a database; credentials may also be in the URL. */
    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(8);
        config.setAutoCommit(false);
        config.setPoolName("spacettx");
        HikariDataSource ds = new HikariDataSource(config);
        migrate(ds);
        return new Database(ds, jdbcUrl.startsWith("jdbc:postgresql:"));
    }

    /** Brings a database's schema up to date (also what {@code spacettx db migrate} does). */
    public static int migrate(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate().migrationsExecuted;
    }

    public boolean isPostgres() {
        return postgres;
    }

    public <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
