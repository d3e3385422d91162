package org.spacettx.exercise.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.scenario.Question;
import org.spacettx.exercise.scenario.Text;

class DivergenceTest {

    static Question q(Question.Type type, String... options) {
        List<Question.Option> opts = java.util.Arrays.stream(options).map(o -> new Question.Option(o, Text.of(o, o))).toList();
        return new Question("Q", "M1", type, Text.of("q", "q"), opts, type == Question.Type.NUMBER ? "m" : "", List.of("kor", "usa"));
    }

    static AnswerValue n(double v) {
        return new AnswerValue.Number(v);
    }

    @Test
    void perTypeDistances() {
        assertThat(Divergence.of(q(Question.Type.PROBABILITY), List.of(n(70), n(40))).getAsDouble()).isCloseTo(0.30, within(1e-12));
        assertThat(Divergence.of(q(Question.Type.SCALE), List.of(n(5), n(1))).getAsDouble()).isEqualTo(1.0);
        assertThat(Divergence.of(q(Question.Type.SCALE), List.of(n(3), n(3))).getAsDouble()).isZero();
        assertThat(Divergence.of(q(Question.Type.NUMBER), List.of(n(4), n(3))).getAsDouble()).isCloseTo(0.25, within(1e-12));
        assertThat(Divergence.of(q(Question.Type.NUMBER), List.of(n(0), n(0))).getAsDouble()).isZero();
        assertThat(Divergence.of(q(Question.Type.SINGLE, "a", "b"), List.of(new AnswerValue.Choice("a"),
                new AnswerValue.Choice("b"))).getAsDouble()).isEqualTo(1.0);
        assertThat(Divergence.of(q(Question.Type.MULTIPLE, "x", "y", "z"), List.of(new AnswerValue.Choices(Set.of("x", "y")),
                new AnswerValue.Choices(Set.of("x", "y", "z")))).getAsDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(Divergence.of(q(Question.Type.TEXT), List.of(new AnswerValue.Free("a"), new AnswerValue.Free("b")))).isEmpty();
        assertThat(Divergence.of(q(Question.Type.PROBABILITY), List.of(n(50)))).isEmpty();
    }

    @Test
    void threeCellsAverageEveryPair() {
        // Pairs: |10-50| = .4, |10-90| = .8, |50-90| = .4 -> mean 0.5333
        assertThat(Divergence.of(q(Question.Type.PROBABILITY), List.of(n(10), n(50), n(90))).getAsDouble())
                .isCloseTo(1.6 / 3, within(1e-12));
    }

    @Test
    void unifiedUnderstandingIsOneMinusMeanDivergence() {
        assertThat(Divergence.unifiedUnderstanding(List.of(0.1, 0.3)).getAsDouble()).isCloseTo(80, within(1e-9));
        assertThat(Divergence.unifiedUnderstanding(List.of())).isEmpty();
    }

    @Test
    void answerValuesAreCheckedAgainstTheirQuestion() {
        assertThat(AnswerValue.check(q(Question.Type.SCALE), n(2.5)).english()).contains("whole number from 1 to 5");
        assertThat(AnswerValue.check(q(Question.Type.SINGLE, "a", "b"), new AnswerValue.Choice("c")).english()).endsWith("options a, b");
        assertThat(AnswerValue.check(q(Question.Type.MULTIPLE, "a"), new AnswerValue.Choices(Set.of("a")))).isNull();
        assertThat(AnswerValue.check(q(Question.Type.TEXT), new AnswerValue.Free(" "))).isNotNull();
    }
}
