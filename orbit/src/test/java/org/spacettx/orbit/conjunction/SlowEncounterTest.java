package org.spacettx.orbit.conjunction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.MeanElements;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;

/**
 * Slow encounters (co-orbital objects a few m/s apart): the time of closest approach is where the distance between
 * the two SGP4 positions is least, found here with Orekit's own SGP4 by Brent's method on positions alone.
 * SGP4's velocity is not the exact derivative of its position (the short-period terms), so the zero of the range rate
 * from those velocities lay up to a third of a second from that minimum at such speeds.
 */
class SlowEncounterTest {

    static final OrekitData DATA = OrekitData.standard();
    static final Instant EPOCH = Instant.parse("2026-06-01T00:00:00Z");

    static ElementSet object(int norad, double raanDeg, double meanAnomalyDeg, double eccentricity) {
        return new MeanElements(norad, "OBJECT " + norad, EPOCH, 97.6, raanDeg, eccentricity, 90, meanAnomalyDeg, null, 550.0, 0)
                .toElementSet(SourceLocation.of("test"));
    }

    /** The distance (km) between the two objects' positions at {@code t}, by Orekit's SGP4. */
    static double distanceKm(TLEPropagator a, TLEPropagator b, Instant t) {
        var date = OrekitTle.toDate(t, DATA.utc());
        Vector3D pa = a.getPVCoordinates(date, DATA.teme()).getPosition();
        Vector3D pb = b.getPVCoordinates(date, DATA.teme()).getPosition();
        return pa.distance(pb) / 1000;
    }

    /** The least distance within ±{@code halfS} of {@code around}, by Brent's method (Hipparchus) to 1 µs: its time and value. */
    static Object[] minimum(TLEPropagator a, TLEPropagator b, Instant around, double halfS) {
        double t = new org.hipparchus.optim.univariate.BrentOptimizer(1e-12, 1e-6).optimize(new org.hipparchus.optim.MaxEval(500),
                new org.hipparchus.optim.univariate.UnivariateObjectiveFunction(x -> distanceKm(a, b, at(around, x))),
                org.hipparchus.optim.nonlinear.scalar.GoalType.MINIMIZE,
                new org.hipparchus.optim.univariate.SearchInterval(-halfS, halfS, 0)).getPoint();
        return new Object[] {at(around, t), distanceKm(a, b, at(around, t))};
    }

    static Instant at(Instant around, double seconds) {
        return around.plusNanos(Math.round(seconds * 1e9));
    }

    @Test
    void aSlowEncountersTimeIsWhereTheDistanceIsLeast() {
        // two satellites in nearly the same orbit: planes 0.012° apart in node, eccentricities apart, a few m/s
        // relative speed; they pass within a few km twice a revolution
        ElementSet a = object(99101, 40, 0, 0.0010);
        ElementSet b = object(99102, 40.012, 0.002, 0.0012);
        List<Conjunction> found = Screening.run(List.of(a, b), new Screening.Request(EPOCH, EPOCH.plusSeconds(6 * 3600), 10, Set.of(), 60, 1,
                Screening.Propagator.FAST, null), DATA, null).conjunctions();
        assertThat(found).as("the test needs slow encounters").hasSizeGreaterThanOrEqualTo(4);
        TLEPropagator pa = TLEPropagator.selectExtrapolator(OrekitTle.toTle(a, DATA.utc()), DATA.teme());
        TLEPropagator pb = TLEPropagator.selectExtrapolator(OrekitTle.toTle(b, DATA.utc()), DATA.teme());
        double worst = 0;
        for (Conjunction c : found) {
            assertThat(c.relativeSpeedKmS()).as("a slow encounter, km/s").isLessThan(0.2);
            Object[] truth = minimum(pa, pb, c.tca(), 3);
            double offset = Math.abs(Duration.between((Instant) truth[0], c.tca()).toNanos() / 1e9);
            worst = Math.max(worst, offset);
            System.out.printf("TCA %s, %.4f km at %.2f m/s: the distance's least at %s (%.3f ms apart), %.6f km%n", c.tca(), c.missKm(),
                    c.relativeSpeedKmS() * 1000, truth[0], offset * 1000, (Double) truth[1]);
            assertThat(c.missKm()).isCloseTo((Double) truth[1], org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(worst).as("the TCA's distance from the least distance's time, s").isLessThan(0.005);
    }
}
