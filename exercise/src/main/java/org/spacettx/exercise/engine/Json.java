package org.spacettx.exercise.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.spacettx.exercise.assess.AnswerValue;
import org.spacettx.exercise.scenario.Marking;

/**
 * The JSON form of events and commands, for the event store, scripts and the API: each event or command is an
 * object with a {@code type} (an event's stable name, {@link EventFormat}, e.g. {@code InjectReleased}; a command's
 * record name) and its fields; times in ISO-8601 UTC; markings as written on documents ({@code REL TO KOR, USA}).
 * What is stored goes through {@link EventFormat}, which adds the format's version.
 */
public final class Json {

    private static final ObjectMapper MAPPER = create();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface Typed {
    }

    @JsonIgnoreProperties({"control"})
    private interface ActorForm {
    }

    @JsonIgnoreProperties({"empty", "complete"})
    private interface TextForm {
    }

    private abstract static class MarkingForm {
        @JsonValue
        public abstract String toString();

        @JsonCreator
        static Marking parse(String text) {
            return Marking.parse(text);
        }
    }

    private static ObjectMapper create() {
        ObjectMapper m = new ObjectMapper();
        m.registerModule(new JavaTimeModule());
        m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // a rating of 3.5 is no rating of 3: a fraction where a whole number is due is refused, not cut
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.addMixIn(Event.class, Typed.class);
        m.addMixIn(Command.class, Typed.class);
        m.addMixIn(AnswerValue.class, Typed.class);
        m.addMixIn(Marking.class, MarkingForm.class);
        m.addMixIn(Actor.class, ActorForm.class);
        m.addMixIn(org.spacettx.exercise.scenario.Text.class, TextForm.class);
        // events by the stable names the stored format declares; commands and answers by their records' names
        EventFormat.NAMES.forEach((name, kind) -> m.registerSubtypes(new NamedType(kind, name)));
        for (Class<?> family : new Class<?>[] {Command.class, AnswerValue.class}) {
            for (Class<?> sub : family.getPermittedSubclasses()) {
                m.registerSubtypes(new NamedType(sub, sub.getSimpleName()));
            }
        }
        return m;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads a value.
     *
     * @throws IllegalArgumentException with the parser's explanation (unknown type, missing field...)
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
