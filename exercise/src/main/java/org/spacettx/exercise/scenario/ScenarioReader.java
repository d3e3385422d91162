package org.spacettx.exercise.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.ListNode;
import org.spacettx.exercise.scenario.YamlNode.MapNode;
import org.spacettx.exercise.scenario.YamlNode.Scalar;
import org.spacettx.orbit.access.Sensor;
import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.MeanElements;
import org.spacettx.orbit.catalog.TleFormat;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.Area;
import org.spacettx.orbit.geo.CircleArea;
import org.spacettx.orbit.geo.GeoPoint;
import org.spacettx.orbit.geo.PolygonArea;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.launch.LaunchModel;
import org.spacettx.orbit.launch.LaunchRequest;
import org.spacettx.orbit.launch.LaunchSite;

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
        String text = org.spacettx.orbit.input.TextFiles.readUtf8(file, MAX_FILE_BYTES);
        Path base = file.toAbsolutePath().getParent();
        return parse(text, base, data);
    }

    /**
     * Reads a scenario from text. {@code baseDirectory} resolves its catalog files; null forbids catalog files (for
     * scenarios uploaded to a server).
     */
    public static Result parse(String text, Path baseDirectory, OrekitData data) {
        return parse(text, baseDirectory, null, data);
    }

    /**
     * Reads a scenario whose catalog files are given as their element sets (an archive's catalog snapshot): the
     * {@code catalog} entries resolve from {@code catalog} instead of files.
     */
    public static Result parseWithCatalog(String text, List<ElementSet> catalog, OrekitData data) {
        return parse(text, null, List.copyOf(catalog), data);
    }

    private static Result parse(String text, Path baseDirectory, List<ElementSet> snapshot, OrekitData data) {
        List<ScenarioProblem> problems = new ArrayList<>();
        YamlNode root;
        try {
            root = YamlNode.parse(text, problems);
        } catch (ScenarioSyntaxException e) {
            problems.add(ScenarioProblem.error(e.line, e.column, "", e.getMessage()));
            return new Result(null, problems, Map.of());
        }
        Builder builder = new Builder(problems, baseDirectory, snapshot, data);
        Scenario scenario = builder.build(root);
        boolean errors = problems.stream().anyMatch(p -> p.severity() == ScenarioProblem.Severity.ERROR);
        return new Result(errors ? null : scenario, problems, builder.triggerAnchors);
    }

    /** Walks the tree once, collecting problems; returns a scenario that is meaningful only without errors. */
    private static final class Builder {
        private final List<ScenarioProblem> problems;
        /** Where each inject's trigger is, by inject number. */
        final Map<Integer, ScenarioProblem.Anchor> triggerAnchors = new HashMap<>();
        private final Path base;
        private final List<ElementSet> snapshot;
        private final OrekitData data;

        Builder(List<ScenarioProblem> problems, Path base, List<ElementSet> snapshot, OrekitData data) {
            this.problems = problems;
            this.base = base;
            this.snapshot = snapshot;
            this.data = data;
        }

        // ---- problems -------------------------------------------------------------------------------------
        void error(YamlNode at, String message) {
            problems.add(ScenarioProblem.error(at.line(), at.column(), at.path(), message));
        }

        void warning(YamlNode at, String message) {
            problems.add(ScenarioProblem.warning(at.line(), at.column(), at.path(), message));
        }

        // ---- structure helpers ----------------------------------------------------------------------------
        MapNode map(YamlNode node, String what) {
            if (node instanceof MapNode m) {
                return m;
            }
            error(node, what + " must be a mapping of key: value lines");
            return null;
        }

        List<YamlNode> list(MapNode m, String key, boolean required) {
            YamlNode n = m.entries().get(key);
            if (n == null || (n instanceof Scalar s && s.isNull())) {
                if (required) {
                    error(m, "'" + key + "' is missing");
                }
                return List.of();
            }
            if (n instanceof ListNode l) {
                return l.items();
            }
            error(n, "'" + key + "' must be a list (lines starting with '- ')");
            return List.of();
        }

        void keys(MapNode m, Set<String> allowed, String... required) {
            for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    String hint = closest(e.getKey(), allowed);
                    error(e.getValue(), "unknown key '" + e.getKey() + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                            + "; expected one of " + new java.util.TreeSet<>(allowed));
                }
            }
            for (String r : required) {
                if (!m.entries().containsKey(r)) {
                    error(m, "'" + r + "' is missing");
                }
            }
        }

        String string(MapNode m, String key, String fallback) {
            YamlNode n = m.entries().get(key);
            if (n == null || (n instanceof Scalar s && s.isNull())) {
                return fallback;
            }
            if (n instanceof Scalar s) {
                return s.text().strip();
            }
            error(n, "'" + key + "' must be a single value, not a list or mapping");
            return fallback;
        }

        Double number(MapNode m, String key, Double fallback) {
            YamlNode n = m.entries().get(key);
            if (n == null) {
                return fallback;
            }
            if (n instanceof Scalar s && !s.isNull()) {
                try {
                    double v = Double.parseDouble(s.text().strip());
                    if (Double.isFinite(v)) {
                        return v;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
            }
            error(n, "'" + key + "' must be a number");
            return fallback;
        }

        Instant instant(MapNode m, String key, boolean required) {
            YamlNode n = m.entries().get(key);
            if (n == null) {
                if (required) {
                    error(m, "'" + key + "' is missing (an ISO-8601 UTC time like 2023-11-21T13:42:00Z)");
                }
                return null;
            }
            String text = n instanceof Scalar s ? s.text().strip() : "";
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                error(n, "'" + text + "' is not an ISO-8601 UTC time like 2023-11-21T13:42:00Z");
                return null;
            }
        }

        Text text(MapNode m, String key, boolean required) {
            YamlNode n = m.entries().get(key);
            if (n == null) {
                if (required) {
                    error(m, "'" + key + "' is missing");
                }
                return Text.EMPTY;
            }
            return text(n);
        }

        Text text(YamlNode n) {
            if (n instanceof Scalar s) {
                Text t = new Text(s.text(), "");
                if (!t.isEmpty()) {
                    warning(n, "no Korean text: write it as {en: ..., ko: ...}");
                }
                return t;
            }
            MapNode m = map(n, "a text");
            if (m == null) {
                return Text.EMPTY;
            }
            keys(m, Set.of("en", "ko"));
            Text t = new Text(string(m, "en", ""), string(m, "ko", ""));
            if (t.en().isEmpty()) {
                warning(n, "no English text");
            } else if (t.ko().isEmpty()) {
                warning(n, "no Korean text");
            }
            return t;
        }

        List<String> strings(MapNode m, String key) {
            YamlNode n = m.entries().get(key);
            if (n == null) {
                return List.of();
            }
            if (n instanceof Scalar s) {
                return s.isNull() ? List.of() : List.of(s.text().strip());
            }
            if (!(n instanceof ListNode list)) {
                error(n, "must be a value or a list of values");
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (YamlNode item : list.items()) {
                if (item instanceof Scalar s) {
                    out.add(s.text().strip());
                } else {
                    error(item, "must be a single value");
                }
            }
            return out;
        }

        // ---- the scenario ---------------------------------------------------------------------------------
        Scenario build(YamlNode rootNode) {
            MapNode root = map(rootNode, "the scenario");
            if (root == null) {
                return null;
            }
            keys(root, Set.of("scenario", "id", "title", "banner", "description", "start", "end", "catalog", "cells",
                    "objectives", "places", "objects", "moves", "msel", "questions", "action_items"),
                    "id", "title", "start", "end", "cells", "moves", "msel");
            String version = string(root, "scenario", "1");
            if (!version.equals("1")) {
                error(root.entries().get("scenario"), "format version '" + version + "' is not supported (expected 1)");
            }
            String id = string(root, "id", "");
            if (!id.isEmpty() && !id.matches("[a-z0-9][a-z0-9-]*")) {
                error(root.entries().get("id"), "'" + id + "' is not a lower-case id (letters, digits, dashes)");
            }
            Instant start = instant(root, "start", true);
            Instant end = instant(root, "end", true);
            if (start != null && end != null && !end.isAfter(start)) {
                error(root.entries().get("end"), "the scenario ends before it starts");
            }
            Catalog catalog = catalog(root);
            List<Cell> cells = cells(root);
            List<Objective> objectives = objectives(root);
            Map<String, Site> sites = new LinkedHashMap<>();
            Map<String, Area> areas = new LinkedHashMap<>();
            Map<String, Text> placeNames = new LinkedHashMap<>();
            places(root, sites, areas, placeNames);
            List<SpaceObject> objects = objects(root, catalog);
            List<Move> moves = moves(root, start, end);
            List<Question> questions = questions(root, moves, cells);
            List<Inject> injects = injects(root, moves, cells, objectives, objects, sites, areas, questions, start, end);
            List<ActionItemSeed> actionItems = actionItems(root);
            return new Scenario(id, text(root, "title", true), string(root, "banner", "EXERCISE // EXERCISE // EXERCISE"),
                    text(root, "description", false), start, end, cells, objectives, sites, areas, placeNames, objects, moves,
                    injects, questions, actionItems);
        }

        Catalog catalog(MapNode root) {
            List<ElementSet> sets = new ArrayList<>();
            for (YamlNode n : list(root, "catalog", false)) {
                if (!(n instanceof Scalar s)) {
                    error(n, "a catalog entry must be a file path");
                    continue;
                }
                if (snapshot != null) {
                    continue; // the element sets come with the scenario
                }
                if (base == null) {
                    error(n, "catalog files cannot be used here (an uploaded scenario may not read the server's files);"
                            + " define the objects by tle, elements or launch");
                    continue;
                }
                Path file = base.resolve(s.text());
                try {
                    sets.addAll(CatalogReader.strict(data).read(List.of(file)).elementSets());
                } catch (InputException e) {
                    error(n, e.getMessage());
                }
            }
            return Catalog.of(snapshot != null ? snapshot : sets);
        }

        List<Cell> cells(MapNode root) {
            List<Cell> cells = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            int controls = 0;
            for (YamlNode n : list(root, "cells", true)) {
                MapNode m = map(n, "a cell");
                if (m == null) {
                    continue;
                }
                keys(m, Set.of("id", "name", "nation", "kind"), "id", "kind");
                String id = string(m, "id", "");
                if (!ids.add(id)) {
                    error(m, "cell id '" + id + "' is used twice");
                }
                String kindText = string(m, "kind", "").toLowerCase(Locale.ROOT);
                Cell.Kind kind;
                switch (kindText) {
                    case "control", "white" -> kind = Cell.Kind.CONTROL;
                    case "blue", "delegation" -> kind = Cell.Kind.BLUE;
                    case "red" -> kind = Cell.Kind.RED;
                    case "observer", "observers" -> kind = Cell.Kind.OBSERVER;
                    default -> {
                        error(m.entries().getOrDefault("kind", m), "cell kind '" + kindText + "' is not control, blue, red or observer");
                        kind = Cell.Kind.BLUE;
                    }
                }
                String nation = string(m, "nation", "").toUpperCase(Locale.ROOT);
                if ((kind == Cell.Kind.BLUE || kind == Cell.Kind.RED) && !nation.matches("[A-Z]{3}")) {
                    error(m.entries().getOrDefault("nation", m), "a " + kind.name().toLowerCase(Locale.ROOT)
                            + " cell needs a 3-letter nation code (KOR, USA...)");
                }
                controls += kind == Cell.Kind.CONTROL ? 1 : 0;
                cells.add(new Cell(id, text(m, "name", false), nation, kind));
            }
            if (controls != 1 && !cells.isEmpty()) {
                error(root.entries().get("cells"), "an exercise needs exactly one control cell, found " + controls);
            }
            return cells;
        }

        List<Objective> objectives(MapNode root) {
            List<Objective> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (YamlNode n : list(root, "objectives", false)) {
                MapNode m = map(n, "an objective");
                if (m == null) {
                    continue;
                }
                keys(m, Set.of("id", "title", "criteria"), "id", "title");
                String id = string(m, "id", "");
                if (!ids.add(id)) {
                    error(m, "objective id '" + id + "' is used twice");
                }
                List<Text> criteria = new ArrayList<>();
                for (YamlNode c : list(m, "criteria", false)) {
                    criteria.add(text(c));
                }
                out.add(new Objective(id, text(m, "title", true), criteria));
            }
            return out;
        }

        void places(MapNode root, Map<String, Site> sites, Map<String, Area> areas, Map<String, Text> names) {
            YamlNode placesNode = root.entries().get("places");
            if (placesNode == null) {
                return;
            }
            MapNode places = map(placesNode, "places");
            if (places == null) {
                return;
            }
            keys(places, Set.of("sites", "areas"));
            for (YamlNode n : list(places, "sites", false)) {
                MapNode m = map(n, "a site");
                if (m == null) {
                    continue;
                }
                keys(m, Set.of("id", "name", "lat", "lon", "alt_m", "nation", "kind"), "id", "lat", "lon");
                String id = string(m, "id", "");
                Text name = placeName(m, id);
                names.put(id, name);
                try {
                    Site site = new Site(name.en(),
                            number(m, "lat", 0.0), number(m, "lon", 0.0), number(m, "alt_m", 0.0),
                            string(m, "nation", ""), string(m, "kind", ""));
                    if (sites.containsKey(id) || areas.containsKey(id)) {
                        error(m, "place id '" + id + "' is used twice");
                    }
                    sites.put(id, site);
                } catch (IllegalArgumentException e) {
                    error(m, e.getMessage());
                }
            }
            for (YamlNode n : list(places, "areas", false)) {
                MapNode m = map(n, "an area");
                if (m == null) {
                    continue;
                }
                keys(m, Set.of("id", "name", "nation", "kind", "polygon", "circle"), "id");
                String id = string(m, "id", "");
                Text name = placeName(m, id);
                names.put(id, name);
                Area area = area(m, name.en());
                if (area != null) {
                    if (sites.containsKey(id) || areas.containsKey(id)) {
                        error(m, "place id '" + id + "' is used twice");
                    }
                    areas.put(id, area);
                }
            }
        }

        /** A place's name, each language falling back to the other and then to the id. */
        Text placeName(MapNode m, String id) {
            Text given = text(m, "name", false);
            return given.isEmpty() ? Text.of(id, id) : Text.of(given.in("en"), given.in("ko"));
        }

        Area area(MapNode m, String name) {
            boolean polygon = m.entries().containsKey("polygon");
            boolean circle = m.entries().containsKey("circle");
            if (polygon == circle) {
                error(m, "an area needs exactly one of 'polygon' (a list of [lon, lat]) or 'circle' ({lat, lon, radius_km})");
                return null;
            }
            try {
                if (circle) {
                    MapNode c = map(m.entries().get("circle"), "circle");
                    if (c == null) {
                        return null;
                    }
                    keys(c, Set.of("lat", "lon", "radius_km"), "lat", "lon", "radius_km");
                    return new CircleArea(name, new GeoPoint(number(c, "lat", 0.0), number(c, "lon", 0.0)),
                            number(c, "radius_km", 1.0), string(m, "nation", ""), string(m, "kind", ""));
                }
                List<GeoPoint> ring = new ArrayList<>();
                for (YamlNode v : list(m, "polygon", true)) {
                    if (v instanceof ListNode l && l.items().size() == 2 && l.items().get(0) instanceof Scalar lon
                            && l.items().get(1) instanceof Scalar lat) {
                        ring.add(new GeoPoint(Double.parseDouble(lat.text()), Double.parseDouble(lon.text())));
                    } else {
                        error(v, "a polygon vertex must be [longitude, latitude]");
                        return null;
                    }
                }
                return new PolygonArea(name, List.of(List.of(ring)), string(m, "nation", ""), string(m, "kind", ""));
            } catch (IllegalArgumentException e) {
                error(m, e.getMessage());
                return null;
            }
        }

        List<SpaceObject> objects(MapNode root, Catalog catalog) {
            List<SpaceObject> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            Set<Integer> norads = new HashSet<>();
            int nextNorad = 99001;
            for (YamlNode n : list(root, "objects", false)) {
                MapNode m = map(n, "an object");
                if (m == null) {
                    continue;
                }
                keys(m, Set.of("id", "name", "nation", "sensor", "catalog", "tle", "elements", "launch"), "id");
                String id = string(m, "id", "");
                if (!ids.add(id)) {
                    error(m, "object id '" + id + "' is used twice");
                }
                Text name = text(m, "name", false);
                String sensor = string(m, "sensor", "");
                if (!sensor.isEmpty()) {
                    try {
                        Sensor.parse(sensor);
                    } catch (IllegalArgumentException e) {
                        error(m.entries().get("sensor"), e.getMessage());
                    }
                }
                List<String> sources = new ArrayList<>();
                for (String s : List.of("catalog", "tle", "elements", "launch")) {
                    if (m.entries().containsKey(s)) {
                        sources.add(s);
                    }
                }
                if (sources.size() != 1) {
                    error(m, "an object needs exactly one of catalog (a NORAD number), tle, elements or launch; found "
                            + (sources.isEmpty() ? "none" : String.join(", ", sources)));
                    continue;
                }
                String source = sources.get(0);
                YamlNode def = m.entries().get(source);
                String label = name.en().isEmpty() ? id : name.en();
                ElementSet elements = null;
                Instant launchTime = null;
                try {
                    switch (source) {
                        case "catalog" -> {
                            int norad = (int) Math.round(number(m, "catalog", 0.0));
                            elements = catalog.byNorad(norad).orElse(null);
                            if (elements == null) {
                                error(def, "object " + norad + " is not in the scenario's catalog files"
                                        + (catalog.size() == 0 ? " (no 'catalog:' files are given)" : ""));
                            }
                        }
                        case "tle" -> {
                            List<String> lines = def instanceof Scalar s ? s.text().strip().lines().toList() : strings(m, "tle");
                            if (lines.size() != 2) {
                                error(def, "a tle needs its two lines");
                            } else {
                                elements = TleFormat.parse(label, lines.get(0), lines.get(1),
                                        new SourceLocation("scenario " + def.path(), def.line()), TleFormat.Checksum.VERIFY);
                            }
                        }
                        case "elements" -> {
                            MapNode e = map(def, "elements");
                            if (e != null) {
                                keys(e, Set.of("norad", "epoch", "inclination", "raan", "eccentricity", "arg_perigee",
                                        "mean_anomaly", "mean_motion", "altitude_km", "bstar"), "epoch", "inclination");
                                int norad = (int) Math.round(number(e, "norad", (double) nextNorad));
                                elements = new MeanElements(norad, label, instant(e, "epoch", true),
                                        number(e, "inclination", 0.0), number(e, "raan", 0.0),
                                        number(e, "eccentricity", 0.0), number(e, "arg_perigee", 0.0),
                                        number(e, "mean_anomaly", 0.0), number(e, "mean_motion", null),
                                        number(e, "altitude_km", null), number(e, "bstar", 0.0))
                                        .toElementSet(new SourceLocation("scenario " + def.path(), def.line()));
                            }
                        }
                        default -> {
                            MapNode l = map(def, "launch");
                            if (l != null) {
                                keys(l, Set.of("norad", "site", "time", "inclination", "azimuth", "heading", "altitude_km",
                                        "downrange_km", "ascent_minutes"), "site", "time", "altitude_km");
                                String siteName = string(l, "site", "");
                                LaunchSite site = LaunchSite.find(siteName).orElse(null);
                                if (site == null) {
                                    error(l.entries().getOrDefault("site", l), "'" + siteName + "' is not a known launch site");
                                } else {
                                    launchTime = instant(l, "time", true);
                                    String heading = string(l, "heading", "auto").toUpperCase(Locale.ROOT);
                                    int norad = (int) Math.round(number(l, "norad", (double) nextNorad));
                                    elements = LaunchModel.launch(new LaunchRequest(site.site(), launchTime,
                                            number(l, "azimuth", null), number(l, "inclination", null),
                                            LaunchRequest.Heading.valueOf(heading), number(l, "altitude_km", 500.0),
                                            number(l, "downrange_km", 0.0), number(l, "ascent_minutes", 0.0), norad, label),
                                            data).elements();
                                }
                            }
                        }
                    }
                } catch (InputException e) {
                    error(def, e.getMessage());
                } catch (IllegalArgumentException | NullPointerException e) {
                    error(def, "cannot be used: " + e.getMessage());
                }
                if (elements != null) {
                    if (!norads.add(elements.noradId())) {
                        error(m, "catalog number " + elements.noradId() + " is used by two objects");
                    }
                    if (elements.noradId() >= nextNorad) {
                        nextNorad = elements.noradId() + 1;
                    }
                    out.add(new SpaceObject(id, name, string(m, "nation", "").toUpperCase(Locale.ROOT),
                            elements.withName(label), sensor, source, launchTime));
                }
            }
            return out;
        }

        List<Move> moves(MapNode root, Instant start, Instant end) {
            List<Move> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            Instant previous = null;
            for (YamlNode n : list(root, "moves", true)) {
                MapNode m = map(n, "a move");
                if (m == null) {
                    continue;
                }
                keys(m, Set.of("id", "title", "start", "narrative"), "id", "title", "start");
                String id = string(m, "id", "");
                if (!ids.add(id)) {
                    error(m, "move id '" + id + "' is used twice");
                }
                Instant moveStart = instant(m, "start", true);
                if (moveStart != null) {
                    if (previous != null && !moveStart.isAfter(previous)) {
                        error(m.entries().get("start"), "move " + id + " starts at or before the previous move");
                    }
                    if (start != null && end != null && (moveStart.isBefore(start) || !moveStart.isBefore(end))) {
                        error(m.entries().get("start"), "move " + id + " starts outside the scenario (" + start + " to " + end + ")");
                    }
                    previous = moveStart;
                }
                out.add(new Move(id, text(m, "title", true), moveStart, text(m, "narrative", false)));
            }
            return out;
        }

        List<Question> questions(MapNode root, List<Move> moves, List<Cell> cells) {
            List<Question> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (YamlNode n : list(root, "questions", false)) {
                MapNode m = map(n, "a question");
                if (m == null) {
                    continue;
                }
                keys(m, Set.of("id", "move", "type", "text", "options", "unit", "cells"), "id", "move", "type", "text");
                String id = string(m, "id", "");
                if (!ids.add(id)) {
                    error(m, "question id '" + id + "' is used twice");
                }
                String move = string(m, "move", "");
                if (moves.stream().noneMatch(mv -> mv.id().equals(move))) {
                    error(m.entries().getOrDefault("move", m), "move '" + move + "' is not defined in 'moves'");
                }
                String typeText = string(m, "type", "").toUpperCase(Locale.ROOT).replace('-', '_');
                Question.Type type;
                try {
                    type = Question.Type.valueOf(typeText.equals("CHOICE") ? "SINGLE" : typeText);
                } catch (IllegalArgumentException e) {
                    error(m.entries().getOrDefault("type", m), "question type '" + typeText.toLowerCase(Locale.ROOT)
                            + "' is not probability, scale, single, multiple, number or text");
                    type = Question.Type.TEXT;
                }
                List<Question.Option> options = new ArrayList<>();
                Set<String> optionIds = new HashSet<>();
                for (YamlNode o : list(m, "options", false)) {
                    MapNode om = map(o, "an option");
                    if (om == null) {
                        continue;
                    }
                    keys(om, Set.of("id", "text"), "id", "text");
                    String oid = string(om, "id", "");
                    if (!optionIds.add(oid)) {
                        error(om, "option id '" + oid + "' is used twice");
                    }
                    options.add(new Question.Option(oid, text(om, "text", true)));
                }
                boolean choice = type == Question.Type.SINGLE || type == Question.Type.MULTIPLE;
                if (choice && options.size() < 2) {
                    error(m, "a " + type.name().toLowerCase(Locale.ROOT) + " question needs at least two options");
                }
                if (!choice && !options.isEmpty()) {
                    error(m.entries().get("options"), "only single and multiple questions have options");
                }
                if (type == Question.Type.NUMBER && string(m, "unit", "").isEmpty()) {
                    error(m, "a number question needs a 'unit' (km, days, %...)");
                }
                List<String> askedCells = strings(m, "cells");
                if (askedCells.isEmpty()) {
                    askedCells = cells.stream().filter(c -> c.kind() == Cell.Kind.BLUE).map(Cell::id).toList();
                }
                for (String c : askedCells) {
                    if (cells.stream().noneMatch(cell -> cell.id().equals(c))) {
                        error(m.entries().getOrDefault("cells", m), "cell '" + c + "' is not defined in 'cells'");
                    }
                }
                out.add(new Question(id, move, type, text(m, "text", true), options, string(m, "unit", ""), askedCells));
            }
            return out;
        }

        List<Inject> injects(MapNode root, List<Move> moves, List<Cell> cells, List<Objective> objectives,
                             List<SpaceObject> objects, Map<String, Site> sites, Map<String, Area> areas,
                             List<Question> questions, Instant start, Instant end) {
            List<Inject> out = new ArrayList<>();
            Map<Integer, YamlNode> numbers = new HashMap<>();
            Map<String, Cell> cellById = new HashMap<>();
            cells.forEach(c -> cellById.put(c.id(), c));
            Map<Integer, Integer> afterInject = new HashMap<>();
            for (YamlNode n : list(root, "msel", true)) {
                MapNode m = map(n, "an inject");
                if (m == null) {
                    continue;
                }
                keys(m, Set.of("number", "move", "from", "to", "channel", "subject", "body", "marking",
                        "expected_action", "objectives", "trigger", "attachments"),
                        "number", "move", "from", "to", "channel", "subject", "body", "marking", "trigger");
                int number = (int) Math.round(number(m, "number", 0.0));
                if (number <= 0) {
                    error(m.entries().getOrDefault("number", m), "an inject number must be a positive whole number");
                } else if (numbers.put(number, m) != null) {
                    error(m.entries().get("number"), "inject number " + number + " is used twice");
                }
                String move = string(m, "move", "");
                Move theMove = moves.stream().filter(mv -> mv.id().equals(move)).findFirst().orElse(null);
                if (theMove == null) {
                    error(m.entries().getOrDefault("move", m), "move '" + move + "' is not defined in 'moves'");
                }
                String sender = string(m, "from", "");
                if (!cellById.containsKey(sender)) {
                    error(m.entries().getOrDefault("from", m), "cell '" + sender + "' is not defined in 'cells'");
                }
                Marking marking = null;
                try {
                    marking = Marking.parse(string(m, "marking", ""));
                } catch (IllegalArgumentException e) {
                    error(m.entries().getOrDefault("marking", m), e.getMessage());
                }
                List<String> recipients = strings(m, "to");
                if (recipients.equals(List.of("all"))) {
                    recipients = cells.stream().filter(c -> c.kind() == Cell.Kind.BLUE).map(Cell::id).toList();
                }
                if (recipients.isEmpty()) {
                    error(m.entries().getOrDefault("to", m), "an inject needs at least one recipient cell");
                }
                for (String r : recipients) {
                    Cell cell = cellById.get(r);
                    if (cell == null) {
                        error(m.entries().getOrDefault("to", m), "cell '" + r + "' is not defined in 'cells'");
                    } else if (marking != null && cell.kind() != Cell.Kind.CONTROL && !marking.releasableTo(cell.nation())) {
                        error(m.entries().getOrDefault("to", m), "inject " + number + " is marked " + marking
                                + " but is sent to " + r + " (" + (cell.nation().isEmpty() ? "no nation" : cell.nation()) + ")");
                    }
                }
                String channel = string(m, "channel", "");
                if (!CHANNELS.contains(channel)) {
                    error(m.entries().getOrDefault("channel", m), "channel '" + channel + "' is not one of " + new java.util.TreeSet<>(CHANNELS));
                }
                List<String> objectiveIds = strings(m, "objectives");
                for (String o : objectiveIds) {
                    if (objectives.stream().noneMatch(ob -> ob.id().equals(o))) {
                        error(m.entries().get("objectives"), "objective '" + o + "' is not defined in 'objectives'");
                    }
                }
                YamlNode triggerNode = m.entries().getOrDefault("trigger", m);
                triggerAnchors.put(number, new ScenarioProblem.Anchor(triggerNode.line(), triggerNode.column(), triggerNode.path()));
                Trigger trigger = trigger(m.entries().get("trigger"), number, theMove, objects, sites, areas, questions,
                        cellById, start, end, afterInject);
                List<Inject.Attachment> attachments = new ArrayList<>();
                for (YamlNode a : list(m, "attachments", false)) {
                    MapNode am = map(a, "an attachment");
                    if (am == null) {
                        continue;
                    }
                    keys(am, Set.of("kind", "object", "hours"), "kind", "object");
                    String kind = string(am, "kind", "");
                    if (!kind.equals("ground-track-map")) {
                        error(am, "attachment kind '" + kind + "' is not ground-track-map");
                    }
                    String object = string(am, "object", "");
                    if (objects.stream().noneMatch(o -> o.id().equals(object))) {
                        error(am, "object '" + object + "' is not defined in 'objects'");
                    }
                    attachments.add(new Inject.Attachment(kind, object, number(am, "hours", 3.0)));
                }
                out.add(new Inject(number, move, sender, recipients, channel, text(m, "subject", true), text(m, "body", true),
                        marking == null ? Marking.CONTROL_ONLY : marking, text(m, "expected_action", false), objectiveIds,
                        trigger, attachments));
            }
            // an inject whose own number was refused (not positive) is in afterInject but not in numbers
            afterInject.keySet().retainAll(numbers.keySet());
            for (Map.Entry<Integer, Integer> e : afterInject.entrySet()) {
                if (!numbers.containsKey(e.getValue())) {
                    error(numbers.get(e.getKey()), "trigger after_inject: inject " + e.getValue() + " does not exist");
                }
            }
            for (Integer startAt : afterInject.keySet()) {
                List<Integer> chain = new ArrayList<>();
                Integer current = startAt;
                while (current != null && !chain.contains(current)) {
                    chain.add(current);
                    current = afterInject.get(current);
                }
                if (current != null && current.equals(startAt)) {
                    error(numbers.get(startAt), "trigger cycle: injects " + chain + " wait for each other, so none is ever released");
                }
            }
            out.sort(java.util.Comparator.comparingInt(Inject::number));
            return out;
        }

        Trigger trigger(YamlNode node, int number, Move move, List<SpaceObject> objects, Map<String, Site> sites,
                        Map<String, Area> areas, List<Question> questions, Map<String, Cell> cells, Instant start,
                        Instant end, Map<Integer, Integer> afterInject) {
            if (node == null) {
                return new Trigger.Manual();
            }
            MapNode m = map(node, "a trigger");
            if (m == null) {
                return new Trigger.Manual();
            }
            Set<String> kinds = Set.of("at", "manual", "first_overflight", "pass", "launch", "close_approach",
                    "conjunction", "after_inject", "on_answer");
            keys(m, kinds);
            if (m.entries().size() != 1) {
                error(m, "a trigger needs exactly one of " + new java.util.TreeSet<>(kinds));
                return new Trigger.Manual();
            }
            String kind = m.entries().keySet().iterator().next();
            YamlNode value = m.entries().get(kind);
            switch (kind) {
                case "at" -> {
                    Instant at = instant(m, "at", true);
                    if (at != null && move != null && move.start() != null && at.isBefore(move.start())) {
                        error(value, "inject " + number + " is triggered at " + at + ", before its move " + move.id()
                                + " starts (" + move.start() + ")");
                    }
                    if (at != null && end != null && at.isAfter(end)) {
                        error(value, "inject " + number + " is triggered after the scenario ends (" + end + ")");
                    }
                    return new Trigger.AtTime(at);
                }
                case "manual" -> {
                    return new Trigger.Manual();
                }
                case "launch" -> {
                    MapNode t = map(value, "launch");
                    String object = t == null ? "" : string(t, "object", "");
                    SpaceObject o = objects.stream().filter(ob -> ob.id().equals(object)).findFirst().orElse(null);
                    if (o == null) {
                        error(value, "object '" + object + "' is not defined in 'objects'");
                    } else if (o.launchTime() == null) {
                        error(value, "object '" + object + "' is not defined by a launch");
                    }
                    return new Trigger.Launch(object);
                }
                case "after_inject" -> {
                    MapNode t = map(value, "after_inject");
                    if (t == null) {
                        return new Trigger.Manual();
                    }
                    keys(t, Set.of("inject", "delay_minutes"), "inject");
                    int other = (int) Math.round(number(t, "inject", 0.0));
                    afterInject.put(number, other);
                    return new Trigger.AfterInject(other, Duration.ofSeconds(Math.round(number(t, "delay_minutes", 0.0) * 60)));
                }
                case "on_answer" -> {
                    MapNode t = map(value, "on_answer");
                    if (t == null) {
                        return new Trigger.Manual();
                    }
                    keys(t, Set.of("question", "cell", "condition"), "question", "cell", "condition");
                    String q = string(t, "question", "");
                    String cell = string(t, "cell", "");
                    String condition = string(t, "condition", "");
                    Question question = questions.stream().filter(x -> x.id().equals(q)).findFirst().orElse(null);
                    if (question == null) {
                        error(t, "question '" + q + "' is not defined in 'questions'");
                    } else {
                        String problem = AnswerCondition.check(question, condition);
                        if (problem != null) {
                            error(t.entries().getOrDefault("condition", t), problem);
                        }
                    }
                    if (!cells.containsKey(cell)) {
                        error(t, "cell '" + cell + "' is not defined in 'cells'");
                    }
                    return new Trigger.OnAnswer(q, cell, condition);
                }
                default -> {
                    MapNode t = map(value, kind);
                    if (t == null) {
                        return new Trigger.Manual();
                    }
                    String object = string(t, "object", "");
                    if (objects.stream().noneMatch(o -> o.id().equals(object))) {
                        error(t.entries().getOrDefault("object", t), "object '" + object + "' is not defined in 'objects'");
                    }
                    Instant after = t.entries().containsKey("after") ? instant(t, "after", true)
                            : move == null ? start : move.start();
                    switch (kind) {
                        case "first_overflight" -> {
                            keys(t, Set.of("object", "place", "after"), "object", "place");
                            String place = string(t, "place", "");
                            if (!sites.containsKey(place) && !areas.containsKey(place)) {
                                error(t.entries().getOrDefault("place", t), "place '" + place + "' is not defined in 'places'");
                            }
                            return new Trigger.FirstOverflight(object, place, after);
                        }
                        case "pass" -> {
                            keys(t, Set.of("object", "site", "min_elevation", "after"), "object", "site");
                            String site = string(t, "site", "");
                            if (!sites.containsKey(site)) {
                                error(t.entries().getOrDefault("site", t), "site '" + site + "' is not defined in 'places.sites'");
                            }
                            return new Trigger.Pass(object, site, number(t, "min_elevation", 10.0), after);
                        }
                        case "conjunction" -> {
                            keys(t, Set.of("object", "with", "below_km", "lead_hours", "after"), "object", "below_km");
                            String with = string(t, "with", "");
                            if (!with.isEmpty() && objects.stream().noneMatch(o -> o.id().equals(with))) {
                                error(t.entries().get("with"), "object '" + with + "' is not defined in 'objects'");
                            }
                            if (with.equals(object)) {
                                error(t.entries().get("with"), "a conjunction needs two different objects");
                            }
                            double below = number(t, "below_km", 0.0);
                            if (!(below > 0) || below > 1000) {
                                error(t.entries().getOrDefault("below_km", t), "below_km must be a distance above 0 and at most 1000 km");
                            }
                            double lead = number(t, "lead_hours", 0.0);
                            if (!(lead >= 0) || lead > 240) {
                                error(t.entries().getOrDefault("lead_hours", t), "lead_hours must be between 0 and 240");
                            }
                            return new Trigger.Conjunction(object, with, below,
                                    Duration.ofSeconds(Math.round(Math.max(0, Math.min(240, lead)) * 3600)), after);
                        }
                        default -> {
                            keys(t, Set.of("object", "other", "below_km", "after"), "object", "other", "below_km");
                            String other = string(t, "other", "");
                            if (objects.stream().noneMatch(o -> o.id().equals(other))) {
                                error(t.entries().getOrDefault("other", t), "object '" + other + "' is not defined in 'objects'");
                            }
                            double below = number(t, "below_km", 0.0);
                            if (!(below > 0)) {
                                error(t.entries().getOrDefault("below_km", t), "below_km must be a positive distance");
                            }
                            return new Trigger.CloseApproach(object, other, below, after);
                        }
                    }
                }
            }
        }

        List<ActionItemSeed> actionItems(MapNode root) {
            List<ActionItemSeed> out = new ArrayList<>();
            for (YamlNode n : list(root, "action_items", false)) {
                MapNode m = map(n, "an action item");
                if (m == null) {
                    continue;
                }
                keys(m, Set.of("id", "title", "owner", "due"), "id", "title", "owner");
                LocalDate due = null;
                String dueText = string(m, "due", "");
                if (!dueText.isEmpty()) {
                    try {
                        due = LocalDate.parse(dueText);
                    } catch (DateTimeParseException e) {
                        error(m.entries().get("due"), "'" + dueText + "' is not a date like 2023-12-31");
                    }
                }
                String owner = string(m, "owner", "").toUpperCase(Locale.ROOT);
                if (!owner.matches("[A-Z]{3}")) {
                    error(m.entries().getOrDefault("owner", m), "owner must be a 3-letter nation code (KOR, USA...)");
                }
                out.add(new ActionItemSeed(string(m, "id", ""), text(m, "title", true), owner, due));
            }
            return out;
        }

        private static String closest(String key, Set<String> allowed) {
            String best = null;
            int bestDistance = 3;
            for (String a : allowed) {
                int d = distance(key, a);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = a;
                }
            }
            return best;
        }

        private static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                int[] t = previous;
                previous = current;
                current = t;
            }
            return previous[b.length()];
        }
    }
}
