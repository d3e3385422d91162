package org.spacettx.orbit.catalog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * One OMM record as keyword → text (the CelesTrak / Space-Track GP keywords, as found in OMM CSV and JSON), turned
 * into an {@link ElementSet} with each keyword checked.
 */
final class OmmFields {

    /**
     * Possessive quantifiers: with plain ones a long run of digits that ends in something else backtracks through
     * every split of the run (a 30,000-digit value took minutes, found by the fuzz suite).
     */
    private static final Pattern NUMBER = Pattern.compile("[+-]?+(?:\\d++(?:\\.\\d*+)?|\\.\\d++)(?:[eE][+-]?+\\d++)?+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?+\\d++");
    /** No value of an element set is longer; a longer one is refused before any pattern sees it. */
    private static final int MAX_VALUE_LENGTH = 40;

    private final Map<String, String> fields;
    private final SourceLocation at;

    OmmFields(Map<String, String> fields, SourceLocation at) {
        this.fields = fields;
        this.at = at;
    }

    ElementSet toElementSet() {
        String theory = optional("MEAN_ELEMENT_THEORY", "SGP4").toUpperCase(Locale.ROOT);
        int ephemerisType = (int) integer("EPHEMERIS_TYPE", 0);
        if (!(theory.equals("SGP4") || theory.equals("SGP/SGP4")) || ephemerisType == 4) {
            throw new InputException(at, "MEAN_ELEMENT_THEORY", "'" + InputException.excerpt(theory) + "' / EPHEMERIS_TYPE " + ephemerisType
                    + " is not an SGP4 element set (SGP4-XP and other theories are not supported)");
        }
        long norad = integer("NORAD_CAT_ID", -1);
        if (norad < 0 || norad > Alpha5.MAX) {
            throw new InputException(at, "NORAD_CAT_ID", norad < 0 ? "is missing" : norad + " is outside 0.." + Alpha5.MAX);
        }
        String classification = optional("CLASSIFICATION_TYPE", "U");
        if (classification.length() != 1 || "UCS".indexOf(classification.charAt(0)) < 0) {
            throw new InputException(at, "CLASSIFICATION_TYPE", "'" + InputException.excerpt(classification) + "' is not U, C or S");
        }
        double meanMotion = number("MEAN_MOTION", null);
        if (!(meanMotion > 0 && meanMotion < 20)) {
            throw new InputException(at, "MEAN_MOTION", meanMotion + " rev/day is outside (0, 20)");
        }
        double eccentricity = number("ECCENTRICITY", null);
        if (!(eccentricity >= 0 && eccentricity < 1)) {
            throw new InputException(at, "ECCENTRICITY", eccentricity + " is outside [0, 1)");
        }
        String cospar = optional("OBJECT_ID", "");
        if (!cospar.isEmpty() && !cospar.matches("\\d{4}-\\d{3}[A-Z]{0,3}")) {
            throw new InputException(at, "OBJECT_ID", "'" + InputException.excerpt(cospar) + "' is not an international designator like 2023-179A");
        }
        return new ElementSet((int) norad, optional("OBJECT_NAME", ""), cospar, classification.charAt(0), epoch(),
                meanMotion, eccentricity, angle("INCLINATION", 180, true), angle("RA_OF_ASC_NODE", 360, false),
                angle("ARG_OF_PERICENTER", 360, false), angle("MEAN_ANOMALY", 360, false), number("BSTAR", 0.0),
                number("MEAN_MOTION_DOT", 0.0), number("MEAN_MOTION_DDOT", 0.0), ephemerisType,
                (int) integer("ELEMENT_SET_NO", 999), (int) integer("REV_AT_EPOCH", 0),
                new ObjectInfo(optional("OBJECT_TYPE", ""), optional("COUNTRY_CODE", "")), at);
    }

    private String optional(String key, String fallback) {
        String value = fields.get(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private double number(String key, Double fallback) {
        String value = optional(key, "");
        if (value.isEmpty()) {
            if (fallback == null) {
                throw new InputException(at, key, "is missing");
            }
            return fallback;
        }
        if (value.length() > MAX_VALUE_LENGTH || !NUMBER.matcher(value).matches()) {
            throw new InputException(at, key, "'" + InputException.excerpt(value) + "' is not a number");
        }
        return Double.parseDouble(value);
    }

    private long integer(String key, long fallback) {
        String value = optional(key, "");
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.length() > 12 || !INTEGER.matcher(value).matches()) {
            throw new InputException(at, key, "'" + InputException.excerpt(value) + "' is not a whole number");
        }
        return Long.parseLong(value);
    }

    private double angle(String key, double max, boolean maxIncluded) {
        double value = number(key, null);
        if (value < 0 || value > max || (!maxIncluded && value == max)) {
            throw new InputException(at, key, value + " degrees is outside 0.." + (int) max);
        }
        return value;
    }

    private Instant epoch() {
        String value = optional("EPOCH", "");
        if (value.isEmpty()) {
            throw new InputException(at, "EPOCH", "is missing");
        }
        String text = value.replace(' ', 'T');
        if (text.endsWith("Z")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InputException(at, "EPOCH", "'" + InputException.excerpt(value) + "' is not an ISO-8601 UTC time like 2023-11-21T13:42:57.123456");
        }
    }
}
