package org.spacettx.exercise.assess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import org.spacettx.exercise.engine.ExerciseState;
import org.spacettx.exercise.engine.Item;
import org.spacettx.exercise.scenario.Move;
import org.spacettx.exercise.scenario.Question;
import org.spacettx.exercise.scenario.Scenario;

/**
 * The assessments of an exercise as control sees them: per question and round, the answers side by side and their
 * divergence (revealed rounds only); convergence between the first and the last revealed round; and per move the
 * unified-understanding index, 100 × (1 − mean divergence of its questions' last revealed rounds).
 */
public final class Assessment {

    /** One question: answers and divergence by revealed round. */
    public record QuestionResult(Question question, Map<Integer, List<Item.SubmittedAnswer>> answersByRound,
                                 Map<Integer, Double> divergenceByRound) {

        /** First revealed round's divergence minus the last's: positive when the cells came closer. */
        public OptionalDouble convergence() {
            if (divergenceByRound.size() < 2) {
                return OptionalDouble.empty();
            }
            var rounds = new TreeMap<>(divergenceByRound);
            return OptionalDouble.of(rounds.firstEntry().getValue() - rounds.lastEntry().getValue());
        }

        public OptionalDouble lastDivergence() {
            return divergenceByRound.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(new TreeMap<>(divergenceByRound).lastEntry().getValue());
        }
    }

    /** One move: its unified-understanding index (0..100) when any of its questions has a measured divergence. */
    public record MoveResult(Move move, OptionalDouble unifiedUnderstanding, int questionsMeasured) {
    }

    private final Map<String, QuestionResult> questions;
    private final List<MoveResult> moves;

    private Assessment(Map<String, QuestionResult> questions, List<MoveResult> moves) {
        this.questions = questions;
        this.moves = moves;
    }

    public static Assessment of(Scenario scenario, ExerciseState state) {
        Map<String, QuestionResult> questions = new LinkedHashMap<>();
        for (Question q : scenario.questions()) {
            Map<Integer, List<Item.SubmittedAnswer>> byRound = new TreeMap<>();
            for (Item.SubmittedAnswer a : state.answers()) {
                if (a.question().equals(q.id()) && a.revealed()) {
                    byRound.computeIfAbsent(a.round(), r -> new ArrayList<>()).add(a);
                }
            }
            Map<Integer, Double> divergence = new TreeMap<>();
            byRound.forEach((round, answers) -> Divergence.of(q, answers.stream().map(Item.SubmittedAnswer::value).toList())
                    .ifPresent(d -> divergence.put(round, d)));
            questions.put(q.id(), new QuestionResult(q, byRound, divergence));
        }
        List<MoveResult> moves = new ArrayList<>();
        for (Move m : scenario.moves()) {
            List<Double> last = new ArrayList<>();
            for (QuestionResult r : questions.values()) {
                if (r.question().move().equals(m.id())) {
                    r.lastDivergence().ifPresent(last::add);
                }
            }
            moves.add(new MoveResult(m, Divergence.unifiedUnderstanding(last), last.size()));
        }
        return new Assessment(questions, moves);
    }

    public QuestionResult question(String id) {
        return questions.get(id);
    }

    public List<QuestionResult> questions() {
        return List.copyOf(questions.values());
    }

    public List<MoveResult> moves() {
        return moves;
    }
}
