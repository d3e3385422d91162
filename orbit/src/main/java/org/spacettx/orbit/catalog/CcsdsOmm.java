package org.spacettx.orbit.catalog;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * The CCSDS Orbit Mean-elements Message (CCSDS 502.0-B) in its two encodings, XML (a single {@code <omm>} or an
 * {@code <ndm>} holding many) and KVN ({@code KEY = value [unit]} lines), read into keyword maps.
 */
final class CcsdsOmm {

    /** One OMM's keywords, and where it starts. */
    record Record(Map<String, String> fields, SourceLocation at) {
    }

    private CcsdsOmm() {
    }

    static List<Record> readXml(String text, SourceLocation at) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // Element sets need no DTDs or external entities; refusing them closes the XXE door.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Record> records = new ArrayList<>();
        Map<String, String> current = null;
        SourceLocation start = at;
        String element = null;
        StringBuilder value = new StringBuilder();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(text));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("omm")) {
                        current = new LinkedHashMap<>();
                        start = at.atLine(xml.getLocation().getLineNumber());
                    }
                    element = name;
                    value.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    value.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("omm") && current != null) {
                        records.add(new Record(current, start));
                        current = null;
                    } else if (current != null && name.equals(element)) {
                        current.put(name.toUpperCase(Locale.ROOT), value.toString().strip());
                    }
                    element = null;
                    value.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("(?s)^.*Message: ", "");
            throw new InputException(at.atLine(line), null, "is not well-formed XML: " + InputException.excerpt(message.strip()));
        } catch (RuntimeException e) {
            // the JDK's parser fails on some malformed DTDs with an exception of its own while it reports them
            // (MissingResourceException "InvalidCharInDTD", found by the fuzz suite)
            throw new InputException(at, null, "is not well-formed XML (" + e.getClass().getSimpleName() + ")");
        }
        return records;
    }

    static List<Record> readKvn(String text, SourceLocation at) {
        List<Record> records = new ArrayList<>();
        Map<String, String> current = null;
        SourceLocation start = at;
        java.util.Iterator<String> lines = text.lines().iterator(); // one at a time: blank lines cost nothing
        for (int i = 0; lines.hasNext(); i++) {
            String line = lines.next().strip();
            if (line.isEmpty() || line.startsWith("COMMENT") || line.endsWith("_START") || line.endsWith("_STOP")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new InputException(at.atLine(i + 1), null, "expected KEY = value, found '" + InputException.excerpt(line) + "'");
            }
            String key = line.substring(0, equals).strip().toUpperCase(Locale.ROOT);
            String value = line.substring(equals + 1).strip();
            int unit = value.indexOf('[');
            if (unit > 0) {
                value = value.substring(0, unit).strip();
            }
            if (key.equals("CCSDS_OMM_VERS")) {
                if (current != null) {
                    records.add(new Record(current, start));
                }
                current = new LinkedHashMap<>();
                start = at.atLine(i + 1);
            } else if (current == null) {
                throw new InputException(at.atLine(i + 1), key, "comes before CCSDS_OMM_VERS");
            }
            current.put(key, value);
        }
        if (current != null) {
            records.add(new Record(current, start));
        }
        return records;
    }

    /** SGP4 elements are mean elements in TEME about the Earth, in UTC: anything else would be misread. */
    static void checkSgp4Context(Record record) {
        expect(record, "CENTER_NAME", "EARTH");
        expect(record, "REF_FRAME", "TEME");
        expect(record, "TIME_SYSTEM", "UTC");
    }

    private static void expect(Record record, String key, String expected) {
        String value = record.fields().get(key);
        if (value != null && !value.isBlank() && !value.strip().equalsIgnoreCase(expected)) {
            throw new InputException(record.at(), key, "is '" + value.strip() + "'; SGP4 element sets need " + expected);
        }
    }
}
