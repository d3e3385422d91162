package org.spacettx.exercise.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML document as a tree whose every node remembers its line and column, so that every problem found in a
 * scenario can be pointed at. (Jackson's own trees forget where their nodes came from.)
 */
sealed interface YamlNode {

    int line();

    int column();

    /** A dotted path from the root, e.g. {@code msel[3].trigger.at}, for messages. */
    String path();

    record MapNode(Map<String, YamlNode> entries, int line, int column, String path) implements YamlNode {
    }

    record ListNode(List<YamlNode> items, int line, int column, String path) implements YamlNode {
    }

    /** A scalar; {@code quoted} is true for strings, false for numbers, booleans and null. */
    record Scalar(String text, boolean isNull, int line, int column, String path) implements YamlNode {
    }

    /** Parses one YAML document; duplicate keys are reported through {@code problems}. */
    static YamlNode parse(String text, List<ScenarioProblem> problems) throws ScenarioSyntaxException {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new ScenarioSyntaxException(1, 1, "the file is empty");
            }
            return read(parser, "", problems);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().replaceAll("\\s+", " ").strip();
            throw new ScenarioSyntaxException(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid YAML: " + message);
        } catch (java.io.IOException e) {
            throw new ScenarioSyntaxException(0, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static YamlNode read(JsonParser p, String path, List<ScenarioProblem> problems) throws java.io.IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    p.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    YamlNode value = read(p, childPath, problems);
                    if (entries.containsKey(key)) {
                        problems.add(ScenarioProblem.error(keyAt.getLineNr(), keyAt.getColumnNr(), childPath,
                                "the key '" + key + "' appears twice"));
                    }
                    entries.put(key, value);
                }
                return new MapNode(entries, line, column, path);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, path + "[" + index++ + "]", problems));
                }
                return new ListNode(items, line, column, path);
            }
            case VALUE_NULL -> {
                return new Scalar("", true, line, column, path);
            }
            default -> {
                return new Scalar(p.getText(), false, line, column, path);
            }
        }
    }
}
