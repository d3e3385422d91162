package org.spacettx.exercise.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.EventLog;
import org.spacettx.exercise.engine.Json;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.OmmWriter;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * One exercise in one file, to keep, hand over or replay on another server: a ZIP of the scenario file as it was
 * uploaded, the catalog snapshot of the element sets its objects used (OMM in CelesTrak's CSV, which
 * {@code spacettx catalog} reads), the event log (one JSON event a line, as {@code exercise simulate} writes it),
 * and a manifest with each part's SHA-256. The file depends only on the exercise: exporting the same exercise
 * again, here or after an import elsewhere, gives the same bytes.
 */
public record ExerciseArchive(String exerciseId, String scenarioYaml, String catalogCsv, List<Event.Recorded> events,
                              Map<String, byte[]> files) {

    public static final String FORMAT = "spacettx-exercise-archive";
    /** The format's version: 2 holds the documents attached to injects ({@code files/SHA256}); 1 has none. */
    public static final int VERSION = 2;
    static final String FILES = "files/";
    static final String MANIFEST = "manifest.json";
    static final String SCENARIO = "scenario.yaml";
    static final String CATALOG = "catalog.csv";
    public static final String EVENTS = "events.jsonl";
    /** Largest part read from an archive (a guard against a compressed bomb). */
    static final long MAX_PART_BYTES = 64L << 20;
    /** The manifest is a few hundred bytes. */
    static final long MAX_MANIFEST_BYTES = 64L << 10;
    /** A fixed time for every entry, so that the same exercise makes the same file. */
    private static final long ENTRY_TIME = 946_684_800_000L; // 2000-01-01T00:00:00Z

    public ExerciseArchive {
        events = List.copyOf(events);
        files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
        for (Event.Recorded r : events) {
            if (r.event() instanceof Event.FileAttached a && !files.containsKey(a.file().sha256())) {
                throw new IllegalArgumentException("event " + r.sequence() + " attaches the document " + a.file().name()
                        + ", whose content this archive would lack: export the archive from the server that holds it");
            }
        }
    }

    /** An archive without attached documents. */
    public ExerciseArchive(String exerciseId, String scenarioYaml, String catalogCsv, List<Event.Recorded> events) {
        this(exerciseId, scenarioYaml, catalogCsv, events, Map.of());
    }

    /** The archive of an exercise: its scenario text, the scenario it parses to, and its log. */
    public static ExerciseArchive of(String exerciseId, String scenarioYaml, Scenario scenario, List<Event.Recorded> events) {
        return of(exerciseId, scenarioYaml, scenario, events, Map.of());
    }

    /** As above, with the documents attached to its injects, by SHA-256. */
    public static ExerciseArchive of(String exerciseId, String scenarioYaml, Scenario scenario, List<Event.Recorded> events,
                                     Map<String, byte[]> files) {
        return new ExerciseArchive(exerciseId, scenarioYaml, catalogSnapshot(scenario), events, files);
    }

    /** The element sets of the scenario's objects as OMM CSV, one row per object in the scenario's order. */
    public static String catalogSnapshot(Scenario scenario) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (SpaceObject o : scenario.objects()) {
            Map<String, String> fields = OmmWriter.fields(o.elements());
            if (columns.isEmpty()) {
                columns.addAll(fields.keySet());
            }
            rows.add(fields);
        }
        if (columns.isEmpty()) {
            return "";
        }
        CsvSchema schema = CsvSchema.builder().addColumns(columns, CsvSchema.ColumnType.STRING).build().withHeader();
        try {
            return new CsvMapper().writer(schema).writeValueAsString(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the catalog snapshot could not be written", e);
        }
    }

    public String eventsJsonl() {
        return EventLog.write(events);
    }

    /** The manifest: format, the exercise, and each part's file, size and SHA-256. */
    public Map<String, Object> manifest() {
        return manifest(eventsJsonl());
    }

    private Map<String, Object> manifest(String log) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", files.isEmpty() ? 1 : VERSION); // without documents, the bytes of a version 1 archive

        m.put("exercise", exerciseId);
        m.put("scenario", part(SCENARIO, scenarioYaml));
        Map<String, Object> catalog = part(CATALOG, catalogCsv);
        catalog.put("objects", catalogCsv.isEmpty() ? 0 : catalogCsv.lines().count() - 1);
        m.put("catalog", catalog);
        Map<String, Object> logPart = part(EVENTS, log);
        logPart.put("count", events.size());
        m.put("events", logPart);
        if (!files.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            files.forEach((sha, bytes) -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("file", FILES + sha);
                f.put("bytes", bytes.length);
                f.put("sha256", sha);
                list.add(f);
            });
            m.put("files", list);
        }
        return m;
    }

    public byte[] write() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String log = eventsJsonl(); // serialised once, for its hash and its entry
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, MANIFEST, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest(log)) + "\n");
            entry(zip, SCENARIO, scenarioYaml);
            entry(zip, CATALOG, catalogCsv);
            entry(zip, EVENTS, log);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                entry(zip, FILES + f.getKey(), f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads an archive and checks it: a ZIP with the four parts and nothing else, the manifest first and of this
     * format, every part no larger than the manifest says (checked while it is inflated, so that a part cannot grow
     * past its stated size) and of exactly that size, its SHA-256 and count as the manifest says, and a log whose
     * events follow each other from 1. Problems are named by the archive ({@code source}) and the part.
     */
    public static ExerciseArchive read(byte[] archive, String source) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        JsonNode manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!List.of(MANIFEST, SCENARIO, CATALOG, EVENTS).contains(name) && !name.matches("files/[0-9a-f]{64}")) {
                    throw problem(source, null, "holds '" + InputException.excerpt(name) + "', which is not part of an exercise archive");
                }
                if (parts.containsKey(name)) {
                    throw problem(source, name, "appears twice");
                }
                if (manifest == null && !name.equals(MANIFEST)) {
                    throw problem(source, name, "comes before " + MANIFEST + ", which an archive holds first");
                }
                long stated = name.equals(MANIFEST) ? MAX_MANIFEST_BYTES : statedSize(manifest, name, source);
                byte[] bytes = bounded(zip, source, name, stated, !name.equals(MANIFEST));
                parts.put(name, bytes);
                if (name.equals(MANIFEST)) {
                    manifest = manifest(bytes, source);
                }
            }
        } catch (ZipException e) {
            throw problem(source, null, "is not a readable ZIP archive (" + describe(e) + ")");
        } catch (IOException e) {
            throw problem(source, null, "cannot be read: " + describe(e));
        }
        if (parts.isEmpty()) {
            throw problem(source, null, "is not an exercise archive (no ZIP entries)");
        }
        for (String name : List.of(MANIFEST, SCENARIO, CATALOG, EVENTS)) {
            if (!parts.containsKey(name)) {
                throw problem(source, null, "has no " + name);
            }
        }
        for (String[] p : new String[][] {{"scenario", SCENARIO}, {"catalog", CATALOG}, {"events", EVENTS}}) {
            String expected = manifest.path(p[0]).path("sha256").asText();
            String actual = sha256(parts.get(p[1]));
            if (!actual.equals(expected)) {
                throw problem(source, p[1], "SHA-256 is " + actual + ", the manifest says " + (expected.isEmpty() ? "nothing" : expected)
                        + ": the part was changed or damaged");
            }
        }
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (JsonNode f : manifest.path("files")) {
            String name = f.path("file").asText();
            byte[] bytes = parts.get(name);
            if (bytes == null) {
                throw problem(source, null, "has no " + InputException.excerpt(name) + ", which its manifest lists");
            }
            String sha = name.substring(FILES.length());
            if (!sha256(bytes).equals(sha) || !sha.equals(f.path("sha256").asText())) {
                throw problem(source, name, "SHA-256 is " + sha256(bytes) + ", its name and the manifest say otherwise: the document was changed or damaged");
            }
            files.put(sha, bytes);
        }
        for (String name : parts.keySet()) {
            if (name.startsWith(FILES) && !files.containsKey(name.substring(FILES.length()))) {
                throw problem(source, name, "is not listed in the manifest");
            }
        }
        String yaml = new String(parts.get(SCENARIO), StandardCharsets.UTF_8);
        String catalog = new String(parts.get(CATALOG), StandardCharsets.UTF_8);
        List<Event.Recorded> events = EventLog.read(new String(parts.get(EVENTS), StandardCharsets.UTF_8), source + "!" + EVENTS);
        if (manifest.path("events").path("count").asInt(-1) != events.size()) {
            throw problem(source, MANIFEST, "counts " + manifest.path("events").path("count").asText() + " events, the log holds "
                    + events.size());
        }
        for (Event.Recorded r : events) {
            if (r.event() instanceof Event.FileAttached a && !files.containsKey(a.file().sha256())) {
                throw problem(source, EVENTS, "event " + r.sequence() + " attaches " + InputException.excerpt(a.file().name())
                        + " (" + a.file().sha256() + "), which the archive lacks");
            }
        }
        String id = manifest.path("exercise").asText();
        return new ExerciseArchive(id, yaml, catalog, events, files);
    }

    /**
     * The archived scenario as it played: its {@code catalog} files resolved from the snapshot, and checked to
     * resolve to the same element sets ({@link #checkCatalog}).
     */
    public Scenario scenario(OrekitData data, String source) {
        return scenario(data, org.spacettx.exercise.scenario.Limits.DEFAULT, source);
    }

    /** As {@link #scenario(OrekitData, String)}, under a server's limits. */
    public Scenario scenario(OrekitData data, org.spacettx.exercise.scenario.Limits limits, String source) {
        List<org.spacettx.orbit.catalog.ElementSet> sets = catalogCsv.isEmpty() ? List.of()
                : CatalogReader.strict(data).read(source + "!" + CATALOG, catalogCsv.getBytes(StandardCharsets.UTF_8)).elementSets();
        ScenarioReader.Result result = ScenarioReader.parseWithCatalog(scenarioYaml, sets, data, limits);
        if (!result.ok()) {
            var e = result.errors().get(0);
            throw new InputException(new SourceLocation(source + "!" + SCENARIO, e.line()), null, e.message()
                    + (result.errors().size() > 1 ? " (and " + (result.errors().size() - 1) + " more errors)" : ""));
        }
        checkCatalog(result.scenario(), source);
        return result.scenario();
    }

    /**
     * Checks that the scenario, as this server parses it, resolves to the archived catalog snapshot: the replay then
     * computes with the same element sets as the exercise did.
     */
    public void checkCatalog(Scenario parsed, String source) {
        String now = catalogSnapshot(parsed);
        if (!now.equals(catalogCsv)) {
            throw problem(source, CATALOG, "the scenario's objects resolve to other element sets here (SHA-256 " + sha256(now)
                    + ") than the archived snapshot (" + sha256(catalogCsv) + ")");
        }
    }

    /** Whether bytes begin as a ZIP file does (a local file header), which an exercise archive is. */
    public static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> part(String file, String text) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("file", file);
        p.put("bytes", text.getBytes(StandardCharsets.UTF_8).length);
        p.put("sha256", sha256(text));
        return p;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        entry(zip, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    /** The manifest, checked for its format and version before any other part is read. */
    private static JsonNode manifest(byte[] bytes, String source) {
        JsonNode manifest;
        try {
            manifest = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw problem(source, MANIFEST, "is not JSON");
        }
        if (manifest == null || !manifest.isObject()) {
            throw problem(source, MANIFEST, "is not a JSON object");
        }
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw problem(source, MANIFEST, "format is '" + InputException.excerpt(manifest.path("format").asText()) + "', not " + FORMAT);
        }
        if (manifest.path("version").asInt() != 1 && manifest.path("version").asInt() != VERSION) {
            throw problem(source, MANIFEST, "version " + InputException.excerpt(manifest.path("version").asText())
                    + " is not supported (this reads 1 and " + VERSION + ")");
        }
        return manifest;
    }

    /** The size the manifest gives a part, which must be a whole number of bytes within the limit. */
    private static long statedSize(JsonNode manifest, String name, String source) {
        if (name.startsWith(FILES)) {
            for (JsonNode f : manifest.path("files")) {
                if (f.path("file").asText().equals(name)) {
                    JsonNode bytes = f.path("bytes");
                    if (!bytes.isIntegralNumber() || bytes.asLong() < 0 || bytes.asLong() > MAX_PART_BYTES) {
                        throw problem(source, MANIFEST, name + ".bytes must be the document's size, from 0 to " + MAX_PART_BYTES + " bytes");
                    }
                    return bytes.asLong();
                }
            }
            throw problem(source, name, "is not listed in the manifest");
        }
        String key = switch (name) {
            case SCENARIO -> "scenario";
            case CATALOG -> "catalog";
            default -> "events";
        };
        JsonNode bytes = manifest.path(key).path("bytes");
        if (!bytes.canConvertToLong() || !bytes.isIntegralNumber() || bytes.asLong() < 0 || bytes.asLong() > MAX_PART_BYTES) {
            throw problem(source, MANIFEST, key + ".bytes must be the part's size, from 0 to " + MAX_PART_BYTES + " bytes");
        }
        return bytes.asLong();
    }

    /**
     * A part's bytes, read no further than {@code limit}; with {@code exact}, the part must be exactly that long
     * (its size as the manifest states it).
     */
    private static byte[] bounded(InputStream in, String source, String name, long limit, boolean exact) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                throw problem(source, name, exact ? "is larger than the manifest says (" + limit + " bytes)"
                        : "is larger than " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        if (exact && total != limit) {
            throw problem(source, name, "is " + total + " bytes, the manifest says " + limit);
        }
        return out.toByteArray();
    }

    private static String describe(IOException e) {
        if (e instanceof java.io.EOFException) {
            return "it ends too early";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : InputException.excerpt(e.getMessage());
    }

    private static InputException problem(String source, String part, String message) {
        return new InputException(SourceLocation.of(part == null ? source : source + "!" + part), null, message);
    }
}
