package org.spacettx.exercise.scenario;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spacettx.exercise.scenario.YamlNode.MapNode;

/** The action items proposed to the working group. */
final class ActionItemsReader {

    private final ReadContext ctx;

    ActionItemsReader(ReadContext ctx) {
        this.ctx = ctx;
    }

    List<ActionItemSeed> read(MapNode root) {
        List<ActionItemSeed> out = new ArrayList<>();
        for (MapNode m : ctx.items(root, "action_items", false, "an action item", "action_items[]")) {
            LocalDate due = null;
            String dueText = ctx.string(m, "due", "");
            if (!dueText.isEmpty()) {
                try {
                    due = LocalDate.parse(dueText);
                } catch (DateTimeParseException e) {
                    ctx.error(m.entries().get("due"), "'" + dueText + "' is not a date like 2023-12-31");
                }
            }
            String owner = ctx.string(m, "owner", "").toUpperCase(Locale.ROOT);
            if (!owner.matches("[A-Z]{3}")) {
                ctx.error(m.entries().getOrDefault("owner", m), "owner must be a 3-letter nation code (KOR, USA...)");
            }
            out.add(new ActionItemSeed(ctx.string(m, "id", ""), ctx.text(m, "title", true), owner, due));
        }
        return out;
    }
}
