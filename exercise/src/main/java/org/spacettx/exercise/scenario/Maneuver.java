package org.spacettx.exercise.scenario;

import java.time.Instant;
import java.util.List;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.maneuver.Impulse;

/**
 * A manoeuvre of a scenario object: one burn, or the two burns of an approach that bring it {@code rangeKm} behind
 * {@code target} at {@code arrive}.
 *
 * @param after  the element set the object follows after each burn (fitted to the state the burn leaves)
 * @param target for an approach, the object approached, else empty
 * @param missM  for an approach, how far SGP4 puts the object from its aim point at arrival, m; else 0
 */
public record Maneuver(String id, String object, List<Impulse> burns, List<ElementSet> after, String target, Instant arrive,
                       double rangeKm, double missM) {

    public Maneuver {
        burns = List.copyOf(burns);
        after = List.copyOf(after);
        if (burns.isEmpty() || burns.size() != after.size()) {
            throw new IllegalArgumentException("a manoeuvre needs one element set after each of its burns");
        }
    }

    /** The first burn. */
    public Instant time() {
        return burns.get(0).time();
    }

    public double totalDvMS() {
        return burns.stream().mapToDouble(Impulse::magnitudeMS).sum();
    }

    public boolean approach() {
        return !target.isEmpty();
    }
}
