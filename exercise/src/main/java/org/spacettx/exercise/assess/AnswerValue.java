package org.spacettx.exercise.assess;

import org.spacettx.exercise.text.Refusal;
import org.spacettx.exercise.text.Message;
import java.util.Set;
import java.util.TreeSet;

import org.spacettx.exercise.scenario.Question;

/** What a cell answered, in the form its question type calls for. */
public sealed interface AnswerValue {

    /** A probability (0..100), a scale point (1..5) or a number. */
    record Number(double value) implements AnswerValue {
    }

    /** One option of a single-choice question. */
    record Choice(String option) implements AnswerValue {
    }

    /** Options of a multiple-choice question. */
    record Choices(Set<String> options) implements AnswerValue {
        public Choices {
            options = Set.copyOf(new TreeSet<>(options));
        }
    }

    /** Free text. */
    record Free(String text) implements AnswerValue {
    }

    /** The value in the form {@link org.spacettx.exercise.scenario.AnswerCondition} compares. */
    default Object comparable() {
        return switch (this) {
            case Number n -> n.value();
            case Choice c -> c.option();
            case Choices c -> c.options();
            case Free f -> f.text();
        };
    }

    /** Null when the value fits the question, else why not. */
    static Message check(Question q, AnswerValue v) {
        return switch (q.type()) {
            case PROBABILITY -> v instanceof Number n && n.value() >= 0 && n.value() <= 100 ? null
                    : Refusal.ANSWER_PROBABILITY.with();
            case SCALE -> v instanceof Number n && n.value() == Math.rint(n.value()) && n.value() >= 1 && n.value() <= 5 ? null
                    : Refusal.ANSWER_SCALE.with();
            case NUMBER -> v instanceof Number n && Double.isFinite(n.value()) ? null : Refusal.ANSWER_NUMBER.with("unit", q.unit());
            case SINGLE -> v instanceof Choice c && q.options().stream().anyMatch(o -> o.id().equals(c.option())) ? null
                    : Refusal.ANSWER_OPTION.with("options", q.options().stream().map(Question.Option::id).toList());
            case MULTIPLE -> v instanceof Choices c && c.options().stream()
                    .allMatch(id -> q.options().stream().anyMatch(o -> o.id().equals(id))) ? null
                    : Refusal.ANSWER_OPTIONS.with("options", q.options().stream().map(Question.Option::id).toList());
            case TEXT -> v instanceof Free f && !f.text().isBlank() && f.text().length() <= 4000 ? null
                    : Refusal.ANSWER_TEXT.with("max", 4000);
        };
    }
}
