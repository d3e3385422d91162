package org.spacettx.exercise.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.MapNode;

/** The assessment questions, their types, options and the cells asked. */
final class QuestionsReader {

    private final ReadContext ctx;

    QuestionsReader(ReadContext ctx) {
        this.ctx = ctx;
    }

    List<Question> read(MapNode root, List<Move> moves, List<Cell> cells, List<SpaceObject> objects) {
        List<Question> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (MapNode m : ctx.items(root, "questions", false, "a question", "questions[]")) {
            String id = ctx.string(m, "id", "");
            if (!ids.add(id)) {
                ctx.error(m, "question id '" + id + "' is used twice");
            }
            String move = ctx.string(m, "move", "");
            if (moves.stream().noneMatch(mv -> mv.id().equals(move))) {
                ctx.error(m.entries().getOrDefault("move", m), "move '" + move + "' is not defined in 'moves'");
            }
            String typeText = ctx.string(m, "type", "").toUpperCase(Locale.ROOT).replace('-', '_');
            Question.Type type;
            try {
                type = Question.Type.valueOf(typeText.equals("CHOICE") ? "SINGLE" : typeText);
            } catch (IllegalArgumentException e) {
                ctx.error(m.entries().getOrDefault("type", m), "question type '" + typeText.toLowerCase(Locale.ROOT)
                        + "' is not probability, scale, single, multiple, number or text");
                type = Question.Type.TEXT;
            }
            List<Question.Option> options = new ArrayList<>();
            Set<String> optionIds = new HashSet<>();
            for (MapNode om : ctx.items(m, "options", false, "an option", "questions[].options[]")) {
                String oid = ctx.string(om, "id", "");
                if (!optionIds.add(oid)) {
                    ctx.error(om, "option id '" + oid + "' is used twice");
                }
                options.add(new Question.Option(oid, ctx.text(om, "text", true)));
            }
            boolean choice = type == Question.Type.SINGLE || type == Question.Type.MULTIPLE;
            if (choice && options.size() < 2) {
                ctx.error(m, "a " + type.name().toLowerCase(Locale.ROOT) + " question needs at least two options");
            }
            if (!choice && !options.isEmpty()) {
                ctx.error(m.entries().get("options"), "only single and multiple questions have options");
            }
            if (type == Question.Type.NUMBER && ctx.string(m, "unit", "").isEmpty()) {
                ctx.error(m, "a number question needs a 'unit' (km, days, %...)");
            }
            List<String> askedCells = ctx.strings(m, "cells");
            if (askedCells.isEmpty()) {
                askedCells = cells.stream().filter(c -> c.kind() == Cell.Kind.BLUE).map(Cell::id).toList();
            }
            for (String c : askedCells) {
                if (cells.stream().noneMatch(cell -> cell.id().equals(c))) {
                    ctx.error(m.entries().getOrDefault("cells", m), "cell '" + c + "' is not defined in 'cells'");
                }
            }
            List<String> picture = ctx.strings(m, "picture");
            for (String o : picture) {
                if (objects.stream().noneMatch(x -> x.id().equals(o))) {
                    ctx.error(m.entries().getOrDefault("picture", m), "object '" + o + "' is not defined in 'objects'");
                }
            }
            out.add(new Question(id, move, type, ctx.text(m, "text", true), options, ctx.string(m, "unit", ""), askedCells, picture));
        }
        return out;
    }
}
