package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spacettx.app.server.ConsoleBrowserTest.WAIT;
import static org.spacettx.app.server.ConsoleBrowserTest.browser;
import static org.spacettx.app.server.ConsoleBrowserTest.click;
import static org.spacettx.app.server.ConsoleBrowserTest.login;
import static org.spacettx.app.server.ConsoleBrowserTest.textOf;
import static org.spacettx.app.server.ConsoleBrowserTest.screenshot;
import static org.spacettx.app.server.ConsoleBrowserTest.severeConsoleMessagesNone;
import static org.spacettx.app.server.ConsoleBrowserTest.shows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spacettx.orbit.SharedData;

/**
 * Issue 15's planning workspace in a real browser, with no YAML typed: control builds a small exercise from a blank
 * draft (two delegations, a site clicked on the map, the ISS found in a real CelesTrak catalog, an inject released
 * at the ISS's pass over the site, a question), sees each inject's computed time and the timeline, saves, publishes,
 * plays the exercise from the console, and finds the inject released at the rise time {@code spacettx passes} gives.
 */
@Tag("browser")
class PlanBrowserTest {

    static final String PASSWORD = "plan-browser-password";

    @TempDir
    static Path dir;
    static DemoServer demo;
    static WebDriver d;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.start(dir, PASSWORD);
        d = browser();
    }

    @AfterAll
    static void stop() {
        if (d != null) {
            d.quit();
        }
        if (demo != null) {
            demo.close();
        }
    }

    static WebElement at(String path) {
        return new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-path='" + path + "']")));
    }

    /**
     * Replaces a field's value as a user does: select all, type (the page hears every key); a date and time picker
     * takes the time as its picker would set it (UTC, without the zone letter), and the page hears the input.
     */
    static void fill(String path, String value) {
        WebElement field = at(path);
        if ("datetime-local".equals(field.getDomAttribute("type"))) {
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                    field, value.replaceAll("Z$", ""));
            return;
        }
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    static void section(String name) {
        click(d, By.id("tab-" + name));
        new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("section-" + name)));
    }

    static void waitText(By by, String text) {
        new WebDriverWait(d, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    @Test
    void anExerciseIsBuiltWithoutYamlPublishedAndPlayed() throws Exception {
        login(d, demo.server().port(), "control", PASSWORD);
        click(d, By.id("plan-link"));
        click(d, By.id("new-blank"));
        waitText(By.id("check-state"), "valid");

        // general: one identifier (the draft's, shown and not typed: its scenario's and its exercise's), titles in
        // both languages, the span
        String ex = d.findElement(By.id("draft-id")).getText();
        assertThat(ex).matches("[a-z0-9][a-z0-9-]*");
        assertThat(at("id").getDomProperty("value")).isEqualTo(ex);
        assertThat(at("id").getDomProperty("readOnly")).isEqualTo("true");
        ConsoleBrowserTest.screenshot(d, "plan-workspace-identifier");
        fill("title.en", "Pass warning drill");
        fill("title.ko", "상공 통과 경보 훈련");
        fill("start", "2026-06-01T00:00:00Z");
        fill("end", "2026-06-03T00:00:00Z");
        section("moves");
        fill("moves[0].start", "2026-06-01T00:00:00Z");

        // two delegations
        section("cells");
        for (String[] cell : new String[][] {{"kor", "KOR", "ROK delegation", "한국 대표단"}, {"usa", "USA", "US delegation", "미국 대표단"}}) {
            click(d, By.cssSelector("[data-add='cells']"));
            int row = d.findElements(By.cssSelector("fieldset[data-row^='cells[']")).size() - 1;
            fill("cells[" + row + "].id", cell[0]);
            fill("cells[" + row + "].nation", cell[1]);
            fill("cells[" + row + "].name.en", cell[2]);
            fill("cells[" + row + "].name.ko", cell[3]);
        }

        // a site clicked on the map (the map opens on Korea: its centre)
        section("places");
        WebElement map = new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#places-map.leaflet-container")));
        new Actions(d).moveToElement(map, 0, 0).click().perform();
        fill("places.sites[0].id", "post");
        fill("places.sites[0].name.en", "Forward post");
        fill("places.sites[0].name.ko", "전방 초소");
        // the map's label follows the site's name as it is typed (it kept the first id before)
        new WebDriverWait(d, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#places-map .place-label"), "Forward post"));
        fill("places.sites[0].name.en", "Forward post 2");
        new WebDriverWait(d, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#places-map .place-label"), "Forward post 2"));
        double lat = Double.parseDouble(at("places.sites[0].lat").getDomProperty("value"));
        double lon = Double.parseDouble(at("places.sites[0].lon").getDomProperty("value"));
        assertThat(lat).as("a click on Korea").isBetween(25.0, 45.0);
        assertThat(lon).isBetween(115.0, 140.0);

        // a circular area and a polygon drawn by clicks, and places from a GeoJSON file
        new Select(d.findElement(By.id("map-mode"))).selectByValue("circle");
        new Actions(d).moveToElement(map, 80, 40).click().perform();
        new Select(d.findElement(By.id("map-mode"))).selectByValue("polygon");
        for (int[] at : new int[][] {{-120, -60}, {-60, -60}, {-90, -20}}) {
            new Actions(d).moveToElement(map, at[0], at[1]).click().perform();
        }
        click(d, By.id("polygon-finish"));
        assertThat(at("places.areas[0].circle.radius_km").getDomProperty("value")).isEqualTo("25");
        assertThat(d.findElement(By.cssSelector("fieldset[data-row='places.areas[1]']")).getText()).contains("3");
        d.findElement(By.id("geojson-file")).sendKeys(Path.of("src/test/resources/korea-sites.geojson").toRealPath().toString());
        waitText(By.id("status"), "Added: 4");
        assertThat(at("places.sites[1].id").getDomProperty("value")).isEqualTo("osan-ab");
        assertThat(d.findElements(By.cssSelector("fieldset[data-row^='places.areas[']"))).hasSize(4);
        new Select(d.findElement(By.id("map-mode"))).selectByValue("site");
        screenshot(d, "plan-workspace-places-en");

        // the ISS from a real catalog, uploaded and searched
        section("objects");
        Path stations = SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle");
        d.findElement(By.id("catalog-file")).sendKeys(stations.toRealPath().toString());
        waitText(By.id("status"), "Catalog loaded");
        d.findElement(By.id("catalog-query")).sendKeys("ZARYA");
        click(d, By.id("catalog-search"));
        click(d, By.cssSelector("[data-add-norad='25544']"));
        assertThat(at("objects[0].id").getDomProperty("value")).isEqualTo("iss");
        fill("objects[0].nation", "USA");

        // an inject released at the ISS's first pass over the post; its computed time appears beside the trigger
        section("msel");
        click(d, By.cssSelector("[data-add='msel']"));
        fill("msel[0].subject.en", "Station overhead");
        fill("msel[0].subject.ko", "우주정거장 상공 통과");
        fill("msel[0].body.en", "The station rises over the forward post now.");
        fill("msel[0].body.ko", "우주정거장이 지금 전방 초소 상공에 떠오른다.");
        // times are picked, in UTC, within the scenario's span; the file gets the time with its zone letter
        new Select(at("msel[0].trigger")).selectByValue("at");
        WebElement picker = at("msel[0].trigger.at");
        assertThat(picker.getDomAttribute("type")).isEqualTo("datetime-local");
        assertThat(picker.getDomAttribute("min")).isEqualTo("2026-06-01T00:00:00");
        assertThat(picker.getDomAttribute("max")).isEqualTo("2026-06-03T00:00:00");
        assertThat(d.findElement(By.cssSelector("label[for='" + picker.getDomAttribute("id") + "']")).getText()).contains("UTC");
        fill("msel[0].trigger.at", "2026-06-01T06:30:00Z");
        assertThat((String) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.querySelector(\"[data-path='msel[0].trigger.at']\").value")).isEqualTo("2026-06-01T06:30"); // whole minutes, as Chrome gives them
        waitText(By.cssSelector("[data-computed='1']"), "06:30"); // the server read the time the picker gave
        new Select(at("msel[0].trigger")).selectByValue("pass");
        waitText(By.cssSelector("[data-computed='1']"), "2026-06-0");
        assertThat(new Select(at("msel[0].trigger.pass.object")).getFirstSelectedOption().getDomProperty("value")).isEqualTo("iss");
        assertThat(new Select(at("msel[0].trigger.pass.site")).getFirstSelectedOption().getDomProperty("value")).isEqualTo("post");
        assertThat(new Select(at("msel[0].marking")).getFirstSelectedOption().getDomProperty("value")).isEqualTo("REL TO KOR, USA");

        // a question
        section("questions");
        click(d, By.cssSelector("[data-add='questions']"));
        fill("questions[0].text.en", "How likely is the post to be imaged?");
        fill("questions[0].text.ko", "초소가 촬영될 가능성은?");
        waitText(By.id("check-state"), "valid");
        assertThat(d.findElement(By.id("check-state")).getText()).doesNotContain("error");

        // a mistake is shown beside its field at once, and counted on its section's tab
        section("msel");
        fill("msel[0].number", "0");
        new WebDriverWait(d, Duration.ofSeconds(60)).until(x -> !x.findElements(By.cssSelector(".problem-msg.error")).isEmpty());
        assertThat(d.findElement(By.cssSelector("#tab-msel .count")).getText()).isEqualTo("1");
        assertThat(d.findElement(By.id("publish")).isEnabled()).as("no publishing with errors").isFalse();
        fill("msel[0].number", "1");
        waitText(By.id("check-state"), "valid");
        new WebDriverWait(d, Duration.ofSeconds(60)).until(x -> x.findElements(By.cssSelector(".problem-msg.error")).isEmpty());
        centre(By.cssSelector("[data-computed='1']"));
        screenshot(d, "plan-workspace-msel-en");

        section("timeline");
        new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg.timeline [data-inject='1']")));
        screenshot(d, "plan-timeline-en");
        new Select(d.findElement(By.id("language"))).selectByValue("ko");
        section("msel");
        waitText(By.cssSelector("[data-computed='1']"), "배포 시각");
        centre(By.cssSelector("[data-computed='1']"));
        screenshot(d, "plan-workspace-msel-ko");
        section("places");
        screenshot(d, "plan-workspace-places-ko");
        new Select(d.findElement(By.id("language"))).selectByValue("en");

        // a GNSS jammer near the site for six hours of the first day, in the counterspace forms
        section("counterspace");
        click(d, By.cssSelector("[data-add='effects']"));
        fill("effects[0].id", "jammer");
        fill("effects[0].name.en", "Jammer near the post");
        fill("effects[0].name.ko", "초소 인근 교란기");
        fill("effects[0].nation", "PRK");
        fill("effects[0].lat", "36.2");
        fill("effects[0].lon", "126.9");
        fill("effects[0].from", "2026-06-01T00:00:00Z");
        fill("effects[0].to", "2026-06-01T06:00:00Z");
        assertThat(at("effects[0].eirp_dbw").getDomProperty("value")).isEqualTo("20");
        waitText(By.id("check-state"), "valid");

        // every control of every section has a label (the same rule as the console's)
        for (String name : new String[] {"general", "cells", "objectives", "places", "objects", "counterspace", "moves", "msel", "questions",
            "actions"}) {
            section(name);
            Object unlabeled = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return [...document.querySelectorAll('input, select, textarea')]"
                            + ".filter(n => !n.getAttribute('aria-label') && !document.querySelector(`label[for='${n.id}']`))"
                            + ".map(n => n.id || n.outerHTML);");
            assertThat((java.util.List<?>) unlabeled).as("controls without a label in %s", name).isEmpty();
        }
        click(d, By.id("save"));
        waitText(By.id("save-state"), "v2 · saved");
        assertThat(d.findElements(By.id("publish-id"))).as("no exercise id to type").isEmpty();
        new WebDriverWait(d, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("publish"))).click();
        assertThat(textOf(d, By.id("published-link"))).as("published under the draft's identifier").isEqualTo(ex);
        click(d, By.id("published-link"));

        // played from the console: the inject comes at the pass
        new WebDriverWait(d, WAIT).until(shows(By.id("exercise-title"), "Pass warning drill"));
        click(d, By.id("start-exercise"));
        WebElement speed = d.findElement(By.id("speed"));
        speed.sendKeys(Keys.chord(Keys.CONTROL, "a"), "10000");
        click(d, By.id("set-speed"));
        // offered once the exercise has started (the clock shows only the buttons its state allows)
        new WebDriverWait(d, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("start-clock"))).click();
        ApiClient control = demo.as("control");
        JsonNode effects = control.get("/api/exercises/" + ex + "/space?at=2026-06-01T03:00:00Z").json().get("effects");
        assertThat(effects).as("the jammer planned in the forms, on control's map").hasSize(1);
        assertThat(effects.get(0).get("id").asText()).isEqualTo("jammer");
        assertThat(effects.get(0).get("radiusKm").asDouble()).isPositive();
        JsonNode row = null;
        for (int i = 0; i < 120 && row == null; i++) {
            JsonNode timeline = control.get("/api/exercises/" + ex + "/timeline").json();
            if ("released".equals(timeline.get(0).get("status").asText())) {
                row = timeline.get(0);
            } else {
                Thread.sleep(500);
            }
        }
        assertThat(row).as("inject 1 released within a minute at ×10,000").isNotNull();
        new WebDriverWait(d, Duration.ofSeconds(60)).until(shows(By.id("feed"), "Station overhead"));
        Instant released = Instant.parse(row.get("releasedAt").asText());

        // what the command line says of the same satellite over the same place
        String out = cli("passes", "--tle", stations.toString(), "--norad", "25544", "--site", lat + "," + lon,
                "--from", "2026-06-01T00:00:00Z", "--to", "2026-06-03T00:00:00Z", "--format", "json");
        Instant rise = Instant.parse(new ObjectMapper().readTree(out).get(0).get("rise_utc").asText());
        System.out.println("plan: site at " + lat + ", " + lon + "; inject 1 released at " + released + "; spacettx passes: rise " + rise);
        assertThat(released.truncatedTo(ChronoUnit.SECONDS)).isEqualTo(rise.truncatedTo(ChronoUnit.SECONDS));
        screenshot(d, "plan-played-console");

        // control improvises: an inject written on the spot, to the ROK delegation only, released now
        click(d, By.id("tab-control"));
        click(d, By.cssSelector("#write-inject > summary"));
        d.findElement(By.cssSelector("#wi-to input[value='usa']")).click();
        new Select(d.findElement(By.id("wi-marking"))).selectByValue("KOR ONLY");
        d.findElement(By.id("wi-subject-en")).sendKeys("Station crew reports a flash");
        d.findElement(By.id("wi-subject-ko")).sendKeys("우주정거장 승무원 섬광 보고");
        centre(By.cssSelector("#write-form button[type=submit]"));
        screenshot(d, "console-write-inject");
        click(d, By.cssSelector("#write-form button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(30)).until(shows(By.id("msel"), "Station crew reports a flash"));
        // control's MSEL on its timeline: both injects released (rings), the clock's line; a click shows the row
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#msel-timeline .inject-mark.released[data-inject='2']")));
        assertThat(d.findElements(By.cssSelector("#msel-timeline .inject-mark.computed.released[data-inject='1']"))).hasSize(1);
        assertThat(d.findElements(By.cssSelector("#msel-timeline line.now"))).hasSize(1);
        d.findElement(By.cssSelector("#msel-timeline [data-inject='1']")).click();
        assertThat(d.findElement(By.cssSelector("#msel tr[data-msel='1']")).getDomAttribute("class")).contains("picked");
        centre(By.id("msel-timeline"));
        screenshot(d, "control-msel-timeline");
        ApiClient kor = demo.as("kor1");
        assertThat(control.post("/api/exercises/" + ex + "/members", "{\"username\":\"kor1\",\"role\":\"player\",\"cell\":\"kor\"}").status())
                .isEqualTo(204);
        assertThat(kor.get("/api/exercises/" + ex + "/feed").body()).contains("Station crew reports a flash");

        // the demo as a template: its MSEL is a table of 30 lines; a line opens its inject, with its computed time
        d.get("http://127.0.0.1:" + demo.server().port() + "/plan.html");
        click(d, By.id("new-template"));
        waitText(By.id("check-state"), "valid");
        section("counterspace");
        // the demo's counterspace in forms: two manoeuvres (the inspector's an approach), the ASAT test, three effects
        assertThat(d.findElements(By.cssSelector("fieldset[data-row^='maneuvers[']"))).hasSize(2);
        assertThat(d.findElements(By.cssSelector("fieldset[data-row^='breakups[']"))).hasSize(1);
        assertThat(d.findElements(By.cssSelector("fieldset[data-row^='effects[']"))).hasSize(3);
        assertThat(at("maneuvers[1].approach.target").getDomProperty("value")).isEqualTo("rok-eo");
        assertThat(at("breakups[0].impact_speed_km_s").getDomProperty("value")).isEqualTo("9");
        assertThat(at("effects[1].beam_deg").getDomProperty("value")).isEqualTo("45");
        screenshot(d, "plan-workspace-counterspace");
        // the delegations' own sensors, under the objects: two ROK, three US
        section("objects");
        assertThat(d.findElements(By.cssSelector("fieldset[data-row^='sensors[']"))).hasSize(5);
        assertThat(at("sensors[1].max_sun_elevation").getDomProperty("value")).isEqualTo("-12");
        section("msel");
        assertThat(d.findElements(By.cssSelector("#section-msel .item-summary"))).hasSize(30);
        waitText(By.cssSelector(".item-summary[data-row='msel[9]'] .when"), "2023-11-2");
        click(d, By.cssSelector("[data-open='msel[9]']"));
        waitText(By.cssSelector("p[data-computed='10']"), "first pass of MALLIGYONG-1");
        assertThat(new Select(at("msel[9].trigger.pass.site")).getFirstSelectedOption().getDomProperty("value")).isEqualTo("osan");
        screenshot(d, "plan-workspace-template-msel");
        severeConsoleMessagesNone(d);
    }

    static void centre(By by) {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", d.findElement(by));
    }

    /** What {@code spacettx ARGS} prints on standard output. */
    static String cli(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(org.spacettx.app.cli.Main.run(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
