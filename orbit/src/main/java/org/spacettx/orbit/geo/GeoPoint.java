package org.spacettx.orbit.geo;

/** A point on the Earth's surface: geodetic latitude −90..90°, longitude −180..180° (WGS-84). */
public record GeoPoint(double latitudeDeg, double longitudeDeg) {

    public GeoPoint {
        if (!(latitudeDeg >= -90 && latitudeDeg <= 90)) {
            throw new IllegalArgumentException("latitude " + latitudeDeg + " is outside -90..90 degrees");
        }
        if (!(longitudeDeg >= -180 && longitudeDeg <= 360)) {
            throw new IllegalArgumentException("longitude " + longitudeDeg + " is outside -180..180 degrees");
        }
        longitudeDeg = longitudeDeg > 180 ? longitudeDeg - 360 : longitudeDeg;
    }

    /** Unit vector from the Earth's centre (spherical approximation), for angular distances. */
    public double[] unitVector() {
        double lat = Math.toRadians(latitudeDeg);
        double lon = Math.toRadians(longitudeDeg);
        return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }

    /** Great-circle angle to another point, degrees (spherical Earth). */
    public double angleToDeg(GeoPoint other) {
        double[] a = unitVector();
        double[] b = other.unitVector();
        double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        double[] cross = {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
        return Math.toDegrees(Math.atan2(Math.sqrt(cross[0] * cross[0] + cross[1] * cross[1] + cross[2] * cross[2]), dot));
    }

    /** Initial great-circle azimuth (degrees from north, 0..360) from this point towards {@code other}. */
    public double azimuthToDeg(GeoPoint other) {
        double lat1 = Math.toRadians(latitudeDeg);
        double lat2 = Math.toRadians(other.latitudeDeg);
        double dLon = Math.toRadians(other.longitudeDeg - longitudeDeg);
        double az = Math.toDegrees(Math.atan2(Math.sin(dLon) * Math.cos(lat2),
                Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon)));
        return az < 0 ? az + 360 : az;
    }

    /** The point reached by going {@code angleDeg} along a great circle starting at {@code azimuthDeg} (from north). */
    public GeoPoint destination(double azimuthDeg, double angleDeg) {
        double lat = Math.toRadians(latitudeDeg);
        double lon = Math.toRadians(longitudeDeg);
        double az = Math.toRadians(azimuthDeg);
        double d = Math.toRadians(angleDeg);
        double lat2 = Math.asin(Math.sin(lat) * Math.cos(d) + Math.cos(lat) * Math.sin(d) * Math.cos(az));
        double lon2 = lon + Math.atan2(Math.sin(az) * Math.sin(d) * Math.cos(lat), Math.cos(d) - Math.sin(lat) * Math.sin(lat2));
        double lonDeg = Math.toDegrees(lon2);
        lonDeg = ((lonDeg + 540) % 360) - 180;
        return new GeoPoint(Math.toDegrees(lat2), lonDeg);
    }
}
