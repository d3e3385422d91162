package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spacettx.app.server.ConsoleBrowserTest.browser;
import static org.spacettx.app.server.ConsoleBrowserTest.choose;
import static org.spacettx.app.server.ConsoleBrowserTest.click;
import static org.spacettx.app.server.ConsoleBrowserTest.screenshot;
import static org.spacettx.app.server.ConsoleBrowserTest.textOf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo played in the browser, as each delegation and control see it on screen: at 20:30 on 21 Nov the US sensors
 * have seen MALLIGYONG-1 (19:42) and the ROK ones not yet (00:19). The US map draws it and the US tracks list it; the
 * ROK map and tracks do not; control's side-by-side view says the ROK delegation does not know it. The US delegate
 * shares the track from the console; the ROK map then draws it, its tracks say "shared by" the US, and control's
 * comparison shows both delegations holding it. Then, at 02:00 on 24 Nov, after the inspector's unseen first burn,
 * control's comparison shows both delegations' inspectors hundreds of kilometres off the truth, in red.
 */
@Tag("browser")
@Tag("slow")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SharingBrowserTest {

    static final String EX = "rok-us-space-ttx";
    static final String PASSWORD = "sharing-browser-password";

    @TempDir
    static Path dir;
    static DemoServer demo;
    static WebDriver kor;
    static WebDriver usa;
    static WebDriver control;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.start(dir, PASSWORD);
        ApiClient api = demo.as("control");
        assertThat(api.command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
        assertThat(api.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M2\"}").status()).isEqualTo(200);
        assertThat(api.command(EX, "{\"type\":\"SetSpeed\",\"speed\":3600}").status()).isEqualTo(200);
        assertThat(api.command(EX, "{\"type\":\"StartClock\"}").status()).isEqualTo(200);
        Thread.sleep(8500); // to about 20:30 on 21 Nov
        assertThat(api.command(EX, "{\"type\":\"PauseClock\"}").status()).isEqualTo(200);
        kor = browser();
        usa = browser();
        control = browser();
        for (WebDriver d : List.of(kor, usa, control)) {
            d.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1400));
        }
        ConsoleBrowserTest.login(kor, demo.server().port(), "kor1", PASSWORD);
        ConsoleBrowserTest.login(usa, demo.server().port(), "usa1", PASSWORD);
        ConsoleBrowserTest.login(control, demo.server().port(), "control", PASSWORD);
    }

    @AfterAll
    static void stop() {
        for (WebDriver d : new WebDriver[] {kor, usa, control}) {
            if (d != null) {
                d.quit();
            }
        }
        if (demo != null) {
            demo.close();
        }
    }

    /** Whether the map in {@code container} draws the satellite on screen (its marker, inside the map's box). */
    static boolean drawn(WebDriver d, String container, String object) {
        return (Boolean) ((JavascriptExecutor) d).executeScript("""
                const box = document.getElementById(arguments[0]);
                const m = box && box.querySelector('.sat-' + arguments[1]);
                if (!m || box.offsetWidth === 0) return false;
                const r = m.getBoundingClientRect(), b = box.getBoundingClientRect();
                return r.width > 0 && r.left >= b.left && r.right <= b.right && r.top >= b.top && r.bottom <= b.bottom;
                """, container, object);
    }

    static void until(WebDriver d, java.util.function.Function<WebDriver, Boolean> what) {
        try {
            new WebDriverWait(d, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(what::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot(d, "sharing-timeout");
            } catch (Exception ignored) {
                // the timeout is what matters
            }
            Object state = ((JavascriptExecutor) d).executeScript("""
                    const p = document.getElementById('pictures');
                    return p ? [...p.querySelectorAll('figure')].map(f => f.id + ':' + f.offsetWidth + ':'
                        + f.querySelectorAll('.leaflet-container').length + ':' + f.querySelectorAll('.sat').length + ':'
                        + JSON.stringify(f.querySelector('.mini-map').getBoundingClientRect()) + ':'
                        + [...f.querySelectorAll('.sat')].map(x => x.getAttribute('class') + '=' + x.getAttribute('d')).join(',')
                        + [...f.querySelectorAll('svg')].map(x => x.getAttribute('viewBox') + '/' + x.parentNode.className + '/' + x.style.transform).join(',')).join(' ') : 'none';
                    """);
            throw new AssertionError("timed out (comparison: " + state + "); the page's log: " + d.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                    .getAll().stream().map(Object::toString).toList(), e);
        }
    }

    /** A number an attribute of an element holds, read in the page (a live update may redraw the element meanwhile). */
    static double attribute(WebDriver d, String css, String name) {
        return Double.parseDouble((String) ((JavascriptExecutor) d).executeScript(
                "return document.querySelector(arguments[0]).getAttribute(arguments[1])", css, name));
    }

    static List<WebElement> rows(WebDriver d, String css) {
        return d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theTwoDelegationsSeeDifferentPicturesUntilOneShares() throws Exception {
        for (WebDriver d : List.of(kor, usa, control)) {
            click(d, By.id("tab-space"));
        }
        click(control, By.id("pictures-heading")); // control opens the comparison
        // the US delegation sees it: on its map and in its tracks, from its own sensor
        until(usa, d -> drawn(d, "map", "recon-1"));
        until(usa, d -> !rows(d, "#tracks tr[data-track='recon-1']").isEmpty());
        assertThat(textOf(usa, By.cssSelector("#tracks tr[data-track='recon-1']"))).contains("own sensor");
        // the ROK delegation does not: not on its map, not in its tracks (its tracks list other objects)
        until(kor, d -> !rows(d, "#tracks tr[data-track]").isEmpty());
        assertThat(drawn(kor, "map", "recon-1")).isFalse();
        assertThat(kor.findElements(By.cssSelector(".sat-recon-1"))).isEmpty();
        assertThat(kor.findElements(By.cssSelector("#tracks tr[data-track='recon-1']"))).isEmpty();
        assertThat(kor.getPageSource()).doesNotContain("MALLIGYONG");
        // control's comparison: the truth and the US picture have it, the ROK picture not
        until(control, d -> !rows(d, "#pictures-table tr[data-object='recon-1']").isEmpty());
        assertThat(textOf(control, By.cssSelector("#pictures-table tr[data-object='recon-1'] td[data-cell='kor']"))).contains("not known");
        assertThat(textOf(control, By.cssSelector("#pictures-table tr[data-object='recon-1'] td[data-cell='usa']"))).contains("km off the truth");
        scrollTo(control, "pictures-panel");
        until(control, d -> drawn(d, "mini-truth", "recon-1") && drawn(d, "mini-usa", "recon-1"));
        assertThat(drawn(control, "mini-kor", "recon-1")).isFalse();
        scrollTo(control, "pictures-panel");
        screenshot(control, "sharing-control-before");
        screenshot(kor, "sharing-kor-before");
        screenshot(usa, "sharing-usa-before");

        // the US delegate shares the track with the ROK delegation, from the console
        choose(usa, By.id("share-object"), "recon-1");
        choose(usa, By.id("share-to"), "kor");
        choose(usa, By.id("share-marking"), "REL TO KOR, USA");
        click(usa, By.id("share-send"));
        until(usa, d -> !rows(d, "#shared-tracks li").isEmpty());

        // the ROK picture now holds it, as shared by the US
        until(kor, d -> drawn(d, "map", "recon-1"));
        until(kor, d -> !rows(d, "#tracks tr[data-track='recon-1']").isEmpty());
        assertThat(textOf(kor, By.cssSelector("#tracks tr[data-track='recon-1']"))).contains("shared by");
        assertThat(textOf(kor, By.id("shared-tracks"))).contains("MALLIGYONG-1").contains("REL TO KOR, USA");
        screenshot(kor, "sharing-kor-after");
        // control: both delegations hold it now
        until(control, d -> {
            List<WebElement> cell = d.findElements(By.cssSelector("#pictures-table tr[data-object='recon-1'] td[data-cell='kor']"));
            return !cell.isEmpty() && cell.get(0).getText().contains("km off the truth");
        });
        until(control, d -> drawn(d, "mini-kor", "recon-1"));
        scrollTo(control, "pictures-panel");
        screenshot(control, "sharing-control-after");
        ConsoleBrowserTest.severeConsoleMessagesNone(kor);
        ConsoleBrowserTest.severeConsoleMessagesNone(usa);
        ConsoleBrowserTest.severeConsoleMessagesNone(control);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void controlSeesAnUnseenManoeuvreInEachDelegationsPicture() throws Exception {
        ApiClient api = demo.as("control");
        assertThat(api.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M3\"}").status()).isEqualTo(200); // 24 Nov 00:00
        assertThat(api.command(EX, "{\"type\":\"StartClock\"}").status()).isEqualTo(200);
        Thread.sleep(2000); // to about 02:00: after the inspector's first burn (01:02), before the ROK sensors look again
        assertThat(api.command(EX, "{\"type\":\"PauseClock\"}").status()).isEqualTo(200);
        // the comparison at the paused time (its minute: a picture's positions), not one made while the clock ran
        java.time.Instant paused = java.time.Instant.parse(
                demo.as("control").get("/api/exercises/" + EX + "/space").json().get("time").asText());
        click(control, By.id("tab-space"));
        until(control, d -> {
            String time = d.findElement(By.id("pictures-table")).getDomAttribute("data-time");
            return time != null && java.time.Instant.parse(time).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).equals(paused)
                    && d.findElements(By.cssSelector("#pictures-table tr[data-object='inspector'] td.off")).size() == 2;
        });
        for (String cell : List.of("kor", "usa")) {
            double off = attribute(control, "#pictures-table tr[data-object='inspector'] td[data-cell='" + cell + "']", "data-offset");
            assertThat(off).as(cell).isGreaterThan(100);
        }
        // the allied satellite it approaches is where the truth has it in both pictures
        for (String cell : List.of("kor", "usa")) {
            double off = attribute(control, "#pictures-table tr[data-object='rok-eo'] td[data-cell='" + cell + "']", "data-offset");
            assertThat(off).as(cell).isLessThan(1);
        }
        // every small map is centred on what differs: the inspector where the truth has it and where each delegation
        // holds it (hundreds of km apart) are on all three maps; then a pan of one map moves the others with it
        scrollTo(control, "pictures-panel");
        until(control, d -> "inspector".equals(d.findElement(By.id("pictures")).getDomAttribute("data-centred-on"))
                && drawn(d, "mini-truth", "inspector") && drawn(d, "mini-kor", "inspector") && drawn(d, "mini-usa", "inspector"));
        screenshot(control, "sharing-control-manoeuvre");
        List<Number> before = where(control, "rok-eo");
        assertThat(before.get(0).doubleValue()).as("the ROK satellite in the same place on the truth's and the ROK map")
                .isCloseTo(before.get(2).doubleValue(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(before.get(4).doubleValue()).isCloseTo(before.get(0).doubleValue(), org.assertj.core.data.Offset.offset(1.0));
        new org.openqa.selenium.interactions.Actions(control).moveToElement(control.findElement(By.id("mini-kor")), 10, 10)
                .clickAndHold().moveByOffset(-30, 20).moveByOffset(-30, 20).release().perform();
        until(control, d -> {
            List<Number> after = where(d, "rok-eo");
            double dx = after.get(2).doubleValue() - before.get(2).doubleValue();
            return Math.abs(dx + 60) < 3 && Math.abs(after.get(0).doubleValue() - after.get(2).doubleValue()) < 1
                    && Math.abs(after.get(4).doubleValue() - after.get(2).doubleValue()) < 1
                    && Math.abs(after.get(1).doubleValue() - after.get(3).doubleValue()) < 1;
        });
        // the reader's view is kept over the next refreshes; the button centres the maps on the difference again
        Thread.sleep(2500);
        assertThat(where(control, "rok-eo").get(2).doubleValue() - before.get(2).doubleValue()).isCloseTo(-60, org.assertj.core.data.Offset.offset(3.0));
        click(control, By.id("pictures-centre"));
        until(control, d -> Math.abs(where(d, "rok-eo").get(2).doubleValue() - before.get(2).doubleValue()) < 1
                && drawn(d, "mini-kor", "inspector"));

        // the ROK delegate's question about the approach shows the inspector as the ROK picture holds it, not the truth
        com.fasterxml.jackson.databind.JsonNode korPicture = demo.as("kor1").get("/api/exercises/" + EX + "/space").json();
        com.fasterxml.jackson.databind.JsonNode truth = demo.as("control").get("/api/exercises/" + EX + "/space").json();
        String held = latLon(korPicture, "inspector");
        String real = latLon(truth, "inspector");
        assertThat(held).isNotEqualTo(real);
        click(kor, By.id("tab-assessments"));
        until(kor, d -> !rows(d, "[data-question='Q7'] [data-picture='inspector']").isEmpty());
        String line = textOf(kor, By.cssSelector("[data-question='Q7'] [data-picture='inspector']"));
        assertThat(line).contains(held).doesNotContain(real).contains("± ").contains("tracked");
        screenshot(kor, "sharing-kor-question-picture");
        click(kor, By.cssSelector("[data-question='Q7'] [data-picture='inspector'] button"));
        until(kor, d -> d.findElement(By.id("view-space")).isDisplayed()
                && "inspector".equals(d.findElement(By.id("map-follow")).getDomProperty("value")));
    }

    /** Where an object's dot is within the truth's, the ROK's and the US small map: x, y in each, in pixels. */
    @SuppressWarnings("unchecked")
    static List<Number> where(WebDriver d, String object) {
        return (List<Number>) ((JavascriptExecutor) d).executeScript("""
                return ['mini-truth', 'mini-kor', 'mini-usa'].flatMap((id) => {
                  const box = document.getElementById(id).getBoundingClientRect();
                  const r = document.querySelector('#' + id + ' .sat-' + arguments[0]).getBoundingClientRect();
                  return [r.left + r.width / 2 - box.left, r.top + r.height / 2 - box.top];
                });
                """, object);
    }

    /** An object's position in a picture as the console writes it beside a question ("lat°, lon°", 2 decimals). */
    static String latLon(com.fasterxml.jackson.databind.JsonNode picture, String id) {
        for (com.fasterxml.jackson.databind.JsonNode o : picture.get("objects")) {
            if (o.get("id").asText().equals(id)) {
                return String.format(java.util.Locale.ROOT, "%.2f°, %.2f°", o.get("position").get("lat").asDouble(),
                        o.get("position").get("lon").asDouble());
            }
        }
        throw new AssertionError("no " + id);
    }

    static void scrollTo(WebDriver d, String id) {
        ((JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }
}
