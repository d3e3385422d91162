package org.spacettx.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Carries a data directory of an earlier SpaceTTX, whose embedded store was H2 ({@code spacettx.mv.db}), over to
 * the embedded store of this one (SQLite, {@code spacettx.db}): every row of every table, in one transaction, after
 * which the H2 file is renamed {@code spacettx.mv.db.imported} (kept, never deleted). H2 was given up because it
 * acknowledged commits it had not written (see "What each store promises" in docs/server.md).
 */
public final class H2Import {

    /** The earlier embedded store's file in a data directory. */
    public static final String H2_FILE = "spacettx.mv.db";

    /** The tables in an order that respects their references. */
    private static final List<String> TABLES = List.of("users", "exercises", "memberships", "events", "audit",
            "action_register", "action_register_history");

    private H2Import() {
    }

    /** Whether the directory holds an H2 store and no embedded store of this version yet. */
    public static boolean needed(Path dataDirectory) {
        return Files.isRegularFile(dataDirectory.resolve(H2_FILE)) && !Files.exists(dataDirectory.resolve(Database.EMBEDDED_FILE));
    }

    /**
     * Copies the H2 store of {@code dataDirectory} into {@code target} (freshly migrated, empty) and renames the H2
     * file; returns the rows copied per table.
     */
    public static List<String> run(Path dataDirectory, Database target) {
        String url = "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("spacettx")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r";
        List<String> copied = new ArrayList<>();
        try (Connection h2 = DriverManager.getConnection(url, "sa", "")) {
            target.transaction(c -> {
                for (String table : TABLES) {
                    copied.add(table + " " + copy(h2, c, table));
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot read the earlier H2 store " + dataDirectory.resolve(H2_FILE) + ": " + e.getMessage());
        }
        try {
            Files.move(dataDirectory.resolve(H2_FILE), dataDirectory.resolve(H2_FILE + ".imported"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("imported, but cannot rename " + dataDirectory.resolve(H2_FILE) + ": " + e.getMessage());
        }
        return Collections.unmodifiableList(copied);
    }

    private static int copy(Connection from, Connection to, String table) throws SQLException {
        int rows = 0;
        try (PreparedStatement select = from.prepareStatement("SELECT * FROM " + table);
             ResultSet r = select.executeQuery()) {
            ResultSetMetaData meta = r.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int k = 1; k <= meta.getColumnCount(); k++) {
                columns.add(meta.getColumnName(k).toLowerCase(java.util.Locale.ROOT));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement s = to.prepareStatement(insert)) {
                while (r.next()) {
                    for (int k = 1; k <= columns.size(); k++) {
                        switch (meta.getColumnType(k)) {
                            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                                OffsetDateTime t = r.getObject(k, OffsetDateTime.class);
                                if (t == null) {
                                    s.setNull(k, Types.VARCHAR);
                                } else {
                                    SqlValues.setInstant(s, k, t.toInstant());
                                }
                            }
                            case Types.DATE -> SqlValues.setDate(s, k, r.getObject(k, LocalDate.class));
                            case Types.CLOB, Types.NCLOB, Types.LONGVARCHAR -> s.setString(k, r.getString(k));
                            default -> s.setObject(k, r.getObject(k));
                        }
                    }
                    s.executeUpdate();
                    rows++;
                }
            }
        }
        return rows;
    }
}
