package org.spacettx.exercise.engine;

import java.time.Instant;
import java.time.LocalDate;

import org.spacettx.exercise.assess.AnswerValue;
import org.spacettx.exercise.assess.Confidence;
import org.spacettx.exercise.scenario.Marking;

/** What happened. Events are facts: they are never refused, and the state is a fold over them. */
public sealed interface Event {

    record ExerciseStarted(String scenario) implements Event {
    }

    record FeedbackRequested(String id, String scope, boolean anonymous) implements Event {
    }

    /**
     * A participant's feedback. Who gave it: the recorded event's actor, so that nobody answers twice; to an anonymous
     * request, nobody: the actor is {@link Actor#ANONYMOUS}, the cell empty, and {@code responder} a token that stands
     * for the participant without naming them (null when attributed).
     */
    record FeedbackGiven(String request, String cell, java.util.Map<String, Integer> ratings, java.util.Map<String, String> comments,
                         String responder) implements Event {
    }

    record ClockStarted() implements Event {
    }

    record ClockPaused() implements Event {
    }

    record SpeedSet(double speed) implements Event {
    }

    record ClockJumped(Instant to, String move) implements Event {
    }

    /** The clock will pause by itself when it reaches {@code at} (null: it will not). */
    record PauseScheduled(Instant at) implements Event {
    }

    record MoveStarted(String move) implements Event {
    }

    /**
     * An inject reaches its recipients. {@code at} is the scenario time it counts from: the time it was due for a
     * scheduled or orbital trigger (whatever the clock's granularity), the clock's time otherwise.
     */
    record InjectReleased(int number, Instant at, String reason) implements Event {
    }

    record InjectWithdrawn(int number, String reason) implements Event {
    }

    /**
     * Control wrote an inject during play (or brought it in from a workbook): from now on it is in the MSEL like the
     * scenario's own, sent by control, released by hand or at {@code releaseAt} (null: by hand).
     */
    record InjectWritten(int number, String move, java.util.List<String> recipients, String channel, Marking marking,
                         org.spacettx.exercise.scenario.Text subject, org.spacettx.exercise.scenario.Text body,
                         org.spacettx.exercise.scenario.Text expectedAction, Instant releaseAt) implements Event {
    }

    record InjectAcknowledged(int number, String cell) implements Event {
    }

    record MessagePosted(String id, String fromCell, String toCell, String body, Marking marking) implements Event {
    }

    /**
     * A delegation shared its track of an object with another: the track is its sensors' observation of {@code
     * observedAt} (the latest it had), which the recipient's picture follows from now on where it is the newer.
     */
    record TrackShared(String id, String fromCell, String toCell, String object, Instant observedAt, String sensor,
                       Marking marking) implements Event {
    }

    record RfiRequested(String id, String cell, String question, Marking marking) implements Event {
    }

    record RfiAnswered(String id, String answer) implements Event {
    }

    record AnswerSubmitted(String question, String cell, int round, AnswerValue value, Confidence confidence,
                           String rationale) implements Event {
    }

    record QuestionRevealed(String question, int round) implements Event {
    }

    record RoundOpened(String question, int round) implements Event {
    }

    record ObservationRecorded(String id, String objective, Integer inject, int rating, String text, String observer)
            implements Event {
    }

    /** A document attached to an inject; readers of the inject may open it. */
    record FileAttached(int number, AttachedFile file) implements Event {
    }

    /** An evaluator's evaluation of an objective; it replaces the same evaluator's earlier one of that objective. */
    record ObjectiveEvaluated(String objective, String evaluator, String rating, java.util.List<String> criteria,
                              String strengths, String improvements) implements Event {
    }

    record ActionItemSaved(String id, String title, String ownerNation, LocalDate due, String status, Integer inject)
            implements Event {
    }

    record StatementDrafted(String text) implements Event {
    }

    record StatementAgreed(String cell) implements Event {
    }

    record DissentNoted(String cell, String text) implements Event {
    }

    record ExerciseEnded() implements Event {
    }

    /** What the room's screen shows now: an inject, a question's revealed answers, the map, or nothing in particular. */
    record PresentationFocused(String kind, String ref) implements Event {
    }

    /**
     * An event as stored: its per-exercise sequence number, the scenario time and wall time at which it happened,
     * and who caused it.
     */
    record Recorded(long sequence, Instant scenarioTime, Instant wallTime, Actor actor, Event event) {
    }
}
