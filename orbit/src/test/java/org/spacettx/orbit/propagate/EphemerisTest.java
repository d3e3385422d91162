package org.spacettx.orbit.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orekit.time.AbsoluteDate;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;

/** Sampled ephemerides against direct SGP4 + Orekit frames, at grid points and between them. */
class EphemerisTest {

    static final OrekitData DATA = OrekitData.standard();

    @Test
    void gridPointsEqualDirectStatesAndInterpolationStaysWithinAMetre() {
        List<ElementSet> sets = CatalogReader.strict(DATA)
                .read(List.of(SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle"),
                        SharedData.path("catalog/celestrak-groups-2026-05-30/military.tle"))).elementSets();
        List<Sgp4> objects = sets.stream().map(e -> Sgp4.of(e, DATA)).toList();
        Instant start = Instant.parse("2026-05-30T00:00:00Z");
        Ephemerides sky = Ephemerides.sample(objects, start, start.plus(Duration.ofHours(6)), Duration.ofSeconds(60), 2, DATA);
        double worstGrid = 0;
        double worstMid = 0;
        double worstVelocity = 0;
        double[] p = new double[3];
        double[] v = new double[3];
        for (int i = 0; i < objects.size(); i++) {
            Ephemeris e = sky.objects().get(i);
            for (int k = 0; k + 1 < e.count(); k += 7) {
                CartesianState direct = objects.get(i).itrf(sky.instantAt(k * 60.0));
                e.samplePosition(k, p);
                worstGrid = Math.max(worstGrid, distance(p, direct));
                double mid = k * 60.0 + 30.0;
                CartesianState truth = objects.get(i).itrf(sky.instantAt(mid));
                e.stateAt(mid, p, v);
                worstMid = Math.max(worstMid, distance(p, truth));
                double dv = (Math.sqrt(Math.pow(v[0] / 1e3 - truth.vxKmS(), 2)
                        + Math.pow(v[1] / 1e3 - truth.vyKmS(), 2) + Math.pow(v[2] / 1e3 - truth.vzKmS(), 2)) * 1e3);
                worstVelocity = Math.max(worstVelocity, dv);
            }
        }
        assertThat(worstGrid).as("grid points, m").isLessThan(1e-3);
        assertThat(worstMid).as("half-way between grid points, m").isLessThan(1.0);
        // Velocity is the derivative of the interpolant, one order less accurate: under 1 m/s even for the worst
        // object here (FREGAT DEB, e = 0.09, perigee near 300 km). It only decides the sign of the elevation trend.
        assertThat(worstVelocity).as("velocity half-way, m/s").isLessThan(1.0);
    }

    @Test
    void sunDirectionMatchesOrekitWithinAnArcSecond() {
        Sgp4 iss = Sgp4.of(CatalogReader.strict(DATA)
                .read(List.of(SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle"))).elementSets().get(0), DATA);
        Instant start = Instant.parse("2026-05-30T00:00:00Z");
        Ephemerides sky = Ephemerides.sample(List.of(iss), start, start.plus(Duration.ofHours(3)), Duration.ofSeconds(60), 1, DATA);
        var model = new org.orekit.bodies.AnalyticalSolarPositionProvider(DATA.context());
        double[] s = new double[3];
        for (double t = 0; t < 3 * 3600; t += 97) {
            AbsoluteDate date = OrekitTle.toDate(sky.instantAt(t), DATA.utc());
            var truth = model.getPosition(date, DATA.itrf()).normalize();
            sky.sunDirection(t, s);
            double angle = Math.acos(Math.min(1, s[0] * truth.getX() + s[1] * truth.getY() + s[2] * truth.getZ()));
            assertThat(Math.toDegrees(angle) * 3600).isLessThan(1.0);
        }
    }

    private static double distance(double[] p, CartesianState s) {
        return Math.sqrt(Math.pow(p[0] - s.xKm() * 1e3, 2) + Math.pow(p[1] - s.yKm() * 1e3, 2) + Math.pow(p[2] - s.zKm() * 1e3, 2));
    }

    /** Transforms carried forward by the Earth's rotation equal Orekit's exact ones to well under a millimetre. */
    @Test
    void carriedForwardTransformsEqualExactOnes() {
        Instant start = Instant.parse("2026-05-30T00:00:00Z");
        AbsoluteDate t0 = OrekitTle.toDate(start, DATA.utc());
        Ephemerides.EarthRotation base = new Ephemerides.EarthRotation(DATA.teme().getTransformTo(DATA.itrf(), t0));
        org.orekit.utils.PVCoordinates pv = new org.orekit.utils.PVCoordinates(
                new org.hipparchus.geometry.euclidean.threed.Vector3D(-4.1e6, 3.2e6, 4.0e6),
                new org.hipparchus.geometry.euclidean.threed.Vector3D(-3.5e3, -5.9e3, 1.2e3));
        double[] mine = new double[6];
        for (double dt = 60; dt <= 600; dt += 60) {
            AbsoluteDate t = t0.shiftedBy(dt);
            base.advancedBy(dt).apply(pv, mine, 0);
            org.orekit.utils.PVCoordinates exact = DATA.teme().getTransformTo(DATA.itrf(), t).transformPVCoordinates(pv);
            assertThat(Math.abs(mine[0] - exact.getPosition().getX()) + Math.abs(mine[1] - exact.getPosition().getY())
                    + Math.abs(mine[2] - exact.getPosition().getZ())).as("position, m, after %s s", dt).isLessThan(1e-4);
            assertThat(Math.abs(mine[3] - exact.getVelocity().getX()) + Math.abs(mine[4] - exact.getVelocity().getY())
                    + Math.abs(mine[5] - exact.getVelocity().getZ())).as("velocity, m/s").isLessThan(1e-6);
        }
    }
}
