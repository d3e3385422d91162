package org.spacettx.app.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.cli.ChildServer;

/**
 * {@code spacettx demo --tls}, as a user starts it: a self-signed pair made in the data directory, its fingerprint
 * printed (the same as the certificate served), the demo over HTTPS; the second start keeps the pair.
 */
@Tag("slow")
class DemoTlsTest {

    @TempDir
    Path dir;

    @Test
    void theDemoServesHttpsWithASelfSignedCertificateWhoseFingerprintItPrints() throws Exception {
        Pattern printed = Pattern.compile("SHA-256 ([0-9A-F:]{95})");
        String first;
        for (int start = 1; start <= 2; start++) {
            try (ChildServer demo = ChildServer.start(List.of("demo", "--tls", "--port", "0", "--data-dir", dir.toString()),
                    Map.of("SPACETTX_DEMO_PASSWORD", "demo-tls-password-1"))) {
                int port = demo.awaitReady(Duration.ofMinutes(3));
                Matcher m = printed.matcher(demo.output());
                assertThat(m.find()).as(demo.output()).isTrue();
                assertThat(demo.output()).contains(start == 1 ? "made now in" : "from " + dir).contains("running at https://");
                java.security.cert.X509Certificate served = Pem.certificates(dir.resolve(Tls.SELF_SIGNED_CERT)).get(0);
                assertThat(m.group(1)).isEqualTo(Tls.fingerprint(served));
                HttpClient browser = HttpClient.newBuilder().sslContext(TestPki.trustingOnly(served)).build();
                HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/session"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"kor1\",\"password\":\"demo-tls-password-1\"}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).isEqualTo(200);
                assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
                first = m.group(1);
                if (start == 2) {
                    assertThat(first).isEqualTo(Tls.fingerprint(served));
                }
            }
        }
    }
}
