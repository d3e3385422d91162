package org.spacettx.app.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.cli.DemoAccess;
import org.spacettx.app.server.Server;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.CertificateSubjects;
import org.spacettx.app.store.Database;
import org.spacettx.exercise.engine.Json;

/**
 * HTTPS and smart-card sign-in, with a public-key infrastructure made in the test: an authority of the site's servers,
 * an authority of its smart cards and one of somebody else's, client certificates named as accounts, one in the CAC
 * form mapped to an account, one revoked and one expired.
 */
class TlsTest {

    static final String PASSWORD = "tls-password-1";

    @TempDir
    static Path dir;
    static Database db;
    static Server server;
    static TestPki.Issued serverCa;
    static TestPki.Issued cards;
    static TestPki.Issued kor;
    static TestPki.Issued cac;
    static TestPki.Issued revoked;
    static TestPki.Issued expired;
    static TestPki.Issued stranger;

    @BeforeAll
    static void start() throws Exception {
        serverCa = TestPki.authority("O=Alliance,CN=Exercise Network Server CA");
        TestPki.Issued host = TestPki.issue(serverCa, "CN=spacettx.exercise.example", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(90)), List.of("localhost", "127.0.0.1"));
        cards = TestPki.authority("O=Alliance,CN=Alliance Smart Card CA");
        kor = TestPki.issue(cards, "O=Alliance,OU=ROK delegation,CN=kor1");
        cac = TestPki.issue(cards, "C=US,O=U.S. Government,OU=DoD,OU=PKI,CN=DOE.JOHN.Q.1234567890");
        revoked = TestPki.issue(cards, "O=Alliance,OU=US delegation,CN=usa1");
        expired = TestPki.issue(cards, "O=Alliance,CN=observer", Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(35)), List.of());
        stranger = TestPki.issue(TestPki.authority("CN=Somebody Else's CA"), "CN=kor1");
        Path cert = TestPki.pem(dir.resolve("server-cert.pem"), host.certificate(), serverCa.certificate());
        Path key = TestPki.pem(dir.resolve("server-key.pem"), host.keys().getPrivate());
        Path clientCa = TestPki.pem(dir.resolve("client-ca.pem"), cards.certificate());
        Path crl = TestPki.pem(dir.resolve("client.crl"), TestPki.revocations(cards, revoked.certificate()));
        db = Database.open(Database.embeddedUrl(dir.resolve("data")), null, null);
        DemoAccess.prepare(db, PASSWORD);
        server = Server.start(db, Server.Options.local(0).withTls(new Tls(cert, key, clientCa, crl)));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static URI at(String path) {
        return URI.create("https://127.0.0.1:" + server.port() + path);
    }

    static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static HttpResponse<String> post(HttpClient c, String path, String json) throws Exception {
        return c.send(HttpRequest.newBuilder(at(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void itServesHttpsOnlyWithTls12Or13AndSecureCookies() throws Exception {
        HttpClient browser = client(TestPki.trustingOnly(serverCa.certificate()));
        HttpResponse<String> health = browser.send(HttpRequest.newBuilder(at("/api/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).startsWith("max-age=31536000"));
        HttpResponse<String> login = post(browser, "/api/session", "{\"username\":\"control\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "SameSite=Strict", "Secure");
        // plain HTTP on the port gets no answer
        try (Socket plain = new Socket("127.0.0.1", server.port())) {
            plain.setSoTimeout(5000);
            plain.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = plain.getInputStream().readNBytes(64);
            assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotContain("HTTP/1.1 200").doesNotContain("status");
        }
        // each of the two versions alone is served; an older one is not
        for (String version : List.of("TLSv1.2", "TLSv1.3")) {
            HttpClient only = HttpClient.newBuilder().sslContext(TestPki.trustingOnly(serverCa.certificate()))
                    .sslParameters(new SSLParameters(null, new String[] {version})).build();
            assertThat(only.send(HttpRequest.newBuilder(at("/api/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as(version).isEqualTo(200);
        }
        assertThat(Tls.PROTOCOLS).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void aSmartCardSignsInAsItsAccount() throws Exception {
        HttpClient card = client(kor.client(serverCa.certificate()));
        JsonNode providers = Json.mapper().readTree(card.send(HttpRequest.newBuilder(at("/api/auth/providers")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(providers.get("certificate").get("presented").asBoolean()).isTrue();
        assertThat(providers.get("certificate").get("subject").asText()).isEqualTo("CN=kor1,OU=ROK delegation,O=Alliance");
        HttpResponse<String> in = post(card, "/api/session/certificate", "{}");
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(in.body()).get("username").asText()).isEqualTo("kor1");
        assertThat(card.send(HttpRequest.newBuilder(at("/api/me")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(card.send(HttpRequest.newBuilder(at("/api/session/certificate")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("JSON only").isEqualTo(415);
        // a browser with no card is offered none, and a password still works for it
        HttpClient none = client(TestPki.trustingOnly(serverCa.certificate()));
        assertThat(post(none, "/api/session/certificate", "{}").statusCode()).isEqualTo(401);
        assertThat(audit()).anyMatch(e -> e.action().equals("login") && e.username().equals("kor1")
                && e.detail().startsWith("client certificate CN=kor1,OU=ROK delegation,O=Alliance"));
    }

    @Test
    void aCacCertificateSignsInOnceMappedToAnAccount() throws Exception {
        HttpClient card = client(cac.client(serverCa.certificate()));
        HttpResponse<String> unmapped = post(card, "/api/session/certificate", "{}");
        assertThat(unmapped.statusCode()).isEqualTo(401);
        assertThat(unmapped.body()).contains("no account is named DOE.JOHN.Q.1234567890 or mapped to it");
        new CertificateSubjects(db).map("CN=DOE.JOHN.Q.1234567890, OU=PKI, OU=DoD, O=U.S. Government, C=US", "usa1");
        HttpResponse<String> mapped = post(card, "/api/session/certificate", "{}");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(mapped.body()).get("username").asText()).isEqualTo("usa1");
    }

    @Test
    void aRevokedAnExpiredOrAnotherAuthoritysCertificateGetsNoSession() throws Exception {
        HttpResponse<String> refused = post(client(revoked.client(serverCa.certificate())), "/api/session/certificate", "{}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("the certificate is revoked");
        assertThat(audit()).anyMatch(e -> e.action().equals("login-failed") && e.detail().contains("CN=usa1") && e.detail().endsWith("revoked"));
        for (TestPki.Issued bad : List.of(expired, stranger)) {
            // refused by the TLS layer (no handshake) or by the sign-in (401): no session either way
            try {
                HttpClient c = client(bad.client(serverCa.certificate()));
                HttpResponse<String> r = post(c, "/api/session/certificate", "{}");
                assertThat(r.statusCode()).as(bad.certificate().getSubjectX500Principal().getName()).isEqualTo(401);
                assertThat(c.send(HttpRequest.newBuilder(at("/api/me")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            } catch (IOException handshakeRefused) {
                assertThat(handshakeRefused).isInstanceOf(javax.net.ssl.SSLException.class);
            }
        }
    }

    @Test
    void aWrongFileIsRefusedNamingIt() throws Exception {
        Path notAKey = TestPki.pem(dir.resolve("not-a-key.pem"), serverCa.certificate());
        assertThatThrownBy(() -> new Tls(dir.resolve("server-cert.pem"), notAKey, null, null))
                .hasMessageContaining("not-a-key.pem").hasMessageContaining("holds no private key");
        assertThatThrownBy(() -> new Tls(dir.resolve("server-cert.pem"), dir.resolve("server-key.pem"), null, dir.resolve("client.crl")))
                .hasMessageContaining("a revocation list goes with --client-ca");
    }

    static List<AuditLog.Entry> audit() {
        return new AuditLog(db).entries();
    }
}
