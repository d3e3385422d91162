package org.spacettx.exercise.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.Exercise;
import org.spacettx.exercise.engine.Json;
import org.spacettx.exercise.engine.Script;
import org.spacettx.exercise.engine.TriggerSchedule;
import org.spacettx.exercise.report.AfterActionReport;
import org.spacettx.exercise.report.ReportHtml;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;

/** The demo played by its script, archived, read back and replayed: the same log, state, report and bytes. */
class ExerciseArchiveTest {

    static String yaml;
    static Scenario demo;
    static Exercise played;

    @BeforeAll
    static void play() throws Exception {
        yaml = Files.readString(Demo.file());
        demo = ScenarioReader.parse(yaml, null, OrekitData.standard()).scenario();
        played = new Exercise(demo, Exercise.scheduledTimes(TriggerSchedule.compute(demo, OrekitData.standard())));
        Script.Run run = Script.run(Files.readString(Demo.file().resolveSibling("rok-us-space-ttx.script.jsonl")),
                "demo.script", played, Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(run.refusals()).isEmpty();
    }

    @Test
    void writeReadReplayGivesTheSameExerciseAndTheSameBytes() {
        ExerciseArchive archive = ExerciseArchive.of("rok-us-space-ttx", yaml, demo, played.log());
        byte[] bytes = archive.write();
        ExerciseArchive back = ExerciseArchive.read(bytes, "demo.zip");
        assertThat(back).isEqualTo(archive);
        assertThat(back.write()).as("the same exercise makes the same file").isEqualTo(bytes);
        assertThat(archive.manifest().get("events").toString()).contains("count=" + played.log().size());

        Scenario parsed = ScenarioReader.parse(back.scenarioYaml(), null, OrekitData.standard()).scenario();
        back.checkCatalog(parsed, "demo.zip");
        Exercise replayed = Exercise.replay(parsed, Exercise.scheduledTimes(TriggerSchedule.compute(parsed, OrekitData.standard())),
                back.events());
        assertThat(Json.write(replayed.state().snapshot())).isEqualTo(Json.write(played.state().snapshot()));
        for (Actor reader : new Actor[] {new Actor("c", Actor.Role.CONTROLLER, "control", ""),
                new Actor("k", Actor.Role.PLAYER, "kor", "KOR"), new Actor("u", Actor.Role.PLAYER, "usa", "USA")}) {
            assertThat(ReportHtml.render(AfterActionReport.of(parsed, replayed.state(), reader), ReportHtml.Language.BOTH))
                    .as(reader.cell()).isEqualTo(ReportHtml.render(AfterActionReport.of(demo, played.state(), reader),
                            ReportHtml.Language.BOTH));
        }
    }

    @Test
    void theCatalogSnapshotIsACatalogOfTheScenariosElementSets() {
        String csv = ExerciseArchive.catalogSnapshot(demo);
        CatalogReader.Result read = CatalogReader.strict(OrekitData.standard()).read("catalog.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(read.elementSets()).hasSize(demo.objects().size());
        for (SpaceObject o : demo.objects()) {
            ElementSet e = read.elementSets().stream().filter(x -> x.noradId() == o.elements().noradId()).findFirst().orElseThrow();
            // at the precision of the TLE format (a launched object's computed elements carry more digits)
            assertThat(java.time.Duration.between(e.epoch(), o.elements().epoch()).abs().toNanos()).isLessThanOrEqualTo(1000);
            assertThat(e.meanMotion()).isCloseTo(o.elements().meanMotion(), org.assertj.core.data.Offset.offset(5e-9));
            assertThat(e.eccentricity()).isCloseTo(o.elements().eccentricity(), org.assertj.core.data.Offset.offset(5e-8));
            assertThat(e.inclinationDeg()).isCloseTo(o.elements().inclinationDeg(), org.assertj.core.data.Offset.offset(5e-5));
        }
    }

    @Test
    void aChangedOrForeignFileIsRefusedByName() throws Exception {
        byte[] good = ExerciseArchive.of("rok-us-space-ttx", yaml, demo, played.log()).write();
        // one event changed after export
        ExerciseArchive parts = ExerciseArchive.read(good, "a.zip");
        byte[] tampered = zip(java.util.Map.of(
                "manifest.json", Json.mapper().writeValueAsString(parts.manifest()),
                "scenario.yaml", parts.scenarioYaml(), "catalog.csv", parts.catalogCsv(),
                "events.jsonl", parts.eventsJsonl().replace("\"rating\":4", "\"rating\":5")));
        assertThatThrownBy(() -> ExerciseArchive.read(tampered, "a.zip")).isInstanceOf(InputException.class)
                .hasMessageContaining("a.zip!events.jsonl").hasMessageContaining("was changed or damaged");
        assertThatThrownBy(() -> ExerciseArchive.read("not a zip".getBytes(StandardCharsets.UTF_8), "b.zip"))
                .isInstanceOf(InputException.class).hasMessageContaining("b.zip");
        assertThatThrownBy(() -> ExerciseArchive.read(zip(java.util.Map.of("../../etc/passwd", "x")), "c.zip"))
                .hasMessageContaining("not part of an exercise archive");
        assertThatThrownBy(() -> ExerciseArchive.read(zip(java.util.Map.of("manifest.json", "{}")), "d.zip"))
                .hasMessageContaining("d.zip!manifest.json: format is ''");
        assertThatThrownBy(() -> ExerciseArchive.read(zip(java.util.Map.of("manifest.json",
                Json.mapper().writeValueAsString(parts.manifest()))), "d.zip")).hasMessage("d.zip: has no scenario.yaml");
        // another scenario's objects: the replay would compute with other element sets
        Scenario other = ScenarioReader.parse(yaml.replace("id: rok-us-space-ttx", "id: other"), null, OrekitData.standard()).scenario();
        ExerciseArchive.read(good, "a.zip").checkCatalog(other, "a.zip"); // same objects: fine
        ExerciseArchive withoutObjects = new ExerciseArchive("x", yaml, "", played.log());
        assertThatThrownBy(() -> withoutObjects.checkCatalog(demo, "e.zip")).hasMessageContaining("e.zip!catalog.csv")
                .hasMessageContaining("other element sets");
    }

    /**
     * Parts whose size is not the manifest's, found by the hostile-input review (the size was not checked), and a
     * log of nothing but line breaks (60 MB of them took 'report' to 1 GB): refused or read without holding lines.
     */
    @Test
    void partsAreReadNoFurtherThanTheManifestSays() throws Exception {
        ExerciseArchive parts = ExerciseArchive.read(ExerciseArchive.of("rok-us-space-ttx", yaml, demo, played.log()).write(), "a.zip");
        java.util.Map<String, Object> manifest = parts.manifest();
        String log = parts.eventsJsonl();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> events = (java.util.Map<String, Object>) manifest.get("events");
        events.put("bytes", log.length() - 10);
        byte[] longer = zip(java.util.Map.of("manifest.json", Json.mapper().writeValueAsString(manifest),
                "scenario.yaml", parts.scenarioYaml(), "catalog.csv", parts.catalogCsv(), "events.jsonl", log));
        assertThatThrownBy(() -> ExerciseArchive.read(longer, "a.zip"))
                .hasMessage("a.zip!events.jsonl: is larger than the manifest says (" + (log.length() - 10) + " bytes)");
        events.put("bytes", log.length() + 10);
        byte[] shorter = zip(java.util.Map.of("manifest.json", Json.mapper().writeValueAsString(manifest),
                "scenario.yaml", parts.scenarioYaml(), "catalog.csv", parts.catalogCsv(), "events.jsonl", log));
        assertThatThrownBy(() -> ExerciseArchive.read(shorter, "a.zip"))
                .hasMessage("a.zip!events.jsonl: is " + log.length() + " bytes, the manifest says " + (log.length() + 10));
        events.put("bytes", "many");
        byte[] notANumber = zip(java.util.Map.of("manifest.json", Json.mapper().writeValueAsString(manifest),
                "scenario.yaml", parts.scenarioYaml(), "catalog.csv", parts.catalogCsv(), "events.jsonl", log));
        assertThatThrownBy(() -> ExerciseArchive.read(notANumber, "a.zip"))
                .hasMessageStartingWith("a.zip!manifest.json: events.bytes must be the part's size");
        byte[] manifestLast = zip(java.util.Map.of("scenario.yaml", parts.scenarioYaml()));
        assertThatThrownBy(() -> ExerciseArchive.read(manifestLast, "a.zip"))
                .hasMessage("a.zip!scenario.yaml: comes before manifest.json, which an archive holds first");
    }

    @Test
    void aLogOfLineBreaksIsReadWithoutHoldingItsLines() {
        String breaks = "\n".repeat(60_000_000);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        assertThat(org.spacettx.exercise.engine.EventLog.read(breaks, "events.jsonl")).isEmpty();
        assertThat(rt.totalMemory() - rt.freeMemory() - before).as("heap grown").isLessThan(200L << 20);
        assertThatThrownBy(() -> org.spacettx.exercise.engine.EventLog.read("\nnull\n", "events.jsonl"))
                .hasMessage("events.jsonl:2: is not an event of the log");
    }

    /** A scenario that takes an object from a catalog file: the archive's snapshot stands in for the file. */
    @Test
    void catalogFilesResolveFromTheSnapshot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.util.List<String> lines = Files.readAllLines(org.spacettx.orbit.SharedData.path(
                "catalog/spacetrack-3le-full-2023-09-09.txt"));
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("1 25544")).findFirst().orElseThrow());
        Files.write(dir.resolve("iss.tle"), lines.subList(at - 1, at + 2));
        String withCatalog = yaml.replaceFirst("\nobjects:\n", "\ncatalog: [iss.tle]\nobjects:\n"
                + "  - {id: iss, name: {en: ISS, ko: 국제우주정거장}, nation: USA, catalog: 25544}\n");
        java.nio.file.Path file = dir.resolve("with-catalog.yaml");
        Files.writeString(file, withCatalog);
        ScenarioReader.Result read = ScenarioReader.read(file, OrekitData.standard());
        assertThat(read.errors()).as(read.errors().toString()).isEmpty();
        Scenario s = read.scenario();
        assertThat(s.objects()).hasSize(demo.objects().size() + 1);
        ExerciseArchive archive = ExerciseArchive.read(ExerciseArchive.of("c", withCatalog, s, played.log()).write(), "c.zip");
        assertThat(archive.catalogCsv()).contains("1998-067A").contains(",25544,");
        // without its file the scenario does not parse; from the archive it does, to the same element sets
        assertThat(ScenarioReader.parse(withCatalog, null, OrekitData.standard()).ok()).isFalse();
        Scenario fromArchive = archive.scenario(OrekitData.standard(), "c.zip");
        assertThat(fromArchive.objects()).hasSize(s.objects().size());
        assertThat(fromArchive.objects().get(0).elements().noradId()).isEqualTo(25544);
        assertThat(fromArchive.objects().get(0).elements().epoch()).isEqualTo(s.objects().get(0).elements().epoch());
    }

    /** A ZIP of these entries, the manifest first (as an archive holds it), the others by name. */
    private static byte[] zip(java.util.Map<String, String> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.Map<String, String> ordered = new java.util.TreeMap<>(java.util.Comparator
                .comparing((String name) -> !name.equals("manifest.json")).thenComparing(java.util.Comparator.naturalOrder()));
        ordered.putAll(entries);
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : ordered.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
