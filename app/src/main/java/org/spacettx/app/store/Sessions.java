package org.spacettx.app.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signed-in sessions, kept in the database: a restart or a standby taking over keeps everyone signed in, and every
 * server on one database knows them. A sign-in always creates a new session token (no session fixation) and a CSRF
 * token that every state-changing request must echo in the {@code X-CSRF-Token} header. The table holds each token
 * only as its SHA-256. A session ends at sign-out, after {@link #IDLE_TIMEOUT} unused, and when its account gets a
 * new password or is disabled ({@link Accounts} deletes its sessions in the same transaction).
 */
public final class Sessions {

    public record Session(String token, String username, String csrfToken, Instant lastSeen) {
    }

    static final Duration IDLE_TIMEOUT = Duration.ofHours(12);
    /** How stale a session's last use may be written: at most one write a minute per session, not one a request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;

    public Sessions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Session create(String username) {
        Session s = new Session(token(), username, token(), clock.instant());
        db.transaction(c -> {
            // sessions long unused go when new ones come
            try (PreparedStatement d = c.prepareStatement("DELETE FROM sessions WHERE last_seen < ?")) {
                SqlValues.setInstant(d, 1, s.lastSeen().minus(IDLE_TIMEOUT));
                d.executeUpdate();
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO sessions (token_hash, username, csrf_token, created_at, last_seen)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
                i.setString(1, hash(s.token()));
                i.setString(2, username);
                i.setString(3, s.csrfToken());
                SqlValues.setInstant(i, 4, s.lastSeen());
                SqlValues.setInstant(i, 5, s.lastSeen());
                i.executeUpdate();
            }
            return null;
        });
        return s;
    }

    /** The session of a token, if it is live (and its last use noted). */
    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String key = hash(token);
        Optional<Session> found = db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT username, csrf_token, last_seen FROM sessions WHERE token_hash = ?")) {
                s.setString(1, key);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Session(token, r.getString(1), r.getString(2), SqlValues.instant(r, 3)))
                            : Optional.empty();
                }
            }
        });
        if (found.isEmpty()) {
            return found;
        }
        Instant now = clock.instant();
        Session s = found.get();
        if (Duration.between(s.lastSeen(), now).compareTo(IDLE_TIMEOUT) > 0) {
            remove(token);
            return Optional.empty();
        }
        if (Duration.between(s.lastSeen(), now).compareTo(TOUCH_EVERY) > 0) {
            db.transaction(c -> {
                try (PreparedStatement u = c.prepareStatement("UPDATE sessions SET last_seen = ? WHERE token_hash = ?")) {
                    SqlValues.setInstant(u, 1, now);
                    u.setString(2, key);
                    return u.executeUpdate();
                }
            });
        }
        return Optional.of(new Session(token, s.username(), s.csrfToken(), now));
    }

    public void remove(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return;
        }
        db.transaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
                d.setString(1, hash(token));
                return d.executeUpdate();
            }
        });
    }

    /** The number of live sessions of an account. */
    public int count(String username) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM sessions WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
