package org.spacettx.app.server;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.spacettx.app.store.ActionRegister;
import org.spacettx.app.store.EventStore;
import org.spacettx.app.store.ExerciseRecords;
import org.spacettx.exercise.archive.ExerciseArchive;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.Command;
import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.Exercise;
import org.spacettx.exercise.engine.Json;
import org.spacettx.exercise.engine.Outcome;
import org.spacettx.exercise.engine.TriggerSchedule;
import org.spacettx.exercise.policy.EventVisibility;
import org.spacettx.exercise.scenario.Limits;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;

/**
 * The exercises this server runs: each one's engine, rebuilt at start-up by replaying its stored events, and its
 * live-stream subscribers. A command is decided, appended to the store in one transaction and only then shown to
 * subscribers; if the append fails, the engine is rebuilt from the store, so memory never runs ahead of disk.
 * Every action item an exercise saves is also entered in the working group's {@link ActionRegister} (again at
 * start-up, which adds nothing twice), so that it outlives the exercise.
 */
public final class LiveExercises {

    /** A live-stream subscriber: who watches, how to send them an event, and how to end their stream. */
    public record Subscriber(Actor viewer, Consumer<Delivery> send, Runnable close) {
    }

    /** An event ready to send: serialised once, whatever the number of subscribers. */
    public record Delivery(long sequence, String type, String json) {
        static Delivery of(Event.Recorded r) {
            return new Delivery(r.sequence(), org.spacettx.exercise.engine.EventFormat.name(r.event().getClass()),
                    org.spacettx.exercise.engine.Json.write(r));
        }
    }

    /** One running exercise. Its monitor serialises its commands and subscriptions. */
    public static final class Live {
        private final String id;
        private final Scenario scenario;
        private final Map<Integer, Instant> scheduled;
        private final TriggerSchedule schedule;
        private final org.spacettx.exercise.engine.SpacePicture space;
        private final EventStore store;
        /** The engine; null after an append whose outcome is unknown, until it is rebuilt from the store. */
        private Exercise exercise;
        private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
        /** The key of its anonymous feedback tokens, read from the store when first needed. */
        private volatile String feedbackKey;

        /** An exercise in service, with its engine already built from its log. */
        Live(String id, Scenario scenario, TriggerSchedule schedule, Exercise exercise, EventStore store) {
            this.id = id;
            this.scenario = scenario;
            this.schedule = schedule;
            this.store = store;
            this.scheduled = Exercise.scheduledTimes(schedule);
            this.exercise = exercise;
            this.space = new org.spacettx.exercise.engine.SpacePicture(scenario, schedule, OrekitData.standard());
            // the overflight windows take a moment: work them out now rather than on the first console's request
            Thread.ofVirtual().name("windows-" + id).start(() -> {
                try {
                    space.windows();
                } catch (RuntimeException e) {
                    // not cached then: the first request that needs the windows computes them and reports the error
                }
            });
        }

        /** The space picture of the scenario (cached). */
        public org.spacettx.exercise.engine.SpacePicture space() {
            return space;
        }

        public String id() {
            return id;
        }

        public Scenario scenario() {
            return scenario;
        }

        public TriggerSchedule schedule() {
            return schedule;
        }

        /** The release times the trigger schedule computed, by inject number. */
        public Map<Integer, Instant> scheduled() {
            return scheduled;
        }

        /**
         * The engine; read it only while holding this object's monitor. After a failed append it is rebuilt from the
         * store first, so that nobody sees an event the store may not hold.
         *
         * @throws org.spacettx.app.store.StoreException when the store cannot be read (the rebuild is tried again on
         *         the next call)
         */
        public Exercise exercise() {
            if (exercise == null) {
                exercise = Exercise.replay(scenario, scheduled, store.load(id));
            }
            return exercise;
        }
    }

    /**
     * A stored exercise this server could not put in service (its scenario passes a limit of this server, no longer
     * reads, or its log does not replay), and why. It stays stored as it was; the server serves the others.
     */
    public record Failed(String id, String title, String reason) {
    }

    private final ExerciseRecords records;
    private final EventStore store;
    private final ActionRegister register;
    private final OrekitData data;
    private final Clock clock;
    private final Limits limits;
    private final ScheduleCache prepared;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Map<String, Failed> failed = new ConcurrentHashMap<>();

    public LiveExercises(ExerciseRecords records, EventStore store, ActionRegister register, OrekitData data, Clock clock,
                         Limits limits, ScheduleCache prepared) {
        this.prepared = prepared;
        this.records = records;
        this.store = store;
        this.register = register;
        this.data = data;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Loads every stored exercise and replays its log. One that cannot be loaded is set aside as {@link Failed} (and
     * logged) instead of stopping the start: the others are served.
     */
    public void loadAll() {
        for (ExerciseRecords.Record r : records.all()) {
            try {
                start(build(r.id(), r.scenarioYaml()));
            } catch (RuntimeException e) {
                String reason = e instanceof Limits.Exceeded || e instanceof IllegalStateException ? e.getMessage() : e.toString();
                failed.put(r.id(), new Failed(r.id(), r.title(), reason));
                org.slf4j.LoggerFactory.getLogger(LiveExercises.class).error("exercise {} was not loaded: {}", r.id(), reason);
            }
        }
    }

    /** The limits this server puts on a scenario's work. */
    public Limits limits() {
        return limits;
    }

    /** Why a stored exercise is not in service, if it failed to load. */
    public Optional<Failed> failure(String id) {
        return Optional.ofNullable(failed.get(id));
    }

    /** Parses a scenario (no catalog files: an uploaded scenario must not read the server's files), under this server's limits. */
    public ScenarioReader.Result parse(String yaml) {
        return ScenarioReader.parse(yaml, null, data, limits);
    }

    /** A parsed scenario's schedule, under this server's limits. */
    public TriggerSchedule schedule(Scenario scenario) {
        return TriggerSchedule.compute(scenario, data, limits);
    }

    /**
     * Creates an exercise from an archive of another (or this) server: the scenario and the whole log stored as
     * they were, then loaded like any other. The archive must already have been checked.
     */
    public Live importArchive(String id, ExerciseArchive archive, Scenario scenario, String createdBy) {
        TriggerSchedule schedule = schedule(scenario);
        // every event is checked against the state it follows before anything is stored
        Exercise engine = Exercise.replayChecked(scenario, Exercise.scheduledTimes(schedule), archive.events(),
                "archive!" + ExerciseArchive.EVENTS);
        Live l = new Live(id, scenario, schedule, engine, store);
        records.create(id, scenario.title().en(), archive.scenarioYaml(), createdBy);
        store.append(id, 0, archive.events());
        return start(l);
    }

    /**
     * An exercise built from its scenario and its stored log (none yet for a new one), not yet in service: so that an
     * exercise that cannot be built is never stored.
     *
     * @throws Limits.Exceeded when the scenario passes a limit of this server
     * @throws IllegalStateException when the scenario no longer reads
     */
    Live build(String id, String yaml) {
        ScheduleCache.Prepared p = prepared.get(yaml, () -> {
            ScenarioReader.Result result = parse(yaml);
            if (!result.ok()) {
                throw new IllegalStateException("its scenario no longer reads: " + result.errors().get(0).format("scenario"));
            }
            return new ScheduleCache.Prepared(result.scenario(), schedule(result.scenario()));
        });
        Scenario scenario = p.scenario();
        TriggerSchedule schedule = p.schedule();
        Exercise engine = Exercise.replay(scenario, Exercise.scheduledTimes(schedule), store.load(id));
        return new Live(id, scenario, schedule, engine, store);
    }

    /** Puts a built exercise in service and enters its action items in the register. */
    Live start(Live l) {
        failed.remove(l.id);
        live.put(l.id, l);
        synchronized (l) {
            register(l, l.exercise().log());
        }
        return l;
    }

    /** Enters the action items that {@code events} save into the register (idempotent). */
    private void register(Live l, List<Event.Recorded> events) {
        for (Event.Recorded r : events) {
            if (r.event() instanceof Event.ActionItemSaved e) {
                register.fromExercise(l.id, r.sequence(), r.wallTime(), r.actor().user(),
                        l.exercise().state().actionItems().get(e.id()), e.title(), e.ownerNation(), e.due(), e.status());
            }
        }
    }

    /**
     * The token that stands for {@code user} as the giver of feedback to {@code request} of an exercise when the
     * request is anonymous: an HMAC-SHA-256 under the exercise's own key, so that the server can tell a second answer
     * from the same person while the log, the archive and every reader learn nothing of who answered.
     */
    public String anonymousToken(Live l, String request, String user) {
        String key = l.feedbackKey;
        if (key == null) {
            key = records.feedbackKey(l.id);
            l.feedbackKey = key;
        }
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(java.util.HexFormat.of().parseHex(key), "HmacSHA256"));
            byte[] digest = mac.doFinal((request + "\n" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "anon-" + java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public Optional<Live> get(String id) {
        return Optional.ofNullable(live.get(id));
    }

    public List<Live> all() {
        return List.copyOf(live.values());
    }

    /** What a command's caller is answered. */
    public sealed interface Reply {
        /** Refused, with why; nothing was stored. */
        record Refused(org.spacettx.exercise.text.Message message) implements Reply {
        }

        /**
         * Accepted: the JSON answer, the events of the command the caller may see, as they may see them; {@code again}:
         * the stored answer to an earlier sending of the same command (a retry), nothing new stored.
         */
        record Accepted(String json, boolean again) implements Reply {
        }
    }

    /** A command sent with an {@code Idempotency-Key}: the key, and the command's fingerprint (a hash of it as sent). */
    public record Retry(String key, String fingerprint) {
    }

    /** A key sent again by the same user with another command than the first time. */
    public static final class KeyReused extends RuntimeException {
        KeyReused(String key) {
            super("the Idempotency-Key '" + key + "' was sent before with another command; a new command takes a new key",
                    null, false, false);
        }
    }

    /**
     * Decides, stores and broadcasts a caller's command, and answers it with what the caller may see of its events (not
     * every event appended with it: injects that fell due meanwhile may be another cell's). With a {@code retry}, the
     * answer is stored with the events, and the same key from the same user gets it again without a second append.
     *
     * @throws KeyReused when the key came before with another command
     */
    public Reply command(Live l, Actor actor, Command command, Retry retry) {
        synchronized (l) {
            if (retry != null) {
                Optional<EventStore.Receipt> before = store.receipt(l.id, actor.user(), retry.key());
                if (before.isPresent()) {
                    if (!before.get().fingerprint().equals(retry.fingerprint())) {
                        throw new KeyReused(retry.key());
                    }
                    return new Reply.Accepted(before.get().answer(), true);
                }
            }
            Stored stored = decideAndStore(l, actor, command, retry, true);
            return switch (stored.outcome()) {
                case Outcome.Rejected r -> new Reply.Refused(r.message());
                case Outcome.Accepted a -> new Reply.Accepted(stored.answer(), false);
            };
        }
    }

    /** Decides, stores and broadcasts one command (the clock's, or control's on the server's own behalf). */
    public Outcome handle(Live l, Actor actor, Command command) {
        synchronized (l) {
            return decideAndStore(l, actor, command, null, false).outcome();
        }
    }

    private record Stored(Outcome outcome, String answer) {
    }

    /** The work of a command, under the exercise's monitor: decide, answer, append (with the receipt), broadcast. */
    private Stored decideAndStore(Live l, Actor actor, Command command, Retry retry, boolean answered) {
        Exercise ex = l.exercise();
        Instant now = clock.instant();
        List<Event.Recorded> log = ex.log();
        Instant last = log.isEmpty() ? now : log.get(log.size() - 1).wallTime();
        long before = ex.state().lastSequence();
        Outcome outcome = ex.handle(actor, now.isBefore(last) ? last : now, command);
        if (!(outcome instanceof Outcome.Accepted a)) {
            return new Stored(outcome, null);
        }
        EventVisibility visibility = new EventVisibility(ex.visibility());
        String answer = answered ? Json.write(Map.of("events", a.events().stream()
                .filter(r -> visibility.canSee(actor, r, ex.state())).map(r -> visibility.asSeenBy(actor, r)).toList())) : null;
        try {
            store.append(l.id, before, a.events(), retry == null ? null
                    : new EventStore.Receipt(actor.user(), retry.key(), retry.fingerprint(), answer));
        } catch (RuntimeException e) {
            // The engine has applied events that may or may not be stored (a commit can fail after it took
            // effect): it is dropped and rebuilt from the store, now or, if the store is away, on next use.
            l.exercise = null;
            throw e;
        }
        try {
            register(l, a.events());
        } catch (RuntimeException e) {
            // the command stands (it is in the log); the register catches up from the log at the next start
            org.slf4j.LoggerFactory.getLogger(LiveExercises.class).warn("action register not updated for {}: {}", l.id, e.toString());
        }
        for (Event.Recorded r : a.events()) {
            Delivery full = null;
            Delivery redacted = null;
            for (Subscriber s : l.subscribers) {
                if (visibility.canSee(s.viewer(), r, ex.state())) {
                    Event.Recorded seen = visibility.asSeenBy(s.viewer(), r);
                    if (seen == r) {
                        full = full != null ? full : Delivery.of(r);
                        s.send().accept(full);
                    } else {
                        redacted = redacted != null ? redacted : Delivery.of(seen);
                        s.send().accept(redacted);
                    }
                }
            }
        }
        return new Stored(outcome, answer);
    }

    /**
     * Sends a new subscriber every visible event after {@code lastSeen} and registers it for what follows, under the
     * exercise's monitor, so that nothing falls between the two (no gap, no duplicate).
     */
    public void subscribe(Live l, Subscriber s, long lastSeen) {
        synchronized (l) {
            Exercise ex = l.exercise();
            EventVisibility visibility = new EventVisibility(ex.visibility());
            for (Event.Recorded r : ex.log()) {
                if (r.sequence() > lastSeen && visibility.canSee(s.viewer(), r, ex.state())) {
                    s.send().accept(Delivery.of(visibility.asSeenBy(s.viewer(), r)));
                }
            }
            l.subscribers.add(s);
        }
    }

    public void unsubscribe(Live l, Subscriber s) {
        l.subscribers.remove(s);
    }

    /** Ends every live stream (the server is stopping). */
    public void closeAllStreams() {
        for (Live l : live.values()) {
            for (Subscriber s : l.subscribers) {
                s.close().run();
            }
            l.subscribers.clear();
        }
    }

    /** The clock's beat: running exercises release what has become due. */
    public void tick() {
        for (Live l : live.values()) {
            try {
                boolean running;
                synchronized (l) {
                    running = l.exercise().state().running() && !l.exercise().state().ended();
                }
                if (running) {
                    handle(l, Actor.SYSTEM, new Command.Tick());
                }
            } catch (RuntimeException e) {
                // one exercise's failure (its store away, a conflict) does not stop the others' clocks; the next
                // beat tries again
                org.slf4j.LoggerFactory.getLogger(LiveExercises.class).warn("clock of {} did not advance: {}", l.id, e.getMessage());
            }
        }
    }
}
