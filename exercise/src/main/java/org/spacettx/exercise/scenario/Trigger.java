package org.spacettx.exercise.scenario;

import java.time.Duration;
import java.time.Instant;

/** What releases an inject. */
public sealed interface Trigger {

    /** At a scenario time. */
    record AtTime(Instant time) implements Trigger {
    }

    /** When control releases it. */
    record Manual() implements Trigger {
    }

    /** The first time after {@code after} that {@code object} can image {@code place} under its sensor model. */
    record FirstOverflight(String object, String place, Instant after) implements Trigger {
    }

    /** The rise of the first pass of {@code object} over {@code site} above {@code minElevationDeg} after {@code after}. */
    record Pass(String object, String site, double minElevationDeg, Instant after) implements Trigger {
    }

    /** The launch of a launched object. */
    record Launch(String object) implements Trigger {
    }

    /** The first time after {@code after} that two objects come closer than {@code belowKm}. */
    record CloseApproach(String object, String other, double belowKm, Instant after) implements Trigger {
    }

    /**
     * A predicted conjunction, released {@code lead} before its time of closest approach (and not before
     * {@code after}): the first close approach after {@code after} closer than {@code belowKm} between
     * {@code object} and {@code with}, or any other object of the scenario when {@code with} is empty, found by
     * screening the scenario's objects.
     */
    record Conjunction(String object, String with, double belowKm, Duration lead, Instant after) implements Trigger {
    }

    /** A delay after another inject is released. */
    record AfterInject(int inject, Duration delay) implements Trigger {
    }

    /** When a cell's answer to a question meets a condition ({@code >= 60}, {@code == b}, {@code contains c}). */
    record OnAnswer(String question, String cell, String condition) implements Trigger {
    }
}
