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
import org.openqa.selenium.support.ui.Select;
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

    /**
     * The evaluation form per objective (issue 28, item 5): the observer gives O1's criteria their results, a rating,
     * strengths and areas for improvement; the form says what was saved, keeps it over a reload, reads in Korean, and
     * the export carries it. The delegate's console has no such view, and its export is refused.
     */
    @Test
    void theObserverEvaluatesAnObjectiveAndExportsTheEvaluation() throws Exception {
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            ConsoleBrowserTest.login(d, demo.server().port(), "observer", PASSWORD);
            ConsoleBrowserTest.click(d, By.id("tab-evaluation"));
            new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("eval-0-box")));
            assertThat(d.findElement(By.id("eval-0-title")).getText()).startsWith("O1: Reach a unified understanding");
            assertThat(d.findElement(By.id("eval-0")).isDisplayed()).as("each objective's form folded until opened").isFalse();
            ConsoleBrowserTest.click(d, By.cssSelector("#eval-0-box summary"));
            // O1 is about the injects each nation was given alone: the form lists them
            assertThat(d.findElement(By.id("eval-0-injects")).getText()).startsWith("Injects about this objective: #1 ")
                    .contains("#2 New activity at the Sohae assembly building").contains("#3 Russian engineers reported at Sohae");
            assertThat(d.findElement(By.id("eval-0-status")).getText()).isEqualTo("Not evaluated by you yet.");
            ConsoleBrowserTest.choose(d, By.id("eval-0-c0"), "met");
            ConsoleBrowserTest.choose(d, By.id("eval-0-c1"), "partly");
            ConsoleBrowserTest.choose(d, By.id("eval-0-rating"), "M");
            ConsoleBrowserTest.type(d, By.id("eval-0-strengths"), "Both stated their confidence before the reveal.");
            ConsoleBrowserTest.type(d, By.id("eval-0-improvements"), "KOR held inject 2 for a day before sharing.");
            ConsoleBrowserTest.click(d, By.id("eval-0-save"));
            new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("eval-0-status"), "Your evaluation: M: performed with major challenges, saved at 2023-"));
            ConsoleBrowserTest.screenshot(d, "evaluator-evaluation");

            assertThat(d.findElement(By.id("eval-0-mine")).getText()).isEqualTo("· M");
            d.navigate().refresh();
            new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("eval-0-box")));
            ConsoleBrowserTest.click(d, By.cssSelector("#eval-0-box summary"));
            new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("eval-0-status"), "Your evaluation: M"));
            assertThat(new Select(d.findElement(By.id("eval-0-rating"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("M");
            assertThat(new Select(d.findElement(By.id("eval-0-c1"))).getFirstSelectedOption().getText()).isEqualTo("partly met");
            assertThat(d.findElement(By.id("eval-0-improvements")).getAttribute("value")).isEqualTo("KOR held inject 2 for a day before sharing.");

            new Select(d.findElement(By.id("language"))).selectByValue("ko");
            new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("eval-0-status"), "나의 평가: M: 큰 어려움 속에 수행"));
            assertThat(d.findElement(By.id("eval-heading")).getText()).isEqualTo("목표별 평가");
            assertThat(new Select(d.findElement(By.id("eval-0-c1"))).getFirstSelectedOption().getText()).isEqualTo("부분 충족");
            assertThat(d.findElement(By.id("eval-0-title")).getText()).startsWith("O1: 북한 정찰위성 능력");
            ConsoleBrowserTest.screenshot(d, "evaluator-evaluation-ko");

            // the export link, as the page offers it, in the page's language
            String href = d.findElement(By.id("eval-export")).getAttribute("href");
            assertThat(href).endsWith("/api/exercises/" + EX + "/evaluation.csv?lang=ko");
            String csv = (String) ((org.openqa.selenium.JavascriptExecutor) d).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href);
            assertThat(csv).startsWith("objective,objective_title,evaluator,rating,rating_meaning,criteria,strengths,areas_for_improvement")
                    .contains("O1,").contains(",observer,M,\"큰 어려움 속에 수행\",").contains("KOR held inject 2 for a day before sharing.");
        } finally {
            d.quit();
        }
        WebDriver delegate = ConsoleBrowserTest.browser();
        try {
            ConsoleBrowserTest.login(delegate, demo.server().port(), "kor1", PASSWORD);
            assertThat(delegate.findElements(By.id("tab-evaluation"))).isEmpty();
            assertThat(delegate.findElement(By.id("eval-objectives")).isDisplayed()).isFalse();
            long status = (Long) ((org.openqa.selenium.JavascriptExecutor) delegate).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch('/api/exercises/" + EX + "/evaluation.csv').then(r => done(r.status));");
            assertThat(status).isEqualTo(403);
        } finally {
            delegate.quit();
        }
    }
}
