package org.spacettx.orbit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public reference data beside the repository ({@code ../shared/data}), which CI provides. Tests that need it
 * fail with a clear message when it is missing rather than pass without checking anything.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path path(String relative) {
        Path file = root().resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException("reference data missing: " + file);
        }
        return file;
    }

    public static Path root() {
        String configured = System.getProperty("spacettx.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "data"))) {
            return Path.of(configured, "data");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            candidate = dir.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find ../shared/data (set -Dspacettx.shared=DIR)");
    }
}
