package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The MSEL's timeline chart as drawn (issue 28, item 6: its numbers overlapped and a move's title ran into the next,
 * "Launch and fi"): every move's title stays within its band (shortened with an ellipsis, whole in its tooltip), and no
 * inject's number overlaps another's, in English and in Korean, over the whole scenario; the MSEL's headers and
 * statuses keep each word on one line (Korean broke "상태" into "상" and "태").
 */
@Tag("browser")
class TimelineChartBrowserTest {

    static final String PASSWORD = "timeline-demo-password";
    static DemoServer demo;

    /** Each band label against its band, and every pair of inject numbers whose boxes intersect. */
    static final String MEASURE = """
            const svg = document.querySelector('#msel-timeline svg');
            const bands = [...svg.querySelectorAll('rect.band')].map((r) => r.getBBox());
            const labels = [...svg.querySelectorAll('text.band-label')].map((t, i) => ({text: t.textContent,
                title: (t.parentNode.querySelector('title') || t).textContent, right: t.getBBox().x + t.getBBox().width,
                bandRight: bands[i].x + bands[i].width}));
            // digits are about 0.72 em tall: two numbers overlap when their ink does, across and up or down
            const numbers = [...svg.querySelectorAll('text.mark-label')].map((t) => ({n: t.textContent, b: t.getBBox(),
                base: Number(t.getAttribute('y')), ink: 0.72 * parseFloat(getComputedStyle(t).fontSize)}));
            const overlaps = [];
            for (let i = 0; i < numbers.length; i++) for (let j = i + 1; j < numbers.length; j++) {
              const a = numbers[i], c = numbers[j];
              if (a.b.x < c.b.x + c.b.width && c.b.x < a.b.x + a.b.width && Math.abs(a.base - c.base) < Math.max(a.ink, c.ink)) {
                overlaps.push(a.n + '/' + c.n);
              }
            }
            return {labels, overlaps, numbers: numbers.length};
            """;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.ofItsOwn(PASSWORD, true);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void movesTitlesStayInTheirBandsAndNoNumberOverlapsAnother() throws Exception {
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            ConsoleBrowserTest.login(d, demo.server().port(), "control", PASSWORD);
            ConsoleBrowserTest.choose(d, By.id("msel-move"), "all");
            for (String lang : List.of("en", "ko")) {
                new Select(d.findElement(By.id("language"))).selectByValue(lang);
                Thread.sleep(500);
                Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) d).executeScript(MEASURE);
                assertThat(((Number) m.get("numbers")).intValue()).as("inject numbers drawn").isGreaterThanOrEqualTo(20);
                assertThat((List<String>) m.get("overlaps")).as("inject numbers overlapping (%s)", lang).isEmpty();
                List<Map<String, Object>> labels = (List<Map<String, Object>>) m.get("labels");
                assertThat(labels).as("one label per move").hasSizeGreaterThanOrEqualTo(4);
                for (Map<String, Object> l : labels) {
                    assertThat(((Number) l.get("right")).doubleValue()).as("'%s' within its band", l.get("text"))
                            .isLessThanOrEqualTo(((Number) l.get("bandRight")).doubleValue());
                    String shown = (String) l.get("text");
                    String whole = (String) l.get("title");
                    assertThat(shown.equals(whole) || shown.endsWith("…") && whole.startsWith(shown.substring(0, shown.length() - 1)))
                            .as("'%s' is '%s' or its beginning", shown, whole).isTrue();
                }
                // the MSEL's headers and statuses: each word on one line (Korean ones broke a syllable a line)
                List<String> broken = (List<String>) ((JavascriptExecutor) d).executeScript("""
                        const out = [];
                        for (const cell of document.querySelectorAll('#msel thead th, #msel tbody td:nth-child(6)')) {
                          for (const word of cell.textContent.trim().split(/\\s+/).filter((w) => w.length > 1)) {
                            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                            for (let n; (n = walker.nextNode());) {
                              const at = n.textContent.indexOf(word);
                              if (at < 0) continue;
                              const range = document.createRange();
                              range.setStart(n, at);
                              range.setEnd(n, at + word.length);
                              const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                              if (tops.size > 1) out.push(word);
                              break;
                            }
                          }
                        }
                        return out;""");
                assertThat(broken).as("words broken across lines in the MSEL (%s)", lang).isEmpty();
                ((JavascriptExecutor) d).executeScript("document.getElementById('msel-timeline').scrollIntoView()");
                ConsoleBrowserTest.screenshot(d, "timeline-chart-" + lang);
            }
        } finally {
            d.quit();
        }
    }
}
