package org.spacettx.exercise.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * A scenario file as the tree the planning workspace edits (JSON: the file's own keys and values, nothing added),
 * and that tree written back as a scenario file. What {@link #toYaml} writes, {@link ScenarioReader} reads as the
 * same scenario: strings stay strings (a string that looks like a number is quoted), numbers stay numbers, and
 * multi-line texts are written as literal blocks, so a downloaded draft reads like a file written by hand.
 * Comments of an uploaded file do not survive the trip through the tree; the file as uploaded is kept as the
 * draft's first version.
 */
public final class ScenarioDocument {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private ScenarioDocument() {
    }

    /**
     * The tree of a scenario file's text. A text that is not one YAML mapping, or repeats a key, is refused with an
     * {@link IllegalArgumentException} naming the line and column, as the reader names them.
     */
    public static ObjectNode toTree(String yaml) {
        // the reader's own parse first: it names the line and column of a syntax error and refuses duplicate keys
        java.util.List<ScenarioProblem> problems = new java.util.ArrayList<>();
        try {
            YamlNode.parse(yaml, problems);
        } catch (ScenarioSyntaxException e) {
            throw new IllegalArgumentException("line " + e.line + ", column " + e.column + ": " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            ScenarioProblem p = problems.get(0);
            throw new IllegalArgumentException("line " + p.line() + ", column " + p.column() + ": " + p.message());
        }
        try {
            JsonNode tree = YAML.readTree(yaml);
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalArgumentException("line 1, column 1: a scenario is a mapping of keys (id, title, cells, ...)");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage());
        }
    }

    /** The scenario file of a tree, in the block style a person would write. */
    public static String toYaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
