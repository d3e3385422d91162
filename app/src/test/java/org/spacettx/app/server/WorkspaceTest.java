package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.data.OrekitData;

/**
 * The planning workspace's server side (issue 15): drafts started blank, from the template or from a file; saved as
 * versions that never overwrite someone else's; their history, diff, download (read back by the CLI's reader as the
 * same scenario) and MSEL workbook; publication refused while errors remain; catalogs uploaded and searched; only
 * administrators and planners; every change audited.
 */
class WorkspaceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(dir, "workspace-password-1");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDraftIsEditedInVersionsAndPublished() throws Exception {
        ApiClient control = demo.as("control");
        ApiClient.Response created = control.post("/api/drafts", "{\"from\":\"blank\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JsonNode v1 = control.get("/api/drafts/" + id).json();
        assertThat(v1.get("version").asInt()).isOne();
        ObjectNode doc = (ObjectNode) v1.get("document");
        assertThat(doc.get("cells")).hasSize(1);

        // the blank scenario is valid; an inject of a move that does not exist is an error at its path, which may be
        // saved (a draft is work in progress) but not published
        JsonNode check = control.post("/api/scenarios/validate-document", json(java.util.Map.of("document", doc))).json();
        assertThat(check.get("valid").asBoolean()).as(check.toString()).isTrue();
        doc.set("msel", JSON.readTree("[{\"number\":1,\"move\":\"M9\",\"from\":\"control\",\"to\":\"all\",\"channel\":\"news\","
                + "\"marking\":\"CONTROL ONLY\",\"subject\":{\"en\":\"x\",\"ko\":\"x\"},\"trigger\":{\"manual\":true}}]"));
        check = control.post("/api/scenarios/validate-document", json(java.util.Map.of("document", doc))).json();
        assertThat(check.get("valid").asBoolean()).isFalse();
        assertThat(check.get("problems").findValuesAsText("path")).contains("msel[0].move");
        assertThat(control.post("/api/drafts/" + id + "/versions", json(java.util.Map.of("base", 1, "document", doc,
                "note", "work in progress"))).status()).isEqualTo(201);
        ApiClient.Response refused = control.post("/api/drafts/" + id + "/publish", "{}");
        assertThat(refused.status()).as("errors: not published").isEqualTo(422);
        assertThat(refused.json().toString()).contains("msel[0].move");

        // add two delegations, a site, a real satellite from an uploaded catalog, and an inject on its pass
        String stations = Files.readString(SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle"));
        ApiClient.Response upload = control.post("/api/catalogs", json(java.util.Map.of("name", "CelesTrak stations 2026-05-30",
                "content", stations)));
        assertThat(upload.status()).isEqualTo(201);
        assertThat(upload.json().get("elementSets").asInt()).isGreaterThan(20);
        JsonNode byName = control.get("/api/catalogs/search?q=zarya").json();
        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).get("norad").asInt()).isEqualTo(25544);
        assertThat(control.get("/api/catalogs/search?q=25544").json().get(0).get("name").asText()).isEqualTo("ISS (ZARYA)");
        assertThat(control.get("/api/catalogs/search?q=1998-067A").json().get(0).get("norad").asInt()).isEqualTo(25544);
        // the TLE given holds the catalog's elements (written again by Orekit: a zero's exponent may change sign)
        JsonNode tle = byName.get(0).get("tle");
        String[] lines = stations.lines().toArray(String[]::new);
        assertThat(tle.get(1).asText()).isEqualTo(lines[2]);
        var given = org.spacettx.orbit.catalog.TleFormat.parse("ISS", tle.get(0).asText(), tle.get(1).asText(),
                org.spacettx.orbit.input.SourceLocation.of("search"), org.spacettx.orbit.catalog.TleFormat.Checksum.VERIFY);
        var original = org.spacettx.orbit.catalog.TleFormat.parse("ISS", lines[1], lines[2],
                org.spacettx.orbit.input.SourceLocation.of("search"), org.spacettx.orbit.catalog.TleFormat.Checksum.VERIFY);
        assertThat(given).isEqualTo(original);

        doc.put("id", "workspace-test"); // typed: the draft's identifier stays the scenario's (one identifier)
        doc.put("start", "2026-06-01T00:00:00Z");
        doc.put("end", "2026-06-03T00:00:00Z");
        ((ObjectNode) doc.get("moves").get(0)).put("start", "2026-06-01T00:00:00Z");
        ArrayNode cells = (ArrayNode) doc.get("cells");
        cells.add(JSON.readTree("{\"id\":\"kor\",\"kind\":\"blue\",\"nation\":\"KOR\",\"name\":{\"en\":\"ROK\",\"ko\":\"한국\"}}"));
        cells.add(JSON.readTree("{\"id\":\"usa\",\"kind\":\"blue\",\"nation\":\"USA\",\"name\":{\"en\":\"US\",\"ko\":\"미국\"}}"));
        doc.set("places", JSON.readTree("{\"sites\":[{\"id\":\"osan\",\"name\":{\"en\":\"Osan\",\"ko\":\"오산\"},\"lat\":37.09,\"lon\":127.03}]}"));
        ObjectNode iss = JSON.createObjectNode().put("id", "iss").put("nation", "USA");
        iss.set("name", JSON.readTree("{\"en\":\"ISS\",\"ko\":\"국제우주정거장\"}"));
        iss.set("tle", tle);
        doc.set("objects", JSON.createArrayNode().add(iss));
        doc.set("msel", JSON.readTree("[{\"number\":1,\"move\":\"M1\",\"from\":\"control\",\"to\":[\"kor\",\"usa\"],"
                + "\"channel\":\"intel-report\",\"marking\":\"REL TO KOR, USA\",\"subject\":{\"en\":\"Pass\",\"ko\":\"통과\"},"
                + "\"body\":{\"en\":\"It rises.\",\"ko\":\"떠오른다.\"},\"trigger\":{\"pass\":{\"object\":\"iss\",\"site\":\"osan\"}}}]"));

        check = control.post("/api/scenarios/validate-document", json(java.util.Map.of("document", doc))).json();
        assertThat(check.get("errors").asInt()).as(check.toString()).isZero();
        String release = check.get("schedule").get(0).get("release").asText();
        assertThat(release).startsWith("2026-06-0");

        ApiClient.Response saved = control.post("/api/drafts/" + id + "/versions", json(java.util.Map.of("base", 2, "document", doc,
                "note", "delegations, Osan, the ISS, inject 1")));
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().get("version").asInt()).isEqualTo(3);
        // a second planner who still has version 2 cannot save over version 3
        assertThat(control.post("/api/drafts/" + id + "/versions", json(java.util.Map.of("base", 2, "document", doc))).status())
                .isEqualTo(409);

        JsonNode history = control.get("/api/drafts/" + id + "/versions").json();
        assertThat(history.findValuesAsText("savedBy")).containsExactly("control", "control", "control");
        assertThat(history.get(0).get("note").asText()).isEqualTo("delegations, Osan, the ISS, inject 1");
        JsonNode diff = control.get("/api/drafts/" + id + "/diff?from=1&to=3").json();
        assertThat(diff.get("changes").toString()).contains("25544").contains("nation: KOR");

        // the file downloaded is what the CLI's reader reads: the same scenario as the server's
        ApiClient.Response file = control.get("/api/drafts/" + id + "/scenario.yaml");
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains(id + "-v3.yaml");
        Path downloaded = dir.resolve("downloaded.yaml");
        Files.write(downloaded, file.bytes());
        ScenarioReader.Result read = ScenarioReader.read(downloaded, OrekitData.standard());
        assertThat(read.errors()).isEmpty();
        assertThat(read.scenario().objects().get(0).elements().noradId()).isEqualTo(25544);
        assertThat(org.spacettx.app.cli.Main.run("exercise", "validate", downloaded.toString())).as("spacettx exercise validate").isZero();

        // the MSEL as a workbook, edited (here: unchanged) and uploaded back as a new version
        ApiClient.Response workbook = control.get("/api/drafts/" + id + "/msel.xlsx");
        assertThat(workbook.status()).isEqualTo(200);
        ApiClient.Response back = control.postBytes("/api/drafts/" + id + "/msel.xlsx?base=3", workbook.bytes(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(back.status()).as(back.body()).isEqualTo(201);
        assertThat(back.json().get("version").asInt()).isEqualTo(4);
        assertThat(control.postBytes("/api/drafts/" + id + "/msel.xlsx?base=4", "not a workbook".getBytes(StandardCharsets.UTF_8),
                "application/octet-stream").status()).isEqualTo(422);

        assertThat(control.get("/api/drafts/" + id).json().get("document").get("id").asText()).as("the scenario's identifier").isEqualTo(id);
        ApiClient.Response published = control.post("/api/drafts/" + id + "/publish", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("id").asText()).as("the exercise takes the draft's identifier").isEqualTo(id);
        assertThat(control.get("/api/exercises").json().findValuesAsText("id")).contains(id);
        JsonNode timeline = control.get("/api/exercises/" + id + "/timeline").json();
        assertThat(timeline.get(0).get("release").asText()).isEqualTo(release);
        assertThat(control.get("/api/drafts").json().findValuesAsText("publishedAs")).contains(id);
        // published again (the rehearsal, then the real one): the same identifier, numbered
        ApiClient.Response again = control.post("/api/drafts/" + id + "/publish", "{}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("id").asText()).isEqualTo(id + "-2");
        // one identifier among drafts and exercises: a draft already named id-3 is passed over, and a draft never
        // takes an exercise's identifier
        ApiClient.Response other = control.post("/api/drafts", json(java.util.Map.of("from", "file", "yaml",
                "id: " + id + "-3\ntitle: {en: Other}\n")));
        assertThat(other.json().get("id").asText()).isEqualTo(id + "-3");
        assertThat(control.post("/api/drafts/" + id + "/publish", "{}").json().get("id").asText()).isEqualTo(id + "-4");
        ApiClient.Response clash = control.post("/api/drafts", json(java.util.Map.of("from", "file", "yaml",
                "id: " + id + "-4 # the exercise's\ntitle: {en: Clash}\n")));
        String clashId = clash.json().get("id").asText();
        assertThat(clashId).isNotEqualTo(id + "-4");
        assertThat(control.get("/api/drafts/" + clashId).json().get("yaml").asText()).as("the file's own text, its id line changed")
                .startsWith("id: " + clashId + " # the exercise's\n");
        // the exercise's identifier is not chosen by the caller
        ApiClient.Response named = control.post("/api/drafts/" + id + "/publish", "{\"exercise\":\"custom-name\"}");
        assertThat(named.status()).isEqualTo(400);
        assertThat(named.json().get("code").asText()).isEqualTo("publish-id");

        String trail = String.join("\n", demo.auditActions());
        assertThat(trail).contains("draft-created " + id + " (blank", "catalog-uploaded", "draft-saved " + id + " v3: delegations",
                "draft-saved " + id + " v4: MSEL from a workbook", "draft-published " + id + " v4 as " + id,
                "draft-published " + id + " v4 as " + id + "-2", "draft-created " + clashId + " (file; its scenario's id '" + id
                        + "-4' set to the draft's)", "(its scenario's id set to the draft's)");
    }

    @Test
    void aTemplateOrAFileStartsADraftAndBrokenFilesAreNamed() {
        ApiClient control = demo.as("control");
        ApiClient.Response template = control.post("/api/drafts", "{\"from\":\"template\"}");
        assertThat(template.status()).isEqualTo(201);
        JsonNode v1 = control.get("/api/drafts/" + template.json().get("id").asText()).json();
        assertThat(v1.get("yaml").asText()).startsWith("# SpaceTTX demo exercise"); // the file as it is, comments kept
        assertThat(v1.get("document").get("msel")).hasSize(30);
        assertThat(v1.get("document").get("id").asText()).isEqualTo(v1.get("id").asText());
        assertThat(v1.get("id").asText()).as("the demo exercise holds the template's own id").isNotEqualTo("rok-us-space-ttx");
        // a second draft from the template: its own identifier, and its scenario takes it
        JsonNode second = control.get("/api/drafts/" + control.post("/api/drafts", "{\"from\":\"template\"}").json().get("id").asText()).json();
        assertThat(second.get("id").asText()).isNotEqualTo(v1.get("id").asText()).startsWith("rok-us-space-ttx-");
        assertThat(second.get("document").get("id").asText()).isEqualTo(second.get("id").asText());

        ApiClient.Response file = control.post("/api/drafts", "{\"from\":\"file\",\"yaml\":\"id: mine\\ntitle: {en: Mine}\\n\"}");
        assertThat(file.status()).isEqualTo(201);
        assertThat(file.json().get("id").asText()).isEqualTo("mine");
        ApiClient.Response broken = control.post("/api/drafts", "{\"from\":\"file\",\"yaml\":\"id: x\\ntitle: [oops\\n\"}");
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.json().get("error").asText()).contains("line ");
        assertThat(control.post("/api/drafts", "{\"from\":\"elsewhere\"}").status()).isEqualTo(400);
        assertThat(control.get("/api/drafts/nothing-here").status()).isEqualTo(404);
        assertThat(control.get("/api/drafts/mine?version=9").status()).isEqualTo(404);
        assertThat(control.get("/api/drafts/mine?version=x").status()).isEqualTo(400);
        assertThat(control.post("/api/catalogs", "{\"name\":\"junk\",\"content\":\"no elements here\"}").status()).isEqualTo(422);
        assertThat(control.get("/api/catalogs/search?q=a").status()).isEqualTo(400);
    }

    @Test
    void hostileBodiesGetAnAnswerNotAServerError() {
        ApiClient control = demo.as("control");
        String deep = "{\"document\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}";
        java.util.List<String> bodies = java.util.List.of("", "null", "[]", "{\"document\":[]}", "{\"document\":\"id: x\"}",
                "{\"document\":{\"id\":{\"en\":[1,2]},\"cells\":\"all\",\"msel\":{\"x\":null}}}", deep,
                "{\"document\":{\"title\":\"\\u0000\\u0007\",\"places\":{\"sites\":[{\"lat\":\"north\"}]}}}");
        for (String body : bodies) {
            int status = control.post("/api/scenarios/validate-document", body).status();
            assertThat(status).as("%.60s", body).isIn(200, 400, 422);
            int saved = control.post("/api/drafts/new-exercise/versions", body.replace("{\"document\"", "{\"base\":1,\"document\"")).status();
            assertThat(saved).as("save %.60s", body).isIn(201, 400, 404, 409, 422);
        }
        assertThat(control.post("/api/drafts", "{\"from\":\"file\",\"yaml\":\"" + "- ".repeat(100) + "x\"}").status()).isEqualTo(422);
        assertThat(control.get("/api/catalogs/search?q=" + "x".repeat(5000)).status()).isEqualTo(200);
        assertThat(control.get("/api/drafts/..%2F..%2Fetc/diff?from=1").status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsAndPlannersPlan() {
        ApiClient control = demo.as("control");
        ApiClient kor = demo.as("kor1");
        for (String path : new String[] {"/api/drafts", "/api/catalogs", "/api/catalogs/search?q=iss"}) {
            assertThat(kor.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(kor.post("/api/drafts", "{\"from\":\"blank\"}").status()).isEqualTo(403);
        assertThat(kor.post("/api/scenarios/validate-document", "{\"document\":{}}").status()).isEqualTo(403);

        assertThat(control.post("/api/accounts", "{\"username\":\"planner7\",\"password\":\"planner-password-7\",\"planner\":true}")
                .status()).isEqualTo(201);
        ApiClient planner = new ApiClient(demo.server().port());
        planner.login("planner7", "planner-password-7");
        assertThat(planner.get("/api/me").json().get("planner").asBoolean()).isTrue();
        assertThat(planner.post("/api/drafts", "{\"from\":\"blank\"}").status()).isEqualTo(201);
        assertThat(planner.get("/api/accounts").status()).as("a planner is no administrator").isEqualTo(403);
        assertThat(control.post("/api/accounts/planner7", "{\"planner\":false}").status()).isEqualTo(204);
        assertThat(planner.get("/api/drafts").status()).isEqualTo(403);
        assertThat(String.join("\n", demo.auditActions())).contains("account-created planner7 (planner)", "planner-unmade planner7");
    }
}
