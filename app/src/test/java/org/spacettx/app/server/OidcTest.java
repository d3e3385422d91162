package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spacettx.app.auth.Oidc;
import org.spacettx.app.store.Database;

/**
 * Sign-in through an OpenID Connect provider (issue 15), against a real one started here (NAV's mock-oauth2-server:
 * discovery, authorization endpoint, token endpoint, signed ID tokens, published keys): the person lands in the cell
 * their groups map to, with the roles their groups give, again after their groups change; a local account is never
 * taken over; an answer not started from the same browser, or not the provider's, is refused and audited.
 */
class OidcTest {

    static final String PASSWORD = "oidc-test-password-1";
    static final String ISSUER_ID = "corp";

    @TempDir
    static Path dir;
    static MockOAuth2Server provider;
    static Database db;
    static Server server;

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start();
        Path config = dir.resolve("oidc.yaml");
        Files.writeString(config, """
                issuer: %s
                client_id: spacettx
                client_secret: not-a-real-secret
                label: Corporate sign-in
                administrators: [spacettx-admins]
                planners: [spacettx-planners]
                seats:
                  - {group: rok-delegation, exercise: rok-us-space-ttx, cell: kor, role: player}
                  - {group: us-delegation, exercise: rok-us-space-ttx, cell: usa, role: player}
                """.formatted(provider.issuerUrl(ISSUER_ID)));
        db = Database.open(Database.embeddedUrl(dir.resolve("db")), null, null);
        org.spacettx.app.cli.DemoAccess.prepare(db, PASSWORD);
        server = Server.start(db, Server.Options.local(0).withOidc(new Oidc(Oidc.Config.read(config))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    /** The provider's next sign-in will be this person, with these groups. */
    static void nextPerson(String subject, String username, List<String> groups) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of("spacettx"),
                Map.of("preferred_username", username, "name", username.toUpperCase(), "groups", groups), 3600));
    }

    /** A browser without a browser: cookies kept, redirects followed by hand. */
    record Agent(HttpClient http) {
        static Agent create() {
            return new Agent(HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build());
        }

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Follows redirects from a URL; the last answer. */
        HttpResponse<String> follow(String url) throws Exception {
            HttpResponse<String> r = get(url);
            for (int hops = 0; r.statusCode() / 100 == 3 && hops < 10; hops++) {
                r = get(URI.create(url).resolve(r.headers().firstValue("Location").orElseThrow()).toString());
                url = r.uri().toString();
            }
            return r;
        }

        JsonNode me() throws Exception {
            return new ObjectMapper().readTree(get(base() + "api/me").body());
        }
    }

    static String base() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    static String membershipCell(JsonNode me) {
        for (JsonNode m : me.get("memberships")) {
            if (m.get("exerciseId").asText().equals("rok-us-space-ttx")) {
                return m.get("cell").asText();
            }
        }
        return null;
    }

    @Test
    void theProvidersGroupsSeatThePersonAndGiveTheirRoles() throws Exception {
        JsonNode providers = new ObjectMapper().readTree(Agent.create().get(base() + "api/auth/providers").body());
        assertThat(providers.get("oidc").get("label").asText()).isEqualTo("Corporate sign-in");

        nextPerson("subject-kim", "kim.ops", List.of("rok-delegation", "unrelated-group"));
        Agent kim = Agent.create();
        HttpResponse<String> landed = kim.follow(base() + "api/oidc/login");
        assertThat(landed.uri().getPath()).isEqualTo("/");
        assertThat(landed.uri().getQuery()).as("no error").isNull();
        JsonNode me = kim.me();
        assertThat(me.get("username").asText()).isEqualTo("kim.ops");
        assertThat(me.get("displayName").asText()).isEqualTo("KIM.OPS");
        assertThat(me.get("admin").asBoolean()).isFalse();
        assertThat(me.get("planner").asBoolean()).isFalse();
        assertThat(membershipCell(me)).isEqualTo("kor");
        JsonNode feed = new ObjectMapper().readTree(kim.get(base() + "api/exercises/rok-us-space-ttx/feed").body());
        assertThat(feed.get("viewer").get("cell").asText()).isEqualTo("kor");

        // the same person again, now in the US delegation's group and a planner: seat and role follow the groups
        nextPerson("subject-kim", "kim.ops", List.of("us-delegation", "spacettx-planners"));
        Agent again = Agent.create();
        again.follow(base() + "api/oidc/login");
        me = again.me();
        assertThat(me.get("username").asText()).isEqualTo("kim.ops");
        assertThat(me.get("planner").asBoolean()).isTrue();
        assertThat(membershipCell(me)).isEqualTo("usa");
        // and out of every mapped group: no seat left
        nextPerson("subject-kim", "kim.ops", List.of());
        Agent third = Agent.create();
        third.follow(base() + "api/oidc/login");
        me = third.me();
        assertThat(membershipCell(me)).isNull();
        assertThat(me.get("planner").asBoolean()).isFalse();

        String trail = String.join("\n", new org.spacettx.app.store.AuditLog(db).entries().stream()
                .map(e -> e.username() + " " + e.action() + " " + e.detail()).toList());
        assertThat(trail).contains("kim.ops login through " + provider.issuerUrl(ISSUER_ID).toString().replaceAll("/$", ""),
                "member-assigned rok-us-space-ttx: kim.ops as player in kor (identity provider groups)",
                "member-assigned rok-us-space-ttx: kim.ops as player in usa", "planner-made kim.ops", "member-removed rok-us-space-ttx: kim.ops");
    }

    @Test
    void noLocalAccountIsTakenOverAndForeignAnswersAreRefused() throws Exception {
        // the provider names someone 'kor1', the demo's local ROK account: refused, kor1 untouched
        nextPerson("subject-mallory", "kor1", List.of("spacettx-admins"));
        Agent mallory = Agent.create();
        HttpResponse<String> refused = mallory.follow(base() + "api/oidc/login");
        assertThat(URLDecoder.decode(refused.uri().getQuery(), StandardCharsets.UTF_8))
                .contains("signin_error=a local account 'kor1' exists and is not linked");
        assertThat(mallory.get(base() + "api/me").statusCode()).isEqualTo(401);

        // an answer for a sign-in this browser never started (login CSRF): refused
        Agent victim = Agent.create();
        nextPerson("subject-eve", "eve", List.of("rok-delegation"));
        Agent attacker = Agent.create();
        HttpResponse<String> toProvider = attacker.get(base() + "api/oidc/login");
        HttpResponse<String> withCode = attacker.get(toProvider.headers().firstValue("Location").orElseThrow());
        String callback = withCode.headers().firstValue("Location").orElseThrow();
        assertThat(callback).contains("/api/oidc/callback?").contains("code=");
        HttpResponse<String> planted = victim.follow(callback);
        assertThat(URLDecoder.decode(planted.uri().getQuery(), StandardCharsets.UTF_8)).contains("not started from this browser");
        assertThat(victim.get(base() + "api/me").statusCode()).isEqualTo(401);
        // a made-up code with a real state: the provider refuses it
        Agent guesser = Agent.create();
        String location = guesser.get(base() + "api/oidc/login").headers().firstValue("Location").orElseThrow();
        String state = URLDecoder.decode(location.replaceAll(".*[?&]state=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        HttpResponse<String> guessed = guesser.follow(base() + "api/oidc/callback?state=" + state + "&code=made-up");
        assertThat(URLDecoder.decode(guessed.uri().getQuery(), StandardCharsets.UTF_8)).contains("signin_error=");
        assertThat(guesser.get(base() + "api/me").statusCode()).isEqualTo(401);

        String trail = String.join("\n", new org.spacettx.app.store.AuditLog(db).entries().stream().map(e -> e.action() + " " + e.detail()).toList());
        assertThat(trail).contains("login-failed identity provider: a local account 'kor1' exists",
                "login-failed identity provider: the sign-in was not started from this browser");
    }

    @Test
    @Tag("browser")
    void inTheBrowserThePersonLandsInTheirCell() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            nextPerson("subject-lee", "lee.analyst", List.of("rok-delegation"));
            d.get(base());
            WebDriverWait wait = new WebDriverWait(d, ConsoleBrowserTest.WAIT);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oidc-login")));
            assertThat(d.findElement(By.id("oidc-login")).getText()).isEqualTo("Sign in with Corporate sign-in");
            ConsoleBrowserTest.screenshot(d, "oidc-login");
            d.findElement(By.id("oidc-login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("exercise-view")));
            wait.until(ConsoleBrowserTest.shows(By.id("exercise-title"), "ROK"));
            assertThat(d.findElement(By.id("who")).getText()).contains("lee.analyst");
            // a ROK delegation member's console: no control view, the ROK cell's feed
            assertThat(d.findElements(By.id("tab-control"))).isEmpty();
            assertThat(d.findElement(By.id("control-panel")).isDisplayed()).isFalse();
            JsonNode me = new ObjectMapper().readTree((String) ((org.openqa.selenium.JavascriptExecutor) d).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch('/api/me').then(r => r.text()).then(done);"));
            assertThat(membershipCell(me)).isEqualTo("kor");
            ConsoleBrowserTest.screenshot(d, "oidc-landed-kor");
            ConsoleBrowserTest.severeConsoleMessagesNone(d);
        } finally {
            d.quit();
        }
    }
}
