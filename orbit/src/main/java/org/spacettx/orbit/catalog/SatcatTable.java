package org.spacettx.orbit.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * Object type and country by catalog number, from a SATCAT-style CSV or TSV table with a header row: CelesTrak
 * SATCAT ({@code NORAD_CAT_ID, OBJECT_TYPE, OWNER}), the UCS satellite database ({@code NORAD Number},
 * {@code Country of Operator/Owner}) or GCAT ({@code #JCAT} = S + catalog number, {@code Type}, {@code State}).
 */
public final class SatcatTable {

    private static final List<String> ID_COLUMNS = List.of("NORAD_CAT_ID", "NORAD NUMBER", "JCAT", "SATCAT");
    private static final List<String> TYPE_COLUMNS = List.of("OBJECT_TYPE", "TYPE");
    private static final List<String> COUNTRY_COLUMNS = List.of("OWNER", "COUNTRY_CODE", "COUNTRY",
            "COUNTRY OF OPERATOR/OWNER", "STATE", "UNSTATE");

    private final Map<Integer, ObjectInfo> infoByNorad;

    private SatcatTable(Map<Integer, ObjectInfo> infoByNorad) {
        this.infoByNorad = Map.copyOf(infoByNorad);
    }

    public Optional<ObjectInfo> info(int noradId) {
        return Optional.ofNullable(infoByNorad.get(noradId));
    }

    public int size() {
        return infoByNorad.size();
    }

    public static SatcatTable read(Path file) {
        SourceLocation at = SourceLocation.of(file.toString());
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new InputException(at, null, "cannot be read: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new InputException(at, null, "is empty; expected a header row");
        }
        String header = lines.get(0).startsWith("#") ? lines.get(0).substring(1) : lines.get(0);
        char separator = header.indexOf('\t') >= 0 ? '\t' : ',';
        StringBuilder body = new StringBuilder(header).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith("#")) {
                body.append(line).append('\n');
            }
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        if (separator == '\t') {
            schema = schema.withoutQuoteChar();
        }
        Map<Integer, ObjectInfo> info = new HashMap<>();
        int line = 1;
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class).with(schema)
                .with(CsvParser.Feature.IGNORE_TRAILING_UNMAPPABLE)
                .readValues(body.toString())) {
            while (rows.hasNextValue()) {
                line++;
                Map<String, String> row = upperKeys(rows.nextValue());
                Integer norad = noradId(row);
                if (norad != null) {
                    info.put(norad, new ObjectInfo(objectType(first(row, TYPE_COLUMNS)), first(row, COUNTRY_COLUMNS)));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(at.atLine(line), null, "is not a well-formed table row: " + e.getMessage());
        }
        if (info.isEmpty()) {
            throw new InputException(at, null, "has no catalog-number column (one of " + ID_COLUMNS + ")");
        }
        return new SatcatTable(info);
    }

    private static Map<String, String> upperKeys(Map<String, String> row) {
        Map<String, String> upper = new HashMap<>();
        row.forEach((k, v) -> upper.put(k.strip().toUpperCase(Locale.ROOT), v == null ? "" : v.strip()));
        return upper;
    }

    private static String first(Map<String, String> row, List<String> columns) {
        for (String column : columns) {
            String value = row.get(column);
            if (value != null && !value.isEmpty() && !value.equals("-")) {
                return value;
            }
        }
        return "";
    }

    private static Integer noradId(Map<String, String> row) {
        String value = first(row, ID_COLUMNS);
        if (value.startsWith("S")) {
            value = value.substring(1); // GCAT: S = object with a USSPACECOM catalog number
        }
        if (!value.matches("\\d{1,6}")) {
            return null;
        }
        int id = Integer.parseInt(value);
        return id <= Alpha5.MAX ? id : null;
    }

    /** GCAT writes type codes (P, R1, D…); other sources write words. */
    private static String objectType(String value) {
        if (value.isEmpty() || value.length() > 3) {
            return value;
        }
        return switch (value.charAt(0)) {
            case 'P' -> "PAYLOAD";
            case 'R' -> "ROCKET BODY";
            case 'D' -> "DEBRIS";
            case 'C' -> "COMPONENT";
            default -> "UNKNOWN";
        };
    }
}
