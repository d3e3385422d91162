package org.spacettx.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.spacettx.exercise.engine.TriggerSchedule;
import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.ScenarioProblem;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code spacettx exercise validate|timeline}: scenario files, headless. */
@Command(name = "exercise", mixinStandardHelpOptions = true, description = "Check scenario files and compute their timelines.",
        subcommands = {ExerciseCommand.Validate.class, ExerciseCommand.Timeline.class, SimulateCommand.class,
                ExerciseCommand.Kml.class})
public final class ExerciseCommand {

    /** Reads a scenario; prints every problem to stderr; null (and exit code 2 to the caller) when it has errors. */
    static ScenarioReader.Result read(Path file) {
        ScenarioReader.Result result = ScenarioReader.read(file, OrekitData.standard());
        for (ScenarioProblem p : result.problems()) {
            System.err.println(p.format(file.toString()));
        }
        return result;
    }

    /** The scenario of a file that has no errors; otherwise its problems and a summary on stderr, and empty. */
    static java.util.Optional<org.spacettx.exercise.scenario.Scenario> valid(Path file) {
        ScenarioReader.Result result = read(file);
        if (!result.ok()) {
            System.err.println("spacettx: " + file + ": " + result.errors().size() + " errors; fix them first");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(result.scenario());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = {
            "Check a scenario file: every error and warning with line, column and a plain explanation",
            "(unknown cell or object ids, impossible times, markings that would leak, trigger cycles...)."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            ScenarioReader.Result result = read(file);
            long warnings = result.problems().size() - result.errors().size();
            if (!result.ok()) {
                System.err.println("spacettx: " + file + ": " + result.errors().size() + " errors, " + warnings + " warnings");
                return Main.BAD_INPUT;
            }
            var s = result.scenario();
            System.out.printf("%s: valid (%d warnings): %d cells, %d moves, %d injects, %d questions, %d objects, %d places%n",
                    file, warnings, s.cells().size(), s.moves().size(), s.injects().size(), s.questions().size(),
                    s.objects().size(), s.sites().size() + s.areas().size());
            return 0;
        }
    }

    @Command(name = "timeline", mixinStandardHelpOptions = true, description = {
            "The MSEL with each inject's release time: scenario times, and the orbital events computed by the",
            "orbital engine (launches, first overflights, passes, close approaches); manual and answer-dependent",
            "injects are listed with what they wait for."})
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
                    out.row(i.number(), i.move(), e.time().map(Instants::seconds).orElse(""), e.basis(),
                            i.marking().toString(), String.join(" ", i.recipients()), i.subject().en());
                }
            }
            return 0;
        }
    }

    @Command(name = "kml", mixinStandardHelpOptions = true, description = {
            "The space picture at a scenario time as KML 2.2 (Google Earth): sites and areas, every object in orbit",
            "at its position and altitude, its ground track (30 min back, 100 min ahead) and sensor footprint."})
    static final class Kml implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;
        @picocli.CommandLine.Option(names = "--at", required = true, paramLabel = "ISO", description = "Scenario time, ISO-8601 UTC.")
        String at;
        @picocli.CommandLine.Option(names = "--lang", defaultValue = "en", paramLabel = "en|ko", description = "Names in (default ${DEFAULT-VALUE}).")
        String lang;
        @picocli.CommandLine.Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
        Path output;

        @Override
        public Integer call() {
            java.time.Instant time = Times.parse("--at", at);
            if (!lang.equals("en") && !lang.equals("ko")) {
                throw new org.spacettx.orbit.input.InputException(null, "--lang", "'" + lang + "' is not en or ko");
            }
            java.util.Optional<org.spacettx.exercise.scenario.Scenario> scenario = valid(file);
            if (scenario.isEmpty()) {
                return Main.BAD_INPUT;
            }
            org.spacettx.exercise.scenario.Scenario s = scenario.get();
            if (time.isBefore(s.start()) || time.isAfter(s.end())) {
                throw new org.spacettx.orbit.input.InputException(null, "--at", time + " is outside the scenario ("
                        + s.start() + " to " + s.end() + ")");
            }
            TriggerSchedule schedule = TriggerSchedule.compute(s, OrekitData.standard());
            String kml = org.spacettx.exercise.export.SpaceKml.of(
                    new org.spacettx.exercise.engine.SpacePicture(s, schedule, OrekitData.standard()).at(time), s.title(), lang);
            if (output == null) {
                System.out.print(kml);
            } else {
                try {
                    java.nio.file.Files.writeString(output, kml);
                } catch (java.io.IOException e) {
                    throw new org.spacettx.orbit.input.InputException(
                            org.spacettx.orbit.input.SourceLocation.of(output.toString()), null, "cannot be written: " + e.getMessage());
                }
            }
            return 0;
        }
    }
}
