package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.spacettx.app.store.Database;
import org.spacettx.app.store.Databases;

/**
 * The web console in a real browser (Debian's headless Chromium): control and the ROK cell side by side, live
 * delivery without reloading, releasability, a blind answer revealed with its divergence, the map, Korean.
 */
@Tag("browser")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final String PASSWORD = "browser-demo-password";
    static final String EX = "rok-us-space-ttx";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\"> see attached";

    /** Selenium looks for a DevTools binding of this Chromium's version, which these tests do not use. */
    static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static Database db;
    static Server server;
    static WebDriver control;
    static WebDriver kor;

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        db = Databases.embedded();
        org.spacettx.app.cli.DemoAccess.prepare(db, PASSWORD);
        server = Server.start(db, Server.Options.local(0));
        control = browser();
        kor = browser();
    }

    @AfterAll
    static void stop() throws Exception {
        for (WebDriver d : new WebDriver[] {control, kor}) {
            if (d != null) {
                d.quit();
            }
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** Skips the calling test class without Chromium and its driver, or fails it when SPACETTX_REQUIRE_BROWSER is set. */
    static void requireBrowser() {
        CDP_LOG.setLevel(Level.SEVERE);
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        String missing = "the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)";
        if (System.getenv("SPACETTX_REQUIRE_BROWSER") != null) {
            assertThat(present).as(missing).isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, missing);
    }

    static WebDriver browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory("spacettx-chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new ChromeDriver(service, options);
    }

    static String url() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    static void login(WebDriver d, String user) {
        login(d, server.port(), user, PASSWORD);
    }

    /** Logs in through the console's form on the server at that port and waits for the demo exercise to open. */
    static void login(WebDriver d, int port, String user, String password) {
        d.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = new WebDriverWait(d, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("exercise-view")));
        wait.until(shows(By.id("exercise-title"), "ROK"));
    }

    /**
     * Waits until the condition holds, saying what was awaited when it does not; an element a live update redrew while
     * the condition read it is looked for again.
     */
    static void until(WebDriver d, String what, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(d, WAIT).withMessage(what).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    static WebElement waitFor(WebDriver d, By by) {
        return new WebDriverWait(d, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /**
     * Shows the view that holds an element, by clicking that view's tab as a user would, when the element is in a
     * hidden view; nothing when it is in the view shown, outside the views, or in a view the user's role lacks.
     */
    static void reveal(WebDriver d, By by) {
        List<WebElement> found = d.findElements(by);
        if (found.isEmpty()) {
            return;
        }
        String view;
        try {
            view = (String) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "const v = arguments[0].closest('[data-view]'); return v && v.hidden ? v.dataset.view : null;", found.get(0));
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return; // redrawn meanwhile: the caller's wait looks again
        }
        if (view != null) {
            d.findElements(By.id("tab-" + view)).forEach(WebElement::click);
        }
    }

    /** The element shows the text, once its view is shown (a text in a hidden view is not seen). */
    static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> shows(By by, String text) {
        return d -> {
            reveal(d, by);
            return ExpectedConditions.textToBePresentInElementLocated(by, text).apply(d);
        };
    }

    /** Chooses an option of a select (in its view), again if a live update redrew its options in between. */
    static void choose(WebDriver d, By by, String value) {
        new WebDriverWait(d, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(x -> {
                    new Select(visible(x, by)).selectByValue(value);
                    return true;
                });
    }

    /** An element, its view shown first. */
    static WebElement visible(WebDriver d, By by) {
        reveal(d, by);
        return d.findElement(by);
    }

    /** Clicks an element (in its view), finding it again if a live update redrew it in between. */
    static void click(WebDriver d, By by) {
        new WebDriverWait(d, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(x -> {
                    reveal(x, by);
                    x.findElement(by).click();
                    return true;
                });
    }

    /** The text of an element, read again if a live update redrew it meanwhile. */
    static String textOf(WebDriver d, By by) {
        return new WebDriverWait(d, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(x -> {
                    reveal(x, by);
                    return x.findElement(by).getText();
                });
    }

    /** Types into an element, finding it again if a live update redrew it before the keys went in. */
    static void type(WebDriver d, By by, String keys) {
        new WebDriverWait(d, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(x -> {
                    reveal(x, by);
                    x.findElement(by).sendKeys(keys);
                    return true;
                });
    }

    static void release(int inject) {
        click(control, By.cssSelector("button[aria-label='Release #" + inject + "']"));
    }

    static void severeConsoleMessagesNone(WebDriver d) {
        List<LogEntry> severe = d.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                // the page asks who is logged in before anyone is: that one 401 is how it learns to show the login
                .filter(e -> !(e.getMessage().contains("/api/me ") && e.getMessage().contains("401"))).toList();
        assertThat(severe).as("console errors (CSP violations, failed requests, script errors)").isEmpty();
    }

    static void screenshot(WebDriver d, String name) throws Exception {
        Path dir = Path.of("target", "browser");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @org.junit.jupiter.api.Order(1) // it starts the exercise from the console; the next tests find it started
    void controlAndCellPlayAMoveLive() throws Exception {
        login(control, "control");
        login(kor, "kor1");
        assertThat(kor.findElement(By.id("control-panel")).isDisplayed()).isFalse();
        assertThat(control.findElement(By.id("control-panel")).isDisplayed()).isTrue();

        control.findElement(By.id("start-exercise")).click();
        new WebDriverWait(control, WAIT).until(shows(By.id("clock-state"), "paused"));

        // Released by control, the inject reaches the ROK cell's open page over the live stream.
        long clicked = System.nanoTime();
        release(1);
        waitFor(kor, By.cssSelector("#feed [data-inject='1']"));
        double seconds = (System.nanoTime() - clicked) / 1e9;
        assertThat(seconds).as("seconds from control's click to the ROK page showing the inject").isLessThan(2.0);
        System.out.printf("console: inject shown on the ROK page %.2f s after control's click%n", seconds);
        assertThat(textOf(kor, By.cssSelector("#feed [data-inject='1']"))).contains("Kim and Putin pledge cooperation at Vostochny").contains("REL TO KOR, USA");

        // A US-only inject never reaches the ROK page, even after a later inject that does.
        release(3);
        waitFor(control, By.cssSelector("#feed [data-inject='3']"));
        release(2);
        waitFor(kor, By.cssSelector("#feed [data-inject='2']"));
        assertThat(kor.getPageSource()).doesNotContain("Russian engineers reported at Sohae").doesNotContain("USA ONLY");

        // The cell acknowledges; control sees who did.
        click(kor, By.cssSelector("#feed [data-inject='1'] button"));
        new WebDriverWait(control, WAIT).until(shows(
                By.cssSelector("#feed [data-inject='1']"), "Acknowledged by: kor"));

        // A blind answer: the US answers over the API; neither sees the other's until control reveals.
        type(kor, By.id("answer-Q1"), "70");
        click(kor, By.cssSelector("[data-question='Q1'] form button[type=submit]"));
        new WebDriverWait(kor, WAIT).until(shows(
                By.cssSelector("[data-question='Q1']"), "Your answer: 70"));
        ApiClient usa = new ApiClient(server.port());
        usa.login("usa1", PASSWORD);
        assertThat(usa.command(EX, "{\"type\":\"SubmitAnswer\",\"question\":\"Q1\",\"value\":{\"type\":\"Number\",\"value\":40},"
                + "\"confidence\":\"LOW\",\"rationale\":\"no imagery yet\"}").status()).isEqualTo(200);
        assertThat(textOf(kor, By.cssSelector("[data-question='Q1']"))).doesNotContain("no imagery yet");
        new WebDriverWait(control, WAIT).until(shows(
                By.cssSelector("[data-question='Q1']"), "Answered this round: kor, usa"));
        assertThat(textOf(control, By.cssSelector("#activity tr[data-cell='kor']"))).contains("1 / 2");
        click(control, By.cssSelector("[data-question='Q1'] button"));
        new WebDriverWait(kor, WAIT).until(shows(
                By.cssSelector("[data-question='Q1'] .divergence"), "30 %"));
        assertThat(textOf(kor, By.cssSelector("[data-question='Q1']"))).contains("no imagery yet").contains("usa");

        // An RFI from the ROK cell, answered by control, answer seen by the cell; an action item seen by control.
        type(kor, By.id("rfi-question"), "Which sensors tracked the stage impact?");
        click(kor, By.cssSelector("#rfi-form button[type=submit]"));
        type(control, By.cssSelector("#rfis input[id^='rfi-answer-']"), "Two radars; details at the next move.");
        // A second RFI arrives while control is typing: the list is redrawn, what control typed stays.
        type(kor, By.id("rfi-question"), "Is the debris field tracked?");
        click(kor, By.cssSelector("#rfi-form button[type=submit]"));
        new WebDriverWait(control, WAIT).until(shows(By.id("rfis"), "debris field"));
        String kept = new WebDriverWait(control, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("rfi-answer-RFI-1")).getDomProperty("value"));
        assertThat(kept).isEqualTo("Two radars; details at the next move.");
        click(control, By.cssSelector("#rfis button"));
        new WebDriverWait(kor, WAIT).until(shows(By.id("rfis"), "Two radars"));
        type(kor, By.id("action-title"), "Draft a combined overflight warning procedure");
        type(kor, By.id("action-due"), "03152024");
        click(kor, By.cssSelector("#action-form button[type=submit]"));
        new WebDriverWait(control, WAIT).until(shows(
                By.id("action-items"), "Draft a combined overflight warning procedure"));
        // ... and in the working group's register, with its origin; the ROK cell moves it on from there
        new WebDriverWait(kor, WAIT).until(shows(
                By.id("register-items"), "Draft a combined overflight warning procedure"));
        assertThat(kor.findElement(By.cssSelector("#register-items tbody tr")).getText()).contains("M1").contains("KOR")
                .contains("2024-03-15");
        choose(kor, By.cssSelector("#register-items select"), "in-progress");
        ApiClient korApi = new ApiClient(server.port());
        korApi.login("kor1", PASSWORD);
        new WebDriverWait(kor, WAIT).until(d -> korApi.get("/api/register").json().get(0).get("status").asText()
                .equals("in-progress"));

        // A message with markup in it: sent from the ROK page, it must reach the US page as text, not as markup.
        choose(kor, By.id("msg-to"), "usa");
        type(kor, By.id("msg-body"), HOSTILE);
        click(kor, By.cssSelector("#message-form button[type=submit]"));
        // ...and appears, as text, in the ROK cell's conversation with the US cell
        new WebDriverWait(kor, WAIT).until(shows(By.cssSelector("#threads details[data-thread='usa']"), "US delegation (usa)"));
        assertThat(textOf(kor, By.cssSelector("#threads details[data-thread='usa'] li.sent:last-child"))).contains(HOSTILE);
        assertThat(kor.findElements(By.cssSelector("#threads img"))).isEmpty();

        // Every form control has a label, and nothing was fetched from anywhere but this server.
        for (WebDriver d : List.of(control, kor)) {
            Object unlabeled = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return [...document.querySelectorAll('input, select, textarea')]"
                            + ".filter(n => !n.getAttribute('aria-label') && !document.querySelector(`label[for='${n.id}']`))"
                            + ".map(n => n.id || n.outerHTML);");
            assertThat((List<?>) unlabeled).as("form controls without a label").isEmpty();
            Object foreign = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)"
                            + ".filter(u => !u.startsWith(location.origin + '/'));");
            assertThat((List<?>) foreign).as("requests that left this server").isEmpty();
        }

        // The map (its view): the world's borders and the scenario's places are drawn.
        click(kor, By.id("tab-space"));
        waitFor(kor, By.cssSelector("#map path.place-osan"));
        assertThat(kor.findElements(By.cssSelector("#map path.place-osan"))).hasSize(1);
        assertThat(kor.findElements(By.cssSelector("#map path"))).hasSizeGreaterThan(10);

        // The US cell never sees the KOR-only inject; the observer gets the observation form.
        WebDriver third = browser();
        try {
            login(third, "usa1");
            waitFor(third, By.cssSelector("#feed [data-inject='3']"));
            assertThat(third.findElements(By.cssSelector("#feed [data-inject='2']"))).isEmpty();
            assertThat(third.getPageSource()).doesNotContain("New activity at the Sohae assembly building").doesNotContain("KOR ONLY");
            waitFor(third, By.cssSelector("#feed li.message"));
            assertThat(textOf(third, By.cssSelector("#feed li.message"))).contains(HOSTILE);
            // the US cell's conversation with the ROK cell holds it as received; "Reply" addresses the form to kor
            assertThat(textOf(third, By.cssSelector("#threads details[data-thread='kor'] li.received"))).contains(HOSTILE);
            click(third, By.cssSelector("#threads button[data-reply='kor']"));
            assertThat(third.findElement(By.id("msg-to")).getDomProperty("value")).isEqualTo("kor");
            assertThat(third.findElements(By.cssSelector("#feed img"))).isEmpty();
            assertThat(third.getTitle()).doesNotContain("pwned");
            screenshot(third, "usa");
            click(third, By.id("logout"));
            login(third, "observer");
            new Select(waitFor(third, By.id("obs-objective"))).selectByValue("O1");
            choose(third, By.id("obs-inject"), "1");
            type(third, By.id("obs-text"), "The ROK cell asked control before sharing inject 2.");
            click(third, By.cssSelector("#observation-form button[type=submit]"));
            new WebDriverWait(third, WAIT).until(shows(
                    By.id("observations"), "O1 · #1 · S · The ROK cell asked control before sharing"));
            screenshot(third, "observer");
            severeConsoleMessagesNone(third);
        } finally {
            third.quit();
        }

        // Before the launch (move 1), the ROK cell's console knows nothing of the satellite launched in move 2, and
        // shows no question of a later move even when it asks for all moves.
        click(kor, By.id("tab-space"));
        waitFor(kor, By.cssSelector("#next-windows tbody tr"));
        assertThat(kor.findElements(By.cssSelector("#map path.sat-recon-1, #next-windows tr[data-next^='99001|']"))).isEmpty();
        assertThat(textOf(kor, By.id("view-space"))).doesNotContain("MALLIGYONG");
        choose(kor, By.id("questions-move"), "all");
        waitFor(kor, By.cssSelector("[data-question='Q1']"));
        assertThat(kor.findElements(By.cssSelector("#questions .question")).stream()
                .map(q -> q.getDomAttribute("data-question")).toList()).as("the ROK cell's questions in move 1").containsOnly("Q1", "Q2", "Q3");
        choose(kor, By.id("questions-move"), "current");

        // Control jumps to move 3: the reconnaissance satellite is in orbit, on the map, with its Osan overflights.
        choose(control, By.id("jump-move"), "M3");
        click(control, By.id("jump"));
        waitFor(kor, By.cssSelector("#map path.sat-recon-1"));
        assertThat(kor.findElements(By.cssSelector("#map path.footprint-recon-1"))).as("sensor footprint").hasSize(1);
        // the effects active now (an uplink jammer, a laser) are on control's map, not on a delegation's
        assertThat(kor.findElements(By.cssSelector("#map path.effect"))).as("effects on the ROK map").isEmpty();
        // Its next optical overflight of Osan (warning schedule) is 24 h 54 min after the start of move 3.
        waitFor(kor, By.cssSelector("#next-windows tr[data-next='99001|osan']"));
        assertThat(textOf(kor, By.cssSelector("#next-windows tr[data-next='99001|osan']"))).contains("Osan Air Base").contains("MALLIGYONG-1 (EXERCISE)").contains("2023-11-25 00:53:49Z").contains("24 h 54 min");
        // (the marker may lie outside the map's view: the click is dispatched to it, as Leaflet hears clicks)
        ((org.openqa.selenium.JavascriptExecutor) kor).executeScript("document.querySelector('#map path.sat-recon-1')"
                + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
        new WebDriverWait(kor, WAIT).until(shows(
                By.cssSelector(".leaflet-popup-content"), "Osan Air Base"));

        // Korean interface texts, scenario texts in Korean too.
        choose(kor, By.id("language"), "ko");
        assertThat(textOf(kor, By.id("feed-heading"))).isEqualTo("상황 전파");
        assertThat(textOf(kor, By.cssSelector("#feed [data-inject='12']"))).contains("북한, 괌 촬영 주장"); // the newest
        // ...and the places of the warning schedule by their Korean names.
        new WebDriverWait(kor, WAIT).until(shows(
                By.cssSelector("#next-windows tr[data-next='99001|osan']"), "오산 공군기지"));

        // Replay on control's page: back to before the first release, the feed empties and the forms step aside;
        // a moment later, the first inject is there; back to live, everything again.
        int live = control.findElements(By.cssSelector("#feed [data-inject]")).size();
        assertThat(live).isGreaterThan(2);
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) control;
        String moveTo = "const s = document.getElementById('replay-seq'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('change'));";
        js.executeScript(moveTo, 1);
        new WebDriverWait(control, WAIT).until(d -> d.findElements(By.cssSelector("#feed [data-inject]")).isEmpty()
                && d.findElement(By.tagName("body")).getDomAttribute("class").contains("replaying"));
        assertThat(control.findElement(By.id("replay-at")).getText()).startsWith("1 / ");
        assertThat(control.findElement(By.id("control-panel")).isDisplayed()).isFalse();
        int firstRelease = 0;
        for (int seq = 2; seq < 40 && firstRelease == 0; seq++) {
            js.executeScript(moveTo, seq);
            int at = seq;
            new WebDriverWait(control, WAIT).until(d -> d.findElement(By.id("replay-at")).getText().startsWith(at + " / "));
            if (!control.findElements(By.cssSelector("#feed [data-inject]")).isEmpty()) {
                firstRelease = seq;
            }
        }
        assertThat(firstRelease).as("some event releases the first inject").isPositive();
        assertThat(control.findElements(By.cssSelector("#feed [data-inject]"))).hasSize(1);
        click(control, By.id("replay-live"));
        new WebDriverWait(control, WAIT).until(d -> d.findElements(By.cssSelector("#feed [data-inject]")).size() == live
                && !d.findElement(By.tagName("body")).getDomAttribute("class").contains("replaying"));
        assertThat(control.findElement(By.id("control-panel")).isDisplayed()).isTrue();

        control.findElement(By.cssSelector("#view-tabs [role=tab][data-view='space']")).click();
        new WebDriverWait(control, WAIT).until(d -> d.findElements(By.cssSelector("#map path.effect-site-uplink-jammer")).size() == 1
                && d.findElements(By.cssSelector("#map path.effect-site-seoul-laser")).size() == 1);
        screenshot(control, "control-effects");
        screenshot(control, "control");
        screenshot(kor, "kor");

        // Move 4 is after the anti-satellite test: the target is gone from the map, its fragments are there.
        choose(control, By.id("jump-move"), "M4");
        click(control, By.id("jump"));
        new WebDriverWait(kor, WAIT).until(d -> d.findElements(By.cssSelector("#map path.debris-asat-test")).size() > 500);
        assertThat(kor.findElements(By.cssSelector("#map path.sat-ru-defunct"))).as("the destroyed satellite").isEmpty();
        assertThat(kor.findElements(By.cssSelector("#map path.sat-inspector"))).as("the inspector, after its approach").hasSize(1);
        assertThat(textOf(kor, By.id("map-legend"))).contains("파편");
        screenshot(kor, "kor-debris");
        severeConsoleMessagesNone(control);
        severeConsoleMessagesNone(kor);

        // The console's report link: the ROK copy of the after-action report, in the interface's language (Korean
        // now), with what ROK saw and nothing USA-only; its own content policy lets its inline styles in.
        String report = kor.findElement(By.id("report-link")).getAttribute("href");
        assertThat(report).endsWith("/report?lang=ko");
        kor.get(report);
        new WebDriverWait(kor, WAIT).until(shows(By.tagName("h1"), "한미"));
        assertThat(kor.getPageSource()).contains("사후 강평 보고서 및 개선 계획").contains("김정은·푸틴, 보스토치니서 협력 약속")
                .doesNotContain("러시아 기술진");
        Object banner = ((org.openqa.selenium.JavascriptExecutor) kor).executeScript(
                "return getComputedStyle(document.querySelector('.banner')).backgroundColor");
        assertThat(banner).as("inline styles applied").isEqualTo("rgb(31, 107, 51)");
        Object hangul = ((org.openqa.selenium.JavascriptExecutor) kor).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "document.fonts.ready.then(() => done([...document.fonts].some(f => f.family.includes('Noto Sans KR') && f.status === 'loaded')));");
        assertThat(hangul).as("the shipped Korean font is loaded in the report").isEqualTo(Boolean.TRUE);
        screenshot(kor, "kor-report");
        severeConsoleMessagesNone(kor);
    }

    /** What each role may act with, by element id: displayed for those roles, not displayed (nor any of it) for others. */
    static final Map<String, List<String>> CONTROLS = Map.of(
            "control-panel", List.of("control"),
            "archive-link-item", List.of("control"),
            "statement-draft-form", List.of("control"),
            "message-form", List.of("control", "kor1"),
            "action-form", List.of("control", "kor1"),
            "rfi-form", List.of("kor1"),
            "statement-player", List.of("kor1"),
            "observer-panel", List.of("observer"),
            "account-form", List.of("control"));

    /**
     * Each role sees the forms and buttons it may use, and no other: checked on what the browser displays (the
     * review found every role shown other roles' forms, because CSS display rules beat the hidden attribute).
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void eachRoleIsShownOnlyWhatItMayUse() throws Exception {
        ApiClient api = new ApiClient(server.port());
        assertThat(api.login("control", PASSWORD).status()).isEqualTo(200);
        api.command(EX, "{\"type\":\"StartExercise\"}"); // 422 when the play test started it already (its order)
        assertThat(api.command(EX, "{\"type\":\"DraftStatement\",\"text\":\"Draft for the roles test\"}").status()).isEqualTo(200);
        for (String user : List.of("control", "kor1", "observer")) {
            WebDriver d = browser();
            try {
                login(d, user);
                new WebDriverWait(d, WAIT).until(shows(By.id("statement-text"),
                        "Draft for the roles test")); // the feed has been rendered, every panel set for the role
                for (Map.Entry<String, List<String>> c : CONTROLS.entrySet()) {
                    reveal(d, By.id(c.getKey())); // its view, if the role has it
                    WebElement e = d.findElement(By.id(c.getKey()));
                    boolean may = c.getValue().contains(user);
                    assertThat(e.isDisplayed()).as("%s shown to %s", c.getKey(), user).isEqualTo(may);
                    if (may) {
                        assertThat(e.getSize().getHeight()).as("%s's height for %s", c.getKey(), user).isPositive();
                    } else {
                        assertThat(e.findElements(By.cssSelector("button, input, select, textarea")).stream()
                                .filter(WebElement::isDisplayed).toList()).as("controls of %s shown to %s", c.getKey(), user).isEmpty();
                    }
                }
                screenshot(d, "roles-" + user);
                severeConsoleMessagesNone(d);
            } finally {
                d.quit();
            }
        }
    }

    /**
     * In Korean, the console shows none of its English interface texts: every text that has a Korean version shows
     * it, scenario names and trigger descriptions included (the review found satellite names, triggers, channels and
     * units left in English).
     */
    @Test
    @org.junit.jupiter.api.Order(3)
    void theKoreanConsoleShowsNoEnglishInterfaceText() throws Exception {
        Map<String, String> en = ConsoleTexts.of("en");
        Map<String, String> ko = ConsoleTexts.of("ko");
        for (String user : List.of("control", "kor1")) {
            WebDriver d = browser();
            try {
                login(d, user);
                new org.openqa.selenium.support.ui.Select(d.findElement(By.id("language"))).selectByValue("ko");
                new WebDriverWait(d, WAIT).until(shows(By.id("next-heading"), ko.get("map.next")));
                waitFor(d, By.cssSelector("#next-windows tbody tr"));
                // the register is fetched again in the new language (the play test left an open item in it)
                new WebDriverWait(d, WAIT).until(shows(
                        By.cssSelector("#register-items tbody"), ko.get("status.open")));
                // what the interface and the scenario write (not what people typed: messages, RFIs, items in English,
                // nor account names such as "observer" in the members table),
                // view by view as the user goes through them
                StringBuilder seen = new StringBuilder();
                for (WebElement tab : d.findElements(By.cssSelector("#view-tabs [role=tab]"))) {
                    tab.click();
                    seen.append(tab.getText()).append('\n').append((String) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                            "const parts = ['#control-panel > :not(#members)', '#members thead', '#next-windows', '#window-chart', '#windows', '#feed .meta',"
                                    + " '#feed .inject strong', '#action-items thead', '#register-items thead', '#questions-heading',"
                                    + " '#overview-cards', 'h2', 'h3', 'h4', 'h5', 'label', 'button', 'p.clock', '.chart', '.views', '#threads summary'];"
                                    + "return parts.flatMap(p => [...document.querySelectorAll(p)])"
                                    + ".filter(e => e.offsetParent !== null || (e.closest('svg') && e.closest('[data-view]') && !e.closest('[data-view]').hidden))"
                                    + ".map(e => e.innerText || e.textContent).join('\\n');")).append('\n');
                    screenshot(d, "ko-" + user + "-" + tab.getDomAttribute("data-view"));
                }
                String shown = seen.toString();
                for (Map.Entry<String, String> e : en.entrySet()) {
                    String english = e.getValue();
                    // words a reader would notice; short symbols (h, UTC, MSEL, CSV) are the same in both
                    if (english.length() >= 4 && english.matches(".*[a-z]{3}.*") && !ko.get(e.getKey()).contains(english)) {
                        int at = shown.indexOf(english);
                        assertThat(at).as("%s's Korean console shows the English '%s' (%s) in: %s", user, english, e.getKey(),
                                at < 0 ? "" : shown.substring(Math.max(0, at - 60), Math.min(shown.length(), at + 60))).isNegative();
                    }
                }
                assertThat(shown).as("the Korean names of the exercise's satellites, in the overflight table and chart")
                        .contains("(연습)");
                for (String english : List.of("MALLIGYONG-1 (EXERCISE)", "RU RADAR SAT (EXERCISE)", "scenario time",
                        "first overflight of", "intel-report")) {
                    assertThat(shown).as("%s's Korean console", user).doesNotContain(english);
                }
            } finally {
                d.quit();
            }
        }
    }

    /**
     * The feed as one stream, newest first, injects and messages together; a delegation acknowledges everything at
     * once, and the "Done." of its action stays on screen once the events have come back; markings are chosen from
     * those releasable to the user's nation, not typed.
     */
    @Test
    @org.junit.jupiter.api.Order(4)
    void theFeedIsOneStreamAndADelegationAcknowledgesAllAtOnce() throws Exception {
        WebDriver d = browser();
        try {
            login(d, "kor1");
            click(d, By.id("tab-coordination"));
            List<String> markings = new org.openqa.selenium.support.ui.Select(d.findElement(By.id("msg-marking"))).getOptions()
                    .stream().map(WebElement::getText).toList();
            assertThat(markings).startsWith("REL TO KOR, USA").contains("KOR ONLY").doesNotContain("USA ONLY");
            click(d, By.id("tab-feed"));
            // the newest eight first; the user asks for older ones until the whole stream is there
            while (d.findElement(By.id("feed-more")).isDisplayed()) {
                click(d, By.id("feed-more"));
            }
            List<String> times = d.findElements(By.cssSelector("#feed > li[data-time]")).stream()
                    .map(e -> e.getDomAttribute("data-time")).toList();
            assertThat(d.findElements(By.cssSelector("#feed > li.message"))).as("messages in the stream").isNotEmpty();
            assertThat(times).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
            new org.openqa.selenium.support.ui.Select(d.findElement(By.id("feed-filter"))).selectByValue("unacknowledged");
            assertThat(d.findElements(By.cssSelector("#feed > li.message"))).isEmpty();
            int unacknowledged = d.findElements(By.cssSelector("#feed > li[data-inject]")).size();
            assertThat(unacknowledged).isGreaterThan(1);
            click(d, By.id("ack-all"));
            new WebDriverWait(d, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("ack-all")));
            new WebDriverWait(d, WAIT).until(x -> x.findElements(By.cssSelector("#feed > li[data-inject]")).isEmpty());
            Thread.sleep(1500); // the live stream has brought the acknowledgements back and redrawn the page
            assertThat(d.findElement(By.id("status")).getText()).isEqualTo("Done.");
            screenshot(d, "kor-acknowledged-all");
            severeConsoleMessagesNone(d);
        } finally {
            d.quit();
        }
    }

    /**
     * The space picture reads at a glance: every satellite in orbit is inside the first view, labelled, coloured as
     * allied or other, with its past and future track; a legend says what is what; the overflight chart's labels are
     * not cut off (the review found satellites outside the view, unlabelled red tracks for all, labels cut at the left).
     */
    @Test
    @org.junit.jupiter.api.Order(5)
    void theSpacePictureShowsEverySatelliteLabelledAndColouredWithALegend() throws Exception {
        WebDriver d = browser();
        try {
            login(d, "control");
            click(d, By.id("tab-space"));
            waitFor(d, By.cssSelector("#map path.sat"));
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) d;
            @SuppressWarnings("unchecked")
            Map<String, Object> seen = (Map<String, Object>) js.executeScript("""
                    const map = document.getElementById('map').getBoundingClientRect();
                    const sats = [...document.querySelectorAll('#map path.sat')];
                    const inside = sats.filter(s => { const r = s.getBoundingClientRect(); const x = r.left + r.width / 2,
                        y = r.top + r.height / 2; return x >= map.left && x <= map.right && y >= map.top && y <= map.bottom; });
                    const labels = [...document.querySelectorAll('#window-chart text.label')];
                    // a label of the previous drawing fades out for 0.2 s at opacity 0: what the user sees is the rest
                    return { sats: sats.length, inside: inside.length,
                      labels: [...document.querySelectorAll('#map .leaflet-tooltip.sat-label')].filter(l => l.style.opacity !== '0').length,
                      allied: document.querySelectorAll('#map path.sat-allied.sat-rok-eo').length,
                      other: document.querySelectorAll('#map path.sat-other.sat-ru-radar').length,
                      past: document.querySelectorAll('#map path.track-past').length,
                      future: document.querySelectorAll('#map path.track-future').length,
                      night: document.querySelectorAll('#map path.night').length,
                      legend: document.querySelectorAll('#map-legend details > div').length,
                      chartLabels: labels.length, cut: labels.filter(l => l.getBBox().x < 0).length };
                    """);
            assertThat(((Number) seen.get("sats")).intValue()).as("satellites in orbit drawn").isGreaterThanOrEqualTo(3);
            assertThat(seen.get("inside")).as("satellites inside the first view").isEqualTo(seen.get("sats"));
            assertThat(seen.get("labels")).as("a label per satellite").isEqualTo(seen.get("sats"));
            assertThat(((Number) seen.get("allied")).intValue()).as("ROK EO SAT drawn as allied").isOne();
            assertThat(((Number) seen.get("other")).intValue()).as("RU RADAR SAT drawn as other").isOne();
            assertThat(((Number) seen.get("past")).intValue()).isPositive();
            assertThat(((Number) seen.get("future")).intValue()).isPositive();
            assertThat(((Number) seen.get("night")).intValue()).isOne();
            assertThat(((Number) seen.get("legend")).intValue()).isGreaterThanOrEqualTo(7);
            assertThat(((Number) seen.get("chartLabels")).intValue()).isPositive();
            assertThat(((Number) seen.get("cut")).intValue()).as("chart labels cut off at the left").isZero();
            screenshot(d, "space-control");
            Files.write(Path.of("target", "browser", "space-map-control.png"),
                    d.findElement(By.cssSelector("section.picture")).getScreenshotAs(OutputType.BYTES));
            severeConsoleMessagesNone(d);
        } finally {
            d.quit();
        }
    }

    @Test
    void keyboardAloneLogsInAndTheConsoleFitsATablet() throws Exception {
        WebDriver d = browser();
        try {
            d.manage().window().setSize(new org.openqa.selenium.Dimension(800, 1280)); // a tablet held upright
            d.get(url());
            waitFor(d, By.id("username"));
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) d;
            List<String> order = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                new org.openqa.selenium.interactions.Actions(d).sendKeys(org.openqa.selenium.Keys.TAB).perform();
                order.add((String) js.executeScript("return document.activeElement.id || document.activeElement.tagName"));
            }
            // Tab goes through the page in reading order: language, then the login form, top to bottom.
            assertThat(order).containsExactly("language", "username", "password", "BUTTON");
            new org.openqa.selenium.interactions.Actions(d).keyDown(org.openqa.selenium.Keys.SHIFT)
                    .sendKeys(org.openqa.selenium.Keys.TAB, org.openqa.selenium.Keys.TAB)
                    .keyUp(org.openqa.selenium.Keys.SHIFT).perform();
            new org.openqa.selenium.interactions.Actions(d).sendKeys("usa1", org.openqa.selenium.Keys.TAB, PASSWORD,
                    org.openqa.selenium.Keys.ENTER).perform();
            new WebDriverWait(d, WAIT).until(shows(By.id("exercise-title"), "ROK"));
            // One h1, then the exercise as h2 and each view's sections as h3: a screen reader's outline of the page.
            assertThat(d.findElements(By.tagName("h1"))).hasSize(1);
            assertThat(d.findElement(By.cssSelector("#exercise-view h2")).getText()).contains("ROK");
            // The views by keyboard alone: the keys 1-8 choose one, the arrow keys move along the tabs.
            List<String> outline = new java.util.ArrayList<>();
            List<WebElement> tabs = d.findElements(By.cssSelector("#view-tabs [role=tab]"));
            assertThat(tabs.stream().map(t -> t.getDomAttribute("data-view")).toList())
                    .containsExactly("overview", "feed", "space", "assessments", "coordination", "register");
            js.executeScript("document.activeElement.blur()");
            new org.openqa.selenium.interactions.Actions(d).sendKeys("1").perform();
            for (int k = 0; k < tabs.size(); k++) {
                String view = (String) js.executeScript("return document.activeElement.dataset.view");
                assertThat(view).as("the tab in focus after %d arrow keys", k).isEqualTo(tabs.get(k).getDomAttribute("data-view"));
                assertThat(d.findElement(By.cssSelector("[data-view='" + view + "'][role=tabpanel]")).isDisplayed()).isTrue();
                assertThat(d.getCurrentUrl()).endsWith("#" + view);
                d.findElements(By.cssSelector("#exercise-view h3")).stream().filter(WebElement::isDisplayed).map(WebElement::getText)
                        .forEach(outline::add);
                Number overflow = (Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
                assertThat(overflow.intValue()).as("horizontal overflow of %s at tablet width, px", view).isLessThanOrEqualTo(0);
                screenshot(d, "usa-tablet-" + view);
                new org.openqa.selenium.interactions.Actions(d).sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT).perform();
            }
            assertThat(outline).contains("Feed", "Space picture", "Assessment questions", "Coordination", "Working group action register");
            new org.openqa.selenium.interactions.Actions(d).sendKeys("3").perform();
            waitFor(d, By.cssSelector("#next-windows tbody tr"));
            assertThat(d.findElement(By.id("view-space")).isDisplayed()).isTrue();
            screenshot(d, "usa-tablet");
            severeConsoleMessagesNone(d);
        } finally {
            d.quit();
        }
    }

    /** The views each role has, in order. */
    static final Map<String, List<String>> VIEWS = Map.of(
            "control", List.of("overview", "control", "feed", "space", "assessments", "coordination", "register", "people"),
            "kor1", List.of("overview", "feed", "space", "assessments", "coordination", "register"),
            "observer", List.of("overview", "evaluation", "feed", "space", "assessments", "coordination", "register"));

    /**
     * Views, not one page: each role gets its views as tabs, one shown at a time, each with a deep link; in each view
     * a role is shown only the controls it may use; the counts on the tabs are what is pending (for a delegation,
     * the injects it has not acknowledged); every view fits about two screens at 1,400 px. A screenshot of every view
     * for every role.
     */
    @Test
    @org.junit.jupiter.api.Order(7)
    void eachRoleGoesThroughItsViews() throws Exception {
        for (String user : List.of("control", "kor1", "observer")) {
            WebDriver d = browser();
            try {
                login(d, user);
                org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) d;
                List<String> views = d.findElements(By.cssSelector("#view-tabs [role=tab]")).stream()
                        .map(t -> t.getDomAttribute("data-view")).toList();
                assertThat(views).as("%s's views", user).isEqualTo(VIEWS.get(user));
                assertThat(d.getCurrentUrl()).as("%s's first view", user).endsWith(user.equals("control") ? "#control" : "#overview");
                for (String view : views) {
                    click(d, By.id("tab-" + view));
                    List<String> shown = d.findElements(By.cssSelector("[role=tabpanel]")).stream().filter(WebElement::isDisplayed)
                            .map(e -> e.getDomAttribute("data-view")).toList();
                    assertThat(shown).as("%s's panels shown in %s", user, view).containsExactly(view);
                    assertThat(d.findElement(By.id("tab-" + view)).getDomAttribute("aria-selected")).isEqualTo("true");
                    assertThat(d.getCurrentUrl()).endsWith("?exercise=" + EX + "#" + view);
                    for (Map.Entry<String, List<String>> c : CONTROLS.entrySet()) {
                        WebElement e = d.findElement(By.id(c.getKey()));
                        if (e.isDisplayed()) {
                            assertThat(c.getValue()).as("%s shown to %s in %s", c.getKey(), user, view).contains(user);
                        }
                    }
                    Number height = (Number) js.executeScript("return document.documentElement.scrollHeight / window.innerHeight");
                    System.out.printf("view height: %s %s %.2f screens%n", user, view, height.doubleValue());
                    assertThat(height.doubleValue()).as("%s's %s view, in screens of 1,400 x 1,000", user, view).isLessThanOrEqualTo(2.3);
                    screenshot(d, "view-" + user + "-" + view);
                }
                if (user.equals("control")) {
                    // who sits where, in control's view
                    click(d, By.id("tab-control"));
                    new WebDriverWait(d, WAIT).until(shows(By.cssSelector("#members tr[data-member='kor1']"), "delegation member"));
                    assertThat(textOf(d, By.cssSelector("#members tr[data-member='kor1']"))).contains("kor");
                    assertThat(textOf(d, By.cssSelector("#members tr[data-member='observer']"))).contains("evaluator");
                    // People (control is the demo's administrator): a new account, then disabled, both on screen
                    click(d, By.id("tab-people"));
                    type(d, By.id("account-username"), "newcomer1");
                    type(d, By.id("account-name"), "US liaison");
                    type(d, By.id("account-password"), "newcomer-password-1");
                    click(d, By.cssSelector("#account-form button[type=submit]"));
                    new WebDriverWait(d, WAIT).until(shows(By.cssSelector("#accounts tr[data-account='newcomer1']"), "US liaison"));
                    assertThat(textOf(d, By.cssSelector("#accounts tr[data-account='newcomer1']"))).contains("active");
                    click(d, By.cssSelector("button[aria-label='Make planner newcomer1']"));
                    waitFor(d, By.cssSelector("button[aria-label='Unmake planner newcomer1']"));
                    assertThat(new ApiClient(server.port()).login("newcomer1", "newcomer-password-1").json().get("planner").asBoolean())
                            .as("a planner now").isTrue();
                    click(d, By.cssSelector("button[aria-label='Disable newcomer1']"));
                    new WebDriverWait(d, WAIT).until(shows(By.cssSelector("#accounts tr[data-account='newcomer1']"), "disabled"));
                    assertThat(d.findElements(By.cssSelector("button[aria-label='Disable control']"))).as("no self-disabling").isEmpty();
                    assertThat(new ApiClient(server.port()).login("newcomer1", "newcomer-password-1").status()).isEqualTo(401);
                    screenshot(d, "view-control-people");
                }
                if (user.equals("kor1")) {
                    // the feed's count: the injects the ROK cell has not acknowledged
                    click(d, By.id("tab-feed"));
                    choose(d, By.id("feed-filter"), "unacknowledged");
                    int pending = d.findElements(By.cssSelector("#feed > li[data-inject]")).size();
                    String badge = d.findElement(By.cssSelector("#tab-feed .count")).getText();
                    assertThat(badge).isEqualTo(pending == 0 ? "" : String.valueOf(pending));
                }
                // a deep link opens its view
                d.get(url() + "?exercise=" + EX + "#assessments");
                new WebDriverWait(d, WAIT).until(x -> x.findElement(By.id("view-assessments")).isDisplayed());
                assertThat(d.findElement(By.id("view-feed")).isDisplayed()).isFalse();
                severeConsoleMessagesNone(d);
            } finally {
                d.quit();
            }
        }
    }
}
