package org.spacettx.orbit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;

/** The real HTTP path, against a local server on the loopback interface that plays CelesTrak and Space-Track. */
class CatalogFetcherTest {

    private HttpServer server;
    private URI base;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private byte[] stations;

    @BeforeEach
    void start() throws IOException {
        stations = Files.readAllBytes(SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/NORAD/elements/gp.php", exchange -> {
            requests.add(exchange.getRequestURI().getQuery());
            boolean known = exchange.getRequestURI().getQuery().contains("GROUP=stations");
            exchange.sendResponseHeaders(known ? 200 : 404, known ? stations.length : -1);
            if (known) {
                exchange.getResponseBody().write(stations);
            }
            exchange.close();
        });
        server.createContext("/ajaxauth/login", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(URLDecoder.decode(form, StandardCharsets.UTF_8));
            byte[] body = form.contains("password=right")
                    ? stations
                    : "{\"Login\":\"Failed\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void celestrakGroupQuery() {
        byte[] body = CatalogFetcher.standard().get(CatalogFetcher.celestrakGroup(base, "stations", "TLE"));
        assertThat(requests).containsExactly("GROUP=stations&FORMAT=tle");
        assertThat(CatalogReader.strict(OrekitData.standard()).read("download", body).elementSets()).hasSize(25);
    }

    @Test
    void httpErrorsAreNamed() {
        URI missing = CatalogFetcher.celestrakGroup(base, "nonexistent", "tle");
        assertThatThrownBy(() -> CatalogFetcher.standard().get(missing))
                .isInstanceOf(InputException.class).hasMessage(missing + ": the server answered HTTP 404");
    }

    @Test
    void spaceTrackLogsInAndQueriesInOneRequest() {
        Map<String, String> env = Map.of("SPACETRACK_USER", "analyst@example.org", "SPACETRACK_PASSWORD", "right");
        byte[] body = new CatalogFetcher(Duration.ofSeconds(5), env::get)
                .spaceTrack(base, "/basicspacedata/query/class/gp/GROUP/stations/format/3le");
        assertThat(body).isEqualTo(stations);
        assertThat(requests.get(0)).contains("identity=analyst@example.org", "password=right",
                "query=" + base + "/basicspacedata/query/class/gp/GROUP/stations/format/3le");
    }

    @Test
    void spaceTrackRefusalsAndMissingCredentialsAreNamed() {
        Map<String, String> wrong = Map.of("SPACETRACK_USER", "analyst", "SPACETRACK_PASSWORD", "wrong");
        assertThatThrownBy(() -> new CatalogFetcher(Duration.ofSeconds(5), wrong::get).spaceTrack(base, "/q"))
                .hasMessageContaining("refused the login for analyst");
        assertThatThrownBy(() -> new CatalogFetcher(Duration.ofSeconds(5), k -> null).spaceTrack(base, "/q"))
                .hasMessageContaining("set SPACETRACK_USER and SPACETRACK_PASSWORD");
    }

    @Test
    void offlineGivesAClearMessage() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/gp.php");
        assertThatThrownBy(() -> new CatalogFetcher(Duration.ofSeconds(2), k -> null).get(nowhere))
                .isInstanceOf(InputException.class).hasMessageStartingWith(nowhere + ": cannot connect");
    }
}
