package org.spacettx.orbit.access;

import org.spacettx.orbit.geo.Site;

/**
 * A site's local frame in ITRF: its position (m) on the WGS-84 ellipsoid and its up, east and north unit vectors
 * (up is the ellipsoid normal). Elevations are geometric (no refraction).
 */
public final class Topocentric {

    static final double WGS84_A = 6378137.0;
    static final double WGS84_F = 1 / 298.257223563;
    static final double WGS84_E2 = WGS84_F * (2 - WGS84_F);

    private final Site site;
    final double[] position = new double[3];
    final double[] up = new double[3];
    final double[] east = new double[3];
    final double[] north = new double[3];

    public Topocentric(Site site) {
        this.site = site;
        double lat = Math.toRadians(site.latitudeDeg());
        double lon = Math.toRadians(site.longitudeDeg());
        double sinLat = Math.sin(lat);
        double cosLat = Math.cos(lat);
        double sinLon = Math.sin(lon);
        double cosLon = Math.cos(lon);
        double n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
        double h = site.altitudeM();
        position[0] = (n + h) * cosLat * cosLon;
        position[1] = (n + h) * cosLat * sinLon;
        position[2] = (n * (1 - WGS84_E2) + h) * sinLat;
        up[0] = cosLat * cosLon;
        up[1] = cosLat * sinLon;
        up[2] = sinLat;
        east[0] = -sinLon;
        east[1] = cosLon;
        east[2] = 0;
        north[0] = -sinLat * cosLon;
        north[1] = -sinLat * sinLon;
        north[2] = cosLat;
    }

    public Site site() {
        return site;
    }

    /** Elevation (degrees) of an ITRF position (m) seen from the site. */
    public double elevationDeg(double[] target) {
        double rx = target[0] - position[0];
        double ry = target[1] - position[1];
        double rz = target[2] - position[2];
        double range = Math.sqrt(rx * rx + ry * ry + rz * rz);
        return Math.toDegrees(Math.asin((rx * up[0] + ry * up[1] + rz * up[2]) / range));
    }

    /** Azimuth (degrees from north, clockwise, 0..360) of an ITRF position seen from the site. */
    public double azimuthDeg(double[] target) {
        double rx = target[0] - position[0];
        double ry = target[1] - position[1];
        double rz = target[2] - position[2];
        double az = Math.toDegrees(Math.atan2(rx * east[0] + ry * east[1] + rz * east[2],
                rx * north[0] + ry * north[1] + rz * north[2]));
        return az < 0 ? az + 360 : az;
    }

    /** Distance (km) from the site to an ITRF position (m). */
    public double rangeKm(double[] target) {
        double rx = target[0] - position[0];
        double ry = target[1] - position[1];
        double rz = target[2] - position[2];
        return Math.sqrt(rx * rx + ry * ry + rz * rz) / 1000.0;
    }

    /**
     * A number with the sign of d(elevation)/dt for a target moving with {@code velocity} (m/s, ITRF): the time
     * derivative of sin(elevation) times range³, which avoids every square root and division.
     */
    public double elevationTrend(double[] target, double[] velocity) {
        double rx = target[0] - position[0];
        double ry = target[1] - position[1];
        double rz = target[2] - position[2];
        double rr = rx * rx + ry * ry + rz * rz;
        double ru = rx * up[0] + ry * up[1] + rz * up[2];
        double vu = velocity[0] * up[0] + velocity[1] * up[1] + velocity[2] * up[2];
        double rv = rx * velocity[0] + ry * velocity[1] + rz * velocity[2];
        return vu * rr - ru * rv;
    }

    /** Sun elevation (degrees) at the site for a unit Sun direction (the Sun's parallax is negligible). */
    public double sunElevationDeg(double[] sunDirection) {
        return Math.toDegrees(Math.asin(sunDirection[0] * up[0] + sunDirection[1] * up[1] + sunDirection[2] * up[2]));
    }
}
