package org.spacettx.exercise.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.MapNode;
import org.spacettx.orbit.access.GroundSensor;
import org.spacettx.orbit.geo.Site;

/** The cells' sensors: ground radars and telescopes, each owned by a cell, with their stated performance. */
final class SensorsReader {

    private final ReadContext ctx;

    SensorsReader(ReadContext ctx) {
        this.ctx = ctx;
    }

    List<CellSensor> read(MapNode root, List<Cell> cells) {
        List<CellSensor> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (MapNode m : ctx.items(root, "sensors", false, "a sensor", "sensors[]")) {
            String id = ctx.string(m, "id", "");
            if (!ids.add(id)) {
                ctx.error(m, "sensor id '" + id + "' is used twice");
            }
            Text name = m.entries().containsKey("name") ? ctx.text(m, "name", false) : Text.of(id, id);
            String cell = ctx.string(m, "cell", "");
            Cell owner = cells.stream().filter(c -> c.id().equals(cell)).findFirst().orElse(null);
            if (owner == null) {
                ctx.error(m.entries().getOrDefault("cell", m), "cell '" + cell + "' is not defined in 'cells'");
                continue;
            }
            String kind = ctx.string(m, "kind", "");
            GroundSensor.Kind k = switch (kind) {
                case "radar" -> GroundSensor.Kind.RADAR;
                case "optical" -> GroundSensor.Kind.OPTICAL;
                default -> null;
            };
            if (k == null) {
                ctx.error(m.entries().getOrDefault("kind", m), "kind must be radar or optical");
                continue;
            }
            if (k == GroundSensor.Kind.RADAR && m.entries().containsKey("max_sun_elevation")) {
                ctx.error(m.entries().get("max_sun_elevation"), "a radar sees by day and by night: max_sun_elevation is for a telescope");
            }
            try {
                Site site = new Site(name.en(), ctx.number(m, "lat", 0.0), ctx.number(m, "lon", 0.0), ctx.number(m, "alt_m", 0.0),
                        owner.nation(), "sensor");
                if (m.entries().containsKey("azimuth_from") != m.entries().containsKey("azimuth_to")) {
                    ctx.error(m, "sensor " + id + ": azimuth_from and azimuth_to go together (the field of regard clockwise from one to the other)");
                    continue;
                }
                out.add(new CellSensor(id, name, cell, new GroundSensor(id, site, k, ctx.number(m, "min_elevation", 10.0),
                        ctx.number(m, "max_range_km", 0.0), ctx.number(m, "min_size_m", 0.0), ctx.number(m, "max_sun_elevation", -12.0),
                        ctx.number(m, "azimuth_from", 0.0), ctx.number(m, "azimuth_to", 360.0))));
            } catch (IllegalArgumentException e) {
                ctx.error(m, "sensor " + id + ": " + e.getMessage());
            }
        }
        return out;
    }
}
