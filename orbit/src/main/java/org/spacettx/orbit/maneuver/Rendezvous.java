package org.spacettx.orbit.maneuver;

import java.time.Duration;
import java.time.Instant;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.orekit.control.heuristics.lambert.LambertBoundaryConditions;
import org.orekit.control.heuristics.lambert.LambertBoundaryVelocities;
import org.orekit.control.heuristics.lambert.LambertSolver;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.ObjectInfo;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.propagate.Sgp4;
import org.spacettx.orbit.propagate.StateFit;

/**
 * A proximity operation: two burns that bring a chaser to a point {@code range} behind a target (on the target's
 * orbit, where the target was range / speed earlier) at a chosen time and keep it there, following the target, in
 * the SGP4 world the rest of SpaceTTX lives in. The transfer time is
 * chosen among 0.3 to 4 of the chaser's revolutions (and, for the longer ones, the number of whole revolutions on the
 * way) by the smallest total Δv of Orekit's two-body Lambert solution;
 * the departure burn is then corrected by Newton's method until SGP4, flying the element set fitted after the burn,
 * arrives within 10 m of the aim point; the arrival burn gives the chaser the target's velocity at that point of its orbit.
 */
public final class Rendezvous {

    /** The burns, the element sets after each, and how far from the aim point SGP4 puts the chaser at arrival (m). */
    public record Plan(Impulse departure, Impulse arrival, ElementSet afterDeparture, ElementSet afterArrival, double missM) {
        public double totalDvMS() {
            return departure.magnitudeMS() + arrival.magnitudeMS();
        }
    }

    private static final double TOLERANCE_M = 10;

    private Rendezvous() {
    }

    public static Plan plan(ElementSet chaser, ElementSet target, Instant arrive, double rangeKm, OrekitData data) {
        Sgp4 chaserSgp4 = Sgp4.of(chaser, data);
        Sgp4 targetSgp4 = Sgp4.of(target, data);
        // the aim: where the target was range / speed earlier, so that with the target's velocity there the chaser
        // follows the target's own orbit that far behind it
        double speed = StateFit.vectors(targetSgp4.teme(arrive))[1].getNorm();
        Vector3D[] t1 = StateFit.vectors(targetSgp4.teme(arrive.minus(Duration.ofNanos(Math.round(rangeKm * 1000 / speed * 1e9)))));
        Vector3D aim = t1[0];
        double period = chaser.periodMinutes() * 60;
        Instant bestDepart = null;
        Vector3D bestV = null;
        double bestDv = Double.POSITIVE_INFINITY;
        LambertSolver lambert = new LambertSolver(TLEPropagator.getMU());
        for (double fraction = 0.3; fraction <= 4.0001; fraction += 0.1) {
            Instant depart = arrive.minus(Duration.ofMillis(Math.round(fraction * period * 1000)));
            Vector3D[] c0 = StateFit.vectors(chaserSgp4.teme(depart));
            for (int revolutions = 0; revolutions <= (int) fraction; revolutions++) {
                LambertBoundaryVelocities v;
                try {
                    v = lambert.solve(true, revolutions, new LambertBoundaryConditions(OrekitTle.toDate(depart, data.utc()), c0[0],
                            OrekitTle.toDate(arrive, data.utc()), aim, data.teme()));
                } catch (RuntimeException e) {
                    continue; // no solution for this transfer time and number of revolutions
                }
                if (v == null) {
                    continue;
                }
                double dv = v.getInitialVelocity().subtract(c0[1]).getNorm() + t1[1].subtract(v.getTerminalVelocity()).getNorm();
                if (dv < bestDv) {
                    bestDv = dv;
                    bestDepart = depart;
                    bestV = v.getInitialVelocity();
                }
            }
        }
        if (bestDepart == null) {
            throw new IllegalArgumentException("no transfer found to the target by " + arrive);
        }
        Instant depart = bestDepart;
        Vector3D[] c0 = StateFit.vectors(chaserSgp4.teme(depart));
        Vector3D v0 = bestV;
        Vector3D miss = arrival(chaser, depart, c0[0], v0, arrive, data).subtract(aim);
        for (int iteration = 0; iteration < 15 && miss.getNorm() > TOLERANCE_M; iteration++) {
            RealMatrix jacobian = new Array2DRowRealMatrix(3, 3);
            double h = 0.05;
            for (int k = 0; k < 3; k++) {
                Vector3D dv = new Vector3D(k == 0 ? h : 0, k == 1 ? h : 0, k == 2 ? h : 0);
                Vector3D moved = arrival(chaser, depart, c0[0], v0.add(dv), arrive, data).subtract(aim).subtract(miss).scalarMultiply(1 / h);
                jacobian.setColumn(k, moved.toArray());
            }
            double[] step = new LUDecomposition(jacobian).getSolver().solve(new ArrayRealVector(miss.toArray())).toArray();
            v0 = v0.subtract(new Vector3D(step));
            miss = arrival(chaser, depart, c0[0], v0, arrive, data).subtract(aim);
        }
        ElementSet afterDeparture = fit(chaser, depart, c0[0], v0, data);
        Vector3D[] atArrival = StateFit.vectors(Sgp4.of(afterDeparture, data).teme(arrive));
        ElementSet afterArrival = fit(chaser, arrive, atArrival[0], t1[1], data);
        return new Plan(inOrbitalFrame(depart, c0[0], c0[1], v0.subtract(c0[1])),
                inOrbitalFrame(arrive, atArrival[0], atArrival[1], t1[1].subtract(atArrival[1])), afterDeparture, afterArrival,
                miss.getNorm());
    }

    /** Where SGP4 puts the chaser at arrival when it leaves {@code position} with {@code velocity} at {@code depart}. */
    private static Vector3D arrival(ElementSet chaser, Instant depart, Vector3D position, Vector3D velocity, Instant arrive, OrekitData data) {
        return StateFit.vectors(Sgp4.of(fit(chaser, depart, position, velocity, data), data).teme(arrive))[0];
    }

    private static ElementSet fit(ElementSet chaser, Instant time, Vector3D position, Vector3D velocity, OrekitData data) {
        return StateFit.fit(time, position, velocity, chaser, chaser.noradId(), chaser.name(),
                chaser.info() == null ? ObjectInfo.UNKNOWN : chaser.info(), chaser.bstar(),
                SourceLocation.of("proximity operation of " + chaser.noradId()), data);
    }

    /** A TEME velocity change as an impulse in the orbital frame of the state it is applied to. */
    static Impulse inOrbitalFrame(Instant time, Vector3D position, Vector3D velocity, Vector3D dv) {
        Vector3D r = position.normalize();
        Vector3D n = Vector3D.crossProduct(position, velocity).normalize();
        Vector3D t = Vector3D.crossProduct(n, r);
        return new Impulse(time, dv.dotProduct(r), dv.dotProduct(t), dv.dotProduct(n));
    }
}
