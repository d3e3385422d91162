package org.spacettx.exercise.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * CSV for people's spreadsheets (RFC 4180, a header line) of texts participants wrote. A spreadsheet would run a cell
 * that starts with {@code = + - @} as a formula: such cells get a leading apostrophe (OWASP's advice on CSV
 * injection), which spreadsheets show as text.
 */
public final class SpreadsheetCsv {

    private static final CsvMapper CSV = new CsvMapper();

    private SpreadsheetCsv() {
    }

    /** The rows under the header {@code columns}; each row has one value per column. */
    public static String write(List<String> columns, List<List<String>> rows) {
        CsvSchema schema = CsvSchema.builder().addColumns(columns, CsvSchema.ColumnType.STRING).build().withHeader();
        List<Map<String, String>> maps = new java.util.ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " values under " + columns.size() + " columns");
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (int k = 0; k < row.size(); k++) {
                map.put(columns.get(k), inert(row.get(k)));
            }
            maps.add(map);
        }
        try {
            return CSV.writer(schema).writeValueAsString(maps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rows could not be written as CSV", e);
        }
    }

    /** A cell a spreadsheet will not take for a formula. */
    static String inert(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
