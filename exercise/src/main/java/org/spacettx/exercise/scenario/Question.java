package org.spacettx.exercise.scenario;

import java.util.List;

/**
 * An assessment question posed to cells in a move; {@code picture}: the space objects it is about, which the console
 * shows each cell beside the question as that cell's own picture holds them (never one the cell does not know of).
 */
public record Question(String id, String move, Type type, Text text, List<Option> options, String unit,
                       List<String> cells, List<String> picture) {

    public Question {
        options = List.copyOf(options);
        cells = List.copyOf(cells);
        unit = unit == null ? "" : unit;
        picture = List.copyOf(picture);
    }

    public Question(String id, String move, Type type, Text text, List<Option> options, String unit, List<String> cells) {
        this(id, move, type, text, options, unit, cells, List.of());
    }

    public enum Type {
        /** A probability, 0..100 %. */
        PROBABILITY,
        /** A 1..5 scale. */
        SCALE,
        /** One of the options. */
        SINGLE,
        /** Any set of the options. */
        MULTIPLE,
        /** A number with a unit. */
        NUMBER,
        /** Free text. */
        TEXT
    }

    public record Option(String id, Text text) {
    }
}
