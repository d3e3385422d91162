package org.spacettx.exercise.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.MapNode;

/** The moves, in chronological order, each starting inside the scenario span. */
final class MovesReader {

    private final ReadContext ctx;

    MovesReader(ReadContext ctx) {
        this.ctx = ctx;
    }

    List<Move> read(MapNode root, Instant start, Instant end) {
        List<Move> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Instant previous = null;
        for (MapNode m : ctx.items(root, "moves", true, "a move", "moves[]")) {
            String id = ctx.string(m, "id", "");
            if (!ids.add(id)) {
                ctx.error(m, "move id '" + id + "' is used twice");
            }
            Instant moveStart = ctx.instant(m, "start", true);
            if (moveStart != null) {
                if (previous != null && !moveStart.isAfter(previous)) {
                    ctx.error(m.entries().get("start"), "move " + id + " starts at or before the previous move");
                }
                if (start != null && end != null && (moveStart.isBefore(start) || !moveStart.isBefore(end))) {
                    ctx.error(m.entries().get("start"), "move " + id + " starts outside the scenario (" + start + " to " + end + ")");
                }
                previous = moveStart;
            }
            out.add(new Move(id, ctx.text(m, "title", true), moveStart, ctx.text(m, "narrative", false)));
        }
        return out;
    }
}
