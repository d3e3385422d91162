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
import java.util.Objects;
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
 * never silently (past {@value #MAX_REJECTIONS_KEPT} only counted, in {@link Result#rejected()}).
 *
 * <p>Each source is at most {@value #MAX_INPUT_MIB} MiB, after decompression (a whole catalog in the most verbose
 * format, CCSDS XML, is a few tens of MiB): larger input, such as a gzip "bomb", is refused as soon as it passes the
 * limit, while it is being inflated. TLE text is read line by line, so that memory stays proportional to the input.
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

    /**
     * What a read produced: the element sets in input order (duplicates kept), the rejected records (the first
     * {@value #MAX_REJECTIONS_KEPT}) and how many were rejected in all.
     */
    public record Result(List<ElementSet> elementSets, List<Rejection> rejections, long rejected) {
        public Result {
            elementSets = List.copyOf(elementSets);
            rejections = List.copyOf(rejections);
        }

        public Result(List<ElementSet> elementSets, List<Rejection> rejections) {
            this(elementSets, rejections, rejections.size());
        }

        /** This result followed by another (of the next source). */
        public Result and(Result next) {
            List<ElementSet> sets = new ArrayList<>(elementSets);
            sets.addAll(next.elementSets);
            List<Rejection> kept = new ArrayList<>(rejections);
            kept.addAll(next.rejections.subList(0, Math.min(next.rejections.size(), Math.max(0, MAX_REJECTIONS_KEPT - kept.size()))));
            return new Result(sets, kept, rejected + next.rejected);
        }
    }

    /** Largest source read, after decompression. */
    public static final int MAX_INPUT_MIB = 128;
    static final long MAX_INPUT_BYTES = (long) MAX_INPUT_MIB << 20;
    /** Rejections kept with their reasons; beyond this many they are only counted. */
    public static final int MAX_REJECTIONS_KEPT = 1000;

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
        Result all = new Result(List.of(), List.of());
        for (Path path : paths) {
            for (Path file : expand(path)) {
                try (InputStream in = Files.newInputStream(file)) {
                    all = all.and(read(file.toString(), in));
                } catch (NoSuchFileException e) {
                    throw new InputException(SourceLocation.of(file.toString()), null, "no such file");
                } catch (IOException e) {
                    throw new InputException(SourceLocation.of(file.toString()), null, "cannot be read: " + e.getMessage());
                }
            }
        }
        return all;
    }

    /** Reads one document held in memory (a downloaded query, standard input); {@code source} names it in errors. */
    public Result read(String source, byte[] bytes) {
        return read(source, new ByteArrayInputStream(bytes));
    }

    /** Reads one document from a stream (not closed here); {@code source} names it in errors. */
    public Result read(String source, InputStream in) {
        String text = decode(source, in);
        SourceLocation at = SourceLocation.of(source);
        List<ElementSet> sets = new ArrayList<>();
        Rejections rejections = new Rejections(mode);
        switch (detect(text)) {
            case TLE -> readTle(text, at, sets, rejections);
            case OMM_CSV -> readCsv(text, at, sets, rejections);
            case OMM_JSON -> readJson(text, at, sets, rejections);
            case CCSDS_OMM_XML, CCSDS_OMM_KVN -> readCcsds(text, at, sets, rejections);
        }
        return new Result(sets, rejections.kept, rejections.count);
    }

    /** The rejected records of one read: thrown at once in strict mode, else kept (the first ones) and counted. */
    private static final class Rejections {
        final Mode mode;
        final List<Rejection> kept = new ArrayList<>();
        long count;

        Rejections(Mode mode) {
            this.mode = mode;
        }

        void add(InputException e) {
            if (mode == Mode.STRICT) {
                throw e;
            }
            count++;
            if (kept.size() < MAX_REJECTIONS_KEPT) {
                String field = e.field() == null ? "" : e.field() + ": ";
                kept.add(new Rejection(e.location(), field + e.problem()));
            }
        }

        boolean isEmpty() {
            return count == 0;
        }
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

    /** The text of a source: gunzipped when it is gzip, at most {@value #MAX_INPUT_MIB} MiB either way. */
    private static String decode(String source, InputStream input) {
        byte[] raw;
        try {
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(input);
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            try {
                raw = readAtMost(gzip ? new GZIPInputStream(in) : in, source, gzip);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new InputException(SourceLocation.of(source), null, "is a damaged gzip file: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(source), null, "cannot be read: " + e.getMessage());
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) {
            throw new InputException(SourceLocation.of(source), null, "is a binary file, not a TLE or OMM catalog");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Reads a stream to its end, refusing it once it passes the input limit. */
    private static byte[] readAtMost(InputStream in, String source, boolean gzip) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_INPUT_BYTES) {
                throw new InputException(SourceLocation.of(source), null, (gzip ? "decompresses to" : "is")
                        + " more than " + MAX_INPUT_MIB + " MiB; a catalog source is at most that (split it)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * TLE and 3LE, one line at a time: a record is an optional name line, a line 1 and a line 2. After a bad record
     * the reader skips to the next line that starts one (a line 1, or a name line followed by a line 1).
     */
    private void readTle(String text, SourceLocation at, List<ElementSet> sets, Rejections rejections) {
        Lines lines = new Lines(text);
        while (lines.peek(0) != null) {
            String line = lines.peek(0).stripTrailing();
            if (line.isBlank() || line.startsWith("#")) {
                lines.next();
                continue;
            }
            SourceLocation here = at.atLine(lines.number());
            String name = "";
            boolean named = false;
            if (!TleFormat.isLine(line, 1)) {
                if (TleFormat.isLine(line, 2)) {
                    rejections.add(new InputException(here, "line 2", "TLE line 2 without a line 1 before it"));
                    lines.next();
                    continue;
                }
                name = line.startsWith("0 ") ? line.substring(2) : line;
                named = true;
                lines.next();
            }
            String line1 = Objects.requireNonNullElse(lines.peek(0), "");
            String line2 = Objects.requireNonNullElse(lines.peek(1), "");
            SourceLocation first = at.atLine(lines.number());
            try {
                if (!TleFormat.isLine(line1, 1)) {
                    throw new InputException(first, "line 1", named
                            ? "expected TLE line 1 after the name line '" + InputException.excerpt(name.strip()) + "'"
                            : "expected TLE line 1");
                }
                sets.add(TleFormat.parse(name, line1, line2, first, checksum));
                lines.next();
                lines.next();
            } catch (InputException e) {
                rejections.add(e);
                lines.next();
                while (lines.peek(0) != null && !TleFormat.isLine(lines.peek(0), 1)
                        && (TleFormat.isLine(lines.peek(0), 2) || lines.peek(1) == null || !TleFormat.isLine(lines.peek(1), 1))) {
                    lines.next();
                }
            }
        }
        if (sets.isEmpty() && rejections.isEmpty()) {
            throw new InputException(at, null, "holds no element sets (expected TLE, 3LE, OMM CSV/JSON/XML/KVN)");
        }
    }

    /** The lines of a text one at a time (LF, CRLF or CR), with a look-ahead of two, never all at once. */
    private static final class Lines {
        private final String text;
        private int position;
        private int number;
        private final String[] ahead = new String[2];
        private int buffered;

        Lines(String text) {
            this.text = text;
        }

        /** The k-th line from here (0: the current one), or null past the end. */
        String peek(int k) {
            while (buffered <= k) {
                String line = read();
                if (line == null) {
                    return null;
                }
                ahead[buffered++] = line;
            }
            return ahead[k];
        }

        /** The current line's number, 1-based. */
        int number() {
            return number + 1;
        }

        void next() {
            if (peek(0) != null) {
                ahead[0] = ahead[1];
                buffered--;
                number++;
            }
        }

        private String read() {
            if (position > text.length() || position == text.length() && (position == 0 || !endsLine(text.charAt(position - 1)))) {
                return null;
            }
            int end = position;
            while (end < text.length() && !endsLine(text.charAt(end))) {
                end++;
            }
            String line = text.substring(position, end);
            position = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n'
                    ? end + 2 : end + 1;
            return line;
        }

        private static boolean endsLine(char c) {
            return c == '\n' || c == '\r';
        }
    }

    private void readCsv(String text, SourceLocation at, List<ElementSet> sets, Rejections rejections) {
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
                    rejections.add(e);
                }
            }
        } catch (InputException e) {
            throw e; // a strict read stopping at a bad row, already named
        } catch (IOException | RuntimeException e) {
            rejections.add(new InputException(at.atLine(line), null, "is not a well-formed OMM CSV row: "
                    + firstLine(e.getMessage())));
        }
    }

    private void readJson(String text, SourceLocation at, List<ElementSet> sets, Rejections rejections) {
        JsonNode root = JsonInput.read(text, at);
        Iterator<JsonNode> records = root instanceof ArrayNode array ? array.elements() : List.of(root).iterator();
        int index = 0;
        while (records.hasNext()) {
            JsonNode record = records.next();
            SourceLocation here = SourceLocation.of(at.source() + " record " + (++index));
            if (!record.isObject()) {
                rejections.add(new InputException(here, null, "is not a JSON object of OMM keywords"));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            record.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().isNull() ? "" : f.getValue().asText()));
            try {
                sets.add(new OmmFields(fields, here).toElementSet());
            } catch (InputException e) {
                rejections.add(e);
            }
        }
    }

    /**
     * CCSDS OMM, XML or KVN. Orekit's CCSDS parser is not used here: it resolves CENTER_NAME to a celestial body,
     * which needs JPL ephemeris files that SpaceTTX does not ship. The keywords are the same as in OMM CSV and JSON,
     * so all four go through {@link OmmFields}; frame, centre and time system are checked to be SGP4's.
     */
    private void readCcsds(String text, SourceLocation at, List<ElementSet> sets, Rejections rejections) {
        List<CcsdsOmm.Record> records;
        try {
            records = text.stripLeading().startsWith("<") ? CcsdsOmm.readXml(text, at) : CcsdsOmm.readKvn(text, at);
        } catch (InputException e) {
            rejections.add(e);
            return;
        }
        for (CcsdsOmm.Record record : records) {
            try {
                CcsdsOmm.checkSgp4Context(record);
                sets.add(new OmmFields(record.fields(), record.at()).toElementSet());
            } catch (InputException e) {
                rejections.add(e);
            }
        }
        if (records.isEmpty()) {
            rejections.add(new InputException(at, null, "holds no OMM"));
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
