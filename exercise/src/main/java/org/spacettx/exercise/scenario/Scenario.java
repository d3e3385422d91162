package org.spacettx.exercise.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spacettx.orbit.geo.Area;
import org.spacettx.orbit.geo.Site;

/** A validated scenario: everything the exercise engine needs, with ids resolved and checked. */
public record Scenario(String id, Text title, String banner, Text description, Instant start, Instant end,
                       List<Cell> cells, List<Objective> objectives, Map<String, Site> sites, Map<String, Area> areas,
                       List<SpaceObject> objects, List<Move> moves, List<Inject> injects, List<Question> questions,
                       List<ActionItemSeed> actionItems) {

    public Scenario {
        cells = List.copyOf(cells);
        objectives = List.copyOf(objectives);
        sites = Map.copyOf(sites);
        areas = Map.copyOf(areas);
        objects = List.copyOf(objects);
        moves = List.copyOf(moves);
        injects = List.copyOf(injects);
        questions = List.copyOf(questions);
        actionItems = List.copyOf(actionItems);
    }

    public Optional<Cell> cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<SpaceObject> object(String id) {
        return objects.stream().filter(o -> o.id().equals(id)).findFirst();
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
