package org.spacettx.exercise.scenario;

/**
 * A problem found in a scenario file: where (line, column, path) and what, in words a scenario author can act on.
 */
public record ScenarioProblem(Severity severity, int line, int column, String path, String message) {

    public enum Severity { ERROR, WARNING }

    /** A place in the file (line, column, path), to which a problem found later (by computing) can be pinned. */
    public record Anchor(int line, int column, String path) {
        public ScenarioProblem warning(String message) {
            return new ScenarioProblem(Severity.WARNING, line, column, path, message);
        }
    }

    static ScenarioProblem error(int line, int column, String path, String message) {
        return new ScenarioProblem(Severity.ERROR, line, column, path, message);
    }

    /** A limit the scenario as a whole passes (found while computing its schedule): an error of the whole file. */
    public static ScenarioProblem of(Limits.Exceeded e) {
        return new ScenarioProblem(Severity.ERROR, 1, 1, "", e.getMessage());
    }

    static ScenarioProblem warning(int line, int column, String path, String message) {
        return new ScenarioProblem(Severity.WARNING, line, column, path, message);
    }

    /** {@code file:line:column: error: path: message}. */
    public String format(String file) {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
