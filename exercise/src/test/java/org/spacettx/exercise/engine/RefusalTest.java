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
        // the evaluators read every released inject (the scenario's default, evaluators: {sees: all}), the USA ONLY one too
        assertThat(ex.handle(DemoPlayTest.OBSERVER, WALL, new Command.RecordObservation("O1", 3, 3, "USA only")))
                .isInstanceOf(Outcome.Accepted.class);
        assertThat(ex.handle(DemoPlayTest.OBSERVER, WALL, new Command.RecordObservation("O1", 1, 3, "read by both")))
                .isInstanceOf(Outcome.Accepted.class);
    }

    @Test
    void anOwnerIsANationWithADelegation() {
        Exercise ex = afterFirstInjects();
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.SaveActionItem(null, "Deter", "PRK", null, "open", null)))
                .isEqualTo("no delegation of nation PRK takes part (owners: KOR, USA)");
    }

    /**
     * The register's rule, by command too: on main before, usa1's SaveActionItem with kor1's item id and owner USA was
     * accepted (the register's route refused the same change).
     */
    @Test
    void anItemIsChangedByControlOrItsOwnerAndHandedOnByControlAlone() {
        Exercise ex = afterFirstInjects();
        LocalDate due = LocalDate.of(2024, 3, 31);
        DemoPlayTest.accept(ex, DemoPlayTest.KOR, WALL, new Command.SaveActionItem(null, "Share imagery", "KOR", due, "open"));
        String id = ex.state().actionItems().keySet().iterator().next();
        assertThat(refusal(ex, DemoPlayTest.USA, new Command.SaveActionItem(id, "Ours now", "USA", due, "open")))
                .isEqualTo("only control or the KOR delegation may change this item");
        assertThat(refusal(ex, DemoPlayTest.USA, new Command.SaveActionItem(id, "Done by us", "KOR", due, "done")))
                .isEqualTo("only control or the KOR delegation may change this item");
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.SaveActionItem(id, "Share imagery", "USA", due, "open")))
                .isEqualTo("only control hands an item to another nation");
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.SaveActionItem(null, "For our ally", "USA", due, "open")))
                .isEqualTo("a delegation saves items for its own nation; only control gives one to USA");
        // the scenario's proposals belong to their nation too (AI2 is the USA's)
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.SaveActionItem("AI2", "Adopted", "USA", due, "open")))
                .isEqualTo("only control or the USA delegation may change this item");
        DemoPlayTest.accept(ex, DemoPlayTest.KOR, WALL, new Command.SaveActionItem(id, "Share imagery", "KOR", due, "in-progress"));
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.SaveActionItem(id, "Share imagery", "USA", due, "open"));
        assertThat(ex.state().actionItems().get(id).ownerNation()).isEqualTo("USA");
        DemoPlayTest.accept(ex, DemoPlayTest.USA, WALL, new Command.SaveActionItem(id, "Share imagery", "USA", due, "done"));
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.SaveActionItem(id, "Share imagery", "KOR", due, "open")))
                .isEqualTo("only control or the USA delegation may change this item");
    }

    /**
     * A marking names only the exercise's nations: on main before, REL TO USA, KOR, PRK was accepted on a message and a
     * shared track.
     */
    @Test
    void aMarkingNamesOnlyTheExercisesNations() {
        Exercise ex = afterFirstInjects();
        org.spacettx.exercise.scenario.Marking prk = org.spacettx.exercise.scenario.Marking.parse("REL TO USA, KOR, PRK");
        String refused = "the marking REL TO KOR, PRK, USA names PRK, which takes no part in this exercise; the markings allowed: "
                + "REL TO KOR, USA; KOR ONLY; USA ONLY";
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.PostMessage("usa", "hello", prk))).startsWith(refused);
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.RequestInformation("who?", prk))).startsWith(refused);
        assertThat(refusal(ex, DemoPlayTest.USA, new Command.ShareTrack("ru-radar", "kor", prk))).startsWith(refused);
        assertThat(refusal(ex, DemoPlayTest.CONTROL, new Command.PostMessage("kor", "hello", prk))).startsWith(refused);
        assertThat(ex.handle(DemoPlayTest.KOR, WALL, new Command.PostMessage("usa", "hello",
                org.spacettx.exercise.scenario.Marking.parse("REL TO USA, KOR")))).isInstanceOf(Outcome.Accepted.class);
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
