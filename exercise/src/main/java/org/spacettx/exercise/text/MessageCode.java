package org.spacettx.exercise.text;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kind of message a user reads (a refusal, an error): a stable code that clients word in their reader's language,
 * and the English wording, a template whose {@code {name}} placeholders are the message's parameters. The other
 * languages' wordings are data ({@code public/texts/errors.LANG.json} in the application), held to the same
 * placeholders by a test that walks every code.
 */
public interface MessageCode {

    Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /** The stable code, e.g. {@code inject-already-released}: an enum constant's name in lower case with dashes. */
    default String id() {
        return idOf((Enum<?>) this);
    }

    /** A message of this code with its parameters (name, value, name, value...). */
    default Message with(Object... namesAndValues) {
        return Message.of(this, namesAndValues);
    }

    /** The English template. */
    String english();

    /** The placeholders of a template, in order of first use. */
    static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** A template with each placeholder replaced by its parameter (a missing one is left as it is). */
    static String fill(String template, Map<String, String> params) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The code of an enum constant: {@code INJECT_ALREADY_RELEASED} is {@code inject-already-released}. */
    static String idOf(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
