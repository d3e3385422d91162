package org.spacettx.app.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A database failure. {@link #isConflict()} when it is a duplicate key (someone else appended first);
 * {@link #isUnavailable()} when the database could not be reached or was busy past the wait, so that the request
 * may be tried again later.
 */
public class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /**
     * This server no longer holds the writer lease of its shared database: another server took over, and nothing was
     * written. The request may be sent to the active server.
     */
    public static final class NotActive extends StoreException {
        public NotActive(String message) {
            super(message);
        }

        @Override
        public boolean isUnavailable() {
            return true;
        }
    }

    /** A unique or primary-key violation: SQLSTATE 23505 in PostgreSQL, a constraint result code in SQLite. */
    public boolean isConflict() {
        if (getCause() instanceof SQLiteException s) {
            return s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                    || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
        }
        return getCause() instanceof SQLException s && "23505".equals(s.getSQLState());
    }

    /**
     * The database is away or overloaded rather than the request wrong: no connection within the wait (the pool's
     * timeout), a connection failure (SQLSTATE class 08), a server shutting down or restarting (57P01 to 57P03), or
     * SQLite's lock still held after its busy timeout.
     */
    public boolean isUnavailable() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLiteException s) {
                return s.getResultCode() == SQLiteErrorCode.SQLITE_BUSY || s.getResultCode() == SQLiteErrorCode.SQLITE_LOCKED;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
