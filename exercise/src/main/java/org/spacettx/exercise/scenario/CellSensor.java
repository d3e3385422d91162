package org.spacettx.exercise.scenario;

import org.spacettx.orbit.access.GroundSensor;

/**
 * A sensor that belongs to a cell: a ground radar or telescope whose observations are what that cell knows of the
 * objects in orbit (its own, not the truth control sees).
 */
public record CellSensor(String id, Text name, String cell, GroundSensor sensor) {
}
