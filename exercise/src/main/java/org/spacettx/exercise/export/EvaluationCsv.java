package org.spacettx.exercise.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spacettx.exercise.assess.EvaluationGuide;
import org.spacettx.exercise.report.AfterActionReport;
import org.spacettx.exercise.report.ReportHtml;
import org.spacettx.exercise.scenario.Text;

/**
 * The evaluators' work on an exercise as CSV for the lead evaluator's spreadsheet: one row per objective and
 * evaluator (an objective nobody evaluated yet has one row with no evaluator), with the rating, each criterion's
 * result, the strengths and areas for improvement, and the objective's observations (count and mean in points).
 * Texts are in the reader's language ({@code BOTH}: English, then Korean in brackets).
 */
public final class EvaluationCsv {

    public static final List<String> COLUMNS = List.of("objective", "objective_title", "evaluator", "rating", "rating_meaning",
            "criteria", "strengths", "areas_for_improvement", "observations", "observation_mean_points");

    private EvaluationCsv() {
    }

    /** The evaluation in {@code report} (control's or an observer's; a delegation's report holds none). */
    public static String of(AfterActionReport report, ReportHtml.Language language) {
        List<List<String>> rows = new ArrayList<>();
        for (AfterActionReport.ObjectiveResult o : report.objectives()) {
            String mean = Double.isNaN(o.meanRating()) ? "" : String.format(Locale.ROOT, "%.2f", o.meanRating());
            String observations = Integer.toString(o.observations());
            if (o.evaluations().isEmpty()) {
                rows.add(List.of(o.id(), words(o.title(), language), "", "", "", "", "", "", observations, mean));
            }
            for (AfterActionReport.EvaluationLine e : o.evaluations()) {
                EvaluationGuide.Rating rating = EvaluationGuide.Rating.of(e.rating()).orElseThrow();
                List<String> criteria = new ArrayList<>();
                for (int i = 0; i < o.criteria().size(); i++) {
                    String result = EvaluationGuide.Result.of(e.criteria().get(i)).map(r -> words(r.words(), language)).orElse("");
                    criteria.add((i + 1) + ". " + words(o.criteria().get(i), language) + ": " + result);
                }
                rows.add(List.of(o.id(), words(o.title(), language), e.evaluator(), rating.name(), words(rating.meaning(), language),
                        String.join(" | ", criteria), e.strengths(), e.improvements(), observations, mean));
            }
        }
        return SpreadsheetCsv.write(COLUMNS, rows);
    }

    private static String words(Text text, ReportHtml.Language language) {
        return switch (language) {
            case EN -> text.in("en");
            case KO -> text.in("ko");
            case BOTH -> text.ko().isEmpty() || text.ko().equals(text.en()) ? text.in("en") : text.en() + " [" + text.ko() + "]";
        };
    }
}
