package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.policy.EventVisibility;
import org.spacettx.exercise.scenario.Marking;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.Text;
import org.spacettx.orbit.data.OrekitData;

/**
 * Control writes an inject during play (issue 15): it joins the MSEL with the next free number, reaches exactly the
 * cells its marking and recipients allow, comes out now, at a set scenario time or by hand, is refused when it would
 * leak, and replays from the log to the same state.
 */
class WrittenInjectTest {

    static Scenario demo;
    static final Instant WALL = Instant.parse("2023-09-19T00:00:00Z");

    @BeforeAll
    static void load() {
        demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
        firstWritten = demo.injects().stream().mapToInt(org.spacettx.exercise.scenario.Inject::number).max().orElseThrow() + 1;
    }

    /** The number a written inject gets: the first after the scenario's. */
    static int firstWritten;

    static Exercise started() {
        Exercise ex = new Exercise(demo, Exercise.scheduledTimes(TriggerSchedule.compute(demo, OrekitData.standard())));
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.StartExercise());
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.JumpToMove("M2"));
        return ex;
    }

    static Command.WriteInject write(List<String> to, String marking, Instant at, boolean now) {
        return new Command.WriteInject(null, "M2", to, "phone-call", Marking.parse(marking), Text.of("Embassy calls", "대사관 전화"),
                Text.of("The embassy asks for a line to take.", "대사관이 대응 문안을 요청한다."), Text.of("Agree a line", "문안 합의"), at, now);
    }

    @Test
    void aWrittenInjectReachesOnlyWhomItsMarkingAllowsAndReplays() {
        Exercise ex = started();
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, write(List.of("kor"), "KOR ONLY", null, true));
        assertThat(ex.state().written()).containsOnlyKeys(firstWritten); // the first number after the demo's MSEL
        var released = ex.state().released().get(firstWritten);
        assertThat(released).isNotNull();
        assertThat(released.reason()).isEqualTo("written and released by control");
        assertThat(released.inject().sender()).isEqualTo("control");
        assertThat(ex.visibility().canSee(DemoPlayTest.KOR, released)).isTrue();
        assertThat(ex.visibility().canSee(DemoPlayTest.USA, released)).isFalse();
        // the evaluators read it too (the scenario's default, evaluators: {sees: all})
        assertThat(ex.visibility().canSee(DemoPlayTest.OBSERVER, released)).isTrue();
        // the event that wrote it is control's (the MSEL); its release reaches the ROK cell only
        EventVisibility events = new EventVisibility(ex.visibility());
        List<Event.Recorded> log = ex.log();
        Event.Recorded writtenEvent = log.stream().filter(r -> r.event() instanceof Event.InjectWritten).findFirst().orElseThrow();
        Event.Recorded releaseEvent = log.stream().filter(r -> r.event() instanceof Event.InjectReleased e && e.number() == firstWritten).findFirst().orElseThrow();
        assertThat(events.canSee(DemoPlayTest.KOR, writtenEvent, ex.state())).isFalse();
        assertThat(events.canSee(DemoPlayTest.CONTROL, writtenEvent, ex.state())).isTrue();
        assertThat(events.canSee(DemoPlayTest.KOR, releaseEvent, ex.state())).isTrue();
        assertThat(events.canSee(DemoPlayTest.USA, releaseEvent, ex.state())).isFalse();
        // a replay of the log (checked as an imported log is) reaches the same state
        Exercise again = Exercise.replayChecked(demo, Exercise.scheduledTimes(TriggerSchedule.compute(demo, OrekitData.standard())), log, "log");
        assertThat(again.state().snapshot()).isEqualTo(ex.state().snapshot());
    }

    @Test
    void atASetTimeOrByHand() {
        Exercise ex = started();
        Instant now = ex.state().scenarioTimeAt(WALL);
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, write(List.of("kor", "usa"), "REL TO KOR, USA", now.plusSeconds(3600), false));
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, write(List.of("usa"), "USA ONLY", null, false));
        assertThat(ex.state().written()).containsOnlyKeys(firstWritten, firstWritten + 1);
        assertThat(ex.state().released()).doesNotContainKeys(firstWritten, firstWritten + 1);
        // the clock passes the set time: the first goes out at exactly that time; the second waits for control
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.SetSpeed(3600));
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.StartClock());
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL.plusSeconds(2), new Command.Tick());
        assertThat(ex.state().released().get(firstWritten).scenarioTime()).isEqualTo(now.plusSeconds(3600));
        assertThat(ex.state().released()).doesNotContainKey(firstWritten + 1);
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL.plusSeconds(3), new Command.ReleaseInject(firstWritten + 1));
        assertThat(ex.visibility().canSee(DemoPlayTest.USA, ex.state().released().get(firstWritten + 1))).isTrue();
    }

    @Test
    void nothingIsWrittenSoThatItLeaks() {
        Exercise ex = started();
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.CONTROL, write(List.of("kor"), "USA ONLY", null, true)))
                .isEqualTo("the marking USA ONLY is not releasable to KOR, the nation of kor");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.CONTROL, write(List.of("kor", "usa"), "KOR ONLY", null, true)))
                .contains("not releasable to USA");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.CONTROL, write(List.of("observers"), "REL TO KOR, USA", null, true)))
                .isEqualTo("injects go to delegations, not to observers");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.KOR, write(List.of("kor"), "KOR ONLY", null, true))).contains("control");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.CONTROL, new Command.WriteInject(null, "M9", List.of("kor"), "news",
                Marking.parse("KOR ONLY"), Text.of("x", "x"), Text.EMPTY, Text.EMPTY, null, true))).isEqualTo("move 'M9' does not exist");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.CONTROL, new Command.WriteInject(null, "M2", List.of("kor"), "carrier-pigeon",
                Marking.parse("KOR ONLY"), Text.of("x", "x"), Text.EMPTY, Text.EMPTY, null, true))).startsWith("channel is one of");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.CONTROL, new Command.WriteInject(null, "M2", List.of("kor"), "news",
                Marking.parse("KOR ONLY"), Text.of(" ", ""), Text.EMPTY, Text.EMPTY, null, true))).isEqualTo("an inject needs a subject");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.CONTROL, write(List.of("kor"), "KOR ONLY", Instant.parse("2023-11-01T00:00:00Z"), false)))
                .isEqualTo("a release time lies between now and the scenario's end");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.CONTROL, new Command.WriteInject(25, "M2", List.of("kor"), "news",
                Marking.parse("KOR ONLY"), Text.of("x", "x"), Text.EMPTY, Text.EMPTY, null, true))).isEqualTo("inject 25 exists already");
        assertThat(ex.state().written()).isEmpty();
    }
}
