package org.spacettx.app.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The audit log: logins, failed logins, releases, reveals, exports, administrative changes. Each entry's hash covers
 * the previous entry's hash and its own fields, so changing, removing or reordering entries breaks the chain, which
 * {@link #verify()} finds.
 */
public final class AuditLog {

    public record Entry(long seq, Instant at, String username, String action, String detail, String previousHash, String hash) {
    }

    static final String GENESIS = "0".repeat(64);

    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    /** Longest username and action kept (their columns' size); longer ones, which only a hostile caller sends, are cut. */
    static final int MAX_NAME = 64;

    /**
     * Appends an entry. A username or action longer than {@value #MAX_NAME} characters is cut to fit, with its full
     * length noted, so that even a hostile login attempt is recorded rather than failing.
     */
    public synchronized void record(String username, String action, String detail) {
        String who = fit(username);
        String what = fit(action);
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        db.transaction(c -> {
            long seq = 1;
            String previous = GENESIS;
            try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
                 ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    seq = r.getLong(1) + 1;
                    previous = r.getString(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO audit (seq, at, username, action, detail, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, seq);
                SqlValues.setInstant(s, 2, at);
                s.setString(3, who);
                s.setString(4, what);
                s.setString(5, detail);
                s.setString(6, previous);
                s.setString(7, hash(previous, seq, at, who, what, detail));
                s.executeUpdate();
            }
            return null;
        });
    }

    private static String fit(String text) {
        if (text.length() <= MAX_NAME) {
            return text;
        }
        String note = "...(" + text.length() + " chars)";
        return text.substring(0, MAX_NAME - note.length()) + note;
    }

    public List<Entry> entries() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, at, username, action, detail, prev_hash, hash FROM audit ORDER BY seq");
                 ResultSet r = s.executeQuery()) {
                List<Entry> out = new ArrayList<>();
                while (r.next()) {
                    out.add(new Entry(r.getLong(1), SqlValues.instant(r, 2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7)));
                }
                return out;
            }
        });
    }

    /** The first entry where the chain breaks, with why; empty when the whole log is intact. */
    public Optional<String> verify() {
        String previous = GENESIS;
        long expectedSeq = 1;
        for (Entry e : entries()) {
            if (e.seq() != expectedSeq) {
                return Optional.of("entry " + expectedSeq + " is missing (found " + e.seq() + ")");
            }
            if (!e.previousHash().equals(previous)) {
                return Optional.of("entry " + e.seq() + " does not follow entry " + (e.seq() - 1));
            }
            if (!e.hash().equals(hash(previous, e.seq(), e.at(), e.username(), e.action(), e.detail()))) {
                return Optional.of("entry " + e.seq() + " was changed");
            }
            previous = e.hash();
            expectedSeq++;
        }
        return Optional.empty();
    }

    static String hash(String previous, long seq, Instant at, String username, String action, String detail) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            String text = previous + "|" + seq + "|" + at + "|" + username + "|" + action + "|" + detail;
            return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
