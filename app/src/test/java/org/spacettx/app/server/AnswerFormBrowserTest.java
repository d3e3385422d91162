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
 * The answer form tells no lies: once the round is revealed it gives way to a line saying answers reopen with the next
 * round (no blank form with "low" under "Your answer: 70"); the next round's form is empty, as that round is. Control
 * previews the answers before revealing them.
 */
@Tag("browser")
class AnswerFormBrowserTest {

    static final String PASSWORD = "answer-demo-password";
    static final String EX = "rok-us-space-ttx";
    static final Duration WAIT = Duration.ofSeconds(20);

    static DemoServer demo;

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
    void aRevealedRoundClosesTheFormAndTheNextOpensItEmpty() throws Exception {
        ApiClient control = new ApiClient(demo.server().port());
        assertThat(control.login("control", PASSWORD).status()).isEqualTo(200);
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            ConsoleBrowserTest.login(d, demo.server().port(), "kor1", PASSWORD);
            ConsoleBrowserTest.type(d, By.id("answer-Q1"), "70");
            new Select(d.findElement(By.id("answer-Q1-confidence"))).selectByValue("MODERATE");
            d.findElement(By.id("answer-Q1-rationale")).sendKeys("launch preparations seen at Sohae");
            d.findElement(By.cssSelector("[data-question='Q1'] form button[type=submit]")).click();
            WebDriverWait wait = new WebDriverWait(d, WAIT);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-question='Q1']"), "Your answer: 70"));
            // control reads the answer before revealing it, folded away from the room's eyes
            WebDriver c = ConsoleBrowserTest.browser();
            try {
                ConsoleBrowserTest.login(c, demo.server().port(), "control", PASSWORD);
                ConsoleBrowserTest.click(c, By.cssSelector("[data-preview='Q1'] summary"));
                assertThat(c.findElement(By.cssSelector("[data-preview='Q1']")).getText())
                        .contains("kor: 70 · moderate · launch preparations seen at Sohae");
            } finally {
                c.quit();
            }
            assertThat(control.command(EX, "{\"type\":\"RevealQuestion\",\"question\":\"Q1\"}").status()).isEqualTo(200);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-question='Q1']"),
                    "This round is revealed: answers reopen when control opens the next round."));
            assertThat(d.findElements(By.id("answer-Q1"))).as("no form under the revealed answer").isEmpty();
            assertThat(d.findElement(By.cssSelector("[data-question='Q1']")).getText()).contains("Your answer: 70");
            ConsoleBrowserTest.screenshot(d, "answer-after-reveal");
            assertThat(control.command(EX, "{\"type\":\"OpenRound\",\"question\":\"Q1\"}").status()).isEqualTo(200);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answer-Q1")));
            assertThat(d.findElement(By.id("answer-Q1")).getDomProperty("value")).isEmpty();
            assertThat(d.findElement(By.cssSelector("[data-question='Q1']")).getText()).contains("round 2");
        } finally {
            d.quit();
        }
    }

    @Test
    void backGoesToTheViewBeforeAndStaysInTheExercise() throws Exception {
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            ConsoleBrowserTest.login(d, demo.server().port(), "usa1", PASSWORD);
            d.findElement(By.id("tab-feed")).click();
            d.findElement(By.id("tab-coordination")).click();
            assertThat(d.getCurrentUrl()).endsWith("#coordination");
            d.navigate().back();
            new WebDriverWait(d, WAIT).until(ExpectedConditions.urlMatches("#feed$"));
            new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("view-feed")));
            assertThat(d.findElement(By.id("tab-feed")).getDomAttribute("aria-selected")).isEqualTo("true");
            d.navigate().back();
            new WebDriverWait(d, WAIT).until(ExpectedConditions.urlMatches("#overview$"));
            assertThat(d.findElement(By.id("exercise-view")).isDisplayed()).as("still in the exercise").isTrue();
            d.navigate().forward();
            new WebDriverWait(d, WAIT).until(ExpectedConditions.urlMatches("#feed$"));
        } finally {
            d.quit();
        }
    }

    @Test
    void aHalfTypedMessageSurvivesAReloadAndGoesOnceSent() throws Exception {
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            ConsoleBrowserTest.login(d, demo.server().port(), "kor1", PASSWORD);
            ConsoleBrowserTest.click(d, By.id("tab-coordination"));
            ConsoleBrowserTest.type(d, By.id("msg-body"), "Our radar held the object until 0342Z; we");
            d.navigate().refresh();
            new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("msg-body")));
            new WebDriverWait(d, WAIT).until(x -> x.findElement(By.id("msg-body")).getDomProperty("value")
                    .equals("Our radar held the object until 0342Z; we"));
            ConsoleBrowserTest.type(d, By.id("msg-body"), " share the track.");
            ConsoleBrowserTest.choose(d, By.id("msg-to"), "usa");
            ConsoleBrowserTest.click(d, By.cssSelector("#message-form button[type=submit]"));
            new WebDriverWait(d, WAIT).until(x -> x.findElement(By.id("msg-body")).getDomProperty("value").isEmpty());
            d.navigate().refresh();
            new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("msg-body")));
            new WebDriverWait(d, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("threads"), "share the track."));
            assertThat(d.findElement(By.id("msg-body")).getDomProperty("value")).as("sent, no longer a draft").isEmpty();
        } finally {
            d.quit();
        }
    }
}
