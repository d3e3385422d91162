package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The evaluator's view: by the scenario's default ({@code evaluators: {sees: all}}) the observer reads the injects
 * each nation was given alone (KOR ONLY and USA ONLY: how the nations chose to share is what objective O1 is about)
 * and is offered each delegation's picture beside the truth.
 */
@Tag("browser")
class EvaluatorBrowserTest {

    static final String PASSWORD = "evaluator-demo-password";
    static final String EX = "rok-us-space-ttx";

    static DemoServer demo;

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
    void theObserverReadsTheNationOnlyInjectsAndEachDelegationsPicture() throws Exception {
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            ConsoleBrowserTest.login(d, demo.server().port(), "observer", PASSWORD);
            ConsoleBrowserTest.click(d, By.id("tab-feed"));
            while (d.findElement(By.id("feed-more")).isDisplayed()) {
                ConsoleBrowserTest.click(d, By.id("feed-more"));
            }
            String feed = d.findElement(By.id("feed")).getText();
            assertThat(feed).contains("KOR ONLY").contains("USA ONLY");
            ConsoleBrowserTest.click(d, By.id("tab-space"));
            new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("pictures-panel")));
            ConsoleBrowserTest.screenshot(d, "evaluator-space");
        } finally {
            d.quit();
        }
    }
}
