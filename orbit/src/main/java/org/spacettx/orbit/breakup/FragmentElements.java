package org.spacettx.orbit.breakup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.ObjectInfo;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.propagate.Sgp4;
import org.spacettx.orbit.propagate.StateFit;

/**
 * The fragments of a breakup as element sets every reader here takes: the parent's state (SGP4, TEME) at the breakup,
 * each fragment's Δv added, and mean elements fitted to that state ({@link StateFit}). A
 * fragment's B* comes from its area-to-mass ratio ({@code B* = Cd (A/m) ρ0 / 2}, Cd = 2.2, ρ0 = 0.15696615
 * kg/m²/Earth radius, SGP4's reference density). A fragment whose new orbit dips below 100 km, or that escapes, is not
 * in orbit and is left out (and counted).
 */
public final class FragmentElements {

    /**
     * The element sets, each fragment's characteristic length (m, in the same order), and how many fragments did not
     * stay in orbit.
     */
    public record Result(List<ElementSet> elementSets, List<Double> lengthsM, int notInOrbit) {
        public Result {
            elementSets = List.copyOf(elementSets);
            lengthsM = List.copyOf(lengthsM);
            if (lengthsM.size() != elementSets.size()) {
                throw new IllegalArgumentException("one length per fragment");
            }
        }
    }

    static final double DRAG_COEFFICIENT = 2.2;
    static final double REFERENCE_DENSITY = 0.15696615;

    private FragmentElements() {
    }

    /**
     * Element sets for the fragments of {@code cloud}, broken from {@code parent} at {@code time}; they are numbered
     * from {@code firstNorad} and named after the parent ("NAME DEB").
     */
    public static Result of(ElementSet parent, Instant time, BreakupModel.Cloud cloud, int firstNorad, OrekitData data) {
        Vector3D[] state = StateFit.vectors(Sgp4.of(parent, data).teme(time));
        String name = (parent.name().isBlank() ? String.valueOf(parent.noradId()) : parent.name().strip()) + " DEB";
        ObjectInfo info = new ObjectInfo("DEBRIS", parent.info() == null ? "" : parent.info().country());
        SourceLocation source = SourceLocation.of("breakup of " + parent.noradId() + " at " + time);
        List<ElementSet> out = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        int notInOrbit = 0;
        int norad = firstNorad;
        for (BreakupModel.Fragment f : cloud.fragments()) {
            double bstar = DRAG_COEFFICIENT * f.areaToMass() * REFERENCE_DENSITY / 2;
            try {
                out.add(StateFit.fit(time, state[0], state[1].add(f.deltaV()), parent, norad, name, info, bstar, source, data));
                lengths.add(f.lengthM());
                norad++;
            } catch (IllegalArgumentException e) {
                notInOrbit++; // escapes, re-enters at once, or SGP4 cannot fly it
            }
        }
        return new Result(out, lengths, notInOrbit);
    }
}
