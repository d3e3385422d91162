package org.spacettx.exercise.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.propagate.GeodeticPosition;
import org.spacettx.orbit.propagate.PropagationException;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * Attachments generated from the space picture when an inject is released. A ground-track map is GeoJSON (RFC 7946):
 * the object's sub-satellite track for the attachment's hours from the release (split where it crosses the
 * antimeridian), its position at release, and the scenario's sites; consoles and reports draw it on their map.
 */
public final class Attachments {

    private Attachments() {
    }

    /** The attachment as a GeoJSON FeatureCollection (a JSON-ready map). */
    public static Map<String, Object> render(Scenario scenario, Inject.Attachment attachment, Instant released, OrekitData data) {
        SpaceObject object = scenario.object(attachment.object()).orElseThrow(
                () -> new IllegalArgumentException("object '" + attachment.object() + "' is not in the scenario"));
        Sgp4 sgp4 = object.propagator(data);
        Instant from = object.inOrbitFrom() != null && released.isBefore(object.inOrbitFrom()) ? object.inOrbitFrom() : released;
        Instant to = from.plus(Duration.ofSeconds(Math.round(attachment.hours() * 3600)));
        List<List<double[]>> segments = new ArrayList<>();
        List<double[]> current = new ArrayList<>();
        GeodeticPosition first = null;
        for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(60)) {
            GeodeticPosition p;
            try {
                p = sgp4.geodetic(t);
            } catch (PropagationException e) {
                break;
            }
            if (first == null) {
                first = p;
            }
            if (!current.isEmpty() && Math.abs(current.get(current.size() - 1)[0] - p.longitudeDeg()) > 180) {
                segments.add(current);
                current = new ArrayList<>();
            }
            current.add(new double[] {round(p.longitudeDeg()), round(p.latitudeDeg())});
        }
        if (current.size() > 1) {
            segments.add(current);
        }
        List<Object> features = new ArrayList<>();
        features.add(feature(Map.of("type", "MultiLineString", "coordinates", segments),
                Map.of("kind", "ground-track", "object", object.id(), "name", object.elements().name(),
                        "from_utc", from.toString(), "to_utc", to.toString())));
        if (first != null) {
            features.add(feature(Map.of("type", "Point", "coordinates", List.of(round(first.longitudeDeg()), round(first.latitudeDeg()))),
                    Map.of("kind", "position", "object", object.id(), "time_utc", from.toString(),
                            "altitude_km", Math.round(first.altitudeKm() * 10) / 10.0)));
        }
        for (Map.Entry<String, Site> e : scenario.sites().entrySet()) {
            Site s = e.getValue();
            features.add(feature(Map.of("type", "Point", "coordinates", List.of(s.longitudeDeg(), s.latitudeDeg())),
                    Map.of("kind", "site", "id", e.getKey(), "name", s.name(), "nation", s.nation())));
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    private static Map<String, Object> feature(Map<String, Object> geometry, Map<String, Object> properties) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", geometry);
        f.put("properties", new java.util.TreeMap<>(properties));
        return f;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e4) / 1e4;
    }
}
