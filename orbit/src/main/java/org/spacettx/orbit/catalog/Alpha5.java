package org.spacettx.orbit.catalog;

/**
 * Alpha-5 catalog numbers: five columns hold numbers up to 339 999 by replacing the first digit with a letter
 * (A = 10 … Z = 33, skipping I and O), e.g. {@code T0000} = 270 000 and {@code A0001} = 100 001.
 */
public final class Alpha5 {

    public static final int MAX = 339_999;
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private Alpha5() {
    }

    /**
     * Decodes a 5-column catalog number field; leading blanks are allowed ({@code "  107"}).
     *
     * @throws IllegalArgumentException with a plain explanation when the field is not a catalog number
     */
    public static int decode(String field) {
        String text = field.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("catalog number is blank");
        }
        char first = text.charAt(0);
        int high;
        String rest;
        if (Character.isLetter(first)) {
            int index = LETTERS.indexOf(first);
            if (index < 0 || text.length() != 5) {
                throw new IllegalArgumentException("'" + text + "' is not an Alpha-5 catalog number (letter A-Z without I and O, then 4 digits)");
            }
            high = 10 + index;
            rest = text.substring(1);
        } else {
            high = 0;
            rest = text;
        }
        for (int i = 0; i < rest.length(); i++) {
            if (!Character.isDigit(rest.charAt(i)) || rest.charAt(i) > '9') {
                throw new IllegalArgumentException("'" + text + "' is not a catalog number");
            }
        }
        return high * 10_000 + Integer.parseInt(rest);
    }

    /** Encodes a catalog number in 5 columns: digits up to 99 999, Alpha-5 above. */
    public static String encode(int number) {
        if (number < 0 || number > MAX) {
            throw new IllegalArgumentException("catalog number " + number + " is outside 0.." + MAX);
        }
        if (number < 100_000) {
            return String.format("%05d", number);
        }
        return LETTERS.charAt(number / 10_000 - 10) + String.format("%04d", number % 10_000);
    }
}
