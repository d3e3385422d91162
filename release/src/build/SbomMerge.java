import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The release's one SBOM: the CycloneDX BOM the build made of the Java components (cyclonedx-maven-plugin) with the
 * npm packages the jar ships added to its components (release/src/npm-components.json, versions filled in by Maven).
 * Run by the release build as a source-file program, on the application jar's class path (for Jackson).
 *
 * <p>Usage: {@code java -cp spacettx.jar SbomMerge.java JAVA_BOM.json NPM_COMPONENTS.json OUT.json}
 */
public final class SbomMerge {

    private SbomMerge() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode bom = (ObjectNode) json.readTree(Files.readString(Path.of(args[0])));
        JsonNode npm = json.readTree(Files.readString(Path.of(args[1])));
        ArrayNode components = bom.has("components") ? (ArrayNode) bom.get("components") : bom.putArray("components");
        for (JsonNode c : npm) {
            components.add(c);
        }
        Files.createDirectories(Path.of(args[2]).toAbsolutePath().getParent());
        Files.writeString(Path.of(args[2]), json.writeValueAsString(bom));
        System.out.println("SBOM: " + components.size() + " components (" + npm.size() + " from npm) in " + args[2]);
    }
}
