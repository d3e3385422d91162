package org.spacettx.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.orekit.time.TimeScale;
import org.spacettx.exercise.archive.ExerciseArchive;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.Command;
import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.EventLog;
import org.spacettx.exercise.engine.Exercise;
import org.spacettx.exercise.engine.Json;
import org.spacettx.exercise.engine.Script;
import org.spacettx.exercise.engine.TriggerSchedule;
import org.spacettx.exercise.export.MselTable;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OmmWriter;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.catalog.TleFormat;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;

/**
 * Every parser of outside input, and the command API, as fuzz targets. Seeds come from the jar alone (the demo
 * exercise, its rehearsal script, a small scenario written for the purpose, and the element sets of their objects
 * in every catalog format), so that {@code spacettx bench fuzz} runs anywhere.
 */
public final class FuzzTargets {

    private FuzzTargets() {
    }

    /** Every target, with its seeds built once. */
    public static List<FuzzTarget> all(OrekitData data) {
        Seeds seeds = new Seeds(data);
        List<FuzzTarget> targets = new ArrayList<>();
        targets.add(catalog("catalog-tle", data, seeds.tle()));
        targets.add(catalog("catalog-omm-csv", data, List.of(seeds.ommCsv())));
        targets.add(catalog("catalog-omm-json", data, List.of(seeds.ommJson())));
        targets.add(catalog("catalog-omm-xml", data, List.of(seeds.ommXml())));
        targets.add(catalog("catalog-omm-kvn", data, List.of(seeds.ommKvn())));
        targets.add(catalog("catalog-gzip", data, List.of(gzip(seeds.tle().get(0)), gzip(seeds.ommCsv()))));
        targets.add(scenario(data, seeds));
        targets.add(scenarioDocument(data, seeds));
        targets.add(mselCsv(data, seeds));
        targets.add(mselXlsx(data, seeds));
        targets.add(archive(data, seeds));
        targets.add(eventLog(seeds));
        targets.add(command(seeds));
        return targets;
    }

    /** A catalog source, read strictly and leniently. */
    static FuzzTarget catalog(String name, OrekitData data, List<byte[]> seeds) {
        CatalogReader strict = CatalogReader.strict(data);
        CatalogReader lenient = new CatalogReader(data, CatalogReader.Mode.LENIENT, TleFormat.Checksum.VERIFY);
        return target(name, seeds, input -> {
            try {
                lenient.read(name, input); // a whole source that cannot be read is refused in lenient mode too
            } catch (InputException e) {
                // checked again, strictly, below
            }
            try {
                strict.read(name, input);
                return FuzzTarget.Outcome.ACCEPTED;
            } catch (InputException e) {
                return FuzzTarget.Outcome.REFUSED;
            }
        });
    }

    /** A scenario as an administrator uploads it (no catalog files). */
    static FuzzTarget scenario(OrekitData data, Seeds seeds) {
        return target("scenario", List.of(seeds.smallYaml, seeds.demoYaml), input -> parsed(text(input), data));
    }

    /**
     * A scenario as the planning workspace sends it ({@code POST /api/scenarios/validate-document}, a draft's save):
     * the tree as JSON, written as the scenario file, then read. A body that is not a tree is refused (a 400).
     */
    static FuzzTarget scenarioDocument(OrekitData data, Seeds seeds) {
        List<byte[]> trees = List.of(document(seeds.smallYaml), document(seeds.demoYaml));
        return target("scenario-document", trees, input -> {
            com.fasterxml.jackson.databind.JsonNode tree;
            try {
                tree = Json.mapper().readTree(text(input));
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                return FuzzTarget.Outcome.REFUSED;
            }
            if (tree == null || !tree.isObject()) {
                return FuzzTarget.Outcome.REFUSED;
            }
            return parsed(org.spacettx.exercise.scenario.ScenarioDocument.toYaml(tree), data);
        });
    }

    private static byte[] document(byte[] yaml) {
        try {
            return Json.mapper().writeValueAsBytes(org.spacettx.exercise.scenario.ScenarioDocument.toTree(new String(yaml, StandardCharsets.UTF_8)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An edited MSEL table put back into the small scenario, validated as 'exercise msel-import' does. */
    static FuzzTarget mselCsv(OrekitData data, Seeds seeds) {
        String yaml = new String(seeds.smallYaml, StandardCharsets.UTF_8);
        List<byte[]> tables = List.of(MselTable.toCsv(seeds.small).getBytes(StandardCharsets.UTF_8),
                MselTable.toCsv(seeds.demo).getBytes(StandardCharsets.UTF_8));
        return target("msel-csv", tables, input -> {
            String replaced;
            try {
                replaced = MselTable.replaceMsel(yaml, text(input), "msel.csv");
            } catch (InputException e) {
                return FuzzTarget.Outcome.REFUSED;
            }
            return parsed(replaced, data);
        });
    }

    static FuzzTarget mselXlsx(OrekitData data, Seeds seeds) {
        String yaml = new String(seeds.smallYaml, StandardCharsets.UTF_8);
        return target("msel-xlsx", List.of(MselTable.toXlsx(seeds.small)), input -> {
            String replaced;
            try {
                replaced = MselTable.replaceMselFromXlsx(yaml, input, "msel.xlsx");
            } catch (InputException e) {
                return FuzzTarget.Outcome.REFUSED;
            }
            return parsed(replaced, data);
        });
    }

    /** An exercise archive as 'report ARCHIVE' and the server's import read it: every check, then a replay. */
    static FuzzTarget archive(OrekitData data, Seeds seeds) {
        return target("archive", List.of(seeds.archive), input -> {
            try {
                ExerciseArchive archive = ExerciseArchive.read(input, "a.zip");
                Scenario scenario = archive.scenario(data, "a.zip");
                Exercise.replayChecked(scenario, Exercise.scheduledTimes(TriggerSchedule.compute(scenario, data)), archive.events(),
                        "a.zip!events.jsonl");
                return FuzzTarget.Outcome.ACCEPTED;
            } catch (InputException e) {
                return FuzzTarget.Outcome.REFUSED;
            }
        });
    }

    /**
     * An event log (what 'report --log' and an archive carry) replayed on the small scenario: the engine must
     * refuse a log that cannot have happened, naming the event, rather than fail inside.
     */
    static FuzzTarget eventLog(Seeds seeds) {
        return target("event-log", List.of(seeds.smallLog), input -> {
            try {
                List<Event.Recorded> events = EventLog.read(text(input), "events.jsonl");
                Exercise.replayChecked(seeds.small, seeds.smallScheduled, events, "events.jsonl");
                return FuzzTarget.Outcome.ACCEPTED;
            } catch (InputException e) {
                return FuzzTarget.Outcome.REFUSED;
            }
        });
    }

    /**
     * A command as {@code POST /api/exercises/{id}/commands} takes it, from each kind of user in turn, on the demo
     * exercise: a body that is not a command is a 400, a refusal a 422; anything thrown a 500.
     */
    static FuzzTarget command(Seeds seeds) {
        Actor[] actors = {new Actor("control", Actor.Role.CONTROLLER, "control", ""), new Actor("kor1", Actor.Role.PLAYER, "kor", "KOR"),
                new Actor("usa1", Actor.Role.PLAYER, "usa", "USA"), new Actor("observer", Actor.Role.OBSERVER, "observers", "")};
        Exercise[] engine = {null};
        Instant[] wall = {Instant.EPOCH};
        int[] taken = {0};
        return target("command", seeds.commands, input -> {
            if (engine[0] == null || taken[0]++ % 2000 == 0) {
                // a fresh exercise now and then, started, so that commands meet both a young and a grown state
                engine[0] = new Exercise(seeds.demo, seeds.demoScheduled);
                wall[0] = Instant.parse("2023-09-19T00:00:00Z");
                engine[0].handle(actors[0], wall[0], new Command.StartExercise());
            }
            Command command;
            try {
                command = Json.read(text(input), Command.class);
            } catch (IllegalArgumentException e) {
                return FuzzTarget.Outcome.REFUSED;
            }
            wall[0] = wall[0].plusSeconds(7);
            return engine[0].handle(actors[taken[0] % actors.length], wall[0], command)
                    instanceof org.spacettx.exercise.engine.Outcome.Accepted ? FuzzTarget.Outcome.ACCEPTED : FuzzTarget.Outcome.REFUSED;
        });
    }

    private static FuzzTarget.Outcome parsed(String yaml, OrekitData data) {
        ScenarioReader.Result result;
        try {
            result = ScenarioReader.parse(yaml, null, data);
        } catch (InputException e) {
            return FuzzTarget.Outcome.REFUSED;
        }
        return result.ok() ? FuzzTarget.Outcome.ACCEPTED : FuzzTarget.Outcome.REFUSED;
    }

    /** Bytes as the server decodes a request body: UTF-8, malformed sequences replaced. */
    private static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Take {
        FuzzTarget.Outcome take(byte[] input) throws Exception;
    }

    private static FuzzTarget target(String name, List<byte[]> seeds, Take take) {
        List<byte[]> copy = List.copyOf(seeds);
        return new FuzzTarget() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<byte[]> seeds() {
                return copy;
            }

            @Override
            public Outcome take(byte[] input) throws Exception {
                return take.take(input);
            }
        };
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The valid inputs every target starts from, built from what the jar ships. */
    static final class Seeds {
        final byte[] demoYaml = resource("/scenarios/rok-us-space-ttx.yaml");
        final byte[] smallYaml = resource("/org/spacettx/app/fuzz/small-scenario.yaml");
        final Scenario demo;
        final Scenario small;
        final java.util.Map<Integer, Instant> demoScheduled;
        final java.util.Map<Integer, Instant> smallScheduled;
        final byte[] smallLog;
        final byte[] archive;
        final List<byte[]> commands = new ArrayList<>();
        private final List<ElementSet> elements = new ArrayList<>();
        private final TimeScale utc;

        Seeds(OrekitData data) {
            utc = data.utc();
            demo = ScenarioReader.parse(new String(demoYaml, StandardCharsets.UTF_8), null, data).scenario();
            small = ScenarioReader.parse(new String(smallYaml, StandardCharsets.UTF_8), null, data).scenario();
            demoScheduled = Exercise.scheduledTimes(TriggerSchedule.compute(demo, data));
            smallScheduled = Exercise.scheduledTimes(TriggerSchedule.compute(small, data));
            demo.objects().forEach(o -> elements.add(o.elements()));
            small.objects().forEach(o -> elements.add(o.elements()));
            String script = new String(resource("/scenarios/rok-us-space-ttx.script.jsonl"), StandardCharsets.UTF_8);
            for (String line : script.lines().toList()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    JsonNode step = Json.read(line, JsonNode.class);
                    if (step.has("command")) {
                        commands.add(step.get("command").toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            Exercise played = new Exercise(small, smallScheduled);
            String smallScript = """
                    {"wall": "2023-09-19T00:00:00Z", "actor": "control", "command": {"type": "StartExercise"}}
                    {"actor": "control", "command": {"type": "SetSpeed", "speed": 3600}}
                    {"actor": "control", "command": {"type": "StartClock"}}
                    {"wall": "+2", "actor": "kor", "command": {"type": "SubmitAnswer", "question": "Q1", "value": {"type": "Number", "value": 70}, "confidence": "MODERATE", "rationale": "pad activity"}}
                    {"wall": "+2", "actor": "usa", "command": {"type": "SubmitAnswer", "question": "Q1", "value": {"type": "Number", "value": 40}, "confidence": "LOW", "rationale": ""}}
                    {"wall": "+3", "actor": "control", "command": {"type": "RevealQuestion", "question": "Q1"}}
                    {"wall": "+3", "actor": "kor", "command": {"type": "AcknowledgeInject", "number": 1}}
                    {"wall": "+4", "actor": "kor", "command": {"type": "PostMessage", "toCell": "usa", "body": "Shared", "marking": "REL TO USA, KOR"}}
                    {"wall": "+4", "actor": "usa", "command": {"type": "RequestInformation", "question": "Orbit?", "marking": "REL TO USA, KOR"}}
                    {"wall": "+5", "actor": "control", "command": {"type": "AnswerRfi", "rfi": "RFI-1", "answer": "Sun-synchronous"}}
                    {"wall": "+5", "actor": "observers", "command": {"type": "RecordObservation", "objective": "O1", "inject": 1, "rating": 4, "text": "Quick"}}
                    {"wall": "+6", "actor": "kor", "command": {"type": "SaveActionItem", "title": "Procedure", "ownerNation": "KOR", "due": "2024-03-31", "inject": 2}}
                    {"wall": "+7", "actor": "control", "command": {"type": "DraftStatement", "text": "We agree."}}
                    {"wall": "+8", "actor": "usa", "command": {"type": "AgreeStatement"}}
                    {"wall": "+8", "actor": "kor", "command": {"type": "NoteDissent", "text": "Wording"}}
                    {"wall": "+9", "actor": "control", "command": {"type": "ReleaseInject", "number": 4}}
                    {"wall": "+9", "actor": "control", "command": {"type": "WithdrawInject", "number": 4, "reason": "Superseded"}}
                    {"wall": "+10", "actor": "control", "command": {"type": "EndExercise"}}
                    """;
            List<Event.Recorded> log = Script.run(smallScript, "seed", played, Instant.parse("2023-09-19T00:00:00Z")).events();
            smallLog = EventLog.write(log).getBytes(StandardCharsets.UTF_8);
            archive = ExerciseArchive.of("fuzz-seed", new String(smallYaml, StandardCharsets.UTF_8), small, log).write();
        }

        List<byte[]> tle() {
            StringBuilder three = new StringBuilder();
            StringBuilder two = new StringBuilder();
            for (ElementSet e : elements) {
                org.orekit.propagation.analytical.tle.TLE tle = OrekitTle.toTle(e, utc);
                three.append(e.name()).append('\n').append(tle.getLine1()).append('\n').append(tle.getLine2()).append('\n');
                two.append(tle.getLine1()).append("\r\n").append(tle.getLine2()).append("\r\n");
            }
            return List.of(three.toString().getBytes(StandardCharsets.US_ASCII), two.toString().getBytes(StandardCharsets.US_ASCII));
        }

        byte[] ommCsv() {
            List<Map<String, String>> rows = elements.stream().map(OmmWriter::fields).toList();
            StringBuilder s = new StringBuilder(String.join(",", rows.get(0).keySet())).append('\n');
            for (Map<String, String> r : rows) {
                s.append(String.join(",", r.values().stream().map(v -> v.contains(",") ? "\"" + v + "\"" : v).toList())).append('\n');
            }
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }

        byte[] ommJson() {
            return Json.write(elements.stream().map(OmmWriter::fields).toList()).getBytes(StandardCharsets.UTF_8);
        }

        byte[] ommXml() {
            StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ndm>\n");
            for (ElementSet e : elements) {
                Map<String, String> f = OmmWriter.fields(e);
                s.append("<omm id=\"CCSDS_OMM_VERS\" version=\"2.0\">\n<header><CREATION_DATE>2026-12-02T00:00:00</CREATION_DATE>")
                        .append("<ORIGINATOR>SPACETTX</ORIGINATOR></header>\n<body><segment><metadata>")
                        .append("<OBJECT_NAME>").append(xml(f.get("OBJECT_NAME"))).append("</OBJECT_NAME>")
                        .append("<OBJECT_ID>").append(f.get("OBJECT_ID")).append("</OBJECT_ID><CENTER_NAME>EARTH</CENTER_NAME>")
                        .append("<REF_FRAME>TEME</REF_FRAME><TIME_SYSTEM>UTC</TIME_SYSTEM><MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY>")
                        .append("</metadata>\n<data><meanElements>");
                for (String key : List.of("EPOCH", "MEAN_MOTION", "ECCENTRICITY", "INCLINATION", "RA_OF_ASC_NODE",
                        "ARG_OF_PERICENTER", "MEAN_ANOMALY")) {
                    s.append('<').append(key).append('>').append(f.get(key)).append("</").append(key).append('>');
                }
                s.append("</meanElements><tleParameters>");
                for (String key : List.of("EPHEMERIS_TYPE", "CLASSIFICATION_TYPE", "NORAD_CAT_ID", "ELEMENT_SET_NO",
                        "REV_AT_EPOCH", "BSTAR", "MEAN_MOTION_DOT", "MEAN_MOTION_DDOT")) {
                    s.append('<').append(key).append('>').append(f.get(key)).append("</").append(key).append('>');
                }
                s.append("</tleParameters></data></segment></body>\n</omm>\n");
            }
            return s.append("</ndm>\n").toString().getBytes(StandardCharsets.UTF_8);
        }

        byte[] ommKvn() {
            StringBuilder s = new StringBuilder();
            for (ElementSet e : elements) {
                s.append(OmmWriter.kvn(e, "SPACETTX", "2026-12-02T00:00:00")).append('\n');
            }
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static String xml(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }

        private static byte[] resource(String name) {
            try (InputStream in = FuzzTargets.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the jar");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
