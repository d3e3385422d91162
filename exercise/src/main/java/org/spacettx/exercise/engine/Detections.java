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
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Sgp4;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

/**
 * What each cell's own sensors see: for every cell with sensors and every object, the spans during which one of
 * them observes it (above its mask, within the range at which it detects an object of that size, and for a telescope
 * in darkness with the object sunlit), only while the object is in orbit. The first detection of an object by a cell
 * is the start of the first such span, or the object's insertion when a sensor already has it in view then.
 */
public final class Detections implements org.spacettx.exercise.policy.OwnSensors {

    /** One sensor's span of observation of one object. */
    public record Sighting(String cell, String sensor, String object, Instant start, Instant end, double closestKm) {
    }

    private final Map<String, Map<String, List<Sighting>>> byCell;

    private Detections(Map<String, Map<String, List<Sighting>>> byCell) {
        this.byCell = byCell;
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
        Detections d = compute(scenario, sky.ephemerides(), sky.byId());
        RECENT.put(scenario, d);
        return d;
    }

    /** The sightings of every object by every cell's sensors, over the span {@code sky} covers. */
    public static Detections compute(Scenario scenario, Ephemerides sky, Map<String, Ephemeris> byId) {
        Map<String, Map<String, List<Sighting>>> byCell = new LinkedHashMap<>();
        for (CellSensor s : scenario.sensors()) {
            for (SpaceObject o : scenario.objects()) {
                Ephemeris e = byId.get(o.id());
                if (e == null) {
                    continue;
                }
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
        return new Detections(byCell);
    }

    /** A cell's sightings of an object, in time order (none when the cell has no sensor). */
    public List<Sighting> of(String cell, String object) {
        return List.copyOf(byCell.getOrDefault(cell, Map.of()).getOrDefault(object, List.of()));
    }

    @Override
    public boolean hasSensors(String cell) {
        return byCell.containsKey(cell);
    }

    /** The first time at or after {@code after} that one of the cell's sensors observes the object. */
    @Override
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
     * observations predicts it, and recognise it within {@value #GATE_KM} km of there; with no observation for
     * {@link #LOST_AFTER} the track is lost anyway.
     */
    public static final double GATE_KM = 10;
    public static final java.time.Duration LOST_AFTER = java.time.Duration.ofHours(72);

    /** A loss of custody: when, and why ("maneuver": found away from the prediction; "unobserved": too long unseen). */
    public record Loss(Instant time, String reason, double offsetKm) {
    }

    /**
     * The first time at or after {@code after} that {@code cell} loses custody of {@code o}: at the start of one of its
     * sightings where the object is more than {@link #GATE_KM} from where the cell's element set (the one in force at the
     * end of its last sighting) puts it — a manoeuvre the cell has not seen yet —, or {@link #LOST_AFTER} after its last
     * sighting when none comes before. After a loss the cell has the object again at the end of its next sighting.
     */
    public Optional<Loss> custodyLost(String cell, SpaceObject o, Instant after, Instant scenarioEnd, OrekitData data) {
        List<Sighting> seen = of(cell, o.id());
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        Sgp4 truth = o.propagator(data);
        ElementSet known = o.elementsAt(seen.get(0).end());
        Instant lastSeen = seen.get(0).end();
        boolean lost = false;
        for (Sighting s : seen.subList(1, seen.size())) {
            if (!lost && s.start().isAfter(lastSeen.plus(LOST_AFTER))) {
                Instant at = lastSeen.plus(LOST_AFTER);
                if (!at.isBefore(after)) {
                    return Optional.of(new Loss(at, "unobserved", Double.NaN));
                }
                lost = true;
            }
            if (!lost) {
                double offset = distanceKm(truth.itrf(s.start()), Sgp4.of(known, data).itrf(s.start()));
                if (offset > GATE_KM) {
                    if (!s.start().isBefore(after)) {
                        return Optional.of(new Loss(s.start(), "maneuver", offset));
                    }
                    lost = true;
                    continue; // this sighting does not correlate: the next one re-acquires
                }
            }
            lost = false;
            known = o.elementsAt(s.end());
            lastSeen = s.end();
        }
        Instant at = lastSeen.plus(LOST_AFTER);
        return !lost && !at.isBefore(after) && at.isBefore(scenarioEnd) ? Optional.of(new Loss(at, "unobserved", Double.NaN))
                : Optional.empty();
    }

    private static double distanceKm(CartesianState a, CartesianState b) {
        return Math.sqrt(Math.pow(a.xKm() - b.xKm(), 2) + Math.pow(a.yKm() - b.yKm(), 2) + Math.pow(a.zKm() - b.zKm(), 2));
    }

    /** The cells that have sensors. */
    public List<String> cells() {
        return List.copyOf(byCell.keySet());
    }
}
