package org.spacettx.orbit.breakup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.propagation.analytical.tle.generation.FixedPointTleGenerationAlgorithm;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.ObjectInfo;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * The fragments of a breakup as element sets every reader here takes: the parent's state (SGP4, TEME) at the breakup,
 * each fragment's Δv added, and mean elements fitted to that state by Orekit's fixed-point TLE generation. A
 * fragment's B* comes from its area-to-mass ratio ({@code B* = Cd (A/m) ρ0 / 2}, Cd = 2.2, ρ0 = 0.15696615
 * kg/m²/Earth radius, SGP4's reference density). A fragment whose new orbit dips below 100 km, or that escapes, is not
 * in orbit and is left out (and counted).
 */
public final class FragmentElements {

    /** The element sets, and how many fragments did not stay in orbit. */
    public record Result(List<ElementSet> elementSets, int notInOrbit) {
    }

    static final double DRAG_COEFFICIENT = 2.2;
    static final double REFERENCE_DENSITY = 0.15696615;
    private static final double EARTH_RADIUS_KM = 6378.135;

    private FragmentElements() {
    }

    /**
     * Element sets for the fragments of {@code cloud}, broken from {@code parent} at {@code time}; they are numbered
     * from {@code firstNorad} and named after the parent ("NAME DEB").
     */
    public static Result of(ElementSet parent, Instant time, BreakupModel.Cloud cloud, int firstNorad, OrekitData data) {
        Sgp4 sgp4 = Sgp4.of(parent, data);
        CartesianState s = sgp4.teme(time);
        Vector3D position = new Vector3D(s.xKm() * 1000, s.yKm() * 1000, s.zKm() * 1000);
        Vector3D velocity = new Vector3D(s.vxKmS() * 1000, s.vyKmS() * 1000, s.vzKmS() * 1000);
        AbsoluteDate date = OrekitTle.toDate(time, data.utc());
        TLE parentTle = OrekitTle.toTle(parent, data.utc());
        FixedPointTleGenerationAlgorithm fit = new FixedPointTleGenerationAlgorithm(FixedPointTleGenerationAlgorithm.EPSILON_DEFAULT,
                FixedPointTleGenerationAlgorithm.MAX_ITERATIONS_DEFAULT, FixedPointTleGenerationAlgorithm.SCALE_DEFAULT,
                data.utc(), data.teme());
        String name = (parent.name().isBlank() ? String.valueOf(parent.noradId()) : parent.name().strip()) + " DEB";
        ObjectInfo info = new ObjectInfo("DEBRIS", parent.info() == null ? "" : parent.info().country());
        List<ElementSet> out = new ArrayList<>();
        int notInOrbit = 0;
        int norad = firstNorad;
        for (BreakupModel.Fragment f : cloud.fragments()) {
            Vector3D v = velocity.add(f.deltaV());
            double r = position.getNorm();
            double energy = v.getNormSq() / 2 - TLEPropagator.getMU() / r;
            CartesianOrbit orbit = new CartesianOrbit(new PVCoordinates(position, v), data.teme(), date, TLEPropagator.getMU());
            double perigeeKm = orbit.getA() * (1 - orbit.getE()) / 1000;
            if (energy >= 0 || perigeeKm < EARTH_RADIUS_KM + 100) {
                notInOrbit++;
                continue;
            }
            double bstar = DRAG_COEFFICIENT * f.areaToMass() * REFERENCE_DENSITY / 2;
            TLE template = new TLE(norad, 'U', parentTle.getLaunchYear(), parentTle.getLaunchNumber(), parentTle.getLaunchPiece(), 0, 999,
                    date, orbit.getKeplerianMeanMotion(), 0, 0, orbit.getE(), orbit.getI(), 0, 0, 0, 0, bstar, data.utc());
            TLE mean;
            try {
                mean = fit.generate(new SpacecraftState(orbit), template);
            } catch (RuntimeException e) {
                notInOrbit++; // no mean elements reproduce this state (SGP4 cannot fly it)
                continue;
            }
            out.add(OrekitTle.fromTle(mean, name, info, SourceLocation.of("breakup of " + parent.noradId() + " at " + time)));
            norad++;
        }
        return new Result(List.copyOf(out), notInOrbit);
    }
}
