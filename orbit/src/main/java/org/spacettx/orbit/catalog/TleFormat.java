package org.spacettx.orbit.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * The two-line element format, column by column, with validation of layout, checksum and value ranges. Each error
 * names the line and the field (with its columns) at fault.
 */
public final class TleFormat {

    /** Whether to verify the modulo-10 checksum in column 69. */
    public enum Checksum { VERIFY, IGNORE }

    private static final double MICROS_PER_DAY = 86_400e6;

    private TleFormat() {
    }

    /**
     * Parses one element set.
     *
     * @param name  name line without its "0 " prefix, or empty
     * @param line1 first line (69 columns; columns past 69 are ignored)
     * @param at1   where line 1 was read (line 2 is taken to be the next line)
     */
    public static ElementSet parse(String name, String line1, String line2, SourceLocation at1, Checksum checksum) {
        SourceLocation at2 = at1.atLine(at1.line() + 1);
        Line l1 = new Line(line1, at1, 1, checksum);
        Line l2 = new Line(line2, at2, 2, checksum);

        int norad = l1.catalogNumber();
        int norad2 = l2.catalogNumber();
        if (norad != norad2) {
            throw new InputException(at2, "catalog number (columns 3-7)",
                    "line 2 is for object " + norad2 + " but line 1 is for object " + norad);
        }
        char classification = l1.text.charAt(7);
        if (classification == ' ') {
            classification = 'U';
        } else if ("UCS".indexOf(classification) < 0) {
            throw l1.error("classification (column 8)", "'" + classification + "' is not U, C or S");
        }
        String cospar = l1.cospar();
        Instant epoch = l1.epoch();
        double ndot = l1.decimal("mean motion derivative (columns 34-43)", 33, 43);
        double nddot = l1.impliedDecimal("mean motion second derivative (columns 45-52)", 44, 52);
        double bstar = l1.impliedDecimal("B* drag term (columns 54-61)", 53, 61);
        int ephemerisType = l1.integerOrZero("ephemeris type (column 63)", 62, 63);
        int elementSetNumber = l1.integerOrZero("element set number (columns 65-68)", 64, 68);

        double inclination = l2.decimalInRange("inclination (columns 9-16)", 8, 16, 0, 180, true);
        double raan = l2.decimalInRange("right ascension of the node (columns 18-25)", 17, 25, 0, 360, false);
        double eccentricity = l2.eccentricity();
        double argPerigee = l2.decimalInRange("argument of perigee (columns 35-42)", 34, 42, 0, 360, false);
        double meanAnomaly = l2.decimalInRange("mean anomaly (columns 44-51)", 43, 51, 0, 360, false);
        double meanMotion = l2.decimal("mean motion (columns 53-63)", 52, 63);
        if (!(meanMotion > 0 && meanMotion < 20)) {
            throw l2.error("mean motion (columns 53-63)", meanMotion + " rev/day is outside (0, 20)");
        }
        int revolution = l2.integerOrZero("revolution number (columns 64-68)", 63, 68);

        return new ElementSet(norad, name, cospar, classification, epoch, meanMotion, eccentricity, inclination, raan,
                argPerigee, meanAnomaly, bstar, ndot, nddot, ephemerisType, elementSetNumber, revolution,
                ObjectInfo.UNKNOWN, at1);
    }

    /** The modulo-10 checksum of the first 68 columns: digits count their value, minus signs count 1. */
    public static int checksum(String line) {
        int sum = 0;
        for (int i = 0; i < Math.min(68, line.length()); i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') {
                sum += c - '0';
            } else if (c == '-') {
                sum += 1;
            }
        }
        return sum % 10;
    }

    /** True when the text looks like line {@code number} (1 or 2) of a TLE. */
    public static boolean isLine(String text, int number) {
        return text.length() >= 2 && text.charAt(0) == (char) ('0' + number) && text.charAt(1) == ' ';
    }

    /**
     * The epoch of a TLE: 2-digit year (57-99 → 19xx) and fractional day of year, to the microsecond (the format
     * resolves 1e-8 day = 864 µs; microseconds are what OMM writes, so both formats give the same instant).
     */
    static Instant epoch(int twoDigitYear, double dayOfYear) {
        int year = twoDigitYear < 57 ? 2000 + twoDigitYear : 1900 + twoDigitYear;
        long start = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long micros = Math.round((dayOfYear - 1.0) * MICROS_PER_DAY);
        return Instant.ofEpochSecond(start).plus(micros, java.time.temporal.ChronoUnit.MICROS);
    }

    /** One line of a TLE with its location, for column access with errors that name the field. */
    private static final class Line {
        private final String text;
        private final SourceLocation at;
        private final int number;

        Line(String raw, SourceLocation at, int number, Checksum checksum) {
            this.at = at;
            this.number = number;
            String text = raw == null ? "" : raw.stripTrailing();
            if (!isLine(text, number)) {
                throw new InputException(at, "line " + number, "expected TLE line " + number
                        + " starting with '" + number + " ', found '" + abbreviate(text) + "'");
            }
            int needed = checksum == Checksum.VERIFY ? 69 : 68;
            if (text.length() < needed) {
                throw new InputException(at, "line " + number, "is " + text.length()
                        + " characters long; a TLE line has 69");
            }
            this.text = text.length() < 69 ? text + " " : text;
            if (checksum == Checksum.VERIFY) {
                char given = this.text.charAt(68);
                int expected = checksum(this.text);
                if (given < '0' || given > '9' || given - '0' != expected) {
                    throw error("checksum (column 69)", "is '" + given + "', computed " + expected);
                }
            }
        }

        InputException error(String field, String problem) {
            return new InputException(at, "line " + number + " " + field, problem);
        }

        String columns(int from, int to) {
            return text.substring(from, to);
        }

        int catalogNumber() {
            try {
                return Alpha5.decode(columns(2, 7));
            } catch (IllegalArgumentException e) {
                throw error("catalog number (columns 3-7)", e.getMessage());
            }
        }

        String cospar() {
            String field = columns(9, 17);
            if (field.isBlank()) {
                return "";
            }
            String year = field.substring(0, 2);
            String launch = field.substring(2, 5).strip();
            String piece = field.substring(5).strip();
            // Space-Track analyst objects carry a launch but no piece ("70025   ").
            if (!isDigits(year) || !isDigits(launch) || !piece.chars().allMatch(Character::isLetter)) {
                throw error("international designator (columns 10-17)", "'" + field.strip()
                        + "' is not YYNNNPPP (launch year, launch number, piece)");
            }
            if (launch.equals("000") && piece.isEmpty()) {
                return ""; // written by tools that have no designator to give (launch 000 does not exist)
            }
            int y = Integer.parseInt(year);
            return String.format(Locale.ROOT, "%d-%03d%s", y < 57 ? 2000 + y : 1900 + y, Integer.parseInt(launch), piece);
        }

        Instant epoch() {
            String year = columns(18, 20);
            if (!isDigits(year)) {
                throw error("epoch year (columns 19-20)", "'" + year + "' is not a 2-digit year");
            }
            double day = decimal("epoch day (columns 21-32)", 20, 32);
            int fullYear = Integer.parseInt(year) < 57 ? 2000 + Integer.parseInt(year) : 1900 + Integer.parseInt(year);
            int daysInYear = LocalDate.of(fullYear, 1, 1).lengthOfYear();
            if (!(day >= 1.0 && day < daysInYear + 1.0)) {
                throw error("epoch day (columns 21-32)", day + " is outside 1.." + (daysInYear + 1) + " for " + fullYear);
            }
            return TleFormat.epoch(Integer.parseInt(year), day);
        }

        double decimal(String field, int from, int to) {
            String value = columns(from, to).strip();
            if (value.isEmpty()) {
                throw error(field, "is blank");
            }
            if (!value.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
                throw error(field, "'" + value + "' is not a decimal number");
            }
            return Double.parseDouble(value);
        }

        double decimalInRange(String field, int from, int to, double min, double max, boolean maxIncluded) {
            double value = decimal(field, from, to);
            if (value < min || value > max || (!maxIncluded && value == max)) {
                throw error(field, value + " is outside " + min + ".." + max);
            }
            return value;
        }

        /** Fields such as " 12345-3" meaning 0.12345e-3, with an optional sign; blank means 0. */
        double impliedDecimal(String field, int from, int to) {
            String value = columns(from, to).strip();
            if (value.isEmpty()) {
                return 0.0;
            }
            java.util.regex.Matcher m = IMPLIED.matcher(value);
            if (!m.matches()) {
                throw error(field, "'" + value + "' is not of the form ±NNNNN±E (implied decimal point)");
            }
            String sign = m.group(1) == null ? "" : m.group(1);
            String exponent = m.group(3) == null ? "0" : m.group(3).replace("+", "");
            return Double.parseDouble(sign + "0." + m.group(2) + "e" + exponent);
        }

        double eccentricity() {
            String value = columns(26, 33);
            if (!isDigits(value.strip()) || value.isBlank()) {
                throw error("eccentricity (columns 27-33)", "'" + value.strip() + "' is not 7 digits (implied leading decimal point)");
            }
            return Double.parseDouble("0." + value.strip());
        }

        int integerOrZero(String field, int from, int to) {
            String value = columns(from, to).strip();
            if (value.isEmpty()) {
                return 0;
            }
            if (!isDigits(value)) {
                throw error(field, "'" + value + "' is not a whole number");
            }
            return Integer.parseInt(value);
        }
    }

    private static final java.util.regex.Pattern IMPLIED =
            java.util.regex.Pattern.compile("([+-])?\\.?(\\d{1,6}) ?([+-]\\d)?");

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
