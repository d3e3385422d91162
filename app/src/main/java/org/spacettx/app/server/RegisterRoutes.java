package org.spacettx.app.server;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import org.spacettx.app.store.Accounts;
import org.spacettx.app.store.ActionRegister;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.ExerciseRecords;
import org.spacettx.exercise.scenario.Cell;

/**
 * {@code /api/register} and {@code /api/exercises/{id}/read-ahead}: the working group's action register across
 * exercises. A user sees the entries of the exercises they are a member of (an administrator sees all); control
 * of the item's exercise, an administrator, or a player of the owning nation in that exercise may change one.
 */
final class RegisterRoutes {

    private final Access access;
    private final LiveExercises exercises;
    private final ExerciseRecords records;
    private final ActionRegister register;
    private final AuditLog audit;
    private final Clock clock;

    RegisterRoutes(Access access, LiveExercises exercises, ExerciseRecords records, ActionRegister register, AuditLog audit,
                   Clock clock) {
        this.access = access;
        this.exercises = exercises;
        this.records = records;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code ?status=open|in-progress|done|dropped&nation=KOR&exercise=ID&dueBefore=DATE&format=json|csv}. */
    void list(Context ctx) {
        Accounts.User user = access.user(ctx);
        String status = ctx.queryParam("status");
        if (status != null && !status.equals("open") && !ActionRegister.STATUSES.contains(status)) {
            throw new ApiError(400, "status: '" + status + "' is not open, in-progress, done or dropped");
        }
        String nation = ctx.queryParam("nation");
        if (nation != null && !nation.matches("[A-Za-z]{3}")) {
            throw new ApiError(400, "nation: a 3-letter code");
        }
        LocalDate dueBefore = date(ctx.queryParam("dueBefore"), "dueBefore");
        String format = java.util.Objects.requireNonNullElse(ctx.queryParam("format"), "json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new ApiError(400, "format: '" + format + "' is not json or csv");
        }
        ActionRegister.Filter filter = new ActionRegister.Filter(status, nation, ctx.queryParam("exercise"), dueBefore, null);
        List<ActionRegister.Entry> entries = register.list(user.admin() ? filter : filter.within(memberOf(user)));
        if (format.equals("csv")) {
            ctx.header("Content-Disposition", "attachment; filename=\"action-register.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(ActionRegister.csv(entries));
            return;
        }
        ctx.json(rows(user, entries));
    }

    /** Open items of the caller's other exercises, soonest due first: the read-ahead of a new exercise. */
    void readAhead(Context ctx) {
        LiveExercises.Live live = exercises.get(ctx.pathParam("id"))
                .orElseThrow(() -> new ApiError(404, "no such exercise: " + ctx.pathParam("id")));
        access.actor(ctx, live);
        Accounts.User user = access.user(ctx);
        ActionRegister.Filter open = new ActionRegister.Filter("open", null, null, null, null);
        List<ActionRegister.Entry> entries = register.list(user.admin() ? open : open.within(memberOf(user))).stream()
                .filter(e -> !e.exerciseId().equals(live.id())).toList();
        ctx.json(rows(user, entries));
    }

    /** {@code POST /api/register/{id}} with {@code {status?, due?, ownerNation?, note?}}. */
    void update(Context ctx) {
        Accounts.User user = access.user(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiError(404, "no register entry " + ctx.pathParam("id"));
        }
        ActionRegister.Entry entry = register.get(id).filter(e -> user.admin() || memberOf(user).contains(e.exerciseId()))
                .orElseThrow(() -> new ApiError(404, "no register entry " + ctx.pathParam("id")));
        if (!mayUpdate(user, entry)) {
            throw new ApiError(403, "only control of " + entry.exerciseId() + " or the " + entry.ownerNation()
                    + " delegation may change this item");
        }
        JsonNode body = SessionRoutes.jsonBody(ctx);
        String status = text(body, "status");
        String owner = text(body, "ownerNation");
        ActionRegister.Update u = new ActionRegister.Update(status == null ? null : status.toLowerCase(Locale.ROOT),
                date(text(body, "due"), "due"), owner == null ? null : owner.toUpperCase(Locale.ROOT), text(body, "note"));
        if (u.ownerNation() != null && !u.ownerNation().equals(entry.ownerNation()) && !isControl(user, entry)) {
            throw new ApiError(403, "only control hands an item to another nation");
        }
        ActionRegister.Entry after;
        try {
            after = register.update(id, user.username(), u, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new ApiError(422, e.getMessage());
        }
        audit.record(user.username(), "register-updated", id + " (" + entry.exerciseId() + "/" + entry.itemId() + "): "
                + entry.status() + " -> " + after.status() + (u.due() == null ? "" : ", due " + after.due()));
        ctx.json(row(user, after));
    }

    private List<Map<String, Object>> rows(Accounts.User user, List<ActionRegister.Entry> entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ActionRegister.Entry e : entries) {
            out.add(row(user, e));
        }
        return out;
    }

    private Map<String, Object> row(Accounts.User user, ActionRegister.Entry e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("exercise", e.exerciseId());
        row.put("exerciseTitle", e.exerciseTitle());
        row.put("item", e.itemId());
        row.put("originMove", e.originMove());
        row.put("originInject", e.originInject());
        row.put("title", e.title());
        row.put("ownerNation", e.ownerNation());
        row.put("due", e.due() == null ? null : e.due().toString());
        row.put("status", e.status());
        row.put("updatedAt", e.updatedAt().toString());
        row.put("history", e.history());
        row.put("canUpdate", mayUpdate(user, e));
        return row;
    }

    private boolean mayUpdate(Accounts.User user, ActionRegister.Entry e) {
        if (user.admin() || isControl(user, e)) {
            return true;
        }
        return records.membership(e.exerciseId(), user.username())
                .filter(m -> m.role().equals("player"))
                .flatMap(m -> exercises.get(e.exerciseId()).flatMap(l -> l.scenario().cell(m.cell())))
                .map(Cell::nation).filter(n -> n != null && n.equals(e.ownerNation())).isPresent();
    }

    private boolean isControl(Accounts.User user, ActionRegister.Entry e) {
        return user.admin() || records.membership(e.exerciseId(), user.username()).filter(m -> m.role().equals("controller")).isPresent();
    }

    private Set<String> memberOf(Accounts.User user) {
        Set<String> out = new HashSet<>();
        for (ExerciseRecords.Membership m : records.memberships(user.username())) {
            out.add(m.exerciseId());
        }
        return out;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ApiError(400, field + ": '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}
