package org.spacettx.exercise.scenario;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.MapNode;
import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.Area;
import org.spacettx.orbit.geo.Site;

/**
 * Reads and validates a scenario file (YAML, documented in {@code docs/scenario-format.md}). It reports every
 * problem it can find in one pass, each with line, column and path, rather than stopping at the first; the scenario
 * is returned only when there is no error (warnings, such as a missing Korean text, do not block it).
 */
public final class ScenarioReader {

    /** Channels through which injects reach the players. */
    public static final Set<String> CHANNELS = Set.of("intel-report", "news", "phone-call", "formal-message", "email",
            "briefing", "video", "chat", "social-media");

    /** The result: the scenario when there are no errors, and every problem found. */
    /**
     * What a read produced: the scenario (null when there are errors), every problem, and where each inject's
     * trigger is in the file (by inject number), for problems found once the triggers are computed.
     */
    public record Result(Scenario scenario, List<ScenarioProblem> problems, Map<Integer, ScenarioProblem.Anchor> triggers) {
        public Result {
            problems = List.copyOf(problems);
            triggers = Map.copyOf(triggers);
        }

        public boolean ok() {
            return scenario != null;
        }

        public List<ScenarioProblem> errors() {
            return problems.stream().filter(p -> p.severity() == ScenarioProblem.Severity.ERROR).toList();
        }
    }

    private ScenarioReader() {
    }

    /** Largest scenario file read: the demo, in two languages, is about 60 kB. */
    public static final long MAX_FILE_BYTES = 16L << 20;

    public static Result read(Path file, OrekitData data) {
        return read(file, data, Limits.DEFAULT);
    }

    /** As {@link #read(Path, OrekitData)}, under other limits than the defaults. */
    public static Result read(Path file, OrekitData data, Limits limits) {
        String text = org.spacettx.orbit.input.TextFiles.readUtf8(file, MAX_FILE_BYTES);
        Path base = file.toAbsolutePath().getParent();
        return parse(text, base, null, data, limits);
    }

    /**
     * Reads a scenario from text. {@code baseDirectory} resolves its catalog files; null forbids catalog files (for
     * scenarios uploaded to a server).
     */
    public static Result parse(String text, Path baseDirectory, OrekitData data) {
        return parse(text, baseDirectory, null, data, Limits.DEFAULT);
    }

    /** As {@link #parse(String, Path, OrekitData)}, under other limits than the defaults (a server's). */
    public static Result parse(String text, Path baseDirectory, OrekitData data, Limits limits) {
        return parse(text, baseDirectory, null, data, limits);
    }

    /**
     * Reads a scenario whose catalog files are given as their element sets (an archive's catalog snapshot): the
     * {@code catalog} entries resolve from {@code catalog} instead of files.
     */
    public static Result parseWithCatalog(String text, List<ElementSet> catalog, OrekitData data, Limits limits) {
        return parse(text, null, List.copyOf(catalog), data, limits);
    }

    private static Result parse(String text, Path baseDirectory, List<ElementSet> snapshot, OrekitData data, Limits limits) {
        List<ScenarioProblem> problems = new ArrayList<>();
        YamlNode root;
        try {
            root = YamlNode.parse(text, problems);
        } catch (ScenarioSyntaxException e) {
            problems.add(ScenarioProblem.error(e.line, e.column, "", e.getMessage()));
            return new Result(null, problems, Map.of());
        }
        Map<Integer, ScenarioProblem.Anchor> anchors = new HashMap<>();
        Scenario scenario = build(new ReadContext(problems), root, baseDirectory, snapshot, data, limits, anchors);
        // in the file's order, top to bottom, whichever section's reader found them
        problems.sort(java.util.Comparator.comparingInt(ScenarioProblem::line).thenComparingInt(ScenarioProblem::column));
        boolean errors = problems.stream().anyMatch(p -> p.severity() == ScenarioProblem.Severity.ERROR);
        return new Result(errors ? null : scenario, problems, anchors);
    }

    /**
     * Walks the tree once, section by section, collecting problems; returns a scenario that is meaningful only without
     * errors. Each section has its reader; the top level (id, title, span, version) is read here.
     */
    private static Scenario build(ReadContext ctx, YamlNode rootNode, Path base, List<ElementSet> snapshot, OrekitData data,
                                  Limits limits, Map<Integer, ScenarioProblem.Anchor> anchors) {
        MapNode root = ctx.map(rootNode, "the scenario");
        if (root == null) {
            return null;
        }
        ctx.keys(root, "");
        String version = ctx.string(root, "scenario", "1");
        if (!version.equals("1")) {
            ctx.error(root.entries().get("scenario"), "format version '" + version + "' is not supported (expected 1)");
        }
        String id = ctx.string(root, "id", "");
        if (!id.isEmpty() && !id.matches("[a-z0-9][a-z0-9-]*")) {
            ctx.error(root.entries().get("id"), "'" + id + "' is not a lower-case id (letters, digits, dashes)");
        }
        Instant start = ctx.instant(root, "start", true);
        Instant end = ctx.instant(root, "end", true);
        if (start != null && end != null && !end.isAfter(start)) {
            ctx.error(root.entries().get("end"), "the scenario ends before it starts");
        } else if (start != null && end != null) {
            limits.spanProblem(start, end).ifPresent(problem -> ctx.error(root.entries().get("end"), problem));
        }
        boolean evaluatorsSeeMsel = true;
        boolean evaluatorsSeeAll = true;
        YamlNode evaluators = root.entries().get("evaluators");
        if (evaluators != null) {
            MapNode e = ctx.map(evaluators, "'evaluators'");
            if (e != null) {
                ctx.keys(e, "evaluators");
                String msel = ctx.string(e, "msel", "true");
                if (!msel.equals("true") && !msel.equals("false")) {
                    ctx.error(e.entries().get("msel"), "'msel' is true (the evaluators read the MSEL) or false");
                }
                evaluatorsSeeMsel = !msel.equals("false");
                String sees = ctx.string(e, "sees", "all");
                if (!sees.equals("all") && !sees.equals("releasable")) {
                    ctx.error(e.entries().get("sees"), "'sees' is all (the evaluators read every inject, message, request and shared"
                            + " track, whatever its marking) or releasable (only what its marking releases to them)");
                }
                evaluatorsSeeAll = !sees.equals("releasable");
            }
        }
        ObjectsReader objectsReader = new ObjectsReader(ctx, base, snapshot, data);
        Catalog catalog = objectsReader.catalog(root);
        List<Cell> cells = new CellsReader(ctx).read(root);
        List<Objective> objectives = new ObjectivesReader(ctx).read(root);
        Map<String, Site> sites = new LinkedHashMap<>();
        Map<String, Area> areas = new LinkedHashMap<>();
        Map<String, Text> placeNames = new LinkedHashMap<>();
        new PlacesReader(ctx).read(root, sites, areas, placeNames);
        List<SpaceObject> objects = new ArrayList<>(objectsReader.read(root, catalog));
        List<Maneuver> maneuvers = new ManeuversReader(ctx, data).read(root, objects, start, end);
        List<Breakup> breakups = new BreakupsReader(ctx, data).read(root, objects, maneuvers, start, end);
        List<Effect> effects = new EffectsReader(ctx).read(root, objects, start, end);
        List<CellSensor> sensors = new SensorsReader(ctx).read(root, cells);
        List<Move> moves = new MovesReader(ctx).read(root, start, end);
        List<Question> questions = new QuestionsReader(ctx).read(root, moves, cells, objects);
        List<Inject> injects = new MselReader(ctx, anchors).read(root, moves, cells, objectives, objects, maneuvers, breakups,
                effects, sensors, sites, areas, questions, start, end);
        List<ActionItemSeed> actionItems = new ActionItemsReader(ctx).read(root);
        return new Scenario(id, ctx.text(root, "title", true), ctx.string(root, "banner", "EXERCISE // EXERCISE // EXERCISE"),
                ctx.text(root, "description", false), start, end, cells, objectives, sites, areas, placeNames, objects, maneuvers,
                breakups, effects, sensors, moves, injects, questions, actionItems, evaluatorsSeeMsel, evaluatorsSeeAll);
    }
}
