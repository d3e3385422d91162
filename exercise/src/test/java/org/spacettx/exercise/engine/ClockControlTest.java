package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.text.Refusal;
import org.spacettx.orbit.data.OrekitData;

/**
 * Control's clock cannot be wrecked by one click: a jump back in time is refused unless confirmed (and keeps what was
 * released); the clock runs to the next inject due at a time and pauses there, or pauses at a time control sets,
 * exactly there however late the server's next beat comes.
 */
class ClockControlTest {

    static Scenario demo;
    static TriggerSchedule schedule;
    static final Actor CONTROL = DemoPlayTest.CONTROL;
    static final Instant WALL = Instant.parse("2023-09-19T00:00:00Z");

    @BeforeAll
    static void load() {
        demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
        schedule = TriggerSchedule.compute(demo, OrekitData.standard());
    }

    static Exercise started() {
        Exercise ex = new Exercise(demo, Exercise.scheduledTimes(schedule));
        DemoPlayTest.accept(ex, CONTROL, WALL, new Command.StartExercise());
        return ex;
    }

    static Refusal refusal(Outcome o) {
        assertThat(o).isInstanceOf(Outcome.Rejected.class);
        return (Refusal) ((Outcome.Rejected) o).message().code();
    }

    @Test
    void aJumpBackIsRefusedUnlessConfirmedAndKeepsWhatWasReleased() {
        Exercise ex = started();
        DemoPlayTest.accept(ex, CONTROL, WALL, new Command.JumpToMove("M3"));
        Instant m3 = demo.move("M3").orElseThrow().start();
        assertThat(ex.state().scenarioTimeAt(WALL)).isEqualTo(m3);
        int released = ex.state().released().size();
        assertThat(released).as("the injects of M1 and M2 fell due on the way").isGreaterThan(3);
        Outcome back = ex.handle(CONTROL, WALL.plusSeconds(1), new Command.JumpToMove("M1"));
        assertThat(refusal(back)).isEqualTo(Refusal.JUMP_BACK_UNCONFIRMED);
        assertThat(((Outcome.Rejected) back).reason()).contains("M1").contains("confirm");
        assertThat(ex.state().scenarioTimeAt(WALL.plusSeconds(1))).as("the clock did not move").isEqualTo(m3);
        // a jump ahead needs no confirmation; a confirmed jump back goes, and nothing released is taken back
        DemoPlayTest.accept(ex, CONTROL, WALL.plusSeconds(2), new Command.JumpToMove("M1", true));
        assertThat(ex.state().scenarioTimeAt(WALL.plusSeconds(2))).isEqualTo(demo.start());
        assertThat(ex.state().released()).hasSize(released);
    }

    @Test
    void theClockRunsToTheNextInjectAndPausesThereExactly() {
        Exercise ex = started();
        DemoPlayTest.accept(ex, CONTROL, WALL, new Command.SetSpeed(10_000));
        Exercise.NextInject next = ex.nextTimedInject(WALL).orElseThrow();
        assertThat(next.number()).isEqualTo(1);
        assertThat(next.at()).isEqualTo(Instant.parse("2023-11-14T01:00:00Z"));
        DemoPlayTest.accept(ex, CONTROL, WALL, new Command.RunToNextInject());
        assertThat(ex.state().running()).isTrue();
        assertThat(ex.state().pauseAt()).contains(next.at());
        // the server's next beat comes 10 wall seconds later: at ×10,000 the clock would be 27 h on; it stopped at 01:00
        Instant late = WALL.plusSeconds(10);
        assertThat(ex.state().scenarioTimeAt(late)).isEqualTo(next.at());
        DemoPlayTest.accept(ex, CONTROL, late, new Command.Tick());
        assertThat(ex.state().running()).as("paused by itself").isFalse();
        assertThat(ex.state().pauseAt()).isEmpty();
        assertThat(ex.state().released()).containsKey(1);
        assertThat(ex.state().released().get(1).scenarioTime()).isEqualTo(next.at());
        assertThat(ex.state().released()).as("nothing due later").doesNotContainKey(2);
        assertThat(ex.state().scenarioTimeAt(late.plusSeconds(60))).isEqualTo(next.at());
        assertThat(ex.log().getLast().actor()).isEqualTo(Actor.SYSTEM);
        assertThat(ex.log().getLast().event()).isEqualTo(new Event.ClockPaused());
        // the next run goes to the next inject due
        Exercise.NextInject then = ex.nextTimedInject(late).orElseThrow();
        assertThat(then.number()).isNotEqualTo(1);
        assertThat(then.at()).isAfter(next.at());
        assertThat(ex.state().released()).doesNotContainKey(then.number());
    }

    @Test
    void aPauseAtATimeStopsTheClockThereAndCanBeCancelled() {
        Exercise ex = started();
        DemoPlayTest.accept(ex, CONTROL, WALL, new Command.SetSpeed(3600));
        DemoPlayTest.accept(ex, CONTROL, WALL, new Command.StartClock());
        assertThat(refusal(ex.handle(CONTROL, WALL, new Command.PauseAt(demo.start())))).isEqualTo(Refusal.PAUSE_AT_TIME);
        assertThat(refusal(ex.handle(CONTROL, WALL, new Command.PauseAt(demo.end().plusSeconds(1))))).isEqualTo(Refusal.PAUSE_AT_TIME);
        assertThat(refusal(ex.handle(DemoPlayTest.KOR, WALL, new Command.PauseAt(demo.start().plusSeconds(7200)))))
                .isEqualTo(Refusal.CONTROL_ONLY);
        Instant at = demo.start().plusSeconds(5400); // 01:30, after inject 1 (01:00)
        DemoPlayTest.accept(ex, CONTROL, WALL, new Command.PauseAt(at));
        DemoPlayTest.accept(ex, CONTROL, WALL.plusSeconds(1), new Command.Tick());
        assertThat(ex.state().running()).isTrue();
        DemoPlayTest.accept(ex, CONTROL, WALL.plusSeconds(4), new Command.Tick());
        assertThat(ex.state().running()).isFalse();
        assertThat(ex.state().scenarioTimeAt(WALL.plusSeconds(4))).isEqualTo(at);
        assertThat(ex.state().released()).containsKey(1);
        // cancelled, the clock runs on past the time
        DemoPlayTest.accept(ex, CONTROL, WALL.plusSeconds(5), new Command.PauseAt(at.plusSeconds(3600)));
        DemoPlayTest.accept(ex, CONTROL, WALL.plusSeconds(5), new Command.PauseAt(null));
        DemoPlayTest.accept(ex, CONTROL, WALL.plusSeconds(5), new Command.StartClock());
        DemoPlayTest.accept(ex, CONTROL, WALL.plusSeconds(10), new Command.Tick());
        assertThat(ex.state().running()).isTrue();
        assertThat(ex.state().scenarioTimeAt(WALL.plusSeconds(10))).isEqualTo(at.plusSeconds(5 * 3600));
        // replaying the log gives the same state
        ExerciseState replayed = new ExerciseState(demo);
        ex.log().forEach(replayed::apply);
        assertThat(replayed.snapshot()).isEqualTo(ex.state().snapshot());
    }
}
