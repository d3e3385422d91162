package org.spacettx.exercise.text;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** One message: its code and its parameters' values, worded in English by {@link #english()}. */
public record Message(MessageCode code, Map<String, String> params) {

    public Message {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * A message from its code and parameters given as name, value, name, value...; a collection becomes a list
     * separated by commas.
     */
    public static Message of(MessageCode code, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            params.put((String) namesAndValues[i], v instanceof Collection<?> c
                    ? String.join(", ", c.stream().map(String::valueOf).toList()) : String.valueOf(v));
        }
        return new Message(code, params);
    }

    public String english() {
        return MessageCode.fill(code.english(), params);
    }

    @Override
    public String toString() {
        return english();
    }
}
