package org.spacettx.exercise.scenario;

/** The file is not YAML at all; nothing further can be checked. */
final class ScenarioSyntaxException extends Exception {

    final int line;
    final int column;

    ScenarioSyntaxException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }
}
