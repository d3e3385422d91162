package org.spacettx.orbit.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * One or more polygons (a GeoJSON Polygon or MultiPolygon): each polygon is an outer ring and optional holes, rings
 * given as closed or open lists of vertices. Containment is decided in longitude/latitude with longitudes unwrapped
 * around each ring's first vertex, so polygons may cross the antimeridian but not contain a pole.
 */
public record PolygonArea(String name, List<List<List<GeoPoint>>> polygons, String nation, String kind) implements Area {

    public PolygonArea {
        name = name == null ? "" : name.strip();
        nation = nation == null ? "" : nation.strip();
        kind = kind == null ? "" : kind.strip();
        if (polygons.isEmpty()) {
            throw new IllegalArgumentException("an area needs at least one polygon");
        }
        List<List<List<GeoPoint>>> copy = new ArrayList<>();
        for (List<List<GeoPoint>> polygon : polygons) {
            if (polygon.isEmpty()) {
                throw new IllegalArgumentException("a polygon needs an outer ring");
            }
            List<List<GeoPoint>> rings = new ArrayList<>();
            for (List<GeoPoint> ring : polygon) {
                List<GeoPoint> open = new ArrayList<>(ring);
                if (open.size() > 1 && open.get(0).equals(open.get(open.size() - 1))) {
                    open.remove(open.size() - 1);
                }
                if (open.size() < 3) {
                    throw new IllegalArgumentException("a polygon ring needs at least 3 distinct vertices");
                }
                rings.add(List.copyOf(open));
            }
            copy.add(List.copyOf(rings));
        }
        polygons = List.copyOf(copy);
    }

    private static double unwrap(double lon, double reference) {
        double d = lon - reference;
        while (d > 180) {
            d -= 360;
        }
        while (d < -180) {
            d += 360;
        }
        return reference + d;
    }

    @Override
    public boolean contains(GeoPoint point) {
        for (List<List<GeoPoint>> polygon : polygons) {
            if (inside(polygon.get(0), point)) {
                boolean inHole = false;
                for (List<GeoPoint> hole : polygon.subList(1, polygon.size())) {
                    inHole |= inside(hole, point);
                }
                if (!inHole) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Even-odd ray casting, longitudes unwrapped around the ring's first vertex. */
    private static boolean inside(List<GeoPoint> ring, GeoPoint point) {
        double ref = ring.get(0).longitudeDeg();
        double x = unwrap(point.longitudeDeg(), ref);
        double y = point.latitudeDeg();
        boolean in = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double xi = unwrap(ring.get(i).longitudeDeg(), ref);
            double yi = ring.get(i).latitudeDeg();
            double xj = unwrap(ring.get(j).longitudeDeg(), ref);
            double yj = ring.get(j).latitudeDeg();
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }

    @Override
    public GeoPoint capCenter() {
        double[] sum = new double[3];
        for (List<List<GeoPoint>> polygon : polygons) {
            for (GeoPoint p : polygon.get(0)) {
                double[] u = p.unitVector();
                for (int k = 0; k < 3; k++) {
                    sum[k] += u[k];
                }
            }
        }
        double norm = Math.sqrt(sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2]);
        return new GeoPoint(Math.toDegrees(Math.asin(sum[2] / norm)), Math.toDegrees(Math.atan2(sum[1], sum[0])));
    }

    @Override
    public double capRadiusDeg() {
        GeoPoint center = capCenter();
        double radius = 0;
        for (List<List<GeoPoint>> polygon : polygons) {
            for (GeoPoint p : polygon.get(0)) {
                radius = Math.max(radius, center.angleToDeg(p));
            }
        }
        // Edges between vertices bulge at most this much beyond them for the small areas an exercise uses.
        return radius * 1.01 + 1e-6;
    }

    @Override
    public List<GeoPoint> samples(double spacingKm) {
        List<GeoPoint> points = new ArrayList<>();
        double step = Area.kmToDeg(spacingKm);
        for (List<List<GeoPoint>> polygon : polygons) {
            double ref = polygon.get(0).get(0).longitudeDeg();
            for (List<GeoPoint> ring : polygon) {
                for (int i = 0; i < ring.size(); i++) {
                    GeoPoint a = ring.get(i);
                    GeoPoint b = ring.get((i + 1) % ring.size());
                    int n = Math.max(1, (int) Math.ceil(a.angleToDeg(b) / step));
                    double ax = unwrap(a.longitudeDeg(), ref);
                    double bx = unwrap(b.longitudeDeg(), ref);
                    for (int k = 0; k < n; k++) {
                        double f = (double) k / n;
                        points.add(new GeoPoint(a.latitudeDeg() + f * (b.latitudeDeg() - a.latitudeDeg()),
                                normalize(ax + f * (bx - ax))));
                    }
                }
            }
            double minLat = 90;
            double maxLat = -90;
            double minLon = Double.MAX_VALUE;
            double maxLon = -Double.MAX_VALUE;
            for (GeoPoint p : polygon.get(0)) {
                minLat = Math.min(minLat, p.latitudeDeg());
                maxLat = Math.max(maxLat, p.latitudeDeg());
                minLon = Math.min(minLon, unwrap(p.longitudeDeg(), ref));
                maxLon = Math.max(maxLon, unwrap(p.longitudeDeg(), ref));
            }
            for (double lat = minLat + step / 2; lat < maxLat; lat += step) {
                double lonStep = step / Math.max(0.05, Math.cos(Math.toRadians(lat)));
                for (double lon = minLon + lonStep / 2; lon < maxLon; lon += lonStep) {
                    GeoPoint p = new GeoPoint(lat, normalize(lon));
                    if (contains(p)) {
                        points.add(p);
                    }
                }
            }
        }
        return points;
    }

    private static double normalize(double lon) {
        return ((lon + 540) % 360) - 180;
    }
}
