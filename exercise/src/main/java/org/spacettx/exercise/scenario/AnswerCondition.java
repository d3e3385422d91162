package org.spacettx.exercise.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on a cell's answer that branches the scenario: {@code >= 60} (probability, scale, number),
 * {@code == b} / {@code != b} (single choice, or numbers), {@code contains c} / {@code excludes c} (multiple choice;
 * for free text, a word), {@code answered} (any answer).
 */
public final class AnswerCondition {

    /** Matched against the stripped condition. */
    private static final Pattern FORM = Pattern.compile("(>=|<=|==|!=|>|<|contains|excludes|answered)\\s*+(.*)", Pattern.DOTALL);

    private AnswerCondition() {
    }

    /** Null when the condition fits the question, else what is wrong with it. */
    public static String check(Question question, String condition) {
        Matcher m = FORM.matcher(condition == null ? "" : condition.strip());
        if (!m.matches()) {
            return "condition '" + org.spacettx.orbit.input.InputException.excerpt(String.valueOf(condition)) + "' is not one of: >= N, > N, <= N, < N, == X, != X, contains X, excludes X, answered";
        }
        String op = m.group(1);
        String operand = m.group(2);
        if (op.equals("answered")) {
            return operand.isEmpty() ? null : "'answered' takes nothing after it";
        }
        if (operand.isEmpty()) {
            return "condition '" + condition + "' has no value to compare with";
        }
        switch (question.type()) {
            case PROBABILITY, SCALE, NUMBER -> {
                if (op.equals("contains") || op.equals("excludes")) {
                    return "a " + question.type().name().toLowerCase(Locale.ROOT) + " answer is a number: use >=, <=, == ...";
                }
                try {
                    Double.parseDouble(operand);
                } catch (NumberFormatException e) {
                    return "'" + operand + "' is not a number";
                }
                return null;
            }
            case SINGLE, MULTIPLE -> {
                boolean multiple = question.type() == Question.Type.MULTIPLE;
                if (multiple ? !(op.equals("contains") || op.equals("excludes")) : !(op.equals("==") || op.equals("!="))) {
                    return multiple ? "a multiple-choice answer takes 'contains X' or 'excludes X'"
                            : "a single-choice answer takes '== X' or '!= X'";
                }
                if (question.options().stream().noneMatch(o -> o.id().equals(operand))) {
                    return "'" + operand + "' is not an option of question " + question.id();
                }
                return null;
            }
            default -> {
                return op.equals("contains") ? null : "a free-text answer takes 'contains WORD' or 'answered'";
            }
        }
    }

    /**
     * Whether an answer meets a (checked) condition. The answer is a {@code Double} (probability, scale, number), a
     * {@code String} (single choice option id, or free text) or a collection of option ids (multiple choice).
     */
    public static boolean matches(String condition, Object answer) {
        Matcher m = FORM.matcher(condition.strip());
        if (!m.matches() || answer == null) {
            return false;
        }
        String op = m.group(1);
        String operand = m.group(2);
        if (op.equals("answered")) {
            return true;
        }
        if (answer instanceof Double d) {
            double v = Double.parseDouble(operand);
            return switch (op) {
                case ">=" -> d >= v;
                case ">" -> d > v;
                case "<=" -> d <= v;
                case "<" -> d < v;
                case "==" -> d == v;
                case "!=" -> d != v;
                default -> false;
            };
        }
        if (answer instanceof Collection<?> c) {
            return op.equals("contains") == c.contains(operand);
        }
        String s = answer.toString();
        return switch (op) {
            case "==" -> s.equals(operand);
            case "!=" -> !s.equals(operand);
            case "contains" -> s.toLowerCase(Locale.ROOT).contains(operand.toLowerCase(Locale.ROOT));
            default -> false;
        };
    }
}
