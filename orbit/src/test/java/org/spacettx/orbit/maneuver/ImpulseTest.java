package org.spacettx.orbit.maneuver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.Sgp4;
import org.spacettx.orbit.propagate.StateFit;

/**
 * An impulsive manoeuvre against closed forms: right after the burn SGP4 on the new elements gives the old state
 * plus the impulse (to well under a metre and a mm/s); the osculating semi-major axis changes as vis-viva says
 * ({@code 1/a = 2/r - v²/μ}); an along-track burn raises the orbit on the far side by about twice the change in
 * semi-major axis, a cross-track burn turns the plane by about {@code Δv / v}.
 */
class ImpulseTest {

    static final OrekitData DATA = OrekitData.standard();
    static final double MU = 398600.8e9; // SGP4's (WGS-72) GM, m³/s²
    static final Instant BURN = Instant.parse("2026-06-01T00:00:00Z");

    static ElementSet iss() {
        return CatalogReader.strict(DATA).read(List.of(SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle")))
                .elementSets().stream().filter(e -> e.noradId() == 25544).findFirst().orElseThrow();
    }

    static double semiMajorAxis(Vector3D r, Vector3D v) {
        return 1 / (2 / r.getNorm() - v.getNormSq() / MU);
    }

    @Test
    void anAlongTrackBurnRaisesTheOrbitAsVisVivaSays() {
        ElementSet before = iss();
        Impulse burn = new Impulse(BURN, 0, 10, 0);
        ElementSet after = burn.applyTo(before, DATA);
        Vector3D[] s0 = StateFit.vectors(Sgp4.of(before, DATA).teme(BURN));
        Vector3D[] s1 = StateFit.vectors(Sgp4.of(after, DATA).teme(BURN));
        Vector3D expectedVelocity = s0[1].add(burn.inFrameOf(s0[0], s0[1]));
        assertThat(s1[0].distance(s0[0])).as("position at the burn, m").isLessThan(1.0);
        assertThat(s1[1].distance(expectedVelocity)).as("velocity at the burn, m/s").isLessThan(1e-3);
        assertThat(expectedVelocity.getNorm() - s0[1].getNorm()).isCloseTo(10, within(0.05)); // along-track ≈ along the velocity
        double da = semiMajorAxis(s1[0], s1[1]) - semiMajorAxis(s0[0], s0[1]);
        double visViva = semiMajorAxis(s0[0], expectedVelocity) - semiMajorAxis(s0[0], s0[1]);
        assertThat(da).isCloseTo(visViva, within(1.0));
        assertThat(da / 1000).as("km, about 2 a² v Δv / μ").isCloseTo(17.6, within(0.5));
        assertThat(after.meanMotion()).isLessThan(before.meanMotion());
        assertThat(after.noradId()).isEqualTo(25544);
        // half an orbit later the new orbit is about 2 Δa higher than the old at the same place in the orbit
        Instant later = BURN.plusSeconds((long) (86400 / before.meanMotion() / 2));
        double raise = StateFit.vectors(Sgp4.of(after, DATA).teme(later))[0].getNorm() - StateFit.vectors(Sgp4.of(before, DATA).teme(later))[0].getNorm();
        assertThat(raise / 1000).isCloseTo(2 * da / 1000, within(3.0));
    }

    @Test
    void aCrossTrackBurnTurnsThePlane() {
        ElementSet before = iss();
        ElementSet after = new Impulse(BURN, 0, 0, 50).applyTo(before, DATA);
        Vector3D[] s0 = StateFit.vectors(Sgp4.of(before, DATA).teme(BURN));
        Vector3D[] s1 = StateFit.vectors(Sgp4.of(after, DATA).teme(BURN));
        double turned = Vector3D.angle(Vector3D.crossProduct(s0[0], s0[1]), Vector3D.crossProduct(s1[0], s1[1]));
        assertThat(Math.toDegrees(turned)).isCloseTo(Math.toDegrees(Math.atan2(50, s0[1].getNorm())), within(1e-3));
        assertThat(new Impulse(BURN, 3, 4, 12).magnitudeMS()).isEqualTo(13.0);
    }

    @Test
    void aBurnThatDropsThePerigeeIntoTheAtmosphereMakesNoElements() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Impulse(BURN, 0, -1000, 0).applyTo(iss(), DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in orbit");
    }
}
