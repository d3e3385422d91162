package org.spacettx.app.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;

import org.spacettx.app.store.Accounts;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.EventStore;
import org.spacettx.app.store.ExerciseRecords;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.CellKnowledge;
import org.spacettx.exercise.engine.Command;
import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.Exercise;
import org.spacettx.exercise.engine.Json;
import org.spacettx.exercise.engine.Outcome;
import org.spacettx.exercise.engine.TriggerSchedule;
import org.spacettx.exercise.engine.SpacePicture;
import org.spacettx.exercise.export.ICalendar;
import org.spacettx.exercise.export.SpaceCzml;
import org.spacettx.exercise.export.SpaceKml;
import org.spacettx.app.store.ExerciseFiles;
import org.spacettx.exercise.archive.ExerciseArchive;
import org.spacettx.exercise.export.EvaluationCsv;
import org.spacettx.exercise.report.AfterActionReport;
import org.spacettx.exercise.report.ReportHtml;
import org.spacettx.exercise.report.ReportPdf;
import org.spacettx.exercise.scenario.Cell;
import org.spacettx.exercise.scenario.ScenarioProblem;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;

/** {@code /api/exercises/...}: list, create from a scenario, members, feed, timeline, report, commands, live stream. */
final class ExerciseRoutes {

    private final Access access;
    private final LiveExercises exercises;
    private final ExerciseRecords records;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final Computations computations;
    private final CommandThrottle throttle;
    private final ExerciseFiles files;

    ExerciseRoutes(Access access, LiveExercises exercises, ExerciseRecords records, Accounts accounts, AuditLog audit, Clock clock,
                   Computations computations, CommandThrottle throttle, ExerciseFiles files) {
        this.throttle = throttle;
        this.files = files;
        this.access = access;
        this.exercises = exercises;
        this.records = records;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.computations = computations;
    }

    /**
     * The caller's exercises: id, title, role, cell; one this server could not load has {@code failed} with why
     * instead (its members see it, and that it is out of service).
     */
    void list(Context ctx) {
        Accounts.User user = access.user(ctx);
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExerciseRecords.Membership m : records.memberships(user.username())) {
            exercises.get(m.exerciseId()).ifPresentOrElse(l -> out.add(Map.of("id", l.id(), "title", l.scenario().title(),
                    "role", m.role(), "cell", m.cell())), () -> exercises.failure(m.exerciseId()).ifPresent(f -> out.add(Map.of(
                    "id", f.id(), "title", org.spacettx.exercise.scenario.Text.of(f.title(), f.title()), "role", m.role(),
                    "cell", m.cell(), "failed", f.reason()))));
        }
        ctx.json(out);
    }

    void create(Context ctx) {
        Accounts.User user = access.user(ctx);
        if (!user.admin()) {
            throw new ApiError(403, ApiProblem.CREATE_FOR_ADMINISTRATORS.with());
        }
        ctx.status(201).json(createExercise(user, ctx.body(), ctx.queryParam("id")));
    }

    /**
     * Makes an exercise of a scenario file (the API's create, and a draft's publication): refused with every problem
     * when the scenario has errors; its creator sits in the control cell. Answers {id, warnings}.
     */
    /** Whether an exercise on this server has that id. */
    boolean exerciseExists(String id) {
        return records.find(id).isPresent();
    }

    Map<String, Object> createExercise(Accounts.User user, String yaml, String wantedId) {
        ScenarioReader.Result result = exercises.parse(yaml);
        if (!result.ok()) {
            throw new ApiError(422, ApiProblem.SCENARIO_ERRORS.with("count", result.errors().size()),
                    result.problems().stream().map(ExerciseRoutes::problem).toList());
        }
        String id = wantedId == null || wantedId.isBlank() ? result.scenario().id() : wantedId;
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new ApiError(400, ApiProblem.EXERCISE_ID.with());
        }
        if (records.find(id).isPresent()) {
            throw new ApiError(409, ApiProblem.EXERCISE_EXISTS.with("exercise", id)); // before the costly build
        }
        // built (its schedule computed, within this server's limits) before anything is stored: an exercise that
        // cannot be put in service is never stored
        LiveExercises.Live built = compute(null, "computing the exercise's schedule", () -> exercises.build(id, yaml));
        try {
            records.create(id, result.scenario().title().en(), yaml, user.username());
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, ApiProblem.EXERCISE_EXISTS.with("exercise", id));
        }
        LiveExercises.Live live = exercises.start(built);
        String control = result.scenario().cells().stream().filter(c -> c.kind() == Cell.Kind.CONTROL).findFirst()
                .orElseThrow().id();
        records.addMember(id, user.username(), "controller", control);
        audit.record(user.username(), "exercise-created", id);
        List<ScenarioProblem> all = new ArrayList<>(result.problems());
        all.addAll(org.spacettx.exercise.engine.ScheduleCheck.warnings(live.scenario(), live.schedule(), result.triggers()));
        return Map.of("id", id, "warnings", all.stream().map(ExerciseRoutes::problem).toList());
    }

    /**
     * A heavy computation off the request thread ({@link Computations}): a limit the scenario passes is 422 with the
     * problem; a computation cancelled is 409; one out of time or without room 503.
     */
    private <T> T compute(String user, String what, java.util.function.Supplier<T> work) {
        try {
            return computations.run(user, what, work);
        } catch (org.spacettx.exercise.scenario.Limits.Exceeded e) {
            throw new ApiError(422, ApiProblem.SCENARIO_LIMIT.with("detail", e.getMessage()), List.of(problem(ScenarioProblem.of(e))));
        } catch (Computations.NotDone e) {
            if (e.cancelled()) {
                throw new ApiError(409, ApiProblem.COMPUTATION_CANCELLED.with("detail", e.getMessage()));
            }
            throw new ApiError(503, ApiProblem.COMPUTATION_NOT_DONE.with("detail", e.getMessage()));
        }
    }

    /**
     * A scenario checked without creating anything ({@code POST /api/scenarios/validate}, body: the scenario's YAML):
     * every error and warning with its line, column, path and message, and the line exactly as
     * {@code spacettx exercise validate} prints it; a valid scenario is also scheduled, for the warnings only the
     * computed orbital events show and for each inject's computed release time. Administrators and planners (the
     * scheduling costs seconds).
     */
    void validate(Context ctx) {
        Accounts.User user = access.user(ctx);
        if (!user.plans()) {
            throw new ApiError(403, ApiProblem.VALIDATE_FOR_PLANNERS.with());
        }
        String yaml = ctx.body();
        ctx.json(compute(user.username(), "the validation", () -> checked(exercises.parse(yaml))));
    }

    /**
     * The same for the planning workspace's tree of a scenario ({@code POST /api/scenarios/validate-document}, body:
     * {@code {"document": {...}}}), checked as the scenario file it is written to; problems name their path in the
     * tree, which the workspace shows beside the field.
     */
    void validateDocument(Context ctx) {
        Accounts.User user = access.user(ctx);
        if (!user.plans()) {
            throw new ApiError(403, ApiProblem.VALIDATE_FOR_PLANNERS.with());
        }
        JsonNode document = SessionRoutes.jsonBody(ctx).path("document");
        if (!document.isObject()) {
            throw new ApiError(400, ApiProblem.VALIDATE_BODY.with());
        }
        String yaml = org.spacettx.exercise.scenario.ScenarioDocument.toYaml(document);
        ctx.json(compute(user.username(), "the validation", () -> checked(exercises.parse(yaml))));
    }

    /** {@code DELETE /api/scenarios/validation}: stops the caller's validation that is running or waiting (204), if any (404). */
    void cancelValidation(Context ctx) {
        Accounts.User user = access.user(ctx);
        if (!computations.cancel(user.username())) {
            throw new ApiError(404, ApiProblem.NO_VALIDATION_RUNNING.with());
        }
        ctx.status(204);
    }

    /**
     * What the validation answers for a scenario as read: validity, summary, problems, and the computed schedule
     * (within this server's limits: a limit passed is one more error).
     */
    private Map<String, Object> checked(ScenarioReader.Result result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("valid", result.ok());
        List<ScenarioProblem> all = new ArrayList<>(result.problems());
        boolean valid = result.ok();
        if (result.ok()) {
            var s = result.scenario();
            answer.put("summary", Map.of("cells", s.cells().size(), "moves", s.moves().size(), "injects", s.injects().size(),
                    "questions", s.questions().size(), "objects", s.objects().size(), "places", s.sites().size() + s.areas().size()));
            try {
                TriggerSchedule schedule = exercises.schedule(s);
                all.addAll(org.spacettx.exercise.engine.ScheduleCheck.warnings(s, schedule, result.triggers()));
                answer.put("schedule", schedule.entries().stream().map(ExerciseRoutes::scheduleRow).toList());
            } catch (org.spacettx.exercise.scenario.Limits.Exceeded e) {
                all.add(ScenarioProblem.of(e));
                valid = false;
            }
        }
        long errors = all.stream().filter(p -> p.severity() == ScenarioProblem.Severity.ERROR).count();
        answer.put("valid", valid);
        answer.put("errors", errors);
        answer.put("warnings", all.size() - errors);
        answer.put("problems", all.stream().map(ExerciseRoutes::problem).toList());
        return answer;
    }

    /** An inject as a schedule gives it (the workspace's check and control's MSEL share these columns). */
    static Map<String, Object> scheduleRow(TriggerSchedule.Entry e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", e.inject().number());
        row.put("move", e.inject().move());
        row.put("release", e.time().map(Object::toString).orElse(null));
        row.put("trigger", e.basis());
        row.put("triggerKind", e.inject().trigger().kind());
        row.put("orbital", e.inject().trigger().orbital());
        row.put("subject", e.inject().subject());
        return row;
    }

    /** A scenario's problem as the API gives it: where, what, and the line the command line prints. */
    static Map<String, Object> problem(ScenarioProblem p) {
        return Map.of("severity", p.severity().name().toLowerCase(Locale.ROOT), "line", p.line(), "column", p.column(),
                "path", p.path(), "message", p.message(), "text", p.format("scenario"));
    }

    /** Who sits in which cell of the exercise, for its control: [{username, role, cell}]. */
    void members(Context ctx) {
        LiveExercises.Live live = live(ctx);
        if (access.actor(ctx, live).role() != Actor.Role.CONTROLLER) {
            throw new ApiError(403, ApiProblem.MEMBERS_FOR_CONTROL.with());
        }
        ctx.json(records.members(live.id()).stream().map(m -> Map.of("username", m.username(), "role", m.role(), "cell", m.cell()))
                .toList());
    }

    void addMember(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor caller = access.actor(ctx, live);
        if (caller.role() != Actor.Role.CONTROLLER) {
            throw new ApiError(403, ApiProblem.ASSIGN_FOR_CONTROL.with());
        }
        JsonNode body = SessionRoutes.jsonBody(ctx);
        String username = body.path("username").asText("");
        String role = body.path("role").asText("").toLowerCase(Locale.ROOT);
        String cellId = body.path("cell").asText("");
        if (accounts.find(username).isEmpty()) {
            throw new ApiError(422, ApiProblem.NO_SUCH_USER.with("user", username));
        }
        Cell cell = live.scenario().cell(cellId).orElseThrow(() -> new ApiError(422, ApiProblem.MEMBER_CELL.with("cell", cellId)));
        if (!List.of("controller", "player", "observer").contains(role)) {
            throw new ApiError(422, ApiProblem.MEMBER_ROLE.with());
        }
        // stored as the role's name in lower case, read back by Access the same way
        if (!Actor.Role.valueOf(role.toUpperCase(Locale.ROOT)).fits(cell.kind())) {
            throw new ApiError(422, ApiProblem.ROLE_NOT_IN_CELL.with("role", role, "cell", cellId));
        }
        records.addMember(live.id(), username, role, cellId);
        audit.record(caller.user(), "member-assigned", live.id() + ": " + username + " as " + role + " in " + cellId);
        ctx.status(204);
    }

    /**
     * What the room's screen (the presenter view) shows: the feed as the room may see it (an inject only when sent to
     * every delegation under a marking releasable to all, revealed answers, action items, the statement), the
     * current move's title and narrative, and what control has put on the screen. Any member may open it: it holds
     * nothing that is not every delegation's.
     */
    void room(Context ctx) {
        LiveExercises.Live live = live(ctx);
        access.actor(ctx, live);
        Map<String, Object> room;
        java.util.function.Predicate<String> known = knownObjects(Actor.ROOM, live, scenarioNow(live));
        synchronized (live) {
            room = Feed.of(live.exercise(), Actor.ROOM, clock.instant(), known, request -> "");
        }
        ctx.json(room);
    }

    /** The caller's token for each anonymous feedback request of the exercise. */
    private java.util.function.UnaryOperator<String> ownToken(LiveExercises.Live live, Actor actor) {
        return request -> exercises.anonymousToken(live, request, actor.user());
    }

    void feed(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = access.actor(ctx, live);
        java.util.function.Predicate<String> known = knownObjects(actor, live, scenarioNow(live));
        synchronized (live) {
            ctx.json(Feed.of(live.exercise(), actor, clock.instant(), known, ownToken(live, actor)));
        }
    }

    /**
     * The MSEL with each inject's computed (or actual) release and status: control's, and the evaluators' unless the
     * scenario keeps it from them ({@code evaluators: {msel: false}}).
     */
    void timeline(Context ctx) {
        LiveExercises.Live live = live(ctx);
        if (!live.exercise().visibility().seesMsel(access.actor(ctx, live))) {
            throw new ApiError(403, (live.scenario().evaluatorsSeeMsel() ? ApiProblem.MSEL_FOR_CONTROL_AND_EVALUATORS : ApiProblem.MSEL_FOR_CONTROL).with());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (live) {
            var state = live.exercise().state();
            List<TriggerSchedule.Entry> entries = new ArrayList<>(live.schedule().entries());
            // and the injects control wrote during play: by hand, or at the time control gave
            for (var w : state.written().values()) {
                entries.add(new TriggerSchedule.Entry(w, w.trigger() instanceof org.spacettx.exercise.scenario.Trigger.AtTime a
                        ? java.util.Optional.of(a.time()) : java.util.Optional.empty(),
                        org.spacettx.exercise.scenario.Text.of("written during play", "연습 중 작성")));
            }
            for (TriggerSchedule.Entry e : entries) {
                int number = e.inject().number();
                var released = state.released().get(number);
                Map<String, Object> row = scheduleRow(e);
                row.put("marking", e.inject().marking().toString());
                row.put("status", released != null ? "released" : state.isWithdrawn(number) ? "withdrawn" : "pending");
                row.put("releasedAt", released == null ? null : released.scenarioTime().toString());
                row.put("acknowledgedBy", released == null ? List.of() : released.acknowledgedBy());
                row.put("files", state.files(number));
                // whether control may put it on the room's screen: the policy decides, not the console
                row.put("room", released != null && live.exercise().visibility().canSee(Actor.ROOM, released));
                out.add(row);
            }
        }
        ctx.json(out);
    }

    /**
     * The after-action report as the caller may see it ({@code ?format=html|pdf|json}, {@code ?lang=en|ko|both}): the
     * same policy as the feed decides every item. HTML is a self-contained page with inline styles (plus the Korean
     * font this server ships), so it gets a content policy of its own that allows those and nothing else.
     */
    void report(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = access.actor(ctx, live);
        String format = java.util.Objects.requireNonNullElse(ctx.queryParam("format"), "html");
        ReportHtml.Language language = reportLanguage(ctx);
        if (!format.equals("html") && !format.equals("pdf") && !format.equals("json")) {
            throw new ApiError(400, ApiProblem.REPORT_FORMAT.with("format", format));
        }
        AfterActionReport report;
        synchronized (live) {
            report = AfterActionReport.of(live.scenario(), live.exercise().state(), actor);
        }
        if (format.equals("json")) {
            ctx.contentType("application/json").result(Json.write(report));
            return;
        }
        if (format.equals("pdf")) {
            ctx.header("Content-Disposition", "inline; filename=\"" + live.id() + "-aar-" + actor.cell() + ".pdf\"");
            ctx.contentType("application/pdf").result(ReportPdf.render(report, language));
            return;
        }
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
                + "img-src data:; base-uri 'none'; frame-ancestors 'none'; form-action 'none'");
        ctx.contentType("text/html; charset=utf-8")
                .result(ReportHtml.render(report, language, List.of("/fonts/noto-sans-kr/index.css")));
    }

    /**
     * The evaluators' work as CSV ({@link EvaluationCsv}): for control and the observers, who evaluate; the language
     * of the objectives' and scales' words by {@code lang} (en, ko or both).
     */
    void evaluationCsv(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = access.actor(ctx, live);
        if (!actor.isControl() && actor.role() != Actor.Role.OBSERVER) {
            throw new ApiError(403, ApiProblem.EVALUATION_FOR_EVALUATORS.with());
        }
        ReportHtml.Language language = reportLanguage(ctx);
        AfterActionReport report;
        synchronized (live) {
            report = AfterActionReport.of(live.scenario(), live.exercise().state(), actor);
        }
        String csv = EvaluationCsv.of(report, language);
        audit.record(actor.user(), "evaluation-exported", live.id());
        ctx.header("Content-Disposition", "attachment; filename=\"" + live.id() + "-evaluation.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }

    /** The report language a request asks for ({@code lang}: en, ko or both; en when absent). */
    private static ReportHtml.Language reportLanguage(Context ctx) {
        try {
            return ReportHtml.Language.parse(java.util.Objects.requireNonNullElse(ctx.queryParam("lang"), "en"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, ApiProblem.LANGUAGE.with("lang", ctx.queryParam("lang")));
        }
    }

    /**
     * The exercise's archive (scenario, catalog snapshot, event log; see {@link ExerciseArchive}): for control
     * only, since the log holds every cell's items.
     */
    void archive(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = access.actor(ctx, live);
        if (!actor.isControl()) {
            throw new ApiError(403, ApiProblem.ARCHIVE_FOR_CONTROL.with());
        }
        String yaml = records.find(live.id()).orElseThrow(() -> new ApiError(404, ApiProblem.NO_SUCH_EXERCISE.with("exercise", live.id()))).scenarioYaml();
        byte[] zip;
        synchronized (live) {
            zip = ExerciseArchive.of(live.id(), yaml, live.scenario(), live.exercise().log(), files.all(live.id())).write();
        }
        audit.record(actor.user(), "exercise-exported", live.id() + " (" + zip.length + " bytes)");
        ctx.header("Content-Disposition", "attachment; filename=\"" + live.id() + ".spacettx.zip\"");
        ctx.contentType("application/zip").result(zip);
    }

    /**
     * {@code POST /api/exercises/import?id=NEW}: an archive becomes an exercise of this server (administrators),
     * after every check: its parts' hashes, the scenario, the catalog snapshot against the scenario as parsed here,
     * and a replay of the whole log. The importer becomes its control; members are assigned again here.
     */
    void importArchive(Context ctx) {
        Accounts.User user = access.user(ctx);
        if (!user.admin()) {
            throw new ApiError(403, ApiProblem.IMPORT_FOR_ADMINISTRATORS.with());
        }
        ExerciseArchive archive;
        ScenarioReader.Result result;
        try {
            archive = ExerciseArchive.read(ctx.bodyAsBytes(), "archive");
            result = exercises.parse(archive.scenarioYaml());
            if (!result.ok()) {
                throw new ApiError(422, ApiProblem.ARCHIVE_SCENARIO_ERRORS.with("count", result.errors().size(),
                        "first", result.errors().get(0).message()));
            }
            archive.checkCatalog(result.scenario(), "archive");
        } catch (org.spacettx.orbit.input.InputException e) {
            throw new ApiError(422, ApiProblem.ARCHIVE_INVALID.with("detail", e.getMessage()));
        }
        String id = ctx.queryParam("id") == null ? archive.exerciseId() : ctx.queryParam("id");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new ApiError(400, ApiProblem.EXERCISE_ID.with());
        }
        if (records.find(id).isPresent()) {
            throw new ApiError(409, ApiProblem.EXERCISE_EXISTS.with("exercise", id)); // before the costly build
        }
        try {
            compute(null, "replaying the archive", () -> exercises.importArchive(id, archive, result.scenario(), user.username()));
        } catch (org.spacettx.orbit.input.InputException e) {
            throw new ApiError(422, ApiProblem.ARCHIVE_INVALID.with("detail", e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, ApiProblem.IMPORT_CONFLICT.with("detail", e.getMessage()));
        }
        String control = result.scenario().cells().stream().filter(c -> c.kind() == Cell.Kind.CONTROL).findFirst()
                .orElseThrow().id();
        records.addMember(id, user.username(), "controller", control);
        archive.files().forEach((sha, bytes) -> {
            String mediaType = archive.events().stream().map(Event.Recorded::event)
                    .filter(e -> e instanceof Event.FileAttached a && a.file().sha256().equals(sha))
                    .map(e -> ((Event.FileAttached) e).file().mediaType()).findFirst().orElse("application/octet-stream");
            files.put(id, sha, mediaType, bytes);
        });
        audit.record(user.username(), "exercise-imported", id + " from archive of " + archive.exerciseId() + ", "
                + archive.events().size() + " events, log sha256 " + ExerciseArchive.sha256(archive.eventsJsonl()));
        ctx.status(201).json(Map.of("id", id, "events", archive.events().size()));
    }

    /**
     * The exercise as the caller saw it just after event {@code ?seq=N} (0: before the first; default: the last):
     * the same feed, through the same policy, of the log up to there, with the clock stopped at that moment.
     */
    void replay(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = access.actor(ctx, live);
        List<Event.Recorded> log;
        synchronized (live) {
            log = live.exercise().log();
        }
        int seq = log.size();
        if (ctx.queryParam("seq") != null) {
            try {
                seq = Integer.parseInt(ctx.queryParam("seq"));
            } catch (NumberFormatException e) {
                seq = -1;
            }
            if (seq < 0 || seq > log.size()) {
                throw new ApiError(400, ApiProblem.REPLAY_SEQ.with("last", log.size()));
            }
        }
        Exercise then = Exercise.replay(live.scenario(), live.scheduled(), log.subList(0, seq));
        Instant wall = seq > 0 ? log.get(seq - 1).wallTime() : log.isEmpty() ? clock.instant() : log.get(0).wallTime();
        Map<String, Object> feed = new LinkedHashMap<>(Feed.of(then, actor, wall,
                knownObjects(actor, live, then.state().scenarioTimeAt(wall)), ownToken(live, actor)));
        @SuppressWarnings("unchecked")
        Map<String, Object> clockAt = new LinkedHashMap<>((Map<String, Object>) feed.get("clock"));
        clockAt.put("running", false);
        feed.put("clock", clockAt);
        feed.put("replay", Map.of("seq", seq, "events", log.size(), "wallTime", wall.toString(),
                "scenarioTime", clockAt.get("scenarioTime")));
        ctx.json(feed);
    }

    /**
     * The space picture at {@code ?at=ISO} (default: the exercise's scenario time now); control may ask for a
     * delegation's picture ({@code ?cell=ID}) to set it beside the truth.
     */
    void space(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = viewer(ctx, access.actor(ctx, live), live);
        ctx.json(pictureFor(actor, live, notAhead(actor, live, at(ctx, live))));
    }

    /**
     * The space picture at {@code at} as {@code actor} holds it: the objects it knows, where its knowledge puts them (a
     * delegation with sensors: its estimates); the effects for control alone.
     */
    private Map<String, Object> pictureFor(Actor actor, LiveExercises.Live live, java.time.Instant at) {
        Held held = held(actor, live, at);
        Map<String, Object> picture = live.space().at(at, held.known(), held.estimates(),
                id -> live.scenario().breakups().stream().anyMatch(b -> b.id().equals(id) && held.breakups().test(b)));
        // the ground sensors the viewer owns: control's and the evaluators' all, a delegation's its own, the room's none
        boolean all = actor.isControl() || actor.role() == Actor.Role.OBSERVER && live.scenario().evaluatorsSeeAll();
        return live.space().withSensors(actor.isControl() ? picture : SpacePicture.withoutEffects(picture),
                cell -> all || actor.role() == Actor.Role.PLAYER && cell.equals(actor.cell()));
    }

    /**
     * The caller, or less: the room's view when the request asks for it ({@code ?audience=room}; anyone may ask for
     * less), a delegation's view when control asks for it ({@code ?cell=ID}).
     */
    private Actor viewer(Context ctx, Actor caller, LiveExercises.Live live) {
        String audience = ctx.queryParam("audience");
        String cell = ctx.queryParam("cell");
        if (cell != null) {
            // control, and the evaluators where they see everything (the scenario's default)
            if (!caller.isControl() && !(caller.role() == Actor.Role.OBSERVER && live.scenario().evaluatorsSeeAll())) {
                throw new ApiError(403, ApiProblem.PICTURES_FOR_CONTROL.with());
            }
            Cell c = live.scenario().cell(cell).filter(x -> x.kind() == Cell.Kind.BLUE)
                    .orElseThrow(() -> new ApiError(400, ApiProblem.PICTURE_CELL.with()));
            return new Actor(caller.user(), Actor.Role.PLAYER, c.id(), c.nation());
        }
        if (audience == null) {
            return caller;
        }
        if (!audience.equals("room")) {
            throw new ApiError(400, ApiProblem.AUDIENCE.with());
        }
        return Actor.ROOM;
    }

    /**
     * How a viewer holds the space objects when looking at scenario time {@code at}: which it knows (the policy
     * decides), and for a delegation with sensors (the room: what all of them hold) its estimate of each; as of the
     * earlier of that time and the time the exercise has reached (nobody learns of a launch from a later picture).
     */
    private record Held(java.util.function.Predicate<org.spacettx.exercise.scenario.SpaceObject> known,
                        java.util.function.Function<org.spacettx.exercise.scenario.SpaceObject,
                                java.util.Optional<CellKnowledge.Estimate>> estimates,
                        java.util.function.Predicate<org.spacettx.exercise.scenario.Breakup> breakups) {
    }

    private Held held(Actor actor, LiveExercises.Live live, java.time.Instant at) {
        if (actor.isControl()) { // the truth: nothing of the cells' sensors to compute
            return new Held(o -> true, o -> java.util.Optional.empty(), b -> true);
        }
        java.time.Instant now = scenarioNow(live);
        org.spacettx.exercise.policy.Visibility visibility;
        List<org.spacettx.exercise.engine.Item.SharedTrack> shares;
        synchronized (live) {
            visibility = live.exercise().visibility();
            shares = live.exercise().state().sharedTracks();
        }
        // a time to the millisecond (the console's) names that millisecond: within it, what happened in it counts
        java.time.Instant asOf = at.plusMillis(1).isAfter(now) ? now : at;
        CellKnowledge knowledge = new CellKnowledge(live.schedule().detections(), shares);
        List<String> delegations = live.scenario().cells().stream().filter(c -> c.kind() == Cell.Kind.BLUE).map(Cell::id).toList();
        return new Held(o -> visibility.knows(actor, o, asOf, knowledge), switch (actor.role()) {
            case PLAYER -> o -> knowledge.estimate(actor.cell(), o, asOf);
            case ROOM -> o -> knowledge.common(delegations, o, asOf);
            default -> o -> java.util.Optional.empty();
        }, b -> visibility.knowsBreakup(actor, b, asOf, knowledge));
    }

    /** The ids of the space objects {@code actor} knows of at scenario time {@code at} (the policy decides). */
    private java.util.function.Predicate<String> knownObjects(Actor actor, LiveExercises.Live live, java.time.Instant at) {
        if (live.scenario().questions().stream().allMatch(q -> q.picture().isEmpty())) {
            return id -> false; // no question names an object: nothing of the sensors to compute for a feed
        }
        Held held = held(actor, live, at); // before the feed takes the exercise's lock
        return id -> live.scenario().object(id).map(held.known()::test).orElse(false);
    }

    /** What a CZML reader gets: the objects it knows, each as it holds it; the effects for control alone. */
    private SpaceCzml.View czmlView(Actor actor, LiveExercises.Live live, java.time.Instant to) {
        Held held = held(actor, live, to);
        return new SpaceCzml.View(held.known(), actor.isControl() ? null : scenarioNow(live), actor.isControl(),
                o -> held.estimates().apply(o).map(CellKnowledge.Estimate::asKnown).orElse(o), held.breakups());
    }

    /** The exercise's scenario time now. */
    private java.time.Instant scenarioNow(LiveExercises.Live live) {
        synchronized (live) {
            return live.exercise().state().scenarioTimeAt(clock.instant());
        }
    }

    /**
     * A picture's time for a viewer: control may look ahead at the truth; anyone else sees at most the exercise's
     * present (the picture of a later time would show manoeuvres, breakups and effects still to come).
     */
    private java.time.Instant notAhead(Actor actor, LiveExercises.Live live, java.time.Instant at) {
        if (actor.isControl()) {
            return at;
        }
        java.time.Instant now = scenarioNow(live);
        return at.isAfter(now) ? now : at;
    }

    /** The same picture as KML 2.2 for Google Earth ({@code ?at=ISO}, {@code ?lang=en|ko}). */
    void spaceKml(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = access.actor(ctx, live);
        java.time.Instant at = notAhead(actor, live, at(ctx, live));
        String kml = SpaceKml.of(pictureFor(actor, live, at), live.scenario().title(), language(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"" + live.id() + ".kml\"");
        ctx.contentType("application/vnd.google-earth.kml+xml; charset=utf-8").result(kml);
    }

    /**
     * The space picture over a span as CZML for Cesium-based viewers ({@code ?from=ISO&to=ISO&step=S&lang=en|ko};
     * default: the whole scenario every 60 s; {@code ?audience=room} for the room's screen).
     */
    void spaceCzml(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = viewer(ctx, access.actor(ctx, live), live);
        java.time.Instant from = scenarioTime(ctx, live, "from", live.scenario().start());
        java.time.Instant to = scenarioTime(ctx, live, "to", live.scenario().end());
        long step;
        try {
            step = Long.parseLong(java.util.Objects.requireNonNullElse(ctx.queryParam("step"), "60"));
        } catch (NumberFormatException e) {
            throw new ApiError(400, ApiProblem.CZML_STEP.with());
        }
        if (step < 10 || step > 600) {
            throw new ApiError(400, ApiProblem.CZML_STEP_RANGE.with());
        }
        String czml;
        try {
            czml = SpaceCzml.of(live.scenario(), OrekitData.standard(), from, to,
                    java.time.Duration.ofSeconds(step), language(ctx), czmlView(actor, live, to));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, ApiProblem.CZML_INVALID.with("detail", e.getMessage()));
        }
        ctx.header("Content-Disposition", "inline; filename=\"" + live.id() + ".czml\"");
        ctx.contentType("application/json; charset=utf-8").result(czml);
    }

    /**
     * The reconnaissance warning schedule of the scenario's places as an iCalendar feed: one event per overflight
     * window of a place by an imaging object ({@code ?lang=en|ko} for the place names).
     */
    void warningCalendar(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = access.actor(ctx, live);
        String lang = language(ctx);
        ICalendar calendar = new ICalendar(clock.instant());
        Held held = held(actor, live, live.scenario().end());
        for (SpacePicture.PlaceWindow p : live.space().windows(held.known(), held.estimates())) {
            var w = p.window();
            String place = live.scenario().placeName(p.place()).in(lang);
            String object = live.space().objectName(w.noradId()).in(lang);
            calendar.add(new ICalendar.Event(live.id() + "-" + p.place() + "-" + w.noradId() + "-" + w.start().getEpochSecond(),
                    w.start(), w.end(), ("ko".equals(lang) ? "촬영 가능: " : "OBSERVABLE: ") + place,
                    "ko".equals(lang) ? object + " (NORAD " + w.noradId() + ")가 " + place + "을(를) 촬영할 수 있음 (연습용 자료)."
                            : object + " (NORAD " + w.noradId() + ") can image " + place + " (exercise material)."));
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + live.id() + "-warning.ics\"");
        ctx.contentType("text/calendar; charset=utf-8").result(calendar.render());
    }

    private static String language(Context ctx) {
        String lang = java.util.Objects.requireNonNullElse(ctx.queryParam("lang"), "en");
        if (!lang.equals("en") && !lang.equals("ko")) {
            throw new ApiError(400, ApiProblem.LANGUAGE.with("lang", lang));
        }
        return lang;
    }

    /** {@code ?at=ISO} within the scenario, or the exercise's scenario time now. */
    private java.time.Instant at(Context ctx, LiveExercises.Live live) {
        java.time.Instant now;
        synchronized (live) {
            now = live.exercise().state().scenarioTimeAt(clock.instant());
        }
        return scenarioTime(ctx, live, "at", now);
    }

    /** A time within the scenario from query parameter {@code name}, or {@code fallback} when it is absent. */
    private static java.time.Instant scenarioTime(Context ctx, LiveExercises.Live live, String name, java.time.Instant fallback) {
        java.time.Instant at;
        String param = ctx.queryParam(name);
        if (param == null) {
            at = fallback;
        } else {
            try {
                at = java.time.Instant.parse(param);
            } catch (java.time.format.DateTimeParseException e) {
                throw new ApiError(400, ApiProblem.TIME_FORMAT.with("name", name, "value", param));
            }
        }
        if (at.isBefore(live.scenario().start()) || at.isAfter(live.scenario().end())) {
            throw new ApiError(400, ApiProblem.TIME_OUTSIDE.with("name", name, "value", at, "start", live.scenario().start(),
                    "end", live.scenario().end()));
        }
        return at;
    }

    /** Longest {@code Idempotency-Key} taken (a UUID is 36 characters). */
    static final int MAX_KEY_LENGTH = 200;

    /**
     * {@code POST /api/exercises/{id}/commands}: a command, answered with the events of it the caller may see. With an
     * {@code Idempotency-Key} header, a retry of the same command with the same key gets the first answer again and
     * stores nothing new. A user sends a burst of commands, then a few a second ({@link CommandThrottle}; 429 with
     * {@code Retry-After} beyond).
     */
    void command(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = access.actor(ctx, live);
        String body = ctx.body();
        LiveExercises.Retry retry = retry(ctx, body);
        Command command;
        try {
            command = Json.read(body, Command.class);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, ApiProblem.NOT_A_COMMAND.with("detail", e.getMessage()));
        }
        if (command == null) {
            throw new ApiError(400, ApiProblem.EMPTY_COMMAND.with());
        }
        throttle.take(actor.user()).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiError(429, ApiProblem.COMMANDS_THROTTLED.with("seconds", seconds), Map.of("retryAfterSeconds", seconds));
        });
        if (command instanceof Command.AttachFile a) {
            // the document must be stored before the log names it: only the upload route sends this command
            throw new ApiError(400, ApiProblem.FILE_ATTACHED_BY_UPLOAD.with("exercise", live.id(), "number", a.number()));
        }
        if (command instanceof Command.GiveFeedback g) {
            // whatever token the client sent, the server's stands for the giver of feedback to an anonymous request
            command = g.from(exercises.anonymousToken(live, g.request(), actor.user()));
        }
        LiveExercises.Reply reply;
        try {
            reply = exercises.command(live, actor, command, retry);
        } catch (EventStore.Conflict e) {
            throw new ApiError(409, ApiProblem.COMMAND_CONFLICT.with());
        } catch (LiveExercises.KeyReused e) {
            throw new ApiError(422, ApiProblem.IDEMPOTENCY_KEY_REUSED.with("detail", e.getMessage()));
        }
        switch (reply) {
            case LiveExercises.Reply.Refused r -> throw new ApiError(422, r.message());
            case LiveExercises.Reply.Accepted a -> {
                if (!a.again() && (command instanceof Command.ReleaseInject || command instanceof Command.WithdrawInject
                        || command instanceof Command.WriteInject || command instanceof Command.RevealQuestion
                        || command instanceof Command.StartExercise || command instanceof Command.EndExercise
                        || command instanceof Command.ShareTrack)) {
                    audit.record(actor.user(), command.getClass().getSimpleName(), live.id() + ": " + Json.write(command));
                }
                if (a.again()) {
                    ctx.header("Idempotent-Replayed", "true");
                }
                ctx.contentType("application/json").result(a.json());
            }
        }
    }

    /** The request's {@code Idempotency-Key} with the command's fingerprint, or null without one. */
    private static LiveExercises.Retry retry(Context ctx, String body) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            throw new ApiError(400, ApiProblem.IDEMPOTENCY_KEY.with("max", MAX_KEY_LENGTH, "key", excerpt(key)));
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new LiveExercises.Retry(key, java.util.HexFormat.of().formatHex(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * An edited MSEL workbook brought into the running exercise (control; audited): its rows whose numbers the MSEL
     * lacks join it as injects written by control, released by hand or at their set time. The workbook is checked as a
     * whole first (read with the scenario as the CLI reads it: a marking that would leak is an error there), and a
     * row that cannot join (an orbital or chained trigger, a time already past) refuses the whole workbook with every
     * reason. Rows the MSEL has already are left as they are (a running exercise's own injects
     * do not change under the players).
     */
    void importWorkbook(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = access.actor(ctx, live);
        if (actor.role() != Actor.Role.CONTROLLER) {
            throw new ApiError(403, ApiProblem.WORKBOOK_FOR_CONTROL.with());
        }
        String yaml = records.find(live.id()).orElseThrow().scenarioYaml();
        ScenarioReader.Result read;
        try {
            read = exercises.parse(org.spacettx.exercise.export.MselTable.replaceMselFromXlsx(yaml, ctx.bodyAsBytes(), "the workbook"));
        } catch (org.spacettx.orbit.input.InputException | IllegalArgumentException e) {
            throw new ApiError(422, ApiProblem.WORKBOOK_INVALID.with("detail", e.getMessage()));
        }
        if (!read.ok()) {
            throw new ApiError(422, ApiProblem.WORKBOOK_MSEL_ERRORS.with("count", read.errors().size()),
                    read.problems().stream().filter(p -> p.severity() == ScenarioProblem.Severity.ERROR).map(ExerciseRoutes::problem).toList());
        }
        List<Command.WriteInject> fresh = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        synchronized (live) {
            var state = live.exercise().state();
            for (var i : read.scenario().injects()) {
                if (state.inject(i.number()).isPresent()) {
                    continue;
                }
                Instant at = null;
                if (i.trigger() instanceof org.spacettx.exercise.scenario.Trigger.AtTime t) {
                    at = t.time();
                    if (at.isBefore(state.scenarioTimeAt(clock.instant()))) {
                        refused.add("inject " + i.number() + ": its time " + at + " has passed");
                        continue;
                    }
                } else if (!(i.trigger() instanceof org.spacettx.exercise.scenario.Trigger.Manual)) {
                    refused.add("inject " + i.number() + ": only injects released by hand or at a time join a running exercise");
                    continue;
                }
                fresh.add(new Command.WriteInject(i.number(), i.move(), i.recipients(), i.channel(), i.marking(), i.subject(), i.body(),
                        i.expectedAction(), at, false));
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiError(422, ApiProblem.WORKBOOK_CANNOT_JOIN.with(), refused);
        }
        List<Integer> added = new ArrayList<>();
        for (Command.WriteInject c : fresh) {
            Outcome outcome;
            try {
                outcome = exercises.handle(live, actor, c);
            } catch (EventStore.Conflict e) {
                throw new ApiError(409, ApiProblem.WORKBOOK_CONFLICT.with("added", added));
            }
            if (outcome instanceof Outcome.Rejected r) {
                throw new ApiError(422, ApiProblem.WORKBOOK_INJECT_REFUSED.with("number", c.number(), "reason", r.reason()), Map.of("added", added));
            }
            added.add(c.number());
        }
        audit.record(actor.user(), "msel-workbook-imported", live.id() + ": injects " + added);
        ctx.status(201).json(Map.of("added", added));
    }

    /**
     * {@code POST /api/exercises/{id}/injects/{number}/files?name=FILE}: control attaches a document (the body, of the
     * type its Content-Type names: PNG, JPEG or PDF, checked against its first bytes) to an inject, released or not.
     * The bytes are stored once per content, then the inject carries it (FileAttached); its readers may open it.
     */
    void attachFile(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = access.actor(ctx, live);
        if (!actor.isControl()) {
            throw new ApiError(403, ApiProblem.FILES_FOR_CONTROL.with());
        }
        int number;
        try {
            number = Integer.parseInt(ctx.pathParam("number"));
        } catch (NumberFormatException e) {
            throw new ApiError(404, ApiProblem.NOT_FOUND.with("method", "POST", "path", excerpt(ctx.path())));
        }
        String mediaType = java.util.Objects.requireNonNullElse(ctx.contentType(), "").split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!org.spacettx.exercise.engine.AttachedFile.MEDIA_TYPES.contains(mediaType)) {
            throw new ApiError(415, ApiProblem.FILE_TYPE.with("mediaType", excerpt(mediaType)));
        }
        byte[] content = ctx.bodyAsBytes();
        if (!org.spacettx.exercise.engine.AttachedFile.looksLike(mediaType, content)) {
            throw new ApiError(422, ApiProblem.FILE_NOT_WHAT_IT_SAYS.with("mediaType", mediaType));
        }
        String sha256;
        try {
            sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        var file = new org.spacettx.exercise.engine.AttachedFile(java.util.Objects.requireNonNullElse(ctx.queryParam("name"), ""),
                mediaType, sha256, content.length);
        // the engine's checks first (name, size, the inject, how many), so that nothing refused is stored
        synchronized (live) {
            if (live.exercise().check(actor, clock.instant(), new Command.AttachFile(number, file)) instanceof Outcome.Rejected r) {
                throw new ApiError(422, r.message());
            }
        }
        files.put(live.id(), sha256, mediaType, content);
        Outcome outcome;
        try {
            outcome = exercises.handle(live, actor, new Command.AttachFile(number, file));
        } catch (EventStore.Conflict e) {
            throw new ApiError(409, ApiProblem.COMMAND_CONFLICT.with());
        }
        if (outcome instanceof Outcome.Rejected r) {
            throw new ApiError(422, r.message());
        }
        audit.record(actor.user(), "file-attached", live.id() + ": inject " + number + ", " + file.name() + " (" + sha256 + ", "
                + content.length + " bytes)");
        ctx.status(201).json(Map.of("number", number, "file", file, "url", fileUrl(live.id(), sha256)));
    }

    /** Where a reader opens an attached document. */
    static String fileUrl(String exercise, String sha256) {
        return "/api/exercises/" + exercise + "/files/" + sha256;
    }

    /**
     * {@code GET /api/exercises/{id}/files/{sha256}}: an attached document, to control, and to whoever reads an inject
     * that carries it; to anyone else it does not exist (404), as an inject they cannot read.
     */
    void file(Context ctx) {
        LiveExercises.Live live = live(ctx);
        Actor actor = access.actor(ctx, live);
        String sha256 = ctx.pathParam("sha256");
        org.spacettx.exercise.engine.AttachedFile file = null;
        synchronized (live) {
            var state = live.exercise().state();
            var visibility = live.exercise().visibility();
            for (int number : state.injectsCarrying(sha256)) {
                var released = state.released().get(number);
                if (actor.isControl() || released != null && visibility.canSee(actor, released)) {
                    file = state.files(number).stream().filter(f -> f.sha256().equals(sha256)).findFirst().orElseThrow();
                    break;
                }
            }
        }
        if (file == null) {
            throw new ApiError(404, ApiProblem.NO_SUCH_FILE.with("sha256", excerpt(sha256)));
        }
        ExerciseFiles.Stored stored = files.get(live.id(), sha256)
                .orElseThrow(() -> new ApiError(404, ApiProblem.NO_SUCH_FILE.with("sha256", excerpt(sha256))));
        String ascii = file.name().replaceAll("[^A-Za-z0-9._-]", "_");
        ctx.header("Content-Disposition", "inline; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(file.name(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header("Cache-Control", "private, max-age=3600"); // content-addressed: the same URL is always the same bytes
        ctx.contentType(stored.mediaType()).result(stored.content());
    }

    /**
     * Who may open the stream, and whether it can resume where asked, are decided before the stream answers 200: a
     * client that does not accept {@code text/event-stream} gets 406, and a {@code Last-Event-ID} past the log's end
     * (no client can have received it) 400.
     */
    void checkStreamAccess(Context ctx) {
        LiveExercises.Live live = live(ctx);
        access.actor(ctx, live);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/event-stream")) {
            throw new ApiError(406, ApiProblem.STREAM_ACCEPT.with());
        }
        long seen = lastEventId(ctx);
        long last;
        synchronized (live) {
            last = live.exercise().state().lastSequence();
        }
        if (seen > last) {
            throw new ApiError(400, ApiProblem.STREAM_PAST_END.with("id", seen, "last", last));
        }
    }

    /** The sequence number a reconnecting stream last received ({@code Last-Event-ID} or {@code ?lastEventId}), or 0. */
    private static long lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID") != null ? ctx.header("Last-Event-ID") : ctx.queryParam("lastEventId");
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            long seen = Long.parseLong(header.strip());
            if (seen >= 0) {
                return seen;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiError(400, ApiProblem.STREAM_EVENT_ID.with("id", excerpt(header)));
    }

    /** At most 40 characters of a caller's text, for an error message. */
    static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    void stream(SseClient client) {
        Context ctx = client.ctx();
        LiveExercises.Live live = live(ctx);
        Actor actor = access.actor(ctx, live);
        long lastSeen = lastEventId(ctx);
        client.keepAlive();
        // Each subscriber has its own queue and writer thread: broadcasting only enqueues, so a slow or stalled
        // browser delays nobody else; one that falls too far behind is disconnected (it resumes with Last-Event-ID).
        java.util.concurrent.BlockingQueue<LiveExercises.Delivery> queue = new java.util.concurrent.LinkedBlockingQueue<>(STREAM_BACKLOG);
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = Thread.ofVirtual().name("sse-" + actor.user()).unstarted(() -> {
            try {
                while (open.get() && !client.terminated()) {
                    var r = queue.poll(15, java.util.concurrent.TimeUnit.SECONDS);
                    if (!open.get()) {
                        break;
                    }
                    if (r == null) {
                        client.sendComment("keep-alive");
                    } else {
                        client.sendEvent(r.type(), r.json(), Long.toString(r.sequence()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                open.set(false);
            }
        });
        // ending a stream completes its response: the browser sees the end and reconnects with Last-Event-ID, and a
        // server stopping gracefully has no open request left to wait for
        Runnable close = () -> {
            if (open.getAndSet(false)) {
                writer.interrupt();
                try {
                    client.close();
                } catch (RuntimeException e) {
                    // the client went away already
                }
            }
        };
        LiveExercises.Subscriber subscriber = new LiveExercises.Subscriber(actor, r -> {
            if (!queue.offer(r)) {
                close.run(); // too far behind: the browser reconnects and resumes with Last-Event-ID
            }
        }, close);
        client.onClose(() -> {
            exercises.unsubscribe(live, subscriber);
            close.run();
        });
        writer.start();
        exercises.subscribe(live, subscriber, lastSeen);
    }

    /** Events a live-stream client may fall behind before it is disconnected. */
    static final int STREAM_BACKLOG = 10_000;

    private LiveExercises.Live live(Context ctx) {
        return live(ctx, exercises, records, access);
    }

    /**
     * The exercise a request names: 404 when there is none (or the caller is not a member of it); 503 with why when
     * this server could not load it.
     */
    static LiveExercises.Live live(Context ctx, LiveExercises exercises, ExerciseRecords records, Access access) {
        String id = ctx.pathParam("id");
        return exercises.get(id).orElseThrow(() -> {
            var failed = exercises.failure(id);
            if (failed.isPresent() && records.membership(id, access.user(ctx).username()).isPresent()) {
                return new ApiError(503, ApiProblem.EXERCISE_OUT_OF_SERVICE.with("exercise", id, "reason", failed.get().reason()));
            }
            return new ApiError(404, ApiProblem.NO_SUCH_EXERCISE.with("exercise", id));
        });
    }
}
