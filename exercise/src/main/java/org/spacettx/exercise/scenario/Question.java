package org.spacettx.exercise.scenario;

import java.util.List;

/** An assessment question posed to cells in a move. */
public record Question(String id, String move, Type type, Text text, List<Option> options, String unit,
                       List<String> cells) {

    public Question {
        options = List.copyOf(options);
        cells = List.copyOf(cells);
        unit = unit == null ? "" : unit;
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
