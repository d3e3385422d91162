package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spacettx.app.server.ConsoleBrowserTest.until;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The exercise played from the keyboard alone (issue 28, item 9): sign in, switch views, release an inject (control),
 * acknowledge the feed, answer a question and send a message (a delegate), every step with keys only; at every stop
 * of the Tab key the focus is seen (a ring of at least 2 px whose colour stands 3:1 against the page, WCAG 2.4.7 and
 * 1.4.11), and Tab never gets stuck. The room's screen keeps its texts at 4.5:1 against their background (3:1 for large
 * text), measured from the colours the browser computed, not by axe.
 */
@Tag("browser")
class KeyboardBrowserTest {

    static final String PASSWORD = "keyboard-demo-password";
    static final String EX = "rok-us-space-ttx";

    /** What has the focus, and how its ring looks. */
    static final String FOCUSED = """
            const e = document.activeElement;
            if (!e || e === document.body) return {where: 'body', ring: false, ratio: 0};
            const s = getComputedStyle(e);
            const c = (s.outlineColor.match(/[\\d.]+/g) || ['0', '0', '0']).map(Number);
            const lum = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            const l = 0.2126 * lum(c[0]) + 0.7152 * lum(c[1]) + 0.0722 * lum(c[2]);
            const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            const r = e.getBoundingClientRect();
            return {where: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40) + '"',
                    ring: ring, ratio: 1.05 / (l + 0.05), shown: r.width > 0 && r.height > 0};
            """;

    /** Each text's contrast against its background as composited from its ancestors (large: 24 px, or 18.66 px bold). */
    static final String CONTRASTS = """
            const rgba = (c) => { const p = (c.match(/[\\d.]+/g) || []).map(Number); return p.length < 3 ? null : {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
            const over = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1});
            const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
            const out = [];
            for (const el of document.querySelectorAll('body *')) {
              if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
              const box = el.getBoundingClientRect();
              const s = getComputedStyle(el);
              if (!box.width || !box.height || s.visibility === 'hidden' || el.closest('[hidden]')) continue;
              const layers = [];
              let image = false;
              for (let e = el; e; e = e.parentElement) {
                const t = getComputedStyle(e);
                if (t.backgroundImage !== 'none' || e.tagName === 'CANVAS' || e.classList.contains('leaflet-container')) { image = true; break; }
                const c = rgba(t.backgroundColor);
                if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
              }
              if (image) continue; // text over a map or picture: not a flat colour to measure against
              let bg = {r: 255, g: 255, b: 255, a: 1};
              for (const c of layers.reverse()) bg = over(c, bg);
              const fg = over(rgba(el instanceof SVGElement ? s.fill : s.color) || {r: 0, g: 0, b: 0, a: 1}, bg);
              const a = lum(fg), b = lum(bg);
              const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
              out.push({text: el.textContent.trim().slice(0, 50), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
                        need: size >= 24 || (bold && size >= 18.66) ? 3 : 4.5});
            }
            return out;
            """;

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

    /** Focus stops whose ring cannot be seen, gathered over the whole test. */
    final List<String> unseen = new ArrayList<>();

    @SuppressWarnings("unchecked")
    Map<String, Object> focused(WebDriver d) {
        Map<String, Object> f = (Map<String, Object>) ((JavascriptExecutor) d).executeScript(FOCUSED);
        if (!"body".equals(f.get("where")) && (!(Boolean) f.get("ring") || ((Number) f.get("ratio")).doubleValue() < 3)) {
            unseen.add(f.get("where") + " (ring " + f.get("ring") + ", " + String.format("%.1f", ((Number) f.get("ratio")).doubleValue()) + ":1)");
        }
        return f;
    }

    static void keys(WebDriver d, CharSequence... keys) {
        new Actions(d).sendKeys(keys).perform();
    }

    /** Presses Tab until the element matching {@code css} has the focus, checking the ring at every stop. */
    void tabTo(WebDriver d, String css) {
        for (int i = 0; i < 150; i++) {
            keys(d, Keys.TAB);
            focused(d);
            if ((Boolean) ((JavascriptExecutor) d).executeScript("return document.activeElement.matches(arguments[0])", css)) {
                return;
            }
        }
        throw new AssertionError("150 presses of Tab did not reach " + css);
    }

    /** Tabs through the whole page once round: every stop is seen, and the focus comes back where it began. */
    void tabRound(WebDriver d) {
        String first = null;
        for (int i = 0; i < 400; i++) {
            keys(d, Keys.TAB);
            String where = (String) focused(d).get("where");
            if (where.equals(first)) {
                return;
            }
            if (first == null && !where.equals("body")) {
                first = where;
            }
        }
        throw new AssertionError("the focus did not come round in 400 presses of Tab (a trap?)");
    }


    void signIn(WebDriver d, String user) {
        d.get("http://127.0.0.1:" + demo.server().port() + "/");
        until(d, "the sign-in form", x -> x.findElement(By.id("username")).isDisplayed());
        tabTo(d, "#username");
        keys(d, user, Keys.TAB, PASSWORD, Keys.ENTER);
        until(d, "the exercise opens", x -> x.findElement(By.id("exercise-view")).isDisplayed());
    }

    @Test
    void controlAndADelegatePlayWithTheKeyboardAloneAndAlwaysSeeTheFocus() throws Exception {
        WebDriver c = ConsoleBrowserTest.browser();
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            // control: to the MSEL (its first view), Tab to the release of inject 1, Enter
            signIn(c, "control");
            until(c, "the MSEL", x -> x.findElement(By.id("control-panel")).isDisplayed());
            tabRound(c);
            tabTo(c, "button[aria-label='Release #1']");
            keys(c, Keys.ENTER);
            until(c, "inject 1 released", x -> x.findElements(By.cssSelector("button[aria-label='Release #1']")).isEmpty());

            // the delegate: the key 2 opens the feed; Tab to "Acknowledge all", Enter
            signIn(d, "kor1");
            keys(d, "2");
            until(d, "the feed view", x -> x.findElement(By.id("view-feed")).isDisplayed());
            tabRound(d);
            tabTo(d, "#ack-all");
            keys(d, Keys.ENTER);
            until(d, "all acknowledged", x -> !x.findElement(By.id("ack-all")).isDisplayed());

            // the key 4 opens the assessments: Q1's probability, confidence by arrow keys, rationale, Enter
            keys(d, Keys.ESCAPE);
            ((JavascriptExecutor) d).executeScript("document.activeElement.blur()");
            keys(d, "4");
            until(d, "the assessments view", x -> x.findElement(By.id("view-assessments")).isDisplayed());
            tabRound(d);
            tabTo(d, "#answer-Q1");
            keys(d, "70", Keys.TAB);
            keys(d, Keys.ARROW_DOWN, Keys.TAB); // LOW -> MODERATE
            keys(d, "Crane and vehicles at the assembly building", Keys.ENTER);
            ConsoleBrowserTest.screenshot(d, "keyboard-kor1-answered");
            until(d, "the answer is taken", x -> x.findElement(By.id("view-assessments")).getText().contains("Your answer: 70"));
            assertThat(((JavascriptExecutor) d).executeScript("return document.getElementById('answer-Q1-confidence').value"))
                    .isEqualTo("MODERATE");

            // the key 5 opens coordination: a message (to control, the form's first addressee), sent with the keyboard
            ((JavascriptExecutor) d).executeScript("document.activeElement.blur()");
            keys(d, "5");
            until(d, "the coordination view", x -> x.findElement(By.id("view-coordination")).isDisplayed());
            tabRound(d);
            tabTo(d, "#msg-body");
            keys(d, "Sharing our imagery of Sohae.", Keys.TAB, Keys.ENTER);
            until(d, "the message is in the conversation", x -> x.findElement(By.id("threads")).getText().contains("Sharing our imagery of Sohae."));
            ConsoleBrowserTest.screenshot(d, "keyboard-kor1-coordination");

            // the other views, one round of Tab each
            for (String key : List.of("1", "3", "6")) {
                ((JavascriptExecutor) d).executeScript("document.activeElement.blur()");
                keys(d, key);
                Thread.sleep(500);
                tabRound(d);
            }
            assertThat(unseen).as("focus stops whose ring is not seen").isEmpty();
        } finally {
            c.quit();
            d.quit();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRoomsScreenKeepsItsTextsAtFourAndAHalfToOne() throws Exception {
        ApiClient control = demo.as("control");
        control.command(EX, "{\"type\":\"ReleaseInject\",\"number\":4}");
        assertThat(control.command(EX, "{\"type\":\"PresentItem\",\"kind\":\"inject\",\"ref\":\"4\"}").status()).isEqualTo(200);
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            ConsoleBrowserTest.login(d, demo.server().port(), "control", PASSWORD);
            for (String lang : List.of("en", "ko")) {
                d.get("http://127.0.0.1:" + demo.server().port() + "/present.html?exercise=" + EX + "&lang=" + lang);
                until(d, "the inject on the screen", x -> x.findElement(By.tagName("body")).getText().contains("#4"));
                List<Map<String, Object>> texts = (List<Map<String, Object>>) ((JavascriptExecutor) d).executeScript(CONTRASTS);
                assertThat(texts).as("texts measured").hasSizeGreaterThan(5);
                List<String> low = texts.stream().filter(t -> ((Number) t.get("ratio")).doubleValue() < ((Number) t.get("need")).doubleValue())
                        .map(t -> String.format("\"%s\" %.2f:1 (needs %s)", t.get("text"), ((Number) t.get("ratio")).doubleValue(), t.get("need")))
                        .toList();
                assertThat(low).as("room texts below their contrast (%s)", lang).isEmpty();
                ConsoleBrowserTest.screenshot(d, "room-contrast-" + lang);
            }
        } finally {
            d.quit();
        }
    }
}
