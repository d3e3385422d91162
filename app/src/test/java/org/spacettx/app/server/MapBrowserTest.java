package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spacettx.app.server.ConsoleBrowserTest.until;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Maps that inform (issue 28, item 4, in part): in move 3, with launched and shared satellites close together, no
 * label (a satellite's or a site's) overlaps another label on the maps of control, a delegation and the observer (a label set away
 * from its dot has a leader line to it); the legend folds, and is folded at tablet width; the map's texts are in the
 * page's font (Leaflet's had no Hangul: the Korean legend was empty boxes).
 */
@Tag("browser")
class MapBrowserTest {

    static final String PASSWORD = "map-demo-password";
    static final String EX = "rok-us-space-ttx";
    static DemoServer demo;

    /** Every pair of labels on the map whose boxes overlap, and how many labels and leaders there are. */
    static final String LABELS = """
            const box = document.getElementById('map').getBoundingClientRect();
            const labels = [...document.querySelectorAll('#map .sat-label, #map .place-label')]
              .filter((n) => n.offsetParent !== null).map((n) => ({text: n.textContent, r: n.getBoundingClientRect(), sat: n.classList.contains('sat-label')}));
            const overlaps = [];
            for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
              const a = labels[i].r, c = labels[j].r;
              if (a.left < c.right - 1 && c.left < a.right - 1 && a.top < c.bottom - 1 && c.top < a.bottom - 1) {
                overlaps.push(labels[i].text + ' / ' + labels[j].text);
              }
            }
            return {overlaps, sats: labels.filter((l) => l.sat).length, moved: document.querySelectorAll('#map .label-moved').length,
                    leaders: document.querySelectorAll('#map path.leader').length,
                    font: getComputedStyle(document.querySelector('#map .sat-label')).fontFamily};
            """;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.ofItsOwn(PASSWORD, true);
        assertThat(demo.as("control").command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M3\"}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void noSatelliteLabelOverlapsAnotherAndTheLegendFolds() throws Exception {
        for (String user : List.of("control", "kor1", "observer")) {
            WebDriver d = ConsoleBrowserTest.browser();
            try {
                ConsoleBrowserTest.login(d, demo.server().port(), user, PASSWORD);
                ConsoleBrowserTest.click(d, By.id("tab-space"));
                until(d, "satellites on the map", x -> !x.findElements(By.cssSelector("#map .sat-label")).isEmpty());
                Thread.sleep(800);
                Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) d).executeScript(LABELS);
                assertThat(((Number) m.get("sats")).intValue()).as("%s's satellite labels", user).isGreaterThanOrEqualTo(2);
                assertThat((List<String>) m.get("overlaps")).as("labels overlapping on %s's map", user).isEmpty();
                assertThat(((Number) m.get("leaders")).intValue()).as("a leader for each label set away").isEqualTo(
                        ((Number) m.get("moved")).intValue());
                assertThat((String) m.get("font")).as("the labels' font").contains("Noto Sans KR");
                ConsoleBrowserTest.screenshot(d, "map-" + user + "-m3");
                if (user.equals("kor1")) {
                    new org.openqa.selenium.support.ui.Select(d.findElement(By.id("language"))).selectByValue("ko");
                    until(d, "the legend in Korean", x -> x.findElement(By.cssSelector("#map-legend summary")).getText().equals("범례"));
                    ConsoleBrowserTest.screenshot(d, "map-kor1-m3-ko");
                    // the legend: open on a large screen, folded by its summary, folded at tablet width
                    assertThat(d.findElement(By.cssSelector("#map-legend details")).getDomProperty("open")).isEqualTo("true");
                    ConsoleBrowserTest.click(d, By.cssSelector("#map-legend summary"));
                    assertThat(d.findElement(By.cssSelector("#map-legend details")).getDomProperty("open")).isEqualTo("false");
                    d.manage().window().setSize(new Dimension(800, 1000));
                    d.navigate().refresh();
                    ConsoleBrowserTest.click(d, By.id("tab-space"));
                    until(d, "the legend", x -> !x.findElements(By.cssSelector("#map-legend details")).isEmpty());
                    assertThat(d.findElement(By.cssSelector("#map-legend details")).getDomProperty("open")).isEqualTo("false");
                    Number legendHeight = (Number) ((JavascriptExecutor) d).executeScript(
                            "return document.getElementById('map-legend').getBoundingClientRect().height");
                    assertThat(legendHeight.doubleValue()).as("the folded legend is one line").isLessThan(40);
                    ConsoleBrowserTest.screenshot(d, "map-kor1-tablet");
                }
            } finally {
                d.quit();
            }
        }
    }
}
