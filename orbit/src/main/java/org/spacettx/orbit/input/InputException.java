package org.spacettx.orbit.input;

/**
 * Bad input: names where (file and line), which field, and what is wrong, in one line a person can act on.
 * The command line prints {@link #getMessage()} and exits with status 2. A message quotes the input only in short
 * excerpts ({@link #excerpt}); a problem text longer than {@value #MAX_PROBLEM} characters is cut, so that hostile
 * input (a 50 MB line) cannot flood a terminal or a log.
 */
public class InputException extends RuntimeException {

    /** Longest problem text kept. */
    static final int MAX_PROBLEM = 500;
    /** Longest excerpt of the input quoted in a problem. */
    static final int MAX_EXCERPT = 60;

    private final SourceLocation location;
    private final String field;
    private final String problem;

    public InputException(SourceLocation location, String field, String problem) {
        super(format(location, field, cut(problem, MAX_PROBLEM)));
        this.location = location;
        this.field = field;
        this.problem = cut(problem, MAX_PROBLEM);
    }

    /** At most {@value #MAX_EXCERPT} characters of a piece of input, to quote in a problem. */
    public static String excerpt(String input) {
        return cut(input, MAX_EXCERPT);
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "... (" + text.length() + " characters)";
    }

    public InputException(SourceLocation location, String field, String problem, Throwable cause) {
        this(location, field, problem);
        initCause(cause);
    }

    private static String format(SourceLocation location, String field, String problem) {
        StringBuilder text = new StringBuilder();
        if (location != null) {
            text.append(location).append(": ");
        }
        if (field != null && !field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(problem).toString();
    }

    public SourceLocation location() {
        return location;
    }

    /** The field or column at fault, or null when the whole record is. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
