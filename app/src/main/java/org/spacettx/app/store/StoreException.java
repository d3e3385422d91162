package org.spacettx.app.store;

import java.sql.SQLException;

/** A database failure; {@link #isConflict()} when it is a duplicate key (someone else appended first). */
public class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /** SQLSTATE 23505 (unique violation), the same in H2 and PostgreSQL. */
    public boolean isConflict() {
        return getCause() instanceof SQLException s && "23505".equals(s.getSQLState());
    }
}
