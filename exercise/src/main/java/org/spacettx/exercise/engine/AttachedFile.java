package org.spacettx.exercise.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A document attached to an inject during the exercise: an image (PNG, JPEG) or a PDF, named by its file name and
 * kept by its SHA-256 (the bytes are stored beside the exercise's log and in its archive, once per content).
 *
 * @param name      the file name shown to readers (no folder)
 * @param mediaType {@code image/png}, {@code image/jpeg} or {@code application/pdf}
 * @param sha256    the content's SHA-256, 64 lower-case hexadecimal digits
 * @param bytes     the content's length
 */
public record AttachedFile(String name, String mediaType, String sha256, long bytes) {

    /** The kinds of document an inject may carry. */
    public static final List<String> MEDIA_TYPES = List.of("image/png", "image/jpeg", "application/pdf");
    /** Largest document, in bytes: an inject's image or briefing, well under a request's limit. */
    public static final long MAX_BYTES = 1_500_000;
    /** Most documents on one inject. */
    public static final int MAX_PER_INJECT = 8;
    /** Longest file name, in characters. */
    public static final int MAX_NAME = 120;

    /** Whether the content's first bytes are those of the media type's format (a file is what it says it is). */
    public static boolean looksLike(String mediaType, byte[] content) {
        return switch (mediaType) {
            case "image/png" -> starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case "image/jpeg" -> starts(content, 0xFF, 0xD8, 0xFF);
            case "application/pdf" -> starts(content, '%', 'P', 'D', 'F', '-');
            default -> false;
        };
    }

    /** The media type a file name's extension suggests ({@code .png}, {@code .jpg}/{@code .jpeg}, {@code .pdf}). */
    public static Optional<String> mediaTypeOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".png") ? Optional.of("image/png")
                : n.endsWith(".jpg") || n.endsWith(".jpeg") ? Optional.of("image/jpeg")
                : n.endsWith(".pdf") ? Optional.of("application/pdf") : Optional.empty();
    }

    public boolean image() {
        return mediaType.startsWith("image/");
    }

    private static boolean starts(byte[] content, int... head) {
        if (content.length < head.length) {
            return false;
        }
        for (int i = 0; i < head.length; i++) {
            if ((content[i] & 0xFF) != head[i]) {
                return false;
            }
        }
        return true;
    }
}
