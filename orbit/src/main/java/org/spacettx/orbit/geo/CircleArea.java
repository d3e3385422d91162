package org.spacettx.orbit.geo;

import java.util.ArrayList;
import java.util.List;

/** The points within a great-circle distance of a centre. */
public record CircleArea(String name, GeoPoint center, double radiusKm, String nation, String kind) implements Area {

    public CircleArea {
        name = name == null ? "" : name.strip();
        nation = nation == null ? "" : nation.strip();
        kind = kind == null ? "" : kind.strip();
        if (!(radiusKm > 0 && radiusKm < 5000)) {
            throw new IllegalArgumentException("radius " + radiusKm + " km is outside (0, 5000)");
        }
    }

    @Override
    public boolean contains(GeoPoint point) {
        return center.angleToDeg(point) <= capRadiusDeg();
    }

    @Override
    public GeoPoint capCenter() {
        return center;
    }

    @Override
    public double capRadiusDeg() {
        return Area.kmToDeg(radiusKm);
    }

    @Override
    public List<GeoPoint> samples(double spacingKm) {
        List<GeoPoint> points = new ArrayList<>();
        points.add(center);
        int rings = (int) Math.ceil(radiusKm / spacingKm);
        for (int r = 1; r <= rings; r++) {
            double ringKm = radiusKm * r / rings;
            int count = Math.max(6, (int) Math.ceil(2 * Math.PI * ringKm / spacingKm));
            for (int k = 0; k < count; k++) {
                points.add(center.destination(360.0 * k / count, Area.kmToDeg(ringKm)));
            }
        }
        return points;
    }
}
