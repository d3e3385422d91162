package org.spacettx.orbit.input;

/**
 * Bad input: names where (file and line), which field, and what is wrong, in one line a person can act on.
 * The command line prints {@link #getMessage()} and exits with status 2.
 */
public class InputException extends RuntimeException {

    private final SourceLocation location;
    private final String field;
    private final String problem;

    public InputException(SourceLocation location, String field, String problem) {
        super(format(location, field, problem));
        this.location = location;
        this.field = field;
        this.problem = problem;
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
