package org.spacettx.exercise.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every mapping a scenario file has, by its place in the file ({@code msel[].trigger.pass}), with the keys it may
 * have and those it must: the one declaration the section readers check keys against, and that
 * {@code ScenarioFormatTest} holds {@code docs/scenario.schema.json} and {@code docs/scenario-format.md} to.
 */
final class ScenarioKeys {

    /** The keys a mapping may have, and those among them it must have (in the order they are reported missing). */
    record Keys(Set<String> allowed, List<String> required) {
    }

    private ScenarioKeys() {
    }

    private static final Map<String, Keys> ALL = new LinkedHashMap<>();

    private static void declare(String path, List<String> allowed, String... required) {
        ALL.put(path, new Keys(Set.copyOf(allowed), List.of(required)));
    }

    static {
        declare("", List.of("scenario", "id", "title", "banner", "description", "start", "end", "evaluators", "catalog", "cells", "objectives",
                "places", "objects", "maneuvers", "breakups", "effects", "sensors", "moves", "msel", "questions", "action_items"),
                "id", "title", "start", "end", "cells", "moves", "msel");
        declare("text", List.of("en", "ko"));
        declare("evaluators", List.of("msel", "sees"));
        declare("cells[]", List.of("id", "name", "nation", "kind"), "id", "kind");
        declare("objectives[]", List.of("id", "title", "criteria"), "id", "title");
        declare("places", List.of("sites", "areas"));
        declare("places.sites[]", List.of("id", "name", "lat", "lon", "alt_m", "nation", "kind"), "id", "lat", "lon");
        declare("places.areas[]", List.of("id", "name", "nation", "kind", "polygon", "circle"), "id");
        declare("places.areas[].circle", List.of("lat", "lon", "radius_km"), "lat", "lon", "radius_km");
        declare("objects[]", List.of("id", "name", "nation", "sensor", "size_m", "catalog", "tle", "elements", "launch"), "id");
        declare("objects[].elements", List.of("norad", "epoch", "inclination", "raan", "eccentricity", "arg_perigee",
                "mean_anomaly", "mean_motion", "altitude_km", "bstar"), "epoch", "inclination");
        declare("objects[].launch", List.of("norad", "site", "time", "inclination", "azimuth", "heading", "altitude_km",
                "downrange_km", "ascent_minutes"), "site", "time", "altitude_km");
        declare("maneuvers[]", List.of("id", "object", "burn", "approach"), "id", "object");
        declare("maneuvers[].burn", List.of("time", "radial_m_s", "along_track_m_s", "cross_track_m_s"), "time");
        declare("maneuvers[].approach", List.of("target", "arrive", "range_km", "max_dv_m_s", "depart_after"), "target", "arrive", "range_km");
        declare("breakups[]", List.of("id", "name", "object", "time", "kind", "parent_mass_kg", "parent_length_m", "rocket_body",
                "impactor_mass_kg", "impact_speed_km_s", "scale", "count_factor", "min_size_m", "seed", "first_norad"),
                "id", "object", "time", "kind", "parent_mass_kg", "min_size_m");
        declare("effects[]", List.of("id", "name", "nation", "kind", "lat", "lon", "object", "from", "to", "eirp_dbw", "frequency_mhz",
                "mast_m", "signal_dbw", "tolerance_db", "receiver_height_m", "gain_dbi", "beam_deg", "min_elevation"),
                "id", "kind", "lat", "lon", "from", "to");
        declare("sensors[]", List.of("id", "name", "cell", "kind", "lat", "lon", "alt_m", "min_elevation", "max_range_km",
                "min_size_m", "max_sun_elevation", "azimuth_from", "azimuth_to"), "id", "cell", "kind", "lat", "lon", "max_range_km", "min_size_m");
        declare("moves[]", List.of("id", "title", "start", "narrative"), "id", "title", "start");
        declare("msel[]", List.of("number", "move", "from", "to", "channel", "subject", "body", "marking", "expected_action",
                "objectives", "trigger", "attachments"),
                "number", "move", "from", "to", "channel", "subject", "body", "marking", "trigger");
        declare("msel[].attachments[]", List.of("kind", "object", "hours"), "kind", "object");
        declare("msel[].trigger", List.of("at", "manual", "first_overflight", "pass", "launch", "close_approach", "conjunction",
                "maneuver", "breakup", "debris_approach", "debris_risk", "effect", "detected", "custody_lost", "after_inject", "on_answer"));
        declare("msel[].trigger.detected", List.of("cell", "object", "after"), "cell", "object");
        declare("msel[].trigger.custody_lost", List.of("cell", "object", "after"), "cell", "object");
        declare("msel[].trigger.effect", List.of("id", "after"), "id");
        declare("msel[].trigger.maneuver", List.of("id"), "id");
        declare("msel[].trigger.breakup", List.of("id"), "id");
        declare("msel[].trigger.debris_approach", List.of("breakup", "object", "below_km", "after"), "breakup", "object", "below_km");
        declare("msel[].trigger.debris_risk", List.of("breakup", "object", "above", "hard_body_m", "sigma_km", "after"),
                "breakup", "object", "above");
        declare("msel[].trigger.launch", List.of("object"), "object");
        declare("msel[].trigger.first_overflight", List.of("object", "place", "after"), "object", "place");
        declare("msel[].trigger.pass", List.of("object", "site", "min_elevation", "after"), "object", "site");
        declare("msel[].trigger.close_approach", List.of("object", "other", "below_km", "after"), "object", "other", "below_km");
        declare("msel[].trigger.conjunction", List.of("object", "with", "below_km", "lead_hours", "after"), "object", "below_km");
        declare("msel[].trigger.after_inject", List.of("inject", "delay_minutes"), "inject");
        declare("msel[].trigger.on_answer", List.of("question", "cell", "condition"), "question", "cell", "condition");
        declare("questions[]", List.of("id", "move", "type", "text", "options", "unit", "cells", "picture"), "id", "move", "type", "text");
        declare("questions[].options[]", List.of("id", "text"), "id", "text");
        declare("action_items[]", List.of("id", "title", "owner", "due"), "id", "title", "owner");
    }

    /** The keys of the mapping at {@code path}; an undeclared path is a mistake in this program, not in the file. */
    static Keys at(String path) {
        Keys k = ALL.get(path);
        if (k == null) {
            throw new IllegalArgumentException("no keys declared for '" + path + "'");
        }
        return k;
    }

    /** Every declared place, in the file's order. */
    static Map<String, Keys> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }
}
