package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/scenarios/validate}: the problems of a scenario as the command line prints them, line for line, without
 * creating anything; the same warnings from the computed schedule; for administrators only; hostile bodies refused
 * cleanly.
 */
class ScenarioValidateTest {

    @TempDir
    static Path dir;
    static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(dir, "validate-password-1");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** What {@code spacettx exercise validate FILE} prints on stderr, a line each, with the file named "scenario". */
    static List<String> cli(Path file) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            org.spacettx.app.cli.Main.run(new String[] {"exercise", "validate", file.toString()});
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(file + ":"))
                .map(l -> "scenario" + l.substring(file.toString().length())).toList();
    }

    static List<String> texts(JsonNode answer) {
        List<String> texts = new ArrayList<>();
        answer.get("problems").forEach(p -> texts.add(p.get("text").asText()));
        return texts;
    }

    @Test
    void theProblemsAreThoseTheCommandLinePrints() throws Exception {
        ApiClient control = demo.as("control");
        String yaml = Files.readString(ServerTest.demoScenario());

        JsonNode valid = control.post("/api/scenarios/validate", yaml).json();
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("errors").asInt()).isZero();
        assertThat(valid.get("warnings").asInt()).isZero();
        assertThat(valid.get("summary").get("injects").asInt()).isEqualTo(30);
        assertThat(control.get("/api/exercises").json().size()).as("nothing created").isOne();

        // the CLI's own test case: an unknown key and an unknown marking (which the scenario's uses of it repeat)
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, yaml.replace("channel: phone-call", "chanel: phone-call").replaceFirst("marking: KOR ONLY", "marking: SECRET"));
        JsonNode errors = control.post("/api/scenarios/validate", Files.readString(broken)).json();
        assertThat(errors.get("valid").asBoolean()).isFalse();
        List<String> printed = cli(broken);
        assertThat(texts(errors)).isEqualTo(printed);
        assertThat(errors.get("errors").asInt()).isEqualTo(printed.size()).isGreaterThanOrEqualTo(2);
        assertThat(printed).anyMatch(l -> l.contains("error: msel[") && l.contains(".chanel: unknown key 'chanel' (did you mean 'channel'?)"))
                .anyMatch(l -> l.contains("error: msel[1].marking: 'SECRET' is not a releasability marking"));
        JsonNode first = errors.get("problems").get(0);
        assertThat(first.get("line").asInt()).isPositive();
        assertThat(first.get("column").asInt()).isPositive();
        assertThat(first.get("path").asText()).startsWith("msel[");

        // warnings only the computed schedule shows (an orbital trigger releasing an inject outside its move)
        Path moved = dir.resolve("moved.yaml");
        Files.writeString(moved, yaml.replace("  - number: 11\n    move: M3\n", "  - number: 11\n    move: M2\n"));
        JsonNode warnings = control.post("/api/scenarios/validate", Files.readString(moved)).json();
        assertThat(warnings.get("valid").asBoolean()).isTrue();
        assertThat(warnings.get("warnings").asInt()).isOne();
        assertThat(texts(warnings)).isEqualTo(cli(moved));
        assertThat(texts(warnings).get(0)).contains("warning: msel[10].trigger: inject 11 of move M2 is released at 2023-11-25T00:53:54");
    }

    @Test
    void onlyAdministratorsAndNothingHostileGetsThrough() {
        ApiClient kor = demo.as("kor1");
        assertThat(kor.post("/api/scenarios/validate", "id: x").status()).isEqualTo(403);
        assertThat(new ApiClient(demo.server().port()).post("/api/scenarios/validate", "id: x").status()).isEqualTo(401);
        ApiClient control = demo.as("control");
        for (String hostile : List.of("", "null", "[1, 2", "{objectives: {}}", "\u0000\u0001\u0002", "a: &a [*a]")) {
            ApiClient.Response r = control.post("/api/scenarios/validate", hostile);
            assertThat(r.status()).as("%s", hostile).isEqualTo(200);
            assertThat(r.json().get("valid").asBoolean()).isFalse();
            assertThat(r.json().get("problems").size()).as("%s", hostile).isPositive();
        }
        assertThat(control.post("/api/scenarios/validate", "x: " + "y".repeat(3_000_000)).status()).isEqualTo(413);
    }
}
