package org.spacettx.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI image as a site that runs containers meets it, with Debian's podman (no daemon, no registry): loaded from
 * the tar {@code ./spacettx dist} wrote, a first account made with {@code users add} on a volume, the server started by
 * the image's own command with its port published, sign-in, SIGTERM ending it cleanly, the account still there in a
 * second container on the same volume; the demo's Korean PDF report (fonts in a bare base) and a screening that uses
 * the SIMD kernel. CI requires podman ({@code SPACETTX_REQUIRE_PODMAN}).
 */
@Tag("slow")
class ImageIT {

    static final String PASSWORD = "image-password-1";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    final String tag = "spacettx-it-" + UUID.randomUUID().toString().substring(0, 8);
    final List<List<String>> cleanup = new ArrayList<>();

    static boolean podmanWorks() {
        try {
            return new ProcessBuilder("podman", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Run podman(Duration limit, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().putAll(env);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Run(p.exitValue(), out);
    }

    record Run(int code, String out) {
    }

    static Run ok(Run r, String what) {
        assertThat(r.code()).as(what + "\n" + r.out()).isZero();
        return r;
    }

    @Test
    void theImageRunsTheServerOnAVolumeAndStopsCleanly() throws Exception {
        Path tar = Path.of(System.getProperty("spacettx.image"));
        boolean possible = podmanWorks() && Files.exists(tar);
        if (System.getenv("SPACETTX_REQUIRE_PODMAN") != null) {
            assertThat(possible).as("podman, which CI installs, and the image (built where apt-get is)").isTrue();
        }
        Assumptions.assumeTrue(possible, "needs podman, and the image (./spacettx dist builds it where Debian's apt-get is)");
        String loaded = ok(podman(Duration.ofMinutes(5), Map.of(), "load", "-i", tar.toString()), "load").out();
        String image = loaded.lines().filter(l -> l.startsWith("Loaded image")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst().orElseThrow(() -> new AssertionError(loaded));
        assertThat(image).endsWith("spacettx:0.1.0-SNAPSHOT");
        cleanup.add(List.of("rmi", "-f", image));
        String volume = tag + "-data";
        try {
            ok(podman(Duration.ofMinutes(1), Map.of(), "volume", "create", volume), "volume");
            cleanup.add(List.of("volume", "rm", "-f", volume));
            assertThat(podman(Duration.ofMinutes(1), Map.of(), "image", "inspect", "--format", "{{.Config.User}}", image).out().strip())
                    .as("not root").isEqualTo("10001:10001");
            assertThat(ok(podman(Duration.ofMinutes(1), Map.of(), "run", "--rm", image, "--version"), "--version").out())
                    .contains("SpaceTTX 0.1.0-SNAPSHOT (commit ");

            // the site's first account, on the volume, then the server by the image's own command
            ok(podman(Duration.ofMinutes(2), Map.of("SPACETTX_PASSWORD", PASSWORD), "run", "--rm", "-e", "SPACETTX_PASSWORD",
                    "-v", volume + ":/var/lib/spacettx", image, "users", "add", "control", "--admin"), "users add");
            int port = freePort();
            String first = tag + "-serve";
            startServer(image, first, port, volume);
            assertThat(login(port, "control", PASSWORD)).isEqualTo(200);
            assertThat(login(port, "control", "wrong-password-1")).isEqualTo(401);
            // SIGTERM (podman stop) ends it cleanly: 128 + 15, well before podman's 30 s would SIGKILL it
            long t0 = System.nanoTime();
            ok(podman(Duration.ofMinutes(1), Map.of(), "stop", "-t", "30", first), "stop");
            assertThat((System.nanoTime() - t0) / 1e9).as("stopped by SIGTERM, not killed after the timeout").isLessThan(20);
            assertThat(podman(Duration.ofMinutes(1), Map.of(), "inspect", "--format", "{{.State.ExitCode}}", first).out().strip())
                    .isEqualTo("143");
            // a new container on the same volume finds the account
            String second = tag + "-again";
            startServer(image, second, port, volume);
            assertThat(login(port, "control", PASSWORD)).isEqualTo(200);
            ok(podman(Duration.ofMinutes(1), Map.of(), "stop", second), "stop");

            // the demo's report in Korean, as PDF (its fonts come with the application, the base has none)
            String demo = tag + "-demo";
            cleanup.add(List.of("rm", "-f", "-v", demo));
            ok(podman(Duration.ofMinutes(1), Map.of("SPACETTX_DEMO_PASSWORD", PASSWORD), "run", "-d", "--name", demo,
                    "-e", "SPACETTX_DEMO_PASSWORD", "-p", "127.0.0.1:" + port + ":7070", image, "demo", "--host", "0.0.0.0"), "demo");
            awaitHealth(port, demo);
            String cookie = sessionCookie(port, "control", PASSWORD);
            HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/exercises/rok-us-space-ttx/report?format=pdf&lang=ko")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(pdf.body().length).isGreaterThan(20_000);
            ok(podman(Duration.ofMinutes(1), Map.of(), "stop", demo), "stop demo");

            // the orbital engine in the image: a screening with the SIMD kernel over a file mounted from the host
            Path tle = Path.of(System.getProperty("spacettx.shared"), "data/catalog/celestrak-groups-2026-05-30/resource.tle");
            Files.copy(tle, dir.resolve("resource.tle"));
            // the image's user (uid 10001) reads what it is given, as any other user of the host would
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(dir.resolve("resource.tle"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Run screen = ok(podman(Duration.ofMinutes(5), Map.of(), "run", "--rm", "-v", dir + ":/work:ro", image, "screen",
                    "--tle", "/work/resource.tle", "--from", "2026-05-30T00:00:00Z", "--to", "2026-05-30T02:00:00Z",
                    "--threshold-km", "50", "--format", "csv"), "screen");
            assertThat(screen.out()).contains("norad_a,norad_b,tca_utc,miss_km,");
            List<String> rows = screen.out().lines().filter(l -> l.matches("^\\d+,\\d+,2026-05-30T.*")).toList();
            assertThat(rows).as(screen.out()).hasSizeGreaterThan(3);
        } finally {
            for (List<String> c : cleanup.reversed()) {
                podman(Duration.ofMinutes(1), Map.of(), c.toArray(String[]::new));
            }
        }
    }

    void startServer(String image, String name, int port, String volume) throws Exception {
        cleanup.add(List.of("rm", "-f", "-v", name));
        ok(podman(Duration.ofMinutes(1), Map.of(), "run", "-d", "--name", name, "-p", "127.0.0.1:" + port + ":7070",
                "-v", volume + ":/var/lib/spacettx", image), "run " + name);
        awaitHealth(port, name);
    }

    static void awaitHealth(int port, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " did not answer /api/health in 2 minutes:\n"
                + podman(Duration.ofMinutes(1), Map.of(), "logs", name).out());
    }

    static HttpResponse<String> postLogin(int port, String user, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static int login(int port, String user, String password) throws Exception {
        return postLogin(port, user, password).statusCode();
    }

    static String sessionCookie(int port, String user, String password) throws Exception {
        HttpResponse<String> r = postLogin(port, user, password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).reduce((a, b) -> a + "; " + b).orElseThrow();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
