package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.text.Message;
import org.spacettx.exercise.text.MessageCode;
import org.spacettx.exercise.text.Refusal;

/**
 * Every error a user may read has a stable code, an English wording, and a wording in every other language the
 * console speaks ({@code public/texts/errors.LANG.json}) with the same placeholders; the values a placeholder names
 * (a text field, a role) are worded there too. Walks every code of the exercise's refusals and the server's problems.
 */
class ErrorTextsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static List<MessageCode> allCodes() {
        List<MessageCode> all = new ArrayList<>(List.of(Refusal.values()));
        all.addAll(List.of(ApiProblem.values()));
        return all;
    }

    static Map<String, JsonNode> languages() throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        Path dir = Path.of(ErrorTextsTest.class.getResource("/public/texts").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("errors\\.[a-z]{2}\\.json")).toList()) {
                out.put(f.getFileName().toString().split("\\.")[1], JSON.readTree(f.toFile()));
            }
        }
        return out;
    }

    @Test
    void everyCodeIsUniqueAndWordedInEnglish() {
        Set<String> seen = new TreeSet<>();
        for (MessageCode c : allCodes()) {
            assertThat(c.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(seen.add(c.id())).as("%s is used twice", c.id()).isTrue();
            assertThat(c.english()).isNotBlank();
        }
        assertThat(seen).hasSizeGreaterThan(150);
    }

    @Test
    void everyLanguageWordsEveryCodeWithTheSamePlaceholders() throws Exception {
        Map<String, JsonNode> languages = languages();
        assertThat(languages).containsKey("ko");
        Set<String> ids = new TreeSet<>(allCodes().stream().map(MessageCode::id).toList());
        for (Map.Entry<String, JsonNode> lang : languages.entrySet()) {
            JsonNode messages = lang.getValue().get("messages");
            assertThat(lang.getValue().get("language").asText()).isEqualTo(lang.getKey());
            Set<String> worded = new TreeSet<>();
            messages.fieldNames().forEachRemaining(worded::add);
            assertThat(worded).as("%s: codes worded", lang.getKey()).containsExactlyElementsOf(ids);
            for (MessageCode c : allCodes()) {
                String template = messages.get(c.id()).asText();
                assertThat(template).as("%s %s", lang.getKey(), c.id()).isNotBlank().isNotEqualTo(c.english());
                assertThat(MessageCode.placeholders(template)).as("%s %s: placeholders", lang.getKey(), c.id())
                        .containsExactlyInAnyOrderElementsOf(MessageCode.placeholders(c.english()));
            }
            // the values a placeholder takes from a closed set are worded too
            JsonNode values = lang.getValue().get("values");
            for (Refusal.Field f : Refusal.Field.values()) {
                assertThat(values.path("field").path(f.english()).asText()).as("%s field %s", lang.getKey(), f).isNotBlank();
            }
            for (Actor.Role r : Actor.Role.values()) {
                String role = r.name().toLowerCase(Locale.ROOT);
                assertThat(values.path("role").path(role).asText()).as("%s role %s", lang.getKey(), role).isNotBlank();
            }
        }
    }

    @Test
    void aMessageIsFilledFromItsParameters() {
        Message m = Refusal.ROUND_REVEALED.with("round", 2, "question", "Q3");
        assertThat(m.english()).isEqualTo("round 2 of Q3 is already revealed");
        assertThat(m.code().id()).isEqualTo("round-revealed");
        assertThat(Refusal.TEXT_TOO_LONG.with("field", Refusal.Field.EXPECTED_ACTION, "max", 2000).params())
                .containsEntry("field", "expected action").containsEntry("max", "2000");
        assertThat(Refusal.OWNER_NOT_TAKING_PART.with("nation", "PRK", "owners", List.of("KOR", "USA")).english())
                .isEqualTo("no delegation of nation PRK takes part (owners: KOR, USA)");
        try (InputStream in = ErrorTextsTest.class.getResourceAsStream("/public/texts/errors.ko.json")) {
            assertThat(in).as("served with the console").isNotNull();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
