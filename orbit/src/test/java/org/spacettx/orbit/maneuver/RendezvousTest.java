package org.spacettx.orbit.maneuver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.MeanElements;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.propagate.Sgp4;
import org.spacettx.orbit.propagate.StateFit;

/**
 * A proximity operation checked by an independent propagation of its result: the element set written after the
 * departure burn, flown by SGP4 on its own, arrives 5 km behind the target at the chosen time; after the arrival burn
 * the chaser stays near the target for the next half hour.
 */
class RendezvousTest {

    static final OrekitData DATA = OrekitData.standard();
    static final Instant EPOCH = Instant.parse("2023-11-24T00:00:00Z");

    static ElementSet object(int norad, double altitudeKm, double meanAnomalyDeg) {
        return new MeanElements(norad, "OBJECT " + norad, EPOCH, 97.6, 40, 0.0005, 0, meanAnomalyDeg, null, altitudeKm, 0)
                .toElementSet(SourceLocation.of("test"));
    }

    static double distanceKm(ElementSet a, ElementSet b, Instant t) {
        return StateFit.vectors(Sgp4.of(a, DATA).teme(t))[0].distance(StateFit.vectors(Sgp4.of(b, DATA).teme(t))[0]) / 1000;
    }

    @Test
    void theChaserArrivesBehindTheTargetAndStaysNearIt() {
        ElementSet target = object(99003, 550, 0);      // an allied imaging satellite
        ElementSet chaser = object(99004, 570, -8);      // an inspector 20 km higher, 8 degrees behind
        Instant arrive = EPOCH.plusSeconds(6 * 3600);
        Rendezvous.Plan plan = Rendezvous.plan(chaser, target, arrive, 5, DATA);
        assertThat(plan.missM()).as("Newton's correction in the SGP4 world, m").isLessThan(10);
        // independent: SGP4 on the written element set alone
        assertThat(distanceKm(plan.afterDeparture(), target, arrive)).isBetween(4.98, 5.02);
        Vector3D[] t = StateFit.vectors(Sgp4.of(target, DATA).teme(arrive));
        Vector3D[] c = StateFit.vectors(Sgp4.of(plan.afterDeparture(), DATA).teme(arrive));
        assertThat(c[0].subtract(t[0]).normalize().dotProduct(t[1].normalize())).as("behind, along the target's track").isLessThan(-0.99);
        for (int minutes : new int[] {10, 20, 30}) {
            assertThat(distanceKm(plan.afterArrival(), target, arrive.plusSeconds(60L * minutes))).as("%d min after", minutes).isBetween(3.0, 7.0);
        }
        assertThat(plan.departure().time()).isBefore(arrive);
        assertThat(plan.totalDvMS()).isBetween(1.0, 100.0);
        assertThat(plan.afterArrival().noradId()).isEqualTo(99004);
    }
}
