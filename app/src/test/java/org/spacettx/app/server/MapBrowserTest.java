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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Maps that inform (issue 28, item 4): land, sea, cities and the cell's own sensors' coverage; in move 3, with launched and shared satellites close together, no
 * label (a satellite's or a site's) overlaps another label on the maps of control, a delegation and the observer (a label set away
 * from its dot has a leader line to it); the legend folds, and is folded at tablet width; the map's texts are in the
 * page's font (Leaflet's had no Hangul: the Korean legend was empty boxes).
 */
@Tag("browser")
class MapBrowserTest {

    static final String PASSWORD = "map-demo-password";
    static final String EX = "rok-us-space-ttx";
    static DemoServer demo;

    /** Every pair of labels on the map whose boxes overlap, and how many labels and leaders there are. */
    static final String LABELS = """
            const box = document.getElementById('map').getBoundingClientRect();
            const labels = [...document.querySelectorAll('#map .sat-label, #map .place-label')]
              .filter((n) => n.offsetParent !== null).map((n) => ({text: n.textContent, r: n.getBoundingClientRect(), sat: n.classList.contains('sat-label')}));
            const overlaps = [];
            for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
              const a = labels[i].r, c = labels[j].r;
              if (a.left < c.right - 1 && c.left < a.right - 1 && a.top < c.bottom - 1 && c.top < a.bottom - 1) {
                overlaps.push(labels[i].text + ' / ' + labels[j].text);
              }
            }
            return {overlaps, sats: labels.filter((l) => l.sat).length, moved: document.querySelectorAll('#map .label-moved').length,
                    leaders: document.querySelectorAll('#map path.leader').length,
                    font: getComputedStyle(document.querySelector('#map .sat-label')).fontFamily};
            """;

    /** Whether a point of the page (x, y) is inside any of the map's paths of a class (arguments[2]). */
    static final String INSIDE = """
            return [...document.querySelectorAll('#map path.' + arguments[2])].some((path) =>
              path.isPointInFill(new DOMPoint(arguments[0], arguments[1]).matrixTransform(path.getScreenCTM().inverse())));
            """;

    /** The centre of a city's dot on the page, or null where it is not drawn. */
    static final String CITY = """
            const dot = document.querySelector('#map path.city-' + arguments[0]);
            if (!dot) return null;
            const r = dot.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2];
            """;

    @SuppressWarnings("unchecked")
    static List<Number> city(WebDriver d, String slug) {
        return (List<Number>) ((JavascriptExecutor) d).executeScript(CITY, slug);
    }

    static boolean onLand(WebDriver d, double x, double y) {
        return inside(d, x, y, "land");
    }

    static boolean inside(WebDriver d, double x, double y, String pathClass) {
        return (Boolean) ((JavascriptExecutor) d).executeScript(INSIDE, x, y, pathClass);
    }

    interface OnTheMap {
        void check(String user, WebDriver d) throws Exception;
    }

    /** Each user in a browser of their own, signed in, on the space view. */
    static void onTheSpaceView(List<String> users, OnTheMap check) throws Exception {
        for (String user : users) {
            WebDriver d = ConsoleBrowserTest.browser();
            try {
                ConsoleBrowserTest.login(d, demo.server().port(), user, PASSWORD);
                ConsoleBrowserTest.click(d, By.id("tab-space"));
                check.check(user, d);
            } finally {
                d.quit();
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.ofItsOwn(PASSWORD, true);
        assertThat(demo.as("control").command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M3\"}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    /**
     * The world under the picture: land filled on the sea (Moscow and Seoul on land, the Pacific 10° east of Tokyo at
     * sea: a ring drawn across the antimeridian once covered everything),
     * cities named at a theatre's zoom in the reader's language without covering a label, and a cell's own ground
     * sensors' coverage (never another cell's; all of them for control).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theMapShowsLandSeaCitiesAndTheCellsOwnSensors() throws Exception {
        onTheSpaceView(List.of("kor1", "usa1", "control"), (user, d) -> {
            until(d, "land on the map", x -> !x.findElements(By.cssSelector("#map path.land")).isEmpty()
                    && city(x, "kr-seoul") != null);
            List<Number> seoul = city(d, "kr-seoul");
            List<Number> tokyo = city(d, "jp-tokyo");
            List<Number> moscow = city(d, "ru-moscow");
            assertThat(onLand(d, seoul.get(0).doubleValue(), seoul.get(1).doubleValue())).as("Seoul on land").isTrue();
            assertThat(onLand(d, moscow.get(0).doubleValue(), moscow.get(1).doubleValue())).as("Moscow on land").isTrue();
            // Mercator: x goes with longitude; 10° east of Tokyo is the open Pacific
            double perDegree = (tokyo.get(0).doubleValue() - seoul.get(0).doubleValue()) / (139.692 - 126.978);
            assertThat(onLand(d, tokyo.get(0).doubleValue() + 10 * perDegree, tokyo.get(1).doubleValue())).as("the Pacific").isFalse();
            String sea = (String) ((JavascriptExecutor) d).executeScript("return getComputedStyle(document.getElementById('map')).backgroundColor");
            assertThat(sea).as("the sea's colour").isEqualTo("rgb(223, 233, 243)");
            // the cell's own sensors: Korea's two, the United States' three, control all five
            List<String> coverage = (List<String>) ((JavascriptExecutor) d).executeScript(
                    "return [...document.querySelectorAll('#map path.coverage')].map((p) => p.getAttribute('class').match(/coverage-(\\S+)/)[1]).sort()");
            assertThat(coverage).as("%s's sensor coverage", user).isEqualTo(switch (user) {
                case "kor1" -> List.of("bohyunsan-telescope", "naro-radar");
                case "usa1" -> List.of("kwajalein-radar", "maui-telescope", "shemya-radar");
                default -> List.of("bohyunsan-telescope", "kwajalein-radar", "maui-telescope", "naro-radar", "shemya-radar");
            });
            // coverage that crosses the antimeridian (Shemya's, Kwajalein's) stays round its site: drawn as it came, each
            // was a band round the world, over Moscow and Mexico City
            for (String far : List.of("ru-moscow", "mx-mexico-city")) {
                List<Number> at = city(d, far);
                assertThat(inside(d, at.get(0).doubleValue(), at.get(1).doubleValue(), "coverage")).as("%s under a coverage", far).isFalse();
            }
            if (user.equals("usa1")) {
                ConsoleBrowserTest.screenshot(d, "map-usa1-coverage");
            }
            if (user.equals("kor1")) {
                new org.openqa.selenium.support.ui.Select(d.findElement(By.id("language"))).selectByValue("ko");
                until(d, "the legend in Korean", x -> x.findElement(By.cssSelector("#map-legend summary")).getText().equals("범례"));
                assertThat(d.findElement(By.id("map-legend")).getText()).contains("아군 지상 센서 탐지 범위");
                // a theatre's zoom: double-clicks on the Yellow Sea, south-west of Seoul, each doubling the scale there
                ((JavascriptExecutor) d).executeScript("document.getElementById('map').scrollIntoView({block: 'center'})");
                for (int k = 0; k < 4; k++) {
                    List<Number> at = city(d, "kr-seoul");
                    new org.openqa.selenium.interactions.Actions(d).moveToLocation(at.get(0).intValue() - 40, at.get(1).intValue() + 30)
                            .doubleClick().perform();
                    Thread.sleep(700);
                }
                until(d, "Busan named", x -> x.findElements(By.cssSelector("#map .city-label")).stream()
                        .anyMatch(n -> n.getText().equals("부산")));
                List<String> cities = (List<String>) ((JavascriptExecutor) d).executeScript(
                        "return [...document.querySelectorAll('#map .city-label')].map((n) => n.textContent)");
                assertThat(cities).as("cities named at the theatre's zoom").contains("서울", "부산", "평양", "대구");
                // no city's name over a label of the picture or another city's
                Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) d).executeScript(
                        LABELS.replace("'#map .sat-label, #map .place-label'", "'#map .sat-label, #map .place-label, #map .city-label'"));
                assertThat((List<String>) m.get("overlaps")).as("labels overlapping at the theatre's zoom").isEmpty();
                ConsoleBrowserTest.screenshot(d, "map-kor1-theatre-ko");
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void noSatelliteLabelOverlapsAnotherAndTheLegendFolds() throws Exception {
        onTheSpaceView(List.of("control", "kor1", "observer"), (user, d) -> {
            until(d, "satellites on the map", x -> !x.findElements(By.cssSelector("#map .sat-label")).isEmpty());
            Thread.sleep(800);
            Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) d).executeScript(LABELS);
            assertThat(((Number) m.get("sats")).intValue()).as("%s's satellite labels", user).isGreaterThanOrEqualTo(2);
            assertThat((List<String>) m.get("overlaps")).as("labels overlapping on %s's map", user).isEmpty();
            assertThat(((Number) m.get("leaders")).intValue()).as("a leader for each label set away").isEqualTo(
                    ((Number) m.get("moved")).intValue());
            assertThat((String) m.get("font")).as("the labels' font").contains("Noto Sans KR");
            ConsoleBrowserTest.screenshot(d, "map-" + user + "-m3");
            if (user.equals("kor1")) {
                new org.openqa.selenium.support.ui.Select(d.findElement(By.id("language"))).selectByValue("ko");
                until(d, "the legend in Korean", x -> x.findElement(By.cssSelector("#map-legend summary")).getText().equals("범례"));
                ConsoleBrowserTest.screenshot(d, "map-kor1-m3-ko");
                // the legend: open on a large screen, folded by its summary, folded at tablet width
                assertThat(d.findElement(By.cssSelector("#map-legend details")).getDomProperty("open")).isEqualTo("true");
                ConsoleBrowserTest.click(d, By.cssSelector("#map-legend summary"));
                assertThat(d.findElement(By.cssSelector("#map-legend details")).getDomProperty("open")).isEqualTo("false");
                d.manage().window().setSize(new Dimension(800, 1000));
                d.navigate().refresh();
                ConsoleBrowserTest.click(d, By.id("tab-space"));
                until(d, "the legend", x -> !x.findElements(By.cssSelector("#map-legend details")).isEmpty());
                assertThat(d.findElement(By.cssSelector("#map-legend details")).getDomProperty("open")).isEqualTo("false");
                Number legendHeight = (Number) ((JavascriptExecutor) d).executeScript(
                        "return document.getElementById('map-legend').getBoundingClientRect().height");
                assertThat(legendHeight.doubleValue()).as("the folded legend is one line").isLessThan(40);
                ConsoleBrowserTest.screenshot(d, "map-kor1-tablet");
            }
        });
    }
}
