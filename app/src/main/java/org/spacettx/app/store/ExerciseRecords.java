package org.spacettx.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Exercises (their scenario file as uploaded) and who plays in them, in which cell and role. */
public final class ExerciseRecords {

    public record Record(String id, String title, String scenarioYaml) {
    }

    public record Membership(String exerciseId, String username, String role, String cell) {
    }

    private final Database db;

    public ExerciseRecords(Database db) {
        this.db = db;
    }

    public void create(String id, String title, String yaml, String createdBy) {
        try {
            db.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO exercises (id, title, scenario_yaml, created_at, created_by)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
                    s.setString(1, id);
                    s.setString(2, title);
                    s.setString(3, yaml);
                    SqlValues.setInstant(s, 4, Instant.now());
                    s.setString(5, createdBy);
                    s.executeUpdate();
                }
                return null;
            });
        } catch (StoreException e) {
            if (e.isConflict()) {
                throw new IllegalArgumentException("an exercise with id '" + id + "' already exists");
            }
            throw e;
        }
    }

    public Optional<Record> find(String id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, title, scenario_yaml FROM exercises WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Record(r.getString(1), r.getString(2), r.getString(3))) : Optional.empty();
                }
            }
        });
    }

    /**
     * The exercise's key for anonymous feedback tokens (64 hex digits), made on first use. It stays in this table: no
     * log, archive or answer carries it.
     */
    public String feedbackKey(String id) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT feedback_key FROM exercises WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalArgumentException("no exercise '" + id + "'");
                    }
                    if (r.getString(1) != null) {
                        return r.getString(1);
                    }
                }
            }
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            String hex = java.util.HexFormat.of().formatHex(key);
            try (PreparedStatement s = c.prepareStatement("UPDATE exercises SET feedback_key = ? WHERE id = ?")) {
                s.setString(1, hex);
                s.setString(2, id);
                s.executeUpdate();
            }
            return hex;
        });
    }

    public List<Record> all() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, title, scenario_yaml FROM exercises ORDER BY created_at, id");
                 ResultSet r = s.executeQuery()) {
                List<Record> out = new ArrayList<>();
                while (r.next()) {
                    out.add(new Record(r.getString(1), r.getString(2), r.getString(3)));
                }
                return out;
            }
        });
    }

    public void removeMember(String exerciseId, String username) {
        db.transaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM memberships WHERE exercise_id = ? AND username = ?")) {
                d.setString(1, exerciseId);
                d.setString(2, username);
                return d.executeUpdate();
            }
        });
    }

    public void addMember(String exerciseId, String username, String role, String cell) {
        db.transaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM memberships WHERE exercise_id = ? AND username = ?")) {
                d.setString(1, exerciseId);
                d.setString(2, username);
                d.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO memberships (exercise_id, username, role, cell) VALUES (?, ?, ?, ?)")) {
                s.setString(1, exerciseId);
                s.setString(2, username);
                s.setString(3, role);
                s.setString(4, cell);
                s.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Membership> membership(String exerciseId, String username) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT role, cell FROM memberships WHERE exercise_id = ? AND username = ?")) {
                s.setString(1, exerciseId);
                s.setString(2, username);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Membership(exerciseId, username, r.getString(1), r.getString(2)))
                            : Optional.<Membership>empty();
                }
            }
        });
    }

    /** Who sits where in an exercise, by username. */
    public List<Membership> members(String exerciseId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT username, role, cell FROM memberships WHERE exercise_id = ? ORDER BY username")) {
                s.setString(1, exerciseId);
                try (ResultSet r = s.executeQuery()) {
                    List<Membership> out = new ArrayList<>();
                    while (r.next()) {
                        out.add(new Membership(exerciseId, r.getString(1), r.getString(2), r.getString(3)));
                    }
                    return out;
                }
            }
        });
    }

    public List<Membership> memberships(String username) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT exercise_id, role, cell FROM memberships WHERE username = ? ORDER BY exercise_id")) {
                s.setString(1, username);
                try (ResultSet r = s.executeQuery()) {
                    List<Membership> out = new ArrayList<>();
                    while (r.next()) {
                        out.add(new Membership(r.getString(1), username, r.getString(2), r.getString(3)));
                    }
                    return out;
                }
            }
        });
    }
}
