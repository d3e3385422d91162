package org.spacettx.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.Exercise;
import org.spacettx.exercise.engine.Json;
import org.spacettx.exercise.engine.Script;
import org.spacettx.exercise.engine.TriggerSchedule;
import org.spacettx.orbit.data.OrekitData;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spacettx exercise simulate}: drive the engine with a script and print the event log. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Play a scenario with scripted commands (JSON lines, see docs/scenario-format.md) and print the event log as "
        + "JSON lines; refused commands are reported on stderr with their line. For rehearsal and tests.")
final class SimulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Scenario file.")
    Path file;
    @Option(names = "--script", required = true, paramLabel = "SCRIPT", description = "Commands, one JSON object a line.")
    Path script;

    @Override
    public Integer call() {
        java.util.Optional<org.spacettx.exercise.scenario.Scenario> scenario = ExerciseCommand.valid(file);
        if (scenario.isEmpty()) {
            return Main.BAD_INPUT;
        }
        String text = CliFiles.readText(script);
        TriggerSchedule schedule = TriggerSchedule.compute(scenario.get(), OrekitData.standard());
        Exercise exercise = new Exercise(scenario.get(), Exercise.scheduledTimes(schedule));
        Script.Run run = Script.run(text, script.toString(), exercise, Instant.parse("2000-01-01T00:00:00Z"));
        for (Event.Recorded r : run.events()) {
            System.out.println(Json.write(r));
        }
        run.refusals().forEach(r -> System.err.println("spacettx: " + r));
        System.err.printf("spacettx: %d events, %d injects released of %d, %d refused steps%n", run.events().size(),
                exercise.state().released().size(), scenario.get().injects().size(), run.refusals().size());
        return 0;
    }
}
