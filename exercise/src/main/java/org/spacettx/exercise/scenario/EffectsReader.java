package org.spacettx.exercise.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.MapNode;
import org.spacettx.orbit.effects.GroundJammer;
import org.spacettx.orbit.effects.UplinkJammer;
import org.spacettx.orbit.geo.Site;

/** The effects: ground and uplink jammers and lasers, each at a position, active over a span of the scenario. */
final class EffectsReader {

    private final ReadContext ctx;

    EffectsReader(ReadContext ctx) {
        this.ctx = ctx;
    }

    List<Effect> read(MapNode root, List<SpaceObject> objects, Instant start, Instant end) {
        List<Effect> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (MapNode m : ctx.items(root, "effects", false, "an effect", "effects[]")) {
            String id = ctx.string(m, "id", "");
            if (!ids.add(id)) {
                ctx.error(m, "effect id '" + id + "' is used twice");
            }
            Text name = m.entries().containsKey("name") ? ctx.text(m, "name", false) : Text.of(id, id);
            String nation = ctx.string(m, "nation", "").toUpperCase(Locale.ROOT);
            Instant from = ctx.instant(m, "from", true);
            Instant to = ctx.instant(m, "to", true);
            if (from != null && to != null && !to.isAfter(from)) {
                ctx.error(m.entries().get("to"), "effect " + id + " ends before it starts");
            }
            if (from != null && start != null && end != null && (from.isBefore(start) || from.isAfter(end))) {
                ctx.error(m.entries().get("from"), "effect " + id + " starts outside the scenario (" + start + " to " + end + ")");
            }
            Site site;
            try {
                site = new Site(name.en(), ctx.number(m, "lat", 0.0), ctx.number(m, "lon", 0.0), 0, nation, "effect");
            } catch (IllegalArgumentException e) {
                ctx.error(m, e.getMessage());
                continue;
            }
            String kind = ctx.string(m, "kind", "");
            String object = ctx.string(m, "object", "");
            boolean needsObject = kind.equals("uplink_jammer") || kind.equals("laser");
            SpaceObject target = objects.stream().filter(o -> o.id().equals(object)).findFirst().orElse(null);
            if (needsObject && target == null) {
                ctx.error(m.entries().getOrDefault("object", m), "object '" + object + "' is not defined in 'objects'");
                continue;
            }
            if (!needsObject && !object.isEmpty()) {
                ctx.error(m.entries().get("object"), "a ground jammer jams receivers on the ground, not an object");
            }
            if (from == null || to == null) {
                continue;
            }
            try {
                switch (kind) {
                    case "ground_jammer" -> {
                        GroundJammer jammer = new GroundJammer(ctx.number(m, "eirp_dbw", 0.0), ctx.number(m, "frequency_mhz", 0.0),
                                ctx.number(m, "mast_m", 10.0));
                        GroundJammer.Receivers receivers = new GroundJammer.Receivers(ctx.number(m, "signal_dbw", -160.0),
                                ctx.number(m, "tolerance_db", 30.0), ctx.number(m, "receiver_height_m", 2.0), ctx.number(m, "gain_dbi", 0.0));
                        out.add(new Effect.Ground(id, name, nation, site, from, to, jammer, receivers, jammer.reach(receivers)));
                    }
                    case "uplink_jammer" -> out.add(new Effect.Uplink(id, name, nation, site, from, to, object,
                            new UplinkJammer(ctx.number(m, "eirp_dbw", 0.0), ctx.number(m, "frequency_mhz", 0.0),
                                    ctx.number(m, "beam_deg", 20.0), ctx.number(m, "min_elevation", 10.0)),
                            ctx.number(m, "signal_dbw", -120.0)));
                    case "laser" -> {
                        if (target.sensorSpec().isEmpty() || !target.sensorSpec().startsWith("optical")) {
                            ctx.error(m.entries().get("object"), "object '" + object + "' has no optical sensor to dazzle");
                            continue;
                        }
                        out.add(new Effect.Laser(id, name, nation, site, from, to, object));
                    }
                    default -> ctx.error(m.entries().getOrDefault("kind", m), "kind must be ground_jammer, uplink_jammer or laser");
                }
            } catch (IllegalArgumentException e) {
                ctx.error(m, "effect " + id + ": " + e.getMessage());
            }
        }
        return out;
    }
}
