package org.spacettx.exercise.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * An object in the scenario's space picture, with the element set it resolves to, the nation it belongs to in the
 * scenario, its sensor model (if it images) and how it was defined (for the record and for exports).
 *
 * @param sensorSpec  sensor model specification, or empty when the object does not image
 * @param source      "catalog", "tle", "elements" or "launch"
 * @param launchTime  for a launched object, the lift-off time (the object exists only from then on), else null
 * @param later       the element sets it follows after its manoeuvres, each from its epoch (the burn) on
 * @param destroyedAt when a breakup destroys it (it exists only until then), else null
 * @param sizeM       its characteristic size (m), what the cells' sensors detect it by
 */
public record SpaceObject(String id, Text name, String nation, ElementSet elements, String sensorSpec, String source,
                          Instant launchTime, List<ElementSet> later, Instant destroyedAt, double sizeM) {

    public SpaceObject {
        later = List.copyOf(later);
        if (!(sizeM > 0)) {
            throw new IllegalArgumentException("an object's size is positive");
        }
    }

    public SpaceObject(String id, Text name, String nation, ElementSet elements, String sensorSpec, String source,
                       Instant launchTime, double sizeM) {
        this(id, name, nation, elements, sensorSpec, source, launchTime, List.of(), null, sizeM);
    }

    /** From when the object is in orbit: its insertion (the epoch of its elements) for a launched object. */
    public Instant inOrbitFrom() {
        return launchTime == null ? null : elements.epoch();
    }

    /** Whether it is in orbit at a time: inserted (if launched) and not yet destroyed. */
    public boolean inOrbitAt(Instant time) {
        return (inOrbitFrom() == null || !time.isBefore(inOrbitFrom())) && (destroyedAt == null || time.isBefore(destroyedAt));
    }

    /** Its element sets in order: the first, then one after each manoeuvre. */
    public List<ElementSet> segments() {
        List<ElementSet> all = new ArrayList<>(later.size() + 1);
        all.add(elements);
        all.addAll(later);
        return all;
    }

    /** The element set it follows at a time. */
    public ElementSet elementsAt(Instant time) {
        return ElementSet.inForce(segments(), time);
    }

    /** Its propagator, switching element sets at its manoeuvres. */
    public Sgp4 propagator(OrekitData data) {
        return Sgp4.of(segments(), data);
    }

    /**
     * The object as it could be known at a time: its manoeuvres made by then (later ones not yet: ahead of that time it
     * is predicted on the element set then in force) and its end only if it has come. Null: as it is.
     */
    public SpaceObject asKnownAt(Instant time) {
        if (time == null) {
            return this;
        }
        List<ElementSet> made = later.stream().filter(e -> !e.epoch().isAfter(time)).toList();
        Instant end = destroyedAt != null && !destroyedAt.isAfter(time) ? destroyedAt : null;
        return made.size() == later.size() && end == destroyedAt ? this
                : new SpaceObject(id, name, nation, elements, sensorSpec, source, launchTime, made, end, sizeM);
    }

    /**
     * The object as a delegation holds it at {@code now} after its latest fix at {@code fix}: the manoeuvres made by
     * the fix (a later one it has not observed), its end if it has come by {@code now} (a breakup is seen by all).
     */
    public SpaceObject asTrackedAt(Instant fix, Instant now) {
        SpaceObject known = asKnownAt(fix);
        return destroyedAt != null && !destroyedAt.isAfter(now) && known.destroyedAt == null ? known.destroyedAt(destroyedAt) : known;
    }

    /** This object following one more element set from its epoch on (after a manoeuvre). */
    SpaceObject thenFollowing(ElementSet after) {
        List<ElementSet> more = new ArrayList<>(later);
        more.add(after);
        return new SpaceObject(id, name, nation, elements, sensorSpec, source, launchTime, more, destroyedAt, sizeM);
    }

    /** This object, destroyed at a time. */
    SpaceObject destroyedAt(Instant time) {
        return new SpaceObject(id, name, nation, elements, sensorSpec, source, launchTime, later, time, sizeM);
    }
}
