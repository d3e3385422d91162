package org.spacettx.exercise.engine;

import java.util.List;

/** What became of a command: the events it caused, or why it was refused. */
public sealed interface Outcome {

    record Accepted(List<Event.Recorded> events) implements Outcome {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(String reason) implements Outcome {
    }
}
