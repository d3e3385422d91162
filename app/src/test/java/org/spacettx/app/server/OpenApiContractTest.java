package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.exercise.engine.Command;
import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.EventFormat;
import org.spacettx.exercise.engine.Json;

/**
 * The API as a contract: {@code /api/openapi.json} describes exactly the routes the server answers (each method of
 * each path, no more, no fewer), and every command and event with every field it carries. On main before, 24 of 25
 * event types and several routes were missing from it.
 */
class OpenApiContractTest {

    @TempDir
    Path dir;

    @Test
    void theDocumentDescribesEveryRouteAndOnlyThose() throws Exception {
        try (DemoServer demo = DemoServer.start(dir, "openapi-password-1")) {
            JsonNode doc = Json.mapper().readTree(new ApiClient(demo.server().port()).get("/api/openapi.json").bytes());
            Set<String> described = new TreeSet<>();
            doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    described.add(method.toUpperCase() + " " + p.getKey());
                }
            }));
            Set<String> served = new TreeSet<>(demo.server().routes().stream()
                    .filter(r -> r.contains(" /api/") && r.matches("(GET|POST|PUT|DELETE|PATCH) .*")).toList());
            assertThat(served).as("routes the server answers").hasSizeGreaterThan(40);
            List<String> undescribed = new ArrayList<>(served);
            undescribed.removeAll(described);
            List<String> stale = new ArrayList<>(described);
            stale.removeAll(served);
            assertThat(undescribed).as("routes missing from openapi.json").isEmpty();
            // the identity provider's routes exist only on a server configured with one
            stale.removeAll(List.of("GET /api/oidc/login", "GET /api/oidc/callback"));
            assertThat(stale).as("routes openapi.json describes that the server does not answer").isEmpty();
            // an error answer is as the Error schema says: its code one of those described, its parameters strings
            Set<String> codes = new TreeSet<>();
            doc.get("components").get("schemas").get("Error").get("properties").get("code").get("oneOf")
                    .forEach(c -> codes.add(c.get("const").asText()));
            ApiClient stranger = new ApiClient(demo.server().port());
            for (ApiClient.Response r : List.of(stranger.get("/api/exercises/rok-us-space-ttx/feed"), stranger.get("/api/nothing-here"))) {
                JsonNode body = r.json();
                assertThat(body.get("error").asText()).isNotBlank();
                assertThat(codes).contains(body.get("code").asText());
                assertThat(body.get("params").isObject()).isTrue();
                body.get("params").forEach(v -> assertThat(v.isTextual()).isTrue());
            }
            ApiClient control = demo.as("control");
            control.command("rok-us-space-ttx", "{\"type\":\"StartExercise\"}");
            JsonNode refused = control.command("rok-us-space-ttx", "{\"type\":\"StartExercise\"}").json();
            assertThat(refused.get("code").asText()).isEqualTo("already-started");
            assertThat(refused.get("error").asText()).isEqualTo("the exercise has already started");
        }
    }

    @Test
    void everyCommandAndEventIsDescribedWithEveryField() throws Exception {
        JsonNode schemas = Json.mapper().readTree(OpenApi.document()).get("components").get("schemas");
        for (Class<?> kind : Command.class.getPermittedSubclasses()) {
            fields(schemas.get("Command_" + kind.getSimpleName()), kind);
        }
        for (Class<?> kind : Event.class.getPermittedSubclasses()) {
            fields(schemas.get("Event_" + EventFormat.name(kind.asSubclass(Event.class))), kind);
        }
        assertThat(schemas.get("Event").get("oneOf")).hasSize(Event.class.getPermittedSubclasses().length);
        assertThat(schemas.get("Command").get("oneOf")).hasSize(Command.class.getPermittedSubclasses().length);
        assertThat(schemas.get("Error").get("properties").get("code").get("oneOf"))
                .hasSize(org.spacettx.exercise.text.Refusal.values().length + ApiProblem.values().length);
        assertThat(schemas.get("RecordedEvent").get("properties").get("event").get("$ref").asText())
                .isEqualTo("#/components/schemas/Event");
    }

    private static void fields(JsonNode schema, Class<?> kind) {
        assertThat(schema).as(kind.getSimpleName()).isNotNull();
        for (RecordComponent c : kind.getRecordComponents()) {
            assertThat(schema.get("properties").has(c.getName())).as(kind.getSimpleName() + "." + c.getName()).isTrue();
        }
    }
}
