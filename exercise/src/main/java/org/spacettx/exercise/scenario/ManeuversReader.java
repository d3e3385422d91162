package org.spacettx.exercise.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.MapNode;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.maneuver.Impulse;
import org.spacettx.orbit.maneuver.Rendezvous;

/**
 * The manoeuvres: a burn (Δv in the object's radial, along-track and cross-track directions), or an approach that
 * the proximity-operations planner turns into two burns. Taken in time order (a burn at its time, an approach at its
 * arrival); each object then follows the element set fitted after each of its burns.
 */
final class ManeuversReader {

    /** Largest range an approach aims at, km: beyond it, it is not a proximity operation. */
    static final double MAX_RANGE_KM = 1000;

    private final ReadContext ctx;
    private final OrekitData data;

    /** What an approach is planned from. */
    private record PlanInputs(org.spacettx.orbit.catalog.ElementSet chaser, org.spacettx.orbit.catalog.ElementSet target,
                              Instant arrive, double rangeKm, Instant departAfter, OrekitData data) {
    }

    private static final Memo<PlanInputs, Rendezvous.Plan> PLANS = new Memo<>(32);

    ManeuversReader(ReadContext ctx, OrekitData data) {
        this.ctx = ctx;
        this.data = data;
    }

    /** One entry, read but not yet applied. */
    private record Entry(MapNode node, String id, String object, Instant when, MapNode burn, MapNode approach) {
    }

    /** Reads the manoeuvres and replaces, in {@code objects}, each object that manoeuvres by the object following them. */
    List<Maneuver> read(MapNode root, List<SpaceObject> objects, Instant start, Instant end) {
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (MapNode m : ctx.items(root, "maneuvers", false, "a manoeuvre", "maneuvers[]")) {
            String id = ctx.string(m, "id", "");
            if (!ids.add(id)) {
                ctx.error(m, "manoeuvre id '" + id + "' is used twice");
            }
            String object = ctx.string(m, "object", "");
            if (objects.stream().noneMatch(o -> o.id().equals(object))) {
                ctx.error(m.entries().getOrDefault("object", m), "object '" + object + "' is not defined in 'objects'");
                continue;
            }
            boolean isBurn = m.entries().containsKey("burn");
            if (isBurn == m.entries().containsKey("approach")) {
                ctx.error(m, "a manoeuvre needs exactly one of burn or approach");
                continue;
            }
            MapNode def = ctx.map(m.entries().get(isBurn ? "burn" : "approach"), isBurn ? "burn" : "approach");
            if (def == null) {
                continue;
            }
            ctx.keys(def, isBurn ? "maneuvers[].burn" : "maneuvers[].approach");
            Instant when = ctx.instant(def, isBurn ? "time" : "arrive", true);
            if (when == null) {
                continue;
            }
            if (start != null && end != null && (when.isBefore(start) || when.isAfter(end))) {
                ctx.error(def.entries().get(isBurn ? "time" : "arrive"), "manoeuvre " + id + " is outside the scenario ("
                        + start + " to " + end + ")");
                continue;
            }
            entries.add(new Entry(m, id, object, when, isBurn ? def : null, isBurn ? null : def));
        }
        entries.sort(Comparator.comparing(Entry::when));
        List<Maneuver> out = new ArrayList<>();
        for (Entry e : entries) {
            int index = indexOf(objects, e.object());
            SpaceObject o = objects.get(index);
            try {
                Maneuver done = e.burn() != null ? burn(e, o) : approach(e, o, objects, start);
                if (done == null) {
                    continue;
                }
                for (org.spacettx.orbit.catalog.ElementSet after : done.after()) {
                    o = o.thenFollowing(after);
                }
                objects.set(index, o);
                out.add(done);
            } catch (IllegalArgumentException | org.orekit.errors.OrekitException
                     | org.spacettx.orbit.propagate.PropagationException ex) {
                ctx.error(e.burn() != null ? e.burn() : e.approach(), "manoeuvre " + e.id() + " cannot be flown: " + ex.getMessage());
            }
        }
        out.sort(Comparator.comparing(Maneuver::time));
        return out;
    }

    private Maneuver burn(Entry e, SpaceObject o) {
        MapNode b = e.burn();
        if (!o.inOrbitAt(e.when())) {
            ctx.error(b.entries().get("time"), "object '" + o.id() + "' is not in orbit at " + e.when());
            return null;
        }
        Impulse impulse = new Impulse(e.when(), ctx.number(b, "radial_m_s", 0.0), ctx.number(b, "along_track_m_s", 0.0),
                ctx.number(b, "cross_track_m_s", 0.0));
        if (!(impulse.magnitudeMS() > 0) || impulse.magnitudeMS() > 5000) {
            ctx.error(b, String.format(Locale.ROOT, "a burn needs a Δv above 0 and at most 5000 m/s (this one: %.1f)",
                    impulse.magnitudeMS()));
            return null;
        }
        return new Maneuver(e.id(), o.id(), List.of(impulse), List.of(impulse.applyTo(o.elementsAt(e.when()), data)), "", null, 0, 0);
    }

    /**
     * Plans the approach on the element sets the chaser and the target follow at arrival; the burns must come after
     * the chaser's earlier manoeuvres, and the plan's Δv within {@code max_dv_m_s} when given.
     */
    private Maneuver approach(Entry e, SpaceObject chaser, List<SpaceObject> objects, Instant start) {
        MapNode a = e.approach();
        String targetId = ctx.string(a, "target", "");
        int t = indexOf(objects, targetId);
        if (t < 0 || targetId.equals(chaser.id())) {
            ctx.error(a.entries().getOrDefault("target", a), targetId.equals(chaser.id()) ? "an object cannot approach itself"
                    : "object '" + targetId + "' is not defined in 'objects'");
            return null;
        }
        SpaceObject target = objects.get(t);
        double rangeKm = ctx.number(a, "range_km", 0.0);
        if (!(rangeKm > 0) || rangeKm > MAX_RANGE_KM) {
            ctx.error(a.entries().getOrDefault("range_km", a), "range_km must be above 0 and at most " + MAX_RANGE_KM);
            return null;
        }
        if (!target.inOrbitAt(e.when())) {
            ctx.error(a.entries().get("arrive"), "object '" + targetId + "' is not in orbit at " + e.when());
            return null;
        }
        Instant departAfter = a.entries().containsKey("depart_after") ? ctx.instant(a, "depart_after", false) : null;
        if (departAfter != null && !departAfter.isBefore(e.when())) {
            ctx.error(a.entries().get("depart_after"), "depart_after must be before the arrival (" + e.when() + ")");
            return null;
        }
        Rendezvous.Plan plan;
        try {
            plan = PLANS.get(new PlanInputs(chaser.elementsAt(e.when()), target.elementsAt(e.when()), e.when(), rangeKm, departAfter,
                    data), in -> Rendezvous.plan(in.chaser(), in.target(), in.arrive(), in.rangeKm(), in.departAfter(), in.data()));
        } catch (IllegalArgumentException x) {
            ctx.error(a.entries().get("arrive"), x.getMessage());
            return null;
        }
        Instant depart = plan.departure().time();
        Instant earliest = chaser.later().isEmpty() ? chaser.inOrbitFrom() : chaser.later().get(chaser.later().size() - 1).epoch();
        if (start != null && depart.isBefore(start) || earliest != null && depart.isBefore(earliest)) {
            ctx.error(a.entries().get("arrive"), "the approach's first burn would be at " + depart + ", before "
                    + (earliest != null && depart.isBefore(earliest) ? "the object is in orbit or ends its previous manoeuvre ("
                    + earliest + ")" : "the scenario starts") + "; arrive later");
            return null;
        }
        Double maxDv = ctx.number(a, "max_dv_m_s", null);
        if (maxDv != null && plan.totalDvMS() > maxDv) {
            ctx.error(a.entries().get("max_dv_m_s"), String.format(Locale.ROOT,
                    "the approach needs %.1f m/s, more than max_dv_m_s %.1f", plan.totalDvMS(), maxDv));
            return null;
        }
        return new Maneuver(e.id(), chaser.id(), List.of(plan.departure(), plan.arrival()),
                List.of(plan.afterDeparture(), plan.afterArrival()), targetId, e.when(), rangeKm, plan.missM());
    }

    private static int indexOf(List<SpaceObject> objects, String id) {
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
