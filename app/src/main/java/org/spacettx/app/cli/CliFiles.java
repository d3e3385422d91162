package org.spacettx.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/** Reading and writing the commands' files, with a failure named by the file instead of a stack trace. */
final class CliFiles {

    private CliFiles() {
    }

    /** Largest text file a command reads (an event log or an MSEL table; an archive's parts are at most 64 MB). */
    static final long MAX_TEXT_BYTES = 64L << 20;

    static String readText(Path file) {
        return org.spacettx.orbit.input.TextFiles.readUtf8(file, MAX_TEXT_BYTES);
    }

    /** Largest binary file a command reads (an exercise archive holds at most four parts of 64 MB). */
    static final long MAX_BINARY_BYTES = 256L << 20;

    static byte[] readBytes(Path file) {
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BINARY_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new InputException(SourceLocation.of(file.toString()), null, "no such file");
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(file.toString()), null, "cannot be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (bytes.length > MAX_BINARY_BYTES) {
            throw new InputException(SourceLocation.of(file.toString()), null, "is larger than " + (MAX_BINARY_BYTES >> 20)
                    + " MiB, more than such a file can hold");
        }
        return bytes;
    }

    /** Text to a file (UTF-8), or to standard output when no file is given. */
    static void write(Path output, String text) {
        if (output == null) {
            System.out.print(text);
            return;
        }
        write(output, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes to a file, or to standard output when no file is given. */
    static void write(Path output, byte[] bytes) {
        if (output == null) {
            System.out.write(bytes, 0, bytes.length);
            System.out.flush();
            return;
        }
        try {
            Files.write(output, bytes);
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(output.toString()), null, "cannot be written: " + e.getMessage());
        }
    }
}
