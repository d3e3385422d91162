package org.spacettx.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scenario drafts of the planning workspace, each with every version ever saved: who saved it, when, with what note,
 * and the scenario file as it then was. A version is never changed; saving writes the next one, and only when the
 * saver had the latest in hand (otherwise {@link Stale}: two planners never silently overwrite each other).
 */
public final class Drafts {

    /** A draft as listed: its latest version and, once published, the exercise made from it. */
    public record Draft(String id, int version, String title, Instant savedAt, String savedBy, String createdBy,
                        Optional<String> publishedAs) {
    }

    public record Version(int version, String title, String yaml, Instant savedAt, String savedBy, String note) {
    }

    /** The save named a version that is no longer the latest. */
    public static final class Stale extends IllegalStateException {
        Stale(String message) {
            super(message);
        }
    }

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Database db;

    public Drafts(Database db) {
        this.db = db;
    }

    /** The {@code n}th identifier made from {@code base}: the base itself, then "base-2", "base-3"… (64 characters at most). */
    public static String numbered(String base, int n) {
        return n == 1 ? base : base.substring(0, Math.min(base.length(), 58)) + "-" + n;
    }

    /**
     * Starts a draft with its first version, {@code yamlFor} the draft's id: the id is the scenario's own when free
     * (among the drafts, and not {@code takenElsewhere}: an exercise's), else that id with a number.
     */
    public String create(String wantedId, String title, java.util.function.UnaryOperator<String> yamlFor, String author, String note,
                         java.util.function.Predicate<String> takenElsewhere) {
        String base = wantedId != null && ID.matcher(wantedId).matches() ? wantedId : "draft";
        for (int n = 1; ; n++) {
            String id = numbered(base, n);
            if (takenElsewhere.test(id)) {
                continue;
            }
            try {
                db.transaction(c -> {
                    Instant now = Instant.now();
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO drafts (id, created_at, created_by) VALUES (?, ?, ?)")) {
                        s.setString(1, id);
                        SqlValues.setInstant(s, 2, now);
                        s.setString(3, author);
                        s.executeUpdate();
                    }
                    insertVersion(c, id, 1, title, yamlFor.apply(id), author, note, now);
                    return null;
                });
                return id;
            } catch (StoreException e) {
                if (!e.isConflict()) {
                    throw e;
                }
            }
        }
    }

    /** Saves the next version after {@code base}; {@link Stale} if someone saved after {@code base}. */
    public int save(String id, int base, String title, String yaml, String author, String note) {
        int latest = latest(id).orElseThrow(() -> new IllegalArgumentException("no draft '" + id + "'")).version();
        if (latest != base) {
            throw new Stale("draft '" + id + "' is at version " + latest + ", not " + base + ": someone saved after you opened it");
        }
        try {
            db.transaction(c -> {
                insertVersion(c, id, base + 1, title, yaml, author, note, Instant.now());
                return null;
            });
        } catch (StoreException e) {
            if (e.isConflict()) {
                throw new Stale("draft '" + id + "' was saved by someone else at the same moment");
            }
            throw e;
        }
        return base + 1;
    }

    private static void insertVersion(java.sql.Connection c, String id, int version, String title, String yaml, String author,
                                      String note, Instant at) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO draft_versions (draft_id, version, title, scenario_yaml,"
                + " saved_at, saved_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setInt(2, version);
            s.setString(3, cut(title, 500));
            s.setString(4, yaml);
            SqlValues.setInstant(s, 5, at);
            s.setString(6, author);
            s.setString(7, cut(note == null ? "" : note, 500));
            s.executeUpdate();
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public void markPublished(String id, String exerciseId) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE drafts SET published_as = ? WHERE id = ?")) {
                s.setString(1, exerciseId);
                s.setString(2, id);
                return s.executeUpdate();
            }
        });
    }

    private static final String LISTED = "SELECT d.id, v.version, v.title, v.saved_at, v.saved_by, d.created_by, d.published_as"
            + " FROM drafts d JOIN draft_versions v ON v.draft_id = d.id"
            + " AND v.version = (SELECT MAX(version) FROM draft_versions w WHERE w.draft_id = d.id)";

    public List<Draft> list() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(LISTED + " ORDER BY v.saved_at DESC, d.id");
                 ResultSet r = s.executeQuery()) {
                List<Draft> out = new ArrayList<>();
                while (r.next()) {
                    out.add(draft(r));
                }
                return out;
            }
        });
    }

    public Optional<Draft> latest(String id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(LISTED + " WHERE d.id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(draft(r)) : Optional.<Draft>empty();
                }
            }
        });
    }

    private static Draft draft(ResultSet r) throws java.sql.SQLException {
        return new Draft(r.getString(1), r.getInt(2), r.getString(3), SqlValues.instant(r, 4), r.getString(5), r.getString(6),
                Optional.ofNullable(r.getString(7)));
    }

    public Optional<Version> version(String id, int version) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT version, title, scenario_yaml, saved_at, saved_by, note"
                    + " FROM draft_versions WHERE draft_id = ? AND version = ?")) {
                s.setString(1, id);
                s.setInt(2, version);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(version(r)) : Optional.<Version>empty();
                }
            }
        });
    }

    /** Every version, newest first, without their files (the history a planner reads). */
    public List<Version> history(String id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT version, title, '' AS scenario_yaml, saved_at, saved_by, note"
                    + " FROM draft_versions WHERE draft_id = ? ORDER BY version DESC")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    List<Version> out = new ArrayList<>();
                    while (r.next()) {
                        out.add(version(r));
                    }
                    return out;
                }
            }
        });
    }

    private static Version version(ResultSet r) throws java.sql.SQLException {
        return new Version(r.getInt(1), r.getString(2), r.getString(3), SqlValues.instant(r, 4), r.getString(5), r.getString(6));
    }
}
