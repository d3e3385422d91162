package org.spacettx.exercise.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.spacettx.exercise.assess.AnswerValue;
import org.spacettx.exercise.assess.Confidence;
import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Marking;

/** Everything in an exercise that someone may or may not see; the visibility policy decides for each kind. */
public sealed interface Item {

    record ReleasedInject(Inject inject, Instant scenarioTime, String reason, Set<String> acknowledgedBy) implements Item {
        public ReleasedInject {
            acknowledgedBy = Set.copyOf(acknowledgedBy);
        }
    }

    record Message(String id, String fromCell, String toCell, String body, Marking marking, Instant scenarioTime) implements Item {
    }

    /** A track one delegation shared with another: its observation of {@code observedAt} by {@code sensor}. */
    record SharedTrack(String id, String fromCell, String toCell, String object, Instant observedAt, String sensor,
                       Marking marking, Instant scenarioTime) implements Item {
    }

    record Rfi(String id, String cell, String question, Marking marking, String answer) implements Item {
    }

    /** An answer to a question's round, and the scenario time it was given at. */
    record SubmittedAnswer(String question, String cell, int round, AnswerValue value, Confidence confidence,
                           String rationale, boolean revealed, Instant scenarioTime) implements Item {
    }

    record Observation(String id, String objective, Integer inject, int rating, String text, String observer) implements Item {
    }

    /** An evaluator's latest evaluation of an objective (see {@code Command.EvaluateObjective}), and its scenario time. */
    record Evaluation(String objective, String evaluator, String rating, List<String> criteria, String strengths,
                      String improvements, Instant scenarioTime) implements Item {
        public Evaluation {
            criteria = List.copyOf(criteria);
        }
    }

    /** An action item; its origin is the move it was first saved in and the inject it answers (null if none). */
    record ActionItem(String id, String title, String ownerNation, LocalDate due, String status, List<String> history,
                      String originMove, Integer originInject) implements Item {
        /** The statuses an action item may have, in the exercise and in the working group's register. */
        public static final java.util.Set<String> STATUSES = java.util.Set.of("open", "in-progress", "done", "dropped");
        /** Due dates: none before this day, none more than this many years after the day of the change. */
        public static final LocalDate EARLIEST_DUE = LocalDate.of(2000, 1, 1);
        public static final int MAX_DUE_YEARS = 20;

        /** Why a due date set on {@code today} is refused, or null when it is a date a working group could mean. */
        public static org.spacettx.exercise.text.Message dueProblem(LocalDate due, LocalDate today) {
            if (due == null || !due.isBefore(EARLIEST_DUE) && !due.isAfter(today.plusYears(MAX_DUE_YEARS))) {
                return null;
            }
            return org.spacettx.exercise.text.Refusal.ITEM_DUE.with("earliest", EARLIEST_DUE, "years", MAX_DUE_YEARS, "due", due);
        }

        public ActionItem {
            history = List.copyOf(history);
        }
    }

    /** A request for participant feedback: on a move or the whole exercise, anonymous or not. */
    record FeedbackRequest(String id, String scope, boolean anonymous) implements Item {
    }

    /**
     * One participant's feedback; {@code responder}: the user who gave it, or, to an anonymous request, the token that
     * stands for them (and an empty cell).
     */
    record FeedbackResponse(String request, String responder, String cell, java.util.Map<String, Integer> ratings,
                            java.util.Map<String, String> comments) implements Item {
    }

    record Statement(String text, Set<String> agreedBy, List<String> dissents) implements Item {
        public Statement {
            agreedBy = Set.copyOf(agreedBy);
            dissents = List.copyOf(dissents);
        }
    }
}
