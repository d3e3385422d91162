package org.spacettx.exercise.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.access.OverflightFinder;
import org.spacettx.orbit.access.Sensor;
import org.spacettx.orbit.access.Target;
import org.spacettx.orbit.access.Window;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.Area;
import org.spacettx.orbit.geo.CircleArea;
import org.spacettx.orbit.geo.GeoPoint;
import org.spacettx.orbit.geo.PolygonArea;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.propagate.Ephemeris;
import org.spacettx.orbit.propagate.GeodeticPosition;
import org.spacettx.orbit.propagate.PropagationException;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * The scenario's space picture at a scenario time: where each object is, its ground track around that time, and
 * the overflight windows of the scenario's places by its imaging objects. Windows are computed once per scenario
 * (over its whole span, on the trigger schedule's sampled ephemerides) and kept; positions are cheap.
 */
public final class SpacePicture {

    /** Ground track shown: this long before and after the time asked for. */
    static final Duration TRACK_BEFORE = Duration.ofMinutes(30);
    static final Duration TRACK_AFTER = Duration.ofMinutes(100);
    /** Windows shown: those overlapping this span around the time asked for. */
    static final Duration WINDOW_SPAN = Duration.ofHours(24);

    private final Scenario scenario;
    private final TriggerSchedule schedule;
    private final OrekitData data;
    private final Map<String, Sgp4> propagators = new LinkedHashMap<>();
    /** Propagators of single element sets of objects that manoeuvre, for what is predicted ahead of a time. */
    private final Map<org.spacettx.orbit.catalog.ElementSet, Sgp4> predictions = new ConcurrentHashMap<>();
    /** Each breakup's fragments, made ready when first shown. */
    private final Map<String, List<Sgp4>> fragments = new ConcurrentHashMap<>();
    /** The sensor model of each object that has one, by object id. */
    private final Map<String, Sensor> sensors = new LinkedHashMap<>();
    private volatile List<PlaceWindow> windows;
    private final Map<Instant, Map<String, Object>> cache = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> places;
    /** The scenario's ground sensors as the map draws them (computed once: they do not move), in the scenario's order. */
    private final List<Map<String, Object>> groundSensors;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    /** Propagators of objects as delegations hold them, by their element sets. */
    private final Map<List<org.spacettx.orbit.catalog.ElementSet>, Sgp4> flownBy = new ConcurrentHashMap<>();
    /** Windows of imaging objects as delegations hold them. */
    private final Map<SpaceObject, List<PlaceWindow>> held = new ConcurrentHashMap<>();

    public SpacePicture(Scenario scenario, TriggerSchedule schedule, OrekitData data) {
        this.scenario = scenario;
        this.schedule = schedule;
        this.data = data;
        this.places = places(scenario);
        this.groundSensors = scenario.sensors().stream().map(SpacePicture::groundSensor).toList();
        scenario.sites().forEach((id, site) -> targets.put(id, Target.of(site)));
        scenario.areas().forEach((id, area) -> targets.put(id, Target.of(area, Target.DEFAULT_SPACING_KM)));
        for (SpaceObject o : scenario.objects()) {
            propagators.put(o.id(), o.propagator(data));
            if (!o.sensorSpec().isEmpty()) {
                sensors.put(o.id(), Sensor.parse(o.sensorSpec()));
            }
        }
    }

    /** An overflight window and the id of the scenario place it is over. */
    public record PlaceWindow(String place, Window window) {
    }

    /** Every overflight window of the scenario's sites and areas by its objects that have a sensor model. */
    public List<PlaceWindow> windows() {
        List<PlaceWindow> w = windows;
        if (w == null) {
            synchronized (this) {
                if (windows == null) {
                    windows = computeWindows();
                }
                w = windows;
            }
        }
        return w;
    }

    private List<PlaceWindow> computeWindows() {
        List<PlaceWindow> out = new ArrayList<>();
        for (int i = 0; i < scenario.objects().size(); i++) {
            SpaceObject o = scenario.objects().get(i);
            if (sensors.containsKey(o.id())) {
                out.addAll(windowsOf(o, schedule.sky(), schedule.sky().objects().get(i)));
            }
        }
        out.sort(java.util.Comparator.comparing((PlaceWindow p) -> p.window().start()));
        return List.copyOf(out);
    }

    /** The overflight windows of the scenario's places by one imaging object flown as {@code e} (sampled in {@code sky}). */
    private List<PlaceWindow> windowsOf(SpaceObject o, org.spacettx.orbit.propagate.Ephemerides sky, Ephemeris e) {
        List<PlaceWindow> out = new ArrayList<>();
        for (Map.Entry<String, Target> t : targets.entrySet()) {
            for (Window w : OverflightFinder.find(sky, e, t.getValue(), sensors.get(o.id()))) {
                if ((o.inOrbitFrom() == null || !w.end().isBefore(o.inOrbitFrom()))
                        && (o.destroyedAt() == null || w.start().isBefore(o.destroyedAt()))) {
                    out.add(new PlaceWindow(t.getKey(), w));
                }
            }
        }
        return out;
    }

    /**
     * The windows of an imaging object as a delegation holds it ({@link CellKnowledge.Estimate#asKnown}): predicted over
     * the scenario from the element sets it holds, on the schedule's grid (computed once per such object).
     */
    private List<PlaceWindow> heldWindows(SpaceObject asKnown) {
        if (!sensors.containsKey(asKnown.id())) {
            return List.of();
        }
        return held.computeIfAbsent(asKnown, o -> {
            org.spacettx.orbit.propagate.Ephemerides one = org.spacettx.orbit.propagate.Ephemerides.sample(List.of(flown(o)),
                    scenario.start(), scenario.end(), ScenarioSky.STEP, 1, data);
            List<PlaceWindow> w = new ArrayList<>(windowsOf(o, one, one.objects().get(0)));
            w.sort(java.util.Comparator.comparing((PlaceWindow p) -> p.window().start()));
            return List.copyOf(w);
        });
    }

    /** The propagator of an object as someone holds it (its element sets, switching at its manoeuvres). */
    private Sgp4 flown(SpaceObject o) {
        return flownBy.computeIfAbsent(o.segments(), segments -> Sgp4.of(segments, data));
    }

    /**
     * The picture at a time as one viewer may see it: without the objects {@code known} rejects (the visibility
     * policy decides), nor their overflight windows.
     */
    public Map<String, Object> at(Instant time, java.util.function.Predicate<SpaceObject> known) {
        Map<String, Object> full = at(time);
        java.util.Set<String> hiddenIds = new java.util.HashSet<>();
        java.util.Set<Integer> hiddenNorads = new java.util.HashSet<>();
        for (SpaceObject o : scenario.objects()) {
            if (!known.test(o)) {
                hiddenIds.add(o.id());
                hiddenNorads.add(o.elements().noradId());
            }
        }
        if (hiddenIds.isEmpty()) {
            return full;
        }
        Map<String, Object> seen = new LinkedHashMap<>(full);
        seen.put("objects", without(full.get("objects"), "id", hiddenIds));
        seen.put("windows", without(full.get("windows"), "norad", hiddenNorads));
        seen.put("next", without(full.get("next"), "norad", hiddenNorads));
        seen.put("debris", without(full.get("debris"), "object", hiddenIds)); // a cloud is known with its parent
        return seen;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> without(Object list, String key, java.util.Set<?> hidden) {
        return ((List<Map<String, Object>>) list).stream().filter(m -> !hidden.contains(m.get(key))).toList();
    }

    /** The picture at a time (rounded down to the minute, and cached), as JSON-ready maps, with every object. */
    public Map<String, Object> at(Instant time) {
        Instant minute = time.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        return cache.computeIfAbsent(minute, this::compute);
    }

    private Map<String, Object> compute(Instant t) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (SpaceObject o : scenario.objects()) {
            objects.add(objectMap(o, t, propagators.get(o.id())));
        }
        Map<String, Object> picture = new LinkedHashMap<>();
        picture.put("time", t.toString());
        picture.put("objects", objects);
        picture.put("windows", windowList(windows(), t));
        picture.put("next", nextList(windows(), t));
        picture.put("places", places);
        picture.put("debris", debris(t));
        picture.put("effects", effects(t));
        return picture;
    }

    /** One object in a picture at {@code t}: where it is, its ground track around then, its footprint. */
    private Map<String, Object> objectMap(SpaceObject o, Instant t, Sgp4 sgp4) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("name", o.name());
        m.put("nation", o.nation());
        m.put("norad", o.elements().noradId());
        m.put("sensor", o.sensorSpec());
        boolean inOrbit = o.inOrbitAt(t);
        m.put("inOrbit", inOrbit);
        if (o.destroyedAt() != null && !t.isBefore(o.destroyedAt())) {
            m.put("destroyedAt", o.destroyedAt().toString());
        }
        if (inOrbit) {
            try {
                GeodeticPosition p = sgp4.geodetic(t);
                m.put("position", Map.of("lat", round(p.latitudeDeg()), "lon", round(p.longitudeDeg()),
                        "altKm", Math.round(p.altitudeKm() * 10) / 10.0));
                List<double[]> track = new ArrayList<>();
                Instant from = o.inOrbitFrom() != null && t.minus(TRACK_BEFORE).isBefore(o.inOrbitFrom())
                        ? o.inOrbitFrom() : t.minus(TRACK_BEFORE);
                // Ahead of t, the track is predicted from the element set in force at t: a manoeuvre still to
                // come does not show before it is made.
                Sgp4 ahead = o.later().isEmpty() ? sgp4 : predictions.computeIfAbsent(o.elementsAt(t), e -> Sgp4.of(e, data));
                Instant until = o.destroyedAt() != null && o.destroyedAt().isBefore(t.plus(TRACK_AFTER))
                        ? o.destroyedAt() : t.plus(TRACK_AFTER);
                for (Instant s = from; !s.isAfter(until); s = s.plusSeconds(60)) {
                    GeodeticPosition q = (s.isAfter(t) ? ahead : sgp4).geodetic(s);
                    track.add(new double[] {round(q.longitudeDeg()), round(q.latitudeDeg())});
                }
                m.put("track", track);
                m.put("trackFrom", from.toString()); // one point a minute from here: the client tells past from future
                if (sensors.containsKey(o.id())) {
                    m.put("footprint", footprint(sensors.get(o.id()), p));
                }
            } catch (PropagationException e) {
                m.put("inOrbit", false);
                m.put("note", e.getMessage());
            }
        }
        return m;
    }

    /**
     * The picture at a time as one viewer holds it: the objects {@code known} accepts; each that {@code estimates}
     * gives an estimate of (a delegation with sensors) where that estimate puts it, with its fix, custody and
     * uncertainty ({@code estimate}), and its windows predicted from the element sets held, not from the truth; the
     * debris of the breakups {@code breakupKnown} accepts (by id; a delegation with sensors from its first sighting of a
     * fragment).
     */
    public Map<String, Object> at(Instant time, java.util.function.Predicate<SpaceObject> known,
                                  java.util.function.Function<SpaceObject, java.util.Optional<CellKnowledge.Estimate>> estimates,
                                  java.util.function.Predicate<String> breakupKnown) {
        Map<String, Object> seen = new LinkedHashMap<>(at(time, known));
        seen.put("debris", listOf(seen.get("debris")).stream().filter(d -> breakupKnown.test((String) d.get("breakup"))).toList());
        Instant t = Instant.parse((String) seen.get("time"));
        Map<String, CellKnowledge.Estimate> byId = held(known, estimates);
        if (byId.isEmpty()) {
            return seen;
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Map<String, Object> m : listOf(seen.get("objects"))) {
            CellKnowledge.Estimate e = byId.get((String) m.get("id"));
            if (e == null) {
                objects.add(m);
                continue;
            }
            Map<String, Object> est = objectMap(e.asKnown(), t, flown(e.asKnown()));
            est.put("estimate", Map.of("observed", e.observed().toString(), "source", e.source(), "custody", e.custody(),
                    "sigmaKm", Math.round(e.sigmaKm() * 10) / 10.0));
            objects.add(est);
        }
        seen.put("objects", objects);
        List<PlaceWindow> windows = windows(known, byId);
        seen.put("windows", windowList(windows, t));
        seen.put("next", nextList(windows, t));
        return seen;
    }

    /**
     * The windows of the objects {@code known} accepts as a viewer holds them at {@code asOf} ({@code estimates}: a
     * delegation's element sets of each, else the truth).
     */
    public List<PlaceWindow> windows(java.util.function.Predicate<SpaceObject> known,
                                     java.util.function.Function<SpaceObject, java.util.Optional<CellKnowledge.Estimate>> estimates) {
        return windows(known, held(known, estimates));
    }

    /** The estimates of the objects {@code known} accepts that {@code estimates} gives one of, by object id. */
    private Map<String, CellKnowledge.Estimate> held(java.util.function.Predicate<SpaceObject> known,
                                                     java.util.function.Function<SpaceObject, java.util.Optional<CellKnowledge.Estimate>> estimates) {
        Map<String, CellKnowledge.Estimate> byId = new LinkedHashMap<>();
        for (SpaceObject o : scenario.objects()) {
            if (known.test(o)) {
                estimates.apply(o).ifPresent(e -> byId.put(o.id(), e));
            }
        }
        return byId;
    }

    /** The windows of the known objects, each held one's predicted from the element sets held, sorted by start. */
    private List<PlaceWindow> windows(java.util.function.Predicate<SpaceObject> known, Map<String, CellKnowledge.Estimate> held) {
        java.util.Set<Integer> truth = new java.util.HashSet<>();
        List<PlaceWindow> out = new ArrayList<>();
        for (SpaceObject o : scenario.objects()) {
            if (!known.test(o)) {
                continue;
            }
            CellKnowledge.Estimate e = held.get(o.id());
            if (e != null) {
                out.addAll(heldWindows(e.asKnown()));
            } else {
                truth.add(o.elements().noradId());
            }
        }
        windows().stream().filter(p -> truth.contains(p.window().noradId())).forEach(out::add);
        out.sort(java.util.Comparator.comparing((PlaceWindow p) -> p.window().start()));
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object list) {
        return (List<Map<String, Object>>) list;
    }

    /** The windows of a list (sorted by start) that overlap the span shown around {@code t}. */
    private List<Map<String, Object>> windowList(List<PlaceWindow> windows, Instant t) {
        List<Map<String, Object>> windowList = new ArrayList<>();
        for (PlaceWindow p : windows) {
            Window w = p.window();
            if (w.end().isAfter(t.minus(WINDOW_SPAN)) && w.start().isBefore(t.plus(WINDOW_SPAN))) {
                Map<String, Object> m = windowMap(p);
                m.put("coverage", Math.round(w.coverage() * 1000) / 1000.0);
                windowList.add(m);
            }
        }
        return windowList;
    }

    /**
     * The warning schedule's question: when is each satellite next over each place, however far ahead ({@code windows}
     * sorted by start).
     */
    private List<Map<String, Object>> nextList(List<PlaceWindow> windows, Instant t) {
        Map<String, PlaceWindow> next = new LinkedHashMap<>();
        windows.stream().filter(p -> p.window().end().isAfter(t))
                .forEach(p -> next.putIfAbsent(p.window().noradId() + "|" + p.place(), p));
        List<Map<String, Object>> nextList = new ArrayList<>();
        for (PlaceWindow p : next.values()) {
            nextList.add(windowMap(p));
        }
        return nextList;
    }

    /**
     * Each breakup that has happened by {@code t}: its parent's id, name, time and the fragments' positions then
     * ([lon, lat, altitude km]; those SGP4 can no longer fly, decayed, are left out and counted).
     */
    private List<Map<String, Object>> debris(Instant t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (org.spacettx.exercise.scenario.Breakup b : scenario.breakups()) {
            if (t.isBefore(b.time())) {
                continue;
            }
            List<double[]> points = new ArrayList<>();
            int decayed = 0;
            for (Sgp4 f : fragments.computeIfAbsent(b.id(), id -> b.fragments().stream().map(e -> Sgp4.of(e, data)).toList())) {
                try {
                    GeodeticPosition p = f.geodetic(t);
                    points.add(new double[] {round(p.longitudeDeg()), round(p.latitudeDeg()), Math.round(p.altitudeKm())});
                } catch (PropagationException e) {
                    decayed++;
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("breakup", b.id());
            m.put("object", b.object());
            m.put("name", b.name());
            m.put("time", b.time().toString());
            m.put("minSizeM", b.minSizeM());
            m.put("decayed", decayed);
            m.put("points", points);
            out.add(m);
        }
        return out;
    }

    /**
     * The effects active at {@code t}: where, what, until when; a ground jammer with the radius it denies. For control
     * and the evaluators ({@link #withoutEffects} takes them out for the delegations, who learn of them by injects).
     */
    private List<Map<String, Object>> effects(Instant t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (org.spacettx.exercise.scenario.Effect e : scenario.effects()) {
            if (t.isBefore(e.from()) || !t.isBefore(e.to())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("kind", e.kind());
            m.put("name", e.name());
            m.put("point", new double[] {round(e.site().longitudeDeg()), round(e.site().latitudeDeg())});
            m.put("from", e.from().toString());
            m.put("to", e.to().toString());
            switch (e) {
                case org.spacettx.exercise.scenario.Effect.Ground g -> {
                    m.put("radiusKm", Math.round(g.reach().radiusKm() * 10) / 10.0);
                    m.put("ring", circle(new GeoPoint(e.site().latitudeDeg(), e.site().longitudeDeg()),
                            Math.toDegrees(g.reach().radiusKm() / Area.EARTH_RADIUS_KM)));
                }
                case org.spacettx.exercise.scenario.Effect.Uplink u -> m.put("object", u.object());
                case org.spacettx.exercise.scenario.Effect.Laser l -> m.put("object", l.object());
            }
            out.add(m);
        }
        return out;
    }

    /** A picture without its effects: what a delegation's map gets. */
    public static Map<String, Object> withoutEffects(Map<String, Object> picture) {
        Map<String, Object> copy = new LinkedHashMap<>(picture);
        copy.put("effects", List.of());
        return copy;
    }

    /** The altitude at which the map draws a ground sensor's coverage: a low orbit, where reconnaissance satellites fly. */
    public static final double COVERAGE_ALTITUDE_KM = 500;

    /**
     * A picture with the ground sensors of the cells {@code owned} accepts: each with where it stands and the ground
     * over which it sees an object at {@value #COVERAGE_ALTITUDE_KM} km (above its mask, within its range, between its
     * azimuth limits).
     */
    public Map<String, Object> withSensors(Map<String, Object> picture, java.util.function.Predicate<String> owned) {
        Map<String, Object> copy = new LinkedHashMap<>(picture);
        copy.put("sensors", groundSensors.stream().filter(s -> owned.test((String) s.get("cell"))).toList());
        return copy;
    }

    private static Map<String, Object> groundSensor(org.spacettx.exercise.scenario.CellSensor s) {
        Site site = s.sensor().site();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("cell", s.cell());
        m.put("kind", s.sensor().kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("point", new double[] {site.longitudeDeg(), site.latitudeDeg()});
        m.put("altitudeKm", COVERAGE_ALTITUDE_KM);
        m.put("ring", s.sensor().coverage(COVERAGE_ALTITUDE_KM).stream()
                .map(g -> new double[] {round(g.longitudeDeg()), round(g.latitudeDeg())}).toList());
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The scenario's name of an object, in both languages, by catalog number. */
    public org.spacettx.exercise.scenario.Text objectName(int noradId) {
        return scenario.objects().stream().filter(o -> o.elements().noradId() == noradId).findFirst().map(SpaceObject::name)
                .orElse(org.spacettx.exercise.scenario.Text.of(Integer.toString(noradId), Integer.toString(noradId)));
    }

    /** A window as the console reads it: place id and its name, the object's name (both in both languages), times. */
    private Map<String, Object> windowMap(PlaceWindow p) {
        Window w = p.window();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("norad", w.noradId());
        m.put("object", objectName(w.noradId()));
        m.put("place", p.place());
        m.put("target", scenario.placeName(p.place()));
        m.put("start", w.start().toString());
        m.put("end", w.end().toString());
        return m;
    }

    /** The scenario's sites (points) and areas (closed outer rings, circles as 72-gons), as [lon, lat] for maps. */
    public static List<Map<String, Object>> places(Scenario scenario) {
        List<Map<String, Object>> out = new ArrayList<>();
        scenario.sites().forEach((id, site) -> out.add(Map.of("id", id, "name", scenario.placeName(id), "kind", "site",
                "point", new double[] {round(site.longitudeDeg()), round(site.latitudeDeg())})));
        scenario.areas().forEach((id, area) -> {
            List<List<double[]>> rings = new ArrayList<>();
            switch (area) {
                case PolygonArea p -> p.polygons().forEach(polygon -> {
                    List<double[]> ring = new ArrayList<>(polygon.get(0).stream()
                            .map(g -> new double[] {round(g.longitudeDeg()), round(g.latitudeDeg())}).toList());
                    if (!java.util.Arrays.equals(ring.get(0), ring.get(ring.size() - 1))) {
                        ring.add(ring.get(0)); // closed, as GeoJSON rings are
                    }
                    rings.add(ring);
                });
                case CircleArea c -> rings.add(circle(c.center(), c.capRadiusDeg()));
            }
            out.add(Map.of("id", id, "name", scenario.placeName(id), "kind", "area", "rings", rings));
        });
        return out;
    }

    /** The ground the sensor can see from where the satellite is, as a closed ring of [lon, lat] (72 sides). */
    private static List<double[]> footprint(Sensor sensor, GeodeticPosition p) {
        double earthM = Area.EARTH_RADIUS_KM * 1000;
        double angle = sensor.footprintAngleDeg(earthM + p.altitudeKm() * 1000, earthM);
        return circle(new GeoPoint(p.latitudeDeg(), p.longitudeDeg()), angle);
    }

    /** A small circle (72 sides, closed) of the given central angle around a point, as [lon, lat]. */
    private static List<double[]> circle(GeoPoint centre, double angleDeg) {
        List<double[]> ring = new ArrayList<>();
        for (int az = 0; az <= 360; az += 5) {
            GeoPoint g = centre.destination(az, angleDeg);
            ring.add(new double[] {round(g.longitudeDeg()), round(g.latitudeDeg())});
        }
        return ring;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e4) / 1e4;
    }
}
