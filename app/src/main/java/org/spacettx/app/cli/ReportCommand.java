package org.spacettx.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spacettx.exercise.archive.ExerciseArchive;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.EventLog;
import org.spacettx.exercise.engine.Exercise;
import org.spacettx.exercise.engine.Json;
import org.spacettx.exercise.report.AfterActionReport;
import org.spacettx.exercise.report.ReportHtml;
import org.spacettx.exercise.report.ReportPdf;
import org.spacettx.exercise.scenario.Cell;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spacettx report}: the after-action report of a played exercise, for one reader. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "After-action report and improvement plan of an exercise from its scenario and its event log (the JSON lines "
        + "'exercise simulate' prints), as one reader may see it: control (everything), a delegation's cell (only what "
        + "is releasable to it and what it was asked), or the observers' cell. HTML is one self-contained printable page; "
        + "PDF is the same page laid out on A4 with the banner on every page and its font embedded.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCENARIO|ARCHIVE|EXERCISE",
            description = "Scenario file (with --log), an exercise archive, or the id of an exercise in the server's database.")
    Path scenarioFile;

    @picocli.CommandLine.Mixin
    ServerCommands.StoreOptions store;

    @Option(names = "--log", paramLabel = "EVENTS.jsonl", description = "The exercise's event log (with a scenario file).")
    Path log;

    @Option(names = "--as", defaultValue = "control", paramLabel = "CELL",
            description = "Whose copy: control or a cell id of the scenario (default ${DEFAULT-VALUE}).")
    String reader;

    @Option(names = "--format", defaultValue = "html", paramLabel = "html|pdf|json", description = "Default ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|ko|both", description = "Default ${DEFAULT-VALUE}.")
    String lang;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        ReportHtml.Language language;
        try {
            language = ReportHtml.Language.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--lang", e.getMessage());
        }
        String kind = format.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("html") && !kind.equals("pdf") && !kind.equals("json")) {
            throw new InputException(null, "--format", "'" + format + "' is not html, pdf or json");
        }
        if (kind.equals("pdf") && output == null && System.console() != null) {
            throw new InputException(null, "--format", "pdf is not for a terminal: give -o FILE.pdf or pipe it");
        }
        Scenario scenario;
        List<Event.Recorded> events;
        if (!java.nio.file.Files.exists(scenarioFile) && scenarioFile.toString().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            // an exercise of the server's database, as it stands
            try (org.spacettx.app.store.Database db = openStore()) {
                var record = new org.spacettx.app.store.ExerciseRecords(db).find(scenarioFile.toString())
                        .orElseThrow(() -> new InputException(null, "EXERCISE", "no exercise '" + scenarioFile
                                + "' in the database (" + (store.jdbcUrl != null ? store.jdbcUrl : store.dataDir) + ")"));
                var parsed = org.spacettx.exercise.scenario.ScenarioReader.parse(record.scenarioYaml(), null, OrekitData.standard());
                if (!parsed.ok()) {
                    throw new InputException(null, "EXERCISE", "the stored scenario of " + record.id() + " no longer validates: "
                            + parsed.errors().get(0).message());
                }
                scenario = parsed.scenario();
                events = new org.spacettx.app.store.EventStore(db).load(record.id());
            }
            if (log != null) {
                throw new InputException(null, "--log", "an exercise of the database has its own log");
            }
        } else if (ExerciseCommand.isArchive(scenarioFile)) {
            if (log != null) {
                throw new InputException(null, "--log", "an archive carries its own log");
            }
            ExerciseArchive archive = ExerciseCommand.archive(scenarioFile);
            scenario = archive.scenario(OrekitData.standard(), scenarioFile.toString());
            events = archive.events();
        } else {
            if (log == null) {
                throw new InputException(null, "--log", "a scenario file needs its event log (--log EVENTS.jsonl)");
            }
            java.util.Optional<Scenario> valid = ExerciseCommand.valid(scenarioFile);
            if (valid.isEmpty()) {
                return Main.BAD_INPUT;
            }
            scenario = valid.get();
            events = events(log);
        }
        Actor actor = actor(scenario, reader);
        Exercise exercise = Exercise.replayChecked(scenario, Map.of(), events,
                log != null ? log.toString() : scenarioFile + "!" + ExerciseArchive.EVENTS);
        AfterActionReport report = AfterActionReport.of(scenario, exercise.state(), actor);
        switch (kind) {
            case "json" -> CliFiles.write(output, Json.write(report) + "\n");
            case "pdf" -> CliFiles.write(output, ReportPdf.render(report, language));
            default -> CliFiles.write(output, ReportHtml.render(report, language));
        }
        if (output != null) {
            System.err.println("spacettx: wrote " + output + " (" + report.timeline().size() + " injects, copy for "
                    + report.reader().label() + ")");
        }
        return 0;
    }

    private org.spacettx.app.store.Database openStore() {
        if (store.jdbcUrl == null && !java.nio.file.Files.isDirectory(store.dataDir)) {
            // a mistyped file name must not create a database
            throw new InputException(null, "SCENARIO|ARCHIVE|EXERCISE", "'" + scenarioFile + "' is neither a file nor an exercise"
                    + " (no database at " + store.dataDir + ")");
        }
        try {
            return store.open();
        } catch (org.spacettx.app.store.StoreException | IllegalStateException e) {
            throw new InputException(null, "EXERCISE", "cannot open the database at " + (store.jdbcUrl != null ? store.jdbcUrl
                    : store.dataDir) + ": " + InputException.excerpt(String.valueOf(e.getMessage())));
        }
    }

    /** The reader a cell id stands for: control, a delegation's player, or an observer. */
    static Actor actor(Scenario scenario, String cellId) {
        Cell cell = scenario.cell(cellId.trim()).orElseThrow(() -> new InputException(null, "--as",
                "'" + cellId + "' is not a cell of the scenario (" + String.join(", ",
                        scenario.cells().stream().map(Cell::id).toList()) + ")"));
        Actor.Role role = switch (cell.kind()) {
            case CONTROL -> Actor.Role.CONTROLLER;
            case OBSERVER -> Actor.Role.OBSERVER;
            case BLUE, RED -> Actor.Role.PLAYER;
        };
        return new Actor("report", role, cell.id(), cell.nation() == null ? "" : cell.nation());
    }

    static List<Event.Recorded> events(Path file) {
        List<Event.Recorded> events = EventLog.read(CliFiles.readText(file), file.toString());
        if (events.isEmpty()) {
            throw new InputException(SourceLocation.of(file.toString()), null, "holds no events");
        }
        return events;
    }
}
