package org.spacettx.exercise.scenario;

import org.spacettx.orbit.catalog.ElementSet;

/**
 * An object in the scenario's space picture, with the element set it resolves to, the nation it belongs to in the
 * scenario, its sensor model (if it images) and how it was defined (for the record and for exports).
 *
 * @param sensorSpec sensor model specification, or empty when the object does not image
 * @param source     "catalog", "tle", "elements" or "launch"
 * @param launchTime for a launched object, the lift-off time (the object exists only from then on), else null
 */
public record SpaceObject(String id, Text name, String nation, ElementSet elements, String sensorSpec, String source,
                          java.time.Instant launchTime) {

    /** From when the object is in orbit: its insertion (the epoch of its elements) for a launched object. */
    public java.time.Instant inOrbitFrom() {
        return launchTime == null ? null : elements.epoch();
    }
}
