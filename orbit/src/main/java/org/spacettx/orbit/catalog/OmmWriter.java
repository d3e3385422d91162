package org.spacettx.orbit.catalog;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an element set as an OMM: the keyword map used by CelesTrak/Space-Track JSON and CSV, or CCSDS KVN. The
 * values carry the precision of the TLE format, so that reading them back gives the same element set.
 */
public final class OmmWriter {

    private static final DateTimeFormatter EPOCH = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private OmmWriter() {
    }

    /** The GP keywords in CelesTrak's order, values as text. */
    public static Map<String, String> fields(ElementSet e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("OBJECT_NAME", e.name());
        f.put("OBJECT_ID", e.cosparId());
        f.put("EPOCH", LocalDateTime.ofInstant(e.epoch(), ZoneOffset.UTC).format(EPOCH));
        f.put("MEAN_MOTION", String.format(Locale.ROOT, "%.8f", e.meanMotion()));
        f.put("ECCENTRICITY", String.format(Locale.ROOT, "%.7f", e.eccentricity()));
        f.put("INCLINATION", String.format(Locale.ROOT, "%.4f", e.inclinationDeg()));
        f.put("RA_OF_ASC_NODE", String.format(Locale.ROOT, "%.4f", e.raanDeg()));
        f.put("ARG_OF_PERICENTER", String.format(Locale.ROOT, "%.4f", e.argPerigeeDeg()));
        f.put("MEAN_ANOMALY", String.format(Locale.ROOT, "%.4f", e.meanAnomalyDeg()));
        f.put("EPHEMERIS_TYPE", Integer.toString(e.ephemerisType()));
        f.put("CLASSIFICATION_TYPE", Character.toString(e.classification()));
        f.put("NORAD_CAT_ID", Integer.toString(e.noradId()));
        f.put("ELEMENT_SET_NO", Integer.toString(e.elementSetNumber()));
        f.put("REV_AT_EPOCH", Integer.toString(e.revolutionNumber()));
        f.put("BSTAR", String.format(Locale.ROOT, "%.5e", e.bstar()));
        f.put("MEAN_MOTION_DOT", String.format(Locale.ROOT, "%.8f", e.meanMotionDot()));
        f.put("MEAN_MOTION_DDOT", String.format(Locale.ROOT, "%.5e", e.meanMotionDdot()));
        return f;
    }

    /** A CCSDS OMM in KVN, with the header and metadata SGP4 element sets need. */
    public static String kvn(ElementSet e, String originator, String creationDate) {
        Map<String, String> f = fields(e);
        StringBuilder s = new StringBuilder();
        line(s, "CCSDS_OMM_VERS", "2.0");
        line(s, "CREATION_DATE", creationDate);
        line(s, "ORIGINATOR", originator);
        line(s, "OBJECT_NAME", f.get("OBJECT_NAME"));
        line(s, "OBJECT_ID", f.get("OBJECT_ID"));
        line(s, "CENTER_NAME", "EARTH");
        line(s, "REF_FRAME", "TEME");
        line(s, "TIME_SYSTEM", "UTC");
        line(s, "MEAN_ELEMENT_THEORY", "SGP4");
        for (String key : new String[] {"EPOCH", "MEAN_MOTION", "ECCENTRICITY", "INCLINATION", "RA_OF_ASC_NODE",
                "ARG_OF_PERICENTER", "MEAN_ANOMALY", "EPHEMERIS_TYPE", "CLASSIFICATION_TYPE", "NORAD_CAT_ID",
                "ELEMENT_SET_NO", "REV_AT_EPOCH", "BSTAR", "MEAN_MOTION_DOT", "MEAN_MOTION_DDOT"}) {
            line(s, key, f.get(key));
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String key, String value) {
        s.append(String.format(Locale.ROOT, "%-20s = %s%n", key, value));
    }
}
