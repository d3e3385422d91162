package org.spacettx.exercise.engine;

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
            return new Outcome.Rejected("no command given");
        }
        if (lastWall != null && wall.isBefore(lastWall)) {
            return new Outcome.Rejected("wall time " + wall + " is before the last event (" + lastWall + ")");
        }
        List<Event> decided;
        try {
            decided = decide(actor, wall, command);
        } catch (Refused e) {
            return new Outcome.Rejected(e.getMessage());
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
        }
        return new Outcome.Accepted(recorded);
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
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private List<Event> decide(Actor actor, Instant wall, Command command) throws Refused {
        if (command instanceof Command.StartExercise) {
            control(actor);
            require(!state.started(), "the exercise has already started");
            return List.of(new Event.ExerciseStarted(scenario.id()));
        }
        require(state.started(), "the exercise has not started yet");
        require(!state.ended(), "the exercise has ended");
        checkMembership(actor);
        return switch (command) {
            case Command.StartExercise c -> throw new IllegalStateException();
            case Command.StartClock c -> {
                control(actor);
                require(!state.running(), "the clock is already running");
                yield List.of(new Event.ClockStarted());
            }
            case Command.PauseClock c -> {
                control(actor);
                require(state.running(), "the clock is not running");
                yield List.of(new Event.ClockPaused());
            }
            case Command.SetSpeed c -> {
                control(actor);
                require(c.speed() > 0 && c.speed() <= 10_000, "speed must be more than 0 and at most 10000");
                yield List.of(new Event.SpeedSet(c.speed()));
            }
            case Command.JumpToMove c -> {
                control(actor);
                Move move = scenario.move(c.move()).orElseThrow(() -> new Refused("move '" + c.move() + "' does not exist"));
                yield List.of(new Event.ClockJumped(move.start(), move.id()));
            }
            case Command.Tick c -> {
                control(actor);
                yield List.of();
            }
            case Command.ReleaseInject c -> {
                control(actor);
                inject(c.number());
                require(!state.released().containsKey(c.number()), "inject " + c.number() + " is already released");
                yield List.of(new Event.InjectReleased(c.number(), state.scenarioTimeAt(wall), "released by control"));
            }
            case Command.WriteInject c -> {
                control(actor);
                require(c.move() != null && scenario.move(c.move()).isPresent(), "move '" + c.move() + "' does not exist");
                require(c.to() != null && !c.to().isEmpty(), "an inject goes to at least one cell");
                require(c.marking() != null, "an inject needs a releasability marking");
                marking(c.marking());
                for (String id : c.to()) {
                    Cell cell = scenario.cell(id).orElseThrow(() -> new Refused("cell '" + id + "' does not exist"));
                    require(cell.kind() == Cell.Kind.BLUE || cell.kind() == Cell.Kind.RED, "injects go to delegations, not to " + id);
                    // the reader's rule for the scenario's own injects: nothing is addressed so that it leaks
                    require(c.marking().releasableTo(cell.nation()), "the marking " + c.marking() + " is not releasable to "
                            + cell.nation() + ", the nation of " + id);
                }
                require(c.channel() != null && org.spacettx.exercise.scenario.ScenarioReader.CHANNELS.contains(c.channel()),
                        "channel is one of " + new java.util.TreeSet<>(org.spacettx.exercise.scenario.ScenarioReader.CHANNELS));
                require(c.subject() != null && !c.subject().en().isBlank() || c.subject() != null && !c.subject().ko().isBlank(),
                        "an inject needs a subject");
                Instant now = state.scenarioTimeAt(wall);
                require(c.releaseAt() == null || !c.releaseNow(), "release now or at a time, not both");
                require(c.releaseAt() == null || !c.releaseAt().isBefore(now) && !c.releaseAt().isAfter(scenario.end()),
                        "a release time lies between now and the scenario's end");
                int number = c.number() != null ? c.number() : state.injects().stream().mapToInt(Inject::number).max().orElse(0) + 1;
                require(number > 0 && number < 1_000_000, "an inject number is a positive whole number");
                require(state.inject(number).isEmpty(), "inject " + number + " exists already");
                Event.InjectWritten written = new Event.InjectWritten(number, c.move(), List.copyOf(new java.util.LinkedHashSet<>(c.to())),
                        c.channel(), c.marking(), bounded(c.subject(), "subject", 500), bounded(c.body(), "text", 10_000),
                        bounded(c.expectedAction(), "expected action", 2_000), c.releaseAt());
                yield c.releaseNow() ? List.of(written, new Event.InjectReleased(number, now, "written and released by control"))
                        : List.of(written);
            }
            case Command.WithdrawInject c -> {
                control(actor);
                require(state.released().containsKey(c.number()), "inject " + c.number() + " is not released");
                yield List.of(new Event.InjectWithdrawn(c.number(), text(c.reason(), "reason", 500)));
            }
            case Command.AcknowledgeInject c -> {
                player(actor);
                Item.ReleasedInject r = state.released().get(c.number());
                require(r != null && visibility.canSee(actor, r), "inject " + c.number() + " is not in your feed");
                require(!r.acknowledgedBy().contains(actor.cell()), "your cell has already acknowledged inject " + c.number());
                yield List.of(new Event.InjectAcknowledged(c.number(), actor.cell()));
            }
            case Command.PostMessage c -> {
                require(actor.role() != Actor.Role.OBSERVER, "observers record observations, not messages");
                Cell to = scenario.cell(c.toCell()).orElseThrow(() -> new Refused("cell '" + c.toCell() + "' does not exist"));
                require(!to.id().equals(actor.cell()), "a message goes to another cell");
                require(c.marking() != null, "a message needs a releasability marking");
                marking(c.marking());
                if (!actor.isControl()) {
                    require(c.marking().releasableTo(actor.nation()), "the marking " + c.marking()
                            + " is not releasable to your own nation");
                }
                if (to.kind() != Cell.Kind.CONTROL) {
                    require(c.marking().releasableTo(to.nation()), "a message marked " + c.marking() + " cannot go to "
                            + to.id() + " (" + to.nation() + ")");
                }
                yield List.of(new Event.MessagePosted("MSG-" + (state.messages().size() + 1), actor.cell(), to.id(),
                        text(c.body(), "message", 10_000), c.marking()));
            }
            case Command.ShareTrack c -> {
                player(actor);
                Instant now = state.scenarioTimeAt(wall);
                Detections seen = sensors.get();
                // an object the cell does not know of is answered as one that does not exist: the refusal tells nothing
                org.spacettx.exercise.scenario.SpaceObject o = scenario.object(c.object())
                        .filter(x -> visibility.knows(actor, x, now, new CellKnowledge(seen, state.sharedTracks())))
                        .orElseThrow(() -> new Refused("object '" + c.object() + "' does not exist"));
                Cell to = scenario.cell(c.toCell()).orElseThrow(() -> new Refused("cell '" + c.toCell() + "' does not exist"));
                require(to.kind() == Cell.Kind.BLUE && !to.id().equals(actor.cell()), "a track is shared with another delegation");
                require(c.marking() != null && c.marking().releasableTo(actor.nation()) && c.marking().releasableTo(to.nation()),
                        "a shared track needs a marking releasable to your nation and to " + to.nation());
                marking(c.marking());
                require(seen.hasSensors(actor.cell()), "your cell has no sensors of its own to share a track from");
                Detections.Fix fix = seen.track(actor.cell(), o).latestBy(now)
                        .orElseThrow(() -> new Refused("your sensors have not observed " + c.object() + " by now"));
                yield List.of(new Event.TrackShared("TRK-" + (state.sharedTracks().size() + 1), actor.cell(), to.id(), o.id(),
                        fix.latestBy(now), fix.sensor(), c.marking()));
            }
            case Command.RequestInformation c -> {
                player(actor);
                require(c.marking() != null && c.marking().releasableTo(actor.nation()),
                        "an RFI needs a marking releasable to your nation");
                marking(c.marking());
                yield List.of(new Event.RfiRequested("RFI-" + (state.rfis().size() + 1), actor.cell(),
                        text(c.question(), "question", 4000), c.marking()));
            }
            case Command.AnswerRfi c -> {
                control(actor);
                require(state.rfis().containsKey(c.rfi()), "RFI '" + c.rfi() + "' does not exist");
                yield List.of(new Event.RfiAnswered(c.rfi(), text(c.answer(), "answer", 10_000)));
            }
            case Command.SubmitAnswer c -> {
                player(actor);
                // a question not (yet) asked of the caller's cell is answered as one that does not exist
                Question q = scenario.question(c.question())
                        .filter(x -> x.cells().contains(actor.cell()) && state.moveHasStarted(x.move(), wall))
                        .orElseThrow(() -> new Refused("question '" + c.question() + "' does not exist"));
                int round = state.round(q.id());
                require(!state.isRevealed(q.id(), round), "round " + round + " of " + q.id() + " is already revealed");
                require(c.confidence() != null, "give a confidence: low, moderate or high");
                String problem = c.value() == null ? "no answer given" : AnswerValue.check(q, c.value());
                require(problem == null, problem);
                yield List.of(new Event.AnswerSubmitted(q.id(), actor.cell(), round, c.value(), c.confidence(),
                        c.rationale() == null || c.rationale().isBlank() ? "" : text(c.rationale(), "rationale", 4000)));
            }
            case Command.RevealQuestion c -> {
                control(actor);
                Question q = question(c.question());
                int round = state.round(q.id());
                require(!state.isRevealed(q.id(), round), "round " + round + " of " + q.id() + " is already revealed");
                require(state.answers().stream().anyMatch(a -> a.question().equals(q.id()) && a.round() == round),
                        "nobody has answered round " + round + " of " + q.id() + " yet");
                yield List.of(new Event.QuestionRevealed(q.id(), round));
            }
            case Command.OpenRound c -> {
                control(actor);
                Question q = question(c.question());
                int round = state.round(q.id());
                require(state.isRevealed(q.id(), round), "reveal round " + round + " of " + q.id() + " first");
                yield List.of(new Event.RoundOpened(q.id(), round + 1));
            }
            case Command.RecordObservation c -> {
                require(actor.role() == Actor.Role.OBSERVER || actor.role() == Actor.Role.CONTROLLER,
                        "only observers and control record observations");
                require(scenario.objectives().stream().anyMatch(o -> o.id().equals(c.objective())),
                        "objective '" + c.objective() + "' does not exist");
                if (c.inject() != null) {
                    cited(actor, c.inject());
                }
                require(c.rating() >= 1 && c.rating() <= 5, "a rating is 1 to 5");
                yield List.of(new Event.ObservationRecorded("OBS-" + (state.observations().size() + 1), c.objective(),
                        c.inject(), c.rating(), text(c.text(), "observation", 10_000), actor.user()));
            }
            case Command.SaveActionItem c -> {
                require(actor.role() != Actor.Role.OBSERVER, "observers do not own action items");
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
                            .orElseThrow(() -> new Refused("action item '" + given + "' does not exist")).ownerNation();
                }
                String owner = c.ownerNation() == null ? "" : c.ownerNation().toUpperCase(Locale.ROOT);
                require(owner.matches("[A-Z]{3}"), "the owner is a 3-letter nation code");
                require(delegationNations.contains(owner), "no delegation of nation " + owner + " takes part (owners: "
                        + String.join(", ", delegationNations) + ")");
                // the register's rule too: control, or the owning delegation, which keeps the item its own
                java.util.Optional<String> refusal = org.spacettx.exercise.policy.Ownership.refusal(actor.isControl(), actor.nation(),
                        ownerNow, owner);
                require(refusal.isEmpty(), refusal.orElse(""));
                String status = c.status() == null ? "open" : c.status().toLowerCase(Locale.ROOT);
                require(STATUSES.contains(status), "status is one of " + STATUSES);
                String dueProblem = Item.ActionItem.dueProblem(c.due(), wall.atZone(ZoneOffset.UTC).toLocalDate());
                require(dueProblem == null, dueProblem);
                if (c.inject() != null) {
                    cited(actor, c.inject());
                }
                yield List.of(new Event.ActionItemSaved(id, text(c.title(), "title", 500), owner, c.due(), status, c.inject()));
            }
            case Command.DraftStatement c -> {
                control(actor);
                yield List.of(new Event.StatementDrafted(text(c.text(), "statement", 20_000)));
            }
            case Command.AgreeStatement c -> {
                player(actor);
                require(!state.statement().text().isEmpty(), "there is no draft statement yet");
                require(!state.statement().agreedBy().contains(actor.cell()), "your cell has already agreed");
                yield List.of(new Event.StatementAgreed(actor.cell()));
            }
            case Command.NoteDissent c -> {
                player(actor);
                require(!state.statement().text().isEmpty(), "there is no draft statement yet");
                yield List.of(new Event.DissentNoted(actor.cell(), text(c.text(), "dissent", 4000)));
            }
            case Command.RequestFeedback c -> {
                control(actor);
                String scope = c.scope() == null ? "" : c.scope();
                require(scope.equals("exercise") || scenario.move(scope).isPresent(), "feedback is asked on a move or on the exercise");
                yield List.of(new Event.FeedbackRequested("FB-" + (state.feedbackRequests().size() + 1), scope, c.anonymous()));
            }
            case Command.GiveFeedback c -> {
                require(actor.role() != Actor.Role.ROOM, "the room's screen gives no feedback");
                Item.FeedbackRequest request = state.feedbackRequests().stream().filter(r -> r.id().equals(c.request())).findFirst()
                        .orElseThrow(() -> new Refused("there is no feedback request " + c.request()));
                String responder = request.anonymous() ? c.responder() : actor.user();
                require(responder != null && (!request.anonymous() || responder.matches(ANONYMOUS_TOKEN)),
                        "feedback to an anonymous request needs the server's token for its giver");
                require(state.feedback().stream().noneMatch(f -> f.request().equals(c.request()) && f.responder().equals(responder)),
                        "you have already given your feedback on " + c.request());
                Map<String, Integer> ratings = new java.util.TreeMap<>();
                for (Map.Entry<String, Integer> e : (c.ratings() == null ? Map.<String, Integer>of() : c.ratings()).entrySet()) {
                    require(org.spacettx.exercise.assess.FeedbackForm.rating(e.getKey()).isPresent(), "the form has no statement '" + e.getKey() + "'");
                    require(e.getValue() != null && e.getValue() >= 1 && e.getValue() <= 5, "a rating is from 1 to 5");
                    ratings.put(e.getKey(), e.getValue());
                }
                Map<String, String> comments = new java.util.TreeMap<>();
                for (Map.Entry<String, String> e : (c.comments() == null ? Map.<String, String>of() : c.comments()).entrySet()) {
                    require(org.spacettx.exercise.assess.FeedbackForm.comment(e.getKey()).isPresent(), "the form has no question '" + e.getKey() + "'");
                    if (e.getValue() != null && !e.getValue().isBlank()) {
                        comments.put(e.getKey(), text(e.getValue(), "comment", org.spacettx.exercise.assess.FeedbackForm.MAX_COMMENT));
                    }
                }
                require(!ratings.isEmpty() || !comments.isEmpty(), "the feedback is empty");
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
                require(ExerciseState.Presentation.KINDS.contains(kind), "the room shows an inject, a question, the map, the globe, or clear");
                String ref = c.ref() == null ? "" : c.ref().strip();
                if (kind.equals("inject")) {
                    Item.ReleasedInject r = ref.matches("\\d{1,6}") ? state.released().get(Integer.parseInt(ref)) : null;
                    require(r != null && visibility.canSee(Actor.ROOM, r), "inject " + ref
                            + " is not released to every delegation under a marking releasable to all: the room cannot see it");
                } else if (kind.equals("question")) {
                    Question q = question(ref);
                    require(state.isRevealed(q.id(), state.round(q.id())) || state.round(q.id()) > 1,
                            "question " + q.id() + " has no revealed answers to show");
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
        Cell cell = scenario.cell(actor.cell()).orElseThrow(() -> new Refused("cell '" + actor.cell() + "' does not exist"));
        require(actor.role().fits(cell.kind()), "a " + actor.role().name().toLowerCase(Locale.ROOT) + " cannot act for cell " + cell.id());
        require(cell.kind() != Cell.Kind.BLUE && cell.kind() != Cell.Kind.RED || cell.nation().equals(actor.nation()),
                "nation " + actor.nation() + " does not match cell " + cell.id());
    }

    private static void control(Actor actor) throws Refused {
        require(actor.isControl(), "only control can do that");
    }

    private static void player(Actor actor) throws Refused {
        require(actor.role() == Actor.Role.PLAYER, "only a delegation's players can do that");
    }

    private Inject inject(int number) throws Refused {
        return state.inject(number).orElseThrow(() -> new Refused("inject " + number + " does not exist"));
    }

    /**
     * An inject an item cites (its origin): control may cite any inject of the scenario; anyone else only one that
     * is released and in their feed, so that nobody can learn of or point others to an inject not releasable to them.
     */
    private void cited(Actor actor, int number) throws Refused {
        inject(number);
        if (!actor.isControl()) {
            Item.ReleasedInject r = state.released().get(number);
            require(r != null && visibility.canSee(actor, r), "inject " + number + " is not in your feed");
        }
    }

    /** A marking of this exercise ({@link Scenario#markingProblem}). */
    private void marking(org.spacettx.exercise.scenario.Marking marking) throws Refused {
        java.util.Optional<String> problem = scenario.markingProblem(marking);
        require(problem.isEmpty(), problem.orElse(""));
    }

    private Question question(String id) throws Refused {
        return scenario.question(id).orElseThrow(() -> new Refused("question '" + id + "' does not exist"));
    }

    private static String text(String value, String what, int max) throws Refused {
        require(value != null && !value.isBlank(), "the " + what + " is empty");
        require(value.length() <= max, "the " + what + " is longer than " + max + " characters");
        return value.strip();
    }

    /** A bilingual text of at most {@code max} characters in each language; none is an empty text. */
    private static org.spacettx.exercise.scenario.Text bounded(org.spacettx.exercise.scenario.Text value, String what, int max) throws Refused {
        if (value == null) {
            return org.spacettx.exercise.scenario.Text.EMPTY;
        }
        String en = value.en() == null ? "" : value.en().strip();
        String ko = value.ko() == null ? "" : value.ko().strip();
        require(en.length() <= max && ko.length() <= max, "the " + what + " is longer than " + max + " characters");
        return org.spacettx.exercise.scenario.Text.of(en, ko);
    }

    private static void require(boolean condition, String reason) throws Refused {
        if (!condition) {
            throw new Refused(reason);
        }
    }
}
