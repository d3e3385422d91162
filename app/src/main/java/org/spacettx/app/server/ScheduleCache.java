package org.spacettx.app.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.spacettx.app.store.Database;
import org.spacettx.app.store.ExerciseRecords;
import org.spacettx.exercise.engine.TriggerSchedule;
import org.spacettx.exercise.scenario.Limits;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;

/**
 * Stored scenarios parsed and scheduled ahead of need, by the scenario file's SHA-256: what makes a standby's takeover
 * quick. A standby fills it while it waits ({@link #warm}); the server it then starts builds each exercise from it and
 * only replays the logs, which the active server wrote up to the moment it stopped.
 */
public final class ScheduleCache {

    /** A scenario as this server reads it, with its schedule. */
    record Prepared(Scenario scenario, TriggerSchedule schedule) {
    }

    private final Map<String, Prepared> byYaml = new ConcurrentHashMap<>();

    /** Parses and schedules every stored exercise's scenario not yet here (one that fails is left to the start to report). */
    public int warm(Database db, Limits limits) {
        int added = 0;
        for (ExerciseRecords.Record r : new ExerciseRecords(db).all()) {
            String key = key(r.scenarioYaml());
            if (byYaml.containsKey(key)) {
                continue;
            }
            try {
                ScenarioReader.Result read = ScenarioReader.parse(r.scenarioYaml(), null, OrekitData.standard(), limits);
                if (read.ok()) {
                    byYaml.put(key, new Prepared(read.scenario(), TriggerSchedule.compute(read.scenario(), OrekitData.standard(), limits)));
                    added++;
                }
            } catch (RuntimeException e) {
                // the server's start tries again and marks the exercise as failed, with why
            }
        }
        return added;
    }

    /** The prepared scenario of a file, computed by {@code prepare} when it is not here yet. */
    Prepared get(String yaml, Supplier<Prepared> prepare) {
        String key = key(yaml);
        Prepared p = byYaml.get(key);
        if (p == null) {
            p = prepare.get();
            byYaml.put(key, p);
        }
        return p;
    }

    private static String key(String yaml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
