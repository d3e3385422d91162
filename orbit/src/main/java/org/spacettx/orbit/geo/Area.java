package org.spacettx.orbit.geo;

import java.util.List;

/**
 * An area of interest on the ground. Geometry is on a sphere (the central-angle errors this makes, below 0.2 %,
 * are far below a sensor footprint's uncertainty); areas must not contain a pole.
 */
public sealed interface Area permits PolygonArea, CircleArea {

    String name();

    String nation();

    String kind();

    boolean contains(GeoPoint point);

    /** Centre of a cap that holds the whole area. */
    GeoPoint capCenter();

    /** Angular radius of that cap, degrees. */
    double capRadiusDeg();

    /**
     * Points that stand for the area in coverage computations: its vertices or centre, its boundary and a grid over
     * its interior, spaced about {@code spacingKm} apart (at least one point).
     */
    List<GeoPoint> samples(double spacingKm);

    /** Mean Earth radius used for the km ↔ degree conversions of areas, km. */
    double EARTH_RADIUS_KM = 6371.0;

    static double kmToDeg(double km) {
        return Math.toDegrees(km / EARTH_RADIUS_KM);
    }
}
