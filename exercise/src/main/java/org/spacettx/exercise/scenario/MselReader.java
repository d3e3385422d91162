package org.spacettx.exercise.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.MapNode;
import org.spacettx.orbit.geo.Area;
import org.spacettx.orbit.geo.Site;

/**
 * The MSEL: each inject, its recipients and marking (nothing addressed so that it leaks), attachments, and its
 * trigger; remembers where each trigger is, for the schedule's warnings.
 */
final class MselReader {

    private final ReadContext ctx;
    private final Map<Integer, ScenarioProblem.Anchor> anchors;
    /** The manoeuvres and breakups the triggers may name (set by {@link #read}). */
    private List<Maneuver> maneuvers = List.of();
    private List<Breakup> breakups = List.of();
    private List<Effect> effects = List.of();
    private List<CellSensor> sensors = List.of();

    MselReader(ReadContext ctx, Map<Integer, ScenarioProblem.Anchor> anchors) {
        this.ctx = ctx;
        this.anchors = anchors;
    }

    List<Inject> read(MapNode root, List<Move> moves, List<Cell> cells, List<Objective> objectives,
                         List<SpaceObject> objects, List<Maneuver> maneuvers, List<Breakup> breakups,
                         List<Effect> effects, List<CellSensor> sensors, Map<String, Site> sites, Map<String, Area> areas,
                         List<Question> questions, Instant start, Instant end) {
        this.sensors = List.copyOf(sensors);
        this.maneuvers = List.copyOf(maneuvers);
        this.breakups = List.copyOf(breakups);
        this.effects = List.copyOf(effects);
        List<Inject> out = new ArrayList<>();
        Map<Integer, YamlNode> numbers = new HashMap<>();
        Map<String, Cell> cellById = new HashMap<>();
        cells.forEach(c -> cellById.put(c.id(), c));
        Map<Integer, Integer> afterInject = new HashMap<>();
        for (MapNode m : ctx.items(root, "msel", true, "an inject", "msel[]")) {
            int number = (int) Math.round(ctx.number(m, "number", 0.0));
            if (number <= 0) {
                ctx.error(m.entries().getOrDefault("number", m), "an inject number must be a positive whole number");
            } else if (numbers.put(number, m) != null) {
                ctx.error(m.entries().get("number"), "inject number " + number + " is used twice");
            }
            String move = ctx.string(m, "move", "");
            Move theMove = moves.stream().filter(mv -> mv.id().equals(move)).findFirst().orElse(null);
            if (theMove == null) {
                ctx.error(m.entries().getOrDefault("move", m), "move '" + move + "' is not defined in 'moves'");
            }
            String sender = ctx.string(m, "from", "");
            if (!cellById.containsKey(sender)) {
                ctx.error(m.entries().getOrDefault("from", m), "cell '" + sender + "' is not defined in 'cells'");
            }
            Marking marking = null;
            try {
                marking = Marking.parse(ctx.string(m, "marking", ""));
            } catch (IllegalArgumentException e) {
                ctx.error(m.entries().getOrDefault("marking", m), e.getMessage());
            }
            List<String> recipients = ctx.strings(m, "to");
            if (recipients.equals(List.of("all"))) {
                recipients = cells.stream().filter(c -> c.kind() == Cell.Kind.BLUE).map(Cell::id).toList();
            }
            if (recipients.isEmpty()) {
                ctx.error(m.entries().getOrDefault("to", m), "an inject needs at least one recipient cell");
            }
            for (String r : recipients) {
                Cell cell = cellById.get(r);
                if (cell == null) {
                    ctx.error(m.entries().getOrDefault("to", m), "cell '" + r + "' is not defined in 'cells'");
                } else if (marking != null && cell.kind() != Cell.Kind.CONTROL && !marking.releasableTo(cell.nation())) {
                    ctx.error(m.entries().getOrDefault("to", m), "inject " + number + " is marked " + marking
                            + " but is sent to " + r + " (" + (cell.nation().isEmpty() ? "no nation" : cell.nation()) + ")");
                }
            }
            String channel = ctx.string(m, "channel", "");
            if (!ScenarioReader.CHANNELS.contains(channel)) {
                ctx.error(m.entries().getOrDefault("channel", m), "channel '" + channel + "' is not one of " + new java.util.TreeSet<>(ScenarioReader.CHANNELS));
            }
            List<String> objectiveIds = ctx.strings(m, "objectives");
            for (String o : objectiveIds) {
                if (objectives.stream().noneMatch(ob -> ob.id().equals(o))) {
                    ctx.error(m.entries().get("objectives"), "objective '" + o + "' is not defined in 'objectives'");
                }
            }
            YamlNode triggerNode = m.entries().getOrDefault("trigger", m);
            anchors.put(number, new ScenarioProblem.Anchor(triggerNode.line(), triggerNode.column(), triggerNode.path()));
            Trigger trigger = trigger(m.entries().get("trigger"), number, theMove, objects, sites, areas, questions,
                    cellById, start, end, afterInject);
            List<Inject.Attachment> attachments = new ArrayList<>();
            for (MapNode am : ctx.items(m, "attachments", false, "an attachment", "msel[].attachments[]")) {
                String kind = ctx.string(am, "kind", "");
                if (!kind.equals("ground-track-map")) {
                    ctx.error(am, "attachment kind '" + kind + "' is not ground-track-map");
                }
                String object = ctx.string(am, "object", "");
                if (objects.stream().noneMatch(o -> o.id().equals(object))) {
                    ctx.error(am, "object '" + object + "' is not defined in 'objects'");
                }
                attachments.add(new Inject.Attachment(kind, object, ctx.number(am, "hours", 3.0)));
            }
            out.add(new Inject(number, move, sender, recipients, channel, ctx.text(m, "subject", true), ctx.text(m, "body", true),
                    marking == null ? Marking.CONTROL_ONLY : marking, ctx.text(m, "expected_action", false), objectiveIds,
                    trigger, attachments));
        }
        // an inject whose own number was refused (not positive) is in afterInject but not in numbers
        afterInject.keySet().retainAll(numbers.keySet());
        for (Map.Entry<Integer, Integer> e : afterInject.entrySet()) {
            if (!numbers.containsKey(e.getValue())) {
                ctx.error(numbers.get(e.getKey()), "trigger after_inject: inject " + e.getValue() + " does not exist");
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
                ctx.error(numbers.get(startAt), "trigger cycle: injects " + chain + " wait for each other, so none is ever released");
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
        MapNode m = ctx.map(node, "a trigger");
        if (m == null) {
            return new Trigger.Manual();
        }
        Set<String> kinds = ScenarioKeys.at("msel[].trigger").allowed();
        ctx.keys(m, "msel[].trigger");
        if (m.entries().size() != 1) {
            ctx.error(m, "a trigger needs exactly one of " + new java.util.TreeSet<>(kinds));
            return new Trigger.Manual();
        }
        String kind = m.entries().keySet().iterator().next();
        YamlNode value = m.entries().get(kind);
        switch (kind) {
            case "at" -> {
                Instant at = ctx.instant(m, "at", true);
                if (at != null && move != null && move.start() != null && at.isBefore(move.start())) {
                    ctx.error(value, "inject " + number + " is triggered at " + at + ", before its move " + move.id()
                            + " starts (" + move.start() + ")");
                }
                if (at != null && end != null && at.isAfter(end)) {
                    ctx.error(value, "inject " + number + " is triggered after the scenario ends (" + end + ")");
                }
                return new Trigger.AtTime(at);
            }
            case "manual" -> {
                return new Trigger.Manual();
            }
            case "launch" -> {
                MapNode t = ctx.map(value, "launch");
                if (t != null) {
                    ctx.keys(t, "msel[].trigger.launch");
                }
                String object = t == null ? "" : ctx.string(t, "object", "");
                SpaceObject o = objects.stream().filter(ob -> ob.id().equals(object)).findFirst().orElse(null);
                if (o == null) {
                    ctx.error(value, "object '" + object + "' is not defined in 'objects'");
                } else if (o.launchTime() == null) {
                    ctx.error(value, "object '" + object + "' is not defined by a launch");
                }
                return new Trigger.Launch(object);
            }
            case "maneuver", "breakup", "effect" -> {
                MapNode t = ctx.map(value, kind);
                if (t == null) {
                    return new Trigger.Manual();
                }
                ctx.keys(t, "msel[].trigger." + kind);
                String id = ctx.string(t, "id", "");
                List<String> defined = switch (kind) {
                    case "maneuver" -> maneuvers.stream().map(Maneuver::id).toList();
                    case "breakup" -> breakups.stream().map(Breakup::id).toList();
                    default -> effects.stream().map(Effect::id).toList();
                };
                if (!defined.contains(id)) {
                    ctx.error(t.entries().getOrDefault("id", t), kind + " '" + id + "' is not defined in '" + kind + "s'");
                }
                return switch (kind) {
                    case "maneuver" -> new Trigger.ManeuverBurn(id);
                    case "breakup" -> new Trigger.BreakupEvent(id);
                    default -> new Trigger.EffectWindow(id, after(t, move, start));
                };
            }
            case "debris_approach", "debris_risk" -> {
                return debris(kind, value, move, objects, start);
            }
            case "after_inject" -> {
                MapNode t = ctx.map(value, "after_inject");
                if (t == null) {
                    return new Trigger.Manual();
                }
                ctx.keys(t, "msel[].trigger.after_inject");
                int other = (int) Math.round(ctx.number(t, "inject", 0.0));
                afterInject.put(number, other);
                return new Trigger.AfterInject(other, Duration.ofSeconds(Math.round(ctx.number(t, "delay_minutes", 0.0) * 60)));
            }
            case "on_answer" -> {
                MapNode t = ctx.map(value, "on_answer");
                if (t == null) {
                    return new Trigger.Manual();
                }
                ctx.keys(t, "msel[].trigger.on_answer");
                String q = ctx.string(t, "question", "");
                String cell = ctx.string(t, "cell", "");
                String condition = ctx.string(t, "condition", "");
                Question question = questions.stream().filter(x -> x.id().equals(q)).findFirst().orElse(null);
                if (question == null) {
                    ctx.error(t, "question '" + q + "' is not defined in 'questions'");
                } else {
                    String problem = AnswerCondition.check(question, condition);
                    if (problem != null) {
                        ctx.error(t.entries().getOrDefault("condition", t), problem);
                    }
                }
                if (!cells.containsKey(cell)) {
                    ctx.error(t, "cell '" + cell + "' is not defined in 'cells'");
                }
                return new Trigger.OnAnswer(q, cell, condition);
            }
            default -> {
                MapNode t = ctx.map(value, kind);
                if (t == null) {
                    return new Trigger.Manual();
                }
                String object = ctx.string(t, "object", "");
                if (objects.stream().noneMatch(o -> o.id().equals(object))) {
                    ctx.error(t.entries().getOrDefault("object", t), "object '" + object + "' is not defined in 'objects'");
                }
                Instant after = after(t, move, start);
                switch (kind) {
                    case "detected", "custody_lost" -> {
                        ctx.keys(t, "msel[].trigger." + kind);
                        String cell = ctx.string(t, "cell", "");
                        if (!cells.containsKey(cell)) {
                            ctx.error(t.entries().getOrDefault("cell", t), "cell '" + cell + "' is not defined in 'cells'");
                        } else if (sensors.stream().noneMatch(x -> x.cell().equals(cell))) {
                            ctx.error(t.entries().get("cell"), "cell '" + cell + "' has no sensor in 'sensors' to detect with");
                        }
                        return kind.equals("detected") ? new Trigger.Detected(cell, object, after)
                                : new Trigger.CustodyLost(cell, object, after);
                    }
                    case "first_overflight" -> {
                        ctx.keys(t, "msel[].trigger.first_overflight");
                        String place = ctx.string(t, "place", "");
                        if (!sites.containsKey(place) && !areas.containsKey(place)) {
                            ctx.error(t.entries().getOrDefault("place", t), "place '" + place + "' is not defined in 'places'");
                        }
                        return new Trigger.FirstOverflight(object, place, after);
                    }
                    case "pass" -> {
                        ctx.keys(t, "msel[].trigger.pass");
                        String site = ctx.string(t, "site", "");
                        if (!sites.containsKey(site)) {
                            ctx.error(t.entries().getOrDefault("site", t), "site '" + site + "' is not defined in 'places.sites'");
                        }
                        return new Trigger.Pass(object, site, ctx.number(t, "min_elevation", 10.0), after);
                    }
                    case "conjunction" -> {
                        ctx.keys(t, "msel[].trigger.conjunction");
                        String with = ctx.string(t, "with", "");
                        if (!with.isEmpty() && objects.stream().noneMatch(o -> o.id().equals(with))) {
                            ctx.error(t.entries().get("with"), "object '" + with + "' is not defined in 'objects'");
                        }
                        if (with.equals(object)) {
                            ctx.error(t.entries().get("with"), "a conjunction needs two different objects");
                        }
                        double below = ctx.number(t, "below_km", 0.0);
                        if (!(below > 0) || below > 1000) {
                            ctx.error(t.entries().getOrDefault("below_km", t), "below_km must be a distance above 0 and at most 1000 km");
                        }
                        double lead = ctx.number(t, "lead_hours", 0.0);
                        if (!(lead >= 0) || lead > 240) {
                            ctx.error(t.entries().getOrDefault("lead_hours", t), "lead_hours must be between 0 and 240");
                        }
                        return new Trigger.Conjunction(object, with, below,
                                Duration.ofSeconds(Math.round(Math.max(0, Math.min(240, lead)) * 3600)), after);
                    }
                    default -> {
                        ctx.keys(t, "msel[].trigger.close_approach");
                        String other = ctx.string(t, "other", "");
                        if (objects.stream().noneMatch(o -> o.id().equals(other))) {
                            ctx.error(t.entries().getOrDefault("other", t), "object '" + other + "' is not defined in 'objects'");
                        }
                        double below = ctx.number(t, "below_km", 0.0);
                        if (!(below > 0)) {
                            ctx.error(t.entries().getOrDefault("below_km", t), "below_km must be a positive distance");
                        }
                        return new Trigger.CloseApproach(object, other, below, after);
                    }
                }
            }
        }
    }

    /** A trigger on a breakup's fragments near an object: their first approach within a distance, or a risk level. */
    private Trigger debris(String kind, YamlNode value, Move move, List<SpaceObject> objects, Instant start) {
        MapNode t = ctx.map(value, kind);
        if (t == null) {
            return new Trigger.Manual();
        }
        ctx.keys(t, "msel[].trigger." + kind);
        String breakup = ctx.string(t, "breakup", "");
        if (breakups.stream().noneMatch(b -> b.id().equals(breakup))) {
            ctx.error(t.entries().getOrDefault("breakup", t), "breakup '" + breakup + "' is not defined in 'breakups'");
        }
        String object = ctx.string(t, "object", "");
        if (objects.stream().noneMatch(o -> o.id().equals(object))) {
            ctx.error(t.entries().getOrDefault("object", t), "object '" + object + "' is not defined in 'objects'");
        }
        Instant after = after(t, move, start);
        if (kind.equals("debris_approach")) {
            double below = ctx.number(t, "below_km", 0.0);
            if (!(below > 0) || below > 100) {
                ctx.error(t.entries().getOrDefault("below_km", t), "below_km must be a distance above 0 and at most 100 km");
            }
            return new Trigger.DebrisApproach(breakup, object, below, after);
        }
        double above = ctx.number(t, "above", 0.0);
        if (!(above > 0) || !(above < 1)) {
            ctx.error(t.entries().getOrDefault("above", t), "above must be a probability between 0 and 1 (like 1e-4)");
        }
        double hardBodyM = ctx.number(t, "hard_body_m", Trigger.DebrisRisk.DEFAULT_HARD_BODY_M);
        if (!(hardBodyM > 0) || hardBodyM > 100) {
            ctx.error(t.entries().get("hard_body_m"), "hard_body_m must be above 0 and at most 100");
        }
        double sigmaKm = ctx.number(t, "sigma_km", Trigger.DebrisRisk.DEFAULT_SIGMA_KM);
        if (!(sigmaKm > 0) || sigmaKm > 10) {
            ctx.error(t.entries().get("sigma_km"), "sigma_km must be above 0 and at most 10");
        }
        return new Trigger.DebrisRisk(breakup, object, above, hardBodyM, sigmaKm, after);
    }

    /** A trigger's {@code after}: as given, else the start of the inject's move (of the scenario, without a move). */
    private Instant after(MapNode trigger, Move move, Instant start) {
        return trigger.entries().containsKey("after") ? ctx.instant(trigger, "after", true) : move == null ? start : move.start();
    }
}
