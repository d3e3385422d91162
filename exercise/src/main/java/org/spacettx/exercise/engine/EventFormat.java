package org.spacettx.exercise.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stored form of recorded events (the event store, an archive's log), which every later version must read.
 *
 * <p>Each event kind has a stable name, declared here once and never derived from a class's name: renaming a record
 * keeps its name in the logs. Each stored event carries the format's version ({@code "v"}; none means version 1, as
 * written before it was recorded); an older version is brought up to this one on read, one step at a time, by the
 * upcasters below, before it is bound to the records. A version newer than this one is refused with a clear error
 * rather than read wrongly.
 *
 * <p>Versions: 1 — up to commit 7dd1525; 2 — {@code FeedbackGiven} carries {@code responder}, the token that stands
 * for the giver of anonymous feedback.
 */
public final class EventFormat {

    /** The version this build writes. */
    public static final int VERSION = 2;

    /** Every kind of event by its stable name (the names the first format gave them). */
    static final Map<String, Class<? extends Event>> NAMES = names(List.of(
            Map.entry("ExerciseStarted", Event.ExerciseStarted.class),
            Map.entry("FeedbackRequested", Event.FeedbackRequested.class),
            Map.entry("FeedbackGiven", Event.FeedbackGiven.class),
            Map.entry("ClockStarted", Event.ClockStarted.class),
            Map.entry("ClockPaused", Event.ClockPaused.class),
            Map.entry("SpeedSet", Event.SpeedSet.class),
            Map.entry("ClockJumped", Event.ClockJumped.class),
            Map.entry("PauseScheduled", Event.PauseScheduled.class),
            Map.entry("MoveStarted", Event.MoveStarted.class),
            Map.entry("InjectReleased", Event.InjectReleased.class),
            Map.entry("InjectWithdrawn", Event.InjectWithdrawn.class),
            Map.entry("InjectWritten", Event.InjectWritten.class),
            Map.entry("InjectAcknowledged", Event.InjectAcknowledged.class),
            Map.entry("MessagePosted", Event.MessagePosted.class),
            Map.entry("TrackShared", Event.TrackShared.class),
            Map.entry("RfiRequested", Event.RfiRequested.class),
            Map.entry("RfiAnswered", Event.RfiAnswered.class),
            Map.entry("AnswerSubmitted", Event.AnswerSubmitted.class),
            Map.entry("QuestionRevealed", Event.QuestionRevealed.class),
            Map.entry("RoundOpened", Event.RoundOpened.class),
            Map.entry("ObservationRecorded", Event.ObservationRecorded.class),
            Map.entry("ObjectiveEvaluated", Event.ObjectiveEvaluated.class),
            Map.entry("FileAttached", Event.FileAttached.class),
            Map.entry("ActionItemSaved", Event.ActionItemSaved.class),
            Map.entry("StatementDrafted", Event.StatementDrafted.class),
            Map.entry("StatementAgreed", Event.StatementAgreed.class),
            Map.entry("DissentNoted", Event.DissentNoted.class),
            Map.entry("ExerciseEnded", Event.ExerciseEnded.class),
            Map.entry("PresentationFocused", Event.PresentationFocused.class)));

    /** Upcasters by the version they read: each turns a stored event of that version into one of the next. */
    private static final Map<Integer, UnaryOperator<ObjectNode>> UPCASTERS = Map.of(
            // 1 -> 2: feedback names its responder token (none: attributed feedback, whose giver is the event's actor)
            1, stored -> {
                if (stored.path("event") instanceof ObjectNode e && "FeedbackGiven".equals(e.path("type").asText()) && !e.has("responder")) {
                    e.putNull("responder");
                }
                return stored;
            });

    private EventFormat() {
    }

    private static Map<String, Class<? extends Event>> names(List<Map.Entry<String, Class<? extends Event>>> entries) {
        Map<String, Class<? extends Event>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Class<? extends Event>> e : entries) {
            if (out.put(e.getKey(), e.getValue()) != null || out.values().stream().filter(e.getValue()::equals).count() > 1) {
                throw new IllegalStateException("event name or kind named twice: " + e);
            }
        }
        for (Class<?> kind : Event.class.getPermittedSubclasses()) {
            if (!out.containsValue(kind)) {
                throw new IllegalStateException(kind.getSimpleName() + " has no stable name in EventFormat.NAMES");
            }
        }
        return Map.copyOf(out);
    }

    /** The stable name of an event's kind. */
    public static String name(Class<? extends Event> kind) {
        return NAMES.entrySet().stream().filter(e -> e.getValue() == kind).findFirst().orElseThrow().getKey();
    }

    /** A recorded event as stored: its JSON with this format's version. */
    public static String write(Event.Recorded recorded) {
        ObjectNode node = Json.mapper().valueToTree(recorded);
        ObjectNode stored = Json.mapper().createObjectNode().put("v", VERSION);
        stored.setAll(node);
        return stored.toString();
    }

    /**
     * A stored event, of this format's version or an older one (brought up to this one first).
     *
     * @throws IllegalArgumentException when it is no event, or of a newer format than this build reads
     */
    public static Event.Recorded read(String json) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
        if (!(tree instanceof ObjectNode stored)) {
            throw new IllegalArgumentException("an event is a JSON object");
        }
        int version = stored.has("v") ? stored.path("v").asInt(-1) : 1;
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("event format version " + stored.path("v") + ": this SpaceTTX reads versions 1 to "
                    + VERSION + " (a log written by a newer version needs that version)");
        }
        for (int v = version; v < VERSION; v++) {
            stored = UPCASTERS.get(v).apply(stored);
        }
        stored.remove("v");
        try {
            return Json.mapper().treeToValue(stored, Event.Recorded.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
