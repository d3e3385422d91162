package org.spacettx.exercise.engine;

import java.util.List;

/** What became of a command: the events it caused, or why it was refused. */
public sealed interface Outcome {

    record Accepted(List<Event.Recorded> events) implements Outcome {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** A refusal: its code and parameters, for a client to word in its reader's language. */
    record Rejected(org.spacettx.exercise.text.Message message) implements Outcome {

        /** The refusal in English. */
        public String reason() {
            return message.english();
        }
    }
}
