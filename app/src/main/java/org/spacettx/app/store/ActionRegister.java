package org.spacettx.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.spacettx.exercise.engine.Item;
import org.spacettx.exercise.export.SpreadsheetCsv;


/**
 * The working group's action register: every action item of every exercise, with its origin (exercise, move,
 * inject), owner nation, due date, status and the history of its changes, kept after the exercise ends and
 * updated there. Items enter from their exercise's events ({@link #fromExercise}, idempotent: reading an
 * exercise's log again adds nothing twice and never undoes a later change made in the register).
 */
public final class ActionRegister {

    public static final Set<String> STATUSES = Item.ActionItem.STATUSES;
    /** Statuses of an item still to be worked: what a new exercise is offered as read-ahead. */
    public static final Set<String> OPEN = Set.of("open", "in-progress");

    public record Change(Instant at, String username, String title, String ownerNation, LocalDate due, String status,
                         String note, Long eventSeq) {
    }

    public record Entry(long id, String exerciseId, String exerciseTitle, String itemId, String originMove,
                        Integer originInject, String title, String ownerNation, LocalDate due, String status,
                        Instant updatedAt, List<Change> history) {
        public Entry {
            history = List.copyOf(history);
        }

        Entry withHistory(List<Change> changes) {
            return new Entry(id, exerciseId, exerciseTitle, itemId, originMove, originInject, title, ownerNation, due, status,
                    updatedAt, changes);
        }

        public boolean isOpen() {
            return OPEN.contains(status);
        }
    }

    /**
     * Which entries to list; every field may be null (no condition). {@code status} is a status, or {@code open}
     * meaning open or in progress; {@code exercises} limits the list to those exercises (null: all).
     */
    public record Filter(String status, String nation, String exerciseId, LocalDate dueBefore, Set<String> exercises) {
        public static final Filter ALL = new Filter(null, null, null, null, null);

        public Filter within(Set<String> allowed) {
            return new Filter(status, nation, exerciseId, dueBefore, allowed);
        }
    }

    /** A change asked of the register; a null field stays as it is. */
    public record Update(String status, LocalDate due, String ownerNation, String note) {
    }

    private final Database db;

    public ActionRegister(Database db) {
        this.db = db;
    }

    /**
     * Records an exercise's saving of an action item (event {@code eventSeq} of exercise {@code exerciseId}).
     * The row takes the item's fields unless a later event of the exercise already gave them; the history gains
     * the change once.
     */
    public void fromExercise(String exerciseId, long eventSeq, Instant at, String username, Item.ActionItem item,
                             String title, String ownerNation, LocalDate due, String status) {
        db.transaction(c -> {
            Long id = idOf(c, exerciseId, item.id());
            if (id == null) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO action_register (exercise_id, item_id, origin_move,"
                        + " origin_inject, title, owner_nation, due, status, last_event_seq, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, exerciseId);
                    s.setString(2, item.id());
                    s.setString(3, item.originMove() == null ? "" : item.originMove());
                    setInteger(s, 4, item.originInject());
                    s.setString(5, title);
                    s.setString(6, ownerNation);
                    SqlValues.setDate(s, 7, due);
                    s.setString(8, status);
                    s.setLong(9, eventSeq);
                    SqlValues.setInstant(s, 10, at);
                    s.executeUpdate();
                }
                id = idOf(c, exerciseId, item.id());
            } else {
                try (PreparedStatement s = c.prepareStatement("UPDATE action_register SET title = ?, owner_nation = ?, due = ?,"
                        + " status = ?, last_event_seq = ?, updated_at = ?, origin_inject = COALESCE(origin_inject, ?)"
                        + " WHERE id = ? AND last_event_seq < ?")) {
                    s.setString(1, title);
                    s.setString(2, ownerNation);
                    SqlValues.setDate(s, 3, due);
                    s.setString(4, status);
                    s.setLong(5, eventSeq);
                    SqlValues.setInstant(s, 6, at);
                    setInteger(s, 7, item.originInject());
                    s.setLong(8, id);
                    s.setLong(9, eventSeq);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM action_register_history WHERE register_id = ? AND event_seq = ?")) {
                s.setLong(1, id);
                s.setLong(2, eventSeq);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return null;
                    }
                }
            }
            addHistory(c, id, new Change(at, username, title, ownerNation, due, status, "", eventSeq));
            return null;
        });
    }

    /** Changes an entry in the register itself (after or outside its exercise). */
    public Entry update(long id, String username, Update u, Instant at) {
        if (u.status() != null && !STATUSES.contains(u.status())) {
            throw new IllegalArgumentException("status is one of open, in-progress, done, dropped, not '" + u.status() + "'");
        }
        if (u.ownerNation() != null && !u.ownerNation().matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("the owner is a 3-letter nation code, not '" + u.ownerNation() + "'");
        }
        String note = u.note() == null ? "" : u.note().strip();
        if (note.length() > 2000) {
            throw new IllegalArgumentException("a note is at most 2000 characters");
        }
        return db.transaction(c -> {
            Entry before = find(c, id).orElseThrow(() -> new IllegalArgumentException("no register entry " + id));
            String status = u.status() == null ? before.status() : u.status();
            String owner = u.ownerNation() == null ? before.ownerNation() : u.ownerNation();
            LocalDate due = u.due() == null ? before.due() : u.due();
            try (PreparedStatement s = c.prepareStatement("UPDATE action_register SET owner_nation = ?, due = ?, status = ?,"
                    + " updated_at = ? WHERE id = ?")) {
                s.setString(1, owner);
                SqlValues.setDate(s, 2, due);
                s.setString(3, status);
                SqlValues.setInstant(s, 4, at);
                s.setLong(5, id);
                s.executeUpdate();
            }
            addHistory(c, id, new Change(at, username, before.title(), owner, due, status, note, null));
            return find(c, id).orElseThrow();
        });
    }

    public Optional<Entry> get(long id) {
        return db.read(c -> find(c, id));
    }

    /** Entries matching the filter, soonest due first (no due date last), then by origin. */
    public List<Entry> list(Filter f) {
        StringBuilder sql = new StringBuilder("1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.status() != null) {
            if (f.status().equals("open")) {
                sql.append(" AND a.status IN ('open', 'in-progress')");
            } else {
                sql.append(" AND a.status = ?");
                args.add(f.status());
            }
        }
        if (f.nation() != null) {
            sql.append(" AND a.owner_nation = ?");
            args.add(f.nation().toUpperCase(Locale.ROOT));
        }
        if (f.exerciseId() != null) {
            sql.append(" AND a.exercise_id = ?");
            args.add(f.exerciseId());
        }
        if (f.dueBefore() != null) {
            sql.append(" AND a.due < ?");
            args.add(f.dueBefore());
        }
        if (f.exercises() != null) {
            if (f.exercises().isEmpty()) {
                return List.of();
            }
            sql.append(" AND a.exercise_id IN (").append(String.join(", ", f.exercises().stream().map(x -> "?").toList())).append(')');
            args.addAll(f.exercises().stream().sorted().toList());
        }
        sql.append(" ORDER BY a.due, a.exercise_id, a.item_id");
        return db.read(c -> select(c, sql.toString(), args));
    }

    static final List<String> CSV_COLUMNS = List.of("id", "exercise", "exercise_title", "item", "origin_move", "origin_inject",
            "title", "owner_nation", "due", "status", "updated_utc", "history");

    /**
     * Entries as CSV (see {@link SpreadsheetCsv}): one row each, the history in one cell as
     * {@code time user: status [note]} separated by {@code " | "}.
     */
    public static String csv(List<Entry> entries) {
        List<List<String>> rows = new ArrayList<>();
        for (Entry e : entries) {
            List<String> history = e.history().stream().map(h -> h.at() + " " + h.username() + ": " + h.status()
                    + (h.due() == null ? "" : " due " + h.due()) + (h.note().isEmpty() ? "" : " [" + h.note() + "]")).toList();
            rows.add(List.of(Long.toString(e.id()), e.exerciseId(), e.exerciseTitle(), e.itemId(), e.originMove(),
                    e.originInject() == null ? "" : e.originInject().toString(), e.title(), e.ownerNation(),
                    e.due() == null ? "" : e.due().toString(), e.status(), e.updatedAt().toString(), String.join(" | ", history)));
        }
        return SpreadsheetCsv.write(CSV_COLUMNS, rows);
    }

    private static Optional<Entry> find(Connection c, long id) throws SQLException {
        return select(c, "a.id = ?", List.of(id)).stream().findFirst();
    }

    /** Entries with their exercise's title and their histories, in one query for the entries and one for the histories. */
    private static List<Entry> select(Connection c, String whereAndOrder, List<Object> args) throws SQLException {
        List<Entry> bare = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.exercise_id, e.title, a.item_id, a.origin_move,"
                + " a.origin_inject, a.title, a.owner_nation, a.due, a.status, a.updated_at FROM action_register a"
                + " JOIN exercises e ON e.id = a.exercise_id WHERE " + whereAndOrder)) {
            for (int k = 0; k < args.size(); k++) {
                if (args.get(k) instanceof LocalDate d) {
                    SqlValues.setDate(s, k + 1, d);
                } else {
                    s.setObject(k + 1, args.get(k));
                }
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int inject = r.getInt(6);
                    Integer originInject = r.wasNull() ? null : inject;
                    bare.add(new Entry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), originInject,
                            r.getString(7), r.getString(8), SqlValues.date(r, 9), r.getString(10), SqlValues.instant(r, 11),
                            List.of()));
                }
            }
        }
        Map<Long, List<Change>> histories = histories(c, bare.stream().map(Entry::id).toList());
        List<Entry> out = new ArrayList<>(bare.size());
        for (Entry e : bare) {
            out.add(e.withHistory(histories.getOrDefault(e.id(), List.of())));
        }
        return out;
    }

    private static Map<Long, List<Change>> histories(Connection c, List<Long> ids) throws SQLException {
        Map<Long, List<Change>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        // in chunks: a database limits the parameters of one statement
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            try (PreparedStatement s = c.prepareStatement("SELECT register_id, at, username, title, owner_nation, due, status,"
                    + " note, event_seq FROM action_register_history WHERE register_id IN ("
                    + String.join(", ", chunk.stream().map(x -> "?").toList()) + ") ORDER BY register_id, seq")) {
                for (int k = 0; k < chunk.size(); k++) {
                    s.setLong(k + 1, chunk.get(k));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long seq = r.getLong(9);
                        Long eventSeq = r.wasNull() ? null : seq;
                        out.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new Change(SqlValues.instant(r, 2),
                                r.getString(3), r.getString(4), r.getString(5), SqlValues.date(r, 6),
                                r.getString(7), r.getString(8), eventSeq));
                    }
                }
            }
        }
        return out;
    }

    private static Long idOf(Connection c, String exerciseId, String itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM action_register WHERE exercise_id = ? AND item_id = ?")) {
            s.setString(1, exerciseId);
            s.setString(2, itemId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    private static void addHistory(Connection c, long id, Change h) throws SQLException {
        int seq;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM action_register_history WHERE register_id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                seq = r.getInt(1) + 1;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO action_register_history (register_id, seq, at, username, title,"
                + " owner_nation, due, status, note, event_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setInt(2, seq);
            SqlValues.setInstant(s, 3, h.at());
            s.setString(4, h.username());
            s.setString(5, h.title());
            s.setString(6, h.ownerNation());
            SqlValues.setDate(s, 7, h.due());
            s.setString(8, h.status());
            s.setString(9, h.note());
            if (h.eventSeq() == null) {
                s.setNull(10, Types.BIGINT);
            } else {
                s.setLong(10, h.eventSeq());
            }
            s.executeUpdate();
        }
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }
}
