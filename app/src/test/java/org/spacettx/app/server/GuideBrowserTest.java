package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spacettx.app.server.ConsoleBrowserTest.until;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The guides per role (issue 28, item 10): each view's "?" opens its role's guide, in the reader's language, at that
 * view's section, and the guide shows its screenshots; and this test takes those screenshots, in English and Korean,
 * into docs/guides/images, so that the guides show the console as it is.
 */
@Tag("browser")
class GuideBrowserTest {

    static final String PASSWORD = "guide-demo-password";
    static final String EX = "rok-us-space-ttx";
    static final Path IMAGES = Path.of("..", "docs", "guides", "images");

    static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.ofItsOwn(PASSWORD, true);
        ApiClient control = demo.as("control");
        assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M1\"}").status()).isEqualTo(200);
        assertThat(control.postBytes("/api/exercises/" + EX + "/injects/2/files?name=sohae-assembly-building.png",
                AttachmentTest.png(480, 270), "image/png").status()).isEqualTo(201);
        for (int n : new int[] {1, 2, 4}) {
            control.command(EX, "{\"type\":\"ReleaseInject\",\"number\":" + n + "}");
        }
        assertThat(demo.as("kor1").command(EX, "{\"type\":\"SubmitAnswer\",\"question\":\"Q1\",\"value\":{\"type\":\"Number\",\"value\":70},"
                + "\"confidence\":\"MODERATE\",\"rationale\":\"Crane and vehicles at the assembly building\"}").status()).isEqualTo(200);
        Files.createDirectories(IMAGES);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    static void shoot(WebDriver d, String name) throws Exception {
        Thread.sleep(400); // what the view draws after it is shown (charts, the map's tiles)
        Files.write(IMAGES.resolve(name + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
    }

    static void language(WebDriver d, String lang) {
        new Select(d.findElement(By.id("language"))).selectByValue(lang);
    }

    /** The "?" of the view shown leads to the guide at its section, whose screenshots load. */
    static void helpLeadsTo(WebDriver d, String guide, String view) {
        String href = d.findElement(By.id("help-link")).getDomProperty("href");
        assertThat(href).endsWith("/guides/" + guide + "#" + view);
        String console = d.getWindowHandle();
        ((JavascriptExecutor) d).executeScript("window.open(arguments[0], '_blank')", href);
        String tab = d.getWindowHandles().stream().filter(h -> !h.equals(console)).findFirst().orElseThrow();
        d.switchTo().window(tab);
        until(d, "the guide's section " + view, x -> !x.findElements(By.id(view)).isEmpty());
        until(d, "its screenshots drawn", x -> (Boolean) ((JavascriptExecutor) x).executeScript(
                "return [...document.images].every((i) => i.complete && i.naturalWidth > 0)"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isNotBlank();
        d.close();
        d.switchTo().window(console);
    }

    @Test
    void eachRolesQuestionMarkOpensItsGuideWhoseScreenshotsAreTakenHere() throws Exception {
        for (String user : List.of("control", "kor1", "observer")) {
            WebDriver d = ConsoleBrowserTest.browser();
            try {
                d.manage().window().setSize(new Dimension(1280, 860));
                ConsoleBrowserTest.login(d, demo.server().port(), user, PASSWORD);
                for (String lang : List.of("en", "ko")) {
                    language(d, lang);
                    String suffix = lang.equals("ko") ? ".ko" : "";
                    switch (user) {
                        case "control" -> {
                            ConsoleBrowserTest.click(d, By.id("tab-control"));
                            ((JavascriptExecutor) d).executeScript("document.getElementById('msel-timeline').scrollIntoView()");
                            shoot(d, "controller-control-" + lang);
                            helpLeadsTo(d, "controller" + suffix, "control");
                            ConsoleBrowserTest.click(d, By.id("tab-people"));
                            shoot(d, "administrator-people-" + lang);
                            helpLeadsTo(d, "administrator" + suffix, "people");
                        }
                        case "kor1" -> {
                            ConsoleBrowserTest.click(d, By.id("tab-feed"));
                            until(d, "the attached image drawn", x -> (Boolean) ((JavascriptExecutor) x).executeScript(
                                    "const i = document.querySelector(\"#feed [data-inject='2'] img\"); return !!i && i.complete && i.naturalWidth > 0"));
                            shoot(d, "delegate-feed-" + lang);
                            helpLeadsTo(d, "delegate" + suffix, "feed");
                            ConsoleBrowserTest.click(d, By.id("tab-assessments"));
                            shoot(d, "delegate-assessments-" + lang);
                            helpLeadsTo(d, "delegate" + suffix, "assessments");
                        }
                        default -> {
                            ConsoleBrowserTest.click(d, By.id("tab-evaluation"));
                            if (d.findElement(By.id("eval-0")).isDisplayed() == false) {
                                ConsoleBrowserTest.click(d, By.cssSelector("#eval-0-box summary"));
                            }
                            ((JavascriptExecutor) d).executeScript("document.getElementById('eval-heading').scrollIntoView()");
                            shoot(d, "evaluator-evaluation-" + lang);
                            helpLeadsTo(d, "evaluator" + suffix, "evaluation");
                        }
                    }
                }
                if (user.equals("control")) {
                    // the planning workspace: a draft from the demo
                    d.get("http://127.0.0.1:" + demo.server().port() + "/plan.html");
                    ConsoleBrowserTest.click(d, By.id("new-template"));
                    until(d, "the draft opens", x -> x.findElement(By.id("editor-view")).isDisplayed());
                    for (String lang : List.of("en", "ko")) {
                        language(d, lang);
                        ConsoleBrowserTest.click(d, By.id("tab-places"));
                        Thread.sleep(1500); // the map's tiles
                        shoot(d, "planner-workspace-" + lang);
                        helpLeadsTo(d, "planner" + (lang.equals("ko") ? ".ko" : ""), "workspace");
                    }
                }
            } finally {
                d.quit();
            }
        }
        assertThat(IMAGES.resolve("delegate-feed-ko.png")).exists();
    }
}
