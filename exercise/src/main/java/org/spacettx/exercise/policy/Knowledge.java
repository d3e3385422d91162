package org.spacettx.exercise.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * What the delegations know of the space objects, as the policy asks it: whether a cell has sensors of its own, and
 * when it first learned of an object, by its own sensors or from a track an ally shared with it.
 */
public interface Knowledge {

    /** Whether the cell has sensors of its own (a cell without any learns of objects as they reach orbit). */
    boolean hasSensors(String cell);

    /**
     * When the cell first learned of the object at or after {@code from}: its sensors' first observation or the first
     * track of it shared with the cell, whichever came first; empty if neither has happened (or ever will).
     */
    Optional<Instant> firstKnown(String cell, String object, Instant from);

    /** When the cell's sensors first observed a fragment of the breakup (it learns of the debris cloud then). */
    Optional<Instant> firstKnownBreakup(String cell, String breakup);

    /** No cell has sensors. */
    Knowledge NONE = new Knowledge() {
        @Override
        public boolean hasSensors(String cell) {
            return false;
        }

        @Override
        public Optional<Instant> firstKnown(String cell, String object, Instant from) {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> firstKnownBreakup(String cell, String breakup) {
            return Optional.empty();
        }
    };
}
