package org.spacettx.exercise.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.MapNode;

/** The objectives observers evaluate, with their criteria. */
final class ObjectivesReader {

    private final ReadContext ctx;

    ObjectivesReader(ReadContext ctx) {
        this.ctx = ctx;
    }

    List<Objective> read(MapNode root) {
        List<Objective> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (MapNode m : ctx.items(root, "objectives", false, "an objective", "objectives[]")) {
            String id = ctx.string(m, "id", "");
            if (!ids.add(id)) {
                ctx.error(m, "objective id '" + id + "' is used twice");
            }
            List<Text> criteria = new ArrayList<>();
            for (YamlNode c : ctx.list(m, "criteria", false)) {
                criteria.add(ctx.text(c));
            }
            out.add(new Objective(id, ctx.text(m, "title", true), criteria));
        }
        return out;
    }
}
