package org.spacettx.exercise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spacettx.exercise.engine.Actor;

/**
 * The report's PDF laid out as a reader needs it, for every reader and language: no text of a page overlaps
 * another (the review found a table row printed over the next heading) and the unified-understanding chart is
 * never split across pages (it was, in the ROK copy in Korean). Read back with PDFBox: every run of text with its
 * box on its page.
 */
@org.junit.jupiter.api.Tag("slow")
class ReportLayoutTest {

    /** A run of text as PDFBox reports it, with its box in points (y downwards) and its page. */
    record Run(int page, String text, float left, float top, float right, float bottom) {
        boolean overlaps(Run o) {
            float w = Math.min(right, o.right) - Math.max(left, o.left);
            float h = Math.min(bottom, o.bottom) - Math.max(top, o.top);
            return page == o.page && w > 1.0f && h > 1.5f; // more than a hair: glyph boxes of one line may touch
        }
    }

    @BeforeAll
    static void play() throws Exception {
        if (AfterActionReportTest.demo == null) {
            AfterActionReportTest.play();
        }
    }

    static List<Run> runs(PDDocument doc) throws IOException {
        List<Run> runs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (text.isBlank() || positions.isEmpty()) {
                    return;
                }
                float left = Float.MAX_VALUE;
                float right = -Float.MAX_VALUE;
                float top = Float.MAX_VALUE;
                float bottom = -Float.MAX_VALUE;
                for (TextPosition p : positions) {
                    left = Math.min(left, p.getXDirAdj());
                    right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                    top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
                    bottom = Math.max(bottom, p.getYDirAdj());
                }
                runs.add(new Run(getCurrentPageNo(), text, left, top, right, bottom));
            }
        };
        stripper.setSortByPosition(true);
        stripper.getText(doc);
        return runs;
    }

    @org.junit.jupiter.api.Test
    void theOverlapCheckTellsOverlapFromNeighbours() {
        Run a = new Run(1, "a", 10, 10, 60, 20);
        assertThat(a.overlaps(new Run(1, "b", 40, 15, 90, 25))).isTrue();
        assertThat(a.overlaps(new Run(1, "next line", 10, 20, 60, 30))).isFalse();
        assertThat(a.overlaps(new Run(1, "next word", 60, 10, 90, 20))).isFalse();
        assertThat(a.overlaps(new Run(2, "other page", 10, 10, 60, 20))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ReportHtml.Language.class)
    void noTextOverlapsAndTheChartIsNeverSplit(ReportHtml.Language language) throws IOException {
        for (Actor reader : List.of(AfterActionReportTest.CONTROL, AfterActionReportTest.KOR, AfterActionReportTest.USA)) {
            AfterActionReport r = AfterActionReport.of(AfterActionReportTest.demo, AfterActionReportTest.played.state(), reader);
            try (PDDocument doc = Loader.loadPDF(ReportPdf.render(r, language))) {
                List<Run> runs = runs(doc);
                assertThat(runs).hasSizeGreaterThan(50);
                List<String> overlaps = new ArrayList<>();
                for (int i = 0; i < runs.size(); i++) {
                    for (int j = i + 1; j < runs.size(); j++) {
                        if (runs.get(i).overlaps(runs.get(j))) {
                            overlaps.add(runs.get(i) + " over " + runs.get(j));
                        }
                    }
                }
                assertThat(overlaps).as("%s's copy in %s: overlapping text", reader.cell(), language).isEmpty();
                // the chart: its title ("... (0–100)") and the row of every move, after it, on one page
                int title = -1;
                for (int k = 0; k < runs.size() && title < 0; k++) {
                    title = runs.get(k).text().contains("(0–100)") ? k : -1;
                }
                assertThat(title).as("the chart's title in %s's copy", reader.cell()).isNotNegative();
                for (var move : AfterActionReportTest.demo.moves()) {
                    Run row = null;
                    for (int k = title + 1; k < runs.size() && row == null; k++) {
                        row = runs.get(k).text().strip().startsWith(move.id() + " ") ? runs.get(k) : null;
                    }
                    assertThat(row).as("%s's row in the chart", move.id()).isNotNull();
                    assertThat(row.page()).as("%s's copy in %s: page of %s's row in the chart", reader.cell(), language, move.id())
                            .isEqualTo(runs.get(title).page());
                }
            }
        }
    }
}
