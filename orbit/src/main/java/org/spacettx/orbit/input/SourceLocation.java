package org.spacettx.orbit.input;

/**
 * Where a piece of input came from: a file (or URL, or "stdin") and a 1-based line, 0 when unknown.
 */
public record SourceLocation(String source, int line) implements java.io.Serializable {

    public static SourceLocation of(String source) {
        return new SourceLocation(source, 0);
    }

    public SourceLocation atLine(int newLine) {
        return new SourceLocation(source, newLine);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
