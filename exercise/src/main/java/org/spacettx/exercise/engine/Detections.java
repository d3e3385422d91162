package org.spacettx.exercise.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.spacettx.exercise.scenario.CellSensor;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.access.GroundSensor;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

/**
 * What each cell's own sensors see: for every cell with sensors and every object, the spans during which one of
 * them observes it (above its mask, within the range at which it detects an object of that size, and for a telescope
 * in darkness with the object sunlit), only while the object is in orbit. The first detection of an object by a cell
 * is the start of the first such span, or the object's insertion when a sensor already has it in view then.
 */
public final class Detections {

    /** One sensor's span of observation of one object. */
    public record Sighting(String cell, String sensor, String object, Instant start, Instant end, double closestKm) {
    }

    private final Map<String, Map<String, List<Sighting>>> byCell;

    private Detections(Map<String, Map<String, List<Sighting>>> byCell) {
        this.byCell = byCell;
    }

    /** The sightings of every object by every cell's sensors, over the span {@code sky} covers. */
    public static Detections compute(Scenario scenario, Ephemerides sky, Map<String, Ephemeris> byId) {
        return compute(scenario, sky, byId, s -> true, o -> true);
    }

    /** The sightings of the objects {@code objects} accepts by the sensors {@code sensors} accepts. */
    public static Detections compute(Scenario scenario, Ephemerides sky, Map<String, Ephemeris> byId,
                                     Predicate<CellSensor> sensors, Predicate<SpaceObject> objects) {
        Map<String, Map<String, List<Sighting>>> byCell = new LinkedHashMap<>();
        for (CellSensor s : scenario.sensors().stream().filter(sensors).toList()) {
            for (SpaceObject o : scenario.objects().stream().filter(objects).toList()) {
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

    /** The first time at or after {@code after} that one of the cell's sensors observes the object. */
    public Optional<Instant> firstDetection(String cell, String object, Instant after) {
        for (Sighting s : of(cell, object)) {
            if (s.end().isAfter(after)) {
                return Optional.of(s.start().isBefore(after) ? after : s.start());
            }
        }
        return Optional.empty();
    }

    /** The cells that have sensors. */
    public List<String> cells() {
        return List.copyOf(byCell.keySet());
    }
}
