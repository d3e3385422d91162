package org.spacettx.app.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;

/**
 * The store's database: embedded SQLite in a file under the data directory by default, PostgreSQL for shared
 * deployments, the same Flyway migrations for both (a statement that must differ has a variant per kind, see
 * {@link #migrate}). Work is done in explicit transactions: {@link #transaction} for writes, {@link #read} for
 * reads.
 *
 * <p>Durability: a write transaction returns only after its commit is on stable storage. SQLite runs in WAL mode
 * with {@code synchronous=FULL}, so every commit fsyncs the write-ahead log before it returns; PostgreSQL's default
 * {@code synchronous_commit=on} does the same with its WAL. An acknowledged command therefore survives a kill of
 * the process and, on a disk that honours fsync, a power cut ({@code spacettx bench crash} measures the first).
 */
public final class Database implements AutoCloseable {

    /** The kinds of database SpaceTTX runs on. */
    public enum Kind {
        /** Embedded, one file in the data directory (xerial's sqlite-jdbc). */
        SQLITE("sqlite"),
        /** A PostgreSQL server. */
        POSTGRESQL("postgresql");

        private final String migrations;

        Kind(String migrations) {
            this.migrations = migrations;
        }

        /** The kind a JDBC URL names. */
        public static Kind of(String jdbcUrl) {
            if (jdbcUrl.startsWith("jdbc:sqlite:")) {
                return SQLITE;
            }
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("'" + jdbcUrl + "' is neither a jdbc:postgresql: nor a jdbc:sqlite: URL");
        }
    }

    /** A unit of work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** How long a request waits for a connection (or SQLite's write lock) before the store counts as unavailable. */
    static final long WAIT_MILLIS = 5_000;

    private final HikariDataSource dataSource;
    private final Kind kind;
    /** The data directory's lock of a server's embedded store (released when this closes), or null. */
    private final DataDirectoryLock lock;
    /** The writer lease's epoch this server's writes need (PostgreSQL with standbys), or -1 for none. */
    private volatile long fence = -1;

    private Database(HikariDataSource dataSource, Kind kind, DataDirectoryLock lock) {
        this.dataSource = dataSource;
        this.kind = kind;
        this.lock = lock;
    }

    /** The embedded database of a data directory. */
    public static String embeddedUrl(Path dataDirectory) {
        return "jdbc:sqlite:" + dataDirectory.toAbsolutePath().resolve(EMBEDDED_FILE);
    }

    /** The embedded database's file name in its data directory. */
    public static final String EMBEDDED_FILE = "spacettx.db";

    /**
     * Opens (and migrates) the embedded database of a data directory, first carrying over the H2 store an earlier
     * SpaceTTX kept there, if any ({@link H2Import}); {@code report} is told what was carried over.
     */
    public static Database embedded(Path dataDirectory, java.util.function.Consumer<String> report) {
        return embedded(dataDirectory, report, null);
    }

    /**
     * The embedded database of a data directory for its one server: as {@link #embedded(Path, java.util.function.Consumer)}
     * after taking the directory's {@link DataDirectoryLock}, which this database holds until it is closed (or the
     * process ends).
     *
     * @throws StoreException when another server holds the directory
     */
    public static Database embeddedForServer(Path dataDirectory, java.util.function.Consumer<String> report) {
        DataDirectoryLock lock = DataDirectoryLock.take(dataDirectory);
        try {
            return embedded(dataDirectory, report, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Database embedded(Path dataDirectory, java.util.function.Consumer<String> report, DataDirectoryLock lock) {
        boolean carryOver = H2Import.needed(dataDirectory);
        Database db = open(embeddedUrl(dataDirectory), null, null, lock, report);
        if (carryOver) {
            try {
                List<String> rows = H2Import.run(dataDirectory, db);
                report.accept("carried the earlier H2 store of " + dataDirectory + " over to " + EMBEDDED_FILE + " ("
                        + String.join(", ", rows) + " rows); the H2 file is kept as " + H2Import.H2_FILE + ".imported");
            } catch (RuntimeException e) {
                db.close();
                for (String suffix : List.of("", "-wal", "-shm")) {
                    try {
                        java.nio.file.Files.deleteIfExists(dataDirectory.resolve(EMBEDDED_FILE + suffix));
                    } catch (java.io.IOException ignored) {
                        // the next start finds the H2 store again and retries
                    }
                }
                throw e;
            }
        }
        return db;
    }

    /**
     * Opens (and migrates) a database; credentials may also be in the URL.
     *
     * @throws IllegalArgumentException when the URL is of no kind SpaceTTX runs on
     */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, null, message -> { });
    }

    /**
     * @param report told of a backup taken before the migration of an embedded store
     */
    private static Database open(String jdbcUrl, String user, String password, DataDirectoryLock lock,
                                 java.util.function.Consumer<String> report) {
        Kind kind = Kind.of(jdbcUrl);
        if (kind == Kind.SQLITE) {
            createFolderOf(jdbcUrl);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(8);
        config.setPoolName("spacettx");
        config.setConnectionTimeout(WAIT_MILLIS);
        if (kind == Kind.SQLITE) {
            // Transactions are begun explicitly (BEGIN IMMEDIATE for writes), so the driver stays in auto-commit.
            config.setAutoCommit(true);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", Long.toString(WAIT_MILLIS));
        } else {
            config.setAutoCommit(false);
        }
        HikariDataSource ds = new HikariDataSource(config);
        try {
            if (kind == Kind.SQLITE) {
                backUpBeforeMigrating(ds, jdbcUrl, report);
            }
            migrate(ds, kind);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, kind, lock);
    }

    /**
     * An embedded store that an earlier SpaceTTX made, and that this one's migrations would change, is first copied
     * whole ({@code VACUUM INTO}) beside itself as {@code spacettx.db.before-VERSION-TIME}: an upgrade that goes wrong
     * (or a version one goes back to) still has the store as it was.
     */
    private static void backUpBeforeMigrating(DataSource ds, String sqliteUrl, java.util.function.Consumer<String> report) {
        org.flywaydb.core.api.MigrationInfoService info = Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + Kind.SQLITE.migrations).load().info();
        org.flywaydb.core.api.MigrationInfo current = info.current();
        if (current == null || info.pending().length == 0) {
            return; // a new store, or one up to date
        }
        Path file = Path.of(sqliteUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", "")).toAbsolutePath();
        String stamp = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace(":", "");
        Path copy = file.resolveSibling(file.getFileName() + ".before-V" + current.getVersion() + "-" + stamp);
        try (Connection c = ds.getConnection(); var s = c.prepareStatement("VACUUM INTO ?")) {
            s.setString(1, copy.toString());
            s.execute();
        } catch (SQLException e) {
            throw new StoreException("cannot back up " + file + " before migrating it: " + e.getMessage());
        }
        report.accept("backed up the store (schema version " + current.getVersion() + ") to " + copy.getFileName()
                + " before migrating it to version " + info.pending()[info.pending().length - 1].getVersion());
    }

    /** The folder of an embedded database's file, made if it is missing (SQLite makes the file, not its folder). */
    private static void createFolderOf(String sqliteUrl) {
        Path file = Path.of(sqliteUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", ""));
        Path folder = file.toAbsolutePath().getParent();
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder " + folder + " of the database: " + e.getMessage());
        }
    }

    /**
     * Brings a database's schema up to date (also what {@code spacettx db migrate} does). The migrations are one
     * series in {@code db/migration/common}; where a statement cannot be written for both kinds (an identity
     * column), that version has one file per kind in {@code db/migration/sqlite} and {@code db/migration/postgresql},
     * and a test checks that both kinds end with the same tables and columns.
     */
    public static int migrate(DataSource ds, Kind kind) {
        return Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + kind.migrations)
                .load().migrate().migrationsExecuted;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Fences every later write transaction with the writer lease's {@code epoch} ({@link WriterLease}): each one first
     * reads the lease's row (FOR SHARE, so that a server taking over waits for it to end) and writes only while the
     * epoch is still this one, else fails with {@link StoreException.NotActive} and writes nothing.
     */
    public void fence(long epoch) {
        if (kind != Kind.POSTGRESQL) {
            throw new IllegalStateException("the writer lease is for a shared PostgreSQL database");
        }
        this.fence = epoch;
    }

    /** Runs {@code work} in a write transaction and commits it; rolls back when it throws. */
    public <T> T transaction(Work<T> work) {
        return run(work, true);
    }

    /** Runs {@code work} in a read transaction (one consistent snapshot; SQLite takes no write lock). */
    public <T> T read(Work<T> work) {
        return run(work, false);
    }

    /** Runs {@code work} on a connection outside any transaction (for statements that cannot run in one: VACUUM). */
    <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private <T> T run(Work<T> work, boolean write) {
        try (Connection c = dataSource.getConnection()) {
            if (kind == Kind.SQLITE) {
                return sqlite(c, work, write);
            }
            try {
                if (write && fence >= 0) {
                    checkFence(c, fence);
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c::rollback);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static void checkFence(Connection c, long epoch) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("SELECT epoch, holder FROM writer_lease WHERE id = 1 FOR SHARE")) {
            r.next();
            if (r.getLong(1) != epoch) {
                throw new StoreException.NotActive("this server is no longer the active one (" + r.getString(2)
                        + " took over the database); send the request to it");
            }
        }
    }

    private static <T> T sqlite(Connection c, Work<T> work, boolean write) throws SQLException {
        try (Statement s = c.createStatement()) {
            // IMMEDIATE takes the write lock at the start, so that a transaction that reads and then writes cannot
            // fail half-way because another one wrote in between; readers never wait for it (WAL).
            s.execute(write ? "BEGIN IMMEDIATE" : "BEGIN");
            try {
                T result = work.run(c);
                s.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(() -> s.execute("ROLLBACK"));
                throw e;
            }
        }
    }

    private interface Rollback {
        void run() throws SQLException;
    }

    private static void rollbackQuietly(Rollback rollback) {
        try {
            rollback.run();
        } catch (SQLException ignored) {
            // the transaction is gone already (connection lost, or the database rolled it back itself)
        }
    }

    @Override
    public void close() {
        dataSource.close();
        if (lock != null) {
            lock.close();
        }
    }
}
