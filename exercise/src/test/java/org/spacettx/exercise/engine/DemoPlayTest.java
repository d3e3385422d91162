package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.assess.AnswerValue;
import org.spacettx.exercise.assess.Confidence;
import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.Trigger;
import org.spacettx.orbit.data.OrekitData;

/** The demo played from start to end: every inject is released, at the scenario time its trigger says. */
class DemoPlayTest {

    static Scenario demo;
    static TriggerSchedule schedule;
    static final Actor CONTROL = new Actor("control", Actor.Role.CONTROLLER, "control", "");
    static final Actor KOR = new Actor("kor1", Actor.Role.PLAYER, "kor", "KOR");
    static final Actor USA = new Actor("usa1", Actor.Role.PLAYER, "usa", "USA");
    static final Actor OBSERVER = new Actor("observer", Actor.Role.OBSERVER, "observers", "");

    @BeforeAll
    static void load() {
        demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
        schedule = TriggerSchedule.compute(demo, OrekitData.standard());
    }

    static void accept(Exercise ex, Actor actor, Instant wall, Command command) {
        Outcome o = ex.handle(actor, wall, command);
        assertThat(o).as("%s by %s", command, actor.user()).isInstanceOf(Outcome.Accepted.class);
    }

    @Test
    void everyInjectIsReleasedAtItsTriggerTime() {
        Exercise ex = new Exercise(demo, Exercise.scheduledTimes(schedule));
        Instant wall = Instant.parse("2023-09-19T00:00:00Z");
        accept(ex, CONTROL, wall, new Command.StartExercise());
        accept(ex, CONTROL, wall, new Command.SetSpeed(3600));
        accept(ex, CONTROL, wall, new Command.StartClock());
        boolean answeredQ4 = false;
        boolean releasedManual = false;
        while (ex.state().scenarioTimeAt(wall).isBefore(demo.end())) {
            wall = wall.plusSeconds(7);
            accept(ex, CONTROL, wall, new Command.Tick());
            if (!answeredQ4 && ex.state().moveHasStarted("M2", wall)) {
                accept(ex, KOR, wall, new Command.SubmitAnswer("Q4", new AnswerValue.Number(80), Confidence.MODERATE, "maneuvers"));
                accept(ex, USA, wall, new Command.SubmitAnswer("Q4", new AnswerValue.Number(55), Confidence.LOW, ""));
                answeredQ4 = true;
            }
            if (!releasedManual && ex.state().moveHasStarted("M3", wall)) {
                accept(ex, CONTROL, wall, new Command.ReleaseInject(6));
                accept(ex, CONTROL, wall, new Command.ReleaseInject(19));
                releasedManual = true;
            }
        }
        accept(ex, CONTROL, wall, new Command.EndExercise());
        Map<Integer, Item.ReleasedInject> released = ex.state().released();
        assertThat(released.keySet()).containsExactlyInAnyOrderElementsOf(demo.injects().stream().map(Inject::number).toList());
        for (Inject i : demo.injects()) {
            Instant at = released.get(i.number()).scenarioTime();
            switch (i.trigger()) {
                case Trigger.AfterInject a -> assertThat(at).as("inject %d", i.number())
                        .isEqualTo(released.get(a.inject()).scenarioTime().plus(a.delay()));
                case Trigger.Manual m -> assertThat(released.get(i.number()).reason()).isEqualTo("released by control");
                case Trigger.OnAnswer a -> assertThat(released.get(i.number()).reason()).startsWith("answer condition: kor Q4");
                default -> assertThat(at).as("inject %d", i.number()).isEqualTo(schedule.timeOf(i.number()).orElseThrow());
            }
        }
        assertThat(ex.state().currentMove()).isEqualTo("M4");
        assertThat(ex.state().ended()).isTrue();
    }

    @Test
    void refusedCommandsSayWhyAndChangeNothing() {
        Exercise ex = new Exercise(demo, Exercise.scheduledTimes(schedule));
        Instant wall = Instant.parse("2023-09-19T00:00:00Z");
        assertThat(ex.handle(KOR, wall, new Command.StartExercise())).satisfies(refused("only control can do that"));
        accept(ex, CONTROL, wall, new Command.StartExercise());
        long before = ex.state().lastSequence();
        assertThat(ex.handle(KOR, wall, new Command.ReleaseInject(1))).satisfies(refused("only control can do that"));
        assertThat(ex.handle(KOR, wall, new Command.SubmitAnswer("Q4", new AnswerValue.Number(50), Confidence.LOW, "")))
                .as("a question of a move not started is answered as one that does not exist")
                .satisfies(refused("question 'Q4' does not exist"));
        assertThat(ex.handle(KOR, wall, new Command.SubmitAnswer("Q1", new AnswerValue.Number(150), Confidence.LOW, "")))
                .satisfies(refused("a probability answer is a number from 0 to 100"));
        assertThat(ex.handle(new Actor("x", Actor.Role.PLAYER, "usa", "KOR"), wall, new Command.AcknowledgeInject(1)))
                .satisfies(refused("nation KOR does not match cell usa"));
        assertThat(ex.handle(KOR, wall, new Command.PostMessage("usa", "see our imagery",
                org.spacettx.exercise.scenario.Marking.parse("KOR ONLY"))))
                .satisfies(refused("a message marked KOR ONLY cannot go to usa (USA)"));
        assertThat(ex.handle(OBSERVER, wall, new Command.SaveActionItem(null, "x", "KOR", null, "open")))
                .satisfies(refused("observers do not own action items"));
        assertThat(ex.handle(CONTROL, wall.minusSeconds(1), new Command.Tick())).isInstanceOf(Outcome.Rejected.class);
        assertThat(ex.state().lastSequence()).isEqualTo(before);
    }

    @Test
    void answersStayBlindUntilRevealedThenRoundsMeasureConvergence() {
        Exercise ex = new Exercise(demo, Exercise.scheduledTimes(schedule));
        Instant wall = Instant.parse("2023-09-19T00:00:00Z");
        accept(ex, CONTROL, wall, new Command.StartExercise());
        accept(ex, KOR, wall, new Command.SubmitAnswer("Q1", new AnswerValue.Number(70), Confidence.HIGH, ""));
        accept(ex, USA, wall, new Command.SubmitAnswer("Q1", new AnswerValue.Number(30), Confidence.MODERATE, ""));
        var visibility = ex.visibility();
        assertThat(visibility.filter(USA, ex.state().answers())).extracting(Item.SubmittedAnswer::cell).containsExactly("usa");
        accept(ex, CONTROL, wall, new Command.RevealQuestion("Q1"));
        assertThat(visibility.filter(USA, ex.state().answers())).extracting(Item.SubmittedAnswer::cell)
                .containsExactlyInAnyOrder("usa", "kor");
        assertThat(ex.handle(KOR, wall, new Command.SubmitAnswer("Q1", new AnswerValue.Number(60), Confidence.HIGH, "")))
                .satisfies(refused("round 1 of Q1 is already revealed"));
        accept(ex, CONTROL, wall, new Command.OpenRound("Q1"));
        accept(ex, KOR, wall, new Command.SubmitAnswer("Q1", new AnswerValue.Number(60), Confidence.HIGH, ""));
        accept(ex, USA, wall, new Command.SubmitAnswer("Q1", new AnswerValue.Number(50), Confidence.HIGH, ""));
        assertThat(visibility.filter(KOR, ex.state().answers()).stream().filter(a -> a.round() == 2))
                .extracting(Item.SubmittedAnswer::cell).containsExactly("kor");
        accept(ex, CONTROL, wall, new Command.RevealQuestion("Q1"));
        var report = org.spacettx.exercise.assess.Assessment.of(demo, ex.state());
        var q1 = report.question("Q1");
        assertThat(q1.divergenceByRound()).containsEntry(1, 0.40).containsEntry(2, 0.10);
        assertThat(q1.convergence()).hasValueCloseTo(0.30, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void clockRunsPausesAndJumps() {
        Exercise ex = new Exercise(demo, Exercise.scheduledTimes(schedule));
        Instant wall = Instant.parse("2023-09-19T00:00:00Z");
        accept(ex, CONTROL, wall, new Command.StartExercise());
        assertThat(ex.state().scenarioTimeAt(wall.plusSeconds(100))).isEqualTo(demo.start());
        accept(ex, CONTROL, wall, new Command.SetSpeed(60));
        accept(ex, CONTROL, wall, new Command.StartClock());
        assertThat(ex.state().scenarioTimeAt(wall.plusSeconds(10))).isEqualTo(demo.start().plus(Duration.ofMinutes(10)));
        accept(ex, CONTROL, wall.plusSeconds(10), new Command.PauseClock());
        assertThat(ex.state().scenarioTimeAt(wall.plusSeconds(1000))).isEqualTo(demo.start().plus(Duration.ofMinutes(10)));
        accept(ex, CONTROL, wall.plusSeconds(20), new Command.JumpToMove("M3"));
        assertThat(ex.state().currentMove()).isEqualTo("M3");
        assertThat(ex.state().released()).containsKeys(1, 8, 9, 13, 14).doesNotContainKeys(6, 15, 19);
    }

    /** The outcome is a refusal worded so in English. */
    static java.util.function.Consumer<Outcome> refused(String english) {
        return o -> assertThat(o).isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.reason()).isEqualTo(english));
    }
}
