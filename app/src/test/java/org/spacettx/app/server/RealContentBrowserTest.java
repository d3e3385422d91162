package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real content does not break the pages: a message carrying a 3,000-character URL and one of 9,173 characters keep
 * every view of the reader's console within the window's width, at 1,400 px and at tablet width; the long message is
 * folded to a few lines with "Show all", which shows the rest.
 */
@Tag("browser")
class RealContentBrowserTest {

    static final String PASSWORD = "content-demo-password";
    static final String EX = "rok-us-space-ttx";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String URL = "https://example.org/imagery?id=" + "a1b2c3d4e5".repeat(297);
    static final String LONG;

    static {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 9_173; i++) {
            b.append("Paragraph ").append(i).append(": the ROK delegation's assessment of the launch, the first overflights and the allied response. ");
        }
        LONG = b.substring(0, 9_173);
    }

    static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.ofItsOwn(PASSWORD, true);
        ApiClient control = demo.as("control");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String body : List.of("See " + URL + " for the imagery.", LONG)) {
            String command = json.writeValueAsString(java.util.Map.of("type", "PostMessage", "toCell", "kor", "body", body,
                    "marking", "REL TO KOR, USA"));
            assertThat(control.command(EX, command).status()).isEqualTo(200);
        }
        assertThat(URL.length()).isGreaterThan(2_999);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void everyViewStaysWithinTheWindowAndALongMessageFolds() throws Exception {
        WebDriver d = ConsoleBrowserTest.browser();
        JavascriptExecutor js = (JavascriptExecutor) d;
        try {
            ConsoleBrowserTest.login(d, demo.server().port(), "kor1", PASSWORD);
            for (Dimension size : List.of(new Dimension(1400, 1000), new Dimension(800, 1280))) {
                d.manage().window().setSize(size);
                for (WebElement tab : d.findElements(By.cssSelector("#view-tabs [role=tab]"))) {
                    tab.click();
                    String view = tab.getDomAttribute("data-view");
                    if (view.equals("coordination")) {
                        new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#threads .fold-toggle")));
                    }
                    Number overflow = (Number) js.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    assertThat(overflow.intValue()).as("horizontal overflow of %s at %d px, px", view, size.width).isLessThanOrEqualTo(0);
                    ConsoleBrowserTest.screenshot(d, "content-" + size.width + "-" + view);
                }
            }
            d.manage().window().setSize(new Dimension(1400, 1000));
            ConsoleBrowserTest.click(d, By.id("tab-coordination"));
            // the long message is folded: the view stays about two screens; "Show all" shows the whole text
            Number height = (Number) js.executeScript("return document.documentElement.scrollHeight / window.innerHeight");
            assertThat(height.doubleValue()).as("the Coordination view's height in screens").isLessThan(2.3);
            WebElement toggle = d.findElements(By.cssSelector("#threads .fold-toggle")).stream()
                    .filter(b -> b.findElement(By.xpath("../p")).getDomProperty("textContent").startsWith("Paragraph 0:")).findFirst().orElseThrow();
            WebElement text = toggle.findElement(By.xpath("../p"));
            int folded = text.getSize().getHeight();
            assertThat(folded).isLessThan(200);
            assertThat(toggle.getText()).isEqualTo("Show all");
            toggle.click();
            assertThat(text.getSize().getHeight()).as("unfolded").isGreaterThan(5 * folded);
            assertThat(toggle.getText()).isEqualTo("Show less");
            assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
            assertThat(text.getDomProperty("textContent")).isEqualTo(LONG.strip());
            ConsoleBrowserTest.severeConsoleMessagesNone(d);
        } finally {
            d.quit();
        }
    }
}
