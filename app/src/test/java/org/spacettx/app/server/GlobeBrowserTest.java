package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spacettx.app.server.ConsoleBrowserTest.browser;
import static org.spacettx.app.server.ConsoleBrowserTest.click;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * The console's 3D globe (CesiumJS shipped by the server) in headless Chromium, as the ROK cell sees it: the globe is
 * drawn (Natural Earth imagery, no request outside the server), each satellite the cell knows of is where SGP4 puts
 * it at the scenario time, and drawn there in its colour; the satellite launched in move 2 is absent in move 1 and
 * present in move 3; in move 4 the ASAT test's fragments are drawn where SGP4 puts them and no counterspace effect,
 * which control's globe then shows. Software WebGL is slow: the test waits for the globe's tiles, then reads the page.
 */
@Tag("browser")
@Tag("slow")
class GlobeBrowserTest {

    static final String EX = "rok-us-space-ttx";
    static final String PASSWORD = "globe-browser-password";
    static final Duration SETTLE = Duration.ofSeconds(120);

    @TempDir
    static Path dir;
    static DemoServer demo;
    static WebDriver kor;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.start(dir, PASSWORD);
        kor = browser();
        kor.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1300)); // the whole globe on screen
    }

    @AfterAll
    static void stop() {
        if (kor != null) {
            kor.quit();
        }
        if (demo != null) {
            demo.close();
        }
    }

    /**
     * Presses the console's globe button as a user would until it shows pressed: a click that lands before the console
     * has wired the button does nothing (seen once in CI: the map stayed), and the button turns the globe on at once
     * when it does act, so a second click never comes after one that worked.
     */
    static void showGlobe(WebDriver d) {
        By button = By.id("view-globe");
        new WebDriverWait(d, ConsoleBrowserTest.WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(x -> {
                    if (!"true".equals(x.findElement(button).getAttribute("aria-pressed"))) {
                        click(x, button);
                    }
                    return "true".equals(x.findElement(button).getAttribute("aria-pressed"));
                });
    }

    static void login(WebDriver d, String user) {
        ConsoleBrowserTest.login(d, demo.server().port(), user, PASSWORD);
    }

    /**
     * What the globe's page holds once settled (the frame is entered first): the scenario time of Cesium's clock, each
     * object entity's Earth-fixed position then (m), whether the Earth hides it from the camera, and where on the
     * canvas it is drawn; requests that left the server.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> globe(WebDriver d) {
        return (Map<String, Object>) ((JavascriptExecutor) d).executeScript("""
                const g = window.spaceGlobe, C = window.Cesium, scene = g.widget.scene, time = g.widget.clock.currentTime;
                const occluder = new C.EllipsoidalOccluder(C.Ellipsoid.WGS84, scene.camera.positionWC);
                const canvas = scene.canvas.getBoundingClientRect();
                const objects = {};
                for (const e of g.state.source.entities.values) {
                  if (!e.id.startsWith('object/')) continue;
                  const p = e.position.getValue(time);
                  if (!p) continue;
                  const w = C.SceneTransforms.worldToWindowCoordinates(scene, p);
                  objects[e.id.slice(7)] = { x: p.x, y: p.y, z: p.z, visible: occluder.isPointVisible(p),
                    sx: w ? w.x / canvas.width : null, sy: w ? w.y / canvas.height : null, width: canvas.width, height: canvas.height,
                    colour: e.point.color.getValue(time).toCssHexString() };
                }
                return { time: C.JulianDate.toIso8601(time, 0), objects,
                  foreign: performance.getEntriesByType('resource').map((r) => r.name).filter((u) => !u.startsWith(location.origin)) };
                """);
    }

    /** Opens the globe in the console (or finds it open), enters its frame and waits until it has drawn its tiles. */
    static void settled(WebDriver d, String wantedObject) {
        d.switchTo().defaultContent();
        WebElement frame = new WebDriverWait(d, ConsoleBrowserTest.WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("globe-frame")));
        d.switchTo().frame(frame);
        new WebDriverWait(d, SETTLE).until(x -> (Boolean) ((JavascriptExecutor) x).executeScript("""
                const g = window.spaceGlobe;
                return !!(g && g.state.source && g.widget.scene.globe.tilesLoaded
                    && (!arguments[0] || g.state.source.entities.getById('object/' + arguments[0])));
                """, wantedObject));
    }

    /** The pixels of the globe's frame as shown, after the scene has rendered what it holds. */
    static BufferedImage pixels(WebDriver d, String name) throws Exception {
        ((JavascriptExecutor) d).executeScript("window.spaceGlobe.widget.scene.requestRender();");
        Thread.sleep(1500);
        d.switchTo().defaultContent();
        ((JavascriptExecutor) d).executeScript("document.getElementById('globe').scrollIntoView({block: 'center'})");
        byte[] png = d.findElement(By.id("globe")).getScreenshotAs(OutputType.BYTES);
        Path shots = Path.of("target", "browser");
        Files.createDirectories(shots);
        Files.write(shots.resolve(name + ".png"), png);
        d.switchTo().frame(d.findElement(By.id("globe-frame")));
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Checks every object the globe holds against SGP4 at the globe's time, and the visible ones on the image. */
    @SuppressWarnings("unchecked")
    static List<String> checkAgainstSgp4(Map<String, Object> seen, BufferedImage image, Scenario demo) {
        Instant at = Instant.parse((String) seen.get("time"));
        Map<String, Map<String, Object>> objects = (Map<String, Map<String, Object>>) seen.get("objects");
        List<String> drawn = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : objects.entrySet()) {
            SpaceObject o = demo.object(e.getKey()).orElseThrow();
            CartesianState s = o.propagator(OrekitData.standard()).itrf(at); // after its burns too
            Map<String, Object> p = e.getValue();
            double miss = Math.sqrt(Math.pow(num(p, "x") - s.xKm() * 1000, 2) + Math.pow(num(p, "y") - s.yKm() * 1000, 2)
                    + Math.pow(num(p, "z") - s.zKm() * 1000, 2));
            assertThat(miss).as("%s at %s: the globe's position vs SGP4 (m)", o.id(), at).isLessThan(1.0);
            if (Boolean.TRUE.equals(p.get("visible")) && p.get("sx") != null) {
                double sx = num(p, "sx"), sy = num(p, "sy");
                if (sx > 0.02 && sx < 0.98 && sy > 0.02 && sy < 0.98) {
                    assertThat(image.getHeight()).as("the globe's image, all of its canvas").isGreaterThanOrEqualTo((int) num(p, "height") - 2);
                    int x = (int) Math.round(sx * image.getWidth()), y = (int) Math.round(sy * image.getHeight());
                    assertThat(near(image, x, y, (String) p.get("colour"))).as("%s drawn in %s at (%d, %d) of the globe's image",
                            o.id(), p.get("colour"), x, y).isTrue();
                    drawn.add(o.id());
                }
            }
        }
        return drawn;
    }

    @SuppressWarnings("unchecked")
    static java.util.Set<String> objects(Map<String, Object> seen) {
        return ((Map<String, Object>) seen.get("objects")).keySet();
    }

    static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    /** Whether a pixel within 4 px of (x, y) has about this colour (#rrggbb or #rrggbbaa). */
    static boolean near(BufferedImage image, int x, int y, String hex) {
        int r = Integer.parseInt(hex.substring(1, 3), 16), g = Integer.parseInt(hex.substring(3, 5), 16), b = Integer.parseInt(hex.substring(5, 7), 16);
        for (int dx = -4; dx <= 4; dx++) {
            for (int dy = -4; dy <= 4; dy++) {
                int px = x + dx, py = y + dy;
                if (px < 0 || py < 0 || px >= image.getWidth() || py >= image.getHeight()) {
                    continue;
                }
                int rgb = image.getRGB(px, py);
                if (Math.abs(((rgb >> 16) & 255) - r) + Math.abs(((rgb >> 8) & 255) - g) + Math.abs((rgb & 255) - b) < 60) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The share of the image's central third that is neither black nor near-black (the Earth drawn with its imagery). */
    static double earthDrawn(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight(), lit = 0, all = 0;
        for (int x = w / 3; x < 2 * w / 3; x++) {
            for (int y = h / 3; y < 2 * h / 3; y++) {
                int rgb = image.getRGB(x, y);
                all++;
                if (((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255) > 90) {
                    lit++;
                }
            }
        }
        return (double) lit / all;
    }

    @Test
    void theGlobeShowsWhatTheCellKnowsWhereSgp4PutsIt() throws Exception {
        ApiClient control = demo.as("control");
        assertThat(control.command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
        assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M1\",\"back\":true}").status()).isEqualTo(200);
        Scenario scenario = ScenarioReader.parse(Files.readString(ServerTest.demoScenario()), null, OrekitData.standard()).scenario();

        login(kor, "kor1");
        showGlobe(kor);
        assertThat(kor.findElement(By.id("map")).isDisplayed()).as("the map gives way to the globe").isFalse();
        settled(kor, "rok-eo");
        Map<String, Object> move1 = globe(kor);
        assertThat(move1.get("time")).isEqualTo("2023-11-14T00:00:00Z");
        assertThat((List<?>) move1.get("foreign")).as("requests outside the server").isEmpty();
        assertThat(objects(move1)).as("known in move 1").contains("rok-eo", "ru-radar", "inspector").doesNotContain("recon-1");
        BufferedImage image1 = pixels(kor, "globe-kor-move1");
        assertThat(earthDrawn(image1)).as("share of the globe's centre drawn").isGreaterThan(0.5);
        List<String> drawn1 = checkAgainstSgp4(move1, image1, scenario);
        assertThat(drawn1).as("satellites drawn on the visible side in move 1").isNotEmpty();

        // move 3: the satellite launched in move 2 is known now; the globe reads the CZML again by itself
        kor.switchTo().defaultContent();
        assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M3\"}").status()).isEqualTo(200);
        settled(kor, "recon-1");
        new WebDriverWait(kor, SETTLE).until(x -> "2023-11-24T00:00:00Z".equals(globe(x).get("time")));
        Map<String, Object> move3 = globe(kor);
        assertThat(objects(move3)).as("known in move 3").contains("recon-1", "rok-eo");
        assertThat(((Map<?, ?>) ((Map<?, ?>) move3.get("objects")).get("rok-eo")).get("colour")).as("allied colour").isEqualTo("#0b5cad");
        assertThat(((Map<?, ?>) ((Map<?, ?>) move3.get("objects")).get("recon-1")).get("colour")).as("other colour").isEqualTo("#b3261e");
        BufferedImage image3 = pixels(kor, "globe-kor-move3");
        List<String> drawn3 = checkAgainstSgp4(move3, image3, scenario);
        assertThat(drawn3).as("satellites drawn on the visible side in move 3").isNotEmpty();
        // the satellites' labels on the visible side: none over another (placed as on the map, measured in their font)
        settled(kor, "recon-1");
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> placed = (Map<String, List<Map<String, Object>>>) ((JavascriptExecutor) kor)
                .executeScript("return window.spaceGlobe.labels()");
        List<Map<String, Object>> labels = placed.get("labels");
        List<Map<String, Object>> dots = placed.get("dots");
        assertThat(labels).as("labels on the visible side").hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < labels.size(); i++) {
            for (int j = 0; j < labels.size(); j++) {
                if (j != i) {
                    assertThat(over(labels.get(i), labels.get(j))).as("%s over %s", labels.get(i).get("text"), labels.get(j).get("text")).isFalse();
                    assertThat(over(labels.get(i), dots.get(j))).as("%s over the dot of %s", labels.get(i).get("text"), dots.get(j).get("text")).isFalse();
                }
            }
        }
        pixels(kor, "globe-kor-move3-labels");
        assertThat((List<?>) globe(kor).get("foreign")).as("requests outside the server").isEmpty();
        assertThat(debris(kor).get("count")).as("no debris before the test").isEqualTo(0L);

        // move 4: the ASAT test has happened; the delegation's globe shows the cloud where SGP4 puts each fragment,
        // and no counterspace effect (control's alone)
        kor.switchTo().defaultContent();
        assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M4\"}").status()).isEqualTo(200);
        new WebDriverWait(kor, SETTLE).until(x -> {
            settled(x, null);
            return ((Number) debris(x).get("count")).longValue() > 0;
        });
        new WebDriverWait(kor, SETTLE).until(x -> "2023-11-27T00:00:00Z".equals(globe(x).get("time")));
        org.spacettx.exercise.scenario.Breakup asat = scenario.breakups().get(0);
        Map<String, Object> cloud = debris(kor);
        // every fragment SGP4 has flown without a dip below the surface, every 5 minutes from the span's start (two hours
        // back) to the globe's time, is there; one that dipped has re-entered (those that came down before are not)
        Instant globeTime = Instant.parse((String) cloud.get("time"));
        long flying = asat.fragments().stream().filter(f -> {
            Sgp4 sgp4 = Sgp4.of(f, OrekitData.standard());
            try {
                for (Instant t = globeTime.minus(Duration.ofHours(2)); !t.isAfter(globeTime); t = t.plus(Duration.ofMinutes(5))) {
                    sgp4.itrf(t);
                }
                return true;
            } catch (org.spacettx.orbit.propagate.PropagationException e) {
                return false;
            }
        }).count();
        assertThat(((Number) cloud.get("count")).intValue()).as("fragments on the delegation's globe")
                .isGreaterThanOrEqualTo((int) flying).isLessThanOrEqualTo(asat.fragments().size());
        assertThat(cloud.get("effects")).as("effects on the delegation's globe").isEqualTo(0L);
        checkFragments(cloud, asat);
        assertThat(objects(globe(kor))).as("the destroyed satellite").doesNotContain("ru-defunct");
        assertThat(kor.findElement(By.id("globe-legend")).getText()).containsAnyOf("Debris of a breakup", "파편")
                .doesNotContain("Counterspace effect").doesNotContain("대우주 효과");
        pixels(kor, "globe-kor-debris");
        kor.switchTo().defaultContent();
        ConsoleBrowserTest.severeConsoleMessagesNone(kor);

        // control, in the same browser: the cloud and the effects active around the time
        kor.manage().deleteAllCookies();
        login(kor, "control");
        showGlobe(kor);
        new WebDriverWait(kor, SETTLE).until(x -> {
            settled(x, null);
            return ((Number) debris(x).get("effects")).longValue() > 0 && ((Number) debris(x).get("count")).longValue() > 0;
        });
        Map<String, Object> controlCloud = debris(kor);
        assertThat(controlCloud.get("effectIds")).asString().contains("effect/seoul-laser").contains("effect/uplink-jammer");
        checkFragments(controlCloud, asat);
        assertThat(kor.findElement(By.id("globe-legend")).getText()).containsAnyOf("Counterspace effect", "대우주 효과");
        pixels(kor, "globe-control-effects");
        kor.switchTo().defaultContent();
        ConsoleBrowserTest.severeConsoleMessagesNone(kor);
    }

    /** The globe's debris: how many fragment points, the effects' ids, and a few fragments' positions at the globe's time. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> debris(WebDriver d) {
        return (Map<String, Object>) ((JavascriptExecutor) d).executeScript("""
                const g = window.spaceGlobe, time = g.widget.clock.currentTime;
                const all = g.state.source.entities.values;
                const points = all.filter((e) => e.id.startsWith('debris/') && e.point);
                const sample = {};
                for (const e of points.filter((e, k) => k % 97 === 0)) {
                  const p = e.position.getValue(time);
                  if (p) sample[e.id.slice(e.id.lastIndexOf('/') + 1)] = [p.x, p.y, p.z];
                }
                const effects = all.filter((e) => e.id.startsWith('effect/')).map((e) => e.id);
                return { count: points.length, effects: effects.length, effectIds: effects.join(','), sample,
                  time: Cesium.JulianDate.toIso8601(time, 0) };
                """);
    }

    /** Each sampled fragment where SGP4 puts it at the globe's time (the CZML samples every 5 minutes; Lagrange between). */
    @SuppressWarnings("unchecked")
    /** Whether two boxes on screen ({l, r, t, b}) overlap by more than a pixel. */
    static boolean over(Map<String, Object> a, Map<String, Object> c) {
        return n(a, "l") < n(c, "r") - 1 && n(c, "l") < n(a, "r") - 1 && n(a, "t") < n(c, "b") - 1 && n(c, "t") < n(a, "b") - 1;
    }

    static double n(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }

    static void checkFragments(Map<String, Object> cloud, org.spacettx.exercise.scenario.Breakup asat) {
        Instant at = Instant.parse((String) cloud.get("time"));
        Map<String, List<Number>> sample = (Map<String, List<Number>>) cloud.get("sample");
        assertThat(sample).hasSizeGreaterThan(5);
        for (Map.Entry<String, List<Number>> e : sample.entrySet()) {
            int norad = Integer.parseInt(e.getKey());
            CartesianState s = Sgp4.of(asat.fragments().stream().filter(f -> f.noradId() == norad).findFirst().orElseThrow(),
                    OrekitData.standard()).itrf(at);
            List<Number> p = e.getValue();
            double miss = Math.sqrt(Math.pow(p.get(0).doubleValue() - s.xKm() * 1000, 2) + Math.pow(p.get(1).doubleValue() - s.yKm() * 1000, 2)
                    + Math.pow(p.get(2).doubleValue() - s.zKm() * 1000, 2));
            // the CZML's degree-9 interpolation: metres, 93 m at worst through the perigee of the most eccentric (SpaceCzmlTest)
            assertThat(miss).as("fragment %d at %s: the globe's position vs SGP4 (m)", norad, at).isLessThan(150.0);
        }
    }
}
