package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo simulated by its script, then reported from its event log for control and for each delegation. */
class ReportCommandTest {

    static final String SCENARIO = Path.of("..", "scenarios", "rok-us-space-ttx.yaml").toString();
    static final String SCRIPT = Path.of("..", "scenarios", "rok-us-space-ttx.script.jsonl").toString();

    @TempDir
    static Path dir;
    static Path log;

    @BeforeAll
    static void simulate() throws Exception {
        CliRun run = CliRun.of("exercise", "simulate", SCENARIO, "--script", SCRIPT);
        assertThat(run.exitCode()).as(run.err()).isZero();
        log = dir.resolve("events.jsonl");
        Files.writeString(log, run.out());
    }

    static List<Integer> timeline(String cell) throws Exception {
        CliRun run = CliRun.of("report", SCENARIO, "--log", log.toString(), "--as", cell, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode t : new ObjectMapper().readTree(run.out()).get("timeline")) {
            numbers.add(t.get("number").asInt());
        }
        return numbers;
    }

    @Test
    void eachCopyCarriesWhatItsReaderMaySee() throws Exception {
        assertThat(timeline("control")).hasSize(30);
        // KOR ONLY: 2, 13, 21, 30; USA ONLY: 3, 9, 14, 20, 26 (see the demo scenario)
        assertThat(timeline("kor")).hasSize(25).contains(2, 13, 21, 30).doesNotContain(3, 9, 14, 20, 26);
        assertThat(timeline("usa")).hasSize(26).contains(3, 9, 14, 20, 26).doesNotContain(2, 13, 21, 30);
    }

    @Test
    void htmlGoesToAFileInTheLanguageAsked() throws Exception {
        Path out = dir.resolve("aar-kor.html");
        CliRun run = CliRun.of("report", SCENARIO, "--log", log.toString(), "--as", "kor", "--lang", "ko", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("25 injects, copy for kor (KOR)");
        String html = Files.readString(out);
        assertThat(html).contains("lang=\"ko\">").contains("사후 강평 보고서 및 개선 계획").contains("공동 성명")
                .doesNotContain("Objectives and evaluation");
    }

    @Test
    void anArchiveCarriesTheExerciseAndReportsTheSame() throws Exception {
        Path zip = dir.resolve("demo.spacettx.zip");
        CliRun made = CliRun.of("exercise", "archive", SCENARIO, "--log", log.toString(), "-o", zip.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.err()).contains("events, 5 objects, log sha256 ");
        byte[] first = Files.readAllBytes(zip);
        assertThat(CliRun.of("exercise", "archive", SCENARIO, "--log", log.toString(), "-o", zip.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(zip)).as("the same exercise, the same file").isEqualTo(first);
        for (String cell : new String[] {"control", "kor", "usa"}) {
            CliRun fromArchive = CliRun.of("report", zip.toString(), "--as", cell, "--format", "json");
            assertThat(fromArchive.exitCode()).as(fromArchive.err()).isZero();
            assertThat(fromArchive.out()).isEqualTo(CliRun.of("report", SCENARIO, "--log", log.toString(), "--as", cell,
                    "--format", "json").out());
        }
        // a part changed after the export is named
        Path tampered = dir.resolve("tampered.zip");
        var parts = org.spacettx.exercise.archive.ExerciseArchive.read(first, "x");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(tampered))) {
            for (String[] e : new String[][] {{"manifest.json", org.spacettx.exercise.engine.Json.write(parts.manifest())},
                    {"scenario.yaml", parts.scenarioYaml().replace("ROK delegation", "ROK team")},
                    {"catalog.csv", parts.catalogCsv()}, {"events.jsonl", parts.eventsJsonl()}}) {
                out.putNextEntry(new java.util.zip.ZipEntry(e[0]));
                out.write(e[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        CliRun bad = CliRun.of("report", tampered.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        // the changed part is no longer the size the manifest says: refused while it is read, before its hash
        assertThat(bad.err()).contains("tampered.zip!scenario.yaml: is ").contains("bytes, the manifest says");
        assertThat(CliRun.of("report", zip.toString(), "--log", log.toString()).err()).contains("an archive carries its own log");
        assertThat(CliRun.of("report", SCENARIO).err()).contains("needs its event log");
    }

    @Test
    void anExerciseOfTheDatabaseIsReportedAsItStands() throws Exception {
        Path data = dir.resolve("db");
        try (org.spacettx.app.store.Database db = org.spacettx.app.store.Database.open(
                org.spacettx.app.store.Database.embeddedUrl(data), "sa", "")) {
            DemoAccess.prepare(db, "test-password-42");
            new org.spacettx.app.store.EventStore(db).append("rok-us-space-ttx", 0, ReportCommand.events(log));
        }
        for (String cell : new String[] {"kor", "usa"}) {
            CliRun fromDb = CliRun.of("report", "rok-us-space-ttx", "--data-dir", data.toString(), "--as", cell, "--format", "json");
            assertThat(fromDb.exitCode()).as(fromDb.err()).isZero();
            assertThat(fromDb.out()).isEqualTo(CliRun.of("report", SCENARIO, "--log", log.toString(), "--as", cell,
                    "--format", "json").out());
        }
        CliRun typo = CliRun.of("report", "rok-us-space-tx", "--data-dir", dir.resolve("nowhere").toString());
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("is neither a file nor an exercise");
        assertThat(java.nio.file.Files.exists(dir.resolve("nowhere"))).as("no database created").isFalse();
        CliRun missing = CliRun.of("report", "no-such-exercise", "--data-dir", data.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no exercise 'no-such-exercise' in the database");
    }

    @Test
    void pdfGoesToAFile() throws Exception {
        Path out = dir.resolve("aar-usa.pdf");
        CliRun run = CliRun.of("report", SCENARIO, "--log", log.toString(), "--as", "usa", "--format", "pdf", "--lang", "both",
                "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(out.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("After-action report and improvement plan").contains("Copy for")
                    .contains("Russian engineers reported at Sohae").doesNotContain("New activity at the Sohae assembly building");
        }
    }

    @Test
    void badLogsAndReadersAreOneLineAndExitTwo() throws Exception {
        Path broken = dir.resolve("broken.jsonl");
        List<String> lines = Files.readAllLines(log);
        Files.write(broken, List.of(lines.get(0), "{\"not\": \"an event\"}"));
        CliRun run = CliRun.of("report", SCENARIO, "--log", broken.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("spacettx: " + broken + ":2: is not an event of the log");
        Path gap = dir.resolve("gap.jsonl");
        Files.write(gap, List.of(lines.get(0), lines.get(2)));
        assertThat(CliRun.of("report", SCENARIO, "--log", gap.toString()).err()).contains(":2: event 2 has sequence 3");
        CliRun nobody = CliRun.of("report", SCENARIO, "--log", log.toString(), "--as", "navy");
        assertThat(nobody.exitCode()).isEqualTo(2);
        assertThat(nobody.err()).contains("'navy' is not a cell of the scenario (control, kor, usa, observers)");
        assertThat(CliRun.of("report", SCENARIO, "--log", log.toString(), "--lang", "fr").err()).contains("'fr' is not en, ko or both");
    }
}
