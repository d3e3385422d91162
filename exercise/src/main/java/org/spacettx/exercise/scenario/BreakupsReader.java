package org.spacettx.exercise.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.MapNode;
import org.spacettx.orbit.breakup.BreakupModel;
import org.spacettx.orbit.breakup.FragmentElements;
import org.spacettx.orbit.data.OrekitData;

/**
 * The breakups: a scenario object broken up by the NASA Standard Breakup Model at a time (a collision, as by an
 * anti-satellite interceptor, or an explosion). The object is destroyed then (cratered only, and flying on, by a
 * collision that is not catastrophic), and its fragments join the picture.
 */
final class BreakupsReader {

    /**
     * Most fragments a scenario's breakup may have: the picture, the triggers and the console carry every one (a
     * Cosmos 1408-like intercept down to 10 cm gives about 1,500). Larger clouds are for {@code spacettx breakup}.
     */
    static final int MAX_FRAGMENTS = 10_000;
    /** The catalog numbers of breakup k's fragments start here (alpha-5 numbers, clear of real objects). */
    static final int FIRST_FRAGMENT_NORAD = 300_000;

    private final ReadContext ctx;
    private final OrekitData data;

    /** What a breakup's fragments are computed from. */
    private record CloudInputs(org.spacettx.orbit.catalog.ElementSet parent, Instant time, BreakupModel.Event event, double minSizeM,
                               long seed, double countFactor, int firstNorad, OrekitData data) {
    }

    private static final Memo<CloudInputs, FragmentElements.Result> CLOUDS = new Memo<>(16);

    BreakupsReader(ReadContext ctx, OrekitData data) {
        this.ctx = ctx;
        this.data = data;
    }

    /** Reads the breakups and marks, in {@code objects}, each object broken up whole as destroyed at that time. */
    List<Breakup> read(MapNode root, List<SpaceObject> objects, List<Maneuver> maneuvers, Instant start, Instant end) {
        List<Breakup> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<Integer> norads = new HashSet<>();
        objects.forEach(o -> norads.add(o.elements().noradId()));
        for (MapNode m : ctx.items(root, "breakups", false, "a breakup", "breakups[]")) {
            String id = ctx.string(m, "id", "");
            if (!ids.add(id)) {
                ctx.error(m, "breakup id '" + id + "' is used twice");
            }
            String objectId = ctx.string(m, "object", "");
            int index = -1;
            for (int i = 0; i < objects.size(); i++) {
                if (objects.get(i).id().equals(objectId)) {
                    index = i;
                }
            }
            Instant time = ctx.instant(m, "time", true);
            if (index < 0) {
                ctx.error(m.entries().getOrDefault("object", m), "object '" + objectId + "' is not defined in 'objects'");
                continue;
            }
            SpaceObject parent = objects.get(index);
            if (time == null) {
                continue;
            }
            if (start != null && end != null && (time.isBefore(start) || time.isAfter(end))) {
                ctx.error(m.entries().get("time"), "breakup " + id + " is outside the scenario (" + start + " to " + end + ")");
                continue;
            }
            if (!parent.inOrbitAt(time)) {
                ctx.error(m.entries().get("time"), "object '" + objectId + "' is not in orbit at " + time
                        + (parent.destroyedAt() != null ? " (an earlier breakup destroyed it)" : ""));
                continue;
            }
            BreakupModel.Event event = event(m);
            // a collision that is not catastrophic craters the target, which flies on as one body
            boolean destroys = !(event instanceof BreakupModel.Collision c) || c.catastrophic();
            if (destroys) {
                maneuvers.stream().filter(x -> x.object().equals(objectId) && x.burns().get(x.burns().size() - 1).time().isAfter(time))
                        .findFirst().ifPresent(x -> ctx.error(m.entries().get("time"), "object '" + objectId + "' manoeuvres ("
                                + x.id() + ") after this breakup destroys it"));
            }
            Double minSize = ctx.number(m, "min_size_m", null);
            if (event == null || minSize == null) {
                continue;
            }
            if (!(minSize > 0) || minSize > 10) {
                ctx.error(m.entries().get("min_size_m"), "min_size_m must be above 0 and at most 10");
                continue;
            }
            double countFactor = ctx.number(m, "count_factor", 1.0);
            if (!(countFactor > 0) || countFactor > BreakupModel.MAX_COUNT_FACTOR) {
                ctx.error(m.entries().get("count_factor"), "count_factor must be above 0 and at most " + (int) BreakupModel.MAX_COUNT_FACTOR);
                continue;
            }
            double expected = countFactor * BreakupModel.cumulativeCount(event, minSize);
            if (expected > MAX_FRAGMENTS) {
                ctx.error(m.entries().get("min_size_m"), String.format(Locale.ROOT, "the model expects %.0f fragments of at least"
                        + " %s m; a scenario's breakup holds up to %d (raise min_size_m; spacettx breakup makes larger clouds)",
                        expected, minSize, MAX_FRAGMENTS));
                continue;
            }
            int firstNorad = (int) Math.round(ctx.number(m, "first_norad", (double) (FIRST_FRAGMENT_NORAD + out.size() * MAX_FRAGMENTS)));
            long seed = Math.round(ctx.number(m, "seed", 1.0));
            FragmentElements.Result fragments;
            try {
                fragments = CLOUDS.get(new CloudInputs(parent.elementsAt(time), time, event, minSize, seed, countFactor, firstNorad, data),
                        in -> FragmentElements.of(in.parent(), in.time(), BreakupModel.breakUp(in.event(), in.minSizeM(), in.seed(),
                                in.countFactor()), in.firstNorad(), in.data()));
            } catch (IllegalArgumentException | org.spacettx.orbit.propagate.PropagationException e) {
                ctx.error(m, "breakup " + id + " cannot be computed: " + e.getMessage());
                continue;
            }
            boolean clash = false;
            for (var f : fragments.elementSets()) {
                if (!norads.add(f.noradId())) {
                    clash = true;
                }
            }
            if (clash) {
                ctx.error(m.entries().getOrDefault("first_norad", m), "the fragments' catalog numbers (from " + firstNorad
                        + ") clash with other objects or fragments; set first_norad");
                continue;
            }
            Text name = m.entries().containsKey("name") ? ctx.text(m, "name", false)
                    : Text.of(parent.name().en() + " debris", parent.name().ko() + " 파편");
            if (destroys) {
                objects.set(index, parent.destroyedAt(time));
            }
            out.add(new Breakup(id, name, objectId, time, event, minSize, seed, fragments.elementSets(), fragments.lengthsM(),
                    fragments.notInOrbit()));
        }
        return out;
    }

    /** The collision or explosion, with the parent's mass and length (the model's density law when not given). */
    private BreakupModel.Event event(MapNode m) {
        String kind = ctx.string(m, "kind", "");
        boolean collision = kind.equals("collision");
        if (!collision && !kind.equals("explosion")) {
            ctx.error(m.entries().getOrDefault("kind", m), "kind must be collision or explosion");
            return null;
        }
        for (String key : collision ? List.of("scale") : List.of("impactor_mass_kg", "impact_speed_km_s")) {
            if (m.entries().containsKey(key)) {
                ctx.error(m.entries().get(key), "'" + key + "' is for " + (collision ? "explosions" : "collisions"));
            }
        }
        Double mass = ctx.number(m, "parent_mass_kg", null);
        if (mass == null) {
            return null;
        }
        if (!(mass > 0) || mass > 1e6) {
            ctx.error(m.entries().get("parent_mass_kg"), "parent_mass_kg must be above 0 and at most 1,000,000");
            return null;
        }
        double length = ctx.number(m, "parent_length_m", BreakupModel.Parent.lengthFromMass(mass));
        boolean rocketBody = "true".equalsIgnoreCase(ctx.string(m, "rocket_body", "false"));
        try {
            BreakupModel.Parent parent = new BreakupModel.Parent(mass, length, rocketBody);
            if (!collision) {
                double scale = ctx.number(m, "scale", 1.0);
                if (!(scale > 0) || scale > 100) {
                    ctx.error(m.entries().get("scale"), "scale must be above 0 and at most 100");
                    return null;
                }
                return new BreakupModel.Explosion(parent, scale);
            }
            double impactor = ctx.number(m, "impactor_mass_kg", 0.0);
            double speed = ctx.number(m, "impact_speed_km_s", 0.0);
            if (!(impactor > 0) || !(speed > 0) || speed > 30) {
                ctx.error(m, "a collision needs impactor_mass_kg above 0 and impact_speed_km_s above 0 and at most 30");
                return null;
            }
            return new BreakupModel.Collision(parent, impactor, speed);
        } catch (IllegalArgumentException e) {
            ctx.error(m, e.getMessage());
            return null;
        }
    }
}
