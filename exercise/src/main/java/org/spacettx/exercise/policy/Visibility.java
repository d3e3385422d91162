package org.spacettx.exercise.policy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.Item;
import org.spacettx.exercise.scenario.Marking;
import org.spacettx.exercise.scenario.Question;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.SpaceObject;

/**
 * The one place that decides who may see what, and from when. Every read path (feed, stream, space picture, its
 * exports, warning calendar, report, replay) asks it.
 *
 * <ul>
 * <li>Control sees everything, at any time (it previews the exercise).</li>
 * <li>A space object: everyone else knows of it once it is in orbit at the scenario time they are at (a launched
 * object from its insertion, a catalogued one always); never from a time the exercise has not reached.</li>
 * <li>A question: a delegation sees the questions asked of its cell, observers every question, once its move has
 * started.</li>
 * <li>A released inject: the cells it was sent to, when its marking is releasable to their nation; observers all of
 * them unless the scenario says {@code evaluators: {sees: releasable}}, and then when it is releasable to their
 * nation, or, for observers of no nation, to every delegation's nation.</li>
 * <li>A message, RFI or shared track: the cells that sent and received it, within its marking; observers as for
 * injects.</li>
 * <li>An answer: its own cell always; after control reveals its round, the other cells asked the question and the
 * observers.</li>
 * <li>Observations and evaluations of the objectives: control and observers only (the evaluators' work).</li>
 * <li>Action items and the joint statement: every participant.</li>
 * <li>The room's screen (presenter view): an inject sent to every delegation under a marking releasable to all of
 * them, revealed answers, action items and the statement; nothing else.</li>
 * </ul>
 */
public final class Visibility {

    private final Scenario scenario;
    private final Set<String> delegationNations;
    private final Set<String> delegationCells;

    public Visibility(Scenario scenario) {
        this.scenario = scenario;
        this.delegationNations = Set.copyOf(scenario.delegationNations());
        this.delegationCells = scenario.cells().stream().filter(c -> c.kind() == org.spacettx.exercise.scenario.Cell.Kind.BLUE)
                .map(org.spacettx.exercise.scenario.Cell::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean canSee(Actor viewer, Item item) {
        if (viewer.isControl()) {
            return true;
        }
        if (viewer.role() == Actor.Role.ROOM) {
            return room(item);
        }
        boolean observer = viewer.role() == Actor.Role.OBSERVER;
        return switch (item) {
            case Item.ReleasedInject r -> observer ? releasableToObserver(viewer, r.inject().marking())
                    : r.inject().recipients().contains(viewer.cell()) && r.inject().marking().releasableTo(viewer.nation());
            case Item.Message m -> observer ? releasableToObserver(viewer, m.marking())
                    : (m.fromCell().equals(viewer.cell()) || m.toCell().equals(viewer.cell()))
                    && m.marking().releasableTo(viewer.nation());
            case Item.Rfi r -> observer ? releasableToObserver(viewer, r.marking())
                    : r.cell().equals(viewer.cell()) && r.marking().releasableTo(viewer.nation());
            case Item.SharedTrack t -> observer ? releasableToObserver(viewer, t.marking())
                    : (t.fromCell().equals(viewer.cell()) || t.toCell().equals(viewer.cell()))
                    && t.marking().releasableTo(viewer.nation());
            case Item.SubmittedAnswer a -> a.cell().equals(viewer.cell())
                    || (a.revealed() && (observer || askedOf(a.question(), viewer.cell())));
            case Item.Observation o -> observer;
            case Item.Evaluation e -> observer;
            case Item.ActionItem a -> true;
            case Item.Statement s -> true;
            case Item.FeedbackRequest f -> true;
            // a participant's feedback is theirs; control reads it all (attributed only when not anonymous)
            case Item.FeedbackResponse f -> f.responder().equals(viewer.user());
        };
    }

    /**
     * Whether the viewer reads the MSEL — every inject with its computed release, and the counterspace events and the
     * cells' detections still to come: control, and the evaluators unless the scenario says otherwise
     * ({@code evaluators: {msel: false}}).
     */
    public boolean seesMsel(Actor viewer) {
        return viewer.isControl() || viewer.role() == Actor.Role.OBSERVER && scenario.evaluatorsSeeMsel();
    }

    /**
     * Whether the viewer is shown who gave each response to a feedback request: control, unless the request was
     * anonymous; nobody else (they read the summary, unattributed).
     */
    public boolean seesWhoAnswered(Actor viewer, Item.FeedbackRequest request) {
        return viewer.isControl() && !request.anonymous();
    }

    /**
     * Whether the viewer knows of a space object at scenario time {@code now} (the time the exercise has reached, or
     * an earlier one the viewer looks at). Control knows everything; an object in orbit before the exercise is in the
     * public catalog, known to all. A launched object: a delegation with sensors of its own knows it from the first time
     * they observe it or an ally shares a track of it with them; a delegation without, the evaluators, from its
     * insertion; the room, once every delegation knows it.
     */
    public boolean knows(Actor viewer, SpaceObject object, Instant now, Knowledge sensors) {
        return object.inOrbitFrom() == null || knowsFrom(viewer, now, object.inOrbitFrom(), sensors,
                cell -> sensors.firstKnown(cell, object.id(), object.inOrbitFrom()));
    }

    /**
     * Whether the viewer knows of a breakup's debris at scenario time {@code now}: control always; a delegation with
     * sensors from their first sighting of a fragment; the room once every delegation knows; the evaluators and
     * sensorless delegations from the breakup.
     */
    public boolean knowsBreakup(Actor viewer, org.spacettx.exercise.scenario.Breakup breakup, Instant now, Knowledge sensors) {
        return knowsFrom(viewer, now, breakup.time(), sensors, cell -> sensors.firstKnownBreakup(cell, breakup.id()));
    }

    /**
     * The one rule for something that comes into being at {@code since} (a launched object, a breakup's debris): control
     * always; a delegation with sensors from {@code firstKnown} of its cell; the room once every delegation knows it; the
     * evaluators and sensorless delegations from {@code since}.
     */
    private boolean knowsFrom(Actor viewer, Instant now, Instant since, Knowledge sensors,
                              java.util.function.Function<String, java.util.Optional<Instant>> firstKnown) {
        if (viewer.isControl()) {
            return true;
        }
        java.util.function.Predicate<String> cellKnows = cell -> !sensors.hasSensors(cell) ? !now.isBefore(since)
                : firstKnown.apply(cell).map(t -> !now.isBefore(t)).orElse(false);
        return switch (viewer.role()) {
            case ROOM -> delegationCells.stream().allMatch(cellKnows);
            case PLAYER -> cellKnows.test(viewer.cell());
            default -> !now.isBefore(since);
        };
    }

    /** Whether the viewer is shown a question whose move has ({@code moveStarted}) or has not started yet. */
    public boolean canSee(Actor viewer, Question question, boolean moveStarted) {
        if (viewer.isControl()) {
            return true;
        }
        return moveStarted && (viewer.role() == Actor.Role.OBSERVER || viewer.role() == Actor.Role.ROOM
                || question.cells().contains(viewer.cell()));
    }

    /**
     * The room sees what was released to every delegation and is releasable to all of them, revealed answers, action
     * items and the statement; never a message, an RFI, an answer before its reveal or an evaluator's note.
     */
    private boolean room(Item item) {
        return switch (item) {
            case Item.ReleasedInject r -> r.inject().recipients().containsAll(delegationCells)
                    && !r.inject().marking().controlOnly() && delegationNations.stream().allMatch(r.inject().marking()::releasableTo);
            case Item.SubmittedAnswer a -> a.revealed();
            case Item.ActionItem a -> true;
            case Item.Statement s -> true;
            case Item.Message m -> false;
            case Item.Rfi r -> false;
            case Item.SharedTrack t -> false;
            case Item.Observation o -> false;
            case Item.Evaluation e -> false;
            case Item.FeedbackRequest f -> false;
            case Item.FeedbackResponse f -> false;
        };
    }

    /** The items of a list that the viewer may see, in order. */
    public <T extends Item> List<T> filter(Actor viewer, List<T> items) {
        return items.stream().filter(i -> canSee(viewer, i)).toList();
    }

    private boolean releasableToObserver(Actor viewer, Marking marking) {
        if (scenario.evaluatorsSeeAll()) {
            return true; // the scenario's default: the evaluators read what each nation was given, to judge its sharing
        }
        if (!viewer.nation().isEmpty()) {
            return marking.releasableTo(viewer.nation());
        }
        return !marking.controlOnly() && delegationNations.stream().allMatch(marking::releasableTo);
    }

    private boolean askedOf(String questionId, String cell) {
        return scenario.question(questionId).map(Question::cells).map(c -> c.contains(cell)).orElse(false);
    }
}
