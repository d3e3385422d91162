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

    static String readText(Path file) {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(SourceLocation.of(file.toString()), null, "no such file");
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(file.toString()), null, "cannot be read: " + e.getMessage());
        }
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
