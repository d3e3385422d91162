package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.Databases;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * The server's CZML read by CesiumJS itself: a minimal viewer page loads it with Cesium's CzmlDataSource in
 * headless Chromium, and every entity's position, as Cesium interpolates it between samples, is checked against
 * SGP4 at those times, with the CesiumJS this server ships (npm's {@code cesium}, taken by the build).
 */
@Tag("browser")
class CzmlViewerBrowserTest {

    static final String PASSWORD = "czml-viewer-password";

    /** The CesiumJS the server ships (the build puts npm's package into the classes, see app/pom.xml). */
    static byte[] cesium() throws IOException {
        boolean browser = Files.isExecutable(Path.of(ConsoleBrowserTest.CHROMIUM));
        if (System.getenv("SPACETTX_REQUIRE_BROWSER") != null) {
            assertThat(browser).as("the browser tests need " + ConsoleBrowserTest.CHROMIUM).isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(browser, "the browser tests need " + ConsoleBrowserTest.CHROMIUM);
        return readResource("/public/cesium/Cesium.js");
    }

    @Test
    void cesiumReadsTheSpacePictureWhereSgp4PutsIt() throws Exception {
        byte[] cesium = cesium();
        Instant from = Instant.parse("2023-11-21T12:00:00Z");
        Instant to = Instant.parse("2023-11-21T18:00:00Z");
        byte[] czml;
        String scenarioYaml;
        try (Database db = Databases.embedded()) {
            org.spacettx.app.cli.DemoAccess.prepare(db, PASSWORD);
            try (Server server = Server.start(db, Server.Options.local(0))) {
                // control: the exercise has not started, and a delegation knows of no launched object yet (the
                // policy's time rule, TimeVisibilityTest); control sees every object
                ApiClient control = new ApiClient(server.port());
                assertThat(control.login("control", PASSWORD).status()).isEqualTo(200);
                ApiClient.Response r = control.get("/api/exercises/" + ServerTest.EX + "/space.czml?from=" + from + "&to=" + to
                        + "&step=60&lang=ko");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(control.get("/api/exercises/" + ServerTest.EX + "/space.czml?step=5").status()).isEqualTo(400);
                assertThat(control.get("/api/exercises/" + ServerTest.EX + "/space.czml?from=2020-01-01T00:00:00Z").status()).isEqualTo(400);
                czml = r.bytes();
                scenarioYaml = Files.readString(ServerTest.demoScenario());
            }
        }

        // probes between samples (Cesium interpolates there) and on the last one
        List<Instant> probes = List.of(from.plusSeconds(30), Instant.parse("2023-11-21T14:07:13Z"),
                Instant.parse("2023-11-21T16:44:51.5Z"), to);
        HttpServer pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve(pages, "/viewer.html", "text/html; charset=utf-8", readResource("/czml-viewer/viewer.html"));
        serve(pages, "/Cesium.js", "text/javascript", cesium);
        serve(pages, "/space.czml", "application/json", czml);
        pages.start();
        WebDriver browser = ConsoleBrowserTest.browser();
        try {
            String probe = String.join(",", probes.stream().map(Instant::toString).toList());
            browser.get("http://127.0.0.1:" + pages.getAddress().getPort() + "/viewer.html?probe=" + probe);
            Object raw = new WebDriverWait(browser, Duration.ofSeconds(60))
                    .until(d -> ((JavascriptExecutor) d).executeScript("return window.czmlResult ? JSON.stringify(window.czmlResult) : null"));
            JsonNode result = new ObjectMapper().readTree((String) raw);
            assertThat(result.has("error")).as(result.path("error").asText()).isFalse();
            assertThat(result.get("clock").get("start").asText()).startsWith("2023-11-21T12:00:00");
            Path shots = Path.of("target", "browser");
            Files.createDirectories(shots);
            Files.write(shots.resolve("czml-viewer.png"),
                    ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

            Scenario demo = ScenarioReader.parse(scenarioYaml, null, OrekitData.standard()).scenario();
            Map<String, JsonNode> entities = new java.util.HashMap<>();
            result.get("entities").forEach(e -> entities.put(e.get("id").asText(), e));
            assertThat(entities).containsKeys("place/osan", "object/recon-1", "object/ru-radar", "object/rok-eo", "object/inspector");
            assertThat(entities.get("object/recon-1").get("name").asText()).isEqualTo("만리경-1호 (연습)");
            List<String> checked = new ArrayList<>();
            for (SpaceObject o : demo.objects()) {
                JsonNode e = entities.get("object/" + o.id());
                Sgp4 sgp4 = Sgp4.of(o.elements(), OrekitData.standard());
                for (Instant t : probes) {
                    JsonNode p = e.get("positions").get(t.toString());
                    if (o.inOrbitFrom() != null && t.isBefore(o.inOrbitFrom())) {
                        continue; // before its insertion the object is outside its availability
                    }
                    assertThat(p.isNull()).as(o.id() + " at " + t).isFalse();
                    CartesianState s = sgp4.itrf(t);
                    double miss = Math.sqrt(Math.pow(p.get(0).asDouble() - s.xKm() * 1000, 2)
                            + Math.pow(p.get(1).asDouble() - s.yKm() * 1000, 2) + Math.pow(p.get(2).asDouble() - s.zKm() * 1000, 2));
                    assertThat(miss).as("%s at %s: Cesium's position vs SGP4 (m)", o.id(), t).isLessThan(1.0);
                    checked.add(o.id() + "@" + t);
                }
            }
            assertThat(checked).hasSizeGreaterThanOrEqualTo(14);
            // the recon satellite is launched at 13:42:28 and inserted 10 minutes later: available from then
            assertThat(entities.get("object/recon-1").get("availability").get(0).asText()).startsWith("2023-11-21T13:52:28");
        } finally {
            browser.quit();
            pages.stop(0);
        }
    }

    private static void serve(HttpServer server, String path, String type, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = CzmlViewerBrowserTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
