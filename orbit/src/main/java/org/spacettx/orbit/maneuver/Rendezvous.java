package org.spacettx.orbit.maneuver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
 * the SGP4 world the rest of SpaceTTX lives in.
 *
 * <p>Transfers are ranked by the Δv that is flown, not by a two-body estimate (over several revolutions the two-body
 * Lambert Δv from SGP4 states is off by tens to hundreds of m/s): for each departure between 0.3 and 4 of the chaser's
 * revolutions before the arrival (every 0.05 revolution) and each number of whole revolutions on the way, Orekit's
 * two-body Lambert solution starts a shooting in SGP4 — the departure velocity corrected by Newton's method (a
 * Jacobian by finite differences, then Broyden's updates) until SGP4, flying the element set fitted after the burn,
 * arrives within 10 m of the aim point — and the cost is that departure burn plus the arrival burn that gives the
 * chaser the target's velocity there. Around the cheapest, the departure time is refined by a golden-section search
 * on the same flown cost. Every transfer tried is kept (the trade: departure, transfer time, Δv, arrival error).
 */
public final class Rendezvous {

    /** The burns, the element sets after each, and how far from the aim point SGP4 puts the chaser at arrival (m). */
    public record Plan(Impulse departure, Impulse arrival, ElementSet afterDeparture, ElementSet afterArrival, double missM,
                       List<Transfer> trade) {
        public double totalDvMS() {
            return departure.magnitudeMS() + arrival.magnitudeMS();
        }
    }

    /**
     * One transfer tried: its departure, time of flight, whole revolutions on the way, the Δv flown (both burns; NaN
     * where the shooting did not arrive within 10 m) and the arrival error reached (m).
     */
    public record Transfer(Instant departure, double transferSeconds, int revolutions, double dvMS, double missM) {
    }

    private static final double TOLERANCE_M = 10;
    /** The departures tried, in the chaser's revolutions before the arrival. */
    static final double FIRST_REVS = 0.3;
    static final double LAST_REVS = 4.0;
    static final double STEP_REVS = 0.05;

    private Rendezvous() {
    }

    /** The aim: where the target was range / speed before the arrival, and its velocity there. */
    private record Aim(Vector3D position, Vector3D velocity) {
    }

    /** A shooting's result: the departure velocity found, the miss reached, the flown Δv (NaN if it did not arrive). */
    private record Shot(Instant depart, int revolutions, Vector3D[] start, Vector3D velocity, double missM, double dvMS) {
        Transfer transfer(Instant arrive) {
            return new Transfer(depart, Duration.between(depart, arrive).toMillis() / 1000.0, revolutions, dvMS, missM);
        }
    }

    public static Plan plan(ElementSet chaser, ElementSet target, Instant arrive, double rangeKm, OrekitData data) {
        return plan(chaser, target, arrive, rangeKm, null, data);
    }

    /** The plan whose departure is not before {@code departAfter} (none if null). */
    public static Plan plan(ElementSet chaser, ElementSet target, Instant arrive, double rangeKm, Instant departAfter, OrekitData data) {
        Sgp4 chaserSgp4 = Sgp4.of(chaser, data);
        Aim aim = aim(target, arrive, rangeKm, data);
        double period = chaser.periodMinutes() * 60;
        List<Transfer> trade = new ArrayList<>();
        Shot best = null;
        int steps = (int) Math.round((LAST_REVS - FIRST_REVS) / STEP_REVS);
        for (int k = 0; k <= steps; k++) {
            Instant depart = arrive.minus(Duration.ofMillis(Math.round((FIRST_REVS + k * STEP_REVS) * period * 1000)));
            if (departAfter != null && depart.isBefore(departAfter)) {
                continue;
            }
            for (Shot shot : shotsAt(chaser, chaserSgp4, depart, arrive, aim, data)) {
                trade.add(shot.transfer(arrive));
                if (!Double.isNaN(shot.dvMS()) && (best == null || shot.dvMS() < best.dvMS())) {
                    best = shot;
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no transfer found to the target by " + arrive
                    + (departAfter == null ? "" : " leaving after " + departAfter));
        }
        best = refine(chaser, chaserSgp4, best, STEP_REVS * period, departAfter, arrive, aim, data, trade);
        trade.sort(java.util.Comparator.comparing(Transfer::departure).thenComparingInt(Transfer::revolutions));
        ElementSet afterDeparture = fit(chaser, best.depart(), best.start()[0], best.velocity(), data);
        Vector3D[] atArrival = StateFit.vectors(Sgp4.of(afterDeparture, data).teme(arrive));
        ElementSet afterArrival = fit(chaser, arrive, atArrival[0], aim.velocity(), data);
        return new Plan(inOrbitalFrame(best.depart(), best.start()[0], best.start()[1], best.velocity().subtract(best.start()[1])),
                inOrbitalFrame(arrive, atArrival[0], atArrival[1], aim.velocity().subtract(atArrival[1])), afterDeparture, afterArrival,
                best.missM(), List.copyOf(trade));
    }

    /**
     * The aim: where the target was range / speed before the arrival, so that with the target's velocity there the
     * chaser follows the target's own orbit that far behind it.
     */
    private static Aim aim(ElementSet target, Instant arrive, double rangeKm, OrekitData data) {
        Sgp4 targetSgp4 = Sgp4.of(target, data);
        double speed = StateFit.vectors(targetSgp4.teme(arrive))[1].getNorm();
        Vector3D[] t1 = StateFit.vectors(targetSgp4.teme(arrive.minus(Duration.ofNanos(Math.round(rangeKm * 1000 / speed * 1e9)))));
        return new Aim(t1[0], t1[1]);
    }

    /** Every transfer leaving at {@code depart}: one per number of whole revolutions on the way. */
    private static List<Shot> shotsAt(ElementSet chaser, Sgp4 chaserSgp4, Instant depart, Instant arrive, Aim aim, OrekitData data) {
        double revs = Duration.between(depart, arrive).toMillis() / 1000.0 / (chaser.periodMinutes() * 60);
        List<Shot> out = new ArrayList<>();
        for (int revolutions = 0; revolutions <= (int) revs; revolutions++) {
            Shot shot = shoot(chaser, chaserSgp4, depart, revolutions, arrive, aim, data);
            if (shot != null) {
                out.add(shot);
            }
        }
        return out;
    }

    /**
     * The least Δv flown (m/s) by a transfer leaving at {@code depart}, over every number of revolutions (NaN if none
     * arrives): what a brute search over departures compares {@link #plan}'s choice with.
     */
    static double cheapestAt(ElementSet chaser, ElementSet target, Instant depart, Instant arrive, double rangeKm, OrekitData data) {
        return shotsAt(chaser, Sgp4.of(chaser, data), depart, arrive, aim(target, arrive, rangeKm, data), data).stream()
                .mapToDouble(Shot::dvMS).filter(x -> !Double.isNaN(x)).min().orElse(Double.NaN);
    }

    /**
     * The departure time within {@code halfWidthS} of {@code around}'s refined by a golden-section search on the flown Δv
     * (same number of revolutions); the cheaper of what it finds and {@code around}.
     */
    private static Shot refine(ElementSet chaser, Sgp4 chaserSgp4, Shot around, double halfWidthS, Instant departAfter, Instant arrive,
                               Aim aim, OrekitData data, List<Transfer> trade) {
        double g = (Math.sqrt(5) - 1) / 2;
        double lo = departAfter == null ? -halfWidthS : Math.max(-halfWidthS, Duration.between(around.depart(), departAfter).toMillis() / 1000.0);
        double hi = halfWidthS;
        Shot best = around;
        java.util.function.DoubleFunction<Shot> at = offset -> {
            Shot s = shoot(chaser, chaserSgp4, around.depart().plusMillis(Math.round(offset * 1000)), around.revolutions(), arrive, aim, data);
            if (s != null) {
                trade.add(s.transfer(arrive));
            }
            return s;
        };
        java.util.function.ToDoubleFunction<Shot> cost = s -> s == null || Double.isNaN(s.dvMS()) ? Double.MAX_VALUE : s.dvMS();
        double x1 = hi - g * (hi - lo);
        double x2 = lo + g * (hi - lo);
        Shot s1 = at.apply(x1);
        Shot s2 = at.apply(x2);
        for (int it = 0; it < 12 && hi - lo > 1; it++) {
            if (cost.applyAsDouble(s1) < cost.applyAsDouble(s2)) {
                hi = x2;
                x2 = x1;
                s2 = s1;
                x1 = hi - g * (hi - lo);
                s1 = at.apply(x1);
            } else {
                lo = x1;
                x1 = x2;
                s1 = s2;
                x2 = lo + g * (hi - lo);
                s2 = at.apply(x2);
            }
        }
        for (Shot s : new Shot[] {s1, s2}) {
            if (cost.applyAsDouble(s) < cost.applyAsDouble(best)) {
                best = s;
            }
        }
        return best;
    }

    /**
     * The transfer leaving at {@code depart} with {@code revolutions} whole revolutions, shot in SGP4 from Orekit's
     * two-body Lambert solution; null where Lambert has none, a NaN cost where the shooting does not arrive.
     */
    private static Shot shoot(ElementSet chaser, Sgp4 chaserSgp4, Instant depart, int revolutions, Instant arrive, Aim aim,
                              OrekitData data) {
        Vector3D[] c0;
        LambertBoundaryVelocities lambert;
        try {
            c0 = StateFit.vectors(chaserSgp4.teme(depart));
            lambert = new LambertSolver(TLEPropagator.getMU()).solve(true, revolutions, new LambertBoundaryConditions(
                    OrekitTle.toDate(depart, data.utc()), c0[0], OrekitTle.toDate(arrive, data.utc()), aim.position(), data.teme()));
        } catch (RuntimeException e) {
            return null; // no solution for this transfer time and number of revolutions, or SGP4 fails there
        }
        if (lambert == null) {
            return null;
        }
        Shot fromLambert = shoot(chaser, depart, revolutions, c0, lambert.getInitialVelocity(), arrive, aim, data);
        // Orekit's solver gives one branch of a transfer of several revolutions (often the costly one): a shooting
        // from no burn at all finds the cheap phasing transfers near the chaser's own orbit
        Shot fromDrift = revolutions == (int) (Duration.between(depart, arrive).toMillis() / 1000.0 / (chaser.periodMinutes() * 60))
                ? shoot(chaser, depart, revolutions, c0, c0[1], arrive, aim, data) : null;
        return cheaper(fromLambert, fromDrift);
    }

    private static Shot cheaper(Shot a, Shot b) {
        if (a == null || Double.isNaN(a.dvMS())) {
            return b == null || Double.isNaN(b.dvMS()) ? (a != null ? a : b) : b;
        }
        return b == null || Double.isNaN(b.dvMS()) || a.dvMS() <= b.dvMS() ? a : b;
    }

    /** The shooting from a first guess {@code v0} of the departure velocity. */
    private static Shot shoot(ElementSet chaser, Instant depart, int revolutions, Vector3D[] c0, Vector3D first, Instant arrive, Aim aim,
                              OrekitData data) {
        Vector3D v0 = first;
        try {
            Vector3D miss = arrival(chaser, depart, c0[0], v0, arrive, data).subtract(aim.position());
            // Newton's first step with a Jacobian by finite differences, then Broyden's rank-one updates of it
            RealMatrix jacobian = new Array2DRowRealMatrix(3, 3);
            double h = 0.05;
            for (int k = 0; k < 3; k++) {
                Vector3D dv = new Vector3D(k == 0 ? h : 0, k == 1 ? h : 0, k == 2 ? h : 0);
                Vector3D moved = arrival(chaser, depart, c0[0], v0.add(dv), arrive, data).subtract(aim.position()).subtract(miss)
                        .scalarMultiply(1 / h);
                jacobian.setColumn(k, moved.toArray());
            }
            for (int iteration = 0; iteration < 12 && miss.getNorm() > TOLERANCE_M; iteration++) {
                Vector3D step = new Vector3D(new LUDecomposition(jacobian).getSolver().solve(new ArrayRealVector(miss.toArray())).toArray())
                        .negate();
                v0 = v0.add(step);
                Vector3D next = arrival(chaser, depart, c0[0], v0, arrive, data).subtract(aim.position());
                Vector3D change = next.subtract(miss).subtract(new Vector3D(jacobian.operate(step.toArray())));
                double norm = step.getNormSq();
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        jacobian.addToEntry(i, j, change.toArray()[i] * step.toArray()[j] / norm);
                    }
                }
                miss = next;
            }
            double missM = miss.getNorm();
            if (missM > TOLERANCE_M) {
                return new Shot(depart, revolutions, c0, v0, missM, Double.NaN);
            }
            Vector3D atArrival = StateFit.vectors(Sgp4.of(fit(chaser, depart, c0[0], v0, data), data).teme(arrive))[1];
            double dv = v0.subtract(c0[1]).getNorm() + aim.velocity().subtract(atArrival).getNorm();
            return new Shot(depart, revolutions, c0, v0, missM, dv);
        } catch (RuntimeException e) {
            return null; // a state out of orbit on the way (escape, re-entry): no transfer
        }
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
