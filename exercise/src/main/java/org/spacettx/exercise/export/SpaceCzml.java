package org.spacettx.exercise.export;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.spacettx.exercise.engine.Json;
import org.spacettx.exercise.engine.SpacePicture;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.Text;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.PropagationException;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * The scenario's space picture over a span as CZML 1.0, for Cesium and other CZML viewers: a document packet with
 * the clock, one packet per site and per area ring (on the ground), and one per object with its availability (from
 * its insertion for a launched object, until SGP4 stops for one that decays) and its SGP4 positions in the
 * Earth-fixed frame (ITRF, metres, {@code referenceFrame: FIXED}) at a fixed step from its start and at the span's
 * end, interpolated by the viewer with Lagrange polynomials, with a path of one orbit behind it.
 */
public final class SpaceCzml {

    /** Lagrange degree the viewer interpolates with; the step must keep it accurate (60 s: well under a metre). */
    static final int INTERPOLATION_DEGREE = 5;

    private SpaceCzml() {
    }

    /**
     * The CZML document (a JSON array of packets) of {@code scenario} from {@code from} to {@code to}, positions
     * every {@code step}, names in {@code language} ("en" or "ko").
     */
    public static String of(Scenario scenario, OrekitData data, Instant from, Instant to, Duration step, String language) {
        return of(scenario, data, from, to, step, language, o -> true, null);
    }

    /**
     * As above, with only the objects {@code known} accepts (the visibility policy decides, per reader), each as it
     * could be known at {@code knownAsOf} (manoeuvres and breakups still to come are not shown; null: the truth).
     */
    public static String of(Scenario scenario, OrekitData data, Instant from, Instant to, Duration step, String language,
                            java.util.function.Predicate<SpaceObject> known, Instant knownAsOf) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the span must end after it starts");
        }
        if (step.isNegative() || step.isZero() || step.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("the step is more than 0 and at most 10 minutes");
        }
        List<Map<String, Object>> packets = new ArrayList<>();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", "document");
        document.put("name", scenario.title().in(language));
        document.put("version", "1.0");
        document.put("clock", Map.of("interval", interval(from, to), "currentTime", from.toString(), "multiplier", 60,
                "range", "LOOP_STOP", "step", "SYSTEM_CLOCK_MULTIPLIER"));
        packets.add(document);
        places(packets, SpacePicture.places(scenario), language);
        for (SpaceObject o : scenario.objects().stream().filter(known).toList()) {
            Map<String, Object> packet = object(o.asKnownAt(knownAsOf), data, from, to, step, language);
            if (packet != null) {
                packets.add(packet);
            }
        }
        try {
            return Json.mapper().writeValueAsString(packets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the CZML could not be written", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void places(List<Map<String, Object>> packets, List<Map<String, Object>> places, String language) {
        for (Map<String, Object> p : places) {
            String name = ((Text) p.get("name")).in(language);
            if ("site".equals(p.get("kind"))) {
                double[] point = (double[]) p.get("point");
                Map<String, Object> packet = new LinkedHashMap<>();
                packet.put("id", "place/" + p.get("id"));
                packet.put("name", name);
                packet.put("position", Map.of("cartographicDegrees", List.of(point[0], point[1], 0.0)));
                packet.put("point", Map.of("pixelSize", 7, "color", rgba(31, 122, 58, 255),
                        "outlineColor", rgba(255, 255, 255, 255), "outlineWidth", 1,
                        "heightReference", "CLAMP_TO_GROUND"));
                packet.put("label", label(name, rgba(31, 122, 58, 255)));
                packets.add(packet);
            } else {
                List<List<double[]>> rings = (List<List<double[]>>) p.get("rings");
                for (int k = 0; k < rings.size(); k++) {
                    List<Double> positions = new ArrayList<>();
                    for (double[] lonLat : rings.get(k)) {
                        positions.add(lonLat[0]);
                        positions.add(lonLat[1]);
                        positions.add(0.0);
                    }
                    Map<String, Object> packet = new LinkedHashMap<>();
                    packet.put("id", "place/" + p.get("id") + (rings.size() > 1 ? "#" + (k + 1) : ""));
                    packet.put("name", name);
                    packet.put("polygon", Map.of("positions", Map.of("cartographicDegrees", positions),
                            "material", Map.of("solidColor", Map.of("color", rgba(31, 122, 58, 40))),
                            "outline", true, "outlineColor", rgba(31, 122, 58, 255)));
                    packets.add(packet);
                }
            }
        }
    }

    /** An object's packet, or null when it is never in orbit during the span. */
    private static Map<String, Object> object(SpaceObject o, OrekitData data, Instant from, Instant spanEnd, Duration step,
                                              String language) {
        Instant to = o.destroyedAt() != null && o.destroyedAt().isBefore(spanEnd) ? o.destroyedAt() : spanEnd;
        Instant start = o.inOrbitFrom() != null && o.inOrbitFrom().isAfter(from) ? o.inOrbitFrom() : from;
        if (!start.isBefore(to)) {
            return null;
        }
        Sgp4 sgp4 = o.propagator(data);
        List<Double> cartesian = new ArrayList<>();
        Instant last = null;
        String stopped = null;
        List<Instant> times = new ArrayList<>();
        for (Instant t = start; t.isBefore(to); t = t.plus(step)) {
            times.add(t);
        }
        times.add(to); // the span's end too, so that the object is available until then
        for (Instant t : times) {
            try {
                CartesianState s = sgp4.itrf(t);
                cartesian.add(Duration.between(start, t).toNanos() / 1e9);
                cartesian.add(metres(s.xKm()));
                cartesian.add(metres(s.yKm()));
                cartesian.add(metres(s.zKm()));
                last = t;
            } catch (PropagationException e) {
                stopped = e.getMessage();
                break;
            }
        }
        if (last == null || last.equals(start)) {
            return null;
        }
        String name = o.name().in(language);
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("id", "object/" + o.id());
        packet.put("name", name);
        packet.put("availability", interval(start, last));
        packet.put("description", description(o, stopped));
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("interpolationAlgorithm", "LAGRANGE");
        position.put("interpolationDegree", INTERPOLATION_DEGREE);
        position.put("referenceFrame", "FIXED");
        position.put("epoch", start.toString());
        position.put("cartesian", cartesian);
        packet.put("position", position);
        List<Integer> colour = colour(o.nation());
        packet.put("point", Map.of("pixelSize", 8, "color", Map.of("rgba", colour), "outlineColor", rgba(255, 255, 255, 255),
                "outlineWidth", 1));
        packet.put("label", label(name, Map.of("rgba", colour)));
        double periodSeconds = o.elements().periodMinutes() * 60;
        packet.put("path", Map.of("show", true, "width", 1.5, "resolution", 120, "leadTime", 0,
                "trailTime", Math.round(periodSeconds), "material", Map.of("solidColor", Map.of("color", Map.of("rgba", colour)))));
        return packet;
    }

    private static String description(SpaceObject o, String stopped) {
        StringBuilder d = new StringBuilder();
        d.append("<p>").append(escape(o.nation())).append(" · NORAD ").append(o.elements().noradId());
        if (!o.sensorSpec().isEmpty()) {
            d.append(" · ").append(escape(o.sensorSpec()));
        }
        d.append("</p>");
        if (stopped != null) {
            d.append("<p>").append(escape(stopped)).append("</p>");
        }
        return d.toString();
    }

    private static Map<String, Object> label(String text, Map<String, Object> colour) {
        return Map.of("text", text, "font", "12px sans-serif", "fillColor", colour, "outlineColor", rgba(255, 255, 255, 255),
                "outlineWidth", 2, "style", "FILL_AND_OUTLINE", "horizontalOrigin", "LEFT", "pixelOffset",
                Map.of("cartesian2", List.of(10, 0)));
    }

    private static List<Integer> colour(String nation) {
        return switch (nation == null ? "" : nation.toUpperCase(Locale.ROOT)) {
            case "KOR" -> List.of(0, 71, 160, 255);
            case "USA" -> List.of(60, 59, 110, 255);
            case "PRK" -> List.of(190, 30, 45, 255);
            case "RUS" -> List.of(214, 110, 0, 255);
            case "CHN" -> List.of(222, 41, 16, 255);
            default -> List.of(90, 90, 90, 255);
        };
    }

    private static Map<String, Object> rgba(int r, int g, int b, int a) {
        return Map.of("rgba", List.of(r, g, b, a));
    }

    private static double metres(double km) {
        return Math.round(km * 1e6) / 1e3; // to the millimetre
    }

    private static String interval(Instant a, Instant b) {
        return a + "/" + b;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
