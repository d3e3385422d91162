package org.spacettx.orbit.access;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * Per-object sensor models from a catalog annotation file: one object a line, {@code NORAD,SENSOR-SPEC} (a comma
 * or whitespace separates them; the spec itself may contain commas), {@code #} starts a comment. For example:
 * <pre>
 * # MALLIGYONG-1: electro-optical, claimed; exercise assumption
 * 58400  optical:off-nadir=30,sun=10
 * </pre>
 */
public final class SensorAnnotations {

    private SensorAnnotations() {
    }

    public static Map<Integer, Sensor> read(Path file) {
        SourceLocation at = SourceLocation.of(file.toString());
        List<String> lines = org.spacettx.orbit.input.TextFiles.readUtf8(file, 16L << 20).lines().toList();
        Map<Integer, Sensor> sensors = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[,\\s]+", 2);
            SourceLocation here = at.atLine(i + 1);
            if (parts.length != 2) {
                throw new InputException(here, null, "expected NORAD,SENSOR-SPEC, e.g. 58400,optical:off-nadir=30,sun=10");
            }
            int norad;
            try {
                norad = Integer.parseInt(parts[0]);
            } catch (NumberFormatException e) {
                throw new InputException(here, "catalog number", "'" + parts[0] + "' is not a number");
            }
            try {
                sensors.put(norad, Sensor.parse(parts[1]));
            } catch (IllegalArgumentException e) {
                throw new InputException(here, "sensor", e.getMessage());
            }
        }
        return Map.copyOf(sensors);
    }
}
