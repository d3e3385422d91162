package org.spacettx.exercise.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;

/** The JSON Schema for editors (docs/scenario.schema.json) accepts the demo and catches what editors can catch. */
class ScenarioSchemaTest {

    static Schema schema() throws Exception {
        Path file = Demo.file().getParent().resolveSibling("docs").resolve("scenario.schema.json");
        JsonNode node = new ObjectMapper().readTree(Files.readString(file));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
    }

    @Test
    void theDemoConformsToTheSchema() throws Exception {
        JsonNode demo = new YAMLMapper().readTree(Demo.text());
        List<Error> errors = schema().validate(demo);
        assertThat(errors).as(errors.toString()).isEmpty();
    }

    @Test
    void theSchemaCatchesTyposAndMissingKeys() throws Exception {
        JsonNode broken = new YAMLMapper().readTree(Demo.text().replace("channel: news", "chanel: news")
                .replaceFirst("marking: KOR ONLY", "marking: SECRET"));
        List<Error> errors = schema().validate(broken);
        assertThat(errors.toString()).contains("'chanel' is not defined").contains("/msel/1/marking: does not match");
    }
}
