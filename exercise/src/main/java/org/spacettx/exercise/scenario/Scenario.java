package org.spacettx.exercise.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spacettx.orbit.geo.Area;
import org.spacettx.orbit.geo.Site;

/**
 * A validated scenario: everything the exercise engine needs, with ids resolved and checked. Sites and areas carry
 * their English names (the orbital engine's reports use them); {@code placeNames} holds every place's name in both
 * languages, by place id. {@code evaluatorsSeeMsel}: whether the evaluators (observers) read the MSEL — every inject
 * with its computed release, and the counterspace events and each cell's detections still to come — as many exercise
 * programmes give it them (the default), or only what has happened. {@code evaluatorsSeeAll}: whether they read every
 * inject, message, request and shared track whatever its marking (the default: they evaluate how the nations decide
 * to share, and so read what each nation was given alone), or only what is releasable to them.
 */
public record Scenario(String id, Text title, String banner, Text description, Instant start, Instant end,
                       List<Cell> cells, List<Objective> objectives, Map<String, Site> sites, Map<String, Area> areas,
                       Map<String, Text> placeNames, List<SpaceObject> objects, List<Maneuver> maneuvers,
                       List<Breakup> breakups, List<Effect> effects, List<CellSensor> sensors, List<Move> moves, List<Inject> injects,
                       List<Question> questions, List<ActionItemSeed> actionItems, boolean evaluatorsSeeMsel,
                       boolean evaluatorsSeeAll) {

    public Scenario {
        cells = List.copyOf(cells);
        objectives = List.copyOf(objectives);
        sites = Map.copyOf(sites);
        areas = Map.copyOf(areas);
        placeNames = Map.copyOf(placeNames);
        objects = List.copyOf(objects);
        maneuvers = List.copyOf(maneuvers);
        breakups = List.copyOf(breakups);
        effects = List.copyOf(effects);
        sensors = List.copyOf(sensors);
        moves = List.copyOf(moves);
        injects = List.copyOf(injects);
        questions = List.copyOf(questions);
        actionItems = List.copyOf(actionItems);
    }

    /** A place's name in both languages (its id when the scenario gave it no name). */
    public Text placeName(String placeId) {
        return placeNames.getOrDefault(placeId, Text.of(placeId, placeId));
    }

    /**
     * The markings people of this exercise choose from for what they write: releasable to every delegation, each
     * delegation alone, and every marking the MSEL uses (but control's own), in that order, without repeats.
     */
    public List<Marking> markings() {
        java.util.LinkedHashSet<Marking> out = new java.util.LinkedHashSet<>();
        java.util.SortedSet<String> nations = delegationNations();
        if (!nations.isEmpty()) {
            out.add(Marking.releasableTo(nations.toArray(String[]::new)));
            nations.forEach(n -> out.add(Marking.releasableTo(new String[] {n})));
        }
        injects.stream().map(Inject::marking).filter(m -> !m.controlOnly()).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * Why a marking cannot be used in this exercise, or nothing: a marking names only the exercise's nations (those
     * with a delegation), unless it is one of the scenario's own markings; control-only markings are for the MSEL.
     */
    public java.util.Optional<org.spacettx.exercise.text.Message> markingProblem(Marking marking) {
        if (marking.controlOnly()) {
            return java.util.Optional.of(org.spacettx.exercise.text.Refusal.MARKING_CONTROL_ONLY.with("marking", marking));
        }
        java.util.SortedSet<String> nations = delegationNations();
        if (markings().contains(marking) || nations.containsAll(marking.nations())) {
            return java.util.Optional.empty();
        }
        java.util.Set<String> strangers = new java.util.TreeSet<>(marking.nations());
        strangers.removeAll(nations);
        return java.util.Optional.of(org.spacettx.exercise.text.Refusal.MARKING_STRANGERS.with("marking", marking, "nations", strangers,
                "allowed", String.join("; ", markings().stream().map(Marking::toString).toList())));
    }

    /** The nations that have a delegation (a blue cell), in order: those that may own an action item. */
    public java.util.SortedSet<String> delegationNations() {
        return cells.stream().filter(c -> c.kind() == Cell.Kind.BLUE).map(Cell::nation)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    public Optional<Cell> cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<SpaceObject> object(String id) {
        return objects.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public Optional<Maneuver> maneuver(String id) {
        return maneuvers.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<Effect> effect(String id) {
        return effects.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<Breakup> breakup(String id) {
        return breakups.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** Whether a move of this scenario has started at a scenario time (false for a move it does not have). */
    public boolean moveStarted(String id, java.time.Instant scenarioTime) {
        return move(id).map(m -> !scenarioTime.isBefore(m.start())).orElse(false);
    }

    public Optional<Move> move(String id) {
        return moves.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<Inject> inject(int number) {
        return injects.stream().filter(i -> i.number() == number).findFirst();
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
