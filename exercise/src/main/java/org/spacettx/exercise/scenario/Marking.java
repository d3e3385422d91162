package org.spacettx.exercise.scenario;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A releasability marking: to which nations an item may be released. Written as on the documents themselves:
 * {@code REL TO USA, KOR} (those nations), {@code KOR ONLY} (one nation), {@code CONTROL ONLY} (the control cell and
 * nobody else). Nation codes are ISO 3166 alpha-3, upper case.
 */
public record Marking(Set<String> nations, boolean controlOnly) {

    public Marking {
        nations = Set.copyOf(nations);
    }

    public static final Marking CONTROL_ONLY = new Marking(Set.of(), true);

    public static Marking releasableTo(String... nations) {
        return new Marking(Set.of(nations), false);
    }

    /**
     * Parses a marking.
     *
     * @throws IllegalArgumentException with a plain explanation
     */
    public static Marking parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.equals("CONTROL ONLY")) {
            return CONTROL_ONLY;
        }
        Set<String> nations = new LinkedHashSet<>();
        if (t.startsWith("REL TO ")) {
            for (String n : t.substring(7).split("[,/ ]+")) {
                if (!n.isBlank()) {
                    nations.add(nation(n, text));
                }
            }
        } else if (t.endsWith(" ONLY") && t.split(" ").length == 2) {
            nations.add(nation(t.substring(0, t.length() - 5), text));
        } else {
            throw new IllegalArgumentException("'" + text + "' is not a releasability marking"
                    + " (REL TO USA, KOR | KOR ONLY | CONTROL ONLY)");
        }
        if (nations.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' names no nation");
        }
        return new Marking(nations, false);
    }

    private static String nation(String code, String text) {
        if (!code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("'" + code + "' in '" + text + "' is not a 3-letter nation code like KOR or USA");
        }
        return code;
    }

    /** Whether an item with this marking may be released to a nation. */
    public boolean releasableTo(String nation) {
        return !controlOnly && nations.contains(nation);
    }

    @Override
    public String toString() {
        if (controlOnly) {
            return "CONTROL ONLY";
        }
        if (nations.size() == 1) {
            return nations.iterator().next() + " ONLY";
        }
        return "REL TO " + String.join(", ", nations.stream().sorted().toList());
    }
}
