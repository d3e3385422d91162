package org.spacettx.orbit.propagate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.MeanElements;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

class MeanElementsTest {

    private static final Instant EPOCH = Instant.parse("2023-11-21T14:00:00Z");
    private static final SourceLocation AT = SourceLocation.of("scenario.yaml");

    @Test
    void altitudeGivesTheRequestedMeanRadius() {
        ElementSet e = new MeanElements(99001, "RECON-SAT (EXERCISE)", EPOCH, 97.4, 10, 0.001, 90, 0, null, 500.0, 0)
                .toElementSet(AT);
        // Average geocentric radius over one revolution, sampled every 30 s from the propagated states. The
        // conversion ignores SGP4's long-period and second-order terms: 52 m seen, 200 m allowed.
        Sgp4 sgp4 = Sgp4.of(e, OrekitData.standard());
        double sum = 0;
        int n = 0;
        for (double m = 0; m < e.periodMinutes(); m += 0.5) {
            sum += sgp4.temeAtMinutes(m).radiusKm();
            n++;
        }
        assertThat(sum / n - 6378.135).isCloseTo(500.0, within(0.2));
        // About 15.2 rev/day at 500 km: the published mean motion of sun-synchronous satellites near that height.
        assertThat(e.meanMotion()).isCloseTo(15.22, within(0.03));
    }

    @Test
    void inclinationOfTheStateMatches() {
        ElementSet e = new MeanElements(99002, "X", EPOCH, 97.4, 200, 0.0, 0, 0, null, 500.0, 0).toElementSet(AT);
        CartesianState s = Sgp4.of(e, OrekitData.standard()).temeAtMinutes(0);
        double hx = s.yKm() * s.vzKmS() - s.zKm() * s.vyKmS();
        double hy = s.zKm() * s.vxKmS() - s.xKm() * s.vzKmS();
        double hz = s.xKm() * s.vyKmS() - s.yKm() * s.vxKmS();
        double inclination = Math.toDegrees(Math.acos(hz / Math.sqrt(hx * hx + hy * hy + hz * hz)));
        assertThat(inclination).isCloseTo(97.4, within(0.1));
    }

    @Test
    void meanMotionIsTakenAsGiven() {
        ElementSet e = new MeanElements(99003, "X", EPOCH, 51.6, 0, 0.0005, 0, 0, 15.5, null, 1e-4).toElementSet(AT);
        assertThat(e.meanMotion()).isEqualTo(15.5);
        assertThat(e.bstar()).isEqualTo(1e-4);
    }

    @Test
    void impossibleElementsAreNamed() {
        assertThatThrownBy(() -> new MeanElements(1, "X", EPOCH, 97.4, 0, 0, 0, 0, 15.0, 500.0, 0).toElementSet(AT))
                .isInstanceOf(InputException.class).hasMessageContaining("give exactly one");
        assertThatThrownBy(() -> new MeanElements(1, "X", EPOCH, 190, 0, 0, 0, 0, null, 500.0, 0).toElementSet(AT))
                .hasMessage("scenario.yaml: inclination: 190.0 degrees is outside 0..180");
        assertThatThrownBy(() -> new MeanElements(1, "X", EPOCH, 50, 0, 0.2, 0, 0, null, 500.0, 0).toElementSet(AT))
                .hasMessageContaining("perigee would be");
        assertThatThrownBy(() -> new MeanElements(1, "X", EPOCH, 50, 0, 1.2, 0, 0, null, 500.0, 0).toElementSet(AT))
                .hasMessageContaining("eccentricity");
    }
}
