package org.spacettx.orbit.geo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.JsonInput;
import org.spacettx.orbit.input.SourceLocation;

/**
 * Reads sites and areas from GeoJSON (RFC 7946): a FeatureCollection, a Feature or a bare geometry. A Point is a
 * site, or a circular area when its properties give {@code radius_km}; a Polygon or MultiPolygon is an area.
 * Properties used: {@code name}, {@code nation}, {@code kind}, {@code altitude_m}, {@code radius_km}.
 */
public final class GeoJsonPlaces {


    private GeoJsonPlaces() {
    }

    /** Largest GeoJSON file read (a country's detailed outline is a few MiB). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    public static Places read(Path file) {
        SourceLocation at = SourceLocation.of(file.toString());
        return parse(org.spacettx.orbit.input.TextFiles.readUtf8(file, MAX_FILE_BYTES), at);
    }

    public static Places parse(String text, SourceLocation at) {
        JsonNode root = JsonInput.read(text, at);
        if (root == null || !root.isObject()) {
            throw new InputException(at, null, "is not a GeoJSON object");
        }
        List<Site> sites = new ArrayList<>();
        List<Area> areas = new ArrayList<>();
        String type = root.path("type").asText();
        if (type.equals("FeatureCollection")) {
            JsonNode features = root.path("features");
            if (!features.isArray()) {
                throw new InputException(at, "features", "must be an array");
            }
            for (int i = 0; i < features.size(); i++) {
                feature(features.get(i), "feature " + (i + 1), at, sites, areas);
            }
        } else if (type.equals("Feature")) {
            feature(root, "feature 1", at, sites, areas);
        } else {
            geometry(root, JsonInput.emptyObject(), "geometry", at, sites, areas);
        }
        return new Places(sites, areas);
    }

    private static void feature(JsonNode feature, String where, SourceLocation at, List<Site> sites, List<Area> areas) {
        if (!feature.path("type").asText().equals("Feature")) {
            throw new InputException(at, where, "is not a GeoJSON Feature");
        }
        geometry(feature.path("geometry"), feature.path("properties"), where, at, sites, areas);
    }

    private static void geometry(JsonNode geometry, JsonNode properties, String where, SourceLocation at,
                                 List<Site> sites, List<Area> areas) {
        String name = properties.path("name").asText("");
        String label = where + (name.isEmpty() ? "" : " (" + name + ")");
        String nation = properties.path("nation").asText("");
        String kind = properties.path("kind").asText("");
        JsonNode coordinates = geometry.path("coordinates");
        try {
            switch (geometry.path("type").asText()) {
                case "Point" -> {
                    GeoPoint p = point(coordinates);
                    if (properties.has("radius_km")) {
                        double radius = number(properties.get("radius_km"), "radius_km");
                        areas.add(new CircleArea(name, p, radius, nation, kind));
                    } else {
                        double alt = properties.has("altitude_m") ? number(properties.get("altitude_m"), "altitude_m")
                                : coordinates.size() > 2 ? coordinates.get(2).asDouble() : 0;
                        sites.add(new Site(name, p.latitudeDeg(), p.longitudeDeg(), alt, nation, kind));
                    }
                }
                case "Polygon" -> areas.add(new PolygonArea(name, List.of(polygon(coordinates)), nation, kind));
                case "MultiPolygon" -> {
                    List<List<List<GeoPoint>>> polygons = new ArrayList<>();
                    for (JsonNode polygon : coordinates) {
                        polygons.add(polygon(polygon));
                    }
                    areas.add(new PolygonArea(name, polygons, nation, kind));
                }
                default -> throw new IllegalArgumentException("geometry type '" + geometry.path("type").asText()
                        + "' is not Point, Polygon or MultiPolygon");
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(at, label, e.getMessage());
        }
    }

    private static List<List<GeoPoint>> polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("polygon coordinates must be an array of rings");
        }
        List<List<GeoPoint>> result = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray()) {
                throw new IllegalArgumentException("a polygon ring must be an array of positions");
            }
            List<GeoPoint> points = new ArrayList<>();
            for (JsonNode position : ring) {
                points.add(point(position));
            }
            result.add(points);
        }
        return result;
    }

    private static GeoPoint point(JsonNode position) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw new IllegalArgumentException("a position must be [longitude, latitude] in degrees, found " + position);
        }
        return new GeoPoint(position.get(1).asDouble(), position.get(0).asDouble());
    }

    private static double number(JsonNode value, String key) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException(key + " must be a number, found " + value);
        }
        return value.asDouble();
    }
}
