package org.spacettx.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.sqlite.SQLiteConnection;

/**
 * Binds and reads the values whose storage differs between the two kinds of database: instants and dates.
 * PostgreSQL has {@code timestamptz} and {@code date}; SQLite has no such types, so they are stored as ISO-8601
 * text that sorts as time does (instants always with nine fraction digits, in UTC), never in the JVM's time zone.
 */
final class SqlValues {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private SqlValues() {
    }

    static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (sqlite(s.getConnection())) {
            s.setString(index, INSTANT.format(value));
        } else {
            s.setTimestamp(index, Timestamp.from(value));
        }
    }

    static Instant instant(ResultSet r, int index) throws SQLException {
        if (sqlite(r.getStatement().getConnection())) {
            String text = r.getString(index);
            return text == null ? null : Instant.parse(text);
        }
        Timestamp t = r.getTimestamp(index);
        return t == null ? null : t.toInstant();
    }

    static void setDate(PreparedStatement s, int index, LocalDate value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DATE);
        } else if (sqlite(s.getConnection())) {
            s.setString(index, value.toString());
        } else {
            s.setObject(index, value);
        }
    }

    static LocalDate date(ResultSet r, int index) throws SQLException {
        if (sqlite(r.getStatement().getConnection())) {
            String text = r.getString(index);
            return text == null ? null : LocalDate.parse(text);
        }
        return r.getObject(index, LocalDate.class);
    }

    private static boolean sqlite(Connection c) throws SQLException {
        return c.isWrapperFor(SQLiteConnection.class);
    }
}
