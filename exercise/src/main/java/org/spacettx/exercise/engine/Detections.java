package org.spacettx.exercise.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spacettx.exercise.scenario.CellSensor;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.access.GroundSensor;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.Sgp4;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

/**
 * What each cell's own sensors see: for every cell with sensors and every object, the spans during which one of
 * them observes it (above its mask, within the range at which it detects an object of that size, and for a telescope
 * in darkness with the object sunlit), only while the object is in orbit. The first detection of an object by a cell
 * is the start of the first such span, or the object's insertion when a sensor already has it in view then.
 */
public final class Detections implements org.spacettx.exercise.policy.Knowledge {

    /** One sensor's span of observation of one object. */
    public record Sighting(String cell, String sensor, String object, Instant start, Instant end, double closestKm) {
    }

    private final Map<String, Map<String, List<Sighting>>> byCell;
    private final Scenario scenario;
    private final OrekitData data;

    private Detections(Map<String, Map<String, List<Sighting>>> byCell, Scenario scenario, OrekitData data) {
        this.byCell = byCell;
        this.scenario = scenario;
        this.data = data;
    }


    /** The last few scenarios' sightings (the report asks for them each time it is written). */
    private static final java.util.Map<Scenario, Detections> RECENT = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Scenario, Detections> eldest) {
                    return size() > 4;
                }
            });

    /**
     * The sightings of every object by every cell's sensors over the scenario, on the trigger schedule's grid (the
     * scenario's span every 60 s), without a schedule: the same sightings {@link TriggerSchedule#detections()} gives.
     */
    public static Detections compute(Scenario scenario, OrekitData data) {
        Detections known = RECENT.get(scenario);
        if (known != null) {
            return known;
        }
        ScenarioSky sky = ScenarioSky.of(scenario, o -> true, data);
        return compute(scenario, sky.ephemerides(), sky.byId(), data);
    }

    /** The sightings of every object by every cell's sensors, over the span {@code sky} covers. */
    public static Detections compute(Scenario scenario, Ephemerides sky, Map<String, Ephemeris> byId, OrekitData data) {
        Map<String, Map<String, List<Sighting>>> byCell = new LinkedHashMap<>();
        for (CellSensor s : scenario.sensors()) {
            for (SpaceObject o : scenario.objects()) {
                Ephemeris e = byId.get(o.id());
                if (e == null) {
                    continue;
                }
                org.spacettx.orbit.parallel.WorkLimit.checkpoint();
                List<Sighting> list = byCell.computeIfAbsent(s.cell(), c -> new LinkedHashMap<>())
                        .computeIfAbsent(o.id(), id -> new ArrayList<>());
                for (GroundSensor.Observation x : s.sensor().observe(sky, e, o.sizeM())) {
                    Instant start = o.inOrbitFrom() != null && x.start().isBefore(o.inOrbitFrom()) ? o.inOrbitFrom() : x.start();
                    Instant end = o.destroyedAt() != null && x.end().isAfter(o.destroyedAt()) ? o.destroyedAt() : x.end();
                    if (start.isBefore(end)) {
                        list.add(new Sighting(s.cell(), s.id(), o.id(), start, end, x.closestKm()));
                    }
                }
            }
        }
        for (Map<String, List<Sighting>> seen : byCell.values()) {
            seen.values().forEach(l -> l.sort(Comparator.comparing(Sighting::start)));
        }
        Detections d = new Detections(byCell, scenario, data);
        RECENT.put(scenario, d); // the same sightings for whoever asks next (they depend on the scenario alone)
        return d;
    }

    /** A cell's sightings of an object, in time order (none when the cell has no sensor). */
    public List<Sighting> of(String cell, String object) {
        return List.copyOf(byCell.getOrDefault(cell, Map.of()).getOrDefault(object, List.of()));
    }

    @Override
    public boolean hasSensors(String cell) {
        return byCell.containsKey(cell);
    }

    @Override
    public Optional<Instant> firstKnownBreakup(String cell, String breakup) {
        return firstDebrisDetection(cell, breakup);
    }

    /** What the cell's own sensors tell it: it knows an object from their first observation of it. */
    @Override
    public Optional<Instant> firstKnown(String cell, String object, Instant from) {
        return firstDetection(cell, object, from);
    }

    /** The first time at or after {@code after} that one of the cell's sensors observes the object. */
    public Optional<Instant> firstDetection(String cell, String object, Instant after) {
        for (Sighting s : of(cell, object)) {
            if (s.end().isAfter(after)) {
                return Optional.of(s.start().isBefore(after) ? after : s.start());
            }
        }
        return Optional.empty();
    }

    /**
     * The custody model: a cell's sensors look for an object where the element set it last derived from its own
     * observations predicts it (for an object in the public catalog before any, the catalog's), and recognise it within
     * {@value #GATE_KM} km of there; with no observation for {@link #LOST_AFTER} the track is lost anyway.
     */
    public static final double GATE_KM = 10;
    public static final java.time.Duration LOST_AFTER = java.time.Duration.ofHours(72);

    /** A loss of custody: when, and why ("maneuver": found away from the prediction; "unobserved": too long unseen). */
    public record Loss(Instant time, String reason, double offsetKm) {
    }

    /**
     * A span over which a cell's own observations keep its element set of an object up to date: from {@code from} to
     * {@code to} the element set it holds is the one the object follows at the time (a sighting that correlates with the
     * cell's prediction refreshes it all along; one that re-acquires a lost object gives it at its end).
     */
    public record Fix(Instant from, Instant to, String sensor) {
        /** The time of the latest observation this span has given by {@code t} (which it must have started by). */
        public Instant latestBy(Instant t) {
            return t.isBefore(to) ? t : to;
        }
    }

    /** A cell's custody of one object over the scenario: its fixes and its losses, each in time order. */
    public record Track(List<Fix> fixes, List<Loss> losses) {
        public Track {
            fixes = List.copyOf(fixes);
            losses = List.copyOf(losses);
        }

        /** The latest fix started by {@code t}, if any. */
        public Optional<Fix> latestBy(Instant t) {
            Fix last = null;
            for (Fix f : fixes) {
                if (f.from().isAfter(t)) {
                    break;
                }
                last = f;
            }
            return Optional.ofNullable(last);
        }
    }

    private final Map<String, Track> tracks = new java.util.concurrent.ConcurrentHashMap<>();

    /** The custody of {@code o} by {@code cell} over the scenario (computed once, when first asked). */
    public Track track(String cell, SpaceObject o) {
        return tracks.computeIfAbsent(cell + "|" + o.id(), k -> walk(cell, o));
    }

    /**
     * Walks a cell's sightings of an object: each is looked for where the cell's element set (the one in force at the
     * end of its last correlated sighting) puts it; more than {@link #GATE_KM} off is a loss (a manoeuvre the cell has not
     * seen), and so is {@link #LOST_AFTER} without a sighting; after a loss the end of the next sighting re-acquires it.
     * A launched object's first sighting is its detection; a catalogued object's is looked for where the catalog puts it.
     */
    private Track walk(String cell, SpaceObject o) {
        List<Sighting> seen = of(cell, o.id());
        List<Fix> fixes = new ArrayList<>();
        List<Loss> losses = new ArrayList<>();
        Sgp4 truth = o.propagator(data);
        ElementSet known = o.inOrbitFrom() == null ? o.elements() : null;
        Sgp4 predicted = known == null ? null : Sgp4.of(known, data); // made again only when the set held changes
        Instant lastSeen = null;
        boolean lost = false;
        for (Sighting s : seen) {
            if (!lost && lastSeen != null && s.start().isAfter(lastSeen.plus(LOST_AFTER))) {
                losses.add(new Loss(lastSeen.plus(LOST_AFTER), "unobserved", Double.NaN));
                lost = true;
            }
            if (lost) {
                fixes.add(new Fix(s.end(), s.end(), s.sensor()));
            } else {
                double offset = predicted == null ? 0 : truth.itrf(s.start()).distanceKm(predicted.itrf(s.start()));
                if (offset > GATE_KM) {
                    losses.add(new Loss(s.start(), "maneuver", offset));
                    lost = true;
                    continue; // this sighting does not correlate: the next one re-acquires
                }
                fixes.add(new Fix(s.start(), s.end(), s.sensor()));
            }
            lost = false;
            ElementSet now = o.elementsAt(s.end());
            if (!now.equals(known)) {
                known = now;
                predicted = Sgp4.of(known, data);
            }
            lastSeen = s.end();
        }
        // unseen for too long while it still exists (a satellite a breakup destroyed is not "lost")
        if (!lost && lastSeen != null && lastSeen.plus(LOST_AFTER).isBefore(scenario.end()) && o.inOrbitAt(lastSeen.plus(LOST_AFTER))) {
            losses.add(new Loss(lastSeen.plus(LOST_AFTER), "unobserved", Double.NaN));
        }
        return new Track(fixes, losses);
    }

    /**
     * The first time at or after {@code after} that {@code cell} loses custody of {@code o} ({@link #track}): at the
     * start of a sighting that finds it away from the cell's prediction, or {@link #LOST_AFTER} after its last sighting.
     */
    public Optional<Loss> custodyLost(String cell, SpaceObject o, Instant after) {
        return track(cell, o).losses().stream().filter(l -> !l.time().isBefore(after)).findFirst();
    }

    /** Each breakup's first sighting of a fragment by each cell that has one (computed once per breakup, when asked). */
    private final Map<String, Map<String, Instant>> clouds = new java.util.concurrent.ConcurrentHashMap<>();

    /** The cloud is first looked for over this long after the breakup, then over the rest of the scenario. */
    static final java.time.Duration FIRST_LOOK = java.time.Duration.ofHours(24);

    /**
     * When one of the cell's sensors first observes a fragment of the breakup (each fragment by its own size): the cell
     * learns of the debris cloud then. Empty if none does within the scenario.
     */
    public Optional<Instant> firstDebrisDetection(String cell, String breakup) {
        if (!hasSensors(cell)) {
            return Optional.empty();
        }
        return scenario.breakups().stream().filter(b -> b.id().equals(breakup)).findFirst()
                .map(b -> clouds.computeIfAbsent(b.id(), id -> sightCloud(b)).get(cell));
    }

    private Map<String, Instant> sightCloud(org.spacettx.exercise.scenario.Breakup b) {
        Map<String, Instant> first = new java.util.HashMap<>();
        if (b.fragments().isEmpty() || !b.time().isBefore(scenario.end())) {
            return first;
        }
        List<Sgp4> fragments = b.fragments().stream().map(e -> Sgp4.of(e, data)).toList();
        Instant split = b.time().plus(FIRST_LOOK).isBefore(scenario.end()) ? b.time().plus(FIRST_LOOK) : scenario.end();
        for (Instant[] span : List.of(new Instant[] {b.time(), split}, new Instant[] {split, scenario.end()})) {
            List<CellSensor> looking = scenario.sensors().stream().filter(s -> !first.containsKey(s.cell())).toList();
            if (looking.isEmpty() || !span[0].isBefore(span[1])) {
                continue;
            }
            Ephemerides sky = Ephemerides.sample(fragments, span[0], span[1], ScenarioSky.STEP,
                    Runtime.getRuntime().availableProcessors(), data);
            for (CellSensor s : looking) {
                for (int i = 0; i < fragments.size(); i++) {
                    org.spacettx.orbit.parallel.WorkLimit.checkpoint();
                    List<GroundSensor.Observation> seen = s.sensor().observe(sky, sky.objects().get(i), b.sizesM().get(i));
                    if (!seen.isEmpty()) {
                        first.merge(s.cell(), seen.get(0).start(), (x, y) -> x.isBefore(y) ? x : y);
                    }
                }
            }
        }
        return first;
    }

    /** The cells that have sensors. */
    public List<String> cells() {
        return List.copyOf(byCell.keySet());
    }
}
