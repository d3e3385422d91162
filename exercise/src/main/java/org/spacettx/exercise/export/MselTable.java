package org.spacettx.exercise.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.Trigger;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * The MSEL as a spreadsheet table (CSV or an Excel workbook, one inject a row, both languages side by side), and
 * back: a table edited in a spreadsheet becomes the scenario file's {@code msel:} section again, the rest of the
 * file left as it was.
 * Triggers are kept in the scenario's own notation ({@code {at: 2023-11-14T01:00:00Z}}), so every kind round-trips.
 */
public final class MselTable {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("number", "move", "from", "to", "channel", "marking", "trigger",
            "subject_en", "subject_ko", "body_en", "body_ko", "expected_action_en", "expected_action_ko", "objectives",
            "attachments");

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private MselTable() {
    }

    /** The scenario's MSEL as CSV with a header row. */
    public static String toCsv(Scenario scenario) {
        CsvSchema schema = CsvSchema.builder().addColumns(COLUMNS, CsvSchema.ColumnType.STRING).build().withHeader();
        try {
            return CSV.writer(schema).writeValueAsString(rows(scenario));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the MSEL could not be written as CSV", e);
        }
    }

    /** The scenario's MSEL as an Excel workbook: one sheet "MSEL", a bold header row kept in view. */
    public static byte[] toXlsx(Scenario scenario) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("MSEL");
            org.apache.poi.ss.usermodel.CellStyle bold = book.createCellStyle();
            org.apache.poi.ss.usermodel.Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                org.apache.poi.ss.usermodel.Cell cell = header.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, (COLUMNS.get(c).startsWith("body") ? 60 : COLUMNS.get(c).startsWith("subject")
                        || COLUMNS.get(c).startsWith("expected") || c == 6 ? 40 : 14) * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (Map<String, String> row : rows(scenario)) {
                org.apache.poi.ss.usermodel.Row line = sheet.createRow(r++);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    line.createCell(c).setCellValue(row.get(COLUMNS.get(c)));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("the MSEL could not be written as a workbook", e);
        }
    }

    private static List<Map<String, String>> rows(Scenario scenario) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Inject i : scenario.injects()) {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            row.put("number", Integer.toString(i.number()));
            row.put("move", i.move());
            row.put("from", i.sender());
            row.put("to", String.join(" ", i.recipients()));
            row.put("channel", i.channel());
            row.put("marking", i.marking().toString());
            row.put("trigger", trigger(i.trigger()));
            row.put("subject_en", i.subject().en());
            row.put("subject_ko", i.subject().ko());
            row.put("body_en", i.body().en());
            row.put("body_ko", i.body().ko());
            row.put("expected_action_en", i.expectedAction().en());
            row.put("expected_action_ko", i.expectedAction().ko());
            row.put("objectives", String.join(" ", i.objectives()));
            row.put("attachments", i.attachments().stream()
                    .map(a -> a.kind() + ":" + a.object() + ":" + number(a.hours())).collect(Collectors.joining(" ")));
            rows.add(row);
        }
        return rows;
    }

    /**
     * The scenario file's text with its {@code msel:} section replaced by the injects of {@code csv}; problems of
     * the table itself are named by its line and column, the rest by validating the new scenario as usual.
     */
    public static String replaceMsel(String scenarioYaml, String csv, String csvSource) {
        return replace(scenarioYaml, yaml(csvRows(csv, csvSource), csvSource));
    }

    /** As {@link #replaceMsel(String, String, String)} from a workbook's first sheet. */
    public static String replaceMselFromXlsx(String scenarioYaml, byte[] xlsx, String source) {
        return replace(scenarioYaml, yaml(xlsxRows(xlsx, source), source));
    }

    private static String replace(String scenarioYaml, String block) {
        List<String> lines = scenarioYaml.lines().toList();
        int start = -1;
        int end = lines.size();
        for (int k = 0; k < lines.size(); k++) {
            String l = lines.get(k);
            if (start < 0 && l.startsWith("msel:")) {
                start = k;
            } else if (start >= 0 && !l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#")) {
                end = k;
                break;
            }
        }
        if (start < 0) {
            throw new InputException(null, "msel", "the scenario file has no top-level 'msel:' section to replace");
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < start; k++) {
            out.append(lines.get(k)).append('\n');
        }
        out.append(block).append('\n');
        for (int k = end; k < lines.size(); k++) {
            out.append(lines.get(k)).append('\n');
        }
        return out.toString();
    }

    /** A table row and the line of the file it came from. */
    private record Row(int line, Map<String, String> cells) {
    }

    private static List<Row> csvRows(String csv, String source) {
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).with(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
                .readValues(csv)) {
            while (it.hasNextValue()) {
                int line = it.getCurrentLocation().getLineNr();
                Map<String, String> row = new java.util.LinkedHashMap<>(it.nextValue());
                if (rows.isEmpty()) {
                    checkColumns(row.keySet(), source); // before a later row can fail for the wrong reason
                }
                for (String column : COLUMNS) {
                    row.putIfAbsent(column, ""); // a short row: its last cells are empty
                }
                rows.add(new Row(line, row));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(SourceLocation.of(source), null, "is not a CSV table: "
                    + InputException.excerpt(String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
        return rows;
    }

    private static List<Row> xlsxRows(byte[] xlsx, String source) {
        List<Row> rows = new ArrayList<>();
        try (org.apache.poi.ss.usermodel.Workbook book = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            org.apache.poi.ss.usermodel.DataFormatter text = new org.apache.poi.ss.usermodel.DataFormatter();
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(0);
            if (header == null) {
                throw new InputException(new SourceLocation(source, 1), null, "the first sheet has no header row");
            }
            List<String> names = new ArrayList<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                names.add(text.formatCellValue(header.getCell(c)).strip());
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new java.util.LinkedHashMap<>();
                boolean any = false;
                for (int c = 0; c < names.size(); c++) {
                    String value = text.formatCellValue(row.getCell(c));
                    any |= !value.isBlank();
                    cells.put(names.get(c), value);
                }
                if (any) {
                    rows.add(new Row(r + 1, cells));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(SourceLocation.of(source), null, "is not an Excel workbook: "
                    + InputException.excerpt(String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        } catch (LinkageError e) {
            // a ZIP entry compressed with a method whose codec this program does not ship (zstd, xz...): the ZIP reader
            // reaches for a class that is not there. Excel stores or deflates a workbook's parts. (Found by fuzzing.)
            throw new InputException(SourceLocation.of(source), null,
                    "is not an Excel workbook: a part is compressed with a method other than stored or deflated");
        }
        return rows;
    }

    private static void checkColumns(java.util.Set<String> names, String source) {
        List<String> missing = COLUMNS.stream().filter(c -> !names.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new InputException(new SourceLocation(source, 1), null, "missing columns " + missing
                    + " (the table needs " + String.join(",", COLUMNS) + ")");
        }
    }

    /** The {@code msel:} section (with its key) that a table's rows stand for. */
    private static String yaml(List<Row> table, String source) {
        List<Map<String, String>> rows = new ArrayList<>();
        boolean first = true;
        for (Row t : table) {
            Map<String, String> row = t.cells();
            int line = t.line();
            if (first) {
                first = false;
                checkColumns(row.keySet(), source);
            }
            String number = row.get("number").strip();
            if (!number.matches("[1-9][0-9]{0,5}")) {
                throw new InputException(new SourceLocation(source, line), "number", "'" + number + "' is not an inject number");
            }
            for (String c : List.of("move", "from", "to", "channel", "marking", "trigger")) {
                if (row.get(c).isBlank()) {
                    throw new InputException(new SourceLocation(source, line), c, "is empty");
                }
            }
            if (row.get("trigger").strip().lines().count() > 1) {
                // it goes into the scenario as written: a second line would become YAML of its own
                throw new InputException(new SourceLocation(source, line), "trigger", "is one line, in the scenario's notation");
            }
            rows.add(row);
        }
        StringBuilder y = new StringBuilder("msel:\n");
        for (Map<String, String> r : rows) {
            y.append("  - number: ").append(r.get("number").strip()).append('\n');
            y.append("    move: ").append(quote(r.get("move").strip())).append('\n');
            y.append("    from: ").append(quote(r.get("from").strip())).append('\n');
            y.append("    to: ").append(list(r.get("to"))).append('\n');
            y.append("    channel: ").append(quote(r.get("channel").strip())).append('\n');
            y.append("    marking: ").append(quote(r.get("marking").strip())).append('\n');
            y.append("    trigger: ").append(r.get("trigger").strip()).append('\n');
            y.append("    subject: ").append(text(r.get("subject_en"), r.get("subject_ko"))).append('\n');
            y.append("    body: ").append(text(r.get("body_en"), r.get("body_ko"))).append('\n');
            if (!r.get("expected_action_en").isEmpty() || !r.get("expected_action_ko").isEmpty()) {
                y.append("    expected_action: ").append(text(r.get("expected_action_en"), r.get("expected_action_ko"))).append('\n');
            }
            if (!r.get("objectives").isBlank()) {
                y.append("    objectives: ").append(list(r.get("objectives"))).append('\n');
            }
            if (!r.get("attachments").isBlank()) {
                List<String> parts = new ArrayList<>();
                for (String a : r.get("attachments").strip().split("\\s+")) {
                    String[] f = a.split(":");
                    if (f.length != 3) {
                        throw new InputException(SourceLocation.of(source), "attachments",
                                "'" + a + "' is not kind:object:hours");
                    }
                    parts.add("{kind: " + quote(f[0]) + ", object: " + quote(f[1]) + ", hours: " + f[2] + "}");
                }
                y.append("    attachments: [").append(String.join(", ", parts)).append("]\n");
            }
        }
        return y.toString().stripTrailing();
    }

    /** A trigger in the scenario's notation. */
    static String trigger(Trigger t) {
        return switch (t) {
            case Trigger.AtTime a -> "{at: " + a.time() + "}";
            case Trigger.Manual m -> "{manual: true}";
            case Trigger.Launch l -> "{launch: {object: " + quote(l.object()) + "}}";
            case Trigger.FirstOverflight f -> "{first_overflight: {object: " + quote(f.object()) + ", place: " + quote(f.place())
                    + after(f.after()) + "}}";
            case Trigger.Pass p -> "{pass: {object: " + quote(p.object()) + ", site: " + quote(p.site()) + ", min_elevation: "
                    + number(p.minElevationDeg()) + after(p.after()) + "}}";
            case Trigger.CloseApproach c -> "{close_approach: {object: " + quote(c.object()) + ", other: " + quote(c.other())
                    + ", below_km: " + number(c.belowKm()) + after(c.after()) + "}}";
            case Trigger.Conjunction c -> "{conjunction: {object: " + quote(c.object())
                    + (c.with().isEmpty() ? "" : ", with: " + quote(c.with())) + ", below_km: " + number(c.belowKm())
                    + ", lead_hours: " + number(c.lead().toSeconds() / 3600.0) + after(c.after()) + "}}";
            case Trigger.ManeuverBurn m -> "{maneuver: {id: " + quote(m.maneuver()) + "}}";
            case Trigger.BreakupEvent b -> "{breakup: {id: " + quote(b.breakup()) + "}}";
            case Trigger.DebrisApproach d -> "{debris_approach: {breakup: " + quote(d.breakup()) + ", object: " + quote(d.object())
                    + ", below_km: " + number(d.belowKm()) + after(d.after()) + "}}";
            case Trigger.DebrisRisk r -> "{debris_risk: {breakup: " + quote(r.breakup()) + ", object: " + quote(r.object())
                    + ", above: " + r.above() + ", hard_body_m: " + number(r.hardBodyM()) + ", sigma_km: " + number(r.sigmaKm())
                    + after(r.after()) + "}}";
            case Trigger.EffectWindow e -> "{effect: {id: " + quote(e.effect()) + after(e.after()) + "}}";
            case Trigger.Detected x -> "{detected: {cell: " + quote(x.cell()) + ", object: " + quote(x.object()) + after(x.after()) + "}}";
            case Trigger.CustodyLost x -> "{custody_lost: {cell: " + quote(x.cell()) + ", object: " + quote(x.object()) + after(x.after()) + "}}";
            case Trigger.AfterInject a -> "{after_inject: {inject: " + a.inject() + ", delay_minutes: "
                    + number(a.delay().toSeconds() / 60.0) + "}}";
            case Trigger.OnAnswer o -> "{on_answer: {question: " + quote(o.question()) + ", cell: " + quote(o.cell())
                    + ", condition: " + quote(o.condition()) + "}}";
        };
    }

    private static String after(java.time.Instant after) {
        return after == null ? "" : ", after: " + after;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String text(String en, String ko) {
        return "{en: " + quote(en == null ? "" : en) + ", ko: " + quote(ko == null ? "" : ko) + "}";
    }

    private static String list(String spaceSeparated) {
        List<String> items = List.of(spaceSeparated.strip().split("\\s+"));
        return "[" + items.stream().map(MselTable::quote).collect(Collectors.joining(", ")) + "]";
    }

    /** A YAML double-quoted scalar (JSON string syntax is valid YAML). */
    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
