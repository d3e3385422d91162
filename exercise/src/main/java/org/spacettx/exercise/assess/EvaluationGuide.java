package org.spacettx.exercise.assess;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.spacettx.exercise.scenario.Text;

/**
 * The evaluator's scales, after HSEEP's Exercise Evaluation Guide: an objective is rated P, S, M or U, and each of its
 * criteria was met, partly met, not met or not observed. An observation's rating uses the same scale as points (4 for
 * P down to 1 for U), so that observations and evaluations of one objective compare.
 */
public final class EvaluationGuide {

    /** Longest strengths or areas-for-improvement text kept, in characters. */
    public static final int MAX_TEXT = 4_000;

    private EvaluationGuide() {
    }

    /** How an objective was performed. */
    public enum Rating {
        P(4, Text.of("performed without challenges", "문제없이 수행")),
        S(3, Text.of("performed with some challenges", "일부 어려움 속에 수행")),
        M(2, Text.of("performed with major challenges", "큰 어려움 속에 수행")),
        U(1, Text.of("unable to be performed", "수행하지 못함"));

        private final int points;
        private final Text meaning;

        Rating(int points, Text meaning) {
            this.points = points;
            this.meaning = meaning;
        }

        public int points() {
            return points;
        }

        public Text meaning() {
            return meaning;
        }

        /** The rating of this letter ({@code P}, {@code S}, {@code M} or {@code U}), if it is one. */
        public static Optional<Rating> of(String letter) {
            return Arrays.stream(values()).filter(r -> r.name().equals(letter)).findFirst();
        }

        /** The rating nearest a mean of points, clamped to the scale (a stored 5 of older logs reads as P). */
        public static Rating ofPoints(double mean) {
            long rounded = Math.max(1, Math.min(4, Math.round(mean)));
            return Arrays.stream(values()).filter(r -> r.points == rounded).findFirst().orElseThrow();
        }
    }

    /** What an evaluator saw of one criterion of an objective. */
    public enum Result {
        MET(Text.of("met", "충족")),
        PARTLY(Text.of("partly met", "부분 충족")),
        NOT_MET(Text.of("not met", "미충족")),
        NOT_OBSERVED(Text.of("not observed", "관찰하지 못함"));

        private final Text words;

        Result(Text words) {
            this.words = words;
        }

        /** The result's code in commands, events and exports: {@code met}, {@code partly}, {@code not-met}, {@code not-observed}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public Text words() {
            return words;
        }

        public static Optional<Result> of(String code) {
            return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
        }

        /** The codes, in order, as said in a refusal. */
        public static List<String> codes() {
            return Arrays.stream(values()).map(Result::code).toList();
        }
    }
}
