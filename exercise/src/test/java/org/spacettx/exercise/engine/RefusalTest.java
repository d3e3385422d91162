package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;

/**
 * Commands the engine must refuse because of what they point at, found by the hostile-input review: an inject the
 * caller cannot see, a nation without a delegation, a date no working group means, no command at all.
 */
class RefusalTest {

    static Scenario demo;
    static final Instant WALL = Instant.parse("2023-09-19T00:00:00Z");

    @BeforeAll
    static void load() {
        demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
    }

    /** The demo in move 1 with injects 1 to 3 released: 1 is for all, 2 KOR ONLY, 3 USA ONLY. */
    static Exercise afterFirstInjects() {
        Exercise ex = new Exercise(demo, Exercise.scheduledTimes(TriggerSchedule.compute(demo, OrekitData.standard())));
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.StartExercise());
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.JumpToMove("M1"));
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.ReleaseInject(1));
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.ReleaseInject(3));
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.ReleaseInject(2));
        return ex;
    }

    static String refusal(Exercise ex, Actor actor, Command command) {
        Outcome o = ex.handle(actor, WALL, command);
        assertThat(o).as("%s by %s", command, actor.user()).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected) o).reason();
    }

    @Test
    void anItemCitesOnlyAnInjectInTheCallersFeed() {
        Exercise ex = afterFirstInjects();
        LocalDate due = LocalDate.of(2024, 3, 31);
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.SaveActionItem(null, "Share imagery", "KOR", due, "open", 3)))
                .isEqualTo("inject 3 is not in your feed");
        assertThat(refusal(ex, DemoPlayTest.USA, new Command.SaveActionItem(null, "Ask ROK", "USA", due, "open", 2)))
                .isEqualTo("inject 2 is not in your feed");
        // an inject not released yet is in nobody's feed but control's
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.SaveActionItem(null, "Prepare", "KOR", due, "open", 20)))
                .isEqualTo("inject 20 is not in your feed");
        assertThat(ex.handle(DemoPlayTest.KOR, WALL, new Command.SaveActionItem(null, "Share imagery", "KOR", due, "open", 2)))
                .isInstanceOf(Outcome.Accepted.class);
        assertThat(ex.handle(DemoPlayTest.CONTROL, WALL, new Command.SaveActionItem(null, "Plan", "USA", due, "open", 20)))
                .isInstanceOf(Outcome.Accepted.class);
        assertThat(ex.state().actionItems().values()).extracting(Item.ActionItem::originInject).containsExactly(2, 20);
    }

    @Test
    void anObservationCitesOnlyAnInjectTheObserverSees() {
        Exercise ex = afterFirstInjects();
        assertThat(refusal(ex, DemoPlayTest.OBSERVER, new Command.RecordObservation("O1", 20, 3, "too early")))
                .isEqualTo("inject 20 is not in your feed");
        // the evaluators (no nation) see only what is releasable to every delegation
        assertThat(refusal(ex, DemoPlayTest.OBSERVER, new Command.RecordObservation("O1", 3, 3, "USA only")))
                .isEqualTo("inject 3 is not in your feed");
        assertThat(ex.handle(DemoPlayTest.OBSERVER, WALL, new Command.RecordObservation("O1", 1, 3, "read by both")))
                .isInstanceOf(Outcome.Accepted.class);
    }

    @Test
    void anOwnerIsANationWithADelegation() {
        Exercise ex = afterFirstInjects();
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.SaveActionItem(null, "Deter", "PRK", null, "open", null)))
                .isEqualTo("no delegation of nation PRK takes part (owners: KOR, USA)");
    }

    @Test
    void aDueDateIsOneAWorkingGroupCouldMean() {
        Exercise ex = afterFirstInjects();
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.SaveActionItem(null, "Far", "KOR", LocalDate.MAX, "open", null)))
                .isEqualTo("a due date is from 2000-01-01 to 20 years ahead, not +999999999-12-31");
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.SaveActionItem(null, "Past", "KOR", LocalDate.of(1999, 12, 31), "open", null)))
                .startsWith("a due date is from 2000-01-01");
        assertThat(ex.handle(DemoPlayTest.KOR, WALL, new Command.SaveActionItem(null, "Near", "KOR", LocalDate.of(2043, 9, 19), "open", null)))
                .isInstanceOf(Outcome.Accepted.class);
    }

    @Test
    void noCommandIsRefusedNotThrown() {
        assertThat(refusal(afterFirstInjects(), DemoPlayTest.KOR, null)).isEqualTo("no command given");
    }
}
