package org.spacettx.exercise.scenario;

import java.time.Instant;

/** A phase of the scenario, starting at a scenario time. */
public record Move(String id, Text title, Instant start, Text narrative) {
}
