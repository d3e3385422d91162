package org.spacettx.exercise.engine;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.spacettx.exercise.scenario.Cell;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * A rehearsal script: JSON lines (blank lines and lines starting with {@code #} are skipped), each either a command
 * <pre>{"wall": "+60", "actor": "kor", "command": {"type": "SubmitAnswer", ...}}</pre>
 * ({@code wall}: an ISO time, or "+N" seconds after the previous step; {@code actor}: a cell id, acting as that
 * cell's controller, player or observer) or a run of the clock
 * <pre>{"run_clock_until": "2023-11-21T12:00:00Z", "tick_seconds": 60}</pre>
 * (Tick commands by control every {@code tick_seconds} of wall time until the scenario clock reaches the time, or
 * "end").
 */
public final class Script {

    /** The outcome of running a script: every event recorded and every refused step. */
    public record Run(List<Event.Recorded> events, List<String> refusals) {
    }

    private Script() {
    }

    public static Run run(String text, String source, Exercise exercise, Instant startWall) {
        Scenario scenario = exercise.scenario();
        List<Event.Recorded> events = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Instant wall = startWall;
        java.util.Iterator<String> lines = text.lines().iterator(); // one at a time, never all at once
        for (int i = 0; lines.hasNext(); i++) {
            String line = lines.next().strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            SourceLocation at = new SourceLocation(source, i + 1);
            JsonNode step;
            try {
                step = Json.mapper().readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InputException(at, null, "is not a JSON object: " + InputException.excerpt(e.getOriginalMessage()));
            }
            if (step.has("run_clock_until")) {
                String until = step.get("run_clock_until").asText();
                Instant target = until.equals("end") ? scenario.end() : instant(until, at, "run_clock_until");
                long tick = step.path("tick_seconds").asLong(60);
                if (tick <= 0) {
                    throw new InputException(at, "tick_seconds", "must be positive");
                }
                if (!exercise.state().running()) {
                    throw new InputException(at, "run_clock_until", "the clock is not running: start it first");
                }
                Actor control = actor("control", scenario, at);
                int guard = 0;
                while (exercise.state().scenarioTimeAt(wall).isBefore(target) && !exercise.state().ended()) {
                    wall = wall.plusSeconds(tick);
                    collect(exercise.handle(control, wall, new Command.Tick()), events, refusals, at);
                    if (++guard > 1_000_000) {
                        throw new InputException(at, "run_clock_until", "the clock does not reach " + target + "; is it running?");
                    }
                }
                continue;
            }
            if (!step.has("actor") || !step.has("command")) {
                throw new InputException(at, null, "a step needs 'actor' and 'command', or 'run_clock_until'");
            }
            String wallText = step.path("wall").asText("+0");
            wall = wallText.startsWith("+") ? wall.plusSeconds(Long.parseLong(wallText.substring(1)))
                    : instant(wallText, at, "wall");
            Command command;
            try {
                command = Json.mapper().treeToValue(step.get("command"), Command.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                throw new InputException(at, "command", e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                        ? j.getOriginalMessage() : e.getMessage());
            }
            collect(exercise.handle(actor(step.get("actor").asText(), scenario, at), wall, command), events, refusals, at);
        }
        return new Run(events, refusals);
    }

    private static void collect(Outcome o, List<Event.Recorded> events, List<String> refusals, SourceLocation at) {
        switch (o) {
            case Outcome.Accepted a -> events.addAll(a.events());
            case Outcome.Rejected r -> refusals.add(at + ": refused: " + r.reason());
        }
    }

    private static Actor actor(String cellId, Scenario scenario, SourceLocation at) {
        Cell cell = scenario.cell(cellId).orElseThrow(() -> new InputException(at, "actor", "cell '" + cellId
                + "' is not in the scenario"));
        Actor.Role role = switch (cell.kind()) {
            case CONTROL -> Actor.Role.CONTROLLER;
            case BLUE, RED -> Actor.Role.PLAYER;
            case OBSERVER -> Actor.Role.OBSERVER;
        };
        return new Actor(cellId + "-script", role, cellId, cell.nation());
    }

    private static Instant instant(String text, SourceLocation at, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InputException(at, field, "'" + text + "' is not an ISO-8601 UTC time or end");
        }
    }
}
