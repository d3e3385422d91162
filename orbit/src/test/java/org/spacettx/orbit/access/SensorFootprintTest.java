package org.spacettx.orbit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The footprint's edge against an independent construction: a ray from the satellite intersected with the sphere. */
class SensorFootprintTest {

    static final double R = 6_371_000;

    /** Central angle where a ray leaving the satellite at {@code etaDeg} from nadir first meets the sphere. */
    static double rayCentralAngleDeg(double altitudeM, double etaDeg) {
        double py = R + altitudeM;
        double dx = Math.sin(Math.toRadians(etaDeg));
        double dy = -Math.cos(Math.toRadians(etaDeg));
        // |p + t d|^2 = R^2 with p = (0, py): t^2 + 2 t py dy + py^2 - R^2 = 0, nearest root
        double b = py * dy;
        double t = -b - Math.sqrt(b * b - (py * py - R * R));
        return Math.toDegrees(Math.atan2(t * dx, py + t * dy));
    }

    /** Central angle at which the satellite stands at {@code elevationDeg} above the horizon, by bisection. */
    static double elevationCentralAngleDeg(double altitudeM, double elevationDeg) {
        double lo = 0;
        double hi = Math.PI / 2;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double gx = R * Math.sin(mid);
            double gy = R * Math.cos(mid);
            double vx = -gx;
            double vy = R + altitudeM - gy;
            double elevation = Math.toDegrees(Math.asin((vx * Math.sin(mid) + vy * Math.cos(mid)) / Math.hypot(vx, vy)));
            if (elevation > elevationDeg) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.toDegrees(lo);
    }

    @ParameterizedTest
    @CsvSource({"500000, 30", "500000, 45", "800000, 10", "35786000, 8"})
    void offNadirLimitMatchesTheRayToTheSphere(double altitudeM, double etaDeg) {
        Sensor sensor = Sensor.parse("optical:off-nadir=" + etaDeg);
        assertThat(sensor.footprintAngleDeg(R + altitudeM, R)).isCloseTo(rayCentralAngleDeg(altitudeM, etaDeg), within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"500000, 10", "500000, 0", "20200000, 15"})
    void elevationLimitMatchesTheHorizonGeometry(double altitudeM, double elevationDeg) {
        Sensor sensor = Sensor.parse("radar:elevation=" + elevationDeg);
        assertThat(sensor.footprintAngleDeg(R + altitudeM, R)).isCloseTo(elevationCentralAngleDeg(altitudeM, elevationDeg), within(1e-7));
    }

    @ParameterizedTest
    @CsvSource({"500000, 30", "700000, 45"})
    void theFindersBoundStaysOnTheLargeSide(double altitudeM, double etaDeg) {
        Sensor sensor = Sensor.parse("optical:off-nadir=" + etaDeg);
        assertThat(sensor.footprintHalfAngleDeg(R + altitudeM)).isGreaterThan(sensor.footprintAngleDeg(R + altitudeM, 6_378_137));
    }
}
