package org.spacettx.orbit.propagate;

import java.time.Instant;

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

/**
 * SGP4 mean elements whose state at their epoch is a given TEME state, by Orekit's fixed-point TLE generation: how a
 * state that SpaceTTX computes (after a manoeuvre, a fragment's ejection) becomes an element set again, so that the
 * SGP4 world continues. At the epoch SGP4 on the result gives the state back to well under a metre; away from it the
 * result follows SGP4's theory, not the true motion after the impulse.
 */
public final class StateFit {

    private StateFit() {
    }

    /** Whether a state is a closed orbit whose perigee stays above 100 km (else no element set is made). */
    public static boolean inOrbit(Vector3D positionM, Vector3D velocityMS) {
        double mu = TLEPropagator.getMU();
        double r = positionM.getNorm();
        double energy = velocityMS.getNormSq() / 2 - mu / r;
        if (energy >= 0) {
            return false;
        }
        double a = -mu / (2 * energy);
        double semiLatusOverA = Vector3D.crossProduct(positionM, velocityMS).getNormSq() / (mu * a); // 1 - e²
        double perigee = a * (1 - Math.sqrt(Math.max(0, 1 - semiLatusOverA)));
        return perigee / 1000 > 6378.135 + 100;
    }

    /**
     * The element set at {@code time} for a TEME state (m, m/s), numbered {@code norad}, named {@code name}, with the
     * international designator and classification of {@code like} and the given B*.
     *
     * @throws IllegalArgumentException when the state is not in orbit or no mean elements reproduce it
     */
    public static ElementSet fit(Instant time, Vector3D positionM, Vector3D velocityMS, ElementSet like, int norad, String name,
                                 ObjectInfo info, double bstar, SourceLocation source, OrekitData data) {
        if (!inOrbit(positionM, velocityMS)) {
            throw new IllegalArgumentException("the state is not in orbit (escapes, or its perigee is below 100 km)");
        }
        AbsoluteDate date = OrekitTle.toDate(time, data.utc());
        CartesianOrbit orbit = new CartesianOrbit(new PVCoordinates(positionM, velocityMS), data.teme(), date, TLEPropagator.getMU());
        TLE likeTle = OrekitTle.toTle(like, data.utc());
        TLE template = new TLE(norad, likeTle.getClassification(), likeTle.getLaunchYear(), likeTle.getLaunchNumber(),
                likeTle.getLaunchPiece(), 0, 999, date, orbit.getKeplerianMeanMotion(), 0, 0, orbit.getE(), orbit.getI(), 0, 0, 0,
                likeTle.getRevolutionNumberAtEpoch(), bstar, data.utc());
        TLE mean;
        try {
            mean = new FixedPointTleGenerationAlgorithm(FixedPointTleGenerationAlgorithm.EPSILON_DEFAULT,
                    FixedPointTleGenerationAlgorithm.MAX_ITERATIONS_DEFAULT, FixedPointTleGenerationAlgorithm.SCALE_DEFAULT,
                    data.utc(), data.teme()).generate(new SpacecraftState(orbit), template);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no SGP4 mean elements reproduce the state: " + e.getMessage(), e);
        }
        return OrekitTle.fromTle(mean, name, info, source);
    }

    /** A TEME state as vectors in metres and metres per second. */
    public static Vector3D[] vectors(CartesianState s) {
        return new Vector3D[] {new Vector3D(s.xKm() * 1000, s.yKm() * 1000, s.zKm() * 1000),
            new Vector3D(s.vxKmS() * 1000, s.vyKmS() * 1000, s.vzKmS() * 1000)};
    }
}
