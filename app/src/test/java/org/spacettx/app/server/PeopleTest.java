package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts over the API (issue 15's people, its server side): an administrator lists, creates, disables, enables,
 * resets and promotes; a disabled account's open session stops at once; nobody else may; every change is audited.
 */
class PeopleTest {

    @TempDir
    static Path dir;
    static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(dir, "people-password-1");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void anAdministratorManagesAccountsAndNobodyElseMay() {
        ApiClient control = demo.as("control"); // the demo's control is its administrator
        JsonNode list = control.get("/api/accounts").json();
        assertThat(list.findValuesAsText("username")).contains("control", "kor1", "usa1", "observer");
        assertThat(list.toString()).doesNotContain("password").doesNotContain("hash");

        assertThat(control.post("/api/accounts", "{\"username\":\"planner1\",\"displayName\":\"ROK planner\","
                + "\"password\":\"planner-password-1\"}").status()).isEqualTo(201);
        assertThat(control.post("/api/accounts", "{\"username\":\"planner1\",\"password\":\"planner-password-1\"}").status())
                .as("twice").isEqualTo(409);
        assertThat(control.post("/api/accounts", "{\"username\":\"Bad Name!\",\"password\":\"planner-password-1\"}").status())
                .isEqualTo(400);
        assertThat(control.post("/api/accounts", "{\"username\":\"planner2\",\"password\":\"short\"}").status()).isEqualTo(400);

        ApiClient planner = new ApiClient(demo.server().port());
        assertThat(planner.login("planner1", "planner-password-1").status()).isEqualTo(200);
        assertThat(planner.get("/api/me").status()).isEqualTo(200);
        assertThat(planner.get("/api/accounts").status()).as("not an administrator").isEqualTo(403);
        assertThat(planner.post("/api/accounts/kor1", "{\"disabled\":true}").status()).isEqualTo(403);
        assertThat(demo.as("kor1").post("/api/accounts", "{\"username\":\"x1\",\"password\":\"planner-password-1\"}").status())
                .isEqualTo(403);

        // disabled: the open session stops at its next request, and the password no longer logs in
        assertThat(control.post("/api/accounts/planner1", "{\"disabled\":true}").status()).isEqualTo(204);
        assertThat(planner.get("/api/me").status()).isEqualTo(401);
        assertThat(new ApiClient(demo.server().port()).login("planner1", "planner-password-1").status()).isEqualTo(401);
        // enabled again with a new password: the old one fails, the new one works
        assertThat(control.post("/api/accounts/planner1", "{\"disabled\":false,\"password\":\"planner-password-2\"}").status())
                .isEqualTo(204);
        assertThat(new ApiClient(demo.server().port()).login("planner1", "planner-password-1").status()).isEqualTo(401);
        ApiClient again = new ApiClient(demo.server().port());
        assertThat(again.login("planner1", "planner-password-2").status()).isEqualTo(200);
        // promoted: now an administrator
        assertThat(control.post("/api/accounts/planner1", "{\"admin\":true}").status()).isEqualTo(204);
        assertThat(again.get("/api/accounts").status()).isEqualTo(200);

        assertThat(control.post("/api/accounts/control", "{\"disabled\":true}").status()).as("self-disable").isEqualTo(422);
        assertThat(control.post("/api/accounts/control", "{\"admin\":false}").status()).as("self-demotion").isEqualTo(422);
        assertThat(control.post("/api/accounts/nobody", "{\"disabled\":true}").status()).isEqualTo(404);
        assertThat(control.post("/api/accounts/kor1", "{}").status()).isEqualTo(400);
        assertThat(control.post("/api/accounts/kor1", "{\"password\":\"short\"}").status()).isEqualTo(400);
        assertThat(control.get("/api/me").status()).as("control still in").isEqualTo(200);

        // every change in the audit trail
        String trail = String.join("\n", demo.auditActions());
        assertThat(trail).contains("account-created planner1", "account-disabled planner1", "account-enabled planner1",
                "password-set planner1", "administrator-made planner1");
        assertThat(new org.spacettx.app.store.AuditLog(demo.db()).verify()).as("the audit chain").isEmpty();
    }
}
