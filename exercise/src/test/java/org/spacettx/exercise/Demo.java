package org.spacettx.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo scenario shipped in {@code scenarios/}, for tests. */
public final class Demo {

    private Demo() {
    }

    public static Path file() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scenarios/rok-us-space-ttx.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scenarios/rok-us-space-ttx.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public static String text() {
        try {
            return Files.readString(file());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
