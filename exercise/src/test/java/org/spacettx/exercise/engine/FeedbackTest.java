package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.report.AfterActionReport;
import org.spacettx.exercise.report.ReportHtml;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;

/**
 * Participant feedback (issue 15, after HSEEP's participant feedback form): control asks at the end of a move or of
 * the exercise; each participant answers once; the after-action report shows every reader the ratings counted, the
 * comments to control and evaluators (a delegation reads its own), and who said what to nobody when anonymous.
 */
class FeedbackTest {

    static Scenario demo;
    static final Instant WALL = Instant.parse("2023-09-19T00:00:00Z");

    @BeforeAll
    static void load() {
        demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
    }

    /** The token the server would give a participant's anonymous feedback (any 32 hex digits will do here). */
    static final String KOR_TOKEN = "anon-" + "0123456789abcdef".repeat(2);
    static final String USA_TOKEN = "anon-" + "fedcba9876543210".repeat(2);
    static final String OBSERVER_TOKEN = "anon-" + "00112233445566778899aabbccddeeff";

    static Exercise withFeedback(boolean anonymous) {
        Exercise ex = new Exercise(demo, Exercise.scheduledTimes(TriggerSchedule.compute(demo, OrekitData.standard())));
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.StartExercise());
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.RequestFeedback("M1", anonymous));
        DemoPlayTest.accept(ex, DemoPlayTest.KOR, WALL, new Command.GiveFeedback("FB-1", Map.of("structure", 4, "scenario", 5),
                Map.of("strengths", "Realistic overflight timings", "improvements", ""), anonymous ? KOR_TOKEN : null));
        DemoPlayTest.accept(ex, DemoPlayTest.USA, WALL, new Command.GiveFeedback("FB-1", Map.of("structure", 2),
                Map.of("improvements", "More time for move 1"), anonymous ? USA_TOKEN : null));
        return ex;
    }

    @Test
    void theReportCountsRatingsAndShowsCommentsToWhomItMay() {
        Exercise ex = withFeedback(false);
        AfterActionReport.FeedbackSummary control = AfterActionReport.of(demo, ex.state(), DemoPlayTest.CONTROL).feedback().get(0);
        assertThat(control.responses()).isEqualTo(2);
        AfterActionReport.RatingLine structure = control.ratings().get(0);
        assertThat(structure.id()).isEqualTo("structure");
        assertThat(structure.counts()).containsExactly(0, 1, 0, 1, 0);
        assertThat(structure.mean()).isEqualTo(3.0);
        assertThat(control.ratings().get(1).mean()).isEqualTo(5.0);
        assertThat(control.ratings().get(2).mean()).isNaN();
        assertThat(control.comments()).extracting(AfterActionReport.CommentLine::text, AfterActionReport.CommentLine::cell)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Realistic overflight timings", "kor"),
                        org.assertj.core.groups.Tuple.tuple("More time for move 1", "usa"));
        // a delegation: all ratings counted, its own comment only, unattributed
        AfterActionReport.FeedbackSummary kor = AfterActionReport.of(demo, ex.state(), DemoPlayTest.KOR).feedback().get(0);
        assertThat(kor.ratings().get(0).counts()).containsExactly(0, 1, 0, 1, 0);
        assertThat(kor.comments()).extracting(AfterActionReport.CommentLine::text).containsExactly("Realistic overflight timings");
        assertThat(kor.comments()).allSatisfy(c -> assertThat(c.cell()).isEmpty());
        // the evaluators read every comment, unattributed
        AfterActionReport.FeedbackSummary observer = AfterActionReport.of(demo, ex.state(), DemoPlayTest.OBSERVER).feedback().get(0);
        assertThat(observer.comments()).hasSize(2).allSatisfy(c -> assertThat(c.cell()).isEmpty());
        String html = ReportHtml.render(AfterActionReport.of(demo, ex.state(), DemoPlayTest.CONTROL), ReportHtml.Language.EN);
        assertThat(html).contains("Participant feedback", "FB-1 · On: M1 · 2 responses", "More time for move 1 (usa)");
    }

    @Test
    void anonymousFeedbackIsNobodysAndEachAnswersOnce() {
        Exercise ex = withFeedback(true);
        AfterActionReport.FeedbackSummary control = AfterActionReport.of(demo, ex.state(), DemoPlayTest.CONTROL).feedback().get(0);
        assertThat(control.anonymous()).isTrue();
        assertThat(control.comments()).hasSize(2).allSatisfy(c -> assertThat(c.cell()).isEmpty());
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.KOR, new Command.GiveFeedback("FB-1", Map.of("tools", 3), Map.of(), KOR_TOKEN)))
                .isEqualTo("you have already given your feedback on FB-1");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.KOR, new Command.GiveFeedback("FB-1", Map.of("tools", 3), Map.of())))
                .isEqualTo("feedback to an anonymous request needs the server's token for its giver");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.KOR, new Command.GiveFeedback("FB-1", Map.of("tools", 3), Map.of(), "kor1")))
                .as("a name is no token").isEqualTo("feedback to an anonymous request needs the server's token for its giver");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.USA, new Command.GiveFeedback("FB-9", Map.of("tools", 3), Map.of())))
                .isEqualTo("there is no feedback request FB-9");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.OBSERVER, new Command.GiveFeedback("FB-1", Map.of("tools", 6), Map.of(), OBSERVER_TOKEN)))
                .isEqualTo("a rating is a whole number from 1 to 5");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.OBSERVER, new Command.GiveFeedback("FB-1", Map.of("mood", 3), Map.of(), OBSERVER_TOKEN)))
                .isEqualTo("the form has no statement 'mood'");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.OBSERVER, new Command.GiveFeedback("FB-1", Map.of(), Map.of("strengths", " "), OBSERVER_TOKEN)))
                .isEqualTo("the feedback is empty");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.KOR, new Command.RequestFeedback("exercise", false))).contains("control");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.CONTROL, new Command.RequestFeedback("M9", false)))
                .isEqualTo("feedback is asked on a move or on the exercise");
        // the log replays (checked as an imported one) to the same state
        Exercise again = Exercise.replayChecked(demo, Exercise.scheduledTimes(TriggerSchedule.compute(demo, OrekitData.standard())), ex.log(), "log");
        assertThat(again.state().snapshot()).isEqualTo(ex.state().snapshot());
        // the log holds the answers and nobody's name or cell beside them: nothing for the stream, the archive, a
        // replay or the report to reveal
        List<Event.Recorded> answers = ex.log().stream().filter(r -> r.event() instanceof Event.FeedbackGiven).toList();
        assertThat(answers).hasSize(2).allSatisfy(r -> {
            assertThat(r.actor()).isEqualTo(Actor.ANONYMOUS);
            assertThat(Json.write(r)).doesNotContain("kor1", "usa1", "\"kor\"", "\"usa\"", "KOR", "USA");
        });
        assertThat(ex.state().feedback()).extracting(Item.FeedbackResponse::cell).containsOnly("");
        // and the live stream sends it to control alone (no participant can be matched to it)
        var events = new org.spacettx.exercise.policy.EventVisibility(ex.visibility());
        assertThat(events.canSee(DemoPlayTest.CONTROL, answers.get(0), ex.state())).isTrue();
        assertThat(events.canSee(DemoPlayTest.KOR, answers.get(0), ex.state())).isFalse();
        assertThat(events.canSee(DemoPlayTest.OBSERVER, answers.get(0), ex.state())).isFalse();
    }

    @Test
    void attributedFeedbackGoesToItsGiverAloneOnTheStream() {
        Exercise ex = withFeedback(false);
        var events = new org.spacettx.exercise.policy.EventVisibility(ex.visibility());
        Event.Recorded korAnswer = ex.log().stream().filter(r -> r.event() instanceof Event.FeedbackGiven && r.actor().user().equals("kor1"))
                .findFirst().orElseThrow();
        assertThat(events.canSee(DemoPlayTest.KOR, korAnswer, ex.state())).isTrue();
        assertThat(events.canSee(DemoPlayTest.USA, korAnswer, ex.state())).isFalse();
    }
}
