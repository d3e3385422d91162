package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spacettx.app.server.ConsoleBrowserTest.WAIT;
import static org.spacettx.app.server.ConsoleBrowserTest.browser;
import static org.spacettx.app.server.ConsoleBrowserTest.click;
import static org.spacettx.app.server.ConsoleBrowserTest.login;
import static org.spacettx.app.server.ConsoleBrowserTest.screenshot;
import static org.spacettx.app.server.ConsoleBrowserTest.severeConsoleMessagesNone;
import static org.spacettx.app.server.ConsoleBrowserTest.shows;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Participant feedback in two browsers (issue 15): control asks for feedback on move 1; the ROK delegate finds the
 * form in the overview, rates and comments, and the form goes; control reads the ratings counted and the comment,
 * with its cell since the request was not anonymous; the US delegate's report counts the rating but does not carry
 * the ROK comment.
 */
@Tag("browser")
class FeedbackBrowserTest {

    static final String PASSWORD = "feedback-browser-password";

    @TempDir
    static Path dir;
    static DemoServer demo;
    static WebDriver control;
    static WebDriver kor;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.start(dir, PASSWORD);
        control = browser();
        kor = browser();
    }

    @AfterAll
    static void stop() {
        for (WebDriver d : new WebDriver[] {control, kor}) {
            if (d != null) {
                d.quit();
            }
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void controlAsksADelegateAnswersAndControlReads() throws Exception {
        login(control, demo.server().port(), "control", PASSWORD);
        login(kor, demo.server().port(), "kor1", PASSWORD);
        assertThat(kor.findElement(By.id("feedback-box")).isDisplayed()).as("nothing asked yet").isFalse();

        click(control, By.id("tab-control"));
        click(control, By.id("start-exercise"));
        click(control, By.cssSelector("#feedback-control > summary"));
        new Select(control.findElement(By.id("fb-scope"))).selectByValue("M1");
        control.findElement(By.id("fb-anonymous")).click(); // not anonymous: control will see whose comment it is
        click(control, By.cssSelector("#feedback-request-form button[type=submit]"));

        click(kor, By.id("tab-overview"));
        new WebDriverWait(kor, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-box")));
        assertThat(kor.findElement(By.id("feedback-about")).getText()).contains("FB-1").contains("M1").doesNotContain("anonymous");
        kor.findElement(By.cssSelector("label[for='fb-structure-4']")).click();
        kor.findElement(By.cssSelector("label[for='fb-scenario-5']")).click();
        kor.findElement(By.id("fb-strengths")).sendKeys("The overflight warning drill was realistic");
        screenshot(kor, "feedback-form-kor");
        click(kor, By.cssSelector("#feedback-form button[type=submit]"));
        new WebDriverWait(kor, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("feedback-box")));

        new WebDriverWait(control, WAIT).until(shows(By.cssSelector("#feedback-results [data-feedback='FB-1']"), "1 responses"));
        String results = control.findElement(By.cssSelector("#feedback-results [data-feedback='FB-1']")).getText();
        assertThat(results).contains("The overflight warning drill was realistic (kor)");
        assertThat(results).contains("4.0").contains("5.0");
        screenshot(control, "feedback-results-control");
        assertThat(demo.as("usa1").get("/api/exercises/rok-us-space-ttx/report?format=json").body())
                .contains("\"responses\":1").doesNotContain("overflight warning drill");
        severeConsoleMessagesNone(control);
        severeConsoleMessagesNone(kor);
    }
}
