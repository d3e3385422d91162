package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.assess.Assessment;
import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.Trigger;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;

class ScriptTest {

    @Test
    void theDemoScriptPlaysTheWholeExercise() throws Exception {
        Scenario demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
        TriggerSchedule schedule = TriggerSchedule.compute(demo, OrekitData.standard());
        Exercise ex = new Exercise(demo, Exercise.scheduledTimes(schedule));
        String script = Files.readString(Demo.file().resolveSibling("rok-us-space-ttx.script.jsonl"));
        Script.Run run = Script.run(script, "demo.script", ex, Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(run.refusals()).isEmpty();
        assertThat(ex.state().ended()).isTrue();
        assertThat(ex.state().released()).hasSize(demo.injects().size());
        for (Inject i : demo.injects()) {
            if (!(i.trigger() instanceof Trigger.AfterInject || i.trigger() instanceof Trigger.Manual
                    || i.trigger() instanceof Trigger.OnAnswer)) {
                assertThat(ex.state().released().get(i.number()).scenarioTime()).as("inject %d", i.number())
                        .isEqualTo(schedule.timeOf(i.number()).orElseThrow());
            }
        }
        // Inject 15 waits for KOR's Q4 answer >= 70; the script answers 75.
        assertThat(ex.state().released().get(15).reason()).startsWith("answer condition");
        Assessment a = Assessment.of(demo, ex.state());
        assertThat(a.question("Q1").divergenceByRound()).containsEntry(1, 0.30).containsEntry(2, 0.05);
        assertThat(a.moves().get(0).unifiedUnderstanding()).isPresent();
        assertThat(ex.state().statement().agreedBy()).containsExactlyInAnyOrder("kor", "usa");
        // The log replays to the same state.
        assertThat(Exercise.replay(demo, Exercise.scheduledTimes(schedule), ex.log()).state().snapshot())
                .isEqualTo(ex.state().snapshot());
    }

    @Test
    void badStepsNameTheirLine() {
        Scenario demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
        Exercise ex = new Exercise(demo, java.util.Map.of());
        assertThatThrownBy(() -> Script.run("# x\n{\"actor\": \"navy\", \"command\": {\"type\": \"Tick\"}}", "s", ex, Instant.EPOCH))
                .isInstanceOf(InputException.class).hasMessage("s:2: actor: cell 'navy' is not in the scenario");
        assertThatThrownBy(() -> Script.run("{\"actor\": \"control\", \"command\": {\"type\": \"Fly\"}}", "s", ex, Instant.EPOCH))
                .hasMessageContaining("s:1: command:").hasMessageContaining("Fly");
        assertThatThrownBy(() -> Script.run("not json", "s", ex, Instant.EPOCH)).hasMessageStartingWith("s:1: is not a JSON object");
    }
}
