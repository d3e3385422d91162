package org.spacettx.orbit.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.JsonInput;
import org.spacettx.orbit.input.SourceLocation;

/**
 * Reads element sets from files, directories or bytes in any of the formats SpaceTTX knows, recognised from the
 * content (not the file name): TLE in 2- or 3-line form, OMM as CelesTrak/Space-Track CSV or JSON, CCSDS OMM as
 * XML (a bare {@code <omm>} or an {@code <ndm>} of many) or KVN. Gzip-compressed input is recognised by its magic
 * number.
 *
 * <p>In {@link Mode#STRICT} the first bad record stops the read with an {@link InputException} naming file, line
 * and field. In {@link Mode#LENIENT} bad records are skipped and each one is reported in {@link Result#rejections()},
 * never silently.
 */
public final class CatalogReader {

    public enum Mode { STRICT, LENIENT }

    /** The input formats recognised. */
    public enum Format { TLE, OMM_CSV, OMM_JSON, CCSDS_OMM_XML, CCSDS_OMM_KVN }

    /** A record that was skipped in lenient mode, and why. */
    public record Rejection(SourceLocation at, String problem) {
        @Override
        public String toString() {
            return at + ": " + problem;
        }
    }

    /** What a read produced: the element sets in input order (duplicates kept) and the rejected records. */
    public record Result(List<ElementSet> elementSets, List<Rejection> rejections) {
        public Result {
            elementSets = List.copyOf(elementSets);
            rejections = List.copyOf(rejections);
        }
    }

    private static final CsvMapper CSV = new CsvMapper();

    private final OrekitData data;
    private final Mode mode;
    private final TleFormat.Checksum checksum;

    public CatalogReader(OrekitData data, Mode mode, TleFormat.Checksum checksum) {
        this.data = data;
        this.mode = mode;
        this.checksum = checksum;
    }

    /** A strict reader that verifies TLE checksums. */
    public static CatalogReader strict(OrekitData data) {
        return new CatalogReader(data, Mode.STRICT, TleFormat.Checksum.VERIFY);
    }

    /** Reads files and directories (every regular file below a directory, in name order). */
    public Result read(List<Path> paths) {
        List<ElementSet> sets = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : expand(path)) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    throw new InputException(SourceLocation.of(file.toString()), null, "no such file");
                } catch (IOException e) {
                    throw new InputException(SourceLocation.of(file.toString()), null, "cannot be read: " + e.getMessage());
                }
                Result one = read(file.toString(), bytes);
                sets.addAll(one.elementSets());
                rejections.addAll(one.rejections());
            }
        }
        return new Result(sets, rejections);
    }

    /** Reads one document held in memory (a downloaded query, standard input); {@code source} names it in errors. */
    public Result read(String source, byte[] bytes) {
        String text = decode(source, bytes);
        SourceLocation at = SourceLocation.of(source);
        List<ElementSet> sets = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        switch (detect(text)) {
            case TLE -> readTle(text, at, sets, rejections);
            case OMM_CSV -> readCsv(text, at, sets, rejections);
            case OMM_JSON -> readJson(text, at, sets, rejections);
            case CCSDS_OMM_XML, CCSDS_OMM_KVN -> readCcsds(text, at, sets, rejections);
        }
        return new Result(sets, rejections);
    }

    /** Recognises the format from the first characters of the text. */
    public static Format detect(String text) {
        String head = text.stripLeading();
        if (head.startsWith("[") || head.startsWith("{")) {
            return Format.OMM_JSON;
        }
        if (head.startsWith("<")) {
            return Format.CCSDS_OMM_XML;
        }
        if (head.startsWith("CCSDS_OMM_VERS")) {
            return Format.CCSDS_OMM_KVN;
        }
        int end = head.indexOf('\n');
        String firstLine = end < 0 ? head : head.substring(0, end);
        if (firstLine.contains("NORAD_CAT_ID") && firstLine.contains(",")) {
            return Format.OMM_CSV;
        }
        return Format.TLE;
    }

    private static List<Path> expand(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(path.toString()), null, "cannot list directory: " + e.getMessage());
        }
    }

    private static String decode(String source, byte[] bytes) {
        byte[] raw = bytes;
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                raw = in.readAllBytes();
            } catch (IOException e) {
                throw new InputException(SourceLocation.of(source), null, "is a damaged gzip file: " + e.getMessage());
            }
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) {
            throw new InputException(SourceLocation.of(source), null, "is a binary file, not a TLE or OMM catalog");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private void reject(InputException e, List<Rejection> rejections) {
        if (mode == Mode.STRICT) {
            throw e;
        }
        String field = e.field() == null ? "" : e.field() + ": ";
        rejections.add(new Rejection(e.location(), field + e.problem()));
    }

    private void readTle(String text, SourceLocation at, List<ElementSet> sets, List<Rejection> rejections) {
        String[] lines = text.split("\r?\n|\r", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].stripTrailing();
            if (line.isBlank() || line.startsWith("#")) {
                i++;
                continue;
            }
            SourceLocation here = at.atLine(i + 1);
            String name = "";
            int first = i;
            if (!TleFormat.isLine(line, 1)) {
                if (TleFormat.isLine(line, 2)) {
                    reject(new InputException(here, "line 2", "TLE line 2 without a line 1 before it"), rejections);
                    i++;
                    continue;
                }
                name = line.startsWith("0 ") ? line.substring(2) : line;
                first = i + 1;
            }
            String line1 = first < lines.length ? lines[first] : "";
            String line2 = first + 1 < lines.length ? lines[first + 1] : "";
            try {
                if (!TleFormat.isLine(line1, 1)) {
                    throw new InputException(at.atLine(first + 1), "line 1", first == i + 1
                            ? "expected TLE line 1 after the name line '" + name.strip() + "'"
                            : "expected TLE line 1");
                }
                sets.add(TleFormat.parse(name, line1, line2, at.atLine(first + 1), checksum));
                i = first + 2;
            } catch (InputException e) {
                reject(e, rejections);
                i = resync(lines, Math.max(first + 1, i + 1));
            }
        }
        if (sets.isEmpty() && rejections.isEmpty()) {
            throw new InputException(at, null, "holds no element sets (expected TLE, 3LE, OMM CSV/JSON/XML/KVN)");
        }
    }

    /** After a bad record, the next line that starts a new record: a line 1, or a name line followed by a line 1. */
    private static int resync(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            String line = lines[j];
            if (TleFormat.isLine(line, 1)) {
                return j;
            }
            if (!TleFormat.isLine(line, 2) && j + 1 < lines.length && TleFormat.isLine(lines[j + 1], 1)) {
                return j;
            }
        }
        return lines.length;
    }

    private void readCsv(String text, SourceLocation at, List<ElementSet> sets, List<Rejection> rejections) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        // One record per line, the header on line 1: GP CSV never quotes a line break.
        int line = 1;
        try (var rows = CSV.readerFor(Map.class).with(schema).<Map<String, String>>readValues(text)) {
            while (rows.hasNextValue()) {
                line++;
                Map<String, String> row = rows.nextValue();
                try {
                    sets.add(new OmmFields(row, at.atLine(line)).toElementSet());
                } catch (InputException e) {
                    reject(e, rejections);
                }
            }
        } catch (IOException | RuntimeException e) {
            reject(new InputException(at.atLine(line), null, "is not a well-formed OMM CSV row: "
                    + firstLine(e.getMessage())), rejections);
        }
    }

    private void readJson(String text, SourceLocation at, List<ElementSet> sets, List<Rejection> rejections) {
        JsonNode root = JsonInput.read(text, at);
        Iterator<JsonNode> records = root instanceof ArrayNode array ? array.elements() : List.of(root).iterator();
        int index = 0;
        while (records.hasNext()) {
            JsonNode record = records.next();
            SourceLocation here = SourceLocation.of(at.source() + " record " + (++index));
            if (!record.isObject()) {
                reject(new InputException(here, null, "is not a JSON object of OMM keywords"), rejections);
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            record.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().isNull() ? "" : f.getValue().asText()));
            try {
                sets.add(new OmmFields(fields, here).toElementSet());
            } catch (InputException e) {
                reject(e, rejections);
            }
        }
    }

    /**
     * CCSDS OMM, XML or KVN. Orekit's CCSDS parser is not used here: it resolves CENTER_NAME to a celestial body,
     * which needs JPL ephemeris files that SpaceTTX does not ship. The keywords are the same as in OMM CSV and JSON,
     * so all four go through {@link OmmFields}; frame, centre and time system are checked to be SGP4's.
     */
    private void readCcsds(String text, SourceLocation at, List<ElementSet> sets, List<Rejection> rejections) {
        List<CcsdsOmm.Record> records;
        try {
            records = text.stripLeading().startsWith("<") ? CcsdsOmm.readXml(text, at) : CcsdsOmm.readKvn(text, at);
        } catch (InputException e) {
            reject(e, rejections);
            return;
        }
        for (CcsdsOmm.Record record : records) {
            try {
                CcsdsOmm.checkSgp4Context(record);
                sets.add(new OmmFields(record.fields(), record.at()).toElementSet());
            } catch (InputException e) {
                reject(e, rejections);
            }
        }
        if (records.isEmpty()) {
            reject(new InputException(at, null, "holds no OMM"), rejections);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
