package org.spacettx.orbit.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON input files read into trees, a syntax error reported with the file and line it is on. */
public final class JsonInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonInput() {
    }

    /** The document's tree (null for an empty text); {@link InputException} naming the line if it is not JSON. */
    public static JsonNode read(String text, SourceLocation at) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(at.atLine(line), null, "is not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    public static ObjectNode emptyObject() {
        return JSON.createObjectNode();
    }
}
