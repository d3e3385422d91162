package org.spacettx.exercise.scenario;

import java.time.LocalDate;

/** An action item the scenario proposes for the working group, adopted or not by control during the exercise. */
public record ActionItemSeed(String id, Text title, String ownerNation, LocalDate due) {
}
