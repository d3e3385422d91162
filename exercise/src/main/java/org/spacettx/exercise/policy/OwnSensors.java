package org.spacettx.exercise.policy;

import java.time.Instant;
import java.util.Optional;

/** What the cells' own sensors have seen: the policy asks it when a cell first saw an object. */
public interface OwnSensors {

    /** Whether the cell has sensors of its own (a cell without any learns of objects as they reach orbit). */
    boolean hasSensors(String cell);

    /** When the cell's sensors first observed the object at or after {@code from}, if ever. */
    Optional<Instant> firstDetection(String cell, String object, Instant from);

    /** No cell has sensors. */
    OwnSensors NONE = new OwnSensors() {
        @Override
        public boolean hasSensors(String cell) {
            return false;
        }

        @Override
        public Optional<Instant> firstDetection(String cell, String object, Instant from) {
            return Optional.empty();
        }
    };
}
