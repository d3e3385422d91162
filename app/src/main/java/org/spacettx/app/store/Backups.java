package org.spacettx.app.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Backups of the embedded store. A backup is SQLite's {@code VACUUM INTO}: one consistent snapshot of the whole
 * database, taken online (writers go on; the snapshot holds every transaction committed before it began and none
 * after), written beside the target and moved into place only when complete and synced. A restore checks the file
 * (SQLite's integrity check, SpaceTTX's tables), refuses while a server runs on the directory, and keeps the store
 * it replaces. PostgreSQL has its own tools for this ({@code pg_dump}, {@code pg_restore}; see docs/server.md).
 */
public final class Backups {

    private Backups() {
    }

    /** What a backup or restore holds: its events and audit entries, for the message. */
    public record Summary(long exercises, long events, long auditEntries, long bytes) {
        @Override
        public String toString() {
            return exercises + " exercises, " + events + " events, " + auditEntries + " audit entries, " + bytes + " bytes";
        }
    }

    /** Writes a consistent snapshot of the embedded database to {@code file} (which must not exist yet). */
    public static Summary backup(Database db, Path file) {
        if (db.kind() != Database.Kind.SQLITE) {
            throw new StoreException("'db backup' is for the embedded store; back PostgreSQL up with pg_dump (see docs/server.md)");
        }
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw new StoreException(target + " exists already; a backup never overwrites a file");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(partial);
            db.withConnection(c -> {
                try (var s = c.prepareStatement("VACUUM INTO ?")) {
                    s.setString(1, partial.toString());
                    s.execute();
                }
                return null;
            });
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                out.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot write the backup " + target + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing left to clean
            }
        }
        return check(target);
    }

    /**
     * Replaces the embedded store of {@code dataDirectory} with a backup, after checking it; the store it replaces
     * is kept as {@code spacettx.db.replaced-TIME}. Refused while a server runs on the directory.
     */
    public static Summary restore(Path backup, Path dataDirectory) {
        Summary summary = check(backup.toAbsolutePath());
        try (DataDirectoryLock lock = DataDirectoryLock.take(dataDirectory)) {
            Path store = dataDirectory.resolve(Database.EMBEDDED_FILE);
            if (Files.exists(store)) {
                // open and close once, so that SQLite folds its write-ahead log into the file being set aside
                Database.open(Database.embeddedUrl(dataDirectory), null, null).close();
                String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
                Files.move(store, dataDirectory.resolve(Database.EMBEDDED_FILE + ".replaced-" + stamp));
            }
            for (String suffix : List.of("-wal", "-shm")) {
                Files.deleteIfExists(dataDirectory.resolve(Database.EMBEDDED_FILE + suffix));
            }
            Path partial = dataDirectory.resolve(Database.EMBEDDED_FILE + ".restoring");
            Files.copy(backup, partial, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                out.force(true);
            }
            Files.move(partial, store, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot restore " + backup + " into " + dataDirectory + ": " + e.getMessage());
        }
        return summary;
    }

    /** Whether a file is a sound SpaceTTX store: SQLite's integrity check passes and SpaceTTX's tables are there. */
    static Summary check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file + ": no such file");
        }
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = readOnly.createConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                String result = r.next() ? r.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw new StoreException(file + ": is damaged (SQLite integrity check: " + result + ")");
                }
            }
            return new Summary(count(s, "exercises"), count(s, "events"), count(s, "audit"), Files.size(file));
        } catch (SQLException e) {
            throw new StoreException(file + ": is not a SpaceTTX store (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new StoreException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
