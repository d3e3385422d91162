package org.spacettx.app.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

import org.spacettx.app.store.Accounts;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.Catalogs;
import org.spacettx.app.store.Drafts;
import org.spacettx.exercise.export.MselTable;
import org.spacettx.exercise.scenario.ScenarioDocument;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;

/**
 * The planning workspace's server side, for administrators and planners: scenario drafts with their versions (start
 * blank, from the demo as a template, or from an uploaded file; save; history; diff; download as a scenario file or
 * an MSEL workbook; upload an edited workbook; publish as an exercise) and the element-set catalogs planners search
 * for a scenario's objects. Every change is audited.
 */
final class WorkspaceRoutes {

    private final Access access;
    private final Drafts drafts;
    private final Catalogs catalogs;
    private final ExerciseRoutes exerciseRoutes;
    private final LiveExercises exercises;
    private final AuditLog audit;
    /** Catalogs as read, by id (a catalog never changes once uploaded). */
    private final Map<String, List<ElementSet>> read = new ConcurrentHashMap<>();

    WorkspaceRoutes(Access access, Drafts drafts, Catalogs catalogs, ExerciseRoutes exerciseRoutes, LiveExercises exercises,
                    AuditLog audit) {
        this.access = access;
        this.drafts = drafts;
        this.catalogs = catalogs;
        this.exerciseRoutes = exerciseRoutes;
        this.exercises = exercises;
        this.audit = audit;
    }

    private Accounts.User planner(Context ctx) {
        Accounts.User user = access.user(ctx);
        if (!user.plans()) {
            throw new ApiError(403, ApiProblem.WORKSPACE_FOR_PLANNERS.with());
        }
        return user;
    }

    // ---- drafts ----

    void list(Context ctx) {
        planner(ctx);
        ctx.json(drafts.list().stream().map(WorkspaceRoutes::listed).toList());
    }

    private static Map<String, Object> listed(Drafts.Draft d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.id());
        out.put("version", d.version());
        out.put("title", d.title());
        out.put("savedAt", d.savedAt().toString());
        out.put("savedBy", d.savedBy());
        out.put("createdBy", d.createdBy());
        out.put("publishedAs", d.publishedAs().orElse(null));
        return out;
    }

    /** {@code {"from": "blank" | "template" | "file", "yaml": "..." (a file's text)}}: a new draft, its first version. */
    void create(Context ctx) {
        Accounts.User user = planner(ctx);
        JsonNode body = SessionRoutes.jsonBody(ctx);
        String from = body.path("from").asText("");
        String yaml = switch (from) {
            case "blank" -> resource("/scenarios/blank.yaml");
            case "template" -> resource("/scenarios/rok-us-space-ttx.yaml");
            case "file" -> body.path("yaml").asText("");
            default -> throw new ApiError(400, ApiProblem.DRAFT_FROM.with());
        };
        ObjectNode tree = tree(yaml, "the file");
        // one identifier: the draft's is the scenario's own where free (else numbered), and the scenario takes it
        // one identifier among drafts and exercises alike: a draft never takes an exercise's
        String id = drafts.create(tree.path("id").asText("draft"), title(tree), draftId -> withId(yaml, draftId), user.username(),
                "started " + from, exerciseRoutes::exerciseExists);
        String given = tree.path("id").asText("");
        audit.record(user.username(), "draft-created", id + " (" + from + (given.equals(id) ? "" : "; its scenario's id '"
                + given.substring(0, Math.min(given.length(), 80)) + "' set to the draft's") + ")");
        ctx.status(201).json(Map.of("id", id, "version", 1));
    }

    private static String resource(String name) {
        try (InputStream in = WorkspaceRoutes.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource " + name, e);
        }
    }

    /** A scenario file's tree, or a 422 naming the line and column where it is not YAML. */
    private static ObjectNode tree(String yaml, String what) {
        try {
            return ScenarioDocument.toTree(yaml);
        } catch (IllegalArgumentException e) {
            throw new ApiError(422, ApiProblem.NOT_A_SCENARIO_FILE.with("what", what, "detail", e.getMessage()));
        }
    }

    private static String title(JsonNode tree) {
        JsonNode title = tree.path("title");
        String en = title.isTextual() ? title.asText() : title.path("en").asText("");
        return en.isBlank() ? tree.path("id").asText("(untitled)") : en;
    }

    private Drafts.Draft draft(Context ctx) {
        String id = ctx.pathParam("id");
        return drafts.latest(id).orElseThrow(() -> new ApiError(404, ApiProblem.NO_SUCH_DRAFT.with("draft", id)));
    }

    private Drafts.Version version(Context ctx, Drafts.Draft draft, String param) {
        String asked = ctx.queryParam(param);
        int v;
        try {
            v = asked == null ? draft.version() : Integer.parseInt(asked);
        } catch (NumberFormatException e) {
            throw new ApiError(400, ApiProblem.VERSION_NUMBER.with("name", param));
        }
        return drafts.version(draft.id(), v).orElseThrow(() -> new ApiError(404, ApiProblem.NO_SUCH_VERSION.with("draft", draft.id(), "version", v)));
    }

    /** A version (the latest unless {@code ?version=N}): its file, its tree for the workspace, and who saved it. */
    void get(Context ctx) {
        planner(ctx);
        Drafts.Draft draft = draft(ctx);
        Drafts.Version v = version(ctx, draft, "version");
        Map<String, Object> out = listed(draft);
        out.put("version", v.version());
        out.put("latest", draft.version());
        out.put("savedAt", v.savedAt().toString());
        out.put("savedBy", v.savedBy());
        out.put("yaml", v.yaml());
        out.put("document", tree(v.yaml(), "version " + v.version()));
        ctx.json(out);
    }

    /** {@code {"base": N, "document": {...}, "note": "..."}}: the next version, if N is still the latest (else 409). */
    void save(Context ctx) {
        Accounts.User user = planner(ctx);
        Drafts.Draft draft = draft(ctx);
        JsonNode body = SessionRoutes.jsonBody(ctx);
        if (!body.path("document").isObject() || !body.path("base").canConvertToInt()) {
            throw new ApiError(400, ApiProblem.SAVE_BODY.with());
        }
        String yaml = ScenarioDocument.toYaml(body.path("document"));
        int version = saveVersion(user, draft, body.path("base").asInt(), yaml, body.path("note").asText(""));
        ctx.status(201).json(Map.of("version", version));
    }

    /** A top-level {@code id:} line of a scenario file, with a plain value (and perhaps a comment after it). */
    private static final java.util.regex.Pattern ID_LINE = java.util.regex.Pattern.compile("(?m)^id:([ \\t]*)[a-z0-9][a-z0-9-]*(?=[ \\t]*(#.*)?$)");

    /**
     * The scenario file with the draft's identifier as its own: one identifier for the draft, its scenario and the
     * exercises published from it. The text as it was where it already has it; its one plain {@code id:} line
     * changed where it has one (comments and layout kept); else written again from its tree.
     */
    private static String withId(String yaml, String id) {
        ObjectNode tree = tree(yaml, "the scenario");
        if (id.equals(tree.path("id").asText(null))) {
            return yaml;
        }
        java.util.regex.Matcher line = ID_LINE.matcher(yaml);
        if (line.find() && !line.find()) {
            String edited = ID_LINE.matcher(yaml).replaceFirst("id:$1" + id);
            if (id.equals(tree(edited, "the scenario").path("id").asText(null))) {
                return edited;
            }
        }
        tree.put("id", id);
        return ScenarioDocument.toYaml(tree);
    }

    private int saveVersion(Accounts.User user, Drafts.Draft draft, int base, String text, String note) {
        int version;
        String yaml = withId(text, draft.id());
        boolean reset = !yaml.equals(text);
        try {
            version = drafts.save(draft.id(), base, title(tree(yaml, "the scenario")), yaml, user.username(), note);
        } catch (Drafts.Stale e) {
            throw new ApiError(409, ApiProblem.DRAFT_STALE.with("detail", e.getMessage()));
        }
        audit.record(user.username(), "draft-saved", draft.id() + " v" + version + (note.isBlank() ? "" : ": " + note)
                + (reset ? " (its scenario's id set to the draft's)" : ""));
        return version;
    }

    void history(Context ctx) {
        planner(ctx);
        Drafts.Draft draft = draft(ctx);
        ctx.json(drafts.history(draft.id()).stream().map(v -> Map.of("version", v.version(), "title", v.title(),
                "savedAt", v.savedAt().toString(), "savedBy", v.savedBy(), "note", v.note())).toList());
    }

    /** {@code ?from=A&to=B} (to: the latest by default): the lines of the scenario file removed and added, in order. */
    void diff(Context ctx) {
        planner(ctx);
        Drafts.Draft draft = draft(ctx);
        Drafts.Version a = version(ctx, draft, "from");
        Drafts.Version b = version(ctx, draft, "to");
        List<String> before = a.yaml().lines().toList();
        List<String> after = b.yaml().lines().toList();
        List<Map<String, Object>> changes = new ArrayList<>();
        for (var delta : com.github.difflib.DiffUtils.diff(before, after).getDeltas()) {
            changes.add(Map.of("type", delta.getType().name().toLowerCase(Locale.ROOT),
                    "fromLine", delta.getSource().getPosition() + 1, "removed", delta.getSource().getLines(),
                    "toLine", delta.getTarget().getPosition() + 1, "added", delta.getTarget().getLines()));
        }
        ctx.json(Map.of("from", a.version(), "to", b.version(), "changes", changes));
    }

    /** The scenario file of a version, to download ({@code spacettx exercise validate} reads it as the server does). */
    void download(Context ctx) {
        planner(ctx);
        Drafts.Draft draft = draft(ctx);
        Drafts.Version v = version(ctx, draft, "version");
        ctx.header("Content-Disposition", "attachment; filename=\"" + draft.id() + "-v" + v.version() + ".yaml\"");
        ctx.contentType("application/yaml; charset=utf-8").result(v.yaml());
    }

    /** The MSEL of a version as a workbook (a valid scenario only: the table is made from what the scenario says). */
    void workbook(Context ctx) {
        planner(ctx);
        Drafts.Draft draft = draft(ctx);
        Drafts.Version v = version(ctx, draft, "version");
        ScenarioReader.Result result = exercises.parse(v.yaml());
        if (!result.ok()) {
            throw new ApiError(422, ApiProblem.VERSION_ERRORS.with("version", v.version(), "count", result.errors().size()),
                    result.problems().stream().map(ExerciseRoutes::problem).toList());
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + draft.id() + "-v" + v.version() + "-msel.xlsx\"");
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").result(MselTable.toXlsx(result.scenario()));
    }

    /** The body is an edited MSEL workbook ({@code ?base=N}): its rows replace the draft's MSEL in a new version. */
    void uploadWorkbook(Context ctx) {
        Accounts.User user = planner(ctx);
        Drafts.Draft draft = draft(ctx);
        int base = version(ctx, draft, "base").version();
        String yaml;
        try {
            yaml = MselTable.replaceMselFromXlsx(drafts.version(draft.id(), base).orElseThrow().yaml(), ctx.bodyAsBytes(), "the workbook");
        } catch (org.spacettx.orbit.input.InputException | IllegalArgumentException e) {
            throw new ApiError(422, ApiProblem.WORKBOOK_INVALID.with("detail", e.getMessage()));
        }
        int version = saveVersion(user, draft, base, yaml, "MSEL from a workbook");
        ctx.status(201).json(Map.of("version", version));
    }

    /** {@code {"exercise": "id"}} (default: the scenario's id): an exercise made of the latest version, if it has no errors. */
    void publish(Context ctx) {
        Accounts.User user = planner(ctx);
        Drafts.Draft draft = draft(ctx);
        JsonNode body = SessionRoutes.jsonBody(ctx);
        Drafts.Version v = drafts.version(draft.id(), draft.version()).orElseThrow();
        // the exercise takes the draft's identifier, numbered when published again (a rehearsal, then the real one)
        // past every exercise's and every other draft's: one identifier, never two things under it
        if (body.has("exercise")) {
            throw new ApiError(400, ApiProblem.PUBLISH_ID.with());
        }
        String id = draft.id();
        for (int n = 2; exerciseRoutes.exerciseExists(id) || !id.equals(draft.id()) && drafts.latest(id).isPresent(); n++) {
            id = Drafts.numbered(draft.id(), n);
        }
        Map<String, Object> created = exerciseRoutes.createExercise(user, v.yaml(), id);
        drafts.markPublished(draft.id(), (String) created.get("id"));
        audit.record(user.username(), "draft-published", draft.id() + " v" + v.version() + " as " + created.get("id"));
        ctx.status(201).json(created);
    }

    /** The launch sites the launch model knows (public facts, shipped), for a modelled launch's site. */
    void launchSites(Context ctx) {
        planner(ctx);
        ctx.json(org.spacettx.orbit.launch.LaunchSite.all().stream().map(s -> Map.of("code", s.code(), "name", s.name(),
                "lat", s.latitudeDeg(), "lon", s.longitudeDeg(), "country", s.country())).toList());
    }

    // ---- catalogs ----

    void catalogList(Context ctx) {
        planner(ctx);
        ctx.json(catalogs.list().stream().map(c -> Map.of("id", c.id(), "name", c.name(), "uploadedAt", c.uploadedAt().toString(),
                "uploadedBy", c.uploadedBy())).toList());
    }

    /** {@code {"name": "...", "content": "TLE, 3LE or OMM text"}}: kept if at least one element set reads. */
    void catalogUpload(Context ctx) {
        Accounts.User user = planner(ctx);
        JsonNode body = SessionRoutes.jsonBody(ctx);
        String name = body.path("name").asText("").strip();
        String content = body.path("content").asText("");
        if (name.isEmpty()) {
            throw new ApiError(400, ApiProblem.CATALOG_NAME.with());
        }
        CatalogReader.Result result = reader().read(name, content.getBytes(StandardCharsets.UTF_8));
        if (result.elementSets().isEmpty()) {
            throw new ApiError(422, result.rejections().isEmpty() ? ApiProblem.CATALOG_UNREADABLE.with("name", name)
                    : ApiProblem.CATALOG_UNREADABLE_BECAUSE.with("name", name, "detail", result.rejections().get(0)));
        }
        String id = catalogs.add(name, content, user.username());
        read.put(id, result.elementSets());
        audit.record(user.username(), "catalog-uploaded", id + " (" + result.elementSets().size() + " element sets)");
        ctx.status(201).json(Map.of("id", id, "elementSets", result.elementSets().size(), "rejected", result.rejected()));
    }

    private static CatalogReader reader() {
        return new CatalogReader(OrekitData.standard(), CatalogReader.Mode.LENIENT, org.spacettx.orbit.catalog.TleFormat.Checksum.VERIFY);
    }

    /**
     * {@code ?q=...} (a name or part of one, a NORAD number, or a COSPAR id) over every catalog or {@code ?catalog=id}:
     * at most 25 element sets, each with the TLE a scenario's object takes inline.
     */
    void catalogSearch(Context ctx) {
        planner(ctx);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (q.length() < 2) {
            throw new ApiError(400, ApiProblem.SEARCH_TOO_SHORT.with());
        }
        String only = ctx.queryParam("catalog");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Catalogs.Listed c : catalogs.list()) {
            if (only != null && !only.equals(c.id())) {
                continue;
            }
            for (ElementSet e : elementSets(c.id())) {
                if (out.size() < 25 && matches(e, q)) {
                    var tle = OrekitTle.toTle(e, OrekitData.standard().utc());
                    out.add(Map.of("catalog", c.id(), "norad", e.noradId(), "name", e.name(), "cospar", e.cosparId(),
                            "epoch", e.epoch().toString(), "inclination", e.inclinationDeg(), "periodMinutes", e.periodMinutes(),
                            "tle", List.of(tle.getLine1(), tle.getLine2())));
                }
            }
        }
        ctx.json(out);
    }

    private List<ElementSet> elementSets(String id) {
        return read.computeIfAbsent(id, k -> reader().read(k, catalogs.content(k).orElse("").getBytes(StandardCharsets.UTF_8)).elementSets());
    }

    private static boolean matches(ElementSet e, String q) {
        if (q.chars().allMatch(Character::isDigit)) {
            return String.valueOf(e.noradId()).equals(q);
        }
        String upper = q.toUpperCase(Locale.ROOT);
        return e.name().toUpperCase(Locale.ROOT).contains(upper) || e.cosparId().equalsIgnoreCase(q);
    }
}
