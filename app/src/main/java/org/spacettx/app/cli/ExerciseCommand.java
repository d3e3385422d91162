package org.spacettx.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.spacettx.exercise.archive.ExerciseArchive;
import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.SpacePicture;
import org.spacettx.exercise.engine.ScheduleCheck;
import org.spacettx.exercise.engine.TriggerSchedule;
import org.spacettx.exercise.export.MselTable;
import org.spacettx.exercise.export.SpaceCzml;
import org.spacettx.exercise.export.SpaceKml;
import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioProblem;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spacettx exercise validate|timeline}: scenario files, headless. */
@Command(name = "exercise", mixinStandardHelpOptions = true, description = "Check scenario files and compute their timelines.",
        subcommands = {ExerciseCommand.Validate.class, ExerciseCommand.Timeline.class, SimulateCommand.class,
                ExerciseCommand.Kml.class, ExerciseCommand.Msel.class, ExerciseCommand.MselImport.class,
                ExerciseCommand.Czml.class, ExerciseCommand.Archive.class})
public final class ExerciseCommand {

    /** Reads an exercise archive from a file; its problems named by file and part. */
    static ExerciseArchive archive(Path file) {
        return ExerciseArchive.read(CliFiles.readBytes(file), file.toString());
    }

    /** Whether a file is a ZIP (an archive) rather than a scenario's text: its first four bytes tell. */
    static boolean isArchive(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return ExerciseArchive.isZip(in.readNBytes(4));
        } catch (java.io.IOException e) {
            return false; // reading it as a scenario names the problem
        }
    }

    /** Reads a scenario; prints every problem to stderr; null (and exit code 2 to the caller) when it has errors. */
    static ScenarioReader.Result read(Path file) {
        ScenarioReader.Result result = ScenarioReader.read(file, OrekitData.standard());
        for (ScenarioProblem p : result.problems()) {
            System.err.println(p.format(file.toString()));
        }
        return result;
    }

    /** The scenario of a file that has no errors; otherwise its problems and a summary on stderr, and empty. */
    static Optional<Scenario> valid(Path file) {
        ScenarioReader.Result result = read(file);
        if (!result.ok()) {
            System.err.println("spacettx: " + file + ": " + result.errors().size() + " errors; fix them first");
            return Optional.empty();
        }
        return Optional.of(result.scenario());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a scenario file: every error and warning with line, column and a plain explanation "
            + "(unknown cell or object ids, impossible times, markings that would leak, trigger cycles...).")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            ScenarioReader.Result result = ScenarioReader.read(file, OrekitData.standard());
            // with what only the computed schedule shows: an orbital trigger that releases an inject outside its move
            List<ScenarioProblem> problems = ScheduleCheck.problems(result, OrekitData.standard());
            for (ScenarioProblem p : problems) {
                System.err.println(p.format(file.toString()));
            }
            long errors = problems.stream().filter(p -> p.severity() == ScenarioProblem.Severity.ERROR).count();
            long warnings = problems.size() - errors;
            if (errors > 0) {
                System.err.println("spacettx: " + file + ": " + errors + " errors, " + warnings + " warnings");
                return Main.BAD_INPUT;
            }
            var s = result.scenario();
            System.out.printf("%s: valid (%d warnings): %d cells, %d moves, %d injects, %d questions, %d objects, %d places%n",
                    file, warnings, s.cells().size(), s.moves().size(), s.injects().size(), s.questions().size(),
                    s.objects().size(), s.sites().size() + s.areas().size());
            if (!s.sensors().isEmpty()) {
                var detections = org.spacettx.exercise.engine.Detections.compute(s, OrekitData.standard());
                for (String cell : detections.cells()) {
                    for (var o : s.objects()) {
                        var first = detections.of(cell, o.id()).stream().findFirst();
                        System.out.printf("detection: %s first sees %s %s%n", cell, o.name().en(), first.map(x -> "at " + x.start()
                                + " (sensor " + x.sensor() + ", " + detections.of(cell, o.id()).size() + " observations)").orElse("never"));
                        detections.custodyLost(cell, o, s.start()).ifPresent(l -> System.out.printf(
                                java.util.Locale.ROOT, "custody: %s first loses %s at %s (%s)%n", cell, o.name().en(), l.time(),
                                l.reason().equals("maneuver") ? String.format(java.util.Locale.ROOT,
                                        "found %.1f km from its predicted position: a manoeuvre", l.offsetKm())
                                        : "unobserved for " + org.spacettx.exercise.engine.Detections.LOST_AFTER.toHours() + " h"));
                    }
                    for (var b : s.breakups()) {
                        System.out.printf("detection: %s first sees the debris of %s %s%n", cell, b.name().en(),
                                detections.firstDebrisDetection(cell, b.id()).map(t -> "at " + t + " (a fragment)").orElse("never"));
                    }
                }
            }
            for (var e : org.spacettx.exercise.report.AfterActionReport.spaceEvents(s)) {
                System.out.printf("%s %s (%s) at %s: %s%n", e.kind(), e.id(), e.object().en(), e.time(), e.detail().en());
                for (var w : e.windows()) {
                    System.out.printf(java.util.Locale.ROOT, "  bites %s to %s%s%n", w.start(), w.end(), Double.isNaN(w.closestKm()) ? ""
                            : String.format(java.util.Locale.ROOT, " (closest %.0f km, jamming %.1f dBW at the receiver)", w.closestKm(),
                            w.jammingDbw()));
                }
            }
            return 0;
        }
    }

    @Command(name = "timeline", mixinStandardHelpOptions = true, description = "The MSEL with each inject's release time: scenario times, and the orbital events computed by the "
            + "orbital engine (launches, first overflights, passes, close approaches, manoeuvres, breakups and what their "
            + "debris does); manual and answer-dependent "
            + "injects are listed with what they wait for.")
    static final class Timeline implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;
        @Mixin
        FormatOption format;

        @Override
        public Integer call() {
            ScenarioReader.Result result = read(file);
            if (!result.ok()) {
                System.err.println("spacettx: " + file + ": " + result.errors().size() + " errors; fix them first (spacettx exercise validate)");
                return Main.BAD_INPUT;
            }
            TriggerSchedule schedule = TriggerSchedule.compute(result.scenario(), OrekitData.standard());
            try (RowWriter out = new RowWriter(List.of(Column.text("number", 6), Column.text("move", 4),
                    Column.text("release_utc", 24), Column.text("trigger", 60), Column.text("marking", 16),
                    Column.text("to", 12), Column.text("subject", 40)), format.format, System.out)) {
                for (TriggerSchedule.Entry e : schedule.entries()) {
                    Inject i = e.inject();
                    out.row(i.number(), i.move(), e.time().map(Instants::seconds).orElse(""), e.basis().en(),
                            i.marking().toString(), String.join(" ", i.recipients()), i.subject().en());
                }
            }
            return 0;
        }
    }

    /** What the space-picture exports share: the language of names and where to write. */
    static final class PictureOutput {
        @Option(names = "--lang", defaultValue = "en", paramLabel = "en|ko", description = "Names in (default ${DEFAULT-VALUE}).")
        String lang;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
        Path output;

        String language() {
            if (!lang.equals("en") && !lang.equals("ko")) {
                throw new InputException(null, "--lang", "'" + lang + "' is not en or ko");
            }
            return lang;
        }
    }

    @Command(name = "kml", mixinStandardHelpOptions = true, description = "The space picture at a scenario time as KML 2.2 (Google Earth): sites and areas, every object in orbit "
            + "at its position and altitude, its ground track (30 min back, 100 min ahead) and sensor footprint.")
    static final class Kml implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--at", required = true, paramLabel = "ISO", description = "Scenario time, ISO-8601 UTC.")
        String at;
        @Mixin
        PictureOutput out;

        @Override
        public Integer call() {
            Instant time = Times.parse("--at", at);
            String lang = out.language();
            Optional<Scenario> scenario = valid(file);
            if (scenario.isEmpty()) {
                return Main.BAD_INPUT;
            }
            Scenario s = scenario.get();
            if (time.isBefore(s.start()) || time.isAfter(s.end())) {
                throw new InputException(null, "--at", time + " is outside the scenario ("
                        + s.start() + " to " + s.end() + ")");
            }
            TriggerSchedule schedule = TriggerSchedule.compute(s, OrekitData.standard());
            String kml = SpaceKml.of(
                    new SpacePicture(s, schedule, OrekitData.standard()).at(time), s.title(), lang);
            CliFiles.write(out.output, kml);
            return 0;
        }
    }

    @Command(name = "czml", mixinStandardHelpOptions = true, description = "The space picture over a span as CZML 1.0 for Cesium-based viewers: sites and areas, every object with its "
            + "availability and SGP4 positions (Earth-fixed, Lagrange-interpolated by the viewer) and a path of one orbit.")
    static final class Czml implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--from", paramLabel = "ISO", description = "Start (default: the scenario's).")
        String from;
        @Option(names = "--to", paramLabel = "ISO", description = "End (default: the scenario's).")
        String to;
        @Option(names = "--step", defaultValue = "60", paramLabel = "S", description = "Seconds between positions, 10 to 600 (default ${DEFAULT-VALUE}).")
        long step;
        @Mixin
        PictureOutput out;

        @Override
        public Integer call() {
            String lang = out.language();
            if (step < 10 || step > 600) {
                throw new InputException(null, "--step", step + " is not from 10 to 600 seconds");
            }
            Optional<Scenario> scenario = valid(file);
            if (scenario.isEmpty()) {
                return Main.BAD_INPUT;
            }
            Scenario s = scenario.get();
            Instant start = from == null ? s.start() : Times.parse("--from", from);
            Instant end = to == null ? s.end() : Times.parse("--to", to);
            if (!end.isAfter(start)) {
                throw new InputException(null, "--to", end + " is not after " + start);
            }
            CliFiles.write(out.output, SpaceCzml.of(s, OrekitData.standard(), start, end, java.time.Duration.ofSeconds(step), lang));
            return 0;
        }
    }

    @Command(name = "archive", mixinStandardHelpOptions = true, description = "One file of a played exercise: the scenario, the catalog snapshot of the element sets its objects used "
            + "(with SHA-256), and the event log. 'spacettx report ARCHIVE' reports from it; a server imports it "
            + "(POST /api/exercises/import). The same exercise always makes the same file.")
    static final class Archive implements Callable<Integer> {
        @Parameters(paramLabel = "SCENARIO")
        Path file;
        @Option(names = "--log", required = true, paramLabel = "EVENTS.jsonl", description = "The exercise's event log.")
        Path log;
        @Option(names = "--id", paramLabel = "ID", description = "The exercise's id (default: the scenario's).")
        String id;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.zip", description = "The archive to write.")
        Path output;

        @Override
        public Integer call() {
            Optional<Scenario> scenario = valid(file);
            if (scenario.isEmpty()) {
                return Main.BAD_INPUT;
            }
            List<Event.Recorded> events = ReportCommand.events(log);
            for (Event.Recorded r : events) {
                if (r.event() instanceof Event.FileAttached a) {
                    // a log names its documents by content, which a log file does not hold
                    throw new org.spacettx.orbit.input.InputException(org.spacettx.orbit.input.SourceLocation.of(log.toString()), null,
                            "event " + r.sequence() + " attaches the document " + a.file().name()
                                    + ": export the archive from the server that holds it (GET /api/exercises/ID/archive)");
                }
            }
            ExerciseArchive archive = ExerciseArchive.of(id == null ? scenario.get().id() : id, CliFiles.readText(file),
                    scenario.get(), events);
            byte[] zip = archive.write();
            CliFiles.write(output, zip);
            System.err.println("spacettx: wrote " + output + " (" + events.size() + " events, "
                    + scenario.get().objects().size() + " objects, log sha256 " + ExerciseArchive.sha256(archive.eventsJsonl()) + ")");
            return 0;
        }
    }

    @Command(name = "msel", mixinStandardHelpOptions = true, description = "The MSEL as a table for spreadsheets (CSV, or an Excel workbook when the output ends in .xlsx): one inject "
            + "a row, English and Korean side by side, triggers in the scenario's notation. 'exercise msel-import' puts "
            + "an edited table back into the scenario.")
    static final class Msel implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = {"-o", "--output"}, paramLabel = "OUT.csv|OUT.xlsx", description = "Write here instead of standard output.")
        Path output;

        @Override
        public Integer call() {
            Optional<Scenario> scenario = valid(file);
            if (scenario.isEmpty()) {
                return Main.BAD_INPUT;
            }
            if (output != null && isXlsx(output)) {
                CliFiles.write(output, MselTable.toXlsx(scenario.get()));
            } else {
                CliFiles.write(output, MselTable.toCsv(scenario.get()));
            }
            return 0;
        }
    }

    @Command(name = "msel-import", mixinStandardHelpOptions = true, description = "Replace a scenario's MSEL by a table (CSV or .xlsx, as 'exercise msel' writes it, edited in a spreadsheet) and write "
            + "the new scenario file; the rest of the file stays as it was. Nothing is written unless the new scenario "
            + "is valid: every problem is printed with its line and column in the new file.")
    static final class MselImport implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--table", required = true, paramLabel = "MSEL.csv|MSEL.xlsx", description = "The table.")
        Path table;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "NEW.yaml", description = "The new scenario file.")
        Path output;

        @Override
        public Integer call() {
            String yaml = isXlsx(table) ? MselTable.replaceMselFromXlsx(CliFiles.readText(file), CliFiles.readBytes(table), table.toString())
                    : MselTable.replaceMsel(CliFiles.readText(file), CliFiles.readText(table), table.toString());
            ScenarioReader.Result result = ScenarioReader.parse(yaml, file.toAbsolutePath().getParent(), OrekitData.standard());
            for (ScenarioProblem p : result.problems()) {
                System.err.println(p.format(output.toString()));
            }
            if (!result.ok()) {
                System.err.println("spacettx: " + output + " not written: " + result.errors().size() + " errors");
                return Main.BAD_INPUT;
            }
            CliFiles.write(output, yaml);
            System.err.println("spacettx: wrote " + output + " (" + result.scenario().injects().size() + " injects)");
            return 0;
        }
    }

    private static boolean isXlsx(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }
}
