package org.spacettx.exercise.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;

/**
 * An {@link AfterActionReport} as a PDF document (A4): the page {@link ReportHtml} writes, laid out by
 * openhtmltopdf on PDFBox, with the classification banner and page numbers on every page and the shipped
 * Pretendard font embedded (subset), so that Hangul prints the same on any machine. Nothing is fetched: the page
 * links nothing and the fonts come from the class path.
 */
public final class ReportPdf {

    /** The family the report's style sheet names after the screen fonts. */
    static final String FONT_FAMILY = "Pretendard";
    static final String REGULAR = "fonts/Pretendard-Regular.ttf";
    static final String BOLD = "fonts/Pretendard-Bold.ttf";

    static {
        XRLog.setLoggerImpl(new Slf4jBridge());
    }

    private ReportPdf() {
    }

    public static byte[] render(AfterActionReport report, ReportHtml.Language language) {
        String page = ReportHtml.renderPaged(report, language);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .withHtmlContent(page, null)
                .withProducer("SpaceTTX")
                .toStream(pdf);
        builder.useFont(() -> font(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> font(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be laid out as PDF", e);
        }
        return pdf.toByteArray();
    }

    /** A font file, read from the class path once (5 MB for the two: not once per report). */
    static InputStream font(String resource) {
        return new java.io.ByteArrayInputStream(FONTS.computeIfAbsent(resource, ReportPdf::read));
    }

    private static final java.util.Map<String, byte[]> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] read(String resource) {
        try (InputStream in = ReportPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the font " + resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the font " + resource + " could not be read", e);
        }
    }

    /** openhtmltopdf logs through java.util.logging by default; its warnings go to SLF4J like the rest. */
    private static final class Slf4jBridge implements XRLogger {
        private static final Logger LOG = LoggerFactory.getLogger(ReportPdf.class);

        @Override
        public void log(String where, Level level, String msg) {
            log(where, level, msg, null);
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
            // the page's style sheet is also the browsers': properties a paged renderer lacks (grid, print colour
            // adjustment) are expected, not a fault
            if (level.intValue() >= Level.WARNING.intValue() && !XRLog.CSS_PARSE.equals(where)) {
                LOG.warn("{}: {}", where, msg, th);
            } else if (LOG.isDebugEnabled()) {
                LOG.debug("{}: {}", where, msg, th);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || LOG.isDebugEnabled();
        }
    }
}
