package org.spacettx.orbit.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.frames.TopocentricFrame;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * An uplink jammer's windows and closest ranges against a scan second by second with Orekit alone (its SGP4, its
 * TEME→ITRF transform and its topocentric frame; the off-nadir angle from the two vectors), and its jamming power
 * against the closed-form link budget at that range.
 */
class UplinkJammerTest {

    static final OrekitData DATA = OrekitData.standard();

    @Test
    void windowsAndJammingMatchAScanWithOrekit() {
        ElementSet iss = CatalogReader.strict(DATA).read(List.of(SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle")))
                .elementSets().stream().filter(e -> e.noradId() == 25544).findFirst().orElseThrow();
        Site site = new Site("jammer", 39.03, 125.75, 50, "", ""); // an illustrative site near Pyongyang
        UplinkJammer jammer = new UplinkJammer(30, 6000, 25, 10); // 1 kW EIRP at C-band, a 25-degree receive beam
        Instant from = Instant.parse("2026-06-01T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(2));
        Ephemerides sky = Ephemerides.sample(List.of(Sgp4.of(iss, DATA)), from, to, Duration.ofSeconds(60), 1, DATA);
        List<UplinkJammer.Exposure> found = jammer.exposures(sky, sky.objects().get(0), site, 3);
        assertThat(found).hasSizeGreaterThanOrEqualTo(2);

        TLEPropagator orekit = TLEPropagator.selectExtrapolator(OrekitTle.toTle(iss, DATA.utc()), DATA.teme());
        TopocentricFrame topo = new TopocentricFrame(DATA.earth(), new GeodeticPoint(Math.toRadians(site.latitudeDeg()),
                Math.toRadians(site.longitudeDeg()), site.altitudeM()), "jammer");
        Vector3D ground = topo.getCartesianPoint();
        List<Instant[]> windows = new ArrayList<>();
        List<Double> closest = new ArrayList<>();
        Instant opened = null;
        double nearest = Double.MAX_VALUE;
        for (long s = 0; s <= Duration.between(from, to).toSeconds(); s++) {
            Instant t = from.plusSeconds(s);
            AbsoluteDate date = OrekitTle.toDate(t, DATA.utc());
            Vector3D sat = DATA.teme().getTransformTo(DATA.itrf(), date).transformPosition(orekit.getPosition(date, DATA.teme()));
            double elevation = Math.toDegrees(topo.getElevation(sat, DATA.itrf(), date));
            double offNadir = Math.toDegrees(Vector3D.angle(sat.negate(), ground.subtract(sat)));
            boolean hears = elevation >= 10 && offNadir <= 25;
            if (hears) {
                nearest = Math.min(nearest, sat.distance(ground) / 1000);
            }
            if (hears && opened == null) {
                opened = t;
            } else if (!hears && opened != null) {
                windows.add(new Instant[] {opened, t});
                closest.add(nearest);
                opened = null;
                nearest = Double.MAX_VALUE;
            }
        }
        assertThat(found).hasSize(windows.size());
        for (int i = 0; i < found.size(); i++) {
            UplinkJammer.Exposure e = found.get(i);
            // the scan's first second inside is at most 1 s after the true start; its first outside at most 1 s after the end
            assertThat(Duration.between(e.window().start(), windows.get(i)[0]).toMillis() / 1000.0).isBetween(0.0, 1.0);
            assertThat(Duration.between(e.window().end(), windows.get(i)[1]).toMillis() / 1000.0).isBetween(0.0, 1.0);
            // the scan's least range on whole seconds is at most the true minimum plus what 1 s adds near it (7.7 km/s)
            assertThat(closest.get(i) - e.closestRangeKm()).isBetween(-0.05, 0.05);
            assertThat(e.closest()).isBetween(e.window().start(), e.window().end());
            double budget = 30 - (20 * Math.log10(e.closestRangeKm()) + 20 * Math.log10(6000) + 32.45) + 3;
            assertThat(e.peakJammingDbw()).isCloseTo(budget, within(1e-9));
            assertThat(e.peakJammingToSignalDb(-120)).isCloseTo(budget + 120, within(1e-9));
            System.out.printf("uplink jammer window %s to %s, closest %.2f km at %s, J %.1f dBW%n", e.window().start(),
                    e.window().end(), e.closestRangeKm(), e.closest(), e.peakJammingDbw());
        }
    }

    @Test
    void aBeamOutsideItsRangesIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new UplinkJammer(30, 6000, 95, 10))
                .hasMessageContaining("half-angle");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new UplinkJammer(30, 0, 20, 10)).hasMessageContaining("frequency");
    }
}
