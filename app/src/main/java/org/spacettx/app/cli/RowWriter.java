package org.spacettx.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Streams rows in the chosen {@link OutputFormat} without holding them in memory: a propagation of a whole
 * catalog can produce millions of rows. Numbers carry the same decimals in every format.
 */
public final class RowWriter implements AutoCloseable {

    private final List<Column> columns;
    private final OutputFormat format;
    private final PrintStream out;
    private final JsonGenerator json;

    public RowWriter(List<Column> columns, OutputFormat format, PrintStream out) {
        this.columns = List.copyOf(columns);
        this.format = format;
        this.out = out;
        try {
            this.json = format == OutputFormat.JSON ? new JsonFactory().createGenerator(out) : null;
            if (json != null) {
                json.writeStartArray();
            } else if (format == OutputFormat.CSV) {
                out.println(String.join(",", columns.stream().map(Column::name).toList()));
            } else {
                StringBuilder header = new StringBuilder();
                for (Column c : columns) {
                    header.append(pad(c.name(), c)).append(' ');
                }
                out.println(header.toString().stripTrailing());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        try {
            switch (format) {
                case JSON -> {
                    json.writeStartObject();
                    for (int i = 0; i < values.length; i++) {
                        Column c = columns.get(i);
                        json.writeFieldName(c.name());
                        writeJson(c, values[i]);
                    }
                    json.writeEndObject();
                }
                case CSV -> {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < values.length; i++) {
                        if (i > 0) {
                            line.append(',');
                        }
                        line.append(csv(columns.get(i).format(values[i])));
                    }
                    out.println(line);
                }
                case TABLE -> {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < values.length; i++) {
                        line.append(pad(columns.get(i).format(values[i]), columns.get(i))).append(' ');
                    }
                    out.println(line.toString().stripTrailing());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeJson(Column c, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                json.writeNull();
            } else if (c.decimals() >= 0) {
                json.writeNumber(new BigDecimal(c.format(d)));
            } else {
                json.writeNumber(d);
            }
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(value.toString());
        }
    }

    private static String pad(String text, Column c) {
        if (text.length() >= c.width()) {
            return text;
        }
        String spaces = " ".repeat(c.width() - text.length());
        return c.decimals() >= 0 ? spaces + text : text + spaces;
    }

    private static String csv(String text) {
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public void close() {
        try {
            if (json != null) {
                json.writeEndArray();
                json.flush();
                out.println();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
