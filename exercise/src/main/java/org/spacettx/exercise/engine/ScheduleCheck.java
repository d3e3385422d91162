package org.spacettx.exercise.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.spacettx.exercise.scenario.Move;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioProblem;
import org.spacettx.exercise.scenario.Trigger;

/**
 * Warnings that only the computed schedule can give: an inject whose trigger, as the orbital engine computes it,
 * releases it outside its own move (before the move starts, or once a later move has begun), after the scenario
 * ends, or never. The scenario stays valid; its author is told where, by the trigger's line and column.
 */
public final class ScheduleCheck {

    private ScheduleCheck() {
    }

    /**
     * Everything to say of a scenario as read: its errors and warnings, and, when it is valid, the warnings of its
     * computed schedule (what {@code exercise validate} prints and {@code POST /api/scenarios/validate} answers).
     */
    public static List<ScenarioProblem> problems(org.spacettx.exercise.scenario.ScenarioReader.Result result,
                                                 org.spacettx.orbit.data.OrekitData data) {
        List<ScenarioProblem> all = new ArrayList<>(result.problems());
        if (result.ok()) {
            try {
                all.addAll(warnings(result.scenario(), TriggerSchedule.compute(result.scenario(), data), result.triggers()));
            } catch (org.spacettx.exercise.scenario.Limits.Exceeded e) {
                all.add(ScenarioProblem.of(e));
            }
        }
        return all;
    }

    /** The warnings of a valid scenario's schedule, pinned to each inject's trigger ({@code anchors}, by number). */
    public static List<ScenarioProblem> warnings(Scenario scenario, TriggerSchedule schedule, Map<Integer, ScenarioProblem.Anchor> anchors) {
        List<ScenarioProblem> out = new ArrayList<>();
        List<Move> moves = scenario.moves();
        for (TriggerSchedule.Entry e : schedule.entries()) {
            ScenarioProblem.Anchor at = anchors.getOrDefault(e.inject().number(), new ScenarioProblem.Anchor(0, 0, "msel"));
            Trigger trigger = e.inject().trigger();
            if (e.time().isEmpty()) {
                if (trigger.orbital()) { // a chained inject waits for its predecessor, whatever it is
                    out.add(at.warning("inject " + e.inject().number() + " is never released: " + e.basis().en()));
                }
                continue;
            }
            Instant t = e.time().get();
            int own = indexOf(moves, e.inject().move());
            Instant start = moves.get(own).start();
            Instant end = own + 1 < moves.size() ? moves.get(own + 1).start() : scenario.end();
            if (t.isAfter(scenario.end())) {
                out.add(at.warning("inject " + e.inject().number() + " would be released at " + t + ", after the scenario ends"));
            } else if (t.isBefore(start) || !t.isBefore(end) && own + 1 < moves.size()) {
                out.add(at.warning("inject " + e.inject().number() + " of move " + e.inject().move() + " is released at " + t
                        + ", in move " + moveAt(moves, t) + " (" + e.basis().en() + ")"));
            }
        }
        return out;
    }


    private static int indexOf(List<Move> moves, String id) {
        for (int i = 0; i < moves.size(); i++) {
            if (moves.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no move " + id);
    }

    private static String moveAt(List<Move> moves, Instant t) {
        String in = "before the first move";
        for (Move m : moves) {
            if (!t.isBefore(m.start())) {
                in = m.id();
            }
        }
        return in;
    }
}
