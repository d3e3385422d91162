package org.spacettx.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutation of valid inputs into hostile ones: byte flips, random and "interesting" bytes and tokens,
 * deleted, repeated and swapped ranges and lines, truncation, splices of two seeds, and structure breakers (a
 * scalar swapped for a map or a list, huge and negative numbers, deep nesting, very long lines). The same seed
 * gives the same inputs, so a failure can always be reproduced from its seed and case number.
 */
public final class Mutator {

    /** Longest input made: large enough for long-line and blow-up cases, small enough to run a million cases. */
    static final int MAX_BYTES = 1 << 20;

    private static final List<byte[]> TOKENS = tokens("{}", "[]", "{", "}", "[", "]", "null", "~", "true", "-1", "0", "-0",
            "1e309", "-1e309", "NaN", "Infinity", "9999999999999999999999", "2147483648", "-2147483649", "0x7f", "1.5",
            "\"", "'", "\\", "\\u0000", "\u0000", "\uFEFF", "\u00e9", "\uD55C", "\r\n", "\n", "\r", "\t", " ", ":", ": ",
            "- ", ",", ";", "=", "#", "&a", "*a", "!!binary", "!!python/object", "<", ">", "</omm>", "<omm>", "<!DOCTYPE x [<!ENTITY a \"b\">]>",
            "&amp;", "&#0;", "]]>", "<![CDATA[", "--", "1 ", "2 ", "+", "-", ".", "E-", "99999-9", "T", "Z", "2023-13-45T25:61:61Z",
            "+999999999-12-31", "-999999999-01-01", "P1D", "PT-1S", "\"type\":", "\"type\":\"X\"", "\"value\":{}",
            "\"marking\":\"USA ONLY\"", "CCSDS_OMM_VERS = 2.0\n", "NORAD_CAT_ID", "EPOCH", "MEAN_MOTION", "%", "%n", "${x}", "../");

    private final Random random;

    public Mutator(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** One hostile variant of {@code seed}, made by 1 to 8 mutations (sometimes spliced with {@code other}). */
    public byte[] mutate(byte[] seed, byte[] other) {
        byte[] data = seed;
        int steps = 1 + random.nextInt(8);
        for (int k = 0; k < steps && data.length <= MAX_BYTES; k++) {
            data = once(data, other);
        }
        return data.length > MAX_BYTES ? Arrays.copyOf(data, MAX_BYTES) : data;
    }

    private byte[] once(byte[] d, byte[] other) {
        int n = d.length;
        int at = n == 0 ? 0 : random.nextInt(n + 1);
        return switch (random.nextInt(16)) {
            case 0 -> flipBit(d);
            case 1 -> set(d, (byte) random.nextInt(256));
            case 2 -> set(d, (byte) " \n\r\t\"'{}[]:,-0123456789.#<>=\\".charAt(random.nextInt(28)));
            case 3 -> insert(d, at, TOKENS.get(random.nextInt(TOKENS.size())));
            case 4 -> insert(d, at, randomBytes(1 + random.nextInt(16)));
            case 5 -> delete(d, at, 1 + random.nextInt(Math.max(1, Math.min(64, n))));
            case 6 -> repeat(d, at, 1 + random.nextInt(Math.max(1, Math.min(256, n))), 2 + random.nextInt(random.nextInt(10) < 8 ? 4 : 5000));
            case 7 -> Arrays.copyOf(d, n == 0 ? 0 : random.nextInt(n));
            case 8 -> splice(d, other);
            case 9 -> swapLines(d);
            case 10 -> deleteLine(d);
            case 11 -> duplicateLine(d);
            case 12 -> replaceScalar(d, TOKENS.get(random.nextInt(3)));
            case 13 -> replaceNumber(d);
            case 14 -> insert(d, at, nesting(1 + random.nextInt(random.nextInt(10) < 9 ? 20 : 3000)));
            default -> insert(d, at, repeatByte((byte) "xX9 \n".charAt(random.nextInt(5)), 1 + random.nextInt(random.nextInt(10) < 9 ? 100 : 200_000)));
        };
    }

    private static List<byte[]> tokens(String... texts) {
        return Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private byte[] flipBit(byte[] d) {
        if (d.length == 0) {
            return d;
        }
        byte[] out = d.clone();
        out[random.nextInt(d.length)] ^= (byte) (1 << random.nextInt(8));
        return out;
    }

    private byte[] set(byte[] d, byte b) {
        if (d.length == 0) {
            return new byte[] {b};
        }
        byte[] out = d.clone();
        out[random.nextInt(d.length)] = b;
        return out;
    }

    private static byte[] insert(byte[] d, int at, byte[] what) {
        byte[] out = new byte[d.length + what.length];
        System.arraycopy(d, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(d, at, out, at + what.length, d.length - at);
        return out;
    }

    private static byte[] delete(byte[] d, int at, int length) {
        int end = Math.min(d.length, at + length);
        byte[] out = new byte[d.length - (end - at)];
        System.arraycopy(d, 0, out, 0, at);
        System.arraycopy(d, end, out, at, d.length - end);
        return out;
    }

    private static byte[] repeat(byte[] d, int at, int length, int times) {
        int end = Math.min(d.length, at + length);
        byte[] chunk = Arrays.copyOfRange(d, at, end);
        if (chunk.length == 0 || (long) chunk.length * times > MAX_BYTES) {
            return d;
        }
        byte[] run = new byte[chunk.length * times];
        for (int k = 0; k < times; k++) {
            System.arraycopy(chunk, 0, run, k * chunk.length, chunk.length);
        }
        return insert(d, end, run);
    }

    private byte[] splice(byte[] d, byte[] other) {
        if (other == null || other.length == 0 || d.length == 0) {
            return d;
        }
        int cut = random.nextInt(d.length);
        int from = random.nextInt(other.length);
        byte[] out = Arrays.copyOf(d, cut + other.length - from);
        System.arraycopy(other, from, out, cut, other.length - from);
        return out;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] repeatByte(byte b, int n) {
        byte[] out = new byte[n];
        Arrays.fill(out, b);
        return out;
    }

    private byte[] nesting(int depth) {
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return (open.repeat(depth) + "1" + close.repeat(random.nextInt(3) == 0 ? 0 : depth)).getBytes(StandardCharsets.UTF_8);
    }

    /** Line starts, for the line-level mutations. */
    private static int[] lineStarts(byte[] d) {
        int count = 1;
        for (byte b : d) {
            count += b == '\n' ? 1 : 0;
        }
        int[] starts = new int[count + 1];
        int k = 1;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == '\n') {
                starts[k++] = i + 1;
            }
        }
        starts[count] = d.length;
        return starts;
    }

    private byte[] swapLines(byte[] d) {
        int[] s = lineStarts(d);
        int lines = s.length - 1;
        if (lines < 2) {
            return d;
        }
        int a = random.nextInt(lines);
        int b = random.nextInt(lines);
        if (a == b) {
            return d;
        }
        int first = Math.min(a, b);
        int second = Math.max(a, b);
        byte[] la = Arrays.copyOfRange(d, s[first], s[first + 1]);
        byte[] lb = Arrays.copyOfRange(d, s[second], s[second + 1]);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(d.length);
        out.write(d, 0, s[first]);
        out.writeBytes(lb);
        out.write(d, s[first + 1], s[second] - s[first + 1]);
        out.writeBytes(la);
        out.write(d, s[second + 1], d.length - s[second + 1]);
        return out.toByteArray();
    }

    private byte[] deleteLine(byte[] d) {
        int[] s = lineStarts(d);
        int line = random.nextInt(s.length - 1);
        return delete(d, s[line], s[line + 1] - s[line]);
    }

    private byte[] duplicateLine(byte[] d) {
        int[] s = lineStarts(d);
        int line = random.nextInt(s.length - 1);
        return repeat(d, s[line], s[line + 1] - s[line], 2);
    }

    /** The value after a random ": " (a YAML or JSON scalar) replaced by {@code with}. */
    private byte[] replaceScalar(byte[] d, byte[] with) {
        String text = new String(d, StandardCharsets.ISO_8859_1);
        int colon = text.indexOf(": ", d.length == 0 ? 0 : random.nextInt(d.length));
        if (colon < 0) {
            return d;
        }
        int end = colon + 2;
        while (end < text.length() && ",}\n\r".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        byte[] out = insert(delete(d, colon + 2, end - colon - 2), colon + 2, with);
        return out;
    }

    /** A run of digits replaced by an extreme number. */
    private byte[] replaceNumber(byte[] d) {
        if (d.length == 0) {
            return d;
        }
        int at = random.nextInt(d.length);
        while (at < d.length && !Character.isDigit(d[at])) {
            at++;
        }
        int end = at;
        while (end < d.length && Character.isDigit(d[end])) {
            end++;
        }
        if (at >= d.length) {
            return d;
        }
        String[] extremes = {"0", "-1", "99999999999999999999", "2147483647", "-2147483648", "1e308", "1e-320", "NaN", "-0.0"};
        return insert(delete(d, at, end - at), at, extremes[random.nextInt(extremes.length)].getBytes(StandardCharsets.US_ASCII));
    }
}
