package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Control's clock as control sees and uses it: only the buttons the clock's state allows, the speed it really runs
 * at, "Run to inject" that stops the clock at the next inject's time, the moves to jump to with the next one first,
 * and a jump back that asks first, says what happens, and leaves the clock where it was when dismissed.
 */
@Tag("browser")
class ClockControlBrowserTest {

    static final String PASSWORD = "clock-demo-password";
    static final String EX = "rok-us-space-ttx";
    static final Duration WAIT = Duration.ofSeconds(30);

    static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.ofItsOwn(PASSWORD, false);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    static JsonNode clock(ApiClient api) {
        return api.get("/api/exercises/" + EX + "/feed").json().get("clock");
    }

    static boolean shown(WebDriver d, String id) {
        return d.findElement(By.id(id)).isDisplayed();
    }

    @Test
    void oneClickCannotRewindTheExercise() throws Exception {
        ApiClient api = new ApiClient(demo.server().port());
        assertThat(api.login("control", PASSWORD).status()).isEqualTo(200);
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            ConsoleBrowserTest.login(d, demo.server().port(), "control", PASSWORD);
            ConsoleBrowserTest.click(d, By.id("tab-control"));
            WebDriverWait wait = new WebDriverWait(d, WAIT);
            // not started: only "Start exercise"
            assertThat(shown(d, "start-exercise")).isTrue();
            assertThat(shown(d, "start-clock")).isFalse();
            assertThat(shown(d, "pause-clock")).isFalse();
            d.findElement(By.id("start-exercise")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-clock")));
            assertThat(shown(d, "start-exercise")).isFalse();
            assertThat(shown(d, "pause-clock")).isFalse();
            assertThat(d.findElement(By.id("run-to-next")).getText()).isEqualTo("Run to inject #1 (2023-11-14 01:00:00Z)");

            // the speed control sets is the speed shown
            WebElement speed = d.findElement(By.id("speed"));
            speed.clear();
            speed.sendKeys("1200");
            d.findElement(By.id("set-speed")).click();
            wait.until(ExpectedConditions.textToBe(By.id("clock-speed"), "now ×1200"));
            d.findElement(By.id("tab-feed")).click();
            d.findElement(By.id("tab-control")).click();
            assertThat(d.findElement(By.id("speed")).getDomProperty("value")).isEqualTo("1200");

            // "Run to inject #1": the clock runs (only "Pause" offered), then stops at 01:00 with inject 1 released
            d.findElement(By.id("run-to-next")).click();
            wait.until(x -> clock(api).get("running").asBoolean() || "2023-11-14T01:00:00Z".equals(clock(api).get("scenarioTime").asText()));
            wait.until(x -> !clock(api).get("running").asBoolean());
            JsonNode paused = clock(api);
            assertThat(paused.get("scenarioTime").asText()).isEqualTo("2023-11-14T01:00:00Z");
            assertThat(api.get("/api/exercises/" + EX + "/feed").json().get("injects").toString()).contains("\"number\":1");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-clock")));
            assertThat(d.findElement(By.id("start-clock")).getText()).isEqualTo("Resume clock");
            assertThat(shown(d, "pause-clock")).isFalse();
            wait.until(ExpectedConditions.textToBe(By.id("clock-time"), "2023-11-14 01:00:00Z"));

            // the moves: the next one first; a jump ahead goes at once
            List<WebElement> options = new Select(d.findElement(By.id("jump-move"))).getOptions();
            assertThat(options.get(0).getDomAttribute("value")).isEqualTo("M2");
            assertThat(options.get(0).getText()).startsWith("next: M2");
            ConsoleBrowserTest.choose(d, By.id("jump-move"), "M3");
            d.findElement(By.id("jump")).click();
            try {
                wait.until(x -> "M3".equals(clock(api).get("move").asText()));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(clock(api) + " status: " + d.findElement(By.id("status")).getText() + " chosen "
                        + new Select(d.findElement(By.id("jump-move"))).getFirstSelectedOption().getText(), e);
            }
            String atM3 = clock(api).get("scenarioTime").asText();
            assertThat(atM3).isEqualTo("2023-11-24T00:00:00Z");
            // once the page has the new clock: the next move first, the one behind it, and back to the start
            wait.until(x -> new Select(x.findElement(By.id("jump-move"))).getOptions().stream().map(WebElement::getText).toList()
                    .toString().matches("\\[next: M4 .*, back to M3 .*, back to M2 .*, back to M1 .*\\]"));

            // going back asks first and says what happens; dismissed, the clock stays at M3
            ConsoleBrowserTest.choose(d, By.id("jump-move"), "M1");
            d.findElement(By.id("jump")).click();
            WebElement dialog;
            try {
                dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("jump-back-dialog")));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(clock(api) + " value " + d.findElement(By.id("jump-move")).getDomProperty("value")
                        + " options " + new Select(d.findElement(By.id("jump-move"))).getOptions().stream().map(WebElement::getText).toList()
                        + " status " + d.findElement(By.id("status")).getText() + " log " + d.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                        + " open " + ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.getElementById('jump-back-dialog').open"), e);
            }
            assertThat(dialog.getText()).contains("Go back in time?").contains("2023-11-24 00:00:00Z").contains("2023-11-14 00:00:00Z")
                    .contains("M1").containsPattern("The \\d+ injects released since then stay released");
            ConsoleBrowserTest.screenshot(d, "clock-jump-back-asked");
            d.findElement(By.id("jump-back-cancel")).click();
            wait.until(ExpectedConditions.invisibilityOf(dialog));
            Thread.sleep(1500); // whatever might have been sent would have arrived
            assertThat(clock(api).get("scenarioTime").asText()).as("the clock after the dismissed confirmation").isEqualTo(atM3);
            assertThat(clock(api).get("move").asText()).isEqualTo("M3");
            // confirmed, it goes back
            ConsoleBrowserTest.choose(d, By.id("jump-move"), "M1");
            d.findElement(By.id("jump")).click();
            wait.until(ExpectedConditions.visibilityOf(dialog));
            d.findElement(By.id("jump-back-confirm")).click();
            wait.until(x -> "2023-11-14T00:00:00Z".equals(clock(api).get("scenarioTime").asText()));
            ConsoleBrowserTest.screenshot(d, "clock-after-going-back");
            ConsoleBrowserTest.severeConsoleMessagesNone(d);
        } finally {
            d.quit();
        }
    }
}
