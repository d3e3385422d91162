package org.spacettx.exercise.engine;

import java.util.ArrayList;
import java.util.List;

import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * An exercise's event log as text: one JSON event a line (what {@code exercise simulate} prints and an archive
 * holds). Reading checks that the events follow each other from 1 and names the line at fault.
 */
public final class EventLog {

    private EventLog() {
    }

    public static String write(List<Event.Recorded> events) {
        StringBuilder s = new StringBuilder();
        for (Event.Recorded r : events) {
            s.append(EventFormat.write(r)).append('\n');
        }
        return s.toString();
    }

    /**
     * The events of {@code text}; blank lines are skipped (one at a time: a text of nothing but line breaks costs no
     * memory); problems named as {@code source:line}.
     */
    public static List<Event.Recorded> read(String text, String source) {
        List<Event.Recorded> events = new ArrayList<>();
        java.util.Iterator<String> lines = text.lines().iterator();
        for (int k = 0; lines.hasNext(); k++) {
            String line = lines.next().strip();
            if (line.isEmpty()) {
                continue;
            }
            Event.Recorded r;
            try {
                r = EventFormat.read(line);
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("event format version")) {
                    throw new InputException(new SourceLocation(source, k + 1), null, e.getMessage());
                }
                r = null;
            } catch (RuntimeException e) {
                r = null;
            }
            if (r == null || r.event() == null || r.actor() == null || r.wallTime() == null || r.scenarioTime() == null) {
                throw new InputException(new SourceLocation(source, k + 1), null, "is not an event of the log");
            }
            if (r.sequence() != events.size() + 1) {
                throw new InputException(new SourceLocation(source, k + 1), null, "event " + (events.size() + 1)
                        + " has sequence " + r.sequence() + " (events missing or out of order)");
            }
            events.add(r);
        }
        return events;
    }
}
