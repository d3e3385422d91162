package org.spacettx.exercise.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * A scenario's objects sampled over its whole span on one grid (every {@link #STEP}), each by id: what the trigger
 * schedule's searches, the effects' windows and the cells' sightings are computed from, so that they all agree.
 */
record ScenarioSky(Ephemerides ephemerides, Map<String, Ephemeris> byId) {

    /** The step of the grid. */
    static final Duration STEP = Duration.ofSeconds(60);

    /** The objects {@code which} accepts, each flown through its manoeuvres. */
    static ScenarioSky of(Scenario scenario, Predicate<SpaceObject> which, OrekitData data) {
        List<SpaceObject> objects = scenario.objects().stream().filter(which).toList();
        Ephemerides sky = Ephemerides.sample(objects.stream().map(o -> o.propagator(data)).toList(), scenario.start(), scenario.end(),
                STEP, Runtime.getRuntime().availableProcessors(), data);
        Map<String, Ephemeris> byId = new LinkedHashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            byId.put(objects.get(i).id(), sky.objects().get(i));
        }
        return new ScenarioSky(sky, byId);
    }
}
