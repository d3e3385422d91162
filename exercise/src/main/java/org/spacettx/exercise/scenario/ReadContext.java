package org.spacettx.exercise.scenario;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.ListNode;
import org.spacettx.exercise.scenario.YamlNode.MapNode;
import org.spacettx.exercise.scenario.YamlNode.Scalar;

/**
 * What every section's reader shares: the problems found so far, and how a node is read as a mapping, a list, a
 * string, a number, a time or a bilingual text, reporting each mistake at its line and column.
 */
final class ReadContext {

    private final List<ScenarioProblem> problems;

    ReadContext(List<ScenarioProblem> problems) {
        this.problems = problems;
    }

    void error(YamlNode at, String message) {
        problems.add(ScenarioProblem.error(at.line(), at.column(), at.path(), message));
    }

    void warning(YamlNode at, String message) {
        problems.add(ScenarioProblem.warning(at.line(), at.column(), at.path(), message));
    }

    // ---- structure helpers ----------------------------------------------------------------------------
    MapNode map(YamlNode node, String what) {
        if (node instanceof MapNode m) {
            return m;
        }
        error(node, what + " must be a mapping of key: value lines");
        return null;
    }

    List<YamlNode> list(MapNode m, String key, boolean required) {
        YamlNode n = m.entries().get(key);
        if (n == null || (n instanceof Scalar s && s.isNull())) {
            if (required) {
                error(m, "'" + key + "' is missing");
            }
            return List.of();
        }
        if (n instanceof ListNode l) {
            return l.items();
        }
        error(n, "'" + key + "' must be a list (lines starting with '- ')");
        return List.of();
    }

    /**
     * The mappings of a list ({@code cells}, {@code msel}...), each with its keys checked against the mapping at
     * {@code path}; an item that is not a mapping is reported as {@code what} and left out.
     */
    List<MapNode> items(MapNode parent, String key, boolean required, String what, String path) {
        List<MapNode> out = new ArrayList<>();
        for (YamlNode n : list(parent, key, required)) {
            MapNode m = map(n, what);
            if (m != null) {
                keys(m, path);
                out.add(m);
            }
        }
        return out;
    }

    /** Reports the keys of {@code m} that the mapping at {@code path} may not have, and those it must and lacks. */
    void keys(MapNode m, String path) {
        ScenarioKeys.Keys declared = ScenarioKeys.at(path);
        Set<String> allowed = declared.allowed();
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String hint = closest(e.getKey(), allowed);
                error(e.getValue(), "unknown key '" + e.getKey() + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
        for (String r : declared.required()) {
            if (!m.entries().containsKey(r)) {
                error(m, "'" + r + "' is missing");
            }
        }
    }

    String string(MapNode m, String key, String fallback) {
        YamlNode n = m.entries().get(key);
        if (n == null || (n instanceof Scalar s && s.isNull())) {
            return fallback;
        }
        if (n instanceof Scalar s) {
            return s.text().strip();
        }
        error(n, "'" + key + "' must be a single value, not a list or mapping");
        return fallback;
    }

    Double number(MapNode m, String key, Double fallback) {
        YamlNode n = m.entries().get(key);
        if (n == null) {
            return fallback;
        }
        if (n instanceof Scalar s && !s.isNull()) {
            try {
                double v = Double.parseDouble(s.text().strip());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        error(n, "'" + key + "' must be a number");
        return fallback;
    }

    Instant instant(MapNode m, String key, boolean required) {
        YamlNode n = m.entries().get(key);
        if (n == null) {
            if (required) {
                error(m, "'" + key + "' is missing (an ISO-8601 UTC time like 2023-11-21T13:42:00Z)");
            }
            return null;
        }
        String text = n instanceof Scalar s ? s.text().strip() : "";
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            error(n, "'" + text + "' is not an ISO-8601 UTC time like 2023-11-21T13:42:00Z");
            return null;
        }
    }

    Text text(MapNode m, String key, boolean required) {
        YamlNode n = m.entries().get(key);
        if (n == null) {
            if (required) {
                error(m, "'" + key + "' is missing");
            }
            return Text.EMPTY;
        }
        return text(n);
    }

    Text text(YamlNode n) {
        if (n instanceof Scalar s) {
            Text t = new Text(s.text(), "");
            if (!t.isEmpty()) {
                warning(n, "no Korean text: write it as {en: ..., ko: ...}");
            }
            return t;
        }
        MapNode m = map(n, "a text");
        if (m == null) {
            return Text.EMPTY;
        }
        keys(m, "text");
        Text t = new Text(string(m, "en", ""), string(m, "ko", ""));
        if (t.en().isEmpty()) {
            warning(n, "no English text");
        } else if (t.ko().isEmpty()) {
            warning(n, "no Korean text");
        }
        return t;
    }

    List<String> strings(MapNode m, String key) {
        YamlNode n = m.entries().get(key);
        if (n == null) {
            return List.of();
        }
        if (n instanceof Scalar s) {
            return s.isNull() ? List.of() : List.of(s.text().strip());
        }
        if (!(n instanceof ListNode list)) {
            error(n, "must be a value or a list of values");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (item instanceof Scalar s) {
                out.add(s.text().strip());
            } else {
                error(item, "must be a single value");
            }
        }
        return out;
    }


    private static String closest(String key, Set<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String a : allowed) {
            int d = distance(key, a);
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
