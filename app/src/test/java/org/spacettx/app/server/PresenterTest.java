package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The room's screen through the policy: the room feed holds only what every delegation may see, whoever opens it
 * (control included); control chooses what the room shows, and only among what the room may see.
 */
class PresenterTest {

    static final String EX = "rok-us-space-ttx";

    @TempDir
    static Path dir;
    static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(dir, "presenter-password-1");
        ApiClient control = demo.as("control");
        assertThat(control.command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
        assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M1\",\"back\":true}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static String room(ApiClient c) {
        return c.get("/api/exercises/" + EX + "/room").body();
    }

    @Test
    void theRoomSeesOnlyWhatEveryDelegationMaySeeAndControlChoosesAmongIt() {
        ApiClient control = demo.as("control");
        ApiClient kor = demo.as("kor1");
        ApiClient usa = demo.as("usa1");
        // before the launch the room knows of no launched satellite, even on control's session
        assertThat(control.get("/api/exercises/" + EX + "/space?audience=room").body()).doesNotContain("MALLIGYONG");
        assertThat(control.get("/api/exercises/" + EX + "/space").body()).contains("MALLIGYONG");
        assertThat(control.get("/api/exercises/" + EX + "/space.czml?audience=room").body()).doesNotContain("recon-1")
                .contains("rok-eo");
        assertThat(control.get("/api/exercises/" + EX + "/space.czml").body()).contains("recon-1");
        assertThat(control.get("/api/exercises/" + EX + "/space?audience=everyone").status()).isEqualTo(400);
        assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M3\"}").status()).isEqualTo(200);
        assertThat(kor.command(EX, "{\"type\":\"PostMessage\",\"toCell\":\"usa\",\"body\":\"a private word\",\"marking\":\"REL TO KOR, USA\"}")
                .status()).isEqualTo(200);
        assertThat(demo.as("observer").command(EX, "{\"type\":\"RecordObservation\",\"objective\":\"O1\",\"rating\":2,"
                + "\"text\":\"an evaluator's note\"}").status()).isEqualTo(200);
        assertThat(kor.command(EX, "{\"type\":\"SubmitAnswer\",\"question\":\"Q1\",\"value\":{\"type\":\"Number\",\"value\":80},"
                + "\"confidence\":\"HIGH\",\"rationale\":\"kor's reason\"}").status()).isEqualTo(200);
        assertThat(usa.command(EX, "{\"type\":\"SubmitAnswer\",\"question\":\"Q1\",\"value\":{\"type\":\"Number\",\"value\":60},"
                + "\"confidence\":\"LOW\",\"rationale\":\"usa's reason\"}").status()).isEqualTo(200);
        assertThat(control.command(EX, "{\"type\":\"PresentItem\",\"kind\":\"question\",\"ref\":\"Q1\"}").status())
                .as("nothing revealed yet").isEqualTo(422);
        assertThat(control.command(EX, "{\"type\":\"RevealQuestion\",\"question\":\"Q1\"}").status()).isEqualTo(200);

        for (ApiClient c : new ApiClient[] {control, kor, usa}) {
            JsonNode room = c.get("/api/exercises/" + EX + "/room").json();
            assertThat(room.get("injects").size()).isPositive();
            for (JsonNode i : room.get("injects")) {
                assertThat(i.get("marking").asText()).isEqualTo("REL TO KOR, USA");
                assertThat(i.get("to").toString()).contains("kor").contains("usa");
                assertThat(i.has("expectedAction")).isFalse();
            }
            assertThat(room.get("messages").size()).isZero();
            assertThat(room.get("observations").size()).isZero();
            assertThat(room.has("objectives")).isFalse();
            assertThat(room.get("markings").size()).isZero();
            assertThat(room.get("move").get("id").asText()).isEqualTo("M3");
            assertThat(room.toString()).doesNotContain("KOR ONLY").doesNotContain("USA ONLY").doesNotContain("a private word")
                    .doesNotContain("an evaluator's note").contains("kor's reason").contains("usa's reason");
        }

        assertThat(room(control)).contains("\"presentation\":{\"kind\":\"clear\"");
        ApiClient.Response korOnly = control.command(EX, "{\"type\":\"PresentItem\",\"kind\":\"inject\",\"ref\":\"2\"}");
        assertThat(korOnly.status()).isEqualTo(422);
        assertThat(korOnly.json().get("error").asText()).contains("the room cannot see it");
        assertThat(kor.command(EX, "{\"type\":\"PresentItem\",\"kind\":\"inject\",\"ref\":\"1\"}").status()).isEqualTo(422);
        assertThat(control.command(EX, "{\"type\":\"PresentItem\",\"kind\":\"inject\",\"ref\":\"1\"}").status()).isEqualTo(200);
        assertThat(room(kor)).contains("\"presentation\":{\"kind\":\"inject\",\"ref\":\"1\"}");
        assertThat(control.command(EX, "{\"type\":\"PresentItem\",\"kind\":\"question\",\"ref\":\"Q1\"}").status()).isEqualTo(200);
        assertThat(control.command(EX, "{\"type\":\"PresentItem\",\"kind\":\"map\",\"ref\":null}").status()).isEqualTo(200);
        assertThat(room(usa)).contains("\"presentation\":{\"kind\":\"map\",\"ref\":\"\"}");
        assertThat(control.command(EX, "{\"type\":\"PresentItem\",\"kind\":\"globe\"}").status()).isEqualTo(200);
        assertThat(room(kor)).contains("\"presentation\":{\"kind\":\"globe\",\"ref\":\"\"}");
        assertThat(control.command(EX, "{\"type\":\"PresentItem\",\"kind\":\"fireworks\"}").status()).isEqualTo(422);
    }
}
