package org.spacettx.exercise.engine;

import java.time.Instant;
import java.time.LocalDate;

import org.spacettx.exercise.assess.AnswerValue;
import org.spacettx.exercise.assess.Confidence;
import org.spacettx.exercise.scenario.Marking;

/** What people (and the clock) ask the engine to do. Each is checked against the state and the actor's role. */
public sealed interface Command {

    /**
     * Control asks the participants for their feedback (the participant feedback form) on a move or on the whole
     * exercise ({@code scope}: a move's id, or {@code exercise}); {@code anonymous}: nobody's answers are shown as theirs.
     */
    record RequestFeedback(String scope, boolean anonymous) implements Command {
    }

    /**
     * A participant's feedback: ratings from 1 to 5 of the form's statements, and comments, by the form's ids. To an
     * anonymous request it carries {@code responder}, a token that stands for the participant without naming them
     * (the server derives it from the exercise, the request and the user, whatever the client sent), so that nobody
     * answers twice and nobody reading the log learns who answered what.
     */
    record GiveFeedback(String request, java.util.Map<String, Integer> ratings, java.util.Map<String, String> comments,
                        String responder) implements Command {
        public GiveFeedback(String request, java.util.Map<String, Integer> ratings, java.util.Map<String, String> comments) {
            this(request, ratings, comments, null);
        }

        /** The same feedback from the responder the server vouches for. */
        public GiveFeedback from(String token) {
            return new GiveFeedback(request, ratings, comments, token);
        }
    }

    /** Control starts the exercise (once). */
    record StartExercise() implements Command {
    }

    /** Control starts or resumes the scenario clock. */
    record StartClock() implements Command {
    }

    record PauseClock() implements Command {
    }

    /** Scenario seconds per wall second (1 = real time). */
    record SetSpeed(double speed) implements Command {
    }

    /**
     * Jump the scenario clock to the start of a move. A jump back (to a move that starts before the clock's time) is
     * refused unless {@code back} confirms it: what was released stays released.
     */
    record JumpToMove(String move, Boolean back) implements Command {
        public JumpToMove(String move) {
            this(move, null);
        }

        /** Whether a jump back is confirmed (an absent {@code back} is not). */
        public boolean backConfirmed() {
            return Boolean.TRUE.equals(back);
        }
    }

    /** Control has the clock pause by itself when it reaches a scenario time ({@code at}; null: no such pause). */
    record PauseAt(Instant at) implements Command {
    }

    /** Control runs the clock to the next inject due at a time, and has it pause there once that inject is released. */
    record RunToNextInject() implements Command {
    }

    /** The clock advances to the wall time of the command: releases the injects that have become due. */
    record Tick() implements Command {
    }

    record ReleaseInject(int number) implements Command {
    }

    record WithdrawInject(int number, String reason) implements Command {
    }

    /**
     * Control attaches a document to an inject (released or not); the server stores the bytes first and only it sends
     * this command (see the API's upload of an inject's files), so that {@code file} names content it holds.
     */
    record AttachFile(int number, AttachedFile file) implements Command {
    }

    record AcknowledgeInject(int number) implements Command {
    }

    /** A message from the actor's cell to another cell (control included). */
    record PostMessage(String toCell, String body, Marking marking) implements Command {
    }

    /**
     * Control writes an inject on the spot: its number (null: the next free one), move, recipients (delegation cells),
     * channel, marking, texts and expected action; released now ({@code releaseNow}), at a scenario time
     * ({@code releaseAt}), or later by hand.
     */
    record WriteInject(Integer number, String move, java.util.List<String> to, String channel, Marking marking,
                       org.spacettx.exercise.scenario.Text subject, org.spacettx.exercise.scenario.Text body,
                       org.spacettx.exercise.scenario.Text expectedAction, Instant releaseAt, boolean releaseNow) implements Command {
    }

    /**
     * A delegation shares its track of an object (its sensors' latest observation of it by now) with another
     * delegation, under a marking releasable to both nations.
     */
    record ShareTrack(String object, String toCell, Marking marking) implements Command {
    }

    record RequestInformation(String question, Marking marking) implements Command {
    }

    record AnswerRfi(String rfi, String answer) implements Command {
    }

    record SubmitAnswer(String question, AnswerValue value, Confidence confidence, String rationale) implements Command {
    }

    /** Control reveals the current round's answers to the cells. */
    record RevealQuestion(String question) implements Command {
    }

    /** Control opens another round after a reveal: the cells answer again, blind. */
    record OpenRound(String question) implements Command {
    }

    /** An evaluator's note on an objective (and an inject), rated in points: 4 (P) to 1 (U), see {@code EvaluationGuide}. */
    record RecordObservation(String objective, Integer inject, int rating, String text) implements Command {
    }

    /**
     * An evaluator's evaluation of an objective, as in an exercise evaluation guide: the result of each of its criteria
     * in the scenario's order ({@code met}, {@code partly}, {@code not-met}, {@code not-observed}), a rating ({@code P},
     * {@code S}, {@code M} or {@code U}) and the strengths and areas for improvement seen (either may be empty). The
     * evaluator's later evaluation of the same objective replaces the earlier one.
     */
    record EvaluateObjective(String objective, String rating, java.util.List<String> criteria, String strengths,
                             String improvements) implements Command {
    }

    /**
     * Add (null id) or update an action item for the working group; {@code inject} optionally names the inject it
     * answers (its origin, with the move it was first saved in).
     */
    record SaveActionItem(String id, String title, String ownerNation, LocalDate due, String status, Integer inject)
            implements Command {
        public SaveActionItem(String id, String title, String ownerNation, LocalDate due, String status) {
            this(id, title, ownerNation, due, status, null);
        }
    }

    record DraftStatement(String text) implements Command {
    }

    record AgreeStatement() implements Command {
    }

    record NoteDissent(String text) implements Command {
    }

    record EndExercise() implements Command {
    }

    /**
     * Control puts something on the room's screen (the presenter view): {@code inject} (its number in {@code ref}),
     * {@code question} (its id), {@code map}, {@code globe}, or {@code clear}.
     */
    record PresentItem(String kind, String ref) implements Command {
    }

    /** Helper for scripts and tests: a command with its wall time and actor. */
    record Issued(Actor actor, Instant wallTime, Command command) {
    }
}
