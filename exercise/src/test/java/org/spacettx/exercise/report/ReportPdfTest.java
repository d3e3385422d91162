package org.spacettx.exercise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.policy.Visibility;
import org.spacettx.exercise.scenario.Inject;

/**
 * The demo's report as PDF, read back with PDFBox: its text (sections, figures, Korean), the fonts it embeds, and
 * its first page rendered to an image; a delegation's PDF carries none of the injects hidden from it.
 */
class ReportPdfTest {

    @org.junit.jupiter.api.BeforeAll
    static void play() throws Exception {
        if (AfterActionReportTest.demo == null) {
            AfterActionReportTest.play();
        }
    }

    @Test
    void controlsCopyRendersWithItsSectionsFiguresAndKorean() throws IOException {
        AfterActionReport r = AfterActionReport.of(AfterActionReportTest.demo, AfterActionReportTest.played.state(),
                AfterActionReportTest.CONTROL);
        byte[] pdf = ReportPdf.render(r, ReportHtml.Language.EN);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            assertThat(doc.getDocumentInformation().getTitle()).contains("After-action report");
            String text = normalised(new PDFTextStripper().getText(doc));
            assertThat(text).contains("After-action report and improvement plan")
                    .contains("Objectives and evaluation").contains("Timeline of injects").contains("Assessments by move")
                    .contains("Unified-understanding index").contains("Joint statement").contains("Observations")
                    .contains("Improvement plan");
            // figures: Q1's two revealed rounds and its convergence, every inject of control's timeline
            assertThat(text).contains("Divergence: 30 %").contains("Divergence: 5 %").contains("+25 points");
            for (AfterActionReport.TimelineEntry t : r.timeline()) {
                assertThat(squeezed(text)).as("inject %d", t.number()).contains(squeezed(t.subject().en()));
            }
            for (AfterActionReport.MoveSection m : r.moves()) {
                if (!Double.isNaN(m.unifiedUnderstanding())) {
                    assertThat(text).contains(String.format(Locale.ROOT, "%s: %.0f", "Unified-understanding index",
                            m.unifiedUnderstanding()));
                }
            }
            // the banner on every page, at its top and bottom
            PDFTextStripper perPage = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                perPage.setStartPage(p);
                perPage.setEndPage(p);
                String page = normalised(perPage.getText(doc));
                assertThat(page.split(java.util.regex.Pattern.quote(r.banner()), -1)).as("page %d", p).hasSize(3);
                assertThat(page).contains(p + " / " + doc.getNumberOfPages());
            }
            // only the shipped font, embedded as subsets
            Set<String> fonts = new HashSet<>();
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            assertThat(fonts).allSatisfy(f -> assertThat(f).startsWith("Pretendard"));
            assertThat(pdf.length).as("subset fonts keep the file small").isLessThan(1_500_000);

            // page 1 drawn: the green banner across the top, dark text below it, mostly white paper
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            Path out = Path.of("target", "report");
            Files.createDirectories(out);
            ImageIO.write(image, "png", out.resolve("control-page-1.png").toFile());
            assertThat(image.getWidth()).isBetween(590, 600); // A4 at 72 dpi: 595 x 842
            assertThat(image.getHeight()).isBetween(838, 846);
            int green = 0;
            int dark = 0;
            int white = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int red = (rgb >> 16) & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    if (Math.abs(red - 0x1f) < 12 && Math.abs(g - 0x6b) < 12 && Math.abs(b - 0x33) < 12) {
                        green++;
                    } else if (red < 90 && g < 90 && b < 90) {
                        dark++;
                    } else if (red > 245 && g > 245 && b > 245) {
                        white++;
                    }
                }
            }
            int all = image.getWidth() * image.getHeight();
            assertThat(green).as("banner pixels").isGreaterThan(2 * 500 * 8);
            assertThat(dark).as("text pixels").isGreaterThan(all / 100);
            assertThat(white).as("paper").isGreaterThan(all / 2);
        }
        // the Korean copy: Korean headings and subjects in Hangul
        try (PDDocument doc = Loader.loadPDF(ReportPdf.render(r, ReportHtml.Language.KO))) {
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(2, 96), "png",
                    Path.of("target", "report", "control-ko-page-3.png").toFile());
            String text = squeezed(new PDFTextStripper().getText(doc));
            assertThat(text).contains(squeezed("사후 강평 보고서 및 개선 계획")).contains(squeezed("단계별 평가"))
                    .contains(squeezed("개선 계획: 실무그룹 조치 과제"));
            for (AfterActionReport.TimelineEntry t : r.timeline()) {
                assertThat(text).as("inject %d", t.number()).contains(squeezed(t.subject().ko()));
            }
        }
    }

    @Test
    void theShippedFontsCoverEveryCharacterOfTheDemosReport() throws IOException {
        AfterActionReport r = AfterActionReport.of(AfterActionReportTest.demo, AfterActionReportTest.played.state(),
                AfterActionReportTest.CONTROL);
        String html = ReportHtml.render(r, ReportHtml.Language.BOTH).replaceAll("<[^>]*>", " ");
        for (String resource : new String[] {ReportPdf.REGULAR, ReportPdf.BOLD}) {
            try (var in = ReportPdf.font(resource);
                    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
                var cmap = font.getUnicodeCmapLookup();
                Set<String> missing = new java.util.TreeSet<>();
                html.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c))
                        .filter(c -> cmap.getGlyphId(c) == 0)
                        .forEach(c -> missing.add(String.format("U+%04X %s", c, Character.toString(c))));
                assertThat(missing).as(resource).isEmpty();
            }
        }
    }

    @Test
    void aDelegationsPdfCarriesNoInjectHiddenFromIt() throws IOException {
        Visibility policy = new Visibility(AfterActionReportTest.demo);
        for (Actor reader : new Actor[] {AfterActionReportTest.KOR, AfterActionReportTest.USA}) {
            AfterActionReport r = AfterActionReport.of(AfterActionReportTest.demo, AfterActionReportTest.played.state(), reader);
            try (PDDocument doc = Loader.loadPDF(ReportPdf.render(r, ReportHtml.Language.BOTH))) {
                String text = squeezed(new PDFTextStripper().getText(doc));
                int hidden = 0;
                for (Inject i : AfterActionReportTest.demo.injects()) {
                    var released = AfterActionReportTest.played.state().released().get(i.number());
                    if (released != null && !policy.canSee(reader, released)) {
                        hidden++;
                        assertThat(text).as("%s's PDF must not carry inject %d", reader.cell(), i.number())
                                .doesNotContain(squeezed(i.subject().en())).doesNotContain(squeezed(i.subject().ko()));
                    }
                }
                assertThat(hidden).as(reader.cell()).isPositive();
                assertThat(text).contains("Copyfor");
            }
        }
    }

    /** Text without any white space: a line may break anywhere in a Korean word. */
    private static String squeezed(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** Text as the stripper gives it: one space for any run of white space (lines break anywhere). */
    private static String normalised(String s) {
        return s.replaceAll("\\s+", " ");
    }

    /**
     * The Korean PDF's table headers and cells keep their words whole (issue 28, item 6: headers broke one syllable a
     * line): no line of the Korean copy's text is a lone Hangul syllable.
     */
    @Test
    void koreanTablesKeepTheirWordsWhole() throws IOException {
        AfterActionReport r = AfterActionReport.of(AfterActionReportTest.demo, AfterActionReportTest.played.state(),
                AfterActionReportTest.CONTROL);
        try (PDDocument doc = Loader.loadPDF(ReportPdf.render(r, ReportHtml.Language.KO))) {
            java.util.List<String> lone = new PDFTextStripper().getText(doc).lines().map(String::strip)
                    .filter(l -> l.length() == 1 && l.charAt(0) >= '\uAC00' && l.charAt(0) <= '\uD7A3').toList();
            assertThat(lone).as("lines that are one Hangul syllable").isEmpty();
        }
    }
}
