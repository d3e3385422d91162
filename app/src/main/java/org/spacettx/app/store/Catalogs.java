package org.spacettx.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Element-set catalogs uploaded for the planning workspace (TLE, 3LE or OMM text, as uploaded), which planners search
 * for the objects of a scenario. The text is kept as it came, so that what a scenario took from it can be traced.
 */
public final class Catalogs {

    public record Listed(String id, String name, Instant uploadedAt, String uploadedBy) {
    }

    private final Database db;

    public Catalogs(Database db) {
        this.db = db;
    }

    /** Keeps a catalog's text; returns its id, made from its name (and a number when that is taken). */
    public String add(String name, String content, String username) {
        String base = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        base = base.isEmpty() ? "catalog" : base.substring(0, Math.min(base.length(), 56));
        for (int n = 1; ; n++) {
            String id = n == 1 ? base : base + "-" + n;
            try {
                db.transaction(c -> {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO catalogs (id, name, uploaded_at, uploaded_by, content)"
                            + " VALUES (?, ?, ?, ?, ?)")) {
                        s.setString(1, id);
                        s.setString(2, name.length() > 200 ? name.substring(0, 200) : name);
                        SqlValues.setInstant(s, 3, Instant.now());
                        s.setString(4, username);
                        s.setString(5, content);
                        return s.executeUpdate();
                    }
                });
                return id;
            } catch (StoreException e) {
                if (!e.isConflict()) {
                    throw e;
                }
            }
        }
    }

    public List<Listed> list() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, uploaded_at, uploaded_by FROM catalogs ORDER BY uploaded_at, id");
                 ResultSet r = s.executeQuery()) {
                List<Listed> out = new ArrayList<>();
                while (r.next()) {
                    out.add(new Listed(r.getString(1), r.getString(2), SqlValues.instant(r, 3), r.getString(4)));
                }
                return out;
            }
        });
    }

    public Optional<String> content(String id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT content FROM catalogs WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }
}
