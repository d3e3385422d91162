package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.Accounts;
import org.spacettx.app.store.AuditLog;

/**
 * Sessions and sign-in, each broken on main before: a new password left the account's open sessions valid; the
 * sign-in took a text/plain body (a cross-site form could sign a victim in as someone else); failed sign-ins locked
 * whole addresses for 15 minutes. Sessions now live in the database (a restart keeps people signed in), end at a new
 * password however it is set, and failed sign-ins slow the account with growing waits that an administrator can lift.
 */
class SignInTest {

    static final String PASSWORD = "sign-in-password-1";
    static final String EX = "rok-us-space-ttx";

    @TempDir
    Path dir;

    @Test
    void aNewPasswordEndsTheAccountsSessionsHoweverItIsSet() throws Exception {
        try (DemoServer demo = DemoServer.start(dir, PASSWORD)) {
            ApiClient kor = demo.as("kor1");
            ApiClient korElsewhere = demo.as("kor1");
            ApiClient control = demo.as("control");
            assertThat(control.post("/api/accounts/kor1", "{\"password\":\"a-new-password-2\"}").status()).isEqualTo(204);
            assertThat(kor.get("/api/me").status()).isEqualTo(401);
            assertThat(korElsewhere.get("/api/me").status()).isEqualTo(401);
            assertThat(control.get("/api/me").status()).as("others stay").isEqualTo(200);
            // as the command line sets it, on the store the server runs on
            ApiClient usa = demo.as("usa1");
            new Accounts(demo.db()).setPassword("usa1", "another-password-3");
            assertThat(usa.get("/api/me").status()).isEqualTo(401);
            assertThat(new ApiClient(demo.server().port()).login("usa1", "another-password-3").status()).isEqualTo(200);
        }
    }

    @Test
    void aSessionOutlivesARestart() throws Exception {
        ApiClient kor;
        try (DemoServer demo = DemoServer.start(dir, PASSWORD)) {
            kor = demo.as("kor1");
            assertThat(kor.get("/api/me").status()).isEqualTo(200);
        }
        try (DemoServer again = DemoServer.start(dir, PASSWORD)) {
            ApiClient same = kor.at(again.server().port());
            assertThat(same.get("/api/me").status()).isEqualTo(200);
            assertThat(same.command(EX, "{\"type\":\"AcknowledgeInject\",\"number\":1}").status()).as("its CSRF token too")
                    .isIn(200, 422);
        }
    }

    @Test
    void aSignInIsJsonOnly() throws Exception {
        try (DemoServer demo = DemoServer.start(dir, PASSWORD)) {
            ApiClient.Response form = new ApiClient(demo.server().port()).postBytes("/api/session",
                    ("{\"username\":\"kor1\",\"password\":\"" + PASSWORD + "\"}").getBytes(), "text/plain");
            assertThat(form.status()).isEqualTo(415);
            assertThat(form.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void failedSignInsSlowTheAccountAndAnAdministratorLiftsIt() throws Exception {
        try (DemoServer demo = DemoServer.start(dir, PASSWORD)) {
            ApiClient someone = new ApiClient(demo.server().port());
            for (int i = 0; i < 5; i++) {
                assertThat(someone.login("kor1", "guess-number-" + i).status()).isEqualTo(401);
            }
            ApiClient.Response slowed = someone.login("kor1", PASSWORD);
            assertThat(slowed.status()).isEqualTo(429);
            assertThat(slowed.headers().firstValue("Retry-After")).contains("1");
            assertThat(slowed.json().get("details").get("retryAfterSeconds").asInt()).isEqualTo(1);
            assertThat(slowed.json().get("error").asText()).isEqualTo("too many failed sign-ins; try again in 1 s");
            Thread.sleep(1100);
            assertThat(someone.login("kor1", "guess-number-5").status()).as("the wait has passed").isEqualTo(401);
            assertThat(someone.login("kor1", PASSWORD).json().get("details").get("retryAfterSeconds").asInt())
                    .as("and the next one is longer").isEqualTo(2);
            // another account from the same address is not slowed
            assertThat(new ApiClient(demo.server().port()).login("usa1", PASSWORD).status()).isEqualTo(200);

            ApiClient control = demo.as("control");
            JsonNode people = control.get("/api/accounts").json();
            JsonNode kor = null;
            for (JsonNode p : people) {
                kor = p.get("username").asText().equals("kor1") ? p : kor;
            }
            assertThat(kor.get("signInWaitSeconds").asInt()).isPositive();
            assertThat(control.post("/api/accounts/kor1", "{\"unlock\":true}").status()).isEqualTo(204);
            assertThat(someone.login("kor1", PASSWORD).status()).isEqualTo(200);
            assertThat(new AuditLog(demo.db()).entries().stream().map(AuditLog.Entry::action)).contains("account-unlocked", "login-throttled");
        }
    }
}
