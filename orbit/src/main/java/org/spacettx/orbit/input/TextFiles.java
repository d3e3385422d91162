package org.spacettx.orbit.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one way input text files are read: UTF-8 only, a size limit per kind of file, and every failure an
 * {@link InputException} that names the file and says what is wrong ("is not UTF-8 text: byte 0xE9 at line 3,
 * column 7"), never a decoder's bare "Input length = 1".
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** The text of a file, refused when it is larger than {@code maxBytes} or not UTF-8. A leading BOM is dropped. */
    public static String readUtf8(Path file, long maxBytes) {
        SourceLocation at = SourceLocation.of(file.toString());
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (NoSuchFileException e) {
            throw new InputException(at, null, "no such file");
        } catch (IOException e) {
            throw new InputException(at, null, "cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (bytes.length > maxBytes) {
            throw new InputException(at, null, "is larger than " + size(maxBytes) + ", more than such a file can hold");
        }
        return decodeUtf8(bytes, at);
    }

    /** UTF-8 bytes as text, refused with the place of the first byte that is not UTF-8. A leading BOM is dropped. */
    public static String decodeUtf8(byte[] bytes, SourceLocation at) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            throw new InputException(at, null, "is not UTF-8 text: " + firstBadByte(bytes));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Where the first byte that cannot be UTF-8 is, by line and column (in characters). */
    private static String firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int offset = Math.min(in.position(), bytes.length - 1);
        out.flip();
        int line = 1;
        int column = 1;
        for (int i = 0; i < out.limit(); i++) {
            if (out.get(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return String.format("byte 0x%02X at line %d, column %d (byte offset %d)", bytes[offset] & 0xff, line, column, offset);
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes >= 1 << 10 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
