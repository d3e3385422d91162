package org.spacettx.orbit.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The jammer's reach against values worked by hand from the closed forms. A 10 W (10 dBW) jammer on GPS L1
 * (1575.42 MHz), receivers that tolerate J/S = 30 dB of a -160 dBW signal (the L1 C/A minimum received power,
 * IS-GPS-200: -158.5 dBW) with a 0 dBi antenna: the loss may reach 10 - (-160 + 30) = 140 dB, so
 * 20 log10(d) = 140 - 32.45 - 20 log10(1575.42) = 140 - 32.45 - 63.948 = 43.602, d = 151.3 km. A receiver on the
 * ground (2 m) sees a jammer on a 10 m mast only within 4.12 (3.162 + 1.414) = 18.86 km; an aircraft at 10 km
 * altitude within 4.12 (3.162 + 100) = 425.0 km, so the budget limits it.
 */
class GroundJammerTest {

    static final GroundJammer JAMMER = new GroundJammer(10, 1575.42, 10);

    @Test
    void theReachIsTheBudgetsOrTheHorizonsWhicheverIsShorter() {
        GroundJammer.Reach ground = JAMMER.reach(new GroundJammer.Receivers(-160, 30, 2, 0));
        assertThat(ground.budgetKm()).isCloseTo(151.3, within(0.1));
        assertThat(ground.horizonKm()).isCloseTo(18.86, within(0.01));
        assertThat(ground.horizonLimited()).isTrue();
        assertThat(ground.radiusKm()).isEqualTo(ground.horizonKm());
        GroundJammer.Reach air = JAMMER.reach(new GroundJammer.Receivers(-160, 30, 10_000, 0));
        assertThat(air.horizonKm()).isCloseTo(425.0, within(0.1));
        assertThat(air.horizonLimited()).isFalse();
        assertThat(air.radiusKm()).isCloseTo(151.3, within(0.1));
    }

    @Test
    void theLinkBudgetHoldsAtTheEdge() {
        GroundJammer.Receivers r = new GroundJammer.Receivers(-160, 30, 10_000, 0);
        double edge = JAMMER.reach(r).budgetKm();
        // at the edge the jamming is exactly the tolerance above the signal; twice as far, 6.02 dB less
        assertThat(JAMMER.receivedDbw(edge, r) - r.signalDbw()).isCloseTo(30, within(1e-9));
        assertThat(JAMMER.receivedDbw(2 * edge, r) - JAMMER.receivedDbw(edge, r)).isCloseTo(-20 * Math.log10(2), within(1e-9));
        // 10 dB more power reaches sqrt(10) times as far
        assertThat(new GroundJammer(20, 1575.42, 10).reach(r).budgetKm() / edge).isCloseTo(Math.sqrt(10), within(1e-9));
        // the textbook value: FSPL at 1 km and 1 GHz is 92.45 dB
        assertThat(new GroundJammer(0, 1000, 0).pathLossDb(1)).isCloseTo(92.45, within(1e-9));
    }
}
