package org.spacettx.app.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Which of several servers on one PostgreSQL database is the active one, the database being the arbiter: the
 * holder of a session-level advisory lock, taken on a connection of its own (not the pool's), which PostgreSQL
 * releases the moment that session ends — the process killed, the connection cut, the backend terminated. Taking the
 * lease also raises the epoch in {@code writer_lease}; the holder's {@link Database} is fenced with it, so that every
 * write transaction checks it still holds the latest epoch before it writes ({@link Database#fence}). A server that
 * lost the lease can then never write beside the one that took over, whatever it still believes.
 */
public final class WriterLease implements AutoCloseable {

    /** The advisory lock's key: "SPACETTX" in ASCII. */
    static final long LOCK_KEY = 0x5350414345545458L;

    private final String url;
    private final String user;
    private final String password;
    private final String holder;
    private Connection lock;
    private long epoch = -1;

    public WriterLease(String url, String user, String password, String holder) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.holder = holder;
    }

    /**
     * Takes the lease if it is free: the advisory lock, then the next epoch. Answers the epoch, or -1 when another
     * server holds it.
     *
     * @throws StoreException when the database cannot be reached (nobody can take the lease then)
     */
    public synchronized long tryAcquire() {
        release();
        Connection c;
        try {
            c = connect();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        try {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, LOCK_KEY);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (!r.getBoolean(1)) {
                        c.close();
                        return -1;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE writer_lease SET epoch = epoch + 1, holder = ?, since = now()"
                    + " WHERE id = 1 RETURNING epoch")) {
                s.setString(1, holder);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    epoch = r.getLong(1);
                }
            }
            lock = c;
            return epoch;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the session goes either way
            }
            throw new StoreException(e);
        }
    }

    /** Takes the lease, waiting as long as another server holds it; {@code waiting} runs once if it has to wait. */
    public long acquire(Duration poll, Runnable waiting) throws InterruptedException {
        boolean told = false;
        while (true) {
            long e;
            try {
                e = tryAcquire();
            } catch (StoreException unreachable) {
                e = -1; // the database is away: nobody holds the lease then; wait for it
            }
            if (e >= 0) {
                return e;
            }
            if (!told) {
                waiting.run();
                told = true;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** Whether the lease is still held: the lock's session answers (within a few seconds). */
    public synchronized boolean held() {
        if (lock == null) {
            return false;
        }
        try (PreparedStatement s = lock.prepareStatement("SELECT 1")) {
            s.setQueryTimeout(3);
            s.executeQuery().close();
            return true;
        } catch (SQLException e) {
            release();
            return false;
        }
    }

    /** The epoch taken with the lease (-1 before). */
    public synchronized long epoch() {
        return epoch;
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        // a cut network must not hang the check: the session counts as lost after a few seconds without an answer
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "10");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "spacettx writer lease");
        Connection c = DriverManager.getConnection(url, p);
        c.setAutoCommit(true);
        return c;
    }

    private void release() {
        if (lock != null) {
            try {
                lock.close(); // ends the session: PostgreSQL releases the advisory lock with it
            } catch (SQLException ignored) {
                // gone already
            }
            lock = null;
        }
    }

    @Override
    public synchronized void close() {
        release();
    }
}
