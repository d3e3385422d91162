package org.spacettx.orbit.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.frames.TopocentricFrame;
import org.orekit.time.AbsoluteDate;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.GeoPoint;
import org.spacettx.orbit.geo.Site;

/**
 * A ground sensor's coverage drawn on the map, checked with Orekit's topocentric frame on the WGS-84 ellipsoid: an
 * object 500 km above a point of the coverage's edge is seen by the sensor (above the mask, within the range), one a
 * little further out is not, and the limit that binds is the one the sensor states.
 */
class SensorCoverageTest {

    static final OrekitData DATA = OrekitData.standard();
    static final Site SITE = new Site("Naro", 34.4317, 127.535, 100, "KOR", "sensor");
    static final double ALTITUDE_KM = 500;

    /** Elevation (degrees) and range (km) from the site of a point {@code ALTITUDE_KM} above {@code ground}, by Orekit. */
    static double[] look(GeoPoint ground) {
        TopocentricFrame topo = new TopocentricFrame(DATA.earth(), new GeodeticPoint(Math.toRadians(SITE.latitudeDeg()),
                Math.toRadians(SITE.longitudeDeg()), SITE.altitudeM()), "site");
        Vector3D object = DATA.earth().transform(new GeodeticPoint(Math.toRadians(ground.latitudeDeg()),
                Math.toRadians(ground.longitudeDeg()), ALTITUDE_KM * 1000));
        AbsoluteDate date = AbsoluteDate.J2000_EPOCH;
        return new double[] {Math.toDegrees(topo.getElevation(object, DATA.itrf(), date)),
                topo.getRange(object, DATA.itrf(), date) / 1000};
    }

    static GeoPoint site() {
        return new GeoPoint(SITE.latitudeDeg(), SITE.longitudeDeg());
    }

    @Test
    void aRadarsRangeBindsAt500Km() {
        // 1,500 km at a 5° mask: at 500 km the mask would allow about 17.5°, the range only about 12.3°
        GroundSensor radar = new GroundSensor("naro", SITE, GroundSensor.Kind.RADAR, 5, 1500, 1, 0);
        double angle = radar.coverageAngleDeg(ALTITUDE_KM);
        assertThat(angle).isBetween(12.0, 12.6);
        for (int az = 0; az < 360; az += 15) {
            double[] edge = look(site().destination(az, angle));
            assertThat(edge[1]).as("range at the edge, azimuth %d", az).isCloseTo(1500, org.assertj.core.data.Offset.offset(15.0));
            assertThat(edge[0]).as("elevation at the edge").isGreaterThan(5);
            assertThat(look(site().destination(az, angle - 0.3))[1]).isLessThan(1500);
            assertThat(look(site().destination(az, angle + 0.3))[1]).isGreaterThan(1500);
        }
    }

    @Test
    void aTelescopesMaskBindsAt500Km() {
        GroundSensor telescope = new GroundSensor("bohyun", SITE, GroundSensor.Kind.OPTICAL, 20, 40000, 1, -12);
        double angle = telescope.coverageAngleDeg(ALTITUDE_KM);
        for (int az = 0; az < 360; az += 15) {
            double[] edge = look(site().destination(az, angle));
            assertThat(edge[0]).as("elevation at the edge, azimuth %d", az).isCloseTo(20, org.assertj.core.data.Offset.offset(0.3));
            assertThat(look(site().destination(az, angle - 0.5))[0]).isGreaterThan(20);
            assertThat(look(site().destination(az, angle + 0.5))[0]).isLessThan(20);
        }
    }

    @Test
    void aSectorRadarCoversOnlyBetweenItsAzimuthLimits() {
        // facing north through 300°..60°: the ring leaves the site, sweeps 120° of azimuth, and comes back
        GroundSensor radar = new GroundSensor("north", SITE, GroundSensor.Kind.RADAR, 5, 2000, 1, 0, 300, 60);
        List<GeoPoint> ring = radar.coverage(ALTITUDE_KM);
        assertThat(ring.getFirst()).isEqualTo(site());
        assertThat(ring.getLast()).isEqualTo(site());
        for (GeoPoint p : ring.subList(1, ring.size() - 1)) {
            double az = site().azimuthToDeg(p);
            assertThat(az >= 299.9 || az <= 60.1).as("azimuth %.2f", az).isTrue();
            assertThat(look(p)[1]).isLessThan(2000 * 1.01);
        }
        assertThat(ring).hasSize(2 + 25);
        // all round: a closed circle
        List<GeoPoint> circle = new GroundSensor("all", SITE, GroundSensor.Kind.RADAR, 5, 2000, 1, 0).coverage(ALTITUDE_KM);
        assertThat(circle.getFirst().angleToDeg(circle.getLast())).isLessThan(1e-9);
    }

    @Test
    void aSensorThatCannotReachTheAltitudeCoversNothing() {
        GroundSensor shortRange = new GroundSensor("short", SITE, GroundSensor.Kind.RADAR, 5, 400, 1, 0);
        assertThat(shortRange.coverageAngleDeg(ALTITUDE_KM)).isZero();
        assertThat(shortRange.coverage(ALTITUDE_KM)).isEmpty();
    }
}
