package org.spacettx.exercise.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.orbit.data.OrekitData;

/**
 * The three descriptions of the scenario format kept in step: the keys every mapping may and must have
 * ({@link ScenarioKeys}, which the section readers check against) are those of {@code docs/scenario.schema.json}, are
 * each named in their section of {@code docs/scenario-format.md}, and are what the reader enforces — shown by
 * adding an unknown key to, and removing each required key from, a real instance of every mapping in the demo.
 */
class ScenarioFormatTest {

    static final Path DOCS = Demo.file().getParent().resolveSibling("docs");

    static JsonNode schema() throws Exception {
        return new ObjectMapper().readTree(Files.readString(DOCS.resolve("scenario.schema.json")));
    }

    /** The schema of the mapping at a declared path ({@code msel[].trigger.pass}), references and text's variants resolved. */
    static JsonNode schemaAt(JsonNode root, String path) {
        JsonNode node = path.equals("text") ? root.at("/$defs/text") : root;
        if (!path.isEmpty() && !path.equals("text")) {
            for (String segment : path.split("\\.")) {
                boolean list = segment.endsWith("[]");
                node = resolve(root, node).path("properties").path(list ? segment.substring(0, segment.length() - 2) : segment);
                if (list) {
                    node = resolve(root, node).path("items");
                }
            }
        }
        node = resolve(root, node);
        if (node.has("anyOf")) {
            for (JsonNode variant : node.get("anyOf")) {
                if ("object".equals(variant.path("type").asText())) {
                    return variant;
                }
            }
        }
        return node;
    }

    static JsonNode resolve(JsonNode root, JsonNode node) {
        return node.has("$ref") ? root.at(node.get("$ref").asText().substring(1)) : node;
    }

    static Set<String> names(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theSchemaHasTheReadersKeysAtEveryPlace() throws Exception {
        JsonNode root = schema();
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, ScenarioKeys.Keys> e : ScenarioKeys.all().entrySet()) {
            JsonNode s = schemaAt(root, e.getKey());
            Set<String> properties = names(s.path("properties"));
            Set<String> required = new TreeSet<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            if (!properties.equals(new TreeSet<>(e.getValue().allowed()))) {
                differences.add(e.getKey() + ": schema " + properties + ", reader " + new TreeSet<>(e.getValue().allowed()));
            }
            if (!required.equals(new TreeSet<>(e.getValue().required()))) {
                differences.add(e.getKey() + ": schema requires " + required + ", reader " + new TreeSet<>(e.getValue().required()));
            }
            if (!s.path("additionalProperties").isBoolean() || s.path("additionalProperties").asBoolean()) {
                differences.add(e.getKey() + ": the schema allows other keys, the reader does not");
            }
        }
        assertThat(differences).isEmpty();
        assertThat(ScenarioKeys.all()).hasSizeGreaterThan(20);
    }

    /** The words inside `code` in each section of the prose, by the section's first path segment. */
    static Map<String, Set<String>> documented() throws Exception {
        String prose = Files.readString(DOCS.resolve("scenario-format.md"));
        Map<String, String> headings = Map.ofEntries(Map.entry("", "## Top level"), Map.entry("evaluators", "## Top level"), Map.entry("cells", "## Cells"), Map.entry("objectives", "## Objectives"),
                Map.entry("places", "## Places"), Map.entry("objects", "## Objects"), Map.entry("maneuvers", "## Manoeuvres"), Map.entry("breakups", "## Breakups"), Map.entry("effects", "## Effects"), Map.entry("sensors", "## Sensors"),
                Map.entry("moves", "## Moves"), Map.entry("msel", "## MSEL"), Map.entry("questions", "## Questions"), Map.entry("action_items", "## Action items"));
        Map<String, Set<String>> out = new java.util.HashMap<>();
        for (Map.Entry<String, String> h : headings.entrySet()) {
            int start = prose.indexOf("\n" + h.getValue());
            assertThat(start).as("section %s", h.getValue()).isNotNegative();
            int end = prose.indexOf("\n## ", start + 1);
            out.put(h.getKey(), words(prose.substring(start, end < 0 ? prose.length() : end)));
        }
        out.put("text", words(prose.substring(0, prose.indexOf("\n## "))));
        return out;
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher code = Pattern.compile("`([^`]+)`").matcher(text);
        while (code.find()) {
            Matcher word = Pattern.compile("[a-z_]+").matcher(code.group(1));
            while (word.find()) {
                out.add(word.group());
            }
        }
        return out;
    }

    @Test
    void theProseNamesEveryKeyInItsSection() throws Exception {
        Map<String, Set<String>> documented = documented();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, ScenarioKeys.Keys> e : ScenarioKeys.all().entrySet()) {
            String section = e.getKey().equals("text") ? "text" : e.getKey().split("[.\\[]")[0];
            for (String key : new TreeSet<>(e.getValue().allowed())) {
                if (!documented.get(section).contains(key)) {
                    missing.add(e.getKey() + "." + key);
                }
            }
        }
        assertThat(missing).as("keys the reader takes that docs/scenario-format.md does not name in their section").isEmpty();
    }

    /** The first instance of a declared place in a tree, with its path as the reader names it ({@code msel[7].trigger}). */
    static Map.Entry<String, ObjectNode> instance(JsonNode node, String path, String at) {
        if (path.isEmpty()) {
            return node instanceof ObjectNode o ? Map.entry(at, o) : null;
        }
        int dot = path.indexOf('.');
        String segment = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? "" : path.substring(dot + 1);
        boolean list = segment.endsWith("[]");
        String key = list ? segment.substring(0, segment.length() - 2) : segment;
        JsonNode child = node.path(key);
        String childAt = at.isEmpty() ? key : at + "." + key;
        if (!list) {
            return child.isMissingNode() ? null : instance(child, rest, childAt);
        }
        for (int i = 0; i < child.size(); i++) {
            Map.Entry<String, ObjectNode> found = instance(child.get(i), rest, childAt + "[" + i + "]");
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static List<ScenarioProblem> problems(ObjectNode tree) {
        return ScenarioReader.parse(ScenarioDocument.toYaml(tree), Demo.file().getParent(), OrekitData.standard()).problems();
    }

    @Test
    void theReaderEnforcesTheDeclaredKeysAtEveryPlace() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, ScenarioKeys.Keys> e : ScenarioKeys.all().entrySet()) {
            ObjectNode demo = ScenarioDocument.toTree(Demo.text());
            Map.Entry<String, ObjectNode> found = e.getKey().equals("text") ? Map.entry("title", (ObjectNode) demo.get("title"))
                    : instance(demo, e.getKey(), "");
            if (found == null) {
                failures.add(e.getKey() + ": no instance in the demo");
                continue;
            }
            found.getValue().put("zz_unknown", 1);
            String unknownAt = (found.getKey().isEmpty() ? "" : found.getKey() + ".") + "zz_unknown";
            if (problems(demo).stream().noneMatch(p -> p.message().startsWith("unknown key 'zz_unknown'") && p.path().equals(unknownAt))) {
                failures.add(e.getKey() + ": an unknown key at " + unknownAt + " is not reported");
            }
            checked++;
            for (String required : e.getValue().required()) {
                ObjectNode again = ScenarioDocument.toTree(Demo.text());
                Map.Entry<String, ObjectNode> place = instance(again, e.getKey(), "");
                place.getValue().remove(required);
                if (problems(again).stream().noneMatch(p -> p.message().equals("'" + required + "' is missing")
                        && p.path().equals(place.getKey()))) {
                    failures.add(e.getKey() + ": '" + required + "' removed at " + place.getKey() + " is not reported");
                }
                checked++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void aTriggerListsItsKindsFromTheDeclaration() {
        ObjectNode demo = ScenarioDocument.toTree(Demo.text());
        ((ObjectNode) demo.get("msel").get(0)).set("trigger", new ObjectMapper().createObjectNode().put("at", "2023-11-14T01:00:00Z")
                .put("manual", true));
        assertThat(problems(demo)).anyMatch(p -> p.message().startsWith("a trigger needs exactly one of [after_inject, at, breakup, close_approach, conjunction, custody_lost, debris_approach, debris_risk, detected, effect,"));
    }
}
