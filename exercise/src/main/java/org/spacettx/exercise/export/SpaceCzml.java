package org.spacettx.exercise.export;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.spacettx.exercise.engine.Json;
import org.spacettx.exercise.engine.SpacePicture;
import org.spacettx.exercise.scenario.Breakup;
import org.spacettx.exercise.scenario.Effect;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.Text;
import org.spacettx.orbit.catalog.ElementSet;
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
     * Who reads the document: the objects {@code known} accepts (the visibility policy decides, per reader), each as it
     * could be known at {@code knownAsOf} (manoeuvres and breakups still to come are not shown; null: the truth),
     * whether the counterspace effects are drawn (control's alone: the delegations learn of them by injects), and each
     * object as the reader holds it ({@code held}: a delegation flies it on the element sets of its latest fix), and the
     * breakups whose debris it knows of ({@code breakups}: a delegation with sensors from its first sighting of a fragment).
     */
    public record View(Predicate<SpaceObject> known, Instant knownAsOf, boolean effects,
                       java.util.function.UnaryOperator<SpaceObject> held, Predicate<Breakup> breakups) {
        /** Everything as it happens: control's view, and the CLI's. */
        public static final View TRUTH = new View(o -> true, null, true, o -> o, b -> true);

        /** The reader's view when it holds every object as it could be known at {@code knownAsOf}. */
        public View(Predicate<SpaceObject> known, Instant knownAsOf, boolean effects) {
            this(known, knownAsOf, effects, o -> o, b -> true);
        }
    }

    /**
     * Fragments are sampled no more often than this, to the metre: thousands of them (a week of a 1,200-fragment cloud
     * is still tens of megabytes), where a few satellites take the step asked for, to the millimetre.
     */
    static final Duration FRAGMENT_STEP = Duration.ofMinutes(5);
    static final double FRAGMENT_RESOLUTION_M = 1;
    /**
     * Between samples 5 minutes apart, degree 9 keeps the viewer's interpolation within metres of SGP4 for most
     * fragments and within 100 m through the perigee of the most eccentric (e = 0.54 in the demo), where degree 5 strays
     * by 640 m.
     */
    static final int FRAGMENT_INTERPOLATION_DEGREE = 9;
    static final double OBJECT_RESOLUTION_M = 0.001;

    /**
     * The CZML document (a JSON array of packets) of {@code scenario} from {@code from} to {@code to}, positions
     * every {@code step}, names in {@code language} ("en" or "ko"), everything as it happens.
     */
    public static String of(Scenario scenario, OrekitData data, Instant from, Instant to, Duration step, String language) {
        return of(scenario, data, from, to, step, language, View.TRUTH);
    }

    /**
     * As above, for one reader's {@code view}: the objects it knows, the debris of a breakup it knows of (from the
     * breakup on, each fragment a point; sampled every {@link #FRAGMENT_STEP} at least), and the effects if it sees them
     * (a ground jammer's denied area while it is active; each effect's site).
     */
    public static String of(Scenario scenario, OrekitData data, Instant from, Instant to, Duration step, String language,
                            View view) {
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
        List<SpaceObject> known = scenario.objects().stream().filter(view.known()).toList();
        for (SpaceObject o : known) {
            Map<String, Object> packet = object(view.held().apply(o.asKnownAt(view.knownAsOf())), data, from, to, step, language);
            if (packet != null) {
                packets.add(packet);
            }
        }
        Duration fragmentStep = step.compareTo(FRAGMENT_STEP) > 0 ? step : FRAGMENT_STEP;
        for (Breakup b : scenario.breakups()) {
            boolean knownParent = known.stream().anyMatch(o -> o.id().equals(b.object()));
            boolean happened = view.knownAsOf() == null || !b.time().isAfter(view.knownAsOf());
            if (knownParent && happened && view.breakups().test(b) && b.time().isBefore(to)) {
                debris(packets, b, data, from.isAfter(b.time()) ? from : b.time(), to, fragmentStep, language);
            }
        }
        if (view.effects()) {
            for (Effect e : scenario.effects()) {
                if (e.from().isBefore(to) && e.to().isAfter(from)) {
                    packets.add(effect(e, scenario, language));
                }
            }
        }
        try {
            return Json.mapper().writeValueAsString(packets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the CZML could not be written", e);
        }
    }

    /** A breakup's fragments: a parent packet for the cloud (its name), one small point per fragment under it. */
    private static void debris(List<Map<String, Object>> packets, Breakup b, OrekitData data, Instant start, Instant to,
                               Duration step, String language) {
        Map<String, Object> cloud = new LinkedHashMap<>();
        cloud.put("id", "debris/" + b.id());
        cloud.put("name", b.name().in(language));
        cloud.put("description", "<p>" + escape(b.name().in(language)) + " · " + b.fragments().size() + " fragments ≥ "
                + b.minSizeM() + " m · " + b.time() + "</p>");
        packets.add(cloud);
        // all fragments on one grid, one Earth-rotation transform per time for them all (the transform costs several
        // times SGP4 itself); the span's end is taken from the grid point at or after it by interpolation
        List<ElementSet> fragments = b.fragments();
        org.spacettx.orbit.propagate.Ephemerides sky = org.spacettx.orbit.propagate.Ephemerides.sample(
                fragments.stream().map(f -> Sgp4.of(f, data)).toList(), start, to, step, Runtime.getRuntime().availableProcessors(), data);
        double span = Duration.between(start, to).toNanos() / 1e9;
        for (int i = 0; i < fragments.size(); i++) {
            ElementSet f = fragments.get(i);
            Track track = track(sky.objects().get(i), start, span, FRAGMENT_RESOLUTION_M);
            if (track == null) {
                continue;
            }
            Map<String, Object> packet = new LinkedHashMap<>();
            packet.put("id", "debris/" + b.id() + "/" + f.noradId());
            packet.put("parent", "debris/" + b.id());
            packet.put("availability", interval(start, track.last()));
            packet.put("position", track.position(start, FRAGMENT_INTERPOLATION_DEGREE));
            packet.put("point", Map.of("pixelSize", 3, "color", DEBRIS_COLOUR));
            packets.add(packet);
        }
    }

    static final Map<String, Object> DEBRIS_COLOUR = rgba(96, 96, 96, 230);
    static final Map<String, Object> EFFECT_COLOUR = rgba(176, 58, 46, 255);

    /** An effect while it is active: its site, and a ground jammer's denied area around it. */
    private static Map<String, Object> effect(Effect e, Scenario scenario, String language) {
        String name = e.name().in(language);
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("id", "effect/" + e.id());
        packet.put("name", name);
        packet.put("availability", interval(e.from(), e.to()));
        String what = switch (e) {
            case Effect.Ground g -> String.format(Locale.ROOT, "%s · receivers within %.1f km lose the signal", e.kind(),
                    g.reach().radiusKm());
            case Effect.Uplink u -> e.kind() + " · " + objectName(scenario, u.object(), language);
            case Effect.Laser l -> e.kind() + " · " + objectName(scenario, l.object(), language);
        };
        packet.put("description", "<p>" + escape(e.nation() + " · " + what) + "</p><p>" + e.from() + " – " + e.to() + "</p>");
        packet.put("position", Map.of("cartographicDegrees", List.of(e.site().longitudeDeg(), e.site().latitudeDeg(), 0.0)));
        packet.put("point", Map.of("pixelSize", 8, "color", EFFECT_COLOUR, "outlineColor", rgba(255, 255, 255, 255),
                "outlineWidth", 1, "heightReference", "CLAMP_TO_GROUND"));
        packet.put("label", label(name, EFFECT_COLOUR));
        if (e instanceof Effect.Ground g) {
            double radiusM = g.reach().radiusKm() * 1000;
            packet.put("ellipse", Map.of("semiMajorAxis", radiusM, "semiMinorAxis", radiusM,
                    "material", Map.of("solidColor", Map.of("color", rgba(176, 58, 46, 70))), "outline", true,
                    "outlineColor", EFFECT_COLOUR, "heightReference", "CLAMP_TO_GROUND"));
        }
        return packet;
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
        Track track = track(o.propagator(data), start, to, step, OBJECT_RESOLUTION_M);
        if (track == null) {
            return null;
        }
        String name = o.name().in(language);
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("id", "object/" + o.id());
        packet.put("name", name);
        packet.put("availability", interval(start, track.last()));
        packet.put("description", description(o, track.stopped()));
        packet.put("position", track.position(start, INTERPOLATION_DEGREE));
        List<Integer> colour = colour(o.nation());
        packet.put("point", Map.of("pixelSize", 8, "color", Map.of("rgba", colour), "outlineColor", rgba(255, 255, 255, 255),
                "outlineWidth", 1));
        packet.put("label", label(name, Map.of("rgba", colour)));
        double periodSeconds = o.elements().periodMinutes() * 60;
        packet.put("path", Map.of("show", true, "width", 1.5, "resolution", 120, "leadTime", 0,
                "trailTime", Math.round(periodSeconds), "material", Map.of("solidColor", Map.of("color", Map.of("rgba", colour)))));
        return packet;
    }

    /** Earth-fixed positions from {@code start}, as CZML's [seconds, x, y, z, ...]; until SGP4 stops ({@code stopped} says why). */
    private record Track(List<Double> cartesian, Instant last, String stopped) {
        Map<String, Object> position(Instant epoch, int degree) {
            Map<String, Object> position = new LinkedHashMap<>();
            position.put("interpolationAlgorithm", "LAGRANGE");
            position.put("interpolationDegree", degree);
            position.put("referenceFrame", "FIXED");
            position.put("epoch", epoch.toString());
            position.put("cartesian", cartesian);
            return position;
        }
    }

    /**
     * The positions of a sampled ephemeris at its grid points before {@code span} seconds and at {@code span} itself
     * (interpolated), as far as it goes; null when there are fewer than two.
     */
    private static Track track(org.spacettx.orbit.propagate.Ephemeris e, Instant start, double span, double resolutionM) {
        List<Double> cartesian = new ArrayList<>();
        double[] p = new double[3];
        double last = -1;
        for (int k = 0; k < e.count() && k * e.step() < span; k++) {
            e.samplePosition(k, p);
            add(cartesian, k * e.step(), p, resolutionM);
            last = k * e.step();
        }
        if (e.endSeconds() >= span) {
            e.stateAt(span, p, new double[3]);
            add(cartesian, span, p, resolutionM);
            last = span;
        }
        return last <= 0 ? null : new Track(cartesian, start.plusNanos(Math.round(last * 1e9)),
                e.stop() == null ? null : e.stop().getMessage());
    }

    private static void add(List<Double> cartesian, double seconds, double[] positionM, double resolutionM) {
        cartesian.add(seconds);
        for (double m : positionM) {
            cartesian.add(metres(m / 1000, resolutionM));
        }
    }

    /** The positions every {@code step} from {@code start} and at {@code to}; null when there are fewer than two. */
    private static Track track(Sgp4 sgp4, Instant start, Instant to, Duration step, double resolutionM) {
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
                cartesian.add(metres(s.xKm(), resolutionM));
                cartesian.add(metres(s.yKm(), resolutionM));
                cartesian.add(metres(s.zKm(), resolutionM));
                last = t;
            } catch (PropagationException e) {
                stopped = e.getMessage();
                break;
            }
        }
        return last == null || last.equals(start) ? null : new Track(cartesian, last, stopped);
    }

    private static String objectName(Scenario scenario, String id, String language) {
        return scenario.objects().stream().filter(o -> o.id().equals(id)).findFirst().map(o -> o.name().in(language)).orElse(id);
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

    private static double metres(double km, double resolutionM) {
        double perMetre = 1 / resolutionM;
        return Math.round(km * 1000 * perMetre) / perMetre; // divided, not multiplied: 1234.567, not 1234.5670000000001
    }

    private static String interval(Instant a, Instant b) {
        return a + "/" + b;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
