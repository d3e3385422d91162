package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.exercise.export.MselTable;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;

/**
 * Injects that join a running exercise (issue 15): written by control on the spot, or brought in from an edited MSEL
 * workbook; they reach exactly the cells their marking allows, and are in control's MSEL, the feed and the report
 * like the scenario's own; only control may add them, and every addition is audited.
 */
class InPlayInjectTest {

    static final String EX = "rok-us-space-ttx";

    @TempDir
    static Path dir;
    static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(dir, "in-play-password-1");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static String subjects(JsonNode feed) {
        return feed.get("injects").findValuesAsText("en").toString();
    }

    @Test
    void controlWritesAnInjectDuringPlayAndBringsInAWorkbook() throws Exception {
        ApiClient control = demo.as("control");
        ApiClient kor = demo.as("kor1");
        ApiClient usa = demo.as("usa1");
        ApiClient observer = demo.as("observer");
        assertThat(control.command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
        assertThat(control.command(EX, "{\"type\":\"JumpToMove\",\"move\":\"M2\"}").status()).isEqualTo(200);

        String write = "{\"type\":\"WriteInject\",\"move\":\"M2\",\"to\":[\"kor\"],\"channel\":\"phone-call\",\"marking\":\"KOR ONLY\","
                + "\"subject\":{\"en\":\"Blue House asks for options\",\"ko\":\"청와대 대응 방안 요청\"},"
                + "\"body\":{\"en\":\"By tonight.\",\"ko\":\"오늘 밤까지.\"},\"expectedAction\":{\"en\":\"Brief options\",\"ko\":\"방안 보고\"},"
                + "\"releaseAt\":null,\"releaseNow\":true}";
        assertThat(kor.command(EX, write).status()).as("a delegation may not").isEqualTo(422);
        assertThat(control.command(EX, write).status()).isEqualTo(200);
        assertThat(subjects(kor.get("/api/exercises/" + EX + "/feed").json())).contains("Blue House asks for options");
        assertThat(subjects(usa.get("/api/exercises/" + EX + "/feed").json())).doesNotContain("Blue House");
        // the evaluators read it (the scenario's default, evaluators: {sees: all})
        assertThat(subjects(observer.get("/api/exercises/" + EX + "/feed").json())).contains("Blue House asks for options");
        JsonNode timeline = control.get("/api/exercises/" + EX + "/timeline").json();
        JsonNode row = timeline.get(timeline.size() - 1);
        assertThat(row.get("number").asInt()).isEqualTo(31); // the first number after the demo's 30 injects
        assertThat(row.get("status").asText()).isEqualTo("released");
        assertThat(row.get("trigger").get("en").asText()).isEqualTo("written during play");
        assertThat(kor.get("/api/exercises/" + EX + "/report?format=json").body()).contains("Blue House asks for options");
        assertThat(usa.get("/api/exercises/" + EX + "/report?format=json").body()).doesNotContain("Blue House");

        // a workbook with one more inject (by hand) joins; its other rows, already in the MSEL, are left as they are
        String yaml = Files.readString(ServerTest.demoScenario());
        String extended = yaml.replace("\nquestions:", """

                  - number: 40
                    move: M3
                    from: control
                    to: [kor, usa]
                    channel: news
                    subject: {en: Commercial imagery of Sohae published, ko: 서해 발사장 상용 영상 공개}
                    body: {en: A company publishes new imagery., ko: 한 업체가 새 영상을 공개했다.}
                    marking: REL TO KOR, USA
                    trigger: {manual: true}

                questions:""");
        ScenarioReader.Result read = ScenarioReader.parse(extended, ServerTest.demoScenario().getParent(), OrekitData.standard());
        assertThat(read.errors()).isEmpty();
        byte[] workbook = MselTable.toXlsx(read.scenario());
        String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        assertThat(kor.postBytes("/api/exercises/" + EX + "/msel.xlsx", workbook, type).status()).isEqualTo(403);
        ApiClient.Response imported = control.postBytes("/api/exercises/" + EX + "/msel.xlsx", workbook, type);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("added").toString()).isEqualTo("[40]");
        timeline = control.get("/api/exercises/" + EX + "/timeline").json();
        assertThat(timeline.findValuesAsText("status")).hasSize(32);
        assertThat(control.command(EX, "{\"type\":\"ReleaseInject\",\"number\":40}").status()).isEqualTo(200);
        assertThat(subjects(usa.get("/api/exercises/" + EX + "/feed").json())).contains("Commercial imagery of Sohae published");
        // again: nothing new to add
        assertThat(control.postBytes("/api/exercises/" + EX + "/msel.xlsx", workbook, type).json().get("added").toString()).isEqualTo("[]");

        // an orbital trigger cannot join a running exercise: the whole workbook is refused, with the reason
        ScenarioReader.Result orbital = ScenarioReader.parse(extended.replace("number: 40", "number: 41")
                .replace("trigger: {manual: true}\n\nquestions:", "trigger: {pass: {object: recon-1, site: osan}}\n\nquestions:"),
                ServerTest.demoScenario().getParent(), OrekitData.standard());
        assertThat(orbital.errors()).isEmpty();
        ApiClient.Response refused = control.postBytes("/api/exercises/" + EX + "/msel.xlsx", MselTable.toXlsx(orbital.scenario()), type);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("inject 41: only injects released by hand or at a time join a running exercise");
        assertThat(control.postBytes("/api/exercises/" + EX + "/msel.xlsx", "junk".getBytes(), type).status()).isEqualTo(422);

        String trail = String.join("\n", demo.auditActions());
        assertThat(trail).contains("WriteInject " + EX, "msel-workbook-imported " + EX + ": injects [40]");
    }
}
