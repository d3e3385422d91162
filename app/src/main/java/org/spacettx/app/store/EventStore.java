package org.spacettx.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.EventFormat;

/** The append-only log of each exercise's events. */
public final class EventStore {

    /** Another command appended first: reload and try again. */
    public static final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    /**
     * The answer given to a command sent with an {@code Idempotency-Key}: kept with the command's events, so that a
     * retry of the same key by the same user gets it again.
     *
     * @param fingerprint the command as sent, hashed: a key reused for another command is refused
     */
    public record Receipt(String username, String key, String fingerprint, String answer) {
    }

    private final Database db;

    public EventStore(Database db) {
        this.db = db;
    }

    public List<Event.Recorded> load(String exerciseId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT body FROM events WHERE exercise_id = ? ORDER BY seq")) {
                s.setString(1, exerciseId);
                List<Event.Recorded> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(EventFormat.read(r.getString(1)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Appends events in one transaction, provided the log still ends at {@code expectedLastSequence}.
     *
     * @throws Conflict when another append came first
     */
    public void append(String exerciseId, long expectedLastSequence, List<Event.Recorded> events) {
        append(exerciseId, expectedLastSequence, events, null);
    }

    /** The receipt of a command sent with an idempotency key, if one was stored. */
    public java.util.Optional<Receipt> receipt(String exerciseId, String username, String key) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT fingerprint, answer FROM command_receipts"
                    + " WHERE exercise_id = ? AND username = ? AND idem_key = ?")) {
                s.setString(1, exerciseId);
                s.setString(2, username);
                s.setString(3, key);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? java.util.Optional.of(new Receipt(username, key, r.getString(1), r.getString(2)))
                            : java.util.Optional.empty();
                }
            }
        });
    }

    /**
     * Appends events and, when given, the command's receipt, in one transaction, provided the log still ends at
     * {@code expectedLastSequence}: the receipt is stored if and only if the events are.
     *
     * @throws Conflict when another append came first
     */
    public void append(String exerciseId, long expectedLastSequence, List<Event.Recorded> events, Receipt receipt) {
        if (events.isEmpty()) {
            return;
        }
        try {
            db.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM events WHERE exercise_id = ?")) {
                    s.setString(1, exerciseId);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        long last = r.getLong(1);
                        if (last != expectedLastSequence) {
                            throw new Conflict("the log of " + exerciseId + " ends at " + last + ", not " + expectedLastSequence);
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO events (exercise_id, seq, scenario_time, wall_time,"
                        + " actor, body) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (Event.Recorded e : events) {
                        s.setString(1, exerciseId);
                        s.setLong(2, e.sequence());
                        SqlValues.setInstant(s, 3, e.scenarioTime());
                        SqlValues.setInstant(s, 4, e.wallTime());
                        s.setString(5, e.actor().user());
                        s.setString(6, EventFormat.write(e));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                if (receipt != null) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO command_receipts (exercise_id, username, idem_key,"
                            + " fingerprint, answer) VALUES (?, ?, ?, ?, ?)")) {
                        s.setString(1, exerciseId);
                        s.setString(2, receipt.username());
                        s.setString(3, receipt.key());
                        s.setString(4, receipt.fingerprint());
                        s.setString(5, receipt.answer());
                        s.executeUpdate();
                    }
                }
                return null;
            });
        } catch (StoreException e) {
            if (e.isConflict()) {
                throw new Conflict("another command was appended to " + exerciseId + " first");
            }
            throw e;
        }
    }
}
