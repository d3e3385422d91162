package org.spacettx.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The documents attached to an exercise's injects, once per content (SHA-256); the log's FileAttached events name
 * them. Content is never changed or removed while its exercise exists.
 */
public final class ExerciseFiles {

    /** A stored document. */
    public record Stored(String mediaType, byte[] content) {
    }

    private final Database db;

    public ExerciseFiles(Database db) {
        this.db = db;
    }

    /** Keeps a document for an exercise (nothing when that content is kept already). */
    public void put(String exerciseId, String sha256, String mediaType, byte[] content) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM exercise_files WHERE exercise_id = ? AND sha256 = ?")) {
                s.setString(1, exerciseId);
                s.setString(2, sha256);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return 0;
                    }
                }
            }
            try (PreparedStatement i = c.prepareStatement(
                    "INSERT INTO exercise_files (exercise_id, sha256, media_type, content) VALUES (?, ?, ?, ?)")) {
                i.setString(1, exerciseId);
                i.setString(2, sha256);
                i.setString(3, mediaType);
                i.setBytes(4, content);
                return i.executeUpdate();
            }
        });
    }

    public Optional<Stored> get(String exerciseId, String sha256) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT media_type, content FROM exercise_files WHERE exercise_id = ? AND sha256 = ?")) {
                s.setString(1, exerciseId);
                s.setString(2, sha256);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Stored(r.getString(1), r.getBytes(2))) : Optional.empty();
                }
            }
        });
    }

    /** Every document of an exercise, by SHA-256 in order (for its archive). */
    public Map<String, byte[]> all(String exerciseId) {
        return db.read(c -> {
            Map<String, byte[]> out = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT sha256, content FROM exercise_files WHERE exercise_id = ?")) {
                s.setString(1, exerciseId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getBytes(2));
                    }
                }
            }
            return out;
        });
    }
}
