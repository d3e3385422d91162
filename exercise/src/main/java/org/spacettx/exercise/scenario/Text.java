package org.spacettx.exercise.scenario;

/**
 * A text in English and Korean, side by side, as every player-facing field of a scenario carries it. Either may be
 * empty while a scenario is being written; validation warns about missing translations.
 */
public record Text(String en, String ko) {

    public static final Text EMPTY = new Text("", "");

    public Text {
        en = en == null ? "" : en.strip();
        ko = ko == null ? "" : ko.strip();
    }

    public static Text of(String en, String ko) {
        return new Text(en, ko);
    }

    /** The text in a language ("en" or "ko"), falling back to the other when that one is empty. */
    public String in(String language) {
        String preferred = "ko".equals(language) ? ko : en;
        return preferred.isEmpty() ? ("ko".equals(language) ? en : ko) : preferred;
    }

    public boolean isEmpty() {
        return en.isEmpty() && ko.isEmpty();
    }

    public boolean isComplete() {
        return !en.isEmpty() && !ko.isEmpty();
    }
}
