package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spacettx.app.server.ConsoleBrowserTest.WAIT;
import static org.spacettx.app.server.ConsoleBrowserTest.browser;
import static org.spacettx.app.server.ConsoleBrowserTest.click;
import static org.spacettx.app.server.ConsoleBrowserTest.screenshot;
import static org.spacettx.app.server.ConsoleBrowserTest.severeConsoleMessagesNone;
import static org.spacettx.app.server.ConsoleBrowserTest.textOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The room's screen in a real browser at 1920 × 1080, as the room sees it: big type, no controls, only what every
 * delegation may see (even on control's session), and what control chooses from its console — an inject, a question's
 * revealed answers side by side, the map with no satellite before its launch — in English and Korean.
 */
@Tag("browser")
class PresenterBrowserTest {

    static final String EX = "rok-us-space-ttx";
    static final String PASSWORD = "presenter-browser-password";

    @TempDir
    static Path dir;
    static DemoServer demo;
    static WebDriver room;
    static WebDriver console;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.start(dir, PASSWORD);
        room = browser();
        room.manage().window().setSize(new Dimension(1920, 1080));
        console = browser();
    }

    @AfterAll
    static void stop() {
        for (WebDriver d : new WebDriver[] {room, console}) {
            if (d != null) {
                d.quit();
            }
        }
        if (demo != null) {
            demo.close();
        }
    }

    static String base() {
        return "http://127.0.0.1:" + demo.server().port();
    }

    static void login(WebDriver d, String user) {
        ConsoleBrowserTest.login(d, demo.server().port(), user, PASSWORD);
    }

    static void command(ApiClient c, String json) {
        assertThat(c.command(EX, json).status()).as(json).isEqualTo(200);
    }

    static void waitForText(WebDriver d, By by, String text) {
        new WebDriverWait(d, WAIT).until(ConsoleBrowserTest.shows(by, text));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> js(WebDriver d, String script) {
        return (Map<String, Object>) ((JavascriptExecutor) d).executeScript(script);
    }

    /** What the room's screen displays that someone could act with, and the sizes of its type. */
    static Map<String, Object> screen(WebDriver d) {
        return js(d, """
                const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0
                    && getComputedStyle(e).visibility !== 'hidden'; };
                const px = (sel) => { const e = document.querySelector(sel); return e && shown(e) ? parseFloat(getComputedStyle(e).fontSize) : 0; };
                return {
                  controls: [...document.querySelectorAll('button, input, select, textarea, a[href]')].filter(shown)
                      .map((e) => e.outerHTML.slice(0, 80)),
                  body: px('body'), move: px('#room-move'), time: px('#room-time'), title: px('#room-focus .focus-title'),
                  subject: px('#room-injects .room-subject'),
                  text: document.body.innerText,
                  overflowing: document.documentElement.scrollHeight > window.innerHeight
                      || document.documentElement.scrollWidth > window.innerWidth };
                """);
    }

    @Test
    void theRoomSeesWhatEveryDelegationMaySeeAndWhatControlPutsOnTheScreen() throws Exception {
        ApiClient control = demo.as("control");
        ApiClient kor = demo.as("kor1");
        ApiClient usa = demo.as("usa1");

        // Not logged in: the screen says how to get it going, and shows nothing of the exercise.
        room.get(base() + "/present.html?exercise=" + EX);
        waitForText(room, By.id("room-message"), "Log in to the console");
        assertThat(textOf(room, By.tagName("body"))).doesNotContain("Kim and Putin");
        room.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // its 401s, expected: read and set aside

        // The room's computer logs in through the console (as control: the screen still shows only the room's view).
        login(room, "control");
        room.get(base() + "/present.html?exercise=" + EX);
        waitForText(room, By.id("room-clock-state"), "not started");
        command(control, "{\"type\":\"StartExercise\"}");
        command(control, "{\"type\":\"JumpToMove\",\"move\":\"M1\",\"back\":true}");
        command(control, "{\"type\":\"ReleaseInject\",\"number\":1}"); // REL TO KOR, USA, to both
        command(control, "{\"type\":\"ReleaseInject\",\"number\":2}"); // KOR ONLY
        command(control, "{\"type\":\"ReleaseInject\",\"number\":3}"); // USA ONLY
        waitForText(room, By.id("room-move"), "M1");
        waitForText(room, By.id("room-injects"), "Kim and Putin pledge cooperation at Vostochny");
        Map<String, Object> overview = screen(room);
        assertThat((List<?>) overview.get("controls")).as("controls on the room's screen").isEmpty();
        assertThat(((Number) overview.get("body")).doubleValue()).as("body type, px").isGreaterThanOrEqualTo(26);
        assertThat(((Number) overview.get("move")).doubleValue()).as("move title, px").isGreaterThanOrEqualTo(36);
        assertThat(((Number) overview.get("time")).doubleValue()).as("clock, px").isGreaterThanOrEqualTo(36);
        assertThat(((Number) overview.get("title")).doubleValue()).as("focus title, px").isGreaterThanOrEqualTo(44);
        assertThat(((Number) overview.get("subject")).doubleValue()).as("inject subjects, px").isGreaterThanOrEqualTo(26);
        assertThat(overview.get("overflowing")).as("the screen scrolls").isEqualTo(false);
        String shown = (String) overview.get("text");
        assertThat(shown).contains("REL TO KOR, USA").doesNotContain("KOR ONLY").doesNotContain("USA ONLY")
                .doesNotContain("New activity at the Sohae assembly building").doesNotContain("Russian engineers reported at Sohae")
                .contains("Unified-understanding index per move");
        screenshot(room, "presenter-overview");

        // The map in move 1: the satellites in orbit, labelled, and not yet the one launched in move 2.
        login(console, "control");
        click(console, By.id("present-map"));
        new WebDriverWait(room, WAIT).until(d -> d.findElements(By.cssSelector("#room-map path.sat")).size() >= 3);
        Map<String, Object> map = js(room, """
                const r = document.getElementById('room-map').getBoundingClientRect();
                return { width: r.width / window.innerWidth, height: r.height / window.innerHeight, sats: document.querySelectorAll('#room-map path.sat').length,
                  labels: [...document.querySelectorAll('#room-map .leaflet-tooltip.sat-label')].filter(l => l.style.opacity !== '0')
                      .map(l => l.textContent), legend: document.querySelectorAll('#room-map .legend details > div').length,
                  focusShown: document.getElementById('room-focus').getBoundingClientRect().height > 0 };
                """);
        // the window's 1080 pixels include the browser's own bars: the map's share of what the page has is measured
        assertThat(((Number) map.get("width")).doubleValue()).as("map's share of the screen's width").isGreaterThan(0.95);
        assertThat(((Number) map.get("height")).doubleValue()).as("map's share of the screen's height").isGreaterThan(0.75);
        assertThat(map.get("focusShown")).isEqualTo(false);
        assertThat((List<?>) map.get("labels")).hasSize(((Number) map.get("sats")).intValue()).noneMatch(l -> l.toString().contains("MALLIGYONG"));
        assertThat(((Number) map.get("legend")).intValue()).isGreaterThanOrEqualTo(7);
        assertThat((List<?>) screen(room).get("controls")).as("controls on the room's map").isEmpty();
        screenshot(room, "presenter-map-move1");

        // Control shows inject 1 from its MSEL; inject 2 (KOR ONLY) has no such button.
        waitForText(console, By.id("msel"), "Show in room");
        assertThat(console.findElements(By.cssSelector("button[aria-label='Show in room #2']"))).isEmpty();
        assertThat(console.findElements(By.cssSelector("button[aria-label='Show in room #3']"))).isEmpty();
        click(console, By.cssSelector("button[aria-label='Show in room #1']"));
        waitForText(room, By.cssSelector("#room-focus[data-kind='inject'] .focus-title"), "Kim and Putin pledge cooperation at Vostochny");
        waitForText(console, By.id("present-shows"), "The room shows: inject #1");
        assertThat(textOf(room, By.id("room-focus"))).contains("REL TO KOR, USA").contains("#1");
        screenshot(room, "presenter-inject");

        // Move 3: both delegations answer Q1 blind; control reveals and shows it; the answers stand side by side.
        command(control, "{\"type\":\"JumpToMove\",\"move\":\"M3\"}");
        command(kor, "{\"type\":\"SubmitAnswer\",\"question\":\"Q1\",\"value\":{\"type\":\"Number\",\"value\":80},"
                + "\"confidence\":\"HIGH\",\"rationale\":\"Launch pad activity and the notice to mariners\"}");
        command(usa, "{\"type\":\"SubmitAnswer\",\"question\":\"Q1\",\"value\":{\"type\":\"Number\",\"value\":55},"
                + "\"confidence\":\"MODERATE\",\"rationale\":\"Engine tests are not yet complete\"}");
        // Q1 is move 1's question: control shows the questions of move 1 (move 3's are shown by default)
        ConsoleBrowserTest.choose(console, By.id("questions-move"), "M1");
        ConsoleBrowserTest.waitFor(console, By.cssSelector("[data-question='Q1']"));
        assertThat(console.findElements(By.cssSelector("button[aria-label='Show in room Q1']"))).as("nothing revealed yet").isEmpty();
        command(control, "{\"type\":\"RevealQuestion\",\"question\":\"Q1\"}");
        click(console, By.cssSelector("button[aria-label='Show in room Q1']"));
        waitForText(room, By.cssSelector("#room-focus[data-kind='question']"), "Divergence");
        Map<String, Object> answers = js(room, """
                const boxes = [...document.querySelectorAll('#room-focus .room-answer')].map(a => a.getBoundingClientRect());
                return { n: boxes.length, sameRow: boxes.length === 2 && Math.abs(boxes[0].top - boxes[1].top) < 2,
                  apart: boxes.length === 2 && boxes[1].left >= boxes[0].right,
                  value: parseFloat(getComputedStyle(document.querySelector('#room-focus .room-answer .value')).fontSize) };
                """);
        assertThat(answers).containsEntry("n", 2L).containsEntry("sameRow", true).containsEntry("apart", true);
        assertThat(((Number) answers.get("value")).doubleValue()).as("answer values, px").isGreaterThanOrEqualTo(40);
        assertThat(textOf(room, By.id("room-focus"))).contains("ROK").contains("80").contains("55")
                .contains("Launch pad activity and the notice to mariners").contains("Engine tests are not yet complete");
        assertThat((String) screen(room).get("text")).doesNotContain("KOR ONLY").doesNotContain("USA ONLY");
        assertThat(screen(room).get("overflowing")).isEqualTo(false);
        screenshot(room, "presenter-question");

        // The map again in move 3: the launched satellite is there now.
        click(console, By.id("present-map"));
        new WebDriverWait(room, WAIT).until(d -> !d.findElements(By.cssSelector("#room-map path.sat-recon-1")).isEmpty());
        waitForText(room, By.id("room-map"), "MALLIGYONG-1");
        screenshot(room, "presenter-map-move3");

        // The globe, as the room sees it: the launched satellite on it, no control on the screen.
        click(console, By.id("present-globe"));
        room.switchTo().frame(new WebDriverWait(room, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("room-globe"))));
        new WebDriverWait(room, java.time.Duration.ofSeconds(120)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
                const g = window.spaceGlobe;
                return !!(g && g.state.source && g.widget.scene.globe.tilesLoaded && g.state.source.entities.getById('object/recon-1'));
                """));
        room.switchTo().defaultContent();
        Map<String, Object> globe = js(room, """
                const r = document.getElementById('room-globe').getBoundingClientRect();
                return { width: r.width / window.innerWidth, height: r.height / window.innerHeight };
                """);
        assertThat(((Number) globe.get("width")).doubleValue()).as("globe's share of the screen's width").isGreaterThan(0.95);
        assertThat(((Number) globe.get("height")).doubleValue()).as("globe's share of the screen's height").isGreaterThan(0.75);
        assertThat((List<?>) screen(room).get("controls")).as("controls on the room's globe").isEmpty();
        screenshot(room, "presenter-globe");

        // In Korean: the interface's texts and the scenario's Korean names.
        click(console, By.id("present-clear"));
        room.get(base() + "/present.html?exercise=" + EX + "&lang=ko");
        waitForText(room, By.id("room-side"), ConsoleTexts.of("ko").get("present.injects"));
        String korean = (String) screen(room).get("text");
        assertThat(korean).contains(ConsoleTexts.of("ko").get("chart.unified")).doesNotContain("Released to all delegations")
                .doesNotContain("Unified-understanding");
        // the chart's labels all inside it once the Korean font has arrived (it is drawn again then)
        String chartLabels = """
                const labels = [...document.querySelectorAll('#room-unified text.label')];
                return { n: labels.length, cut: labels.filter((l) => l.getBBox().x < 0).length };
                """;
        try {
            new WebDriverWait(room, WAIT).until(d -> js(d, chartLabels).get("cut").equals(0L));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat(js(room, chartLabels)).as("labels cut off at the left").containsEntry("cut", 0L);
        }
        assertThat(((Number) js(room, chartLabels).get("n")).intValue()).as("labels of the unified-understanding chart")
                .isGreaterThanOrEqualTo(4);
        screenshot(room, "presenter-ko");
        severeConsoleMessagesNone(room);
        severeConsoleMessagesNone(console);
    }
}
