package org.spacettx.orbit.conjunction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.MeanElements;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Sgp4;

/** First close approach against a direct 1-second scan of the distance from SGP4. */
class CloseApproachFinderTest {

    static final OrekitData DATA = OrekitData.standard();
    static final Instant EPOCH = Instant.parse("2023-11-24T00:00:00Z");

    static ElementSet sat(int norad, double altitudeKm, double meanAnomaly, double raan, double inclination) {
        return new MeanElements(norad, "S" + norad, EPOCH, inclination, raan, 0.0005, 0, meanAnomaly, null, altitudeKm, 0)
                .toElementSet(SourceLocation.of("test"));
    }

    static void check(ElementSet a, ElementSet b, double thresholdKm, int hours) {
        Sgp4 sa = Sgp4.of(a, DATA);
        Sgp4 sb = Sgp4.of(b, DATA);
        Ephemerides sky = Ephemerides.sample(List.of(sa, sb), EPOCH, EPOCH.plus(Duration.ofHours(hours)),
                Duration.ofSeconds(60), 1, DATA);
        Optional<Instant> found = CloseApproachFinder.first(sky, sky.objects().get(0), sky.objects().get(1),
                thresholdKm * 1000, 0);
        Instant truth = null;
        for (int s = 0; s <= hours * 3600 && truth == null; s++) {
            Instant t = EPOCH.plusSeconds(s);
            CartesianState x = sa.teme(t);
            CartesianState y = sb.teme(t);
            double d = Math.sqrt(Math.pow(x.xKm() - y.xKm(), 2) + Math.pow(x.yKm() - y.yKm(), 2) + Math.pow(x.zKm() - y.zKm(), 2));
            if (d < thresholdKm) {
                truth = t;
            }
        }
        assertThat(truth).as("the scan finds an approach").isNotNull();
        assertThat(found).isPresent();
        assertThat(Duration.between(found.get(), truth).toMillis() / 1000.0).isBetween(0.0, 1.0);
    }

    @Test
    void coOrbitalDrift() {
        // Same plane, 3 km higher and 1 degree ahead: the lower satellite catches up within hours.
        check(sat(90001, 550, 0, 40, 97.6), sat(90002, 553, 1, 40, 97.6), 20, 12);
    }

    @Test
    void crossingOrbitsAtHighSpeed() {
        // Same node, inclinations 10 degrees apart, starting over the poles 1,200 km apart: a quarter of an orbit
        // later they cross the node within a few km of each other at about 1.3 km/s.
        check(sat(90003, 550, 90, 40, 97.6), sat(90004, 550, 90.02, 40, 87.6), 20, 2);
    }
}
