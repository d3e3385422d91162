package org.spacettx.app.server;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import org.spacettx.app.store.Accounts;
import org.spacettx.app.store.ActionRegister;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.ExerciseRecords;
import org.spacettx.exercise.engine.Item;
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
            throw new ApiError(400, ApiProblem.REGISTER_STATUS.with("status", status));
        }
        String nation = ctx.queryParam("nation");
        if (nation != null && !nation.matches("[A-Za-z]{3}")) {
            throw new ApiError(400, ApiProblem.REGISTER_NATION.with());
        }
        LocalDate dueBefore = date(ctx.queryParam("dueBefore"), "dueBefore");
        String format = java.util.Objects.requireNonNullElse(ctx.queryParam("format"), "json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new ApiError(400, ApiProblem.REGISTER_FORMAT.with("format", format));
        }
        ActionRegister.Filter filter = new ActionRegister.Filter(status, nation, ctx.queryParam("exercise"), dueBefore, null);
        Caller caller = caller(user);
        List<ActionRegister.Entry> entries = register.list(caller.visible(filter));
        if (format.equals("csv")) {
            ctx.header("Content-Disposition", "attachment; filename=\"action-register.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(ActionRegister.csv(entries));
            return;
        }
        ctx.json(rows(caller, entries));
    }

    /** Open items of the caller's other exercises, soonest due first: the read-ahead of a new exercise. */
    void readAhead(Context ctx) {
        LiveExercises.Live live = ExerciseRoutes.live(ctx, exercises, records, access);
        access.actor(ctx, live);
        Caller caller = caller(access.user(ctx));
        List<ActionRegister.Entry> entries = register.list(caller.visible(new ActionRegister.Filter("open", null, null, null, null)))
                .stream().filter(e -> !e.exerciseId().equals(live.id())).toList();
        ctx.json(rows(caller, entries));
    }

    /** {@code POST /api/register/{id}} with {@code {status?, due?, ownerNation?, note?}}. */
    void update(Context ctx) {
        Accounts.User user = access.user(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiError(404, ApiProblem.NO_SUCH_REGISTER_ENTRY.with("id", ctx.pathParam("id")));
        }
        Caller caller = caller(user);
        ActionRegister.Entry entry = register.get(id).filter(caller::sees)
                .orElseThrow(() -> new ApiError(404, ApiProblem.NO_SUCH_REGISTER_ENTRY.with("id", ctx.pathParam("id"))));
        java.util.Optional<org.spacettx.exercise.text.Message> refused = org.spacettx.exercise.policy.Ownership.refusal(caller.isControl(entry),
                nation(caller, entry), entry.ownerNation(), null);
        if (refused.isPresent()) {
            throw new ApiError(403, refused.get());
        }
        JsonNode body = SessionRoutes.jsonBody(ctx);
        String status = text(body, "status");
        String owner = text(body, "ownerNation");
        ActionRegister.Update u = new ActionRegister.Update(status == null ? null : status.toLowerCase(Locale.ROOT),
                date(text(body, "due"), "due"), owner == null ? null : owner.toUpperCase(Locale.ROOT), text(body, "note"));
        if (u.ownerNation() != null && !u.ownerNation().equals(entry.ownerNation())) {
            refused = org.spacettx.exercise.policy.Ownership.refusal(caller.isControl(entry), nation(caller, entry),
                    entry.ownerNation(), u.ownerNation());
            if (refused.isPresent()) {
                throw new ApiError(403, refused.get());
            }
            java.util.SortedSet<String> owners = exercises.get(entry.exerciseId()).map(l -> l.scenario().delegationNations())
                    .orElseGet(java.util.TreeSet::new);
            if (!owners.contains(u.ownerNation())) {
                throw new ApiError(422, ApiProblem.REGISTER_OWNER.with("nation", u.ownerNation(), "exercise", entry.exerciseId(),
                        "owners", owners));
            }
        }
        org.spacettx.exercise.text.Message dueProblem = Item.ActionItem.dueProblem(u.due(), clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        if (dueProblem != null) {
            throw new ApiError(422, dueProblem);
        }
        ActionRegister.Entry after;
        try {
            after = register.update(id, user.username(), u, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new ApiError(422, ApiProblem.REGISTER_INVALID.with("detail", e.getMessage()));
        }
        audit.record(user.username(), "register-updated", id + " (" + entry.exerciseId() + "/" + entry.itemId() + "): "
                + entry.status() + " -> " + after.status() + (u.due() == null ? "" : ", due " + after.due()));
        ctx.json(row(caller, after));
    }

    /** Who asks, with their memberships by exercise (read once a request). */
    private record Caller(Accounts.User user, Map<String, ExerciseRecords.Membership> memberships) {
        ActionRegister.Filter visible(ActionRegister.Filter f) {
            return user.admin() ? f : f.within(memberships.keySet());
        }

        boolean sees(ActionRegister.Entry e) {
            return user.admin() || memberships.containsKey(e.exerciseId());
        }

        boolean isControl(ActionRegister.Entry e) {
            ExerciseRecords.Membership m = memberships.get(e.exerciseId());
            return user.admin() || m != null && m.role().equals("controller");
        }
    }

    private Caller caller(Accounts.User user) {
        Map<String, ExerciseRecords.Membership> memberships = new HashMap<>();
        for (ExerciseRecords.Membership m : records.memberships(user.username())) {
            memberships.put(m.exerciseId(), m);
        }
        return new Caller(user, memberships);
    }

    private List<Map<String, Object>> rows(Caller caller, List<ActionRegister.Entry> entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ActionRegister.Entry e : entries) {
            out.add(row(caller, e));
        }
        return out;
    }

    private Map<String, Object> row(Caller caller, ActionRegister.Entry e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("exercise", e.exerciseId());
        // both languages while the exercise is on this server; the stored English title otherwise
        row.put("exerciseTitle", exercises.get(e.exerciseId()).<Object>map(l -> l.scenario().title()).orElse(e.exerciseTitle()));
        row.put("item", e.itemId());
        row.put("originMove", e.originMove());
        row.put("originInject", e.originInject());
        row.put("title", e.title());
        row.put("ownerNation", e.ownerNation());
        row.put("due", e.due() == null ? null : e.due().toString());
        row.put("status", e.status());
        row.put("updatedAt", e.updatedAt().toString());
        row.put("history", e.history());
        row.put("canUpdate", mayUpdate(caller, e));
        return row;
    }

    /** Whether the caller may change the item at all ({@link org.spacettx.exercise.policy.Ownership}). */
    private boolean mayUpdate(Caller caller, ActionRegister.Entry e) {
        return org.spacettx.exercise.policy.Ownership.refusal(caller.isControl(e), nation(caller, e), e.ownerNation(), null).isEmpty();
    }

    /** The nation of the caller's delegation in the item's exercise ("" when they are no player of it). */
    private String nation(Caller caller, ActionRegister.Entry e) {
        ExerciseRecords.Membership m = caller.memberships().get(e.exerciseId());
        if (m == null || !m.role().equals("player")) {
            return "";
        }
        return exercises.get(e.exerciseId()).flatMap(l -> l.scenario().cell(m.cell())).map(Cell::nation).orElse("");
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
            throw new ApiError(400, ApiProblem.DATE_FORMAT.with("name", field, "value", text));
        }
    }
}
