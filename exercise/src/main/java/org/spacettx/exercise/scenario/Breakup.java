package org.spacettx.exercise.scenario;

import java.time.Instant;
import java.util.List;

import org.spacettx.orbit.breakup.BreakupModel;
import org.spacettx.orbit.catalog.ElementSet;

/**
 * A breakup of a scenario object by the NASA Standard Breakup Model (an anti-satellite intercept is a collision; an
 * explosion is the other kind): the object is destroyed at {@code time} and its fragments at least
 * {@code minSizeM} long that stay in orbit fly on from there.
 *
 * @param sizesM     each fragment's characteristic length (m), in the order of {@code fragments}: what sensors detect it by
 * @param notInOrbit fragments made that re-entered at once or escaped (not among {@code fragments})
 */
public record Breakup(String id, Text name, String object, Instant time, BreakupModel.Event event, double minSizeM, long seed,
                      List<ElementSet> fragments, List<Double> sizesM, int notInOrbit) {

    public Breakup {
        fragments = List.copyOf(fragments);
        sizesM = List.copyOf(sizesM);
        if (sizesM.size() != fragments.size()) {
            throw new IllegalArgumentException("one size per fragment");
        }
    }
}
