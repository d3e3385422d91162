package org.spacettx.exercise.engine;

import org.spacettx.exercise.text.Message;
import org.spacettx.exercise.text.Refusal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.spacettx.exercise.assess.AnswerValue;
import org.spacettx.exercise.assess.EvaluationGuide;
import org.spacettx.exercise.policy.Visibility;
import org.spacettx.exercise.scenario.AnswerCondition;
import org.spacettx.exercise.scenario.Cell;
import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Move;
import org.spacettx.exercise.scenario.Question;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.Trigger;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * One exercise being played: commands in, events out. Deterministic: given the scenario, the scheduled trigger times
 * and the same commands with the same wall times, it produces the same events; the state is the fold of the events
 * ({@link #replay}). Every command is checked against the state and the actor's role and cell; a refused command
 * says why and changes nothing. After every accepted command, injects that have become due are released.
 */
public final class Exercise {

    private static final Set<String> STATUSES = Item.ActionItem.STATUSES;

    /** What stands for the giver of anonymous feedback: a token, never a name. */
    public static final String ANONYMOUS_TOKEN = "anon-[0-9a-f]{32}";

    private final Scenario scenario;
    private final Map<Integer, Instant> scheduled;
    private final ExerciseState state;
    private final Visibility visibility;
    /** Nations with a delegation: the owners an action item may have. */
    private final java.util.SortedSet<String> delegationNations;
    private final List<Event.Recorded> log = new ArrayList<>();
    private Instant lastWall;
    /** The cells' own sightings, for the tracks they share (computed when first needed; the same for a scenario). */
    private final java.util.function.Supplier<Detections> sensors;

    /**
     * @param scheduled release times of the injects with time and orbital triggers (from {@link TriggerSchedule})
     */
    public Exercise(Scenario scenario, Map<Integer, Instant> scheduled) {
        this.scenario = scenario;
        this.scheduled = Map.copyOf(scheduled);
        this.state = new ExerciseState(scenario);
        this.visibility = new Visibility(scenario);
        this.delegationNations = scenario.delegationNations();
        this.sensors = () -> Detections.compute(scenario, org.spacettx.orbit.data.OrekitData.standard());
    }

    /** Scheduled release times for {@link #Exercise(Scenario, Map)}: those of the schedule that do not depend on play. */
    public static Map<Integer, Instant> scheduledTimes(TriggerSchedule schedule) {
        Map<Integer, Instant> times = new java.util.HashMap<>();
        for (TriggerSchedule.Entry e : schedule.entries()) {
            if (!(e.inject().trigger() instanceof Trigger.AfterInject) && e.time().isPresent()) {
                times.put(e.inject().number(), e.time().get());
            }
        }
        return times;
    }

    /**
     * Rebuilds an exercise from a log that comes from outside (an archive, a log file), checking every event
     * against the state it follows ({@link ExerciseState#problem}).
     *
     * @throws InputException naming the event ({@code source:N}) that cannot have happened
     */
    public static Exercise replayChecked(Scenario scenario, Map<Integer, Instant> scheduled, List<Event.Recorded> events,
                                         String source) {
        Exercise e = new Exercise(scenario, scheduled);
        for (Event.Recorded r : events) {
            String problem = e.state.problem(r);
            if (problem != null) {
                throw new InputException(SourceLocation.of(source), "event " + r.sequence(), problem);
            }
            e.state.apply(r);
            e.log.add(r);
            e.lastWall = r.wallTime();
        }
        return e;
    }

    /** Rebuilds an exercise from its event log (as stored), checking the sequence. */
    public static Exercise replay(Scenario scenario, Map<Integer, Instant> scheduled, List<Event.Recorded> events) {
        Exercise e = new Exercise(scenario, scheduled);
        for (Event.Recorded r : events) {
            e.state.apply(r);
            e.log.add(r);
            e.lastWall = r.wallTime();
        }
        return e;
    }

    public ExerciseState state() {
        return state;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Visibility visibility() {
        return visibility;
    }

    public List<Event.Recorded> log() {
        return List.copyOf(log);
    }

    /** Handles one command at a wall time. */
    public Outcome handle(Actor actor, Instant wall, Command command) {
        if (command == null) {
            return new Outcome.Rejected(Refusal.NO_COMMAND.with());
        }
        if (lastWall != null && wall.isBefore(lastWall)) {
            return new Outcome.Rejected(Refusal.WALL_TIME_BEFORE_LAST.with("wall", wall, "last", lastWall));
        }
        List<Event> decided;
        try {
            decided = decide(actor, wall, command);
        } catch (Refused e) {
            return new Outcome.Rejected(e.message);
        }
        List<Event.Recorded> recorded = new ArrayList<>();
        for (Event event : decided) {
            // anonymous feedback is recorded as nobody's: its token is all that stands for the participant
            recorded.add(record(event instanceof Event.FeedbackGiven f && f.responder() != null ? Actor.ANONYMOUS : actor, wall, event));
            if (event instanceof Event.AnswerSubmitted a) {
                recorded.addAll(releaseOnAnswer(a, wall));
            }
        }
        if (state.started() && !state.ended()) {
            recorded.addAll(releaseDue(wall));
            // the clock has reached the time control asked it to pause at (and what fell due there is released)
            if (state.running() && state.pauseAt().filter(at -> !state.scenarioTimeAt(wall).isBefore(at)).isPresent()) {
                recorded.add(record(Actor.SYSTEM, wall, new Event.ClockPaused()));
            }
        }
        return new Outcome.Accepted(recorded);
    }

    /**
     * Whether a command would be accepted now, deciding it without recording anything (its events are not returned):
     * for a caller that must prepare something first, such as storing a document before the log names it.
     */
    public Outcome check(Actor actor, Instant wall, Command command) {
        try {
            decide(actor, wall, command);
            return new Outcome.Accepted(List.of());
        } catch (Refused e) {
            return new Outcome.Rejected(e.message);
        }
    }

    /** The next inject due at a scenario time after the clock's: its number and that time. */
    public record NextInject(int number, Instant at) {
    }

    /**
     * The next inject that falls due at a time after the clock's at {@code wall} (by its schedule or trigger; an
     * inject released by hand has no time), if any.
     */
    public Optional<NextInject> nextTimedInject(Instant wall) {
        Instant now = state.scenarioTimeAt(wall);
        NextInject next = null;
        for (Inject i : state.injects()) {
            if (state.released().containsKey(i.number()) || state.isWithdrawn(i.number())) {
                continue;
            }
            Optional<Instant> due = dueTime(i);
            if (due.isPresent() && due.get().isAfter(now) && !due.get().isAfter(scenario.end())
                    && (next == null || due.get().isBefore(next.at()) || due.get().equals(next.at()) && i.number() < next.number())) {
                next = new NextInject(i.number(), due.get());
            }
        }
        return Optional.ofNullable(next);
    }

    private Event.Recorded record(Actor actor, Instant wall, Event event) {
        Event.Recorded r = new Event.Recorded(state.lastSequence() + 1, state.scenarioTimeAt(wall), wall, actor, event);
        state.apply(r);
        log.add(r);
        lastWall = wall;
        return r;
    }

    /** Move changes and the injects due at the scenario time the clock shows at {@code wall}. */
    private List<Event.Recorded> releaseDue(Instant wall) {
        List<Event.Recorded> out = new ArrayList<>();
        Instant now = state.scenarioTimeAt(wall);
        String move = "";
        for (Move m : scenario.moves()) {
            if (!m.start().isAfter(now)) {
                move = m.id();
            }
        }
        if (!move.isEmpty() && !move.equals(state.currentMove())) {
            out.add(record(Actor.SYSTEM, wall, new Event.MoveStarted(move)));
        }
        boolean released = true;
        while (released) {
            released = false;
            List<Inject> due = new ArrayList<>();
            for (Inject i : state.injects()) {
                if (!state.released().containsKey(i.number()) && !state.isWithdrawn(i.number())) {
                    dueTime(i).filter(t -> !t.isAfter(now)).ifPresent(t -> due.add(i));
                }
            }
            due.sort(Comparator.comparing((Inject i) -> dueTime(i).orElseThrow()).thenComparingInt(Inject::number));
            for (Inject i : due) {
                out.add(record(Actor.SYSTEM, wall, new Event.InjectReleased(i.number(), dueTime(i).orElseThrow(), reason(i))));
                released = true; // a release can make an after_inject trigger due
            }
        }
        return out;
    }

    private Optional<Instant> dueTime(Inject i) {
        if (i.trigger() instanceof Trigger.AfterInject a) {
            Item.ReleasedInject other = state.released().get(a.inject());
            return other == null ? Optional.empty() : Optional.of(other.scenarioTime().plus(a.delay()));
        }
        Instant at = scheduled.get(i.number());
        // an inject written during play at a set time is not in the schedule computed at the start
        return Optional.ofNullable(at != null ? at : i.trigger() instanceof Trigger.AtTime t && state.written().containsKey(i.number()) ? t.time() : null);
    }

    private static String reason(Inject i) {
        return switch (i.trigger()) {
            case Trigger.AtTime t -> "scheduled";
            case Trigger.AfterInject t -> "after inject " + t.inject();
            case Trigger.Launch t -> "launch of " + t.object();
            case Trigger.FirstOverflight t -> "first overflight of " + t.place() + " by " + t.object();
            case Trigger.Pass t -> "pass of " + t.object() + " over " + t.site();
            case Trigger.CloseApproach t -> "close approach of " + t.object() + " and " + t.other();
            case Trigger.Conjunction t -> "predicted conjunction of " + t.object()
                    + (t.with().isEmpty() ? "" : " and " + t.with()) + ", " + t.lead().toHours() + " h ahead";
            default -> "released";
        };
    }

    private List<Event.Recorded> releaseOnAnswer(Event.AnswerSubmitted a, Instant wall) {
        List<Event.Recorded> out = new ArrayList<>();
        for (Inject i : state.injects()) {
            if (i.trigger() instanceof Trigger.OnAnswer t && t.question().equals(a.question()) && t.cell().equals(a.cell())
                    && !state.released().containsKey(i.number()) && !state.isWithdrawn(i.number())
                    && AnswerCondition.matches(t.condition(), a.value().comparable())) {
                out.add(record(Actor.SYSTEM, wall, new Event.InjectReleased(i.number(), state.scenarioTimeAt(wall),
                        "answer condition: " + a.cell() + " " + a.question() + " " + t.condition())));
            }
        }
        return out;
    }

    // ---- decisions ----------------------------------------------------------------------------------------------

    private static final class Refused extends Exception {
        final Message message;

        Refused(Message message) {
            super(message.english(), null, false, false);
            this.message = message;
        }
    }

    private List<Event> decide(Actor actor, Instant wall, Command command) throws Refused {
        if (command instanceof Command.StartExercise) {
            control(actor);
            require(!state.started(), Refusal.ALREADY_STARTED.with());
            return List.of(new Event.ExerciseStarted(scenario.id()));
        }
        require(state.started(), Refusal.NOT_STARTED.with());
        require(!state.ended(), Refusal.ENDED.with());
        checkMembership(actor);
        return switch (command) {
            case Command.StartExercise c -> throw new IllegalStateException();
            case Command.StartClock c -> {
                control(actor);
                require(!state.running(), Refusal.CLOCK_RUNNING.with());
                yield List.of(new Event.ClockStarted());
            }
            case Command.PauseClock c -> {
                control(actor);
                require(state.running(), Refusal.CLOCK_NOT_RUNNING.with());
                yield List.of(new Event.ClockPaused());
            }
            case Command.SetSpeed c -> {
                control(actor);
                require(c.speed() > 0 && c.speed() <= 10_000, Refusal.SPEED_RANGE.with("max", 10_000));
                yield List.of(new Event.SpeedSet(c.speed()));
            }
            case Command.JumpToMove c -> {
                control(actor);
                Move move = scenario.move(c.move()).orElseThrow(() -> new Refused(Refusal.NO_SUCH_MOVE.with("move", c.move())));
                Instant now = state.scenarioTimeAt(wall);
                require(!move.start().isBefore(now) || c.backConfirmed(),
                        Refusal.JUMP_BACK_UNCONFIRMED.with("move", move.id(), "time", move.start(), "now", now));
                yield List.of(new Event.ClockJumped(move.start(), move.id()));
            }
            case Command.PauseAt c -> {
                control(actor);
                Instant now = state.scenarioTimeAt(wall);
                require(c.at() == null || c.at().isAfter(now) && !c.at().isAfter(scenario.end()),
                        Refusal.PAUSE_AT_TIME.with("now", now, "end", scenario.end()));
                yield List.of(new Event.PauseScheduled(c.at()));
            }
            case Command.RunToNextInject c -> {
                control(actor);
                NextInject next = nextTimedInject(wall).orElseThrow(() -> new Refused(Refusal.NO_INJECT_AHEAD.with()));
                yield state.running() ? List.of(new Event.PauseScheduled(next.at()))
                        : List.of(new Event.PauseScheduled(next.at()), new Event.ClockStarted());
            }
            case Command.Tick c -> {
                control(actor);
                yield List.of();
            }
            case Command.ReleaseInject c -> {
                control(actor);
                inject(c.number());
                require(!state.released().containsKey(c.number()), Refusal.INJECT_ALREADY_RELEASED.with("number", c.number()));
                yield List.of(new Event.InjectReleased(c.number(), state.scenarioTimeAt(wall), "released by control"));
            }
            case Command.WriteInject c -> {
                control(actor);
                require(c.move() != null && scenario.move(c.move()).isPresent(), Refusal.NO_SUCH_MOVE.with("move", c.move()));
                require(c.to() != null && !c.to().isEmpty(), Refusal.INJECT_NEEDS_CELLS.with());
                require(c.marking() != null, Refusal.INJECT_NEEDS_MARKING.with());
                marking(c.marking());
                for (String id : c.to()) {
                    Cell cell = scenario.cell(id).orElseThrow(() -> new Refused(Refusal.NO_SUCH_CELL.with("cell", id)));
                    require(cell.kind() == Cell.Kind.BLUE || cell.kind() == Cell.Kind.RED, Refusal.INJECT_TO_DELEGATIONS.with("cell", id));
                    // the reader's rule for the scenario's own injects: nothing is addressed so that it leaks
                    require(c.marking().releasableTo(cell.nation()),
                            Refusal.MARKING_NOT_RELEASABLE_TO_CELL.with("marking", c.marking(), "nation", cell.nation(), "cell", id));
                }
                require(c.channel() != null && org.spacettx.exercise.scenario.ScenarioReader.CHANNELS.contains(c.channel()),
                        Refusal.INJECT_CHANNEL.with("channels", new java.util.TreeSet<>(org.spacettx.exercise.scenario.ScenarioReader.CHANNELS)));
                require(c.subject() != null && !c.subject().en().isBlank() || c.subject() != null && !c.subject().ko().isBlank(),
                        Refusal.INJECT_NEEDS_SUBJECT.with());
                Instant now = state.scenarioTimeAt(wall);
                require(c.releaseAt() == null || !c.releaseNow(), Refusal.INJECT_RELEASE_NOW_OR_AT.with());
                require(c.releaseAt() == null || !c.releaseAt().isBefore(now) && !c.releaseAt().isAfter(scenario.end()),
                        Refusal.INJECT_RELEASE_TIME.with());
                int number = c.number() != null ? c.number() : state.injects().stream().mapToInt(Inject::number).max().orElse(0) + 1;
                require(number > 0 && number < 1_000_000, Refusal.INJECT_NUMBER.with());
                require(state.inject(number).isEmpty(), Refusal.INJECT_EXISTS.with("number", number));
                Event.InjectWritten written = new Event.InjectWritten(number, c.move(), List.copyOf(new java.util.LinkedHashSet<>(c.to())),
                        c.channel(), c.marking(), bounded(c.subject(), Refusal.Field.SUBJECT, 500), bounded(c.body(), Refusal.Field.TEXT, 10_000),
                        bounded(c.expectedAction(), Refusal.Field.EXPECTED_ACTION, 2_000), c.releaseAt());
                yield c.releaseNow() ? List.of(written, new Event.InjectReleased(number, now, "written and released by control"))
                        : List.of(written);
            }
            case Command.WithdrawInject c -> {
                control(actor);
                require(state.released().containsKey(c.number()), Refusal.INJECT_NOT_RELEASED.with("number", c.number()));
                yield List.of(new Event.InjectWithdrawn(c.number(), text(c.reason(), Refusal.Field.REASON, 500)));
            }
            case Command.AttachFile c -> {
                control(actor);
                require(state.inject(c.number()).isPresent(), Refusal.NO_SUCH_INJECT.with("number", c.number()));
                AttachedFile f = c.file();
                require(f != null && f.name() != null && !f.name().isBlank() && f.name().length() <= AttachedFile.MAX_NAME
                        && f.name().chars().noneMatch(ch -> ch == '/' || ch == '\\' || Character.isISOControl(ch)),
                        Refusal.FILE_NAME.with("max", AttachedFile.MAX_NAME, "name", f == null || f.name() == null ? "" : f.name()));
                require(AttachedFile.MEDIA_TYPES.contains(f.mediaType()), Refusal.FILE_KIND.with("mediaType", String.valueOf(f.mediaType())));
                require(f.bytes() > 0 && f.bytes() <= AttachedFile.MAX_BYTES, Refusal.FILE_SIZE.with("max", AttachedFile.MAX_BYTES, "bytes", f.bytes()));
                require(f.sha256() != null && f.sha256().matches("[0-9a-f]{64}"), Refusal.FILE_KIND.with("mediaType", f.mediaType()));
                List<AttachedFile> carried = state.files(c.number());
                require(carried.size() < AttachedFile.MAX_PER_INJECT, Refusal.FILE_TOO_MANY.with("number", c.number(), "max", AttachedFile.MAX_PER_INJECT));
                for (AttachedFile other : carried) {
                    require(!other.sha256().equals(f.sha256()), Refusal.FILE_ALREADY_ATTACHED.with("number", c.number(), "name", other.name()));
                }
                yield List.of(new Event.FileAttached(c.number(), new AttachedFile(f.name().strip(), f.mediaType(), f.sha256(), f.bytes())));
            }
            case Command.AcknowledgeInject c -> {
                player(actor);
                Item.ReleasedInject r = state.released().get(c.number());
                require(r != null && visibility.canSee(actor, r), Refusal.INJECT_NOT_IN_FEED.with("number", c.number()));
                require(!r.acknowledgedBy().contains(actor.cell()), Refusal.INJECT_ALREADY_ACKNOWLEDGED.with("number", c.number()));
                yield List.of(new Event.InjectAcknowledged(c.number(), actor.cell()));
            }
            case Command.PostMessage c -> {
                require(actor.role() != Actor.Role.OBSERVER, Refusal.OBSERVERS_SEND_NO_MESSAGES.with());
                Cell to = scenario.cell(c.toCell()).orElseThrow(() -> new Refused(Refusal.NO_SUCH_CELL.with("cell", c.toCell())));
                require(!to.id().equals(actor.cell()), Refusal.MESSAGE_TO_OTHER_CELL.with());
                require(c.marking() != null, Refusal.MESSAGE_NEEDS_MARKING.with());
                marking(c.marking());
                if (!actor.isControl()) {
                    require(c.marking().releasableTo(actor.nation()), Refusal.MARKING_NOT_RELEASABLE_TO_OWN.with("marking", c.marking()));
                }
                if (to.kind() != Cell.Kind.CONTROL) {
                    require(c.marking().releasableTo(to.nation()),
                            Refusal.MESSAGE_MARKING_BARS_CELL.with("marking", c.marking(), "cell", to.id(), "nation", to.nation()));
                }
                yield List.of(new Event.MessagePosted("MSG-" + (state.messages().size() + 1), actor.cell(), to.id(),
                        text(c.body(), Refusal.Field.MESSAGE, 10_000), c.marking()));
            }
            case Command.ShareTrack c -> {
                player(actor);
                Instant now = state.scenarioTimeAt(wall);
                Detections seen = sensors.get();
                // an object the cell does not know of is answered as one that does not exist: the refusal tells nothing
                org.spacettx.exercise.scenario.SpaceObject o = scenario.object(c.object())
                        .filter(x -> visibility.knows(actor, x, now, new CellKnowledge(seen, state.sharedTracks())))
                        .orElseThrow(() -> new Refused(Refusal.NO_SUCH_OBJECT.with("object", c.object())));
                Cell to = scenario.cell(c.toCell()).orElseThrow(() -> new Refused(Refusal.NO_SUCH_CELL.with("cell", c.toCell())));
                require(to.kind() == Cell.Kind.BLUE && !to.id().equals(actor.cell()), Refusal.TRACK_TO_OTHER_DELEGATION.with());
                require(c.marking() != null && c.marking().releasableTo(actor.nation()) && c.marking().releasableTo(to.nation()),
                        Refusal.TRACK_MARKING.with("nation", to.nation()));
                marking(c.marking());
                require(seen.hasSensors(actor.cell()), Refusal.TRACK_NO_SENSORS.with());
                Detections.Fix fix = seen.track(actor.cell(), o).latestBy(now)
                        .orElseThrow(() -> new Refused(Refusal.TRACK_NOT_OBSERVED.with("object", c.object())));
                yield List.of(new Event.TrackShared("TRK-" + (state.sharedTracks().size() + 1), actor.cell(), to.id(), o.id(),
                        fix.latestBy(now), fix.sensor(), c.marking()));
            }
            case Command.RequestInformation c -> {
                player(actor);
                require(c.marking() != null && c.marking().releasableTo(actor.nation()),
                        Refusal.RFI_MARKING.with());
                marking(c.marking());
                yield List.of(new Event.RfiRequested("RFI-" + (state.rfis().size() + 1), actor.cell(),
                        text(c.question(), Refusal.Field.QUESTION, 4000), c.marking()));
            }
            case Command.AnswerRfi c -> {
                control(actor);
                require(state.rfis().containsKey(c.rfi()), Refusal.NO_SUCH_RFI.with("rfi", c.rfi()));
                yield List.of(new Event.RfiAnswered(c.rfi(), text(c.answer(), Refusal.Field.ANSWER, 10_000)));
            }
            case Command.SubmitAnswer c -> {
                player(actor);
                // a question not (yet) asked of the caller's cell is answered as one that does not exist
                Question q = scenario.question(c.question())
                        .filter(x -> x.cells().contains(actor.cell()) && state.moveHasStarted(x.move(), wall))
                        .orElseThrow(() -> new Refused(Refusal.NO_SUCH_QUESTION.with("question", c.question())));
                int round = state.round(q.id());
                require(!state.isRevealed(q.id(), round), Refusal.ROUND_REVEALED.with("round", round, "question", q.id()));
                require(c.confidence() != null, Refusal.CONFIDENCE_MISSING.with());
                Message problem = c.value() == null ? Refusal.ANSWER_MISSING.with() : AnswerValue.check(q, c.value());
                require(problem == null, problem);
                yield List.of(new Event.AnswerSubmitted(q.id(), actor.cell(), round, c.value(), c.confidence(),
                        c.rationale() == null || c.rationale().isBlank() ? "" : text(c.rationale(), Refusal.Field.RATIONALE, 4000)));
            }
            case Command.RevealQuestion c -> {
                control(actor);
                Question q = question(c.question());
                int round = state.round(q.id());
                require(!state.isRevealed(q.id(), round), Refusal.ROUND_REVEALED.with("round", round, "question", q.id()));
                require(state.answers().stream().anyMatch(a -> a.question().equals(q.id()) && a.round() == round),
                        Refusal.NOBODY_ANSWERED.with("round", round, "question", q.id()));
                yield List.of(new Event.QuestionRevealed(q.id(), round));
            }
            case Command.OpenRound c -> {
                control(actor);
                Question q = question(c.question());
                int round = state.round(q.id());
                require(state.isRevealed(q.id(), round), Refusal.REVEAL_FIRST.with("round", round, "question", q.id()));
                yield List.of(new Event.RoundOpened(q.id(), round + 1));
            }
            case Command.RecordObservation c -> {
                require(actor.role() == Actor.Role.OBSERVER || actor.role() == Actor.Role.CONTROLLER,
                        Refusal.OBSERVATIONS_BY_EVALUATORS.with());
                require(scenario.objectives().stream().anyMatch(o -> o.id().equals(c.objective())),
                        Refusal.NO_SUCH_OBJECTIVE.with("objective", c.objective()));
                if (c.inject() != null) {
                    cited(actor, c.inject());
                }
                require(c.rating() >= 1 && c.rating() <= 4, Refusal.OBSERVATION_RATING.with());
                yield List.of(new Event.ObservationRecorded("OBS-" + (state.observations().size() + 1), c.objective(),
                        c.inject(), c.rating(), text(c.text(), Refusal.Field.OBSERVATION, 10_000), actor.user()));
            }
            case Command.EvaluateObjective c -> {
                require(actor.role() == Actor.Role.OBSERVER || actor.role() == Actor.Role.CONTROLLER,
                        Refusal.EVALUATIONS_BY_EVALUATORS.with());
                org.spacettx.exercise.scenario.Objective objective = scenario.objectives().stream()
                        .filter(o -> o.id().equals(c.objective())).findFirst()
                        .orElseThrow(() -> new Refused(Refusal.NO_SUCH_OBJECTIVE.with("objective", c.objective())));
                require(EvaluationGuide.Rating.of(c.rating()).isPresent(), Refusal.EVALUATION_RATING.with("rating", c.rating()));
                List<String> results = c.criteria() == null ? List.of() : c.criteria();
                int count = objective.criteria().size();
                require(results.size() == count, Refusal.EVALUATION_CRITERIA.with("objective", objective.id(), "count", count,
                        "given", results.size()));
                for (int i = 0; i < count; i++) {
                    require(EvaluationGuide.Result.of(results.get(i)).isPresent(), Refusal.CRITERION_RESULT.with(
                            "number", i + 1, "results", String.join(", ", EvaluationGuide.Result.codes()), "result", results.get(i)));
                }
                yield List.of(new Event.ObjectiveEvaluated(objective.id(), actor.user(), c.rating(), List.copyOf(results),
                        optional(c.strengths(), Refusal.Field.STRENGTHS), optional(c.improvements(), Refusal.Field.IMPROVEMENTS)));
            }
            case Command.SaveActionItem c -> {
                require(actor.role() != Actor.Role.OBSERVER, Refusal.OBSERVERS_OWN_NO_ITEMS.with());
                String id = c.id();
                String ownerNow = null;
                if (id == null || id.isBlank()) {
                    id = "AI-" + (state.actionItems().size() + 1);
                    while (state.actionItems().containsKey(id)) {
                        id = id + "x";
                    }
                } else if (state.actionItems().containsKey(id)) {
                    ownerNow = state.actionItems().get(id).ownerNation();
                } else {
                    String given = id;
                    ownerNow = scenario.actionItems().stream().filter(s -> s.id().equals(given)).findFirst()
                            .orElseThrow(() -> new Refused(Refusal.NO_SUCH_ACTION_ITEM.with("item", given))).ownerNation();
                }
                String owner = c.ownerNation() == null ? "" : c.ownerNation().toUpperCase(Locale.ROOT);
                require(owner.matches("[A-Z]{3}"), Refusal.OWNER_CODE.with());
                require(delegationNations.contains(owner), Refusal.OWNER_NOT_TAKING_PART.with("nation", owner, "owners", delegationNations));
                // the register's rule too: control, or the owning delegation, which keeps the item its own
                java.util.Optional<Message> refusal = org.spacettx.exercise.policy.Ownership.refusal(actor.isControl(), actor.nation(),
                        ownerNow, owner);
                require(refusal.isEmpty(), refusal.orElse(null));
                String status = c.status() == null ? "open" : c.status().toLowerCase(Locale.ROOT);
                require(STATUSES.contains(status), Refusal.ITEM_STATUS.with("statuses", STATUSES));
                Message dueProblem = Item.ActionItem.dueProblem(c.due(), wall.atZone(ZoneOffset.UTC).toLocalDate());
                require(dueProblem == null, dueProblem);
                if (c.inject() != null) {
                    cited(actor, c.inject());
                }
                yield List.of(new Event.ActionItemSaved(id, text(c.title(), Refusal.Field.TITLE, 500), owner, c.due(), status, c.inject()));
            }
            case Command.DraftStatement c -> {
                control(actor);
                yield List.of(new Event.StatementDrafted(text(c.text(), Refusal.Field.STATEMENT, 20_000)));
            }
            case Command.AgreeStatement c -> {
                player(actor);
                require(!state.statement().text().isEmpty(), Refusal.NO_DRAFT_STATEMENT.with());
                require(!state.statement().agreedBy().contains(actor.cell()), Refusal.ALREADY_AGREED.with());
                yield List.of(new Event.StatementAgreed(actor.cell()));
            }
            case Command.NoteDissent c -> {
                player(actor);
                require(!state.statement().text().isEmpty(), Refusal.NO_DRAFT_STATEMENT.with());
                yield List.of(new Event.DissentNoted(actor.cell(), text(c.text(), Refusal.Field.DISSENT, 4000)));
            }
            case Command.RequestFeedback c -> {
                control(actor);
                String scope = c.scope() == null ? "" : c.scope();
                require(scope.equals("exercise") || scenario.move(scope).isPresent(), Refusal.FEEDBACK_SCOPE.with());
                yield List.of(new Event.FeedbackRequested("FB-" + (state.feedbackRequests().size() + 1), scope, c.anonymous()));
            }
            case Command.GiveFeedback c -> {
                require(actor.role() != Actor.Role.ROOM, Refusal.FEEDBACK_NOT_FROM_ROOM.with());
                Item.FeedbackRequest request = state.feedbackRequests().stream().filter(r -> r.id().equals(c.request())).findFirst()
                        .orElseThrow(() -> new Refused(Refusal.NO_SUCH_FEEDBACK_REQUEST.with("request", c.request())));
                String responder = request.anonymous() ? c.responder() : actor.user();
                require(responder != null && (!request.anonymous() || responder.matches(ANONYMOUS_TOKEN)),
                        Refusal.FEEDBACK_TOKEN.with());
                require(state.feedback().stream().noneMatch(f -> f.request().equals(c.request()) && f.responder().equals(responder)),
                        Refusal.FEEDBACK_ALREADY_GIVEN.with("request", c.request()));
                Map<String, Integer> ratings = new java.util.TreeMap<>();
                for (Map.Entry<String, Integer> e : (c.ratings() == null ? Map.<String, Integer>of() : c.ratings()).entrySet()) {
                    require(org.spacettx.exercise.assess.FeedbackForm.rating(e.getKey()).isPresent(), Refusal.FEEDBACK_NO_STATEMENT.with("statement", e.getKey()));
                    require(e.getValue() != null && e.getValue() >= 1 && e.getValue() <= 5, Refusal.RATING_RANGE.with());
                    ratings.put(e.getKey(), e.getValue());
                }
                Map<String, String> comments = new java.util.TreeMap<>();
                for (Map.Entry<String, String> e : (c.comments() == null ? Map.<String, String>of() : c.comments()).entrySet()) {
                    require(org.spacettx.exercise.assess.FeedbackForm.comment(e.getKey()).isPresent(), Refusal.FEEDBACK_NO_QUESTION.with("question", e.getKey()));
                    if (e.getValue() != null && !e.getValue().isBlank()) {
                        comments.put(e.getKey(), text(e.getValue(), Refusal.Field.COMMENT, org.spacettx.exercise.assess.FeedbackForm.MAX_COMMENT));
                    }
                }
                require(!ratings.isEmpty() || !comments.isEmpty(), Refusal.FEEDBACK_EMPTY.with());
                yield List.of(request.anonymous() ? new Event.FeedbackGiven(c.request(), "", ratings, comments, responder)
                        : new Event.FeedbackGiven(c.request(), actor.cell(), ratings, comments, null));
            }
            case Command.EndExercise c -> {
                control(actor);
                yield List.of(new Event.ExerciseEnded());
            }
            case Command.PresentItem c -> {
                control(actor);
                String kind = c.kind() == null ? "" : c.kind();
                require(ExerciseState.Presentation.KINDS.contains(kind), Refusal.PRESENT_KIND.with());
                String ref = c.ref() == null ? "" : c.ref().strip();
                if (kind.equals("inject")) {
                    Item.ReleasedInject r = ref.matches("\\d{1,6}") ? state.released().get(Integer.parseInt(ref)) : null;
                    require(r != null && visibility.canSee(Actor.ROOM, r), Refusal.PRESENT_INJECT_HIDDEN.with("number", ref));
                } else if (kind.equals("question")) {
                    Question q = question(ref);
                    require(state.isRevealed(q.id(), state.round(q.id())) || state.round(q.id()) > 1,
                            Refusal.PRESENT_NOTHING_REVEALED.with("question", q.id()));
                } else {
                    ref = "";
                }
                yield List.of(new Event.PresentationFocused(kind, ref));
            }
        };
    }

    private void checkMembership(Actor actor) throws Refused {
        if (actor.role() == Actor.Role.SYSTEM) {
            return;
        }
        Cell cell = scenario.cell(actor.cell()).orElseThrow(() -> new Refused(Refusal.NO_SUCH_CELL.with("cell", actor.cell())));
        require(actor.role().fits(cell.kind()), Refusal.ROLE_NOT_FOR_CELL.with("role", actor.role().name().toLowerCase(Locale.ROOT), "cell", cell.id()));
        require(cell.kind() != Cell.Kind.BLUE && cell.kind() != Cell.Kind.RED || cell.nation().equals(actor.nation()),
                Refusal.NATION_NOT_CELL.with("nation", actor.nation(), "cell", cell.id()));
    }

    private static void control(Actor actor) throws Refused {
        require(actor.isControl(), Refusal.CONTROL_ONLY.with());
    }

    private static void player(Actor actor) throws Refused {
        require(actor.role() == Actor.Role.PLAYER, Refusal.PLAYERS_ONLY.with());
    }

    private Inject inject(int number) throws Refused {
        return state.inject(number).orElseThrow(() -> new Refused(Refusal.NO_SUCH_INJECT.with("number", number)));
    }

    /**
     * An inject an item cites (its origin): control may cite any inject of the scenario; anyone else only one that
     * is released and in their feed, so that nobody can learn of or point others to an inject not releasable to them.
     */
    private void cited(Actor actor, int number) throws Refused {
        inject(number);
        if (!actor.isControl()) {
            Item.ReleasedInject r = state.released().get(number);
            require(r != null && visibility.canSee(actor, r), Refusal.INJECT_NOT_IN_FEED.with("number", number));
        }
    }

    /** A marking of this exercise ({@link Scenario#markingProblem}). */
    private void marking(org.spacettx.exercise.scenario.Marking marking) throws Refused {
        java.util.Optional<Message> problem = scenario.markingProblem(marking);
        require(problem.isEmpty(), problem.orElse(null));
    }

    private Question question(String id) throws Refused {
        return scenario.question(id).orElseThrow(() -> new Refused(Refusal.NO_SUCH_QUESTION.with("question", id)));
    }

    private static String text(String value, Refusal.Field what, int max) throws Refused {
        require(value != null && !value.isBlank(), Refusal.TEXT_EMPTY.with("field", what));
        require(value.length() <= max, Refusal.TEXT_TOO_LONG.with("field", what, "max", max));
        return value.strip();
    }

    /** An evaluator's text that may be empty, of at most {@link EvaluationGuide#MAX_TEXT} characters. */
    private static String optional(String value, Refusal.Field what) throws Refused {
        String stripped = value == null ? "" : value.strip();
        require(stripped.length() <= EvaluationGuide.MAX_TEXT, Refusal.TEXT_TOO_LONG.with("field", what, "max", EvaluationGuide.MAX_TEXT));
        return stripped;
    }

    /** A bilingual text of at most {@code max} characters in each language; none is an empty text. */
    private static org.spacettx.exercise.scenario.Text bounded(org.spacettx.exercise.scenario.Text value, Refusal.Field what, int max) throws Refused {
        if (value == null) {
            return org.spacettx.exercise.scenario.Text.EMPTY;
        }
        String en = value.en() == null ? "" : value.en().strip();
        String ko = value.ko() == null ? "" : value.ko().strip();
        require(en.length() <= max && ko.length() <= max, Refusal.TEXT_TOO_LONG.with("field", what, "max", max));
        return org.spacettx.exercise.scenario.Text.of(en, ko);
    }

    private static void require(boolean condition, Message reason) throws Refused {
        if (!condition) {
            throw new Refused(reason);
        }
    }
}
