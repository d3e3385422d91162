package org.spacettx.app.server;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.spacettx.exercise.assess.AnswerValue;
import org.spacettx.exercise.engine.Command;
import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.EventFormat;
import org.spacettx.exercise.engine.Json;
import org.spacettx.exercise.scenario.Marking;
import org.spacettx.exercise.scenario.Text;

/**
 * The API's OpenAPI 3.1 description: the routes as written by hand in {@code openapi.json} (what each does, its
 * answers), and the schemas of every command, event and answer value made from their records, so that no kind is
 * ever missing or out of date ({@code OpenApiContractTest} holds the routes to the server's route table).
 */
final class OpenApi {

    private OpenApi() {
    }

    /** The document, its schemas of commands, events and answer values completed from the sealed types. */
    static byte[] document() {
        ObjectNode doc;
        try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.json")) {
            doc = (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.json is missing from the jar", e);
        }
        ObjectNode schemas = (ObjectNode) doc.with("components").with("schemas");
        family(schemas, "Command", "An engine command, by its type", Command.class, c -> c.getSimpleName());
        family(schemas, "Event", "An event of an exercise's log, by its stable type name", Event.class,
                c -> EventFormat.name(c.asSubclass(Event.class)));
        family(schemas, "AnswerValue", "An answer to an assessment question, by its type", AnswerValue.class, Class::getSimpleName);
        errors((ObjectNode) schemas.with("Error"));
        ObjectNode recorded = (ObjectNode) schemas.with("RecordedEvent");
        ((ObjectNode) recorded.with("properties")).set("event", ref("Event"));
        try {
            return Json.mapper().writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The error answer: its English wording, its code (one of every refusal of the exercise and problem of the server,
     * each with its English template) and the template's parameters.
     */
    private static void errors(ObjectNode error) {
        error.put("type", "object");
        error.putArray("required").add("error").add("code").add("params");
        ObjectNode properties = error.putObject("properties");
        properties.putObject("error").put("type", "string").put("description", "the message in English");
        ArrayNode codes = properties.putObject("code").put("description",
                "a stable code, for a client to word in its reader's language with params (each code's English template below)")
                .putArray("oneOf");
        java.util.List<org.spacettx.exercise.text.MessageCode> all = new java.util.ArrayList<>(
                java.util.List.of(org.spacettx.exercise.text.Refusal.values()));
        all.addAll(java.util.List.of(ApiProblem.values()));
        for (org.spacettx.exercise.text.MessageCode c : all) {
            codes.addObject().put("const", c.id()).put("description", c.english());
        }
        properties.putObject("params").put("type", "object").put("description", "the values of the template's {placeholders}")
                .putObject("additionalProperties").put("type", "string");
        properties.putObject("details").put("description", "more, where a problem has it (a scenario's problems, a wait in seconds)");
    }

    /** A sealed family as {@code oneOf} its records, each named {@code FAMILY_NAME} with a {@code type} constant. */
    private static void family(ObjectNode schemas, String family, String description, Class<?> sealed,
                               java.util.function.Function<Class<?>, String> name) {
        ObjectNode union = Json.mapper().createObjectNode();
        union.put("description", description);
        ArrayNode oneOf = union.putArray("oneOf");
        ObjectNode mapping = Json.mapper().createObjectNode();
        for (Class<?> kind : sealed.getPermittedSubclasses()) {
            String type = name.apply(kind);
            String schemaName = family + "_" + type;
            ObjectNode schema = Json.mapper().createObjectNode();
            schema.put("type", "object");
            schema.put("additionalProperties", false);
            ObjectNode properties = schema.putObject("properties");
            properties.putObject("type").put("const", type);
            ArrayNode required = schema.putArray("required").add("type");
            for (RecordComponent c : kind.getRecordComponents()) {
                properties.set(c.getName(), of(c.getGenericType()));
                if (c.getType().isPrimitive()) {
                    required.add(c.getName());
                }
            }
            schemas.set(schemaName, schema);
            oneOf.add(ref(schemaName));
            mapping.put(type, "#/components/schemas/" + schemaName);
        }
        union.putObject("discriminator").put("propertyName", "type").set("mapping", mapping);
        schemas.set(family, union);
    }

    /** The JSON schema of a record component's type, as {@link Json} writes it. */
    private static ObjectNode of(Type type) {
        ObjectNode s = Json.mapper().createObjectNode();
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class || raw == Marking.class) {
            s.put("type", "string");
            if (raw == Marking.class) {
                s.put("description", "a releasability marking as written on documents, e.g. REL TO KOR, USA");
            }
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            s.put("type", "integer");
        } else if (raw == double.class || raw == Double.class) {
            s.put("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            s.put("type", "boolean");
        } else if (raw == Instant.class) {
            s.put("type", "string").put("format", "date-time");
        } else if (raw == LocalDate.class) {
            s.put("type", "string").put("format", "date");
        } else if (raw == Text.class) {
            s.put("type", "object");
            ObjectNode p = s.putObject("properties");
            p.putObject("en").put("type", "string");
            p.putObject("ko").put("type", "string");
        } else if (raw == AnswerValue.class) {
            return ref("AnswerValue");
        } else if (raw.isRecord()) {
            // a small value type (a document on an inject): its components, as Json writes them
            s.put("type", "object");
            ObjectNode p = s.putObject("properties");
            for (java.lang.reflect.RecordComponent c : raw.getRecordComponents()) {
                p.set(c.getName(), of(c.getGenericType()));
            }
        } else if (raw.isEnum()) {
            s.put("type", "string");
            ArrayNode values = s.putArray("enum");
            for (Object v : raw.getEnumConstants()) {
                values.add(v.toString());
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            s.put("type", "array");
            s.set("items", of(((ParameterizedType) type).getActualTypeArguments()[0]));
        } else if (Map.class.isAssignableFrom(raw)) {
            s.put("type", "object");
            s.set("additionalProperties", of(((ParameterizedType) type).getActualTypeArguments()[1]));
        } else {
            throw new IllegalStateException("no JSON schema for " + type + ": add it to OpenApi.of");
        }
        return s;
    }

    private static ObjectNode ref(String schema) {
        return Json.mapper().createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }
}
