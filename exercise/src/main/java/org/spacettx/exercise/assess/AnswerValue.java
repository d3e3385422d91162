package org.spacettx.exercise.assess;

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
    static String check(Question q, AnswerValue v) {
        return switch (q.type()) {
            case PROBABILITY -> v instanceof Number n && n.value() >= 0 && n.value() <= 100 ? null
                    : "a probability answer is a number from 0 to 100";
            case SCALE -> v instanceof Number n && n.value() == Math.rint(n.value()) && n.value() >= 1 && n.value() <= 5 ? null
                    : "a scale answer is a whole number from 1 to 5";
            case NUMBER -> v instanceof Number n && Double.isFinite(n.value()) ? null : "the answer is a number in " + q.unit();
            case SINGLE -> v instanceof Choice c && q.options().stream().anyMatch(o -> o.id().equals(c.option())) ? null
                    : "the answer is one of the options " + q.options().stream().map(Question.Option::id).toList();
            case MULTIPLE -> v instanceof Choices c && c.options().stream()
                    .allMatch(id -> q.options().stream().anyMatch(o -> o.id().equals(id))) ? null
                    : "the answer is a set of the options " + q.options().stream().map(Question.Option::id).toList();
            case TEXT -> v instanceof Free f && !f.text().isBlank() && f.text().length() <= 4000 ? null
                    : "the answer is a text of 1 to 4000 characters";
        };
    }
}
