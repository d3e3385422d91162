package org.spacettx.app.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The console's interface texts (public/i18n.js), read as the browser gets them: key to text, per language. */
final class ConsoleTexts {

    private static final Pattern PAIR = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ConsoleTexts() {
    }

    static Map<String, String> of(String language) {
        String js;
        try (InputStream in = ConsoleTexts.class.getResourceAsStream("/public/i18n.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int start = js.indexOf("\n  " + language + ": {");
        if (start < 0) {
            throw new IllegalStateException("no block for " + language + " in i18n.js");
        }
        int end = js.indexOf("\n  }", start);
        Map<String, String> texts = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(js.substring(start, end));
        while (m.find()) {
            if (texts.put(m.group(1), m.group(2)) != null) {
                throw new IllegalStateException("key " + m.group(1) + " twice in the " + language + " texts");
            }
        }
        return texts;
    }
}
