package org.spacettx.exercise.scenario;

/**
 * A cell of the exercise: control (white cell, runs the game), a delegation (blue, one nation), red (plays the
 * adversary, optional) or observers (evaluators).
 */
public record Cell(String id, Text name, String nation, Kind kind) {

    public enum Kind { CONTROL, BLUE, RED, OBSERVER }
}
