package org.spacettx.exercise.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.spacettx.exercise.scenario.YamlNode.ListNode;
import org.spacettx.exercise.scenario.YamlNode.MapNode;
import org.spacettx.exercise.scenario.YamlNode.Scalar;
import org.spacettx.orbit.geo.Area;
import org.spacettx.orbit.geo.CircleArea;
import org.spacettx.orbit.geo.GeoPoint;
import org.spacettx.orbit.geo.PolygonArea;
import org.spacettx.orbit.geo.Site;

/** The places: sites, and areas given as polygons or circles; site and area ids share one namespace. */
final class PlacesReader {

    private final ReadContext ctx;

    PlacesReader(ReadContext ctx) {
        this.ctx = ctx;
    }

    void read(MapNode root, Map<String, Site> sites, Map<String, Area> areas, Map<String, Text> names) {
        YamlNode placesNode = root.entries().get("places");
        if (placesNode == null) {
            return;
        }
        MapNode places = ctx.map(placesNode, "places");
        if (places == null) {
            return;
        }
        ctx.keys(places, "places");
        for (MapNode m : ctx.items(places, "sites", false, "a site", "places.sites[]")) {
            String id = ctx.string(m, "id", "");
            Text name = placeName(m, id);
            names.put(id, name);
            try {
                Site site = new Site(name.en(),
                        ctx.number(m, "lat", 0.0), ctx.number(m, "lon", 0.0), ctx.number(m, "alt_m", 0.0),
                        ctx.string(m, "nation", ""), ctx.string(m, "kind", ""));
                if (sites.containsKey(id) || areas.containsKey(id)) {
                    ctx.error(m, "place id '" + id + "' is used twice");
                }
                sites.put(id, site);
            } catch (IllegalArgumentException e) {
                ctx.error(m, e.getMessage());
            }
        }
        for (MapNode m : ctx.items(places, "areas", false, "an area", "places.areas[]")) {
            String id = ctx.string(m, "id", "");
            Text name = placeName(m, id);
            names.put(id, name);
            Area area = area(m, name.en());
            if (area != null) {
                if (sites.containsKey(id) || areas.containsKey(id)) {
                    ctx.error(m, "place id '" + id + "' is used twice");
                }
                areas.put(id, area);
            }
        }
    }

    /** A place's name, each language falling back to the other and then to the id. */
    Text placeName(MapNode m, String id) {
        Text given = ctx.text(m, "name", false);
        return given.isEmpty() ? Text.of(id, id) : Text.of(given.in("en"), given.in("ko"));
    }

    Area area(MapNode m, String name) {
        boolean polygon = m.entries().containsKey("polygon");
        boolean circle = m.entries().containsKey("circle");
        if (polygon == circle) {
            ctx.error(m, "an area needs exactly one of 'polygon' (a list of [lon, lat]) or 'circle' ({lat, lon, radius_km})");
            return null;
        }
        try {
            if (circle) {
                MapNode c = ctx.map(m.entries().get("circle"), "circle");
                if (c == null) {
                    return null;
                }
                ctx.keys(c, "places.areas[].circle");
                return new CircleArea(name, new GeoPoint(ctx.number(c, "lat", 0.0), ctx.number(c, "lon", 0.0)),
                        ctx.number(c, "radius_km", 1.0), ctx.string(m, "nation", ""), ctx.string(m, "kind", ""));
            }
            List<GeoPoint> ring = new ArrayList<>();
            for (YamlNode v : ctx.list(m, "polygon", true)) {
                if (v instanceof ListNode l && l.items().size() == 2 && l.items().get(0) instanceof Scalar lon
                        && l.items().get(1) instanceof Scalar lat) {
                    ring.add(new GeoPoint(Double.parseDouble(lat.text()), Double.parseDouble(lon.text())));
                } else {
                    ctx.error(v, "a polygon vertex must be [longitude, latitude]");
                    return null;
                }
            }
            return new PolygonArea(name, List.of(List.of(ring)), ctx.string(m, "nation", ""), ctx.string(m, "kind", ""));
        } catch (IllegalArgumentException e) {
            ctx.error(m, e.getMessage());
            return null;
        }
    }
}
