package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.assess.AnswerValue;
import org.spacettx.exercise.assess.Confidence;
import org.spacettx.exercise.scenario.Marking;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;

/**
 * Property: for random sequences of commands (valid and invalid, by every kind of actor), rebuilding the exercise
 * from its event log gives the same state, and running the same commands again gives the same events. Seeded.
 */
class ReplayPropertyTest {

    static Scenario demo;
    static java.util.Map<Integer, Instant> scheduled;

    @BeforeAll
    static void load() {
        demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
        scheduled = Exercise.scheduledTimes(TriggerSchedule.compute(demo, OrekitData.standard()));
    }

    static final List<Actor> ACTORS = List.of(
            new Actor("control", Actor.Role.CONTROLLER, "control", ""),
            new Actor("kor1", Actor.Role.PLAYER, "kor", "KOR"),
            new Actor("usa1", Actor.Role.PLAYER, "usa", "USA"),
            new Actor("observer", Actor.Role.OBSERVER, "observers", ""),
            new Actor("intruder", Actor.Role.PLAYER, "usa", "KOR"));

    static Command randomCommand(Random r) {
        List<String> questions = List.of("Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q0");
        List<Marking> markings = List.of(Marking.parse("REL TO USA, KOR"), Marking.parse("KOR ONLY"), Marking.parse("USA ONLY"));
        return switch (r.nextInt(18)) {
            case 0 -> new Command.StartExercise();
            case 1 -> new Command.StartClock();
            case 2 -> new Command.PauseClock();
            case 3 -> new Command.SetSpeed(r.nextInt(5) == 0 ? -1 : 1 + r.nextInt(5000));
            case 4 -> new Command.JumpToMove("M" + (1 + r.nextInt(5)));
            case 5, 6 -> new Command.Tick();
            case 7 -> new Command.ReleaseInject(1 + r.nextInt(26));
            case 8 -> new Command.WithdrawInject(1 + r.nextInt(26), "test");
            case 9 -> new Command.AcknowledgeInject(1 + r.nextInt(26));
            case 10 -> new Command.PostMessage(List.of("kor", "usa", "control", "nowhere").get(r.nextInt(4)), "msg",
                    markings.get(r.nextInt(markings.size())));
            case 11 -> new Command.RequestInformation("what?", markings.get(r.nextInt(markings.size())));
            case 12 -> new Command.SubmitAnswer(questions.get(r.nextInt(questions.size())), randomValue(r),
                    Confidence.values()[r.nextInt(3)], "because");
            case 13 -> new Command.RevealQuestion(questions.get(r.nextInt(questions.size())));
            case 14 -> new Command.OpenRound(questions.get(r.nextInt(questions.size())));
            case 15 -> new Command.RecordObservation("O" + (1 + r.nextInt(5)), r.nextBoolean() ? null : 1 + r.nextInt(26),
                    r.nextInt(7), "note");
            case 16 -> new Command.SaveActionItem(r.nextBoolean() ? null : "AI" + (1 + r.nextInt(5)), "item",
                    List.of("KOR", "USA", "XX").get(r.nextInt(3)), LocalDate.of(2024, 1 + r.nextInt(12), 1),
                    List.of("open", "done", "??").get(r.nextInt(3)));
            default -> switch (r.nextInt(4)) {
                case 0 -> new Command.DraftStatement("We agree.");
                case 1 -> new Command.AgreeStatement();
                case 2 -> new Command.NoteDissent("Not yet.");
                default -> new Command.EndExercise();
            };
        };
    }

    static AnswerValue randomValue(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> new AnswerValue.Number(r.nextInt(120));
            case 1 -> new AnswerValue.Choice(List.of("a", "b", "c", "osan", "z").get(r.nextInt(5)));
            case 2 -> new AnswerValue.Choices(java.util.Set.of(List.of("osan", "kadena", "a").get(r.nextInt(3))));
            default -> new AnswerValue.Free("text");
        };
    }

    @Test
    void replayingTheLogReproducesTheState() {
        int accepted = 0;
        int rejected = 0;
        for (int seed = 0; seed < 150; seed++) {
            Random r = new Random(seed);
            Exercise live = new Exercise(demo, scheduled);
            Exercise again = new Exercise(demo, scheduled);
            Instant wall = Instant.parse("2023-09-19T00:00:00Z");
            live.handle(ACTORS.get(0), wall, new Command.StartExercise());
            again.handle(ACTORS.get(0), wall, new Command.StartExercise());
            for (int k = 0; k < 80; k++) {
                wall = wall.plusSeconds(r.nextInt(600));
                Actor actor = ACTORS.get(r.nextInt(ACTORS.size()));
                Command command = randomCommand(r);
                Outcome a = live.handle(actor, wall, command);
                Outcome b = again.handle(actor, wall, command);
                assertThat(b).as("seed %d step %d", seed, k).isEqualTo(a);
                if (a instanceof Outcome.Accepted) {
                    accepted++;
                } else {
                    rejected++;
                }
            }
            Exercise replayed = Exercise.replay(demo, scheduled, live.log());
            assertThat(replayed.state().snapshot()).as("seed %d", seed).isEqualTo(live.state().snapshot());
        }
        // The random mix exercises both paths.
        assertThat(accepted).isGreaterThan(1000);
        assertThat(rejected).isGreaterThan(1000);
    }
}
