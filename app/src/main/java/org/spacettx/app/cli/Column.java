package org.spacettx.app.cli;

/**
 * One output column: its name (CSV header and JSON key), its width in the aligned table, and for numbers the
 * number of decimals printed (negative: not a number, printed as text).
 */
public record Column(String name, int width, int decimals) {

    public static Column text(String name, int width) {
        return new Column(name, width, -1);
    }

    public static Column number(String name, int width, int decimals) {
        return new Column(name, width, decimals);
    }

    String format(Object value) {
        if (value == null) {
            return "";
        }
        if (decimals >= 0 && value instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%." + decimals + "f", d);
        }
        return value.toString();
    }
}
