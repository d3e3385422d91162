package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every view of the console, for control, a delegation and the observer, in English and in Korean, passes axe-core's
 * WCAG 2.1 A and AA rules with no serious or critical violation (Deque's axe-core, run inside the page as it is
 * shown, each view in turn, with the exercise in play: injects and a message); so do the room's screen and the
 * planning workspace.
 */
@Tag("browser")
class AccessibilityBrowserTest {

    static final String PASSWORD = "axe-demo-password";
    static final String EX = "rok-us-space-ttx";
    static final ObjectMapper JSON = new ObjectMapper();

    static DemoServer demo;
    static String axe;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.ofItsOwn(PASSWORD, true);
        ApiClient control = demo.as("control");
        assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M2\"}").status()).isEqualTo(200);
        ApiClient kor = demo.as("kor1");
        assertThat(kor.command(EX, "{\"type\":\"PostMessage\",\"toCell\":\"usa\",\"body\":\"Our radar holds the object.\","
                + "\"marking\":\"REL TO KOR, USA\"}").status()).isEqualTo(200);
        try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    /** The serious and critical violations of the page as shown, one line each: rule, impact, element. */
    static List<String> violations(WebDriver d, String where) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) d;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
            js.executeScript(axe);
        }
        String result = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
                + " resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ' ' + n.html.slice(0, 140))))),"
                + " e => done(JSON.stringify(['axe failed: ' + e])));");
        List<String> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(result)) {
            out.add(where + ": " + n.asText());
        }
        return out;
    }

    @Test
    void everyViewOfEveryRoleInBothLanguagesHasNoSeriousOrCriticalViolation() throws Exception {
        List<String> found = new ArrayList<>();
        int checked = 0;
        for (String user : List.of("control", "kor1", "observer")) {
            WebDriver d = ConsoleBrowserTest.browser();
            try {
                d.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
                ConsoleBrowserTest.login(d, demo.server().port(), user, PASSWORD);
                if (user.equals("control")) {
                    // the room's screen and the planning workspace, in both languages
                    for (String lang : List.of("en", "ko")) {
                        d.get("http://127.0.0.1:" + demo.server().port() + "/present.html?exercise=" + EX + "&lang=" + lang);
                        Thread.sleep(1500);
                        found.addAll(violations(d, "room " + lang));
                        d.get("http://127.0.0.1:" + demo.server().port() + "/plan.html");
                        new Select(new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(20))
                                .until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.id("language"))))
                                .selectByValue(lang);
                        Thread.sleep(1500);
                        found.addAll(violations(d, "plan " + lang));
                        d.get("http://127.0.0.1:" + demo.server().port() + "/guides/controller" + (lang.equals("ko") ? ".ko" : ""));
                        found.addAll(violations(d, "guide " + lang));
                        checked += 3;
                    }
                    d.get("http://127.0.0.1:" + demo.server().port() + "/?exercise=" + EX); // still signed in
                    new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(20))
                            .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.id("exercise-view")));
                }
                for (String lang : List.of("en", "ko")) {
                    new Select(d.findElement(By.id("language"))).selectByValue(lang);
                    List<WebElement> tabs = d.findElements(By.cssSelector("#view-tabs [role=tab]"));
                    for (int k = 0; k < tabs.size(); k++) {
                        WebElement tab = d.findElements(By.cssSelector("#view-tabs [role=tab]")).get(k);
                        String view = tab.getDomAttribute("data-view");
                        tab.click();
                        Thread.sleep(700); // the view's content (maps, charts) drawn
                        found.addAll(violations(d, user + " " + lang + " " + view));
                        checked++;
                    }
                }
            } finally {
                d.quit();
            }
        }
        assertThat(checked).as("views checked").isGreaterThanOrEqualTo(36);
        assertThat(found).as("serious or critical accessibility violations").isEmpty();
    }
}
