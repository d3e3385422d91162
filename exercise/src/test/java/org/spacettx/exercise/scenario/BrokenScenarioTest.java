package org.spacettx.exercise.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spacettx.exercise.Demo;
import org.spacettx.orbit.data.OrekitData;

/**
 * Broken scenario files: each row takes the demo scenario, breaks one thing, and expects an error that names it,
 * with a line and column, and never an exception.
 */
class BrokenScenarioTest {

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("not YAML at all", "scenario: 1", "scenario: [1", "not valid YAML"),
                Arguments.of("top level is a list", "scenario: 1", "- scenario: 1", "not valid YAML"),
                Arguments.of("unknown top-level key", "banner: ", "baner: ", "unknown key 'baner' (did you mean 'banner'?)"),
                Arguments.of("missing required key", "id: rok-us-space-ttx", "ident: rok-us-space-ttx", "'id' is missing"),
                Arguments.of("bad scenario id", "id: rok-us-space-ttx", "id: ROK US", "'ROK US' is not a lower-case id"),
                Arguments.of("unsupported format version", "scenario: 1", "scenario: 7", "format version '7' is not supported"),
                Arguments.of("time not ISO", "start: 2023-11-14T00:00:00Z", "start: 14 Nov 2023", "'14 Nov 2023' is not an ISO-8601 UTC time"),
                Arguments.of("scenario ends before it starts", "end: 2023-11-29T00:00:00Z", "end: 2023-11-01T00:00:00Z", "the scenario ends before it starts"),
                Arguments.of("duplicate cell id", "{id: usa, kind: blue", "{id: kor, kind: blue", "cell id 'kor' is used twice"),
                Arguments.of("unknown cell kind", "{id: observers, kind: observer", "{id: observers, kind: audience", "cell kind 'audience' is not control, blue, red or observer"),
                Arguments.of("blue cell without nation", "kind: blue, nation: USA", "kind: blue, nation: America", "needs a 3-letter nation code"),
                Arguments.of("two control cells", "{id: observers, kind: observer", "{id: observers, kind: control", "exactly one control cell, found 2"),
                Arguments.of("site latitude out of range", "lat: 37.090, lon: 127.030", "lat: 137.090, lon: 127.030", "latitude 137.09 is outside -90..90 degrees"),
                Arguments.of("polygon with two vertices", "polygon: [[126.76, 37.43], [127.18, 37.43], [127.18, 37.70], [126.76, 37.70]]", "polygon: [[126.76, 37.43], [127.18, 37.43]]", "a polygon ring needs at least 3 distinct vertices"),
                Arguments.of("area with no geometry", "circle: {lat: 13.45, lon: 144.78, radius_km: 30}", "radius: 30", "unknown key 'radius'"),
                Arguments.of("duplicate place id", "{id: mnd, name", "{id: osan, name", "place id 'osan' is used twice"),
                Arguments.of("object with two sources", "sensor: radar:off-nadir=45", "sensor: radar:off-nadir=45\n    launch: {site: sohae, time: \"2023-11-21T13:42:28Z\", inclination: 97.4, altitude_km: 500}", "exactly one of catalog"),
                Arguments.of("object from an empty catalog", "elements: {norad: 99003", "catalog: 29268\n    xelements: {norad: 99003", "unknown key 'xelements'"),
                Arguments.of("unknown sensor", "sensor: radar:off-nadir=45", "sensor: sonar:range=4", "sensor type 'sonar' is not optical, radar or elevation"),
                Arguments.of("impossible launch inclination", "inclination: 97.4, altitude_km: 500", "inclination: 20, altitude_km: 500", "20.00 degrees cannot be reached directly from latitude 39.66"),
                Arguments.of("unknown launch site", "launch: {site: sohae", "launch: {site: atlantis", "'atlantis' is not a known launch site"),
                Arguments.of("mean elements out of range", "inclination: 97.4, raan: 105", "inclination: 197.4, raan: 105", "inclination: 197.4 degrees is outside 0..180"),
                Arguments.of("manoeuvre of an unknown object", "object: recon-1\n    burn:", "object: recon-9\n    burn:", "object 'recon-9' is not defined in 'objects'"),
                Arguments.of("manoeuvre with burn and approach", "burn: {time: \"2023-11-26T00:00:00Z\", along_track_m_s: 3}", "burn: {time: \"2023-11-26T00:00:00Z\", along_track_m_s: 3}\n    approach: {target: rok-eo, arrive: \"2023-11-26T06:00:00Z\", range_km: 5}", "exactly one of burn or approach"),
                Arguments.of("burn of nothing", "along_track_m_s: 3}", "along_track_m_s: 0}", "a burn needs a Δv above 0"),
                Arguments.of("burn before the launch", "burn: {time: \"2023-11-26T00:00:00Z\"", "burn: {time: \"2023-11-20T00:00:00Z\"", "object 'recon-1' is not in orbit at 2023-11-20T00:00:00Z"),
                Arguments.of("approach to itself", "approach: {target: rok-eo", "approach: {target: inspector", "an object cannot approach itself"),
                Arguments.of("approach beyond its budget", "range_km: 5, max_dv_m_s: 150,", "range_km: 5, max_dv_m_s: 20,", "more than max_dv_m_s 20.0"),
                Arguments.of("approach before the scenario", "arrive: \"2023-11-24T06:00:00Z\", range_km: 5, max_dv_m_s: 150, depart_after: \"2023-11-24T01:00:00Z\"",
                        "arrive: \"2023-11-14T01:00:00Z\", range_km: 5, max_dv_m_s: 150", "before the scenario starts; arrive later"),
                Arguments.of("approach leaving after it arrives", "depart_after: \"2023-11-24T01:00:00Z\"", "depart_after: \"2023-11-24T07:00:00Z\"",
                        "depart_after must be before the arrival"),
                Arguments.of("breakup of an unknown kind", "kind: collision", "kind: implosion", "kind must be collision or explosion"),
                Arguments.of("explosion with an impactor", "kind: collision", "kind: explosion", "'impactor_mass_kg' is for collisions"),
                Arguments.of("breakup too fine for a scenario", "min_size_m: 0.1", "min_size_m: 0.005", "a scenario's breakup holds up to 10000"),
                Arguments.of("breakup outside the scenario", "time: \"2023-11-25T03:00:00Z\"", "time: \"2023-12-25T03:00:00Z\"", "breakup asat-test is outside the scenario"),
                Arguments.of("debris trigger on an unknown breakup", "debris_approach: {breakup: asat-test", "debris_approach: {breakup: asat-tset", "breakup 'asat-tset' is not defined in 'breakups'"),
                Arguments.of("debris risk that is not a probability", "above: 1.0e-6", "above: 2", "above must be a probability between 0 and 1"),
                Arguments.of("trigger on an unknown manoeuvre", "maneuver: {id: inspector-approach}", "maneuver: {id: approach}", "maneuver 'approach' is not defined in 'maneuvers'"),
                Arguments.of("effect of an unknown kind", "kind: ground_jammer", "kind: microwave", "kind must be ground_jammer, uplink_jammer or laser"),
                Arguments.of("laser against a satellite without a camera", "object: recon-1\n    from: \"2023-11-24T00:00:00Z\"\n    to: \"2023-11-29T00:00:00Z\"", "object: rok-eo\n    from: \"2023-11-24T00:00:00Z\"\n    to: \"2023-11-29T00:00:00Z\"", "object 'rok-eo' has no optical sensor to dazzle"),
                Arguments.of("effect that ends before it starts", "to: \"2023-11-24T01:10:00Z\"", "to: \"2023-11-24T00:10:00Z\"", "effect dmz-jammer ends before it starts"),
                Arguments.of("jammer without a frequency", "frequency_mhz: 1575.42", "frequency_mhz: 0", "effect dmz-jammer: a jammer needs"),
                Arguments.of("uplink jammer with too wide a beam", "beam_deg: 45", "beam_deg: 95", "half-angle 95.0 is outside (0, 90) degrees"),
                Arguments.of("trigger on an unknown effect", "effect: {id: dmz-jammer}", "effect: {id: dmz}", "effect 'dmz' is not defined in 'effects'"),
                Arguments.of("sensor of an unknown cell", "cell: kor\n    name: {en: NARO", "cell: rok\n    name: {en: NARO", "cell 'rok' is not defined in 'cells'"),
                Arguments.of("sensor of an unknown kind", "kind: radar\n    lat: 34.4317", "kind: sonar\n    lat: 34.4317", "kind must be radar or optical"),
                Arguments.of("sensor with no range", "max_range_km: 1500", "max_range_km: 0", "sensor naro-radar: a sensor needs a positive range"),
                Arguments.of("radar told of the Sun", "min_size_m: 1\n  - id: bohyunsan", "min_size_m: 1\n    max_sun_elevation: -12\n  - id: bohyunsan", "max_sun_elevation is for a telescope"),
                Arguments.of("sensor with half an azimuth limit", "min_size_m: 1\n  - id: bohyunsan", "min_size_m: 1\n    azimuth_from: 90\n  - id: bohyunsan",
                        "azimuth_from and azimuth_to go together"),
                Arguments.of("sensor with an empty azimuth field", "min_size_m: 1\n  - id: bohyunsan", "min_size_m: 1\n    azimuth_from: 90\n    azimuth_to: 90\n  - id: bohyunsan",
                        "azimuth limits are two different angles"),
                Arguments.of("detection by a cell without sensors", "detected: {cell: usa", "detected: {cell: observers", "cell 'observers' has no sensor"),
                Arguments.of("object of no size", "  - id: rok-eo\n", "  - id: rok-eo\n    size_m: 0\n", "an object's size is a positive number"),
                Arguments.of("moves out of order", "start: 2023-11-24T00:00:00Z", "start: 2023-11-20T00:00:00Z", "move M3 starts at or before the previous move"),
                Arguments.of("move outside the scenario", "start: 2023-11-27T00:00:00Z", "start: 2023-12-27T00:00:00Z", "move M4 starts outside the scenario"),
                Arguments.of("duplicate inject number", "number: 24", "number: 23", "inject number 23 is used twice"),
                Arguments.of("inject in an unknown move", "move: M4\n    from: control\n    to: all\n    channel: briefing", "move: M9\n    from: control\n    to: all\n    channel: briefing", "move 'M9' is not defined in 'moves'"),
                Arguments.of("unknown recipient", "to: [kor]", "to: [rok]", "cell 'rok' is not defined in 'cells'"),
                Arguments.of("marking would leak", "to: [usa]\n    channel: intel-report\n    marking: USA ONLY", "to: [usa, kor]\n    channel: intel-report\n    marking: USA ONLY", "is marked USA ONLY but is sent to kor (KOR)"),
                Arguments.of("malformed marking", "marking: KOR ONLY", "marking: SECRET", "'SECRET' is not a releasability marking"),
                Arguments.of("unknown channel", "channel: phone-call", "channel: telegram", "channel 'telegram' is not one of"),
                Arguments.of("unknown objective", "objectives: [O4]", "objectives: [O7]", "objective 'O7' is not defined in 'objectives'"),
                Arguments.of("trigger before its move", "trigger: {at: 2023-11-27T06:00:00Z}", "trigger: {at: 2023-11-20T06:00:00Z}", "before its move M4 starts"),
                Arguments.of("two trigger kinds", "trigger: {manual: true}", "trigger: {manual: true, at: 2023-11-25T00:00:00Z}", "a trigger needs exactly one of"),
                Arguments.of("trigger on an unknown object", "first_overflight: {object: ru-radar", "first_overflight: {object: ru-sat", "object 'ru-sat' is not defined in 'objects'"),
                Arguments.of("trigger on an unknown place", "place: guam}", "place: hawaii}", "place 'hawaii' is not defined in 'places'"),
                Arguments.of("conjunction with an unknown object", "with: inspector, below_km: 10", "with: ghost, below_km: 10", "object 'ghost' is not defined in 'objects'"),
                Arguments.of("conjunction of an object with itself", "with: inspector, below_km: 10", "with: rok-eo, below_km: 10", "a conjunction needs two different objects"),
                Arguments.of("conjunction lead too long", "lead_hours: 3}", "lead_hours: 900}", "lead_hours must be between 0 and 240"),
                Arguments.of("conjunction without a distance", "below_km: 10, lead_hours: 3}", "lead_hours: 3}", "'below_km' is missing"),
                Arguments.of("launch trigger on a non-launch", "launch: {object: recon-1}", "launch: {object: ru-radar}", "object 'ru-radar' is not defined by a launch"),
                Arguments.of("real trigger cycle", "trigger: {at: 2023-11-16T00:00:00Z}", "trigger: {after_inject: {inject: 7, delay_minutes: 10}}", "trigger cycle: injects"),
                Arguments.of("object not in the catalog", "elements: {norad: 99003, epoch: \"2023-11-24T00:00:00Z\", inclination: 97.6, raan: 40, eccentricity: 0.0005, arg_perigee: 0, mean_anomaly: 0, altitude_km: 550}", "catalog: 29268", "object 29268 is not in the scenario's catalog files (no 'catalog:' files are given)"),
                Arguments.of("trigger cycle", "after_inject: {inject: 4, delay_minutes: 120}", "after_inject: {inject: 23, delay_minutes: 120}}\n    xx: {", "unknown key 'xx'"),
                Arguments.of("answer condition of wrong type", "condition: \">= 70\"", "condition: \"contains a\"", "a probability answer is a number"),
                Arguments.of("choice question without options", "type: single\n    text: {en: Preferred response", "type: single\n    xoptions: []\n    text: {en: Preferred response", "unknown key 'xoptions'"),
                Arguments.of("unknown question type", "type: scale\n    text: {en: \"Concern", "type: slider\n    text: {en: \"Concern", "question type 'slider' is not probability, scale, single, multiple, number or text"),
                Arguments.of("number question without unit", "unit: m", "xunit: m", "a number question needs a 'unit'"),
                Arguments.of("action item with bad owner", "{id: AI1, owner: KOR", "{id: AI1, owner: Korea", "owner must be a 3-letter nation code"),
                Arguments.of("action item with bad date", "due: 2024-03-31", "due: 31/03/2024", "'31/03/2024' is not a date like 2023-12-31"),
                Arguments.of("duplicate key", "marking: KOR ONLY", "marking: KOR ONLY\n    marking: USA ONLY", "the key 'marking' appears twice"),
                // found by the hostile-input review: a map where a list belongs was a ClassCastException (exit 1)
                Arguments.of("recipients as a map", "to: [kor]", "to: {}", "must be a value or a list of values"),
                Arguments.of("objectives as a map", "objectives: [O1]", "objectives: {}", "must be a value or a list of values"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsNamedWithItsLine(String what, String find, String replace, String expected) {
        String demo = Demo.text();
        String f = find;
        assertThat(demo).as("the demo contains the text this case breaks").contains(f);
        String broken = demo.replaceFirst(java.util.regex.Pattern.quote(f),
                java.util.regex.Matcher.quoteReplacement(replace));
        ScenarioReader.Result result = ScenarioReader.parse(broken, Demo.file().getParent(), OrekitData.standard());
        String report = result.problems().stream().map(p -> p.format("demo.yaml")).collect(Collectors.joining("\n"));
        assertThat(result.ok()).as(what + "\n" + report).isFalse();
        assertThat(result.errors()).as(report).anySatisfy(p -> {
            assertThat(p.message()).contains(expected);
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
        });
    }
}
