package org.spacettx.exercise.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.MapNode;

/** The cells: exactly one control cell; delegations and red cells with a nation. */
final class CellsReader {

    private final ReadContext ctx;

    CellsReader(ReadContext ctx) {
        this.ctx = ctx;
    }

    List<Cell> read(MapNode root) {
        List<Cell> cells = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int controls = 0;
        for (MapNode m : ctx.items(root, "cells", true, "a cell", "cells[]")) {
            String id = ctx.string(m, "id", "");
            if (!ids.add(id)) {
                ctx.error(m, "cell id '" + id + "' is used twice");
            }
            String kindText = ctx.string(m, "kind", "").toLowerCase(Locale.ROOT);
            Cell.Kind kind;
            switch (kindText) {
                case "control", "white" -> kind = Cell.Kind.CONTROL;
                case "blue", "delegation" -> kind = Cell.Kind.BLUE;
                case "red" -> kind = Cell.Kind.RED;
                case "observer", "observers" -> kind = Cell.Kind.OBSERVER;
                default -> {
                    ctx.error(m.entries().getOrDefault("kind", m), "cell kind '" + kindText + "' is not control, blue, red or observer");
                    kind = Cell.Kind.BLUE;
                }
            }
            String nation = ctx.string(m, "nation", "").toUpperCase(Locale.ROOT);
            if ((kind == Cell.Kind.BLUE || kind == Cell.Kind.RED) && !nation.matches("[A-Z]{3}")) {
                ctx.error(m.entries().getOrDefault("nation", m), "a " + kind.name().toLowerCase(Locale.ROOT)
                        + " cell needs a 3-letter nation code (KOR, USA...)");
            }
            controls += kind == Cell.Kind.CONTROL ? 1 : 0;
            cells.add(new Cell(id, ctx.text(m, "name", false), nation, kind));
        }
        if (controls != 1 && !cells.isEmpty()) {
            ctx.error(root.entries().get("cells"), "an exercise needs exactly one control cell, found " + controls);
        }
        return cells;
    }
}
