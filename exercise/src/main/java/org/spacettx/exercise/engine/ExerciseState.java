package org.spacettx.exercise.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Move;
import org.spacettx.exercise.scenario.Scenario;

/**
 * The state of one exercise: a fold over its events, nothing else. {@link #apply} is the only way it changes, and
 * {@link #snapshot()} gives a value that two states built from the same events always share.
 */
public final class ExerciseState {

    private final Scenario scenario;
    private boolean started;
    private boolean ended;
    private boolean running;
    private double speed = 1.0;
    private Instant anchorScenario;
    private Instant anchorWall;
    /** The scenario time at which the clock pauses by itself, or null. */
    private Instant pauseAt;
    private String currentMove = "";
    private long lastSequence;
    private Presentation presentation = Presentation.NONE;
    private Instant lastWall;
    private final Map<Integer, Item.ReleasedInject> released = new TreeMap<>();
    private final Map<Integer, String> withdrawn = new TreeMap<>();
    private final Map<Integer, Inject> written = new TreeMap<>();
    private final Map<String, Item.FeedbackRequest> feedbackRequests = new LinkedHashMap<>();
    private final List<Item.FeedbackResponse> feedback = new ArrayList<>();
    private final List<Item.Message> messages = new ArrayList<>();
    private final List<Item.SharedTrack> sharedTracks = new ArrayList<>();
    private final Map<String, Item.Rfi> rfis = new LinkedHashMap<>();
    private final Map<String, Integer> rounds = new TreeMap<>();
    private final Map<String, Set<Integer>> revealed = new TreeMap<>();
    private final List<Item.SubmittedAnswer> answers = new ArrayList<>();
    private final List<Item.Observation> observations = new ArrayList<>();
    private final List<Item.Evaluation> evaluations = new ArrayList<>();
    private final Map<Integer, List<AttachedFile>> files = new TreeMap<>();
    private final Map<String, Item.ActionItem> actionItems = new LinkedHashMap<>();
    private String statement = "";
    private final Set<String> agreedBy = new LinkedHashSet<>();
    private final List<String> dissents = new ArrayList<>();

    public ExerciseState(Scenario scenario) {
        this.scenario = scenario;
        this.anchorScenario = scenario.start();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The scenario time shown by the clock at a wall time. */
    public Instant scenarioTimeAt(Instant wall) {
        if (!running || anchorWall == null) {
            return anchorScenario;
        }
        long nanos = Duration.between(anchorWall, wall).toNanos();
        Instant t = anchorScenario.plusNanos(Math.round(nanos * speed));
        if (pauseAt != null && t.isAfter(pauseAt)) {
            return pauseAt; // the clock stops where control asked it to, whenever the pause is recorded
        }
        return t.isAfter(scenario.end()) ? scenario.end() : t;
    }

    /**
     * Why an event from outside (an imported archive, a log file) cannot follow this state, or null when it can: an
     * event the engine could not have recorded here (an unknown inject, cell, question or RFI, an inject
     * acknowledged before its release, a missing field, a clock set to an impossible speed or time, wall times
     * going back). Events of this server's own store are not checked: the engine made them.
     */
    public String problem(Event.Recorded r) {
        if (r.sequence() != lastSequence + 1) {
            return "has sequence " + r.sequence() + " after " + lastSequence;
        }
        if (r.event() == null || r.actor() == null || r.wallTime() == null || r.scenarioTime() == null) {
            return "lacks its event, actor or times";
        }
        if (lastWall != null && (r.wallTime().isBefore(lastWall) || Duration.between(lastWall, r.wallTime()).toDays() > MAX_SPAN_DAYS)) {
            return "happened at " + r.wallTime() + ", before the previous event or more than a century after it";
        }
        return switch (r.event()) {
            case Event.ExerciseStarted e -> null;
            case Event.ClockStarted e -> null;
            case Event.ClockPaused e -> null;
            case Event.PauseScheduled e -> e.at() == null || !e.at().isBefore(scenario.start()) && !e.at().isAfter(scenario.end())
                    ? null : "pauses the clock outside the scenario";
            case Event.ExerciseEnded e -> null;
            case Event.SpeedSet e -> e.speed() > 0 && e.speed() <= 10_000 ? null : "sets the speed to " + e.speed();
            case Event.ClockJumped e -> e.to() == null || e.to().isBefore(scenario.start()) || e.to().isAfter(scenario.end())
                    ? "jumps the clock outside the scenario" : move(e.move());
            case Event.MoveStarted e -> move(e.move());
            case Event.InjectWritten e -> inject(e.number()).isPresent() ? "writes inject " + e.number() + ", which exists"
                    : e.number() <= 0 || e.recipients() == null || e.recipients().isEmpty() || e.marking() == null || e.subject() == null
                    || e.channel() == null ? "lacks its number, recipients, channel, marking or subject"
                    : firstProblem(move(e.move()), e.recipients().stream().map(this::cell).filter(java.util.Objects::nonNull).findFirst().orElse(null));
            case Event.InjectReleased e -> inject(e.number()).isEmpty() ? "releases inject " + e.number() + ", which the scenario lacks"
                    : released.containsKey(e.number()) ? "releases inject " + e.number() + " again"
                    : e.at() == null || e.reason() == null ? "lacks its time or reason" : null;
            case Event.InjectWithdrawn e -> !released.containsKey(e.number()) ? "withdraws inject " + e.number() + ", which is not released"
                    : e.reason() == null ? "lacks its reason" : null;
            case Event.InjectAcknowledged e -> !released.containsKey(e.number()) ? "acknowledges inject " + e.number()
                    + ", which is not released" : cell(e.cell());
            case Event.MessagePosted e -> e.id() == null || e.body() == null || e.marking() == null ? "lacks its id, text or marking"
                    : firstProblem(cell(e.fromCell()), cell(e.toCell()));
            case Event.TrackShared e -> e.id() == null || e.object() == null || e.observedAt() == null || e.marking() == null
                    || e.sensor() == null ? "lacks its id, object, observation time, sensor or marking"
                    : scenario.object(e.object()).isEmpty() ? "shares a track of " + e.object() + ", which the scenario lacks"
                    : e.observedAt().isAfter(r.scenarioTime()) ? "shares an observation made after it was shared"
                    : firstProblem(cell(e.fromCell()), cell(e.toCell()));
            case Event.RfiRequested e -> e.id() == null || e.question() == null || e.marking() == null ? "lacks its id, text or marking"
                    : cell(e.cell());
            case Event.RfiAnswered e -> !rfis.containsKey(e.id()) ? "answers RFI " + e.id() + ", which was not asked"
                    : e.answer() == null ? "lacks its answer" : null;
            case Event.AnswerSubmitted e -> e.value() == null || e.confidence() == null || e.rationale() == null
                    ? "lacks its answer, confidence or rationale" : firstProblem(question(e.question()), cell(e.cell()));
            case Event.QuestionRevealed e -> question(e.question());
            case Event.RoundOpened e -> question(e.question());
            case Event.ObservationRecorded e -> e.id() == null || e.objective() == null || e.text() == null || e.observer() == null
                    ? "lacks its id, objective, text or observer"
                    : e.inject() != null && scenario.inject(e.inject()).isEmpty() ? "cites inject " + e.inject() + ", which the scenario lacks" : null;
            case Event.FileAttached e -> e.file() == null || e.file().name() == null || e.file().sha256() == null
                    || e.file().mediaType() == null ? "lacks its file's name, media type or SHA-256"
                    : inject(e.number()).isEmpty() ? "attaches to inject " + e.number() + ", which the exercise lacks" : null;
            case Event.ObjectiveEvaluated e -> e.objective() == null || e.evaluator() == null || e.rating() == null || e.criteria() == null
                    || e.strengths() == null || e.improvements() == null ? "lacks its objective, evaluator, rating, criteria or texts"
                    : scenario.objectives().stream().noneMatch(o -> o.id().equals(e.objective()))
                    ? "evaluates objective " + e.objective() + ", which the scenario lacks" : null;
            case Event.ActionItemSaved e -> e.id() == null || e.title() == null || e.ownerNation() == null || e.status() == null
                    ? "lacks its id, title, owner or status"
                    : e.inject() != null && scenario.inject(e.inject()).isEmpty() ? "cites inject " + e.inject() + ", which the scenario lacks" : null;
            case Event.StatementDrafted e -> e.text() == null ? "lacks its text" : null;
            case Event.StatementAgreed e -> cell(e.cell());
            case Event.DissentNoted e -> e.text() == null ? "lacks its text" : cell(e.cell());
            case Event.PresentationFocused e -> Presentation.KINDS.contains(e.kind()) ? null : "shows '" + e.kind() + "' in the room";
            case Event.FeedbackRequested e -> e.id() == null || feedbackRequests.containsKey(e.id()) ? "requests feedback under a missing or used id"
                    : "exercise".equals(e.scope()) ? null : move(e.scope());
            case Event.FeedbackGiven e -> !feedbackRequests.containsKey(e.request()) ? "answers feedback request " + e.request() + ", which does not exist"
                    : e.ratings() == null || e.comments() == null ? "lacks its ratings or comments"
                    : feedback.stream().anyMatch(f -> f.request().equals(e.request()) && f.responder().equals(responder(e, r)))
                    ? "answers feedback request " + e.request() + " twice" : null;
        };
    }

    /** Wall times of one exercise span at most this many days. */
    private static final long MAX_SPAN_DAYS = 36_525;

    private String cell(String id) {
        return id != null && scenario.cell(id).isPresent() ? null : "names cell " + id + ", which the scenario lacks";
    }

    private String move(String id) {
        return id != null && scenario.move(id).isPresent() ? null : "names move " + id + ", which the scenario lacks";
    }

    private String question(String id) {
        return id != null && scenario.question(id).isPresent() ? null : "names question " + id + ", which the scenario lacks";
    }

    private static String firstProblem(String a, String b) {
        return a != null ? a : b;
    }

    public void apply(Event.Recorded r) {
        if (r.sequence() != lastSequence + 1) {
            throw new IllegalStateException("event " + r.sequence() + " applied after " + lastSequence);
        }
        lastSequence = r.sequence();
        Instant wall = r.wallTime();
        lastWall = wall;
        switch (r.event()) {
            case Event.ExerciseStarted e -> started = true;
            case Event.ClockStarted e -> {
                anchorScenario = scenarioTimeAt(wall);
                anchorWall = wall;
                running = true;
            }
            case Event.ClockPaused e -> {
                anchorScenario = scenarioTimeAt(wall);
                anchorWall = wall;
                running = false;
                pauseAt = null;
            }
            case Event.PauseScheduled e -> {
                anchorScenario = scenarioTimeAt(wall);
                anchorWall = wall;
                pauseAt = e.at();
            }
            case Event.SpeedSet e -> {
                anchorScenario = scenarioTimeAt(wall);
                anchorWall = wall;
                speed = e.speed();
            }
            case Event.ClockJumped e -> {
                anchorScenario = e.to();
                anchorWall = wall;
                pauseAt = null;
            }
            case Event.MoveStarted e -> currentMove = e.move();
            case Event.InjectWritten e -> written.put(e.number(), new Inject(e.number(), e.move(), controlCell(), e.recipients(),
                    e.channel(), e.subject(), e.body() == null ? org.spacettx.exercise.scenario.Text.EMPTY : e.body(), e.marking(),
                    e.expectedAction() == null ? org.spacettx.exercise.scenario.Text.EMPTY : e.expectedAction(), List.of(),
                    e.releaseAt() == null ? new org.spacettx.exercise.scenario.Trigger.Manual() : new org.spacettx.exercise.scenario.Trigger.AtTime(e.releaseAt()),
                    List.of()));
            case Event.InjectReleased e -> released.put(e.number(), new Item.ReleasedInject(
                    inject(e.number()).orElseThrow(), e.at(), e.reason(), Set.of()));
            case Event.InjectWithdrawn e -> {
                released.remove(e.number());
                withdrawn.put(e.number(), e.reason());
            }
            case Event.InjectAcknowledged e -> {
                Item.ReleasedInject ri = released.get(e.number());
                Set<String> acks = new LinkedHashSet<>(ri.acknowledgedBy());
                acks.add(e.cell());
                released.put(e.number(), new Item.ReleasedInject(ri.inject(), ri.scenarioTime(), ri.reason(), acks));
            }
            case Event.MessagePosted e -> messages.add(new Item.Message(e.id(), e.fromCell(), e.toCell(), e.body(),
                    e.marking(), r.scenarioTime()));
            case Event.TrackShared e -> sharedTracks.add(new Item.SharedTrack(e.id(), e.fromCell(), e.toCell(), e.object(),
                    e.observedAt(), e.sensor(), e.marking(), r.scenarioTime()));
            case Event.RfiRequested e -> rfis.put(e.id(), new Item.Rfi(e.id(), e.cell(), e.question(), e.marking(), null));
            case Event.RfiAnswered e -> {
                Item.Rfi rfi = rfis.get(e.id());
                rfis.put(e.id(), new Item.Rfi(rfi.id(), rfi.cell(), rfi.question(), rfi.marking(), e.answer()));
            }
            case Event.AnswerSubmitted e -> {
                answers.removeIf(a -> a.question().equals(e.question()) && a.cell().equals(e.cell()) && a.round() == e.round());
                answers.add(new Item.SubmittedAnswer(e.question(), e.cell(), e.round(), e.value(), e.confidence(),
                        e.rationale(), false, r.scenarioTime()));
            }
            case Event.QuestionRevealed e -> {
                revealed.computeIfAbsent(e.question(), q -> new java.util.TreeSet<>()).add(e.round());
                answers.replaceAll(a -> a.question().equals(e.question()) && a.round() == e.round()
                        ? new Item.SubmittedAnswer(a.question(), a.cell(), a.round(), a.value(), a.confidence(), a.rationale(), true,
                                a.scenarioTime())
                        : a);
            }
            case Event.RoundOpened e -> rounds.put(e.question(), e.round());
            case Event.ObservationRecorded e -> observations.add(new Item.Observation(e.id(), e.objective(), e.inject(),
                    e.rating(), e.text(), e.observer()));
            case Event.FileAttached e -> files.computeIfAbsent(e.number(), n -> new ArrayList<>()).add(e.file());
            case Event.ObjectiveEvaluated e -> {
                evaluations.removeIf(x -> x.objective().equals(e.objective()) && x.evaluator().equals(e.evaluator()));
                evaluations.add(new Item.Evaluation(e.objective(), e.evaluator(), e.rating(), e.criteria(), e.strengths(),
                        e.improvements(), r.scenarioTime()));
            }
            case Event.ActionItemSaved e -> {
                Item.ActionItem before = actionItems.get(e.id());
                List<String> history = new ArrayList<>(before == null ? List.of() : before.history());
                history.add(r.wallTime() + " " + r.actor().user() + ": " + e.status() + " - " + e.title());
                // the origin is where the item was first saved: the move then, and the inject it answers
                String move = before == null ? currentMove : before.originMove();
                Integer inject = before == null || e.inject() != null && before.originInject() == null ? e.inject()
                        : before.originInject();
                actionItems.put(e.id(), new Item.ActionItem(e.id(), e.title(), e.ownerNation(), e.due(), e.status(), history,
                        move, inject));
            }
            case Event.StatementDrafted e -> {
                statement = e.text();
                agreedBy.clear();
            }
            case Event.StatementAgreed e -> agreedBy.add(e.cell());
            case Event.DissentNoted e -> dissents.add(e.cell() + ": " + e.text());
            case Event.PresentationFocused e -> presentation = new Presentation(e.kind(), e.ref() == null ? "" : e.ref());
            case Event.FeedbackRequested e -> feedbackRequests.put(e.id(), new Item.FeedbackRequest(e.id(), e.scope(), e.anonymous()));
            case Event.FeedbackGiven e -> feedback.add(new Item.FeedbackResponse(e.request(), responder(e, r), e.cell(),
                    Map.copyOf(e.ratings()), Map.copyOf(e.comments())));
            case Event.ExerciseEnded e -> {
                anchorScenario = scenarioTimeAt(wall);
                anchorWall = wall;
                running = false;
                ended = true;
            }
        }
    }

    /** What the room's screen shows: a kind ({@code inject}, {@code question}, {@code map}, {@code globe}, {@code clear}) and its reference. */
    public record Presentation(String kind, String ref) {
        public static final Presentation NONE = new Presentation("clear", "");
        public static final java.util.Set<String> KINDS = java.util.Set.of("inject", "question", "map", "globe", "clear");
    }

    public Presentation presentation() {
        return presentation;
    }

    public boolean started() {
        return started;
    }

    public boolean ended() {
        return ended;
    }

    public boolean running() {
        return running;
    }

    /** The scenario time at which the clock will pause by itself, if control set one. */
    public Optional<Instant> pauseAt() {
        return Optional.ofNullable(pauseAt);
    }

    public double speed() {
        return speed;
    }

    public String currentMove() {
        return currentMove;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public Map<Integer, Item.ReleasedInject> released() {
        return java.util.Collections.unmodifiableMap(released);
    }

    public boolean isWithdrawn(int inject) {
        return withdrawn.containsKey(inject);
    }

    public List<Item.Message> messages() {
        return List.copyOf(messages);
    }

    /** The tracks delegations have shared with one another, in order. */
    public List<Item.SharedTrack> sharedTracks() {
        return List.copyOf(sharedTracks);
    }

    public Map<String, Item.Rfi> rfis() {
        return java.util.Collections.unmodifiableMap(rfis);
    }

    /** The open round of a question (1 until control opens another). */
    public int round(String question) {
        return rounds.getOrDefault(question, 1);
    }

    public boolean isRevealed(String question, int round) {
        return revealed.getOrDefault(question, Set.of()).contains(round);
    }

    public List<Item.SubmittedAnswer> answers() {
        return List.copyOf(answers);
    }

    public List<Item.Observation> observations() {
        return List.copyOf(observations);
    }

    /** The documents attached to an inject, in the order they were attached. */
    public List<AttachedFile> files(int number) {
        return List.copyOf(files.getOrDefault(number, List.of()));
    }

    /** The injects carrying a document of this content. */
    public List<Integer> injectsCarrying(String sha256) {
        return files.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(f -> f.sha256().equals(sha256)))
                .map(Map.Entry::getKey).toList();
    }

    /** Each evaluator's latest evaluation of each objective, in the order they were last given. */
    public List<Item.Evaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    public Map<String, Item.ActionItem> actionItems() {
        return java.util.Collections.unmodifiableMap(actionItems);
    }

    /** The requests for participant feedback, in the order control made them. */
    public List<Item.FeedbackRequest> feedbackRequests() {
        return List.copyOf(feedbackRequests.values());
    }

    /** Every participant's feedback, in the order given. */
    /** Who stands for a feedback's giver: its anonymous token, or the user who gave it. */
    private static String responder(Event.FeedbackGiven e, Event.Recorded r) {
        return e.responder() != null ? e.responder() : r.actor().user();
    }

    public List<Item.FeedbackResponse> feedback() {
        return List.copyOf(feedback);
    }

    public Item.Statement statement() {
        return new Item.Statement(statement, agreedBy, dissents);
    }

    /** Whether a move has started by the scenario time shown at a wall time. */
    /** Whether the exercise has reached a move (a MoveStarted of it or of a later move is in the log). */
    public boolean moveReached(String moveId) {
        List<Move> moves = scenario.moves();
        int reached = -1;
        int asked = -1;
        for (int i = 0; i < moves.size(); i++) {
            reached = moves.get(i).id().equals(currentMove) ? i : reached;
            asked = moves.get(i).id().equals(moveId) ? i : asked;
        }
        return asked >= 0 && asked <= reached;
    }

    public boolean moveHasStarted(String moveId, Instant wall) {
        return scenario.moveStarted(moveId, scenarioTimeAt(wall));
    }

    /** An inject of the scenario or written during play. */
    public Optional<Inject> inject(int number) {
        Optional<Inject> own = scenario.inject(number);
        return own.isPresent() ? own : Optional.ofNullable(written.get(number));
    }

    /** The MSEL as it stands: the scenario's injects, then those written during play, by number. */
    public List<Inject> injects() {
        List<Inject> all = new ArrayList<>(scenario.injects());
        all.addAll(written.values());
        return all;
    }

    /** The injects written during play, by number. */
    public Map<Integer, Inject> written() {
        return java.util.Collections.unmodifiableMap(written);
    }

    private String controlCell() {
        return scenario.cells().stream().filter(c -> c.kind() == org.spacettx.exercise.scenario.Cell.Kind.CONTROL).findFirst()
                .map(org.spacettx.exercise.scenario.Cell::id).orElse("control");
    }

    /** Everything the state holds, as a value: equal for equal event histories. */
    public record Snapshot(boolean started, boolean ended, boolean running, double speed, Instant pauseAt, Instant anchorScenario,
                           Instant anchorWall, String currentMove, long lastSequence, Map<Integer, Item.ReleasedInject> released,
                           Map<Integer, String> withdrawn, Map<Integer, Inject> written, Map<String, Item.FeedbackRequest> feedbackRequests,
                           List<Item.FeedbackResponse> feedback, List<Item.Message> messages, List<Item.SharedTrack> sharedTracks,
                           Map<String, Item.Rfi> rfis,
                           Map<String, Integer> rounds, Map<String, Set<Integer>> revealed, List<Item.SubmittedAnswer> answers,
                           List<Item.Observation> observations, List<Item.Evaluation> evaluations,
                           Map<Integer, List<AttachedFile>> files,
                           Map<String, Item.ActionItem> actionItems,
                           Item.Statement statement) {
    }

    public Snapshot snapshot() {
        return new Snapshot(started, ended, running, speed, pauseAt, anchorScenario, anchorWall, currentMove, lastSequence,
                Map.copyOf(released), Map.copyOf(withdrawn), Map.copyOf(written), Map.copyOf(feedbackRequests), List.copyOf(feedback), List.copyOf(messages),
                List.copyOf(sharedTracks), Map.copyOf(rfis), Map.copyOf(rounds),
                Map.copyOf(revealed), List.copyOf(answers), List.copyOf(observations), List.copyOf(evaluations),
                Map.copyOf(files.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())))),
                Map.copyOf(actionItems), statement());
    }
}
