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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A new inject is announced to a reader looking elsewhere (issue 28, item 8): the window's title counts the injects
 * not yet acknowledged, a tone plays unless the reader turned it off (the choice survives a reload), and while the
 * page is hidden a desktop notification names the inject, in the reader's language, once the reader allowed them.
 * The browser's audio and notifications are watched through their own interfaces (a recorder installed before the
 * page's scripts run), not through anything the page offers for tests.
 */
@Tag("browser")
class NoticeBrowserTest {

    static final String PASSWORD = "notice-demo-password";
    static final String EX = "rok-us-space-ttx";

    /** Counts the oscillators the page starts and the notifications it shows; the page's visibility is ours to set. */
    static final String RECORDER = """
            window.__tones = 0;
            const start = OscillatorNode.prototype.start;
            OscillatorNode.prototype.start = function (...a) { window.__tones++; return start.apply(this, a); };
            window.__notes = [];
            window.__permission = 'default';
            window.Notification = class {
              constructor(title, options) { window.__notes.push({ title, body: options && options.body }); }
              static get permission() { return window.__permission; }
              static requestPermission() { window.__permission = 'granted'; return Promise.resolve('granted'); }
            };
            window.__visibility = 'visible';
            Object.defineProperty(Document.prototype, 'visibilityState', { get: () => window.__visibility });
            """;

    static DemoServer demo;
    static ApiClient control;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.ofItsOwn(PASSWORD, true);
        control = demo.as("control");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    static void release(int number) {
        assertThat(control.command(EX, "{\"type\":\"ReleaseInject\",\"number\":" + number + "}").status()).isEqualTo(200);
    }

    static Object js(WebDriver d, String script) {
        return ((JavascriptExecutor) d).executeScript(script);
    }


    @Test
    void aNewInjectIsCountedInTheTitleSoundedAndNotifiedWhileThePageIsHidden() throws Exception {
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            ((ChromiumDriver) d).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
            ConsoleBrowserTest.login(d, demo.server().port(), "kor1", PASSWORD);
            assertThat(d.getTitle()).isEqualTo("SpaceTTX — ROK-US Space Tabletop Exercise (demo)");
            assertThat(d.findElement(By.id("sound-on")).isSelected()).as("the tone is on until turned off").isTrue();
            ConsoleBrowserTest.click(d, By.id("notify-enable"));
            until(d, "the offer of notifications goes once they are allowed", x -> !x.findElement(By.id("notify-enable")).isDisplayed());
            ConsoleBrowserTest.screenshot(d, "notice-header");

            // looked at: the title counts it, a tone plays, no desktop notification
            release(1);
            until(d, "the title counts the new inject", x -> x.getTitle().startsWith("(1) SpaceTTX"));
            until(d, "a tone", x -> ((Long) js(x, "return window.__tones")) == 2); // two notes
            assertThat((List<?>) js(d, "return window.__notes")).isEmpty();

            // hidden (another tab, minimised): a desktop notification names it
            js(d, "window.__visibility = 'hidden'");
            release(4);
            until(d, "the title counts two", x -> x.getTitle().startsWith("(2) SpaceTTX"));
            until(d, "a notification", x -> ((List<?>) js(x, "return window.__notes")).size() == 1);
            assertThat(js(d, "return window.__notes[0].title")).isEqualTo("New inject");
            assertThat(js(d, "return window.__notes[0].body")).isEqualTo("#4 Launch window notified to maritime authorities");
            assertThat((Long) js(d, "return window.__tones")).isEqualTo(4);

            // the tone turned off stays off, after a reload too; the notification reads in Korean
            ConsoleBrowserTest.click(d, By.id("sound-on"));
            d.navigate().refresh();
            ConsoleBrowserTest.waitFor(d, By.id("exercise-view"));
            until(d, "the page is back with its count", x -> x.getTitle().startsWith("(2) SpaceTTX"));
            assertThat(d.findElement(By.id("sound-on")).isSelected()).isFalse();
            new Select(d.findElement(By.id("language"))).selectByValue("ko");
            js(d, "window.__visibility = 'hidden'; window.__permission = 'granted'");
            release(5);
            until(d, "the title counts three", x -> x.getTitle().startsWith("(3) SpaceTTX"));
            until(d, "a notification in Korean", x -> ((List<?>) js(x, "return window.__notes")).size() == 1);
            assertThat(js(d, "return window.__notes[0].title")).isEqualTo("새 상황");
            assertThat((String) js(d, "return window.__notes[0].body")).startsWith("#5 ");
            assertThat((Long) js(d, "return window.__tones")).as("no tone once turned off").isZero();
            assertThat(d.findElement(By.cssSelector("label[for=sound-on]")).getText()).isEqualTo("새 상황 알림음");

            // acknowledged, the injects leave the title's count
            js(d, "window.__visibility = 'visible'");
            ConsoleBrowserTest.click(d, By.id("tab-feed"));
            ConsoleBrowserTest.click(d, By.id("ack-all"));
            until(d, "the title counts nothing once all are acknowledged", x -> x.getTitle().startsWith("SpaceTTX"));
        } finally {
            d.quit();
        }
    }
}
