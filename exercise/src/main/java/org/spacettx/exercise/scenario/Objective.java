package org.spacettx.exercise.scenario;

import java.util.List;

/** An exercise objective and the criteria by which observers evaluate it. */
public record Objective(String id, Text title, List<Text> criteria) {

    public Objective {
        criteria = List.copyOf(criteria);
    }
}
