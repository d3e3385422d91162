package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.assess.EvaluationGuide;
import org.spacettx.exercise.export.EvaluationCsv;
import org.spacettx.exercise.policy.EventVisibility;
import org.spacettx.exercise.policy.Visibility;
import org.spacettx.exercise.report.AfterActionReport;
import org.spacettx.exercise.report.ReportHtml;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The evaluators' evaluation of each objective (after HSEEP's exercise evaluation guide): who may give one, what it
 * must hold, that an evaluator's later one replaces the earlier, who sees it, and how the report and the CSV export
 * carry it. The demo's objective O1 has two criteria.
 */
class EvaluationTest {

    static final Actor SECOND_OBSERVER = new Actor("observer2", Actor.Role.OBSERVER, "observers", "");

    @BeforeAll
    static void load() {
        RefusalTest.load();
    }

    static Command.EvaluateObjective o1(String rating, List<String> criteria, String strengths) {
        return new Command.EvaluateObjective("O1", rating, criteria, strengths, "share earlier");
    }

    @Test
    void anEvaluationNamesARatingAndOneResultPerCriterionAndComesFromAnEvaluator() {
        Exercise ex = RefusalTest.afterFirstInjects();
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.KOR, o1("S", List.of("met", "met"), "")))
                .isEqualTo("only observers and control evaluate objectives");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.OBSERVER, o1("A", List.of("met", "met"), "")))
                .isEqualTo("an objective's rating is P, S, M or U, not 'A'");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.OBSERVER, o1("S", List.of("met"), "")))
                .isEqualTo("objective O1 has 2 criteria: give one result for each, in order, not 1");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.OBSERVER, o1("S", List.of("met", "great"), "")))
                .isEqualTo("criterion 2's result is one of met, partly, not-met, not-observed, not 'great'");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.OBSERVER, o1("S", List.of("met", "met"), "x".repeat(4_001))))
                .isEqualTo("the text of strengths is longer than 4000 characters");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.OBSERVER,
                new Command.EvaluateObjective("O9", "S", List.of(), "", ""))).isEqualTo("objective 'O9' does not exist");
        assertThat(ex.state().evaluations()).isEmpty();
    }

    @Test
    void anEvaluatorsLaterEvaluationReplacesTheEarlierAndEachEvaluatorKeepsTheirOwn() {
        Exercise ex = RefusalTest.afterFirstInjects();
        DemoPlayTest.accept(ex, DemoPlayTest.OBSERVER, RefusalTest.WALL, o1("M", List.of("not-observed", "partly"), "first look"));
        DemoPlayTest.accept(ex, SECOND_OBSERVER, RefusalTest.WALL, o1("P", List.of("met", "met"), ""));
        DemoPlayTest.accept(ex, DemoPlayTest.OBSERVER, RefusalTest.WALL, o1("S", List.of("met", "partly"), "  both stated confidence  "));
        assertThat(ex.state().evaluations()).hasSize(2);
        Item.Evaluation mine = ex.state().evaluations().stream().filter(e -> e.evaluator().equals("observer")).findFirst().orElseThrow();
        assertThat(mine.rating()).isEqualTo("S");
        assertThat(mine.criteria()).containsExactly("met", "partly");
        assertThat(mine.strengths()).isEqualTo("both stated confidence");
        // the same history replays to the same state
        Exercise again = Exercise.replay(RefusalTest.demo, Exercise.scheduledTimes(TriggerSchedule.compute(RefusalTest.demo,
                org.spacettx.orbit.data.OrekitData.standard())), ex.log());
        assertThat(again.state().snapshot()).isEqualTo(ex.state().snapshot());
    }

    @Test
    void onlyControlAndTheObserversSeeEvaluations() {
        Exercise ex = RefusalTest.afterFirstInjects();
        DemoPlayTest.accept(ex, DemoPlayTest.OBSERVER, RefusalTest.WALL, o1("S", List.of("met", "partly"), ""));
        Item.Evaluation evaluation = ex.state().evaluations().getFirst();
        Visibility v = new Visibility(RefusalTest.demo);
        EventVisibility events = new EventVisibility(v);
        Event.Recorded recorded = ex.log().getLast();
        assertThat(recorded.event()).isInstanceOf(Event.ObjectiveEvaluated.class);
        for (Actor viewer : List.of(DemoPlayTest.CONTROL, DemoPlayTest.OBSERVER, SECOND_OBSERVER)) {
            assertThat(v.canSee(viewer, evaluation)).as(viewer.user()).isTrue();
            assertThat(events.canSee(viewer, recorded, ex.state())).as(viewer.user()).isTrue();
        }
        for (Actor viewer : List.of(DemoPlayTest.KOR, DemoPlayTest.USA, Actor.ROOM)) {
            assertThat(v.canSee(viewer, evaluation)).as(viewer.user()).isFalse();
            assertThat(events.canSee(viewer, recorded, ex.state())).as(viewer.user()).isFalse();
        }
        assertThat(AfterActionReport.of(RefusalTest.demo, ex.state(), DemoPlayTest.KOR).objectives()).isEmpty();
    }

    @Test
    void anObservationIsRatedOnTheSameFourPointScale() {
        Exercise ex = RefusalTest.afterFirstInjects();
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.OBSERVER, new Command.RecordObservation("O1", null, 5, "great")))
                .startsWith("an observation's rating is 4 (P");
        DemoPlayTest.accept(ex, DemoPlayTest.OBSERVER, RefusalTest.WALL, new Command.RecordObservation("O1", null, 4, "shared at once"));
        DemoPlayTest.accept(ex, DemoPlayTest.OBSERVER, RefusalTest.WALL, new Command.RecordObservation("O1", null, 3, "late"));
        AfterActionReport.ObjectiveResult o1 = AfterActionReport.of(RefusalTest.demo, ex.state(), DemoPlayTest.CONTROL)
                .objectives().getFirst();
        assertThat(o1.meanRating()).isEqualTo(3.5);
        assertThat(o1.rating()).isEqualTo("P"); // 3.5 rounds up, as HSEEP's nearest letter
        // a 5 that an older log holds (the scale was 1 to 5) reads as the top of the scale, not as U
        assertThat(EvaluationGuide.Rating.ofPoints(5)).isEqualTo(EvaluationGuide.Rating.P);
        assertThat(EvaluationGuide.Rating.ofPoints(0.6)).isEqualTo(EvaluationGuide.Rating.U);
    }

    @Test
    void theReportAndTheExportCarryEachEvaluatorsEvaluation() throws Exception {
        Exercise ex = RefusalTest.afterFirstInjects();
        DemoPlayTest.accept(ex, DemoPlayTest.OBSERVER, RefusalTest.WALL,
                new Command.EvaluateObjective("O1", "S", List.of("met", "partly"), "=HYPERLINK(\"http://x\")", "share earlier"));
        DemoPlayTest.accept(ex, SECOND_OBSERVER, RefusalTest.WALL, o1("M", List.of("not-met", "not-observed"), ""));
        DemoPlayTest.accept(ex, DemoPlayTest.OBSERVER, RefusalTest.WALL, new Command.RecordObservation("O1", 2, 3, "KOR kept it"));
        AfterActionReport report = AfterActionReport.of(RefusalTest.demo, ex.state(), DemoPlayTest.CONTROL);

        String html = ReportHtml.render(report, ReportHtml.Language.EN, List.of());
        assertThat(html).contains("<b>S</b> performed with some challenges (observer)")
                .contains("<b>M</b> performed with major challenges (observer2)")
                .contains("partly met (observer)").contains("not observed (observer2)")
                .contains("Strengths and areas for improvement, by objective");
        assertThat(ReportHtml.render(report, ReportHtml.Language.KO, List.of()))
                .contains("<b>S</b> 일부 어려움 속에 수행 (observer)").contains("부분 충족 (observer)");

        List<Map<String, String>> rows = read(EvaluationCsv.of(report, ReportHtml.Language.EN));
        int objectives = RefusalTest.demo.objectives().size();
        assertThat(rows).hasSize(objectives + 1); // O1 twice (two evaluators), every other objective once, unevaluated
        Map<String, String> first = rows.getFirst();
        assertThat(first).containsEntry("objective", "O1").containsEntry("evaluator", "observer").containsEntry("rating", "S")
                .containsEntry("rating_meaning", "performed with some challenges")
                .containsEntry("strengths", "'=HYPERLINK(\"http://x\")") // a spreadsheet shows it, never runs it
                .containsEntry("areas_for_improvement", "share earlier")
                .containsEntry("observations", "1").containsEntry("observation_mean_points", "3.00");
        assertThat(first.get("criteria")).startsWith("1. Both delegations state their assessment").contains(": met | 2. ")
                .endsWith(": partly met");
        assertThat(rows.get(1)).containsEntry("evaluator", "observer2").containsEntry("rating", "M");
        assertThat(rows.get(2)).containsEntry("objective", "O2").containsEntry("evaluator", "").containsEntry("observations", "0");
        assertThat(read(EvaluationCsv.of(report, ReportHtml.Language.KO)).getFirst())
                .containsEntry("rating_meaning", "일부 어려움 속에 수행");
    }

    static List<Map<String, String>> read(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }
}
