package org.spacettx.exercise.assess;

import java.util.List;
import java.util.OptionalDouble;

import org.spacettx.exercise.scenario.Question;

/**
 * How far apart the cells' answers to a question are, from 0 (the same) to 1 (as far apart as the question allows),
 * as the mean over every pair of cells of a per-type distance:
 * <ul>
 * <li>probability: the difference in percentage points / 100;</li>
 * <li>scale (1-5): the difference in points / 4;</li>
 * <li>single choice: 0 for the same option, 1 for different ones;</li>
 * <li>multiple choice: the Jaccard distance 1 − |A∩B| / |A∪B| (two empty sets: 0);</li>
 * <li>number: the relative difference |a − b| / max(|a|, |b|), at most 1 (both 0: 0);</li>
 * <li>free text: not measured (people judge text, not arithmetic).</li>
 * </ul>
 * Confidence is reported beside the answers but does not weigh on divergence.
 */
public final class Divergence {

    private Divergence() {
    }

    /** Empty when fewer than two cells answered or the question is free text. */
    public static OptionalDouble of(Question question, List<AnswerValue> answers) {
        if (answers.size() < 2 || question.type() == Question.Type.TEXT) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < answers.size(); i++) {
            for (int j = i + 1; j < answers.size(); j++) {
                sum += distance(question.type(), answers.get(i), answers.get(j));
                pairs++;
            }
        }
        return OptionalDouble.of(sum / pairs);
    }

    static double distance(Question.Type type, AnswerValue a, AnswerValue b) {
        return switch (type) {
            case PROBABILITY -> Math.abs(number(a) - number(b)) / 100.0;
            case SCALE -> Math.abs(number(a) - number(b)) / 4.0;
            case NUMBER -> {
                double x = number(a);
                double y = number(b);
                double scale = Math.max(Math.abs(x), Math.abs(y));
                yield scale == 0 ? 0 : Math.min(1, Math.abs(x - y) / scale);
            }
            case SINGLE -> ((AnswerValue.Choice) a).option().equals(((AnswerValue.Choice) b).option()) ? 0 : 1;
            case MULTIPLE -> {
                var x = ((AnswerValue.Choices) a).options();
                var y = ((AnswerValue.Choices) b).options();
                var union = new java.util.HashSet<>(x);
                union.addAll(y);
                if (union.isEmpty()) {
                    yield 0;
                }
                var common = new java.util.HashSet<>(x);
                common.retainAll(y);
                yield 1 - (double) common.size() / union.size();
            }
            case TEXT -> 0;
        };
    }

    private static double number(AnswerValue v) {
        return ((AnswerValue.Number) v).value();
    }

    /**
     * The unified-understanding index of a set of questions: 100 × (1 − mean divergence) over those with a measured
     * divergence; empty when none has one.
     */
    public static OptionalDouble unifiedUnderstanding(List<Double> divergences) {
        return divergences.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(100 * (1 - divergences.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
    }
}
