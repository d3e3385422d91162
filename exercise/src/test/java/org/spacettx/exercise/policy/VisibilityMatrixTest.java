package org.spacettx.exercise.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.assess.AnswerValue;
import org.spacettx.exercise.assess.Confidence;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.Item;
import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Marking;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.Text;
import org.spacettx.exercise.scenario.Trigger;
import org.spacettx.orbit.data.OrekitData;

/**
 * Every viewer (role x cell x nation) against every item kind x marking x addressing, with the expected answer
 * written out here from the rules, independently of the policy's code. Nothing leaks: the test fails on any
 * item a viewer sees that the rules do not give them, and on any they should see but do not.
 */
class VisibilityMatrixTest {

    static Scenario demo;
    static Visibility policy;

    @BeforeAll
    static void load() {
        demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
        policy = new Visibility(demo);
    }

    static final List<Actor> VIEWERS = List.of(
            new Actor("control", Actor.Role.CONTROLLER, "control", ""),
            new Actor("kor1", Actor.Role.PLAYER, "kor", "KOR"),
            new Actor("usa1", Actor.Role.PLAYER, "usa", "USA"),
            new Actor("observer", Actor.Role.OBSERVER, "observers", ""),
            new Actor("kor-observer", Actor.Role.OBSERVER, "observers", "KOR"),
            Actor.ROOM);

    static final List<Marking> MARKINGS = List.of(Marking.parse("REL TO USA, KOR"), Marking.parse("KOR ONLY"),
            Marking.parse("USA ONLY"), Marking.CONTROL_ONLY);

    static final List<List<String>> ADDRESSES = List.of(List.of("kor"), List.of("usa"), List.of("kor", "usa"), List.of("control"));

    static Inject inject(Marking marking, List<String> to) {
        return new Inject(99, "M1", "control", to, "intel-report", Text.of("s", "s"), Text.of("b", "b"), marking,
                Text.EMPTY, List.of(), new Trigger.Manual(), List.of());
    }

    /** The demo as a scenario whose evaluators see only what markings release to them ({@code evaluators: {sees: releasable}}). */
    static Scenario releasableOnly(Scenario s) {
        return new Scenario(s.id(), s.title(), s.banner(), s.description(), s.start(), s.end(), s.cells(), s.objectives(), s.sites(),
                s.areas(), s.placeNames(), s.objects(), s.maneuvers(), s.breakups(), s.effects(), s.sensors(), s.moves(), s.injects(),
                s.questions(), s.actionItems(), s.evaluatorsSeeMsel(), false);
    }

    @Test
    void injectsMessagesAndRfis() {
        assertThat(demo.evaluatorsSeeAll()).as("the default: the evaluators read everything, to judge the sharing").isTrue();
        int checked = 0;
        for (boolean seesAll : List.of(true, false)) {
            Visibility policy = seesAll ? VisibilityMatrixTest.policy : new Visibility(releasableOnly(demo));
            checked += injectsMessagesAndRfis(policy, seesAll);
        }
        assertThat(checked).isGreaterThan(400);
    }

    private static int injectsMessagesAndRfis(Visibility policy, boolean evaluatorsSeeAll) {
        int checked = 0;
        for (Actor v : VIEWERS) {
            for (Marking m : MARKINGS) {
                for (List<String> to : ADDRESSES) {
                    boolean releasable = !m.controlOnly() && (v.nation().isEmpty() ? m.nations().containsAll(Set.of("KOR", "USA"))
                            : m.nations().contains(v.nation()));
                    boolean expected = switch (v.role()) {
                        case CONTROLLER, SYSTEM -> true;
                        case OBSERVER -> evaluatorsSeeAll || releasable;
                        case PLAYER -> to.contains(v.cell()) && releasable;
                        case ROOM -> to.containsAll(List.of("kor", "usa")) && releasable; // sent to every delegation
                    };
                    Item.ReleasedInject ri = new Item.ReleasedInject(inject(m, to), Instant.EPOCH, "test", Set.of());
                    assertThat(policy.canSee(v, ri)).as("inject %s to %s seen by %s", m, to, v.user()).isEqualTo(expected);
                    for (String to1 : to) {
                        for (String from : List.of("kor", "usa", "control")) {
                            if (from.equals(to1)) {
                                continue;
                            }
                            Item.Message msg = new Item.Message("M", from, to1, "x", m, Instant.EPOCH);
                            boolean party = v.cell().equals(from) || v.cell().equals(to1);
                            boolean expectedMessage = switch (v.role()) {
                                case CONTROLLER, SYSTEM -> true;
                                case OBSERVER -> evaluatorsSeeAll || releasable;
                                case PLAYER -> party && releasable;
                                case ROOM -> false; // messages are the cells' own
                            };
                            assertThat(policy.canSee(v, msg)).as("message %s %s->%s seen by %s", m, from, to1, v.user())
                                    .isEqualTo(expectedMessage);
                            checked++;
                        }
                    }
                    Item.Rfi rfi = new Item.Rfi("R", to.get(0), "q", m, null);
                    boolean expectedRfi = switch (v.role()) {
                        case CONTROLLER, SYSTEM -> true;
                        case OBSERVER -> evaluatorsSeeAll || releasable;
                        case PLAYER -> v.cell().equals(to.get(0)) && releasable;
                        case ROOM -> false;
                    };
                    assertThat(policy.canSee(v, rfi)).as("rfi %s of %s seen by %s", m, to.get(0), v.user()).isEqualTo(expectedRfi);
                    checked += 2;
                }
            }
        }
        return checked;
    }

    @Test
    void answersAreBlindUntilRevealed() {
        for (Actor v : VIEWERS) {
            for (String cell : List.of("kor", "usa")) {
                for (boolean revealed : List.of(false, true)) {
                    Item.SubmittedAnswer a = new Item.SubmittedAnswer("Q1", cell, 1, new AnswerValue.Number(50),
                            Confidence.LOW, "", revealed, java.time.Instant.parse("2023-11-14T00:00:00Z"));
                    boolean expected = switch (v.role()) {
                        case CONTROLLER, SYSTEM -> true;
                        case OBSERVER -> revealed;
                        case PLAYER -> v.cell().equals(cell) || revealed;
                        case ROOM -> revealed;
                    };
                    assertThat(policy.canSee(v, a)).as("%s answer (revealed %s) seen by %s", cell, revealed, v.user())
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void observationsAreForEvaluatorsAndSharedItemsForAll() {
        Item.Observation o = new Item.Observation("OBS-1", "O1", null, 4, "good", "observer");
        Item.ActionItem ai = new Item.ActionItem("AI1", "t", "KOR", LocalDate.of(2024, 3, 31), "open", List.of(), "M4", null);
        Item.Statement st = new Item.Statement("text", Set.of(), List.of());
        for (Actor v : VIEWERS) {
            assertThat(policy.canSee(v, o)).as("observation seen by %s", v.user())
                    .isEqualTo(v.role() != Actor.Role.PLAYER && v.role() != Actor.Role.ROOM);
            assertThat(policy.canSee(v, ai)).isTrue();
            assertThat(policy.canSee(v, st)).isTrue();
        }
    }

    @Test
    void theDemosMarkedInjectsReachOnlyTheirNation() {
        List<String> seenByUsa = new ArrayList<>();
        Actor usa = VIEWERS.get(2);
        for (Inject i : demo.injects()) {
            if (policy.canSee(usa, new Item.ReleasedInject(i, Instant.EPOCH, "t", Set.of()))) {
                seenByUsa.add(i.marking().toString());
            }
        }
        assertThat(seenByUsa).doesNotContain("KOR ONLY").contains("USA ONLY", "REL TO KOR, USA");
    }
}
