package org.spacettx.orbit.geo;

/**
 * A named place on the ground: geodetic latitude and longitude (degrees, WGS-84) and height above the ellipsoid
 * (metres), with the nation that owns it and what kind of place it is (air base, launch site, city...).
 */
public record Site(String name, double latitudeDeg, double longitudeDeg, double altitudeM, String nation, String kind) {

    public Site {
        name = name == null ? "" : name.strip();
        nation = nation == null ? "" : nation.strip();
        kind = kind == null ? "" : kind.strip();
        GeoPoint checked = new GeoPoint(latitudeDeg, longitudeDeg);
        longitudeDeg = checked.longitudeDeg();
        if (!(altitudeM > -500 && altitudeM < 10_000)) {
            throw new IllegalArgumentException("altitude " + altitudeM + " m is outside -500..10000 m");
        }
    }

    public static Site at(String name, double latitudeDeg, double longitudeDeg) {
        return new Site(name, latitudeDeg, longitudeDeg, 0, "", "");
    }

    public GeoPoint point() {
        return new GeoPoint(latitudeDeg, longitudeDeg);
    }

    /**
     * Parses {@code LAT,LON[,ALT_M]} as given on a command line.
     *
     * @throws IllegalArgumentException with a plain explanation
     */
    public static Site parse(String text) {
        String[] parts = text.split(",");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("'" + text + "' is not LAT,LON[,ALT_M]");
        }
        try {
            double lat = Double.parseDouble(parts[0].strip());
            double lon = Double.parseDouble(parts[1].strip());
            double alt = parts.length == 3 ? Double.parseDouble(parts[2].strip()) : 0;
            return new Site(String.format(java.util.Locale.ROOT, "%.4f,%.4f", lat, lon), lat, lon, alt, "", "");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not LAT,LON[,ALT_M] in degrees and metres");
        }
    }
}
